using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>
/// The as-of date D and the as-of instant T of contract section 6. D is the caller's date, else the snapshot's
/// <c>asOf</c>, else the UK local date of its <c>extractedAt</c>, else today in the United Kingdom. T is the snapshot's
/// <c>extractedAt</c> when the caller gave no date; otherwise (and with no <c>extractedAt</c>) the end of D: 00:00 UK
/// local time on the day after D. Dates are cut at D and instants at T.
/// </summary>
internal static class AsOfInstant
{
    /// <summary>The as-of date.</summary>
    public static DateOnly Date(DateOnly? callerDate, DateOnly? snapshotAsOf, DateTimeOffset? extractedAt, TimeProvider time) =>
        callerDate ?? snapshotAsOf ?? (extractedAt is { } instant ? UkTime.LocalDate(instant) : UkTime.Today(time));

    /// <summary>The as-of instant, with a zero offset.</summary>
    public static DateTimeOffset Of(DateOnly asOf, DateOnly? callerDate, DateTimeOffset? extractedAt) =>
        callerDate is null && extractedAt is { } instant ? instant.ToUniversalTime() : EndOf(asOf);

    /// <summary>The end of <paramref name="date"/> in the United Kingdom: the start of the day after; the last instant .NET holds for 9999-12-31.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        date == DateOnly.MaxValue ? DateTimeOffset.MaxValue : UkTime.StartOfDay(date.AddDays(1));

    /// <summary>Whether an instant has happened by T (an instant equal to T counts).</summary>
    public static bool IsBy(DateTimeOffset instant, DateTimeOffset asOfInstant) => instant <= asOfInstant;

    /// <summary>The instant when it is by T, else absent (an instant after T is treated as absent).</summary>
    public static DateTimeOffset? CutAt(DateTimeOffset? instant, DateTimeOffset asOfInstant) =>
        instant is { } value && value <= asOfInstant ? value : null;

    /// <summary>The date when it is by D, else absent.</summary>
    public static DateOnly? CutAt(DateOnly? date, DateOnly asOf) => date is { } value && value <= asOf ? value : null;
}
