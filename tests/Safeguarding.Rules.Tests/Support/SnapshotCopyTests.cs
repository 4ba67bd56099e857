using FluentAssertions;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;
using Xunit;

namespace Safeguarding.Rules.Tests.Support;

public sealed class SnapshotCopyTests
{
    [Fact]
    public void With_NothingReplaced_CarriesOverEveryPublicProperty()
    {
        // A generated force with every array filled, and an extraction instant.
        var generated = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 300, OverridesPerThousand = 300 });
        var source = new CaseloadSnapshot
        {
            SchemaVersion = 1,
            AsOf = generated.AsOf,
            ExtractedAt = new DateTimeOffset(2018, 5, 1, 6, 0, 0, TimeSpan.Zero),
            Teams = generated.Teams,
            Managers = generated.Managers,
            Offenders = generated.Offenders,
            Visits = generated.Visits,
            Briefings = generated.Briefings,
            StrategyDiscussions = generated.StrategyDiscussions,
            Detentions = generated.Detentions,
            PoliceProtections = generated.PoliceProtections,
            Overrides = generated.Overrides,
        };

        var copy = source.With();

        foreach (var property in typeof(CaseloadSnapshot).GetProperties())
        {
            var value = property.GetValue(source);
            value.Should().NotBeNull("the source sets {0}, so the check means something", property.Name);
            if (value is System.Collections.ICollection { Count: 0 })
            {
                throw new InvalidOperationException("The generated force has no " + property.Name + "; the check needs some.");
            }

            property.GetValue(copy).Should().Be(value, "a copy keeps {0}", property.Name);
        }
    }
}
