using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>What reading a CSV folder gives: the snapshot and the SHA-256 of the folder's files.</summary>
internal sealed record CsvFolderRead(CaseloadSnapshot Snapshot, string SourceSha256);
