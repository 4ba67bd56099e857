using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Schemas;

/// <summary>docs/schemas/policy.schema.json accepts what <c>policy</c> prints and partial files, and rejects typos and impossible values.</summary>
public sealed class PolicySchemaTests
{
    [Fact]
    public void DefaultPolicy_AsThePolicyCommandPrintsIt_IsValid()
    {
        PublishedSchemas.Errors(PublishedSchemas.Policy, Write(new SafeguardingPolicy())).Should().BeEmpty();
    }

    [Fact]
    public void ChangedPolicy_AsThePolicyCommandPrintsIt_IsValid()
    {
        var policy = new SafeguardingPolicy
        {
            Version = "force-2026.1",
            DueSoonDays = 0,
            FirstVisitDays = 10,
            VisitIntervalDays = new VisitIntervalPolicy { VeryHigh = 14, High = 60, Medium = 120, Low = 240 },
            Caseload = new CaseloadPolicy { Target = 40, Critical = 40 },
            Escalation = new EscalationPolicy { SupervisorAfterDays = 7, InspectorAfterDays = 7, HighRiskInspectorAfterDays = 1, UnitBacklogPercent = 2.5m },
            RepeatedNoAccessVisits = 3,
        };
        policy.Validate().Should().BeEmpty();

        PublishedSchemas.Errors(PublishedSchemas.Policy, Write(policy)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "visitIntervalDays": { "high": 60 } }""")]
    [InlineData("""{ "escalation": { "unitBacklogPercent": 100 }, "caseload": { "critical": 90 } }""")]
    [InlineData("""{ "firstVisitDays": 3e1 }""")]
    public void PartialFile_IsValid(string json)
    {
        PolicyJson.Read(System.Text.Encoding.UTF8.GetBytes(json)).Problems.Should().BeEmpty("the library reads it");

        PublishedSchemas.Errors(PublishedSchemas.Policy, json).Should().BeEmpty();
    }

    [Theory]
    [InlineData("a misspelt property", """{ "visitIntervalDay": { "high": 60 } }""")]
    [InlineData("a misspelt nested property", """{ "escalation": { "supervisorAfterDay": 14 } }""")]
    [InlineData("null for a value", """{ "firstVisitDays": null }""")]
    [InlineData("null for a section", """{ "caseload": null }""")]
    [InlineData("a day count of 0", """{ "visitIntervalDays": { "low": 0 } }""")]
    [InlineData("a fraction of a day", """{ "riskReviewDays": 365.5 }""")]
    [InlineData("dueSoonDays below 0", """{ "dueSoonDays": -1 }""")]
    [InlineData("a backlog of 0 percent", """{ "escalation": { "unitBacklogPercent": 0 } }""")]
    [InlineData("a backlog above 100 percent", """{ "escalation": { "unitBacklogPercent": 100.5 } }""")]
    [InlineData("a number as a string", """{ "firstVisitDays": "28" }""")]
    [InlineData("an empty version", """{ "version": " " }""")]
    [InlineData("not an object", """[]""")]
    public void WrongDocument_IsRejected(string what, string json)
    {
        PolicyJson.Read(System.Text.Encoding.UTF8.GetBytes(json)).Problems.Should().NotBeEmpty("the library rejects {0} too", what);

        PublishedSchemas.Errors(PublishedSchemas.Policy, json).Should().NotBeEmpty(what);
    }

    private static byte[] Write(SafeguardingPolicy policy)
    {
        using var stream = new MemoryStream();
        PolicyJson.Write(policy, stream);
        return stream.ToArray();
    }
}
