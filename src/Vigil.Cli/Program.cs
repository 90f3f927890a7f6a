using System.CommandLine;
var root = new RootCommand("vigil");
return root.Parse(args).Invoke();
