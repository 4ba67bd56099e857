using System.Reflection;
using System.Runtime.Versioning;

namespace Safeguarding.Rules.Tests;

public sealed class TargetRuntimeTests
{
    /// <summary>
    /// The tests are built for net8.0 and net10.0; each build must run on its own runtime (net8.0 self-contained), not
    /// on a .NET 10 it rolled forward to, or the net8.0 build of the library is not what was tested.
    /// </summary>
    [Fact]
    public void Runtime_TestBuild_RunsOnTheRuntimeItTargets()
    {
        var target = new FrameworkName(typeof(TargetRuntimeTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

        Environment.Version.Major.Should().Be(target.Version.Major, "these tests were built for {0}", target);
        typeof(SafeguardingEngine).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.Should()
            .Be(target.FullName, "the library's build for the same target is the one under test");
    }
}
