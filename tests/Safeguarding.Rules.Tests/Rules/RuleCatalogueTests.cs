using System.Text;
using System.Text.Json;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Tests.Evaluation;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Tests.Serialization;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>The rule catalogue: built-in rules known by type, their finding kind on the class, descriptions in the policy's values.</summary>
public sealed class RuleCatalogueTests
{
    [Fact]
    public void Rules_DefaultPolicy_DescriptionsShowTheDefaults()
    {
        var rules = new SafeguardingEngine().Rules;

        Description(rules, RuleNames.CaseloadAboveTarget).Should().Contain("above 50 (caseload.target) and not above 75 (caseload.critical)");
        Description(rules, RuleNames.UnitBacklog).Should().Contain("more than 5% (escalation.unitBacklogPercent)");
        rules.Should().OnlyContain(r => !r.Description.Contains('{'), "every placeholder is resolved");
    }

    [Fact]
    public void Rules_EnginePolicy_DescriptionsShowItsValues_NotTheDefaults()
    {
        var policy = new SafeguardingPolicy
        {
            Caseload = new CaseloadPolicy { Target = 60, Critical = 90 },
            Escalation = new EscalationPolicy { SupervisorAfterDays = 10, InspectorAfterDays = 20, HighRiskInspectorAfterDays = 3, UnitBacklogPercent = 2.5m },
            VisitIntervalDays = new VisitIntervalPolicy { High = 60 },
            DueSoonDays = 21,
            RiskReviewDays = 300,
        };

        var rules = new SafeguardingEngine(new SafeguardingRulesOptions { Policy = policy }).Rules;

        Description(rules, RuleNames.CaseloadAboveTarget).Should().Contain("above 60 (caseload.target) and not above 90 (caseload.critical)").And.NotContain("50");
        Description(rules, RuleNames.CaseloadCritical).Should().Contain("above 90 (caseload.critical)");
        Description(rules, RuleNames.EscalateToSupervisor).Should().Contain("more than 10 days overdue");
        Description(rules, RuleNames.EscalateToDetectiveInspector).Should().Contain("more than 20 days overdue").And.Contain("more than 3 days overdue");
        Description(rules, RuleNames.UnitBacklog).Should().Contain("more than 2.5% (escalation.unitBacklogPercent)");
        Description(rules, RuleNames.VisitOverdue).Should().Contain("30 / 60 / 182 / 365 days");
        Description(rules, RuleNames.VisitDueSoon).Should().Contain("within 21 days (dueSoonDays)");
        Description(rules, RuleNames.RiskReviewOverdue).Should().Contain("plus 300 days (riskReviewDays)");
    }

    [Fact]
    public void ChildProtectionDataQuality_IsTaggedChildProtectionAndDataQuality_SoEitherTagSwitchesItOff()
    {
        // Contract section 6: its rules "are tagged ChildProtection so a host can switch them off as a group", and the
        // DataQuality finding of a rejected discussion, detention or protection is one of that section's; it is also a
        // DataQuality rule, so switching off DataQuality still switches it off. The offenders' DataQuality is no
        // child-protection rule.
        var rules = new SafeguardingEngine().Rules;
        rules.Single(static r => r.Name == RuleNames.ChildProtectionDataQuality).Tags.Should().BeEquivalentTo(RuleTags.DataQuality, RuleTags.ChildProtection);
        rules.Single(static r => r.Name == RuleNames.DataQuality).Tags.Should().Equal(RuleTags.DataQuality);
        var snapshot = JsonText.Read("""
            { "asOf": "2018-05-01",
              "offenders": [ { "id": "A", "riskLevel": "Low", "registeredOn": "2015-03-02" }, { "id": "B", "riskLevel": "Low", "registeredOn": "2015-03-02", "visitIntervalDays": 0 } ],
              "detentions": [ { "id": "D-1", "custodySuiteId": "", "juvenile": true, "authorisedAt": "2018-04-30T20:00Z" } ] }
            """);
        var partial = new EvaluationOptions { AllowPartialResults = true };

        var all = new SafeguardingEngine().Evaluate(snapshot, partial);
        var childProtectionOff = new SafeguardingEngine(new SafeguardingRulesOptions().DisableTag(RuleTags.ChildProtection)).Evaluate(snapshot, partial);
        var dataQualityOff = new SafeguardingEngine(new SafeguardingRulesOptions().DisableTag(RuleTags.DataQuality)).Evaluate(snapshot, partial);

        all.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Select(static f => f.Id).Should().Equal("DataQuality:offenders:#1", "DataQuality:detentions:#0");
        childProtectionOff.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Select(static f => f.Id).Should().Equal("DataQuality:offenders:#1");
        childProtectionOff.Problems.Select(static p => p.Array).Should().Equal("offenders", "detentions"); // still listed in rejected
        dataQualityOff.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Should().BeEmpty();
    }

    [Fact]
    public void Rules_BuiltInRules_CarryTheFindingKindDeclaredOnTheirClass()
    {
        var kinds = new SafeguardingEngine().Rules.ToDictionary(static r => r.Name, static r => r.FindingKind);

        kinds[RuleNames.VisitOverdue].Should().BeNull("it concludes an overdue visit; the escalation rules give the finding");
        kinds[RuleNames.EscalateToSupervisor].Should().Be(FindingKinds.VisitOverdue);
        kinds[RuleNames.CaseloadCritical].Should().Be(FindingKinds.CaseloadCritical);
        kinds[RuleNames.DataQuality].Should().Be(FindingKinds.DataQuality);
        CompiledRules.BuiltInRuleTypes.Should().HaveCount(kinds.Count).And.OnlyContain(static t => t.IsSubclassOf(typeof(BuiltInRule)));
    }

    [Fact]
    public void Compile_OnlyBuiltInRules_CollectsBesideTheSession_HostRules_KeepFindingsAsFacts()
    {
        var builtIn = CompiledRules.Compile([], new HashSet<string>(), new HashSet<string>(), null);
        var withHost = CompiledRules.Compile([typeof(SessionRunnerTests.NeverFiresRule)], new HashSet<string>(), new HashSet<string>(), null);

        builtIn.Runner.Should().BeOfType<CollectingSessionRunner>();
        withHost.Runner.Should().BeOfType<LinkedFactsSessionRunner>();
    }

    [Fact]
    public void RuleCatalogueJson_Write_ListsEveryRuleWithItsFields()
    {
        var rules = new SafeguardingEngine().Rules;
        using var stream = new MemoryStream();

        RuleCatalogueJson.Write(rules, stream);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        text.Should().NotContain("\r").And.StartWith("{\n  \"rules\": [\n");
        using var document = JsonDocument.Parse(text);
        var written = document.RootElement.GetProperty("rules").EnumerateArray().ToList();
        written.Select(static r => r.GetProperty("name").GetString()).Should().Equal(rules.Select(static r => r.Name));
        written.Select(static r => r.GetProperty("description").GetString()).Should().Equal(rules.Select(static r => r.Description));
        written.Select(static r => r.TryGetProperty("findingKind", out var kind) ? kind.GetString() : null).Should().Equal(rules.Select(static r => r.FindingKind));
        written.Should().OnlyContain(static r => r.GetProperty("builtIn").GetBoolean());
    }

    private static string Description(IReadOnlyList<RuleInfo> rules, string name) => rules.Single(r => r.Name == name).Description;
}
