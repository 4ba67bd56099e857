using CsCheck;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Reading never throws for bad content: the contract's examples with random bytes changed, cut or inserted.</summary>
public sealed class MalformedDocumentTests
{
    private static readonly byte[] Significant = "{}[]\",:.-+eE0123456789 \n\\utrfnlaHighLow\u00e9"u8.ToArray().Concat(new byte[] { 0xC3, 0xFF, 0x00 }).ToArray();

    /// <summary>A document with up to four random edits: replace, delete or insert a byte that matters to JSON.</summary>
    private static Gen<byte[]> Mutated(byte[] original) =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, original.Length], Gen.Int[0, Significant.Length - 1])
            .Array[1, 4]
            .Select(edits =>
            {
                var bytes = original.ToList();
                foreach (var (kind, at, value) in edits)
                {
                    var position = Math.Min(at, bytes.Count - 1);
                    switch (kind)
                    {
                        case 0 when position >= 0:
                            bytes[position] = Significant[value];
                            break;
                        case 1 when position >= 0:
                            bytes.RemoveAt(position);
                            break;
                        default:
                            bytes.Insert(Math.Max(0, position), Significant[value]);
                            break;
                    }
                }

                return bytes.ToArray();
            });

    [Fact]
    public void SnapshotRead_RandomlyDamagedDocument_NeverThrowsAndReportsConsistently()
    {
        var engine = new SafeguardingEngine();
        Mutated(JsonText.Utf8(JsonText.ContractSnapshot)).Sample(bytes =>
        {
            var snapshot = SnapshotJson.Read(bytes);

            foreach (var problem in snapshot.Problems)
            {
                problem.Field.Should().NotBeNullOrEmpty();
                problem.Problem.Should().NotBeNullOrEmpty();
                (problem.Array is null).Should().Be(problem.Index is null);
            }

            foreach (var record in snapshot.MalformedRecords)
            {
                snapshot.Problems.Should().Contain(p => p.Array == record.Array && p.Index == record.Index);
            }

            snapshot.Snapshot.Offenders.Should().NotContain(o => snapshot.MalformedRecords.Any(m => m.Array == SnapshotArrays.Offenders && m.Index == o.SourceIndex));
            var report = engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true, AsOf = new DateOnly(2018, 5, 1) });
            report.Summary.Offenders.Should().Be(snapshot.OffenderRecordCount);
        }, iter: 2000);
    }

    [Fact]
    public void PolicyRead_RandomlyDamagedDocument_NeverThrowsAndGivesAPolicyOrProblems()
    {
        Mutated(JsonText.Utf8(JsonText.ContractPolicy)).Sample(bytes =>
        {
            var result = PolicyJson.Read(bytes);

            (result.Policy is null).Should().Be(result.Problems.Count > 0);
            result.Problems.Where(p => p.Property.Length == 0 || p.Problem.Length == 0).Should().BeEmpty();
        }, iter: 2000);
    }
}
