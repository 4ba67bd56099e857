using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>
/// One generated input with child-protection records (contract section 6): a valid snapshot, the caller's as-of date when given
/// (else D and T come from the snapshot's <c>asOf</c> and <c>extractedAt</c>) and a policy. Prints as the contract's JSON,
/// instants with the offsets they were generated with.
/// </summary>
internal sealed record ChildProtectionCase(CaseloadSnapshot Snapshot, DateOnly? CallerAsOf, SafeguardingPolicy Policy, DateOnly AsOf)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(new DifferentialCase(Snapshot, AsOf, Policy));
        text.Append("caller asOf: ").AppendLine(CallerAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)");
        text.Append("D: ").AppendLine(AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        text.Append("extractedAt: ").AppendLine(Instant(Snapshot.ExtractedAt) ?? "(none)");
        var p = Policy.ChildProtection;
        text.Append("childProtection: ").AppendLine(JsonSerializer.Serialize(
            new
            {
                p.StrategyOutcomeWorkingDays,
                p.AppropriateAdultAlertMinutes,
                p.AppropriateAdultInspectorMinutes,
                p.PoliceProtectionMaxHours,
                p.LocalAuthorityInformMinutes,
                nonWorkingDays = p.NonWorkingDays.Select(d => d.ToString("yyyy-MM-dd (ddd)", CultureInfo.InvariantCulture)),
            },
            Json));
        text.AppendLine("strategyDiscussions:");
        foreach (var d in Snapshot.StrategyDiscussions)
        {
            text.Append("  ").AppendLine(JsonSerializer.Serialize(
                new
                {
                    d.Id,
                    d.TeamId,
                    heldOn = d.HeldOn.ToString("yyyy-MM-dd (ddd)", CultureInfo.InvariantCulture),
                    d.OutcomeRecordedOn,
                    actions = d.Actions.Select(a => new { a.Id, a.Owner, a.DueOn, a.CompletedOn }),
                },
                Json));
        }

        text.AppendLine("detentions:");
        foreach (var d in Snapshot.Detentions)
        {
            text.Append("  ").AppendLine(JsonSerializer.Serialize(
                new
                {
                    d.Id,
                    d.CustodySuiteId,
                    d.Juvenile,
                    authorisedAt = Instant(d.AuthorisedAt),
                    appropriateAdultArrivedAt = Instant(d.AppropriateAdultArrivedAt),
                    releasedAt = Instant(d.ReleasedAt),
                    interviews = d.Interviews.Select(i => new { startedAt = Instant(i.StartedAt), i.AppropriateAdultPresent, i.UrgentInterviewAuthorised }),
                },
                Json));
        }

        text.AppendLine("policeProtections:");
        foreach (var p2 in Snapshot.PoliceProtections)
        {
            text.Append("  ").AppendLine(JsonSerializer.Serialize(
                new { p2.Id, p2.TeamId, startedAt = Instant(p2.StartedAt), localAuthorityInformedAt = Instant(p2.LocalAuthorityInformedAt), endedAt = Instant(p2.EndedAt) },
                Json));
        }

        return text.ToString();
    }

    private static string? Instant(DateTimeOffset? instant) =>
        instant?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
}
