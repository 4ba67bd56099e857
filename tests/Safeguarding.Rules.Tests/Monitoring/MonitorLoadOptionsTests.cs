using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// Loading a monitor with a call's options through the DI factory, and stopping a load with a cancellation token
/// (<see cref="SafeguardingMonitor.Load(SafeguardingEngine, CaseloadSnapshot, EvaluationOptions, CancellationToken)"/>).
/// </summary>
public sealed class MonitorLoadOptionsTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    private static readonly CaseloadSnapshot Sample =
        SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 300, Seed = 3, AsOf = AsOf });

    /// <summary>Far tighter than the default policy: nearly every manager is critical.</summary>
    private static readonly SafeguardingPolicy Tight = new() { Version = "tight", Caseload = new CaseloadPolicy { Target = 1, Critical = 2 } };

    [Fact]
    public void Factory_LoadWithPolicyAndAsOf_HasTheFindingsOfSafeguardingMonitorLoadWithTheSameOptions()
    {
        using var provider = new ServiceCollection().AddSafeguardingRules().BuildServiceProvider();
        var factory = provider.GetRequiredService<ISafeguardingMonitorFactory>();
        var options = new EvaluationOptions { AsOf = AsOf.AddDays(20), Policy = Tight };

        var loaded = factory.Load(Sample, options);
        var expected = SafeguardingMonitor.Load(new SafeguardingEngine(), Sample, options);

        loaded.IsLoaded.Should().BeTrue();
        expected.IsLoaded.Should().BeTrue();
        var current = loaded.Monitor!.Current;
        loaded.Monitor.AsOf.Should().Be(AsOf.AddDays(20), "the call's as-of date, not the snapshot's");
        current.PolicyVersion.Should().Be("tight", "the call's policy, not the engine's");
        current.Findings.Should().NotBeEmpty().And.Equal(expected.Monitor!.Current.Findings);
        current.Record!.PolicySha256.Should().Be(expected.Monitor.Current.Record!.PolicySha256);

        // The options took effect: the engine's defaults give other findings.
        var defaults = factory.Load(Sample).Monitor!.Current;
        defaults.AsOf.Should().Be(AsOf);
        current.Findings.Count(static f => f.Kind == FindingKinds.CaseloadCritical)
            .Should().BeGreaterThan(defaults.Findings.Count(static f => f.Kind == FindingKinds.CaseloadCritical));
    }

    [Fact]
    public void Factory_LoadWithOptions_IsWhatAFullEvaluationWithThoseOptionsGives()
    {
        using var provider = new ServiceCollection().AddSafeguardingRules().BuildServiceProvider();
        var options = new EvaluationOptions { AsOf = AsOf.AddDays(3), Policy = Tight };

        var current = provider.GetRequiredService<ISafeguardingMonitorFactory>().Load(Sample, options).Monitor!.Current;

        var evaluated = provider.GetRequiredService<ISafeguardingEvaluator>().Evaluate(Sample, options);
        current.Findings.Should().Equal(evaluated.Findings);
        current.Summary.Should().BeEquivalentTo(evaluated.Summary);
    }

    [Fact]
    public void Factory_InvalidPolicy_ThrowsNamingThePolicyProperty()
    {
        using var provider = new ServiceCollection().AddSafeguardingRules().BuildServiceProvider();
        var policy = new SafeguardingPolicy { Caseload = new CaseloadPolicy { Target = 80, Critical = 75 } };

        var load = () => provider.GetRequiredService<ISafeguardingMonitorFactory>().Load(Sample, new EvaluationOptions { Policy = policy });

        load.Should().Throw<PolicyValidationException>().Which.Problems.Select(static p => p.Property).Should().Equal("caseload.critical");
    }

    [Fact]
    public void Load_CancelledToken_ThrowsOperationCanceledException()
    {
        var engine = new SafeguardingEngine();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var byDate = () => SafeguardingMonitor.Load(engine, Sample, AsOf, cancelled.Token);
        var byOptions = () => SafeguardingMonitor.Load(engine, Sample, new EvaluationOptions { Policy = Tight }, cancelled.Token);

        byDate.Should().Throw<OperationCanceledException>();
        byOptions.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Factory_CancelledToken_ThrowsOperationCanceledException()
    {
        using var provider = new ServiceCollection().AddSafeguardingRules().BuildServiceProvider();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var load = () => provider.GetRequiredService<ISafeguardingMonitorFactory>().Load(Sample, new EvaluationOptions { AsOf = AsOf }, cancelled.Token);

        load.Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Load_CancelledAfterValidation_ThrowsAndTheEngineLoadsTheSameMonitorAfterwards(int maxDegreeOfParallelism)
    {
        // A snapshot with no date is loaded as of today by the engine's clock, which is read once the snapshot is
        // validated: the clock cancels the token there, so the load is stopped between its phases, not before it starts.
        using var cancellation = new CancellationTokenSource();
        var clock = new CancellingClock(new DateTimeOffset(2018, 5, 1, 12, 0, 0, TimeSpan.Zero), cancellation);
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, timeProvider: clock);
        var undated = new CaseloadSnapshot
        {
            Teams = Sample.Teams, Managers = Sample.Managers, Offenders = Sample.Offenders, Visits = Sample.Visits, Briefings = Sample.Briefings,
            StrategyDiscussions = Sample.StrategyDiscussions, Detentions = Sample.Detentions, PoliceProtections = Sample.PoliceProtections, Overrides = Sample.Overrides,
        };
        clock.Reads.Should().Be(0);

        var load = () => SafeguardingMonitor.Load(engine, undated, cancellationToken: cancellation.Token);

        load.Should().Throw<OperationCanceledException>();
        clock.Reads.Should().BeGreaterThan(0, "the token was cancelled during the load, after validation");

        // Nothing of the cancelled load is left behind: a load with a token never cancelled is as ever.
        var loaded = SafeguardingMonitor.Load(engine, undated, cancellationToken: CancellationToken.None);
        loaded.IsLoaded.Should().BeTrue();
        loaded.Monitor!.AsOf.Should().Be(AsOf);
        loaded.Monitor.Current.Findings.Should().Equal(engine.Evaluate(undated).Findings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Load_CancelledWhileMakingTheOffenderEntries_ThrowsOperationCanceledExceptionAlone(int maxDegreeOfParallelism)
    {
        // The clock (read once the snapshot is validated) arms the offender list, which cancels the token when the load
        // next reads an offender: while the entries are made and, with a second core, the child-protection session fills
        // on another thread. The load lets that work finish and throws the cancellation alone, not wrapped.
        using var cancellation = new CancellationTokenSource();
        var offenders = new ArmedList<Offender>(Sample.Offenders, cancellation);
        var clock = new ArmingClock(new DateTimeOffset(2018, 5, 1, 12, 0, 0, TimeSpan.Zero), offenders);
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, timeProvider: clock);
        var undated = new CaseloadSnapshot
        {
            Teams = Sample.Teams, Managers = Sample.Managers, Offenders = offenders, Visits = Sample.Visits, Briefings = Sample.Briefings,
            StrategyDiscussions = Sample.StrategyDiscussions, Detentions = Sample.Detentions, PoliceProtections = Sample.PoliceProtections, Overrides = Sample.Overrides,
        };

        var load = () => SafeguardingMonitor.Load(engine, undated, cancellationToken: cancellation.Token);

        load.Should().ThrowExactly<OperationCanceledException>();
        offenders.CancelledIt.Should().BeTrue("the token was cancelled inside the load, after its first checks");
    }

    [Fact]
    public void Load_TokenNeverCancelled_LoadsAsWithoutOne()
    {
        var engine = new SafeguardingEngine();
        using var never = new CancellationTokenSource();

        var withToken = SafeguardingMonitor.Load(engine, Sample, new EvaluationOptions { Policy = Tight }, never.Token).Monitor!.Current;
        var without = SafeguardingMonitor.Load(engine, Sample, new EvaluationOptions { Policy = Tight }).Monitor!.Current;

        withToken.Findings.Should().NotBeEmpty().And.Equal(without.Findings);
    }

    /// <summary>A clock that arms <paramref name="list"/> whenever it is read.</summary>
    private sealed class ArmingClock(DateTimeOffset now, ArmedList<Offender> list) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            list.Armed = true;
            return now;
        }
    }

    /// <summary>A list that, once armed, cancels a token when an element is read.</summary>
    private sealed class ArmedList<T>(IReadOnlyList<T> inner, CancellationTokenSource cancellation) : IReadOnlyList<T>
    {
        public bool Armed { get; set; }

        public bool CancelledIt { get; private set; }

        public int Count => inner.Count;

        public T this[int index]
        {
            get
            {
                Read();
                return inner[index];
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            Read();
            return inner.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private void Read()
        {
            if (Armed && !CancelledIt)
            {
                CancelledIt = true;
                cancellation.Cancel();
            }
        }
    }

    /// <summary>A clock that cancels a token whenever it is read.</summary>
    private sealed class CancellingClock(DateTimeOffset now, CancellationTokenSource cancellation) : TimeProvider
    {
        public int Reads { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Reads++;
            cancellation.Cancel();
            return now;
        }
    }
}
