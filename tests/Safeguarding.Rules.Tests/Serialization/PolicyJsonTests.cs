using System.Text;
using System.Text.Json;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Contract section 4: the policy file.</summary>
public sealed class PolicyJsonTests
{
    private static PolicyReadResult Read(string json) => PolicyJson.Read(JsonText.Utf8(json));

    [Fact]
    public void Read_ContractExample_GivesExactlyThoseValues()
    {
        var result = Read(JsonText.ContractPolicy);

        result.Problems.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        var policy = result.Policy!;
        policy.Version.Should().Be("force-2026.1");
        policy.VisitIntervalDays.VeryHigh.Should().Be(30);
        policy.VisitIntervalDays.High.Should().Be(91);
        policy.VisitIntervalDays.Medium.Should().Be(182);
        policy.VisitIntervalDays.Low.Should().Be(365);
        policy.FirstVisitDays.Should().Be(28);
        policy.DueSoonDays.Should().Be(14);
        policy.Caseload.Target.Should().Be(50);
        policy.Caseload.Critical.Should().Be(75);
        policy.Escalation.SupervisorAfterDays.Should().Be(14);
        policy.Escalation.InspectorAfterDays.Should().Be(28);
        policy.Escalation.HighRiskInspectorAfterDays.Should().Be(7);
        policy.Escalation.UnitBacklogPercent.Should().Be(5m);
        policy.RepeatedNoAccessVisits.Should().Be(2);
        policy.RiskReviewDays.Should().Be(365);
        policy.InitialAssessmentDays.Should().Be(28);
        policy.NeighbourhoodBriefingDays.Should().Be(7);
    }

    [Fact]
    public void Read_OnlyOneNestedValue_ChangesItAndKeepsEveryOtherDefault()
    {
        var result = Read("""{ "visitIntervalDays": { "high": 60 } }""");

        result.Problems.Should().BeEmpty();
        var expected = new SafeguardingPolicy();
        expected.VisitIntervalDays.High = 60;
        result.Policy.Should().BeEquivalentTo(expected);
        result.Policy!.Version.Should().Be("default");
        result.Policy.VisitIntervalDays.VeryHigh.Should().Be(30);
        result.Policy.VisitIntervalDays.Medium.Should().Be(182);
    }

    [Fact]
    public void Read_EmptyObject_IsTheDefaultPolicy()
    {
        var result = Read("{}");

        result.Problems.Should().BeEmpty();
        result.Policy.Should().BeEquivalentTo(new SafeguardingPolicy());
    }

    [Fact]
    public void Read_EveryValueChanged_ReadsEachOne()
    {
        var result = Read("""
            { "version": "v2", "visitIntervalDays": { "veryHigh": 20, "high": 60, "medium": 120, "low": 300 }, "firstVisitDays": 21,
              "dueSoonDays": 0, "caseload": { "target": 40, "critical": 40 },
              "escalation": { "supervisorAfterDays": 10, "inspectorAfterDays": 10, "highRiskInspectorAfterDays": 3, "unitBacklogPercent": 2.5 },
              "repeatedNoAccessVisits": 3, "riskReviewDays": 180, "initialAssessmentDays": 14, "neighbourhoodBriefingDays": 5 }
            """);

        result.Problems.Should().BeEmpty();
        result.Policy.Should().BeEquivalentTo(new SafeguardingPolicy
        {
            Version = "v2",
            VisitIntervalDays = new VisitIntervalPolicy { VeryHigh = 20, High = 60, Medium = 120, Low = 300 },
            FirstVisitDays = 21,
            DueSoonDays = 0,
            Caseload = new CaseloadPolicy { Target = 40, Critical = 40 },
            Escalation = new EscalationPolicy { SupervisorAfterDays = 10, InspectorAfterDays = 10, HighRiskInspectorAfterDays = 3, UnitBacklogPercent = 2.5m },
            RepeatedNoAccessVisits = 3,
            RiskReviewDays = 180,
            InitialAssessmentDays = 14,
            NeighbourhoodBriefingDays = 5,
        });
    }

    [Theory]
    [InlineData("""{ "escalation": { "supervisorAfterDay": 10 } }""", "escalation.supervisorAfterDay")]
    [InlineData("""{ "visitIntervalDays": { "High": 60 } }""", "visitIntervalDays.High")]
    [InlineData("""{ "caseload": { "target": 50, "maximum": { "nested": [1] } } }""", "caseload.maximum")]
    [InlineData("""{ "firstVisitDay": 28 }""", "firstVisitDay")]
    [InlineData("""{ "extra": { "target": 1 } }""", "extra")]
    public void Read_UnknownProperty_IsAnErrorNamingItsPath(string json, string path)
    {
        var result = Read(json);

        result.Policy.Should().BeNull();
        result.IsValid.Should().BeFalse();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Property.Should().Be(path);
        problem.Problem.Should().Contain("not a policy property");
    }

