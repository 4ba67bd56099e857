using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>One generated input: a valid snapshot, the caller's as-of date and a policy. Prints as the contract's JSON.</summary>
internal sealed record DifferentialCase(CaseloadSnapshot Snapshot, DateOnly AsOf, SafeguardingPolicy Policy)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The case as the contract's documents: the caller's as-of date, the policy file and the snapshot, one record a line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.Append("asOf (caller): ").AppendLine(Serialize(AsOf));
        text.Append("policy: ").AppendLine(Serialize(new
        {
            visitIntervalDays = new { veryHigh = Policy.VisitIntervalDays.VeryHigh, high = Policy.VisitIntervalDays.High, medium = Policy.VisitIntervalDays.Medium, low = Policy.VisitIntervalDays.Low },
            firstVisitDays = Policy.FirstVisitDays,
            dueSoonDays = Policy.DueSoonDays,
            caseload = new { target = Policy.Caseload.Target, critical = Policy.Caseload.Critical },
            escalation = new
            {
                supervisorAfterDays = Policy.Escalation.SupervisorAfterDays,
                inspectorAfterDays = Policy.Escalation.InspectorAfterDays,
                highRiskInspectorAfterDays = Policy.Escalation.HighRiskInspectorAfterDays,
                unitBacklogPercent = Policy.Escalation.UnitBacklogPercent,
            },
            repeatedNoAccessVisits = Policy.RepeatedNoAccessVisits,
            riskReviewDays = Policy.RiskReviewDays,
            initialAssessmentDays = Policy.InitialAssessmentDays,
            neighbourhoodBriefingDays = Policy.NeighbourhoodBriefingDays,
        }));
        text.AppendLine("snapshot: {");
        text.Append("  \"asOf\": ").Append(Serialize(Snapshot.AsOf)).AppendLine(",");
        if (Snapshot.Teams is { } teams)
        {
            Lines(text, "teams", teams.Select(t => new { id = t.Id }));
        }

        Lines(text, "managers", Snapshot.Managers.Select(m => new { id = m.Id, teamId = m.TeamId }));
        Lines(text, "offenders", Snapshot.Offenders.Select(o => new
        {
            id = o.Id,
            managerId = o.ManagerId,
            neighbourhoodId = o.NeighbourhoodId,
            riskLevel = o.RiskLevel,
            riskAssessedOn = o.RiskAssessedOn,
            registeredOn = o.RegisteredOn,
            releasedOn = o.ReleasedOn,
            inCustody = o.InCustody ? true : (bool?)null,
            reactiveManagement = o.ReactiveManagement ? true : (bool?)null,
            visitIntervalDays = o.VisitIntervalDays,
            mappaLevel = o.MappaLevel,
            movedIntoNeighbourhoodOn = o.MovedIntoNeighbourhoodOn,
        }));
        Lines(text, "visits", Snapshot.Visits.Select(v => new { offenderId = v.OffenderId, date = v.Date, outcome = v.Outcome, announced = v.Announced }));
        Lines(text, "briefings", Snapshot.Briefings.Select(b => new { offenderId = b.OffenderId, neighbourhoodId = b.NeighbourhoodId, date = b.Date }));
        text.AppendLine("}");
        return text.ToString();
    }

    private static void Lines<T>(StringBuilder text, string name, IEnumerable<T> records)
    {
        text.Append("  \"").Append(name).AppendLine("\": [");
        foreach (var record in records)
        {
            text.Append("    ").Append(Serialize(record)).AppendLine(",");
        }

        text.AppendLine("  ],");
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
