using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Safeguarding.Rules.Serialization;

/// <summary>The property names an object of a JSON document may have (at most 32), matched without allocating.</summary>
internal sealed class FieldNames
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    public FieldNames(params string[] names)
    {
        _names = names;
        _utf8 = Array.ConvertAll(names, static name => Encoding.UTF8.GetBytes(name));
    }

    public string this[int field] => _names[field];

    /// <summary>The position of <paramref name="name"/> in the list, or -1.</summary>
    public int IndexOf(string name) => Array.IndexOf(_names, name);

    /// <summary>
    /// Matches the current property name and moves onto its value. A name seen before in this object is reported
    /// through <paramref name="duplicate"/> and its value skipped.
    /// </summary>
    /// <returns>The field's position in the list, or -1 for an unknown name.</returns>
    [MethodImpl(PerRecord.Compiled)]
    public int Claim(ref Utf8JsonReader json, ref int seen, out bool duplicate)
    {
        var field = Find(ref json, seen == 0 ? 0 : Math.Min(BitOperations.Log2((uint)seen) + 1, _utf8.Length - 1));
        json.Read();
        duplicate = false;
        if (field >= 0)
        {
            var bit = 1 << field;
            if ((seen & bit) != 0)
            {
                duplicate = true;
                json.Skip();
            }

            seen |= bit;
        }

        return field;
    }

    /// <summary>The current property name's position in the list, or -1 for an unknown name; the reader does not move.</summary>
    public int Find(ref Utf8JsonReader json) => Find(ref json, 0);

    /// <summary>
    /// As <see cref="Find(ref Utf8JsonReader)"/>, trying the names from <paramref name="start"/> on first and then the
    /// ones before it: documents usually list a record's fields in the contract's order, so starting after the last
    /// field seen mostly matches at the first try. An unescaped name (every name the contract defines is ASCII) is
    /// compared as bytes; an escaped one through the reader, which unescapes it.
    /// </summary>
    private int Find(ref Utf8JsonReader json, int start)
    {
        if (json.ValueIsEscaped || json.HasValueSequence)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (json.ValueTextEquals(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        var name = json.ValueSpan;
        for (var i = start; i < _utf8.Length; i++)
        {
            if (name.SequenceEqual(_utf8[i]))
            {
                return i;
            }
        }

        for (var i = 0; i < start; i++)
        {
            if (name.SequenceEqual(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
