using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class SampleCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Sample_Output_ValidatesAndEvaluatesCleanly()
    {
        var path = _files.Path("sample.json");

        var sample = CliProcess.Run("sample", "--offenders", "300", "--seed", "7", "--output", path);
        var validate = CliProcess.Run("validate", path);
        var evaluate = CliProcess.Run("evaluate", path, "--format", "json");

        sample.ExitCode.Should().Be(0, sample.ToString());
        sample.StdOutBytes.Should().BeEmpty();
        validate.ExitCode.Should().Be(0, validate.ToString());
        evaluate.ExitCode.Should().Be(0, evaluate.ToString());
        evaluate.StdErr.Should().BeEmpty();
        var summary = Json.Parse(evaluate.StdOutBytes).GetProperty("summary");
        summary.Int("offenders").Should().Be(300);
        summary.Int("rejected").Should().Be(0);
        summary.Int("dataQuality").Should().Be(0);
        summary.Int("offenders").Should().Be(summary.Int("evaluated") + summary.Int("notYetRegistered"));
        var snapshot = Json.Parse(File.ReadAllBytes(path));
        snapshot.GetProperty("offenders").GetArrayLength().Should().Be(300);
        snapshot.Str("asOf").Should().Be("2018-05-01");
    }

    [Fact]
    public void Sample_SameSeed_GivesTheSameBytesOnStdoutAsInTheFile()
    {
        var path = _files.Path("sample.json");

        var toFile = CliProcess.Run("sample", "-n", "200", "--seed", "3", "--output", path);
        var toStdout = CliProcess.Run("sample", "-n", "200", "--seed", "3");
        var otherSeed = CliProcess.Run("sample", "-n", "200", "--seed", "4");

        toFile.ExitCode.Should().Be(0, toFile.ToString());
        toStdout.StdOutBytes.Should().Equal(File.ReadAllBytes(path));
        otherSeed.StdOutBytes.Should().NotEqual(toStdout.StdOutBytes);
    }

    [Fact]
    public void Sample_PipedIntoEvaluate_Evaluates()
    {
        var sample = CliProcess.Run("sample", "-n", "150");

        var evaluate = CliProcess.RunWithInput(sample.StdOutBytes, "evaluate", "-", "--format", "json");

        evaluate.ExitCode.Should().Be(0, evaluate.ToString());
        Json.Parse(evaluate.StdOutBytes).Int("summary.offenders").Should().Be(150);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000001")]
    [InlineData("many")]
    [InlineData("-5")]
    public void Sample_OffendersOutOfRange_Exits2(string offenders)
    {
        var result = CliProcess.Run("sample", "--offenders", offenders);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain(offenders);
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Sample_NoOffendersOption_Exits2()
    {
        var result = CliProcess.Run("sample");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("--offenders");
    }
}
