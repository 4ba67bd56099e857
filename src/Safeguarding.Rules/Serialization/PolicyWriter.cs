using System.Text.Json;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>Writes a complete policy in the contract's section 4 shape and order.</summary>
internal static partial class PolicyWriter
{
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText VisitIntervalDays = JsonEncodedText.Encode("visitIntervalDays");
    private static readonly JsonEncodedText VeryHigh = JsonEncodedText.Encode("veryHigh");
    private static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
    private static readonly JsonEncodedText Medium = JsonEncodedText.Encode("medium");
    private static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
    private static readonly JsonEncodedText FirstVisitDays = JsonEncodedText.Encode("firstVisitDays");
    private static readonly JsonEncodedText DueSoonDays = JsonEncodedText.Encode("dueSoonDays");
    private static readonly JsonEncodedText Caseload = JsonEncodedText.Encode("caseload");
    private static readonly JsonEncodedText Target = JsonEncodedText.Encode("target");
    private static readonly JsonEncodedText Critical = JsonEncodedText.Encode("critical");
    private static readonly JsonEncodedText Escalation = JsonEncodedText.Encode("escalation");
    private static readonly JsonEncodedText SupervisorAfterDays = JsonEncodedText.Encode("supervisorAfterDays");
    private static readonly JsonEncodedText InspectorAfterDays = JsonEncodedText.Encode("inspectorAfterDays");
    private static readonly JsonEncodedText HighRiskInspectorAfterDays = JsonEncodedText.Encode("highRiskInspectorAfterDays");
    private static readonly JsonEncodedText UnitBacklogPercent = JsonEncodedText.Encode("unitBacklogPercent");
    private static readonly JsonEncodedText RepeatedNoAccessVisits = JsonEncodedText.Encode("repeatedNoAccessVisits");
    private static readonly JsonEncodedText RiskReviewDays = JsonEncodedText.Encode("riskReviewDays");
    private static readonly JsonEncodedText InitialAssessmentDays = JsonEncodedText.Encode("initialAssessmentDays");
    private static readonly JsonEncodedText NeighbourhoodBriefingDays = JsonEncodedText.Encode("neighbourhoodBriefingDays");

    public static void Write(SafeguardingPolicy policy, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(stream);
        var intervals = policy.VisitIntervalDays ?? throw new ArgumentException("The policy's VisitIntervalDays is null.", nameof(policy));
        var caseload = policy.Caseload ?? throw new ArgumentException("The policy's Caseload is null.", nameof(policy));
        var escalation = policy.Escalation ?? throw new ArgumentException("The policy's Escalation is null.", nameof(policy));
        var version = policy.Version ?? throw new ArgumentException("The policy's Version is null.", nameof(policy));

        using var writer = JsonOutput.CreateWriter(stream, indented: true);
        writer.WriteStartObject();
        writer.WriteString(Version, version);
        writer.WriteStartObject(VisitIntervalDays);
        writer.WriteNumber(VeryHigh, intervals.VeryHigh);
        writer.WriteNumber(High, intervals.High);
        writer.WriteNumber(Medium, intervals.Medium);
        writer.WriteNumber(Low, intervals.Low);
        writer.WriteEndObject();
        writer.WriteNumber(FirstVisitDays, policy.FirstVisitDays);
        writer.WriteNumber(DueSoonDays, policy.DueSoonDays);
        writer.WriteStartObject(Caseload);
        writer.WriteNumber(Target, caseload.Target);
        writer.WriteNumber(Critical, caseload.Critical);
        writer.WriteEndObject();
        writer.WriteStartObject(Escalation);
        writer.WriteNumber(SupervisorAfterDays, escalation.SupervisorAfterDays);
        writer.WriteNumber(InspectorAfterDays, escalation.InspectorAfterDays);
        writer.WriteNumber(HighRiskInspectorAfterDays, escalation.HighRiskInspectorAfterDays);
        JsonOutput.WriteDecimal(writer, UnitBacklogPercent, escalation.UnitBacklogPercent);
        writer.WriteEndObject();
        writer.WriteNumber(RepeatedNoAccessVisits, policy.RepeatedNoAccessVisits);
        writer.WriteNumber(RiskReviewDays, policy.RiskReviewDays);
        writer.WriteNumber(InitialAssessmentDays, policy.InitialAssessmentDays);
        writer.WriteNumber(NeighbourhoodBriefingDays, policy.NeighbourhoodBriefingDays);
        WriteOverrides(writer, policy.Overrides ?? throw new ArgumentException("The policy's Overrides is null.", nameof(policy)));
        writer.WriteEndObject();
        writer.Flush();
    }
}
