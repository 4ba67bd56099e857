using System.CommandLine;
using System.Globalization;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>
/// <c>explain [SNAPSHOT] --offender ID | --manager ID | --team ID</c>: for one subject, every rule that applies to it,
/// whether it fired and why, in plain English (contract v1.1, issue #12).
/// </summary>
internal static class ExplainCommand
{
    private const string Text = "text";

    /// <summary>Subjects of later contract sections: the options exist so that asking for one says plainly that it is not here yet.</summary>
    private static readonly string[] NotYet = ["--detention", "--discussion", "--protection"];

    public static (Command Command, CommandHelp Help) Create()
    {
        var snapshot = new Argument<string?>("SNAPSHOT")
        {
            Description = "A caseload snapshot file (contract section 1), or - for standard input. Default: the built-in synthetic force of 2,000 offenders as of 2018-05-01.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var offender = Subject("--offender", "an offender");
        var manager = Subject("--manager", "an offender manager");
        var team = Subject("--team", "a team");
        var later = NotYet.Select(static name => new Option<string?>(name)
        {
            Description = "Not available in this version (child protection, contract section 6): exit 2.",
            HelpName = "ID",
        }).ToArray();
        var asOf = CommonOptions.AsOf();
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format(Text, Text, Formats.Json);
        format.Description = "text: one line per rule, 'Rule: raised: ...' or 'Rule: not raised: ...'; json: { subject, asOf, policyVersion, rules: [ { rule, fired, suppressedBy, disabled, explanation } ] }.";
        var disable = new Option<string[]>("--disable-rule")
        {
            Description = "Switch off the rule named RULE (repeatable), as a host can: the explanation says it is switched off and what it would have concluded.",
            HelpName = "RULE",
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("explain", "Explains, for one offender, manager or team, whether each rule fired and why: the values compared and the policy thresholds.")
        {
            snapshot, offender, manager, team, asOf, policy, format, disable,
        };
        foreach (var option in later)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var unavailable = later.FirstOrDefault(o => parse.GetValue(o) is not null);
            if (unavailable is not null)
            {
                throw new ExpectedFailureException(unavailable.Name + ": explaining " + unavailable.Name[2..] + "s is not available in this version; --offender, --manager and --team are.");
            }

            return Run(
                parse.GetValue(snapshot),
                Chosen(parse.GetValue(offender), parse.GetValue(manager), parse.GetValue(team)),
                parse.GetValue(asOf),
                parse.GetValue(policy),
                parse.GetValue(format) ?? Text,
                parse.GetValue(disable) ?? []);
        });

        return (command, new CommandHelp(
        [
            "safeguarding-rules explain --offender RSO-000123",
            "safeguarding-rules explain caseload.json --manager OM-017 --format json",
            "safeguarding-rules explain caseload.json --team T-NORTH --as-of 2018-05-01 --policy force-policy.json",
            "safeguarding-rules explain caseload.json --offender RSO-000123 --disable-rule RiskReviewOverdue",
        ])
        {
            Details =
            [
                "Lists every built-in rule that applies to the subject (an offender: visits, escalation, allocation,",
                "community checks and data quality; a manager: caseload; a team: unit backlog), then the host's rules,",
                "in the rule catalogue's order. Whether a rule fired comes from evaluating the whole snapshot.",
                "Explanations hold ids, dates, numbers and policy names only. An id the snapshot lacks is exit 2.",
            ],
            ExitCodes = CliApplication.StandardExitCodes("explained, whether or not any rule fired"),
        });
    }

    private static Option<string?> Subject(string name, string what) => new(name)
    {
        Description = "Explain " + what + ", by its id in the snapshot.",
        HelpName = "ID",
    };

    private static ExplainSubject Chosen(string? offender, string? manager, string? team)
    {
        var given = new[] { offender, manager, team }.Count(static id => id is not null);
        if (given != 1)
        {
            throw new ExpectedFailureException("explain needs exactly one of --offender ID, --manager ID or --team ID; " + (given == 0 ? "none was given." : given.ToString(CultureInfo.InvariantCulture) + " were given."));
        }

        foreach (var (id, option) in new[] { (offender, "--offender"), (manager, "--manager"), (team, "--team") })
        {
            if (id is { Length: 0 })
            {
                throw new ExpectedFailureException(option + " needs a non-empty id.");
            }
        }

        return offender is not null ? ExplainSubject.Offender(offender)
            : manager is not null ? ExplainSubject.Manager(manager)
            : ExplainSubject.Team(team!);
    }

    private static int Run(string? snapshotPath, ExplainSubject subject, DateOnly? asOf, string? policyPath, string format, string[] disabledRules)
    {
        var policy = policyPath is null ? null : PolicySource.Load(policyPath);
        var engine = Engine(disabledRules);
        var loaded = SnapshotSource.Load(snapshotPath, ProgressReporter.ForStandardError());
        var explanation = engine.Explain(loaded.Input, subject, new EvaluationOptions { AsOf = asOf, Policy = policy });
        if (!explanation.IsEvaluated)
        {
            throw new ExpectedFailureException(
                ProblemText.Lines(explanation.Problems, loaded.Source),
                ProblemText.Count(explanation.Problems.Count) + " in " + loaded.Source + "; nothing was evaluated, so nothing can be explained.");
        }

        if (explanation.SubjectProblem is { } unknown)
        {
            throw new ExpectedFailureException(loaded.Source + ": " + unknown);
        }

        using var target = OutputTarget.Open(null);
        if (format == Formats.Json)
        {
            ExplanationJson.Write(explanation, target.Stream);
        }
        else
        {
            using var writer = OutputTarget.TextWriter(target.Stream);
            writer.WriteLine(
                "Explanation for " + explanation.Subject + " as of " + explanation.AsOf.ToString(Output.Text.DateFormat, CultureInfo.InvariantCulture)
                + ", policy " + explanation.PolicyVersion + " (" + loaded.Source + ")");
            foreach (var rule in explanation.Rules)
            {
                writer.WriteLine(rule.ToString());
            }
        }

        target.Commit();
        return ExitCodes.Success;
    }

    /// <summary>An engine with the named rules switched off; a name that is no rule is bad usage (exit 2), naming it.</summary>
    private static SafeguardingEngine Engine(string[] disabledRules)
    {
        if (disabledRules.Length == 0)
        {
            return new SafeguardingEngine();
        }

        var known = new SafeguardingEngine().Rules.Select(static r => r.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = disabledRules.Where(r => !known.Contains(r)).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new ExpectedFailureException(unknown.Select(static r => "--disable-rule: no rule is named '" + r + "'; 'safeguarding-rules rules' lists them.").ToArray());
        }

        var options = new SafeguardingRulesOptions();
        foreach (var rule in disabledRules)
        {
            options.DisableRule(rule);
        }

        return new SafeguardingEngine(options);
    }
}
