using System.Text;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Impact;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Impact;

public sealed class ImpactJsonTests
{
    private static readonly SafeguardingEngine Engine = new();

    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>Manager OM-1 in team T-1, as of 2018-05-01.</summary>
    private static CaseloadScenario Caseload() => CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1");

    /// <summary>An offender of OM-1 registered 3000 and assessed 10 days before the as-of date, so only its visits give findings.</summary>
    private static Action<OffenderBuilder> Settled(Action<OffenderBuilder>? visits = null) => o =>
    {
        o.ManagedBy("OM-1").RegisteredDaysAgo(3000).RiskAssessedDaysAgo(10);
        visits?.Invoke(o);
    };

    private static SafeguardingPolicy High60() => new() { Version = "high-60", VisitIntervalDays = new VisitIntervalPolicy { High = 60 } };

    private static byte[] Write(ImpactReport report)
    {
        using var stream = new MemoryStream();
        ImpactJson.Write(report, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Write_SameComparisonTwice_GivesIdenticalBytes()
    {
        var snapshot = SyntheticCaseload.Generate(2000, 3);

        var first = Write(PolicyImpact.Compare(Engine, snapshot, High60()));
        var second = Write(PolicyImpact.Compare(new SafeguardingEngine(), SyntheticCaseload.Generate(2000, 3), High60()));

        first.Should().NotBeEmpty();
        second.Should().Equal(first);
        Encoding.UTF8.GetString(first).Should().NotContain("\r");
    }

    [Fact]
    public void Write_HandWorkedChange_HasTheDocumentedShape()
    {
        // RSO-1 (High) visited 2018-01-09, as of 2018-05-01: due 2018-04-10, 21 days overdue; at 60 days due 2018-03-10, 52 days overdue.
        var scenario = Caseload().Offender("RSO-1", RiskLevel.High, Settled(o => o.VisitedOn(new DateOnly(2018, 1, 9))));

        using var doc = JsonDocument.Parse(Write(PolicyImpact.Compare(Engine, scenario.ToSnapshot(), High60())));
        var root = doc.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "schemaVersion", "asOf", "baselinePolicyVersion", "proposedPolicyVersion", "hasChanges", "totals", "kinds", "teams", "affected", "changes");
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("asOf").GetString().Should().Be("2018-05-01");
        root.GetProperty("baselinePolicyVersion").GetString().Should().Be("default");
        root.GetProperty("proposedPolicyVersion").GetString().Should().Be("high-60");
        root.GetProperty("hasChanges").GetBoolean().Should().BeTrue();
        root.GetProperty("totals").GetProperty("changed").GetInt32().Should().Be(1);
        root.GetProperty("totals").GetProperty("raised").GetInt32().Should().Be(0);

        var overdueKind = root.GetProperty("kinds")[0];
        overdueKind.GetProperty("kind").GetString().Should().Be("VisitOverdue");
        overdueKind.GetProperty("baseline").GetInt32().Should().Be(1);
        overdueKind.GetProperty("proposed").GetInt32().Should().Be(1);
        overdueKind.GetProperty("changed").GetInt32().Should().Be(1);

        var team = root.GetProperty("teams").EnumerateArray().Should().ContainSingle().Subject;
        team.GetProperty("teamId").GetString().Should().Be("T-1");
        team.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("kind").GetString()).Should().Equal("VisitOverdue");
        root.GetProperty("affected").GetProperty("offenders").EnumerateArray().Select(e => e.GetString()).Should().Equal("RSO-1");

        var change = root.GetProperty("changes").EnumerateArray().Should().ContainSingle().Subject;
        change.GetProperty("change").GetString().Should().Be("Changed");
        change.GetProperty("key").GetString().Should().Be("VisitOverdue:RSO-1");
        change.GetProperty("offenderId").GetString().Should().Be("RSO-1");
        var fields = change.GetProperty("fields").EnumerateArray().ToList();
        fields.Select(f => f.GetProperty("field").GetString()).Should().Equal("dueOn", "daysOverdue");
        fields[0].GetProperty("baseline").GetString().Should().Be("2018-04-10");
        fields[0].GetProperty("proposed").GetString().Should().Be("2018-03-10");
        fields[1].GetProperty("baseline").ValueKind.Should().Be(JsonValueKind.Number);
        fields[1].GetProperty("baseline").GetInt32().Should().Be(21);
        fields[1].GetProperty("proposed").GetInt32().Should().Be(52);
        change.GetProperty("baseline").GetProperty("dueOn").GetString().Should().Be("2018-04-10");
        change.GetProperty("proposed").GetProperty("daysOverdue").GetInt32().Should().Be(52);
        change.GetProperty("proposed").GetProperty("reason").GetString().Should().Contain("52 days overdue");
        change.GetProperty("proposed").TryGetProperty("daysUntilDue", out _).Should().BeFalse("absent values are omitted");
    }

    [Fact]
    public void Write_RaisedAndCleared_HaveOnlyTheirOwnSide()
    {
        // RSO-1 (High) visited 2018-02-05: due soon (6 days) by default; 25 days overdue at 60 days.
        var scenario = Caseload().Offender("RSO-1", RiskLevel.High, Settled(o => o.VisitedOn(new DateOnly(2018, 2, 5))));

        using var doc = JsonDocument.Parse(Write(PolicyImpact.Compare(Engine, scenario.ToSnapshot(), High60())));

        var changes = doc.RootElement.GetProperty("changes").EnumerateArray().ToList();
        var raised = changes.Single(c => c.GetProperty("change").GetString() == "Raised" && c.GetProperty("kind").GetString() == "VisitOverdue");
        raised.TryGetProperty("baseline", out _).Should().BeFalse();
        raised.TryGetProperty("fields", out _).Should().BeFalse();
        raised.GetProperty("proposed").GetProperty("daysOverdue").GetInt32().Should().Be(25);
        var cleared = changes.Single(c => c.GetProperty("change").GetString() == "Cleared");
        cleared.GetProperty("kind").GetString().Should().Be("VisitDueSoon");
        cleared.TryGetProperty("proposed", out _).Should().BeFalse();
        cleared.GetProperty("baseline").GetProperty("daysUntilDue").GetInt32().Should().Be(6);
    }

    [Fact]
    public void Write_NoChanges_WritesEmptyListsAndHasChangesFalse()
    {
        var scenario = Caseload().Offender("RSO-1", RiskLevel.High, Settled(o => o.VisitedOn(new DateOnly(2018, 1, 9))));

        using var doc = JsonDocument.Parse(Write(PolicyImpact.Compare(Engine, scenario.ToSnapshot(), new SafeguardingPolicy())));

        doc.RootElement.GetProperty("hasChanges").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("changes").GetArrayLength().Should().Be(0);
        doc.RootElement.GetProperty("teams").GetArrayLength().Should().Be(0);
        doc.RootElement.GetProperty("affected").GetProperty("teams").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Write_NotEvaluated_Throws()
    {
        var duplicate = Caseload().Offender("RSO-1", RiskLevel.Medium, Settled()).Offender("RSO-1", RiskLevel.Medium, Settled()).ToSnapshot();
        var report = PolicyImpact.Compare(Engine, duplicate, High60());

        var act = () => ImpactJson.Write(report, new MemoryStream());

        act.Should().Throw<InvalidOperationException>();
    }
}
