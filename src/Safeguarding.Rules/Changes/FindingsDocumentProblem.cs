namespace Safeguarding.Rules.Changes;

/// <summary>
/// One problem that makes an earlier findings document unusable: where it is and what is wrong. Holds JSON paths,
/// kinds and, for a duplicated id only, that id (which is what a reader needs to find it); never a field's value.
/// </summary>
/// <param name="Path">
/// The JSON path of the value at fault: a top-level property (<c>schemaVersion</c>, <c>findings</c>), a finding
/// (<c>findings[3]</c>) or one of its properties (<c>findings[3].offenderId</c>); <c>$</c> for the document itself
/// (too large, not JSON, not a JSON object), as <see cref="Policies.PolicyProblem"/> and <see cref="InputProblem"/>
/// name it.
/// </param>
/// <param name="Problem">
/// What is wrong, in plain words (<c>is required for a VisitOverdue finding ...</c>); for the document itself a whole
/// sentence that names it (<c>the document is not valid JSON: ...</c>).
/// </param>
public sealed record FindingsDocumentProblem(string Path, string Problem)
{
    /// <summary>The <see cref="Path"/> of a problem with the document itself.</summary>
    internal const string DocumentPath = "$";

    /// <summary>
    /// Formats the problem as <c>path: problem</c> (<c>findings[3].offenderId: is required ...</c>), or for the
    /// document itself (<see cref="Path"/> <c>$</c>) as the problem alone, which names the document.
    /// </summary>
    public override string ToString() => Path == DocumentPath ? Problem : Path + ": " + Problem;
}
