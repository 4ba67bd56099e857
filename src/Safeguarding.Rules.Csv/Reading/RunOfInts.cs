namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// A list of ints that is almost always a run, each one more than the one before: a file's row lines (no quoted line
/// breaks) and its records' data rows (no rejected row). It is kept as its first value and its count while it is a run,
/// and as a list only from the first value that breaks it, so a national file's millions of rows cost no arrays that
/// grow by doubling (large objects, each a collection's work to reclaim).
/// </summary>
internal sealed class RunOfInts
{
    private int _first;
    private int _count;
    private List<int>? _values;

    /// <summary>How many values it holds.</summary>
    public int Count => _values?.Count ?? _count;

    /// <summary>Whether it is still kept as a run (for tests).</summary>
    internal bool IsRun => _values is null;

    /// <summary>The value at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a position it holds.</exception>
    public int this[int index]
    {
        get
        {
            if (_values is not null)
            {
                return _values[index];
            }

            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _first + index;
        }

        set
        {
            if (_values is null && value == this[index])
            {
                return;
            }

            Spell(0)[index] = value;
        }
    }

    /// <summary>Adds <paramref name="value"/> at the end.</summary>
    public void Add(int value)
    {
        if (_values is null)
        {
            if (_count == 0)
            {
                _first = value;
                _count = 1;
                return;
            }

            if (value == _first + _count)
            {
                _count++;
                return;
            }

            Spell(1);
        }

        _values!.Add(value);
    }

    /// <summary>Adds <paramref name="other"/>'s values at the end.</summary>
    public void AddRange(RunOfInts other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if (_values is null && other._values is null && (_count == 0 || other._first == _first + _count))
        {
            _first = _count == 0 ? other._first : _first;
            _count += other._count;
            return;
        }

        var values = Spell(other.Count);
        for (var i = 0; i < other.Count; i++)
        {
            values.Add(other[i]);
        }
    }

    /// <summary>Keeps the first <paramref name="count"/> values and drops the rest.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        if (_values is null)
        {
            _count = count;
        }
        else
        {
            _values.RemoveRange(count, _values.Count - count);
        }
    }

    /// <summary>The values as a list from now on, with room for <paramref name="more"/> beyond them.</summary>
    private List<int> Spell(int more)
    {
        if (_values is null)
        {
            _values = new List<int>(_count + Math.Max(more, 4));
            for (var i = 0; i < _count; i++)
            {
                _values.Add(_first + i);
            }
        }

        return _values;
    }
}
