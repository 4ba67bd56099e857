using Safeguarding.Rules.Csv.Reading;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>
/// The row lines and record indices of a CSV file are kept as a run while they are one (<see cref="RunOfInts"/>): whatever
/// is added, set, appended or dropped, it holds exactly what a list would.
/// </summary>
public sealed class RunOfIntsTests
{
    [Fact]
    public void Add_ARunThenABreak_KeptAsARunUntilTheBreakThenTheSameValues()
    {
        var run = new RunOfInts();
        foreach (var value in new[] { 2, 3, 4, 5 })
        {
            run.Add(value);
        }

        run.IsRun.Should().BeTrue();
        Values(run).Should().Equal(2, 3, 4, 5);

        run.Add(7);

        run.IsRun.Should().BeFalse("7 does not follow 5");
        Values(run).Should().Equal(2, 3, 4, 5, 7);
    }

    [Fact]
    public void AddRange_TwoRunsThatMeet_StaysARun_TwoThatDoNot_HoldsBoth()
    {
        var first = Run(10, 3);
        first.AddRange(Run(13, 2));
        first.IsRun.Should().BeTrue();
        Values(first).Should().Equal(10, 11, 12, 13, 14);

        var apart = Run(10, 3);
        apart.AddRange(Run(20, 2));
        Values(apart).Should().Equal(10, 11, 12, 20, 21);

        var empty = new RunOfInts();
        empty.AddRange(Run(5, 2));
        empty.IsRun.Should().BeTrue();
        Values(empty).Should().Equal(5, 6);
    }

    [Fact]
    public void Indexer_OutsideTheValues_Throws()
    {
        var run = Run(1, 3);

        FluentActions.Invoking(() => run[3]).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => run[-1]).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new RunOfInts()[0]).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RandomOperations_AlwaysHoldWhatAListHolds()
    {
        // Mostly runs (as a file's rows are), with breaks, sets, appended parts and truncations, against a plain list.
        var random = new Random(17);
        for (var sequence = 0; sequence < 2_000; sequence++)
        {
            var run = new RunOfInts();
            var list = new List<int>();
            var steps = new List<string>();
            var next = random.Next(-3, 5);
            var breaks = random.Next(2) == 0 ? 8 : 400;
            for (var step = random.Next(1, 120); step > 0; step--)
            {
                switch (random.Next(breaks == 8 ? 10 : 7))
                {
                    case < 6:
                        var value = random.Next(breaks) == 0 ? random.Next(-5, 50) : next;
                        run.Add(value);
                        list.Add(value);
                        next = value + 1;
                        steps.Add("add " + value);
                        break;
                    case 6 when list.Count > 0:
                        var at = random.Next(list.Count);
                        var set = random.Next(2) == 0 ? list[at] : random.Next(-5, 50);
                        run[at] = set;
                        list[at] = set;
                        steps.Add("set [" + at + "] " + set);
                        break;
                    case 7 when list.Count > 0:
                        var keep = random.Next(list.Count + 1);
                        run.Truncate(keep);
                        list.RemoveRange(keep, list.Count - keep);
                        next = list.Count > 0 ? list[^1] + 1 : next;
                        steps.Add("truncate " + keep);
                        break;
                    default:
                        var start = random.Next(2) == 0 ? next : random.Next(-5, 50);
                        var count = random.Next(0, 6);
                        var part = Run(start, count);
                        if (random.Next(4) == 0 && count > 0)
                        {
                            part.Add(start + count + 2);
                        }

                        run.AddRange(part);
                        list.AddRange(Values(part));
                        next = list.Count > 0 ? list[^1] + 1 : next;
                        steps.Add("append " + string.Join(",", Values(part)));
                        break;
                }

                Values(run).Should().Equal(list, "after " + string.Join("; ", steps));
                run.Count.Should().Be(list.Count);
            }
        }
    }

    private static RunOfInts Run(int first, int count)
    {
        var run = new RunOfInts();
        for (var i = 0; i < count; i++)
        {
            run.Add(first + i);
        }

        return run;
    }

    private static List<int> Values(RunOfInts run)
    {
        var values = new List<int>(run.Count);
        for (var i = 0; i < run.Count; i++)
        {
            values.Add(run[i]);
        }

        return values;
    }
}
