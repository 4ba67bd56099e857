namespace Safeguarding.Rules.Explanations;

/// <summary>
/// The offender, manager, team, strategy discussion, detention or police protection to explain, by its id in the
/// snapshot (for example <c>ExplainSubject.Offender("RSO-000123")</c> or <c>ExplainSubject.Detention("CUS-00931")</c>).
/// </summary>
public sealed class ExplainSubject
{
    private ExplainSubject(ExplainSubjectKind kind, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Kind = kind;
        Id = id;
    }

    /// <summary>The kind of subject.</summary>
    public ExplainSubjectKind Kind { get; }

    /// <summary>The subject's id in the snapshot (compared ordinally).</summary>
    public string Id { get; }

    /// <summary>The offender with id <paramref name="id"/>.</summary>
    /// <param name="id">The offender's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public static ExplainSubject Offender(string id) => new(ExplainSubjectKind.Offender, id);

    /// <summary>The offender manager with id <paramref name="id"/>.</summary>
    /// <param name="id">The manager's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public static ExplainSubject Manager(string id) => new(ExplainSubjectKind.Manager, id);

    /// <summary>The team with id <paramref name="id"/>.</summary>
    /// <param name="id">The team's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public static ExplainSubject Team(string id) => new(ExplainSubjectKind.Team, id);

    /// <summary>The strategy discussion with id <paramref name="id"/> (contract section 6).</summary>
    /// <param name="id">The discussion's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public static ExplainSubject Discussion(string id) => new(ExplainSubjectKind.Discussion, id);

    /// <summary>The detention with id <paramref name="id"/> (contract section 6).</summary>
    /// <param name="id">The detention's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public static ExplainSubject Detention(string id) => new(ExplainSubjectKind.Detention, id);

    /// <summary>The police protection with id <paramref name="id"/> (contract section 6).</summary>
    /// <param name="id">The protection's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public static ExplainSubject Protection(string id) => new(ExplainSubjectKind.Protection, id);

    /// <summary>The kind in lower case and the id, for example <c>offender RSO-000123</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => SubjectExplainers.For(Kind).Name + " " + Id;
}
