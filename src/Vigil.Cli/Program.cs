using System.CommandLine;
using Vigil.Cli.Commands;

var root = new RootCommand("vigil");
root.Subcommands.Add(GenerateCommand.Create());
return root.Parse(args).Invoke();
