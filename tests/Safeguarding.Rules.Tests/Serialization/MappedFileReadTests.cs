using CsCheck;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// <see cref="SnapshotJson.ReadFile"/> parses a file in place (mapped into memory) instead of reading it into a buffer:
/// the result must be exactly the stream's, problems included, in the same order.
/// </summary>
public sealed class MappedFileReadTests
{
    private const string InvalidInEveryArray = """
        {
          "schemaVersion": 1,
          "asOf": "2018-05-01",
          "teams": [ { "id": "T-1" }, { "id": 7 } ],
          "managers": [ { "id": "OM-1", "teamId": "T-1" }, { "teamId": "T-1" } ],
          "offenders": [
            { "id": "RSO-1", "managerId": "OM-1", "riskLevel": "High", "registeredOn": "2017-01-01" },
            { "id": "RSO-2", "managerId": "OM-1", "riskLevel": "Severe", "registeredOn": "2017-02-30", "mappaLevel": 1.5 },
            { "id": "RSO-3", "riskLevel": "Low", "visitIntervalDays": 1e400 }
          ],
          "visits": [ { "offenderId": "RSO-1", "date": "2018-13-01", "outcome": "Completed" }, { "offenderId": "RSO-1", "outcome": "Gone" } ],
          "briefings": [ { "offenderId": "RSO-1", "date": "2018-01-01" }, 5 ],
          "detentions": [ { "id": "CUS-1", "custodySuiteId": "CS-1", "juvenile": "yes", "authorisedAt": "2018-01-01T00:00:00Z" } ]
        }
        """;

    [Fact]
    public void ReadFile_ProblemsInEveryArray_SameProblemsInTheSameOrderAsTheStream()
    {
        var bytes = JsonText.Utf8(InvalidInEveryArray);

        var mapped = ReadMapped(bytes);
        var streamed = SnapshotJson.Read(new ChunkedStream(bytes, 7));

        mapped.Problems.Should().NotBeEmpty();
        mapped.Problems.Should().Equal(streamed.Problems);
        mapped.Problems.Select(p => p.Array).Distinct().Should().ContainInOrder(
            SnapshotArrays.Teams, SnapshotArrays.Managers, SnapshotArrays.Offenders, SnapshotArrays.Visits, SnapshotArrays.Briefings);
        mapped.SourceSha256.Should().Be(streamed.SourceSha256);
        JsonText.Write(mapped).Should().Be(JsonText.Write(streamed));
    }

    [Fact]
    public void ReadFile_RandomlyDamagedDocument_SameResultAsTheBytesInMemory()
    {
        Gen.Select(Gen.Int[0, JsonText.ContractSnapshot.Length], Gen.Byte).Array[1, 3].Sample(edits =>
        {
            var bytes = JsonText.Utf8(JsonText.ContractSnapshot);
            foreach (var (at, value) in edits)
            {
                bytes[Math.Min(at, bytes.Length - 1)] = value;
            }

            var mapped = ReadMapped(bytes);
            var inMemory = SnapshotJson.Read(bytes);
            var streamed = SnapshotJson.Read(new ChunkedStream(bytes, 64));

            // The file reads exactly as its bytes in memory do, the hash included.
            mapped.Problems.Should().Equal(inMemory.Problems);
            mapped.SourceSha256.Should().Be(inMemory.SourceSha256);
            JsonText.Write(mapped).Should().Be(JsonText.Write(inMemory));

            // And as a stream, unless the document cannot be read at all: a stream stops at the first byte no JSON
            // can hold, so with two such faults it names the earlier one, where the whole bytes name the bad UTF-8.
            if (!streamed.Problems.Any(p => p.IsDocumentProblem))
            {
                mapped.Problems.Should().Equal(streamed.Problems);
                JsonText.Write(mapped).Should().Be(JsonText.Write(streamed));
            }
        }, iter: 300);
    }

    [Fact]
    public void ReadFile_EmptyFile_ReportsAnEmptyDocumentAsTheStreamDoes()
    {
        var mapped = ReadMapped([]);

        mapped.Problems.Should().ContainSingle().Which.Problem.Should().StartWith("is empty");
        mapped.Problems.Should().Equal(SnapshotJson.Read(new ChunkedStream([], 7)).Problems);
    }

    [Fact]
    public async Task ReadFileAsync_ContractExample_SameAsTheSynchronousRead()
    {
        var bytes = JsonText.Utf8(JsonText.ContractSnapshot);
        var path = TempPath();
        try
        {
            File.WriteAllBytes(path, bytes);

            var read = await SnapshotJson.ReadFileAsync(path);

            read.Problems.Should().BeEmpty();
            read.SourceSha256.Should().Be(SnapshotJson.Read(bytes).SourceSha256);
            JsonText.Write(read).Should().Be(JsonText.Write(SnapshotJson.Read(bytes)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SnapshotReadResult ReadMapped(byte[] bytes)
    {
        var path = TempPath();
        try
        {
            File.WriteAllBytes(path, bytes);
            return SnapshotJson.ReadFile(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), "mapped-" + Guid.NewGuid().ToString("N") + ".json");
}
