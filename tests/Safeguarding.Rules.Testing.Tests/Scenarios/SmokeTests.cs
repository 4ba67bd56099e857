using Safeguarding.Rules.Testing.Scenarios;
using Xunit.Abstractions;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void RunFolder_Smoke_Prints()
    {
        var folder = Support.Repository.Scenarios;
        var result = new ScenarioRunner().RunFolder(folder);
        output.WriteLine(result.ToString());
        output.WriteLine(result.Coverage.ToString());
        result.Results.Should().NotBeEmpty();
    }
}
