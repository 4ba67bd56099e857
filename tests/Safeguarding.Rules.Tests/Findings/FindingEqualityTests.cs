using System.Reflection;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Findings;

/// <summary>
/// A finding is a record: equal when every property is, and <see langword="with"/> makes an independent copy. Its
/// child-protection and rejected-record properties are kept out of line (allocated only when one is set), which must not
/// show in either.
/// </summary>
public sealed class FindingEqualityTests
{
    private static readonly PropertyInfo[] Settable = typeof(Finding).GetProperties()
        .Where(static p => p.SetMethod is not null)
        .ToArray();

    [Fact]
    public void Equals_EachPropertyDiffering_MakesFindingsUnequal()
    {
        foreach (var property in Settable)
        {
            var changed = With(Full(), property, OtherValue(property));

            changed.Should().NotBe(Full(), "{0} differs", property.Name);
            changed.Should().Be(With(Full(), property, OtherValue(property)), "{0} is the same", property.Name);
        }
    }

    [Fact]
    public void With_ChildProtectionPropertyOnCopy_LeavesTheOriginalUnchanged()
    {
        var original = Full();

        var copy = original with { DetentionId = "D-2", MinutesWaited = 7 };

        original.DetentionId.Should().Be("D-1");
        original.MinutesWaited.Should().Be(240);
        copy.DetentionId.Should().Be("D-2");
        copy.MinutesWaited.Should().Be(7);
        copy.ProtectionId.Should().Be(original.ProtectionId);
        original.Should().Be(Full());
    }

    [Fact]
    public void Equals_ChildProtectionPropertiesSetAndClearedAgain_EqualsAFindingThatNeverHadThem()
    {
        var plain = new Finding { Kind = FindingKinds.VisitOverdue, Rule = "VisitOverdue", Reason = "r", OffenderId = "O-1" };

        var cleared = (plain with { DetentionId = "D-1", Awaiting = true }) with { DetentionId = null, Awaiting = null };
        var setToNull = plain with { Array = null, RecordId = null };

        cleared.Should().Be(plain);
        setToNull.Should().Be(plain);
        cleared.GetHashCode().Should().Be(plain.GetHashCode());
    }

    [Fact]
    public void Equals_BuiltInRulesFindingAndTheSameFindingWithItsReasonAsText_AreEqual()
    {
        // A built-in rule's finding writes its reason when it is read; holding it that way must not show in equality.
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Managers = [new Manager { Id = "OM-1" }],
            Offenders = [new Offender { Id = "RSO-1", ManagerId = "OM-1", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2018, 1, 2), NeighbourhoodId = "N-1" }],
        };
        var findings = new SafeguardingEngine().Evaluate(snapshot).Findings;
        findings.Select(static f => f.Kind).Should().Contain([FindingKinds.VisitOverdue, FindingKinds.RiskReviewOverdue, FindingKinds.NeighbourhoodNotBriefed]);

        foreach (var finding in findings)
        {
            var asText = finding with { Reason = new string(finding.Reason.AsSpan()) };

            asText.Should().Be(finding);
            finding.Should().Be(asText);
            asText.GetHashCode().Should().Be(finding.GetHashCode());
            finding.Reason.Should().Be(finding.Reason).And.NotBeEmpty();
            (finding with { Reason = finding.Reason + " " }).Should().NotBe(finding);
        }
    }

    [Fact]
    public void SystemTextJson_BuiltInRulesFindings_RoundTripToEqualFindings()
    {
        // A finding whose reason is written when read serializes its text, and the text read back equals it.
        var snapshot = Synthetic.SyntheticCaseload.Generate(new Synthetic.SyntheticCaseloadOptions { Offenders = 300, Seed = 5 });
        var findings = new SafeguardingEngine().Evaluate(snapshot).Findings;
        findings.Select(static f => f.Kind).Should().Contain([FindingKinds.VisitOverdue, FindingKinds.VisitDueSoon, FindingKinds.RepeatedNoAccess, FindingKinds.StrategyActionOverdue]);

        foreach (var finding in findings)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(finding);
            var read = System.Text.Json.JsonSerializer.Deserialize<Finding>(json)!;

            read.Should().Be(finding, json);
            read.GetHashCode().Should().Be(finding.GetHashCode());
            read.ToString().Should().Be(finding.ToString());
        }
    }

    [Fact]
    public void Equals_DeferredReasonsFromDifferentValues_AreEqualExactlyWhenTheirTextsAre()
    {
        static Finding Made(int value, Func<(int Value, string Text), string> write, string text = "t") =>
            new(FindingKinds.VisitOverdue, "VisitOverdue", Reasons.Later((value, text), write)) { OffenderId = "RSO-1" };

        Made(1, static v => "the same").Should().Be(Made(2, static v => "the same"));
        Made(1, static v => "n" + v.Value).Should().NotBe(Made(2, static v => "n" + v.Value));
        Made(1, static v => v.Text, "a").Should().NotBe(Made(1, static v => v.Text, "b"));
        Made(1, static v => "n" + v.Value).Should().Be(new Finding { Kind = FindingKinds.VisitOverdue, Rule = "VisitOverdue", Reason = "n1", OffenderId = "RSO-1" });
    }

    /// <summary>A finding with every settable property given a value.</summary>
    private static Finding Full()
    {
        var finding = new Finding { Kind = FindingKinds.AppropriateAdultDelayed, Rule = "AppropriateAdultDelayed", Reason = "r" };
        foreach (var property in Settable)
        {
            finding = With(finding, property, Value(property));
        }

        return finding;
    }

    /// <summary>A copy of <paramref name="finding"/> made as <see langword="with"/> makes it, with one property set.</summary>
    private static Finding With(Finding finding, PropertyInfo property, object value)
    {
        var clone = (Finding)typeof(Finding).GetMethod("<Clone>$")!.Invoke(finding, null)!;
        property.SetValue(clone, value);
        return clone;
    }

    private static object Value(PropertyInfo property) => Type(property) switch
    {
        var t when t == typeof(string) => property.Name switch
        {
            nameof(Finding.Kind) => FindingKinds.AppropriateAdultDelayed,
            nameof(Finding.DetentionId) => "D-1",
            _ => property.Name + "-1",
        },
        var t when t == typeof(int) => property.Name == nameof(Finding.MinutesWaited) ? 240 : 3,
        var t when t == typeof(bool) => true,
        var t when t == typeof(DateOnly) => new DateOnly(2018, 5, 1),
        var t when t == typeof(DateTimeOffset) => new DateTimeOffset(2018, 5, 1, 10, 0, 0, TimeSpan.Zero),
        var t when t == typeof(RiskLevel) => RiskLevel.High,
        var t when t == typeof(EscalationLevel) => EscalationLevel.Supervisor,
        var t => throw new InvalidOperationException("No test value for " + property.Name + " of type " + t),
    };

    private static object OtherValue(PropertyInfo property) => Value(property) switch
    {
        string text => text + "x",
        int number => number + 1,
        bool flag => !flag,
        DateOnly date => date.AddDays(1),
        DateTimeOffset instant => instant.AddSeconds(1),
        RiskLevel risk => risk == RiskLevel.High ? RiskLevel.Low : RiskLevel.High,
        EscalationLevel level => level == EscalationLevel.Supervisor ? EscalationLevel.OffenderManager : EscalationLevel.Supervisor,
        var other => throw new InvalidOperationException("No other value for " + other),
    };

    private static Type Type(PropertyInfo property) => Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
}