    [Theory]
    [InlineData("""{ "version": null }""", "version")]
    [InlineData("""{ "firstVisitDays": null }""", "firstVisitDays")]
    [InlineData("""{ "caseload": null }""", "caseload")]
    [InlineData("""{ "caseload": { "target": null } }""", "caseload.target")]
    [InlineData("""{ "escalation": { "unitBacklogPercent": null } }""", "escalation.unitBacklogPercent")]
    public void Read_Null_IsAnErrorSayingToOmitTheProperty(string json, string path)
    {
        var result = Read(json);

        result.Policy.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Property.Should().Be(path);
        problem.Problem.Should().Contain("null").And.Contain("omit the property");
    }

    [Theory]
    [InlineData("""{ "version": 2026 }""", "version", "must be a string, not a number")]
    [InlineData("""{ "firstVisitDays": "28" }""", "firstVisitDays", "must be a whole number, not a string")]
    [InlineData("""{ "visitIntervalDays": [30, 91, 182, 365] }""", "visitIntervalDays", "must be an object, not an array")]
    [InlineData("""{ "caseload": 50 }""", "caseload", "must be an object, not a number")]
    [InlineData("""{ "escalation": { "unitBacklogPercent": "5%" } }""", "escalation.unitBacklogPercent", "must be a number, not a string")]
    [InlineData("""{ "dueSoonDays": true }""", "dueSoonDays", "must be a whole number, not a boolean")]
    public void Read_WrongJsonType_IsAnErrorNamingTheProperty(string json, string path, string expected)
    {
        var result = Read(json);

        result.Policy.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Be(new PolicyProblem(path, expected));
    }

    [Theory]
    [InlineData("28.5", "must be a whole number; it has a fractional part")]
    [InlineData("1e12", "is out of range: it must be a whole number from -2147483648 to 2147483647")]
    public void Read_DayCountNotAWholeNumber_IsAnError(string value, string expected)
    {
        var result = Read($$"""{ "riskReviewDays": {{value}} }""");

        result.Problems.Should().ContainSingle().Which.Should().Be(new PolicyProblem("riskReviewDays", expected));
    }

