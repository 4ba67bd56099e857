using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Synthetic;

/// <summary>
/// Generates realistic, valid, deterministic synthetic caseloads: the same options (seed included) give the same
/// snapshot, record for record and in the same order, on every run, machine and runtime. Identifiers, dates and
/// numbers only; no personal data.
/// </summary>
public static class SyntheticCaseload
{
    /// <summary>Generates a caseload of <paramref name="offenders"/> offenders with every other option at its default.</summary>
    /// <param name="offenders">The number of offender records; at least 0.</param>
    /// <param name="seed">The seed; default 1.</param>
    /// <returns>A snapshot that is valid per the contract, as of 2018-05-01.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offenders"/> is negative.</exception>
    public static CaseloadSnapshot Generate(int offenders, ulong seed = 1) =>
        Generate(new SyntheticCaseloadOptions { Offenders = offenders, Seed = seed });

    /// <summary>Generates a caseload shaped by <paramref name="options"/>.</summary>
    /// <param name="options">The size, seed, as-of date and shares.</param>
    /// <returns>A snapshot that is valid per the contract.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public static CaseloadSnapshot Generate(SyntheticCaseloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new CaseloadGenerator(options).Generate();
    }
}
