using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Reads and writes the policy file of contract section 4. Reading never throws for bad content: it returns the
/// effective policy, or every problem at once, each naming the property path.
/// </summary>
/// <remarks>
/// Every property is optional, at any depth, and what the file gives is merged over the defaults
/// (<c>new SafeguardingPolicy()</c>): <c>{ "visitIntervalDays": { "high": 60 } }</c> changes that one interval.
/// Errors, each naming the property (<c>escalation.supervisorAfterDay</c>): an unknown property, <see langword="null"/>
/// (omit the property instead), a property given twice, a value of the wrong JSON type, a day count that is not a
/// whole number in range (<c>30</c>, <c>30.0</c> and <c>3e1</c> are the same whole number), then every problem of
/// <see cref="SafeguardingPolicy.Validate"/>. <c>escalation.unitBacklogPercent</c> is any number (fractions allowed).
/// A file that is not JSON has one problem, named <c>$</c>, giving the line and byte position (counted from 1).
/// </remarks>
public static class PolicyJson
{
    /// <summary>Reads a policy file from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <returns>The effective policy, or every problem.</returns>
    public static PolicyReadResult Read(ReadOnlySpan<byte> utf8Json) => PolicyReader.Read(utf8Json);

    /// <summary>Reads a policy file from <paramref name="stream"/>, from its position to its end.</summary>
    /// <param name="stream">The file's content; left open.</param>
    /// <returns>The effective policy, or every problem.</returns>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static PolicyReadResult Read(Stream stream) =>
        JsonInput.Parse(stream, static bytes => PolicyReader.Read(bytes.Span), PolicyReader.TooLarge);

    /// <summary>
    /// Reads a policy file from <paramref name="stream"/> as <see cref="Read(Stream)"/> does, without blocking a thread
    /// while the bytes arrive.
    /// </summary>
    /// <param name="stream">The file's content; left open.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The effective policy, or every problem.</returns>
    /// <exception cref="IOException">The stream could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<PolicyReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        JsonInput.ParseAsync(stream, static bytes => PolicyReader.Read(bytes.Span), PolicyReader.TooLarge, cancellationToken);

    /// <summary>Reads the policy file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The effective policy, or every problem.</returns>
    /// <exception cref="IOException">The file could not be read (for example it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static PolicyReadResult ReadFile(string path) =>
        JsonInput.ParseFile(path, static bytes => PolicyReader.Read(bytes.Span), PolicyReader.TooLarge);

    /// <summary>
    /// Writes the complete effective <paramref name="policy"/> in the section 4 shape and order, indented with two
    /// spaces and line feeds; <c>unitBacklogPercent</c> without trailing zeros. Reading the output gives the same policy.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <exception cref="ArgumentException">The policy's version or one of its sections is <see langword="null"/>.</exception>
    public static void Write(SafeguardingPolicy policy, Stream stream) => PolicyWriter.Write(policy, stream);
}
