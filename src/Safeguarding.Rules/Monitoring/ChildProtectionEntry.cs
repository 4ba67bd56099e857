namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A monitored child-protection record (a discussion, detention or protection), its list of items (a discussion's
/// actions, a detention's interviews) and the facts it gives as of the monitor's date and instant. The record is kept as
/// it was given (a record is immutable but for the list it names, which the caller may go on using); the list is the
/// monitor's own copy, a slice of an array (<see cref="Items"/>, <see cref="Start"/>, <see cref="Count"/>): one array of
/// every loaded record's items of a kind, or an array of the record's own when it was recorded later. A struct, held in
/// its dictionary and changed only in place (<c>CollectionsMarshal.GetValueRefOrNullRef</c>): a loaded monitor holds tens
/// of thousands of these records, and an object per record, a copy of it and an array and a wrapper per list were a
/// quarter of the objects a load kept for the garbage collector to copy and trace.
/// </summary>
internal struct ChildProtectionEntry
{
    /// <summary>The record as given: read for its fields, never for its list.</summary>
    public object Record { get; set; }

    /// <summary>The array holding the record's items (<c>StrategyAction[]</c> or <c>Interview[]</c>), or <see langword="null"/> when it has none.</summary>
    public Array? Items { get; set; }

    /// <summary>Where the record's items start in <see cref="Items"/>.</summary>
    public int Start { get; set; }

    /// <summary>How many items the record has.</summary>
    public int Count { get; set; }

    /// <summary>The record's facts in the child-protection session (none for a record that has not happened by the as-of date or instant).</summary>
    public IReadOnlyList<object> Facts { get; set; }

    /// <summary>An entry for <paramref name="record"/> with no items (a protection, or a record whose list is empty).</summary>
    public static ChildProtectionEntry Of(object record) => new() { Record = record, Facts = [] };

    /// <summary>An entry for <paramref name="record"/> holding a copy of <paramref name="items"/>, its list, in an array of their own (a record recorded after the load).</summary>
    public static ChildProtectionEntry Of<T>(object record, IReadOnlyList<T> items)
    {
        var next = 0;
        return Of(record, items, items.Count == 0 ? [] : new T[items.Count], ref next);
    }

    /// <summary>
    /// An entry for <paramref name="record"/> holding a copy of <paramref name="items"/>, its list, in <paramref name="into"/>
    /// from <paramref name="next"/>, which is moved past them (a load's one array of every record's items of a kind).
    /// </summary>
    public static ChildProtectionEntry Of<T>(object record, IReadOnlyList<T> items, T[] into, ref int next)
    {
        var entry = Of(record);
        var count = items.Count;
        if (count == 0)
        {
            return entry;
        }

        if (items is ICollection<T> collection)
        {
            collection.CopyTo(into, next);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                into[next + i] = items[i];
            }
        }

        entry.Items = into;
        entry.Start = next;
        entry.Count = count;
        next += count;
        return entry;
    }

    /// <summary>The record's items (of type <typeparamref name="T"/>), the monitor's own copy.</summary>
    public readonly ArraySegment<T> ItemsOf<T>() => Items is null ? ArraySegment<T>.Empty : new((T[])Items, Start, Count);
}