    [Fact]
    public void Read_DayCountWrittenAsWholeDecimal_IsAccepted()
    {
        var result = Read("""{ "riskReviewDays": 180.0 }""");

        result.Problems.Should().BeEmpty();
        result.Policy!.RiskReviewDays.Should().Be(180);
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("12.75", "12.75")]
    [InlineData("100", "100")]
    public void Read_UnitBacklogPercentFraction_IsAccepted(string json, string expected)
    {
        var result = Read($$"""{ "escalation": { "unitBacklogPercent": {{json}} } }""");

        result.Problems.Should().BeEmpty();
        result.Policy!.Escalation.UnitBacklogPercent.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_ImpossibleValues_AreReportedTogether()
    {
        var result = Read("""
            { "caseload": { "target": 80, "critical": 60 },
              "escalation": { "supervisorAfterDays": 20, "inspectorAfterDays": 10, "unitBacklogPercent": 0 },
              "dueSoonDays": -1, "firstVisitDays": 0, "visitIntervalDays": { "low": 0 }, "repeatedNoAccessVisits": 0 }
            """);

        result.Policy.Should().BeNull();
        result.Problems.Select(p => p.Property).Should().BeEquivalentTo(
            "caseload.critical", "escalation.inspectorAfterDays", "escalation.unitBacklogPercent", "dueSoonDays", "firstVisitDays",
            "visitIntervalDays.low", "repeatedNoAccessVisits");
    }

    [Theory]
    [InlineData("100.5")]
    [InlineData("-1")]
    [InlineData("1e40")]
    public void Read_UnitBacklogPercentOutOfRange_IsAnError(string value)
    {
        var result = Read($$"""{ "escalation": { "unitBacklogPercent": {{value}} } }""");

        result.Problems.Should().ContainSingle().Which.Property.Should().Be("escalation.unitBacklogPercent");
    }

    [Theory]
    [InlineData("100.00000000000000000000000000001")] // above 100: rounding it to 100 would accept an impossible value
    [InlineData("99.99999999999999999999999999999")] // rounding it to 100 would change the backlog test (overdue * 100 > 100 * caseload never holds)
    [InlineData("1e-30")] // above 0, but rounding it to 0 would report "it is 0"
    public void Read_UnitBacklogPercentMorePreciseThanItCanBeHeld_IsAnErrorNotARoundedValue(string value)
    {
        var result = Read($$"""{ "escalation": { "unitBacklogPercent": {{value}} } }""");

        result.Policy.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Be(new PolicyProblem(
            "escalation.unitBacklogPercent", "has more digits than a percentage can hold exactly (at most 28 after the decimal point): it would be rounded"));
    }

    [Theory]
    [InlineData("5.0000000000000000000000000000000", "5")]
    [InlineData("2.5e0", "2.5")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("250E-2", "2.5")]
    public void Read_UnitBacklogPercentHeldExactly_IsAccepted(string value, string expected)
    {
        var result = Read($$"""{ "escalation": { "unitBacklogPercent": {{value}} } }""");

        result.Problems.Should().BeEmpty();
        result.Policy!.Escalation.UnitBacklogPercent.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_CriticalBelowDefaultTarget_IsAnErrorAgainstTheDefault()
    {
        var result = Read("""{ "caseload": { "critical": 40 } }""");

        result.Problems.Should().ContainSingle().Which.Property.Should().Be("caseload.critical");
    }

    [Fact]
    public void Read_ShapeAndValueErrors_AreReportedTogether()
    {
        var result = Read("""{ "versoin": "x", "caseload": { "target": null, "critical": 0 }, "escalation": 14, "dueSoonDays": "7" }""");

        result.Problems.Select(p => p.Property).Should().Equal("versoin", "caseload.target", "escalation", "dueSoonDays", "caseload.critical", "caseload.critical");
    }

    [Fact]
    public void Read_RepeatedProperty_IsAnError()
    {
        var result = Read("""{ "dueSoonDays": 7, "dueSoonDays": 10 }""");

        result.Problems.Should().ContainSingle().Which.Should().Be(new PolicyProblem("dueSoonDays", "appears more than once"));
    }

    [Fact]
    public void Read_UnparseableJson_NamesLineAndPosition()
    {
        var result = Read("{\n  \"dueSoonDays\": 7,\n}");

        result.Policy.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Property.Should().Be("$");
        problem.Problem.Should().Contain("not valid JSON").And.Contain("line 3, byte position 1");
    }

    [Theory]
    [InlineData("""{ "version": "v\uD800" }""")]
    [InlineData("""{ "\uDC00": 1 }""")]
    public void Read_StringEscapingALoneSurrogate_IsADocumentProblem(string json)
    {
        var result = Read(json);

        result.Policy.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Property.Should().Be("$");
        problem.Problem.Should().Contain("not valid Unicode").And.Contain("line 1");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("5")]
    [InlineData("")]
    public void Read_NotAnObject_IsAnError(string json)
    {
        var result = Read(json);

        result.Policy.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Property.Should().Be("$");
    }

    [Fact]
    public void Read_EmptyVersion_IsTheValidationError()
    {
        var result = Read("""{ "version": "" }""");

        result.Problems.Should().ContainSingle().Which.Property.Should().Be("version");
    }

    [Fact]
    public void ReadStream_And_ReadFile_ReadTheContractExample()
    {
        var path = Path.Combine(Path.GetTempPath(), "policy-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(path, JsonText.ContractPolicy);
            using var stream = new ChunkedStream(JsonText.Utf8(JsonText.ContractPolicy), 7);

            PolicyJson.ReadFile(path).Policy!.Version.Should().Be("force-2026.1");
            PolicyJson.Read(stream).Policy!.Version.Should().Be("force-2026.1");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_DefaultPolicyWithContractVersion_IsTheContractExample()
    {
        var written = Write(new SafeguardingPolicy { Version = "force-2026.1" });

        // Section 4's example, then section 6's childProtection block and section 8's overrides block, with their defaults.
        var childProtection = ",\"childProtection\":{\"strategyOutcomeWorkingDays\":1,\"appropriateAdultAlertMinutes\":120,\"appropriateAdultInspectorMinutes\":240,\"policeProtectionMaxHours\":72,\"localAuthorityInformMinutes\":240,\"nonWorkingDays\":[]}";
        var overrides = ",\"overrides\":{\"maxDays\":90,\"kinds\":[\"VisitOverdue\",\"VisitDueSoon\",\"RepeatedNoAccess\",\"RiskReviewOverdue\",\"NeighbourhoodNotBriefed\"]}}";
        Compact(written).Should().Be(Compact(JsonText.ContractPolicy)[..^1] + childProtection + overrides);
    }

    [Fact]
    public void Write_IsIndentedWithLineFeeds()
    {
        var written = Write(new SafeguardingPolicy());

        written.Should().StartWith("{\n  \"version\": \"default\",\n  \"visitIntervalDays\": {\n    \"veryHigh\": 30,").And.NotContain("\r");
    }

    [Fact]
    public void Write_ThenRead_GivesTheSamePolicy()
    {
        var policy = new SafeguardingPolicy { Version = "force \"x\"", FirstVisitDays = 10, DueSoonDays = 0 };
        policy.Escalation.UnitBacklogPercent = 2.50m;
        policy.Caseload.Critical = 90;

        var written = Write(policy);
        var read = Read(written);

        written.Should().Contain("\"unitBacklogPercent\": 2.5\n");
        read.Problems.Should().BeEmpty();
        read.Policy.Should().BeEquivalentTo(policy);
    }

    private static string Write(SafeguardingPolicy policy)
    {
        using var stream = new MemoryStream();
        PolicyJson.Write(policy, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The document without insignificant whitespace; property order and number text are kept.</summary>
    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
