using System.Diagnostics.CodeAnalysis;

namespace Safeguarding.Rules.Changes;

/// <summary>The result of reading an earlier findings document: the document, or every problem that makes it unusable.</summary>
/// <param name="Document">The document; <see langword="null"/> when there are problems.</param>
/// <param name="Problems">
/// What is wrong, each naming where (<c>findings[3].offenderId: is required ...</c>); ids are quoted only for a
/// duplicated id, which is what a reader needs to find it.
/// </param>
public sealed record FindingsDocumentReadResult(FindingsDocument? Document, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the document can be compared with.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    public bool IsValid => Document is not null && Problems.Count == 0;
}
