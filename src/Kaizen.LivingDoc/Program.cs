using Kaizen.LivingDoc.Cli;

var commands = new LivingDocCommands(Console.Out, Console.Error, TimeProvider.System, Environment.CurrentDirectory, oneShotProcess: true);
return await commands.Parse(args).InvokeAsync();
