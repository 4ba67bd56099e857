using System.Globalization;
using System.Text;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Escalation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules;

/// <summary>Builds findings' plain-English reasons from identifiers, dates and numbers only.</summary>
internal static class Reasons
{
    /// <summary>The date as yyyy-MM-dd, written digit by digit: the same text as the custom format string, without parsing that format for each of the evaluation's some 40,000 dates.</summary>
    public static string Date(DateOnly date) => string.Create(10, date, static (chars, d) => WriteDate(chars, d));

    /// <summary>Appends the date as yyyy-MM-dd without a string of its own.</summary>
    public static StringBuilder AppendDate(this StringBuilder text, DateOnly date)
    {
        Span<char> chars = stackalloc char[10];
        WriteDate(chars, date);
        return text.Append(chars);
    }

    /// <summary>Appends <see cref="Days"/>(<paramref name="days"/>) without a string of its own.</summary>
    public static StringBuilder AppendDays(this StringBuilder text, int days) =>
        days == 1 ? text.Append("1 day") : text.Append(CultureInfo.InvariantCulture, $"{days} days");

    public static string Risk(RiskLevel risk) => risk switch
    {
        RiskLevel.VeryHigh => "Very High",
        RiskLevel.High => "High",
        RiskLevel.Medium => "Medium",
        _ => "Low",
    };

    public static string Days(int days) => Count(days, "day");

    /// <summary>A count and a noun, for example "1 overdue visit" or "2 overdue visits".</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>
    /// A reason written from <paramref name="values"/> (copied out of the facts now) by <paramref name="write"/> when the
    /// finding's <see cref="Finding.Reason"/> is read (<see cref="DeferredReason"/>). <paramref name="write"/> must be
    /// a static lambda: it reads nothing but the values.
    /// </summary>
    public static DeferredReason Later<TValues>(TValues values, Func<TValues, string> write)
        where TValues : struct => new DeferredReason<TValues>(values, write);

    /// <summary>
    /// "High risk: last completed home visit 2018-01-09; interval 91 days; due 2018-04-10", in the calling thread's
    /// reason builder: append the rest and take the text with <c>ToString()</c> before the next reason is begun.
    /// </summary>
    public static StringBuilder VisitBasis(VisitBasis o)
    {
        var text = Builder().Append(Risk(o.RiskLevel)).Append(" risk: ");
        if (o.FirstVisitPending)
        {
            text.Append(o.StartIsRelease ? "released " : "registered ")
                .AppendDate(o.Start);
            if (o.LastCompletedVisit is { } last)
            {
                text.Append("; last completed home visit ").AppendDate(last).Append(" was before that");
            }
            else
            {
                text.Append("; no completed home visit since");
            }

            text.Append("; first visit due within ").AppendDays(o.FirstVisitDays);
        }
        else
        {
            text.Append("last completed home visit ").AppendDate(o.LastCompletedVisit!.Value)
                .Append("; interval ").AppendDays(o.VisitIntervalDays)
                .Append(o.IntervalFromPlan ? " (risk management plan)" : string.Empty);
        }

        text.Append("; due ");
        return o.VisitDueOn is { } due ? text.AppendDate(due) : text.Append("never");
    }

    /// <summary>
    /// The VisitOverdue finding of <paramref name="visit"/> at <paramref name="level"/>: its reason names the conditions of
    /// <paramref name="clauses"/> that hold (none: "no escalation condition holds").
    /// </summary>
    public static Finding Overdue(OverdueVisit visit, string rule, EscalationLevel level, EscalationClause[]? clauses)
    {
        var o = visit.Offender;
        return new Finding(
            FindingKinds.VisitOverdue,
            rule,
            Later(
                new OverdueReason(Rules.VisitBasis.Of(o), EscalationInputs.Of(visit), level, clauses),
                static r => VisitBasis(r.Basis)
                    .Append("; ").AppendDays(r.Escalation.DaysOverdue).Append(" overdue; ")
                    .Append(r.Level switch
                    {
                        EscalationLevel.OffenderManager => "stays with the OffenderManager: ",
                        EscalationLevel.Supervisor => "escalated to Supervisor: ",
                        EscalationLevel.DetectiveInspector => "escalated to DetectiveInspector: ",
                        _ => "escalated to " + r.Level + ": ",
                    })
                    .AppendJoin(" and ", r.Clauses is null ? NoCondition : EscalationLadder.Holding(r.Clauses, r.Escalation))
                    .Append('.')
                    .ToString()))
        {
            OffenderId = o.Id,
            ManagerId = o.ManagerId,
            TeamId = o.TeamId,
            RiskLevel = o.RiskLevel,
            DueOn = o.VisitDueOn,
            DaysOverdue = visit.DaysOverdue,
            EscalateTo = level,
        };
    }

    private static readonly string[] NoCondition = ["no escalation condition holds"];

    /// <summary>What a VisitOverdue reason is written from.</summary>
    private readonly record struct OverdueReason(VisitBasis Basis, EscalationInputs Escalation, EscalationLevel Level, EscalationClause[]? Clauses);

    /// <summary>
    /// The calling thread's reason builder, emptied: every reason built on <see cref="VisitBasis"/> is taken as a string
    /// at once, so one builder per thread serves them all instead of a builder and its buffers per finding.
    /// </summary>
    private static StringBuilder Builder() => (t_builder ??= new StringBuilder(256)).Clear();

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static void WriteDate(Span<char> chars, DateOnly date)
    {
        var (year, month, day) = date;
        chars[0] = (char)('0' + (year / 1000));
        chars[1] = (char)('0' + (year / 100 % 10));
        chars[2] = (char)('0' + (year / 10 % 10));
        chars[3] = (char)('0' + (year % 10));
        chars[4] = '-';
        chars[5] = (char)('0' + (month / 10));
        chars[6] = (char)('0' + (month % 10));
        chars[7] = '-';
        chars[8] = (char)('0' + (day / 10));
        chars[9] = (char)('0' + (day % 10));
    }
}
