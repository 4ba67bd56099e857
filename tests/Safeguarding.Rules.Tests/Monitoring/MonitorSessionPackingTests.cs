using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// A monitor's load packs whole teams into sessions as an evaluation packs its partitions: teams in ordinal order of id,
/// each session taking teams while its offender facts stay within the engine's partition size (a team with more alone),
/// and a session closed only when the next team would not fit. Whatever the packing, the findings are a full evaluation's.
/// </summary>
public sealed class MonitorSessionPackingTests
{
    private static readonly CaseloadSnapshot Snapshot = SyntheticCaseload.Generate(3000, seed: 17);

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(150)]
    [InlineData(int.MaxValue)]
    public void Load_PartitionSize_PacksWholeTeamsInOrderUpToTheSize(int size)
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions { PartitionSize = size });
        var monitor = SafeguardingMonitor.Load(engine, Snapshot).Monitor!;

        // The team sessions (the first two are the no-team and child-protection sessions), each as its teams and their offender facts.
        var sessions = monitor.State.Sessions().Skip(2).Select(static s => (
            Teams: s.Session.Query<TeamCase>().Select(static t => t.Id).Order(StringComparer.Ordinal).ToList(),
            Facts: s.Session.Query<OffenderCase>().ToList())).ToList();
        var factsByTeam = sessions.SelectMany(static s => s.Facts).GroupBy(static f => f.TeamId!).ToDictionary(static g => g.Key, static g => g.Count());
        int Held(string team) => factsByTeam.GetValueOrDefault(team);

        var teams = Snapshot.Managers.Select(static m => m.TeamId).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        sessions.SelectMany(static s => s.Teams).Should().Equal(teams, "every team is in one session, the sessions taking the teams in ordinal order");
        foreach (var (sessionTeams, facts) in sessions)
        {
            facts.Should().OnlyContain(f => sessionTeams.Contains(f.TeamId!), "a session holds its own teams' offenders");
            if (sessionTeams.Count > 1)
            {
                facts.Count.Should().BeLessThanOrEqualTo(size, "only a team with more offender facts than the size has a session alone");
            }
        }

        for (var i = 1; i < sessions.Count; i++)
        {
            var before = sessions[i - 1].Facts.Count;
            (before + Held(sessions[i].Teams[0])).Should().BeGreaterThan(size, "a session is closed only when the next team would not fit ({0})", sessions[i].Teams[0]);
        }

        if (size == int.MaxValue)
        {
            sessions.Should().ContainSingle();
        }

        monitor.Current.Findings.Should().Equal(engine.Evaluate(Snapshot).Findings);
    }
}
