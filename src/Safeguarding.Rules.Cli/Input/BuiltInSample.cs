using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>
/// The force that <c>evaluate</c> runs when given no snapshot: one synthetic force of about 2,000 offenders shaped
/// like the 2018 Merseyside inspection (national risk mix, caseloads of 50-60 with one manager in eight overloaded,
/// some overdue visits, an unallocated offender), at a fixed seed and as-of date so its output never changes. It also
/// holds the force's child-protection records (contract section 6) at the generator's rates: 200 strategy discussions,
/// 400 detentions and 20 police protections, among them a juvenile still waiting for an appropriate adult and a
/// protection past 72 hours at the end of the as-of date, so the table's "Child protection, waiting now" section shows.
/// They come from a random stream of their own: every v1 figure is what it was without them.
/// </summary>
internal static class BuiltInSample
{
    public const int Offenders = 2000;

    public const ulong Seed = 1;

    public static readonly DateOnly AsOf = new(2018, 5, 1);

    public static string Description =>
        "built-in synthetic force (" + Output.Text.Number(Offenders) + " offenders, seed " + Output.Text.Number((long)Seed) + ")";

    public static CaseloadSnapshot Create() => Create(Offenders);

    /// <summary>A force of <paramref name="offenders"/> generated as the built-in one is (the same seed, date and record rates).</summary>
    public static CaseloadSnapshot Create(int offenders) =>
        SyntheticCaseload.Generate(new SyntheticCaseloadOptions
        {
            Offenders = offenders,
            Seed = Seed,
            AsOf = AsOf,
            StrategyDiscussionsPerThousandOffenders = 100,
            DetentionsPerThousandOffenders = 200,
            JuvenileDetentionsPerThousand = 150,
            PoliceProtectionsPerThousandOffenders = 10,
        });
}
