using System.CommandLine;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.Diagnostics;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>evaluate [SNAPSHOT]</c>: runs the policy over a snapshot and reports the findings.</summary>
internal static class EvaluateCommand
{
    private const int WarningLines = 20;

    public static (Command Command, CommandHelp Help) Create()
    {
        var snapshot = new Argument<string?>("SNAPSHOT")
        {
            Description = "A caseload snapshot file (contract section 1), a folder of CSV files (section 9), or - for standard input. Default: the built-in synthetic force of 2,000 offenders as of 2018-05-01.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var asOf = CommonOptions.AsOf();
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format(Formats.Table, Formats.Table, Formats.Json, Formats.Csv);
        format.Description = "table: a readable summary and the most urgent findings; json: the findings document (contract section 5); csv: one finding per row.";
        var output = CommonOptions.Output("the result");
        var allowInvalid = new Option<bool>("--allow-invalid")
        {
            Description = "Evaluate the valid records when some are invalid: each rejected offender becomes a DataQuality finding and the json document lists every problem under 'rejected'. Default: any problem stops the run (exit 2).",
        };
        var top = new Option<int>("--top")
        {
            Description = "table format: how many of the most urgent findings to list; 0 lists all.",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
            CustomParser = CommonOptions.WholeNumber("--top", 0, int.MaxValue),
        };

        var since = new Option<string?>("--since")
        {
            Description = "An earlier run's findings document (--format json output, any version): each finding gets its change since then (Raised, Escalated, Changed, Unchanged), json gains a 'changes' block with the cleared findings, csv a 'change' column, and table a first section of what was raised and escalated.",
            HelpName = "PREVIOUS.json",
        };

        var command = new Command("evaluate", "Evaluates a caseload snapshot against the policy and reports the findings.")
        {
            snapshot, asOf, policy, format, output, allowInvalid, top, since,
        };
        command.SetAction(parse => Run(
            parse.GetValue(snapshot),
            parse.GetValue(asOf),
            parse.GetValue(policy),
            parse.GetValue(format) ?? Formats.Table,
            parse.GetValue(output),
            parse.GetValue(allowInvalid),
            parse.GetValue(top),
            parse.GetValue(since)));

        return (command, new CommandHelp(
        [
            "safeguarding-rules evaluate",
            "safeguarding-rules evaluate caseload.json",
            "safeguarding-rules evaluate caseload.json --as-of 2018-05-01 --policy force-policy.json",
            "safeguarding-rules evaluate caseload.json --format json --output findings.json",
            "safeguarding-rules evaluate caseload.json --format csv > findings.csv",
            "cat caseload.json | safeguarding-rules evaluate - --allow-invalid --format json",
            "safeguarding-rules evaluate today.json --since yesterday-findings.json",
        ])
        {
            Details =
            [
                "With no SNAPSHOT, evaluates the built-in synthetic force: 2,000 offenders shaped like the 2018",
                "Merseyside inspection, as of 2018-05-01, so the output never changes.",
                "table lists the most urgent findings first: highest escalation, then most days overdue.",
                "csv has one finding per row: kind, id, rule, every field of the contract's findings tables, reason.",
                "--since compares with an earlier findings document by finding id; one that cannot be read is bad input (exit 2).",
                "Progress is shown on stderr when a step takes more than a second and stderr is a terminal.",
            ],
            ExitCodes = CliApplication.StandardExitCodes("evaluated, whether or not there are findings"),
        });
    }

    private static int Run(string? snapshotPath, DateOnly? asOf, string? policyPath, string format, string? outputPath, bool allowInvalid, int top, string? sincePath)
    {
        var timings = PhaseTimings.StartIfAsked();
        OutputTarget.RefuseInput(outputPath, snapshotPath, policyPath);
        var progress = ProgressReporter.ForStandardError();
        var problems = new List<string>();
        var policy = policyPath is null ? null : PolicySource.Check(policyPath, problems);
        var policyFailed = policyPath is not null && policy is null;
        var policyProblems = problems.Count;
        var earlier = sincePath is null ? null : EarlierRunSource.Check(sincePath, problems);
        var sinceFailed = sincePath is not null && earlier is null;
        if (policyFailed || sinceFailed)
        {
            // The snapshot's problems are listed too, so that one run shows every problem (contract section 3).
            var files = new List<string>();
            if (policyFailed)
            {
                files.Add(policyPath!);
            }

            if (sinceFailed)
            {
                files.Add(sincePath!);
            }

            var summary = files.Count > 1
                ? ProblemText.FoundIn(problems.Count, files, "nothing was evaluated")
                : policyFailed
                    ? ProblemText.Count(policyProblems) + " in policy " + policyPath + "."
                    : EarlierRunSource.Summary(sincePath!, problems.Count);
            // Without --policy the run's policy is the default one, loaded: the snapshot's overrides are checked against it.
            throw SnapshotCheck.Failure(
                problems, summary, snapshotPath, files, policyFailed ? null : policy ?? new Policies.SafeguardingPolicy(), policyFailed ? [policyPath!] : [],
                partialResults: allowInvalid ? static (check, source) => RejectedRecordLines(check, source, evaluated: false) : null);
        }

        // The engine is compiled on another core while this one reads the snapshot.
        var compiling = BackgroundEngine.Start(timings, warmUp: true);
        var loaded = SnapshotSource.Load(snapshotPath, progress);
        timings?.Mark("read");

        EvaluationReport report;
        using (progress.Start("Evaluating " + Text.Number(loaded.Input.OffenderRecordCount) + " offender records"))
        {
            var engine = compiling.GetAwaiter().GetResult();
            timings?.Mark("compile");
            report = engine.Evaluate(loaded.Input, new EvaluationOptions { AsOf = asOf, Policy = policy, AllowPartialResults = allowInvalid });
            timings?.Mark("evaluate");
        }

        if (!report.IsEvaluated)
        {
            var summary = ProblemText.Count(report.Problems.Count) + " in " + loaded.Source + "; nothing was evaluated.";
            if (!allowInvalid && !report.Problems.Any(static p => p.IsDocumentProblem))
            {
                summary += " --allow-invalid evaluates the valid records and reports each rejected offender as a DataQuality finding.";
            }

            throw new ExpectedFailureException(ProblemText.Lines(report.Problems, loaded.Source), summary);
        }

        WarnAboutRejectedRecords(report, loaded.Source);
        var changes = earlier is null ? null : FindingChanges.Compare(report, earlier);

        using var target = OutputTarget.Open(outputPath, snapshotPath, policyPath);
        using var counted = new CountingStream(target.Stream);
        using (progress.Start("Writing " + Text.Number(report.Findings.Count) + " findings", () => Text.Megabytes(counted.Bytes)))
        {
            switch (format)
            {
                case Formats.Json:
                    FindingsJson.WriteWithChanges(report, changes, counted);
                    break;
                case Formats.Csv:
                    using (var writer = OutputTarget.Writer(counted, CsvFindings.NewLine))
                    {
                        CsvFindings.Write(report.Findings, writer, changes);
                    }

                    break;
                default:
                    using (var writer = OutputTarget.TextWriter(counted))
                    {
                        TableReport.Write(report, loaded.Source, top, writer, loaded.Input.Snapshot, (policy ?? new Policies.SafeguardingPolicy()).ChildProtection.PoliceProtectionMaxHours, changes);
                    }

                    break;
            }

            counted.Flush();
            target.Commit();
        }

        timings?.Mark("write");
        timings?.Write(Console.Error);
        return ExitCodes.Success;
    }

    private static void WarnAboutRejectedRecords(EvaluationReport report, string source)
    {
        if (report.Problems.Count == 0)
        {
            return;
        }

        var error = Console.Error;
        foreach (var line in RejectedRecordLines(report, source, evaluated: true))
        {
            error.WriteLine("warning: " + line);
        }
    }

    /// <summary>
    /// The warnings of an <c>--allow-invalid</c> run about its rejected records: the first problems, how many more, and
    /// what became of them; when nothing was <paramref name="evaluated"/> (another input had problems), what would have.
    /// </summary>
    private static List<string> RejectedRecordLines(EvaluationReport report, string source, bool evaluated)
    {
        var lines = ProblemText.Lines(report.Problems.Take(WarningLines), source).ToList();
        if (report.Problems.Count > WarningLines)
        {
            lines.Add("... and " + Text.Number(report.Problems.Count - WarningLines) + " more" + (evaluated ? " (the json format lists every one under 'rejected')." : "."));
        }

        lines.Add(evaluated
            ? ProblemText.Count(report.Problems.Count) + " in " + source + "; " + Text.Number(report.Summary.Rejected)
                + " offender records rejected and reported as DataQuality findings; invalid visits, briefings, managers and teams were left out."
            : ProblemText.Count(report.Problems.Count) + " in " + source + ", which --allow-invalid accepts: " + Text.Number(report.Summary.Rejected)
                + " offender records would be rejected and reported as DataQuality findings; invalid visits, briefings, managers and teams would be left out.");
        return lines;
    }
}
