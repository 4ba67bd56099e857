using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>
/// The outcome measures of contract sections 5 and 6 computed by the engine itself (not only compared with the oracle):
/// the rounding of percentages (one decimal place, halves away from zero), the median of an even count (the mean of the
/// two middle values) and each measure's population. Every expected value is worked out by hand in the test.
/// </summary>
public sealed class OutcomeMeasureTests
{
    private static readonly SafeguardingEngine Engine = new();
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    private static EvaluationReport Evaluate(CaseloadSnapshot snapshot)
    {
        var report = Engine.Evaluate(snapshot, new EvaluationOptions());
        report.Problems.Should().BeEmpty("the snapshot itself must be valid");
        return report;
    }

    private static Offender Offender(string id, RiskLevel risk, bool inCustody = false) =>
        new() { Id = id, RiskLevel = risk, RegisteredOn = new DateOnly(2015, 1, 1), RiskAssessedOn = new DateOnly(2018, 1, 1), InCustody = inCustody };

    private static Visit Completed(string offenderId, DateOnly date) => new() { OffenderId = offenderId, Date = date, Outcome = VisitOutcome.Completed };

    [Fact]
    public void VisitedWithinPolicyPercent_ATieAtTheSecondDecimal_IsRoundedHalfAwayFromZero()
    {
        // 16 Medium offenders need visits and 1 of them was visited on 2018-04-01 (due again 2018-09-30): 100 x 1 / 16 = 6.25,
        // which is 6.3 with halves away from zero (6.2 with halves to even, and with truncation).
        // 16 High offenders, 3 visited on 2018-04-01 (due again 2018-07-01): 100 x 3 / 16 = 18.75, which is 18.8 (18.7 truncated).
        // The rest were never visited since registering on 2015-01-01, so each is overdue (due 2015-01-29).
        // The one VeryHigh offender is in custody: nobody of that level needs visits, so the level is omitted.
        var offenders = new List<Offender>();
        var visits = new List<Visit>();
        for (var i = 0; i < 16; i++)
        {
            offenders.Add(Offender("M-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), RiskLevel.Medium));
            offenders.Add(Offender("H-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), RiskLevel.High));
        }

        visits.Add(Completed("M-00", new DateOnly(2018, 4, 1)));
        visits.AddRange(new[] { "H-00", "H-01", "H-02" }.Select(id => Completed(id, new DateOnly(2018, 4, 1))));
        offenders.Add(Offender("VH-0", RiskLevel.VeryHigh, inCustody: true));

        var report = Evaluate(new CaseloadSnapshot { AsOf = AsOf, Offenders = offenders, Visits = visits });

        report.Summary.Count(FindingKinds.VisitOverdue).Should().Be(15 + 13);
        report.Summary.Outcomes.VisitedWithinPolicyPercent.Should().Equal(new Dictionary<RiskLevel, decimal>
        {
            [RiskLevel.High] = 18.8m,
            [RiskLevel.Medium] = 6.3m,
        });
        var written = Document(report).GetProperty("summary").GetProperty("outcomes").GetProperty("visitedWithinPolicyPercent");
        written.GetRawText().Should().Be("""{"high":18.8,"medium":6.3}""");
    }

    [Fact]
    public void DaysOverdue_AnEvenCount_HasTheMeanOfTheTwoMiddleValuesAsItsMedian()
    {
        // Medium risk, interval 182 days: last completed visits 202, 203, 210 and 213 days before 2018-05-01 make them
        // 20, 21, 28 and 31 days overdue. The middle two are 21 and 28: median 24.5; max 31.
        var offenders = new[] { "A", "B", "C", "D" }.Select(id => Offender(id, RiskLevel.Medium)).ToArray();
        Visit[] visits =
        [
            Completed("A", AsOf.AddDays(-202)),
            Completed("B", AsOf.AddDays(-203)),
            Completed("C", AsOf.AddDays(-210)),
            Completed("D", AsOf.AddDays(-213)),
        ];

        var report = Evaluate(new CaseloadSnapshot { AsOf = AsOf, Offenders = offenders, Visits = visits });

        report.Findings.Where(static f => f.Kind == FindingKinds.VisitOverdue).Select(static f => f.DaysOverdue).Should().BeEquivalentTo([20, 21, 28, 31]);
        report.Summary.Outcomes.MedianDaysOverdue.Should().Be(24.5m);
        report.Summary.Outcomes.MaxDaysOverdue.Should().Be(31);
        Document(report).GetProperty("summary").GetProperty("outcomes").GetProperty("daysOverdue").GetRawText().Should().Be("""{"median":24.5,"max":31}""");
    }

    [Fact]
    public void StrategyOutcomesRecordedOnTimePercent_CountsDiscussionsDueBeforeTheAsOfDate_AndRoundsHalvesAwayFromZero()
    {
        // 16 discussions held Monday 2018-04-02 are due Tuesday 2018-04-03 (1 working day after), before D = 2018-05-01:
        // one recorded that Tuesday (on time), fifteen the Wednesday (late). 100 x 1 / 16 = 6.25, so 6.3.
        // Not in the population: one held Monday 2018-04-30, due 2018-05-01 (not before D), with no outcome; one held after D.
        // Counting the first would give 100 x 1 / 17 = 5.9.
        var discussions = Enumerable.Range(0, 16)
            .Select(i => new StrategyDiscussion
            {
                Id = "SD-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                HeldOn = new DateOnly(2018, 4, 2),
                OutcomeRecordedOn = i == 0 ? new DateOnly(2018, 4, 3) : new DateOnly(2018, 4, 4),
            })
            .Append(new StrategyDiscussion { Id = "SD-DUE-ON-D", HeldOn = new DateOnly(2018, 4, 30) })
            .Append(new StrategyDiscussion { Id = "SD-LATER", HeldOn = new DateOnly(2018, 5, 2) })
            .ToArray();

        var report = Evaluate(new CaseloadSnapshot { AsOf = AsOf, StrategyDiscussions = discussions });

        report.Findings.Should().BeEmpty("every outcome due before D was recorded by D, and D is not after the last due date");
        report.Summary.Outcomes.StrategyOutcomesRecordedOnTimePercent.Should().Be(6.3m);
        Document(report).GetProperty("summary").GetProperty("outcomes").GetProperty("strategyOutcomesRecordedOnTimePercent").GetRawText().Should().Be("6.3");
    }

    [Fact]
    public void AppropriateAdultWaitMinutes_OverJuvenileWaitsEndedByTheArrival_HasTheMeanOfTheTwoMiddleValuesAsItsMedian()
    {
        // D = 2018-05-01 (summer time): T = 2018-05-01T23:00Z. In the population: juveniles whose adult arrived after 121
        // and 124 minutes, so median 122.5 and max 124. Left out: an adult (not juvenile) detention waiting 500 minutes;
        // a juvenile released after 60 minutes and the adult arriving after 600 (the wait ended with the release); a
        // juvenile whose adult arrives after T (still awaiting); a juvenile authorised after T (has not happened).
        var at = new DateTimeOffset(2018, 5, 1, 8, 0, 0, TimeSpan.Zero);
        Detention[] detentions =
        [
            new() { Id = "D-1", CustodySuiteId = "CS", Juvenile = true, AuthorisedAt = at, AppropriateAdultArrivedAt = at.AddMinutes(121) },
            new() { Id = "D-2", CustodySuiteId = "CS", Juvenile = true, AuthorisedAt = at, AppropriateAdultArrivedAt = at.AddMinutes(124).AddSeconds(59) },
            new() { Id = "D-3", CustodySuiteId = "CS", Juvenile = false, AuthorisedAt = at, AppropriateAdultArrivedAt = at.AddMinutes(500) },
            new() { Id = "D-4", CustodySuiteId = "CS", Juvenile = true, AuthorisedAt = at, ReleasedAt = at.AddMinutes(60), AppropriateAdultArrivedAt = at.AddMinutes(600) },
            new() { Id = "D-5", CustodySuiteId = "CS", Juvenile = true, AuthorisedAt = at, AppropriateAdultArrivedAt = new DateTimeOffset(2018, 5, 1, 23, 1, 0, TimeSpan.Zero) },
            new() { Id = "D-6", CustodySuiteId = "CS", Juvenile = true, AuthorisedAt = new DateTimeOffset(2018, 5, 1, 23, 0, 1, TimeSpan.Zero), AppropriateAdultArrivedAt = new DateTimeOffset(2018, 5, 2, 9, 0, 0, TimeSpan.Zero) },
        ];

        var report = Evaluate(new CaseloadSnapshot { AsOf = AsOf, Detentions = detentions });

        report.Summary.Outcomes.MedianAppropriateAdultWaitMinutes.Should().Be(122.5m);
        report.Summary.Outcomes.MaxAppropriateAdultWaitMinutes.Should().Be(124);
        Document(report).GetProperty("summary").GetProperty("outcomes").GetProperty("appropriateAdultWaitMinutes").GetRawText().Should().Be("""{"median":122.5,"max":124}""");
    }

    private static JsonElement Document(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream, indented: false);
        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
