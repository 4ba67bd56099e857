using Safeguarding.Rules.Cli;

return CliApplication.Run(args);
