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
                "by two names runs once. A policy file with problems runs no scenario, but every scenario file is still",
                "read, and the problems of those that cannot be read are listed after the policy's.",
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
        var problems = new List<string>();
        var policy = PolicySource.Check(policyPath, problems);
        if (policyPath is not null && (policy is null || problems.Count > 0))
        {
            // The scenario files' problems are listed too, so that one run shows every problem (contract section 3).
            throw PolicyFailure(folder, policyPath, problems);
        }

        if (FolderProblem(folder) is { } problem)
        {
            throw new ExpectedFailureException(problem);
        }

        var runner = policyPath is null ? new ScenarioRunner() : new ScenarioRunner(new SafeguardingEngine(), policy);
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

    /// <summary>Why <paramref name="folder"/> is not a scenario folder (a file, or nothing), or <see langword="null"/> when it is one.</summary>
    private static string? FolderProblem(string folder) =>
        File.Exists(folder) ? folder + ": is a file; give the folder that holds the scenario files"
        : !Directory.Exists(folder) ? folder + ": scenario folder not found"
        : null;

    /// <summary>
    /// The failure of a run whose policy file had <paramref name="problems"/>: every scenario file is read too, and the
    /// problems of those that cannot be read as scenarios (as a run without the policy lists them) follow the policy's.
    /// No scenario is run. With no scenario problem the closing line is the policy's, as before; else it names the
    /// policy and the scenario files with problems.
    /// </summary>
    private static ExpectedFailureException PolicyFailure(string folder, string policyPath, List<string> problems)
    {
        var policySummary = ProblemText.Count(problems.Count) + " in policy " + policyPath + ".";
        var before = problems.Count;
        var files = new List<string> { policyPath };
        if (FolderProblem(folder) is { } problem)
        {
            problems.Add(problem);
            files.Add(folder);
        }
        else
        {
            var unreadable = ReadProblems(folder, problems);
            if (unreadable > 0)
            {
                files.Add((unreadable == 1 ? "1 scenario file" : Text.Number(unreadable) + " scenario files") + " in " + folder);
            }
            else if (problems.Count > before)
            {
                files.Add(folder);
            }
        }

        return problems.Count == before
            ? new ExpectedFailureException(problems, policySummary)
            : new ExpectedFailureException(problems, ProblemText.FoundIn(problems.Count, files, "no scenario was run"));
    }

    /// <summary>
    /// Reads every scenario file in <paramref name="folder"/> without running it and adds one line per problem to
    /// <paramref name="problems"/>: each problem of a file that cannot be read as a scenario, or that the folder cannot
    /// be read.
    /// </summary>
    /// <returns>How many scenario files have problems.</returns>
    private static int ReadProblems(string folder, List<string> problems)
    {
        IReadOnlyList<string> names;
        try
        {
            names = ScenarioRunner.FindScenarioFiles(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(folder + ": cannot be read: " + e.Message.ReplaceLineEndings(" "));
            return 0;
        }

        var unreadable = 0;
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            try
            {
                var loaded = ScenarioFile.Load(path);
                if (!loaded.IsValid)
                {
                    problems.AddRange(loaded.Problems.Select(static p => p.ToString()));
                    unreadable++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(path + ": cannot be read: " + e.Message.ReplaceLineEndings(" "));
                unreadable++;
            }
        }

        return unreadable;
    }
}
