using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>A snapshot as read (with the reading's problems) and where it came from (a path, standard input or the built-in force), for messages.</summary>
internal sealed record LoadedSnapshot(SnapshotReadResult Input, string Source)
{
    /// <summary>The records that could be typed.</summary>
    public CaseloadSnapshot Snapshot => Input.Snapshot;
}
