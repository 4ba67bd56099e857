using System.Diagnostics.CodeAnalysis;

namespace Safeguarding.Rules.Changes;

/// <summary>The result of reading an earlier findings document: the document, or every problem that makes it unusable.</summary>
/// <param name="Document">The document; <see langword="null"/> when there are problems.</param>
/// <param name="Problems">
/// What is wrong, each with the JSON path it is at (<c>findings[3].offenderId</c>, or <c>$</c> for the document
/// itself); its <see cref="FindingsDocumentProblem.ToString"/> is the line to show (<c>findings[3].offenderId: is
/// required ...</c>). Ids are quoted only for a duplicated id, which is what a reader needs to find it.
/// </param>
public sealed record FindingsDocumentReadResult(FindingsDocument? Document, IReadOnlyList<FindingsDocumentProblem> Problems)
{
    /// <summary>Whether the document can be compared with.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    public bool IsValid => Document is not null && Problems.Count == 0;
}
