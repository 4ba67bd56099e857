using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Testing.Scenarios;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>test FOLDER [--coverage] [--policy FILE]</c>: runs the scenario files of a folder and reports pass or fail with a diff.</summary>
internal static class TestCommand
{
    /// <summary>The exit code when a scenario failed (or the folder holds none).</summary>
    public const int ScenariosFailed = 1;

    public static (Command Command, CommandHelp Help) Create()
    {
        var folder = new Argument<string>("FOLDER")
        {
            Description = "A folder of scenario files (*.yaml, *.yml; subfolders included), each with a description, an as-of date, policy changes, the given facts and the expected findings.",
        };
        var coverage = new Option<bool>("--coverage")
        {
            Description = "Also print which rules fired in at least one scenario and which never did.",
        };
        var policy = CommonOptions.Policy();
        policy.Description = "A policy file (contract section 4) that each scenario's policy changes apply over, to see which scenarios a proposed policy breaks. Default: the default policy.";

        var command = new Command("test", "Runs scenario files and prints pass or fail for each, with a readable diff of expected and actual findings.")
        {
            folder, coverage, policy,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(folder), parse.GetValue(coverage), parse.GetValue(policy)));
        return (command, new CommandHelp(
        [
            "safeguarding-rules test scenarios",
            "safeguarding-rules test scenarios --coverage",
            "safeguarding-rules test scenarios --policy proposed.json",
        ])
        {
            Details =
            [
                "Nothing to compile: each file states the facts and the findings expected from them. A failing scenario",
                "shows its findings by kind: '- missing', '+ unexpected', and '~' for a finding about the right subject",
                "with other values. A file that cannot be read is named on stderr with its line, column and field.",
                "Symbolic links to folders inside FOLDER are not followed (one can lead back to an ancestor); a file reached",
                "by two names runs once.",
            ],
            ExitCodes =
            [
                "0  every scenario passed",
                "1  a scenario failed, or the folder holds no scenario file; also an unexpected failure (one line on stderr)",
                "2  a scenario file could not be read (each problem on stderr, naming file, line and field), or invalid policy or usage",
            ],
        });
    }

    private static int Run(string folder, bool coverage, string? policyPath)
    {
        if (File.Exists(folder))
        {
            throw new ExpectedFailureException(folder + ": is a file; give the folder that holds the scenario files");
        }

        if (!Directory.Exists(folder))
        {
            throw new ExpectedFailureException(folder + ": scenario folder not found");
        }

        var runner = policyPath is null ? new ScenarioRunner() : new ScenarioRunner(new SafeguardingEngine(), PolicySource.Load(policyPath));
        ScenarioSuiteResult suite;
        try
        {
            using (ProgressReporter.ForStandardError().Start("Running the scenarios in " + folder))
            {
                suite = runner.RunFolder(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(folder + ": cannot be read: " + e.Message.ReplaceLineEndings(" "), e);
        }

        using (var target = OutputTarget.Open(null))
        {
            using (var writer = OutputTarget.TextWriter(target.Stream))
            {
                ScenarioSuiteText.Write(suite, coverage, writer, Console.Error);
            }

            target.Commit();
        }

        return suite.UnreadableCount > 0 ? ExitCodes.InvalidInput
            : suite.AllPassed ? ExitCodes.Success
            : ScenariosFailed;
    }
}
