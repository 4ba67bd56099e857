using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Synthetic.Tests;

/// <summary>A 20,000-offender caseload (seed 1, other options default) and its evaluation under the default policy, shared by the realism tests.</summary>
public sealed class LargeCaseloadFixture
{
    public const int Offenders = 20_000;

    public LargeCaseloadFixture()
    {
        Snapshot = SyntheticCaseload.Generate(Offenders);
        AsOf = Snapshot.AsOf!.Value;
        Report = new SafeguardingEngine().Evaluate(Snapshot);
    }

    public CaseloadSnapshot Snapshot { get; }

    public DateOnly AsOf { get; }

    public EvaluationReport Report { get; }

    /// <summary>Registered by the as-of date.</summary>
    public IEnumerable<Offender> Registered => Snapshot.Offenders.Where(o => o.RegisteredOn <= AsOf);

    /// <summary>Registered, not in custody, and not Low risk under reactive management (contract section 2).</summary>
    public IEnumerable<Offender> NeedingVisits => Registered.Where(o => !o.InCustody && !(o.ReactiveManagement && o.RiskLevel == RiskLevel.Low));
}
