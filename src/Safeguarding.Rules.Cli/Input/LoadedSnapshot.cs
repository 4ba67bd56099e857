using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>
/// A snapshot, where it came from (a path, standard input or the built-in force), for messages, and the SHA-256 of the
/// bytes it was read from (<see langword="null"/> for the built-in force, whose hash is of its JSON as the library writes it).
/// </summary>
internal sealed record LoadedSnapshot(CaseloadSnapshot Snapshot, string Source, string? Sha256 = null);
