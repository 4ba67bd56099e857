using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// The drift test's child-protection records (contract section 6), made here until the synthetic generator has them:
/// discussions, detentions and protections around the as-of instant, with offsets other than UK ones, and changes to
/// them as the force records them (an outcome, an action completed, an arrival, a release, an interview, the local
/// authority informed, a protection ended), now and then an invalid one naming a field, or (partial results) a record
/// with a problem in the initial snapshot.
/// </summary>
internal sealed class ChildProtectionChanges(Random random)
{
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-5), new TimeSpan(5, 30, 0)];

    private int _next = 1;
    private string? _rejectedProtection;

    /// <summary>The model whose records are changed (and whose as-of date and teams the new ones use).</summary>
    public required MonitorModel Model { get; set; }

    /// <summary>Ids of the records the initial snapshot has with a problem (rejected with partial results).</summary>
    public HashSet<string> RejectedIds { get; } = new(StringComparer.Ordinal);

    /// <summary>A few valid records of each array, and (when <paramref name="withProblems"/>) three with a problem, for the initial snapshot.</summary>
    public (List<StrategyDiscussion> Discussions, List<Detention> Detentions, List<PoliceProtection> Protections) Initial(bool withProblems)
    {
        var discussions = Enumerable.Range(0, 8).Select(_ => NewDiscussion()).ToList();
        var detentions = Enumerable.Range(0, 12).Select(_ => NewDetention()).ToList();
        var protections = Enumerable.Range(0, 5).Select(_ => NewProtection()).ToList();
        if (withProblems)
        {
            var discussion = NewDiscussion();
            discussions.Insert(2, discussion with { OutcomeRecordedOn = discussion.HeldOn.AddDays(-1) });
            var detention = NewDetention();
            detentions.Insert(1, detention with { ReleasedAt = detention.AuthorisedAt.AddMinutes(-5) });
            var protection = NewProtection();
            protections.Add(protection with { LocalAuthorityInformedAt = protection.StartedAt.AddMinutes(-10) });
            RejectedIds.UnionWith([discussion.Id, detention.Id, protection.Id]);
            _rejectedProtection = protection.Id;
        }

        return (discussions, detentions, protections);
    }

    /// <summary>A change to the child-protection records, and whether it is valid; <paramref name="roll"/> from 0 to 19.</summary>
    public (MonitorChange Change, bool Valid) Next(int roll)
    {
        var discussion = Pick(Model.Discussions, static d => d.Id);
        var detention = Pick(Model.Detentions, static d => d.Id);
        var protection = Pick(Model.Protections, static p => p.Id);
        return roll switch
        {
            < 3 => (new StrategyDiscussionRecorded(NewDiscussion()), true),
            < 6 when discussion is not null => (new StrategyDiscussionRecorded(Update(discussion)), true),
            < 8 => (new DetentionRecorded(NewDetention()), true),
            < 12 when detention is not null => (new DetentionRecorded(Update(detention)), true),
            < 13 => (new PoliceProtectionRecorded(NewProtection()), true),
            < 16 when protection is not null => (new PoliceProtectionRecorded(Update(protection)), true),
            16 when detention is not null => (new DetentionRecorded(detention with { AppropriateAdultArrivedAt = detention.AuthorisedAt.AddMinutes(-1) }), false),
            17 when discussion is not null && Model.Teams is not null => (new StrategyDiscussionRecorded(discussion with { TeamId = "T-UNLISTED" }), false),
            17 or 18 when protection is not null => (new PoliceProtectionRecorded(protection with { EndedAt = protection.StartedAt.AddMinutes(-30) }), false),
            19 when _rejectedProtection is not null => (new PoliceProtectionRecorded(NewProtection() with { Id = _rejectedProtection }), false),
            _ => (new DetentionRecorded(NewDetention()), true),
        };
    }

    /// <summary>The as-of instant T as the model has it: its <c>extractedAt</c>, else about the end of its as-of date.</summary>
    private DateTimeOffset AsOfInstant => Model.ExtractedAt ?? new DateTimeOffset(Model.AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private string NextId(string prefix) => prefix + "-T" + (_next++).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant some minutes from T (negative: before), written with one of several offsets, sometimes with seconds.</summary>
    private DateTimeOffset Near(int fromMinutes, int toMinutes) =>
        AsOfInstant.AddMinutes(random.Next(fromMinutes, toMinutes)).AddSeconds(random.Next(4) == 0 ? random.Next(60) : 0).ToOffset(Offsets[random.Next(Offsets.Length)]);

    private DateTimeOffset After(DateTimeOffset start, int fromMinutes, int toMinutes) =>
        start.AddMinutes(random.Next(fromMinutes, toMinutes)).ToOffset(Offsets[random.Next(Offsets.Length)]);

    private string? Team()
    {
        if (random.Next(5) == 0)
        {
            return null;
        }

        return Model.Teams is { Count: > 0 } teams ? teams[random.Next(teams.Count)].Id : "T-" + random.Next(1, 5).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private StrategyDiscussion NewDiscussion()
    {
        var held = Model.AsOf.AddDays(random.Next(-12, 3));
        return new StrategyDiscussion
        {
            Id = NextId("SD"),
            TeamId = Team(),
            HeldOn = held,
            OutcomeRecordedOn = random.Next(3) == 0 ? held.AddDays(random.Next(0, 5)) : null,
            Actions = Enumerable.Range(1, random.Next(0, 4)).Select(i => new StrategyAction
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Owner = random.Next(2) == 0 ? ActionOwner.Police : (ActionOwner)random.Next(5),
                DueOn = held.AddDays(random.Next(-2, 10)),
                CompletedOn = random.Next(3) == 0 ? held.AddDays(random.Next(0, 12)) : null,
            }).ToList(),
        };
    }

    private StrategyDiscussion Update(StrategyDiscussion discussion)
    {
        if (discussion.Actions.Count > 0 && random.Next(2) == 0)
        {
            var at = random.Next(discussion.Actions.Count);
            var actions = discussion.Actions.ToList();
            actions[at] = actions[at] with { CompletedOn = Model.AsOf.AddDays(random.Next(-3, 2)) };
            return discussion with { Actions = actions };
        }

        return discussion with { OutcomeRecordedOn = discussion.HeldOn.AddDays(random.Next(0, 4)) };
    }

    private Detention NewDetention()
    {
        var authorised = Near(-1500, 60);
        return new Detention
        {
            Id = NextId("CUS"),
            CustodySuiteId = "CS-" + random.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Juvenile = random.Next(8) != 0,
            AuthorisedAt = authorised,
            AppropriateAdultArrivedAt = random.Next(3) != 0 ? After(authorised, 0, 400) : null,
            ReleasedAt = random.Next(4) == 0 ? After(authorised, 30, 1500) : null,
            Interviews = Enumerable.Range(0, random.Next(0, 3)).Select(i => new Interview
            {
                StartedAt = authorised.AddMinutes(60 + (i * 200) + random.Next(0, 150)),
                AppropriateAdultPresent = random.Next(3) != 0,
                UrgentInterviewAuthorised = random.Next(6) == 0,
            }).ToList(),
        };
    }

    private Detention Update(Detention detention) => random.Next(3) switch
    {
        0 => detention with { AppropriateAdultArrivedAt = After(detention.AuthorisedAt, 0, 400) },
        1 => detention with { ReleasedAt = After(detention.AuthorisedAt, 30, 1500) },
        _ => detention with
        {
            // A later interview, in a second no other interview of this detention starts in.
            Interviews = [.. detention.Interviews, new Interview
            {
                StartedAt = detention.Interviews.Select(static i => i.StartedAt).DefaultIfEmpty(detention.AuthorisedAt).Max().AddMinutes(random.Next(1, 240)),
                AppropriateAdultPresent = random.Next(2) == 0,
            }],
        },
    };

    private PoliceProtection NewProtection()
    {
        var started = Near(-5400, 60);
        return new PoliceProtection
        {
            Id = NextId("PP"),
            TeamId = Team(),
            StartedAt = started,
            LocalAuthorityInformedAt = random.Next(3) != 0 ? After(started, 0, 500) : null,
            EndedAt = random.Next(3) == 0 ? After(started, 60, 4500) : null,
        };
    }

    private PoliceProtection Update(PoliceProtection protection) => random.Next(2) == 0
        ? protection with { LocalAuthorityInformedAt = After(protection.StartedAt, 0, 500) }
        : protection with { EndedAt = After(protection.StartedAt, 60, 4500) };

    /// <summary>A valid record of the model's array, not one the initial snapshot had with a problem.</summary>
    private T? Pick<T>(List<T> records, Func<T, string> id)
        where T : class
    {
        if (records.Count == 0)
        {
            return null;
        }

        var record = records[random.Next(records.Count)];
        return RejectedIds.Contains(id(record)) ? null : record;
    }
}
