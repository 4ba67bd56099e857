using System.CommandLine;
using System.Globalization;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>
/// <c>explain [SNAPSHOT] --offender ID | --manager ID | --team ID | --detention ID | --discussion ID | --protection ID</c>:
/// for one subject, every rule that applies to it, whether it fired and why, in plain English (contract v1.1, issue #12).
/// </summary>
internal static class ExplainCommand
{
    private const string Text = "text";

    public static (Command Command, CommandHelp Help) Create()
    {
        var snapshot = new Argument<string?>("SNAPSHOT")
        {
            Description = "A caseload snapshot file (contract section 1), a folder of CSV files (section 9), or - for standard input. Default: the built-in synthetic force of 2,000 offenders as of 2018-05-01.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var offender = Subject("--offender", "an offender");
        var manager = Subject("--manager", "an offender manager");
        var team = Subject("--team", "a team");
        var detention = Subject("--detention", "a detention (contract section 6)");
        var discussion = Subject("--discussion", "a strategy discussion (contract section 6)");
        var protection = Subject("--protection", "a police protection (contract section 6)");
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

        var command = new Command("explain", "Explains, for one offender, manager, team, detention, strategy discussion or police protection, whether each rule fired and why: the values compared and the policy thresholds.")
        {
            snapshot, offender, manager, team, detention, discussion, protection, asOf, policy, format, disable,
        };

        command.SetAction(parse =>
        {
            return Run(
                parse.GetValue(snapshot),
                Chosen(
                [
                    (parse.GetValue(offender), "--offender", ExplainSubject.Offender),
                    (parse.GetValue(manager), "--manager", ExplainSubject.Manager),
                    (parse.GetValue(team), "--team", ExplainSubject.Team),
                    (parse.GetValue(detention), "--detention", ExplainSubject.Detention),
                    (parse.GetValue(discussion), "--discussion", ExplainSubject.Discussion),
                    (parse.GetValue(protection), "--protection", ExplainSubject.Protection),
                ]),
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
            "safeguarding-rules explain caseload.json --detention CUS-00931",
        ])
        {
            Details =
            [
                "Lists every built-in rule that applies to the subject (an offender: visits, escalation, allocation,",
                "community checks and data quality; a manager: caseload; a team: unit backlog; a detention, strategy",
                "discussion or police protection: its child-protection rules and data quality), then the host's rules,",
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

    private static ExplainSubject Chosen((string? Id, string Option, Func<string, ExplainSubject> Subject)[] options)
    {
        var given = options.Where(static o => o.Id is not null).ToList();
        if (given.Count != 1)
        {
            throw new ExpectedFailureException("explain needs exactly one of " + string.Join(", ", options.Select(static o => o.Option + " ID"))
                + "; " + (given.Count == 0 ? "none was given." : given.Count.ToString(CultureInfo.InvariantCulture) + " were given."));
        }

        var (id, option, subject) = given[0];
        if (id is { Length: 0 })
        {
            throw new ExpectedFailureException(option + " needs a non-empty id.");
        }

        return subject(id!);
    }

    private static int Run(string? snapshotPath, ExplainSubject subject, DateOnly? asOf, string? policyPath, string format, string[] disabledRules)
    {
        var policyProblems = new List<string>();
        var policy = policyPath is null ? null : PolicySource.Check(policyPath, policyProblems);
        if (policyPath is not null && (policy is null || policyProblems.Count > 0))
        {
            // The snapshot's problems are listed too, so that one run shows every problem (contract section 3).
            throw SnapshotCheck.PolicyFailure(policyProblems, ProblemText.Count(policyProblems.Count) + " in policy " + policyPath + ".", snapshotPath, [policyPath]);
        }

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
    internal static SafeguardingEngine Engine(string[] disabledRules)
    {
        if (disabledRules.Length == 0)
        {
            return new SafeguardingEngine();
        }

        var known = RuleSwitches.BuiltIn.Names; // read from the rules' metadata: no engine compiled only to list them
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
