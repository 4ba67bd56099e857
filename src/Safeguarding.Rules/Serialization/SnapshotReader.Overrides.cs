using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>Reading the <c>overrides</c> array (contract section 8); the checks that need the policy are <see cref="SnapshotValidator"/>'s.</summary>
internal sealed partial class SnapshotReader
{
    private static readonly FieldNames OverrideFields = new("id", "findingId", "reasonCode", "authorisedBy", "from", "until");

    private readonly List<Override> _overrides = [];

    private void ReadOverride(ref Utf8JsonReader json, int index)
    {
        string? id = null, findingId = null, reasonCode = null, authorisedBy = null;
        DateOnly? from = null, until = null;
        var seen = 0;
        while (NextField(ref json, OverrideFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    id = ReadString(ref json, "id", required: true);
                    break;
                case 1:
                    findingId = ReadString(ref json, "findingId", required: true);
                    break;
                case 2:
                    reasonCode = ReadString(ref json, "reasonCode", required: true);
                    break;
                case 3:
                    authorisedBy = ReadString(ref json, "authorisedBy", required: true);
                    break;
                case 4:
                    from = ReadDate(ref json, "from", required: true);
                    break;
                default:
                    until = ReadDate(ref json, "until", required: true);
                    break;
            }
        }

        for (var field = 0; field < 6; field++)
        {
            Require(OverrideFields, seen, field);
        }

        if (EndRecord(SnapshotArrays.Overrides, index, id))
        {
            _overrides.Add(new Override
            {
                Id = id!,
                FindingId = findingId!,
                ReasonCode = reasonCode!,
                AuthorisedBy = authorisedBy!,
                From = from!.Value,
                Until = until!.Value,
                SourceIndex = index,
            });
        }
        else
        {
            // What could be read, for the checks of its other fields (the validator skips a field with a problem of its own).
            KeepPartial(new Override
            {
                Id = id ?? string.Empty,
                FindingId = findingId ?? string.Empty,
                ReasonCode = reasonCode ?? string.Empty,
                AuthorisedBy = authorisedBy ?? string.Empty,
                From = from ?? default,
                Until = until ?? default,
                SourceIndex = index,
            });
        }
    }
}
