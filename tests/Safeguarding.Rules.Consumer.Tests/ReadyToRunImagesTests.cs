using Safeguarding.Rules.Consumer.Tests.Support;

namespace Safeguarding.Rules.Consumer.Tests;

/// <summary>
/// A team publishing the tool for its platform: the CLI project remakes its ReadyToRun images when a publish's settings
/// differ from the last one's. The SDK on its own reused them whatever the settings (dotnet/sdk#55436), and a
/// framework-dependent publish after a self-contained one then shipped the composite image's stubs without the image: the
/// tool aborted at start-up. A real publish of each kind takes minutes, so these run the project's target alone, as a
/// publish runs it once the compiler is resolved, over an intermediate folder of their own.
/// </summary>
public sealed class ReadyToRunImagesTests : IDisposable
{
    private readonly string _intermediate = Directory.CreateTempSubdirectory("safeguarding-r2r-").FullName;

    private string Image => Path.Combine(_intermediate, "R2R", "NRules.dll");

    [Fact]
    public void Publish_AfterOneWithOtherSettings_RemovesTheEarlierImages()
    {
        Publish(composite: true, selfContained: true);
        MakeImage();

        Publish(composite: false, selfContained: false);

        File.Exists(Image).Should().BeFalse("a composite publish's images are not a framework-dependent publish's");
    }

    [Fact]
    public void Publish_AfterOneWithTheSameSettings_KeepsTheImages()
    {
        Publish(composite: false, selfContained: false);
        MakeImage();

        Publish(composite: false, selfContained: false);

        File.Exists(Image).Should().BeTrue("images made with the same settings are reused, as the SDK reuses them");
    }

    [Fact]
    public void Publish_ImagesWithNoSettingsRecorded_RemovesThem()
    {
        // Images a publish made before the project recorded its settings: of unknown kind.
        MakeImage();

        Publish(composite: false, selfContained: false);

        File.Exists(Image).Should().BeFalse();
    }

    public void Dispose() => Directory.Delete(_intermediate, recursive: true);

    private void MakeImage()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Image)!);
        File.WriteAllBytes(Image, [0x4d, 0x5a]);
    }

    private void Publish(bool composite, bool selfContained)
    {
        var project = Path.Combine(Repository.Root, "src", "Safeguarding.Rules.Cli", "Safeguarding.Rules.Cli.csproj");
        var result = Processes.Run(Processes.Dotnet,
        [
            "msbuild", project, "-nologo", "-t:ForgetReadyToRunImagesOfOtherSettings",
            "-p:PublishReadyToRun=true",
            "-p:PublishReadyToRunComposite=" + (composite ? "true" : "false"),
            "-p:SelfContained=" + (selfContained ? "true" : "false"),
            "-p:IntermediateOutputPath=" + _intermediate + Path.DirectorySeparatorChar,
        ], Repository.Root);
        result.ExitCode.Should().Be(0, result.ToString());
    }
}
