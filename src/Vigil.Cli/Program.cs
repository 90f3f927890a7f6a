using System.CommandLine;
using Vigil.Cli.Commands;

var root = new RootCommand("Vigil: passenger screening for border and counter-terrorism agencies.");
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ScreenCommand.Create());
root.Subcommands.Add(MatchCommand.Create());
root.Subcommands.Add(NamesCommand.Create());
root.Subcommands.Add(ListsCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
return root.Parse(args).Invoke();
