using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>A snapshot and where it came from (a path, standard input or the built-in force), for messages.</summary>
internal sealed record LoadedSnapshot(CaseloadSnapshot Snapshot, string Source);
