using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Impact;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>
/// <c>impact SNAPSHOT --policy NEW [--baseline OLD]</c>: every offender, manager and team whose findings differ between
/// two policies, grouped by team and kind with counts.
/// </summary>
internal static class ImpactCommand
{
    /// <summary>The exit code of <c>--fail-on-change</c> when a finding differs.</summary>
    public const int FindingsDiffer = 1;

    public static (Command Command, CommandHelp Help) Create()
    {
        var snapshot = new Argument<string>("SNAPSHOT")
        {
            Description = "A caseload snapshot file (contract section 1), a folder of CSV files (section 9), or - for standard input.",
        };
        var policy = new Option<string>("--policy")
        {
            Description = "The proposed policy file (contract section 4), merged over the defaults.",
            HelpName = "FILE",
            Required = true,
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "The policy in force to compare with (contract section 4). Default: the default policy.",
            HelpName = "FILE",
        };
        var asOf = CommonOptions.AsOf();
        var format = CommonOptions.Format(Formats.Table, Formats.Table, Formats.Json);
        format.Description = "table: counts by kind and by team, then every difference; json: the impact document.";
        var output = CommonOptions.Output("the result");
        var failOnChange = new Option<bool>("--fail-on-change")
        {
            Description = "Exit 1 when any finding differs (the report is still written), so a policy repository's CI can gate a change.",
        };

        var command = new Command("impact", "Lists every offender, manager and team whose findings differ between a proposed policy and the baseline.")
        {
            snapshot, policy, baseline, asOf, format, output, failOnChange,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(snapshot),
            parse.GetRequiredValue(policy),
            parse.GetValue(baseline),
            parse.GetValue(asOf),
            parse.GetValue(format) ?? Formats.Table,
            parse.GetValue(output),
            parse.GetValue(failOnChange)));

        return (command, new CommandHelp(
        [
            "safeguarding-rules impact caseload.json --policy proposed.json",
            "safeguarding-rules impact caseload.json --policy proposed.json --baseline current.json --as-of 2018-05-01",
            "safeguarding-rules impact caseload.json --policy proposed.json --format json --output impact.json",
            "safeguarding-rules impact caseload.json --policy proposed.json --baseline current.json --fail-on-change",
        ])
        {
            Details =
            [
                "Evaluates the snapshot under both policies as of the same date and matches findings by kind and subject",
                "(offender, manager, team or child-protection record): a finding only the proposed policy gives is raised, one only the baseline gives",
                "is cleared, and one both give with different values (escalation level, due date, days overdue, caseload, ...)",
                "is changed, with each field's old and new value. A manager going from above target to critical is one",
                "finding cleared and one raised.",
            ],
            ExitCodes =
            [
                "0  compared, whether or not findings differ (with --fail-on-change: no finding differs)",
                "1  with --fail-on-change: findings differ (the report is still written); otherwise an unexpected failure",
                "2  invalid input, policy or usage: every problem on stderr, nothing on stdout",
            ],
        });
    }

    private static int Run(string snapshotPath, string policyPath, string? baselinePath, DateOnly? asOf, string format, string? outputPath, bool failOnChange)
    {
        OutputTarget.RefuseInput(outputPath, snapshotPath, policyPath, baselinePath);
        var progress = ProgressReporter.ForStandardError();
        var problems = new List<string>();
        var proposed = PolicySource.Check(policyPath, problems);
        var baseline = PolicySource.Check(baselinePath, problems);
        if (proposed is null || baseline is null || problems.Count > 0)
        {
            // The snapshot's problems are listed too, so that one run shows every problem (contract section 3).
            var files = baselinePath is null ? policyPath : policyPath + " and " + baselinePath;
            var failed = new List<string>();
            if (proposed is null)
            {
                failed.Add(policyPath);
            }

            if (baseline is null && baselinePath is not null)
            {
                failed.Add(baselinePath);
            }

            throw SnapshotCheck.PolicyFailure(problems, ProblemText.Count(problems.Count) + " in policy " + files + ".", snapshotPath, failed);
        }

        var loaded = SnapshotSource.Load(snapshotPath, progress);
        ImpactReport report;
        using (progress.Start("Evaluating " + Text.Number(loaded.Input.OffenderRecordCount) + " offender records under both policies"))
        {
            report = PolicyImpact.Compare(new SafeguardingEngine(), loaded.Input, proposed, baseline, asOf);
        }

        if (!report.IsEvaluated)
        {
            throw new ExpectedFailureException(
                ProblemText.Lines(report.Problems, loaded.Source),
                ProblemText.Count(report.Problems.Count) + " in " + loaded.Source + "; nothing was evaluated.");
        }

        using (var target = OutputTarget.Open(outputPath, snapshotPath, policyPath, baselinePath))
        {
            if (format == Formats.Json)
            {
                ImpactJson.Write(report, target.Stream);
            }
            else
            {
                using var writer = OutputTarget.TextWriter(target.Stream);
                ImpactTable.Write(report, loaded.Source, writer);
            }

            target.Commit();
        }

        if (failOnChange && report.HasChanges)
        {
            Console.Error.WriteLine(
                Text.Number(report.Changes.Count) + (report.Changes.Count == 1 ? " finding differs" : " findings differ") + " between baseline "
                + report.BaselinePolicyVersion + " and proposed " + report.ProposedPolicyVersion + "; exit 1 (--fail-on-change).");
            return FindingsDiffer;
        }

        return ExitCodes.Success;
    }
}
