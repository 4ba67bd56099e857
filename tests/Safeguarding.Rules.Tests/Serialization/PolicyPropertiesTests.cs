using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// The one list of policy properties covers every C# policy property, and the reader and writer built on it agree
/// with the C# object found by reflection, independently of the list.
/// </summary>
public sealed class PolicyPropertiesTests
{
    [Fact]
    public void All_EverySettableValueOfTheCSharpPolicy_IsListedOnceUnderItsCamelCasePath()
    {
        var fromReflection = LeafPaths(typeof(SafeguardingPolicy), null).Select(l => l.Path).ToList();

        PolicyProperties.All.Select(p => p.Path).Should().BeEquivalentTo(fromReflection, "a C# policy property without an entry would be neither read, written nor checked");
        PolicyProperties.All.Select(p => p.Path).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void All_AGroupsProperties_AreListedTogether()
    {
        var groups = PolicyProperties.All.Select(p => p.Group).ToList();
        var runs = groups.Where((g, i) => i == 0 || g != groups[i - 1]).Where(g => g is not null).ToList();

        runs.Should().OnlyHaveUniqueItems("the writer opens each group's object once");
        runs.Should().BeEquivalentTo(PolicyProperties.Groups.Select(g => g.Name));
    }

    [Fact]
    public void WriteThenRead_EveryPropertyChangedByReflection_RoundTrips()
    {
        var policy = new SafeguardingPolicy { Version = "round-trip" };
        var next = 300;
        foreach (var (path, owner, property) in LeafPaths(typeof(SafeguardingPolicy), null))
        {
            var target = owner(policy);
            if (path == "childProtection.policeProtectionMaxHours")
            {
                // At most 72, the statutory maximum (contract section 6): a changed value below it, not the default.
                property.SetValue(target, 48);
            }
            else if (property.PropertyType == typeof(int))
            {
                property.SetValue(target, next++);
            }
            else if (property.PropertyType == typeof(decimal))
            {
                property.SetValue(target, 12.5m);
            }
            else if (property.PropertyType == typeof(IList<string>))
            {
                // A list changed to a shorter one: the file's list replaces the default, it is not added to it.
                var list = (IList<string>)property.GetValue(target)!;
                property.SetValue(target, new List<string> { list[^1] });
            }
        }

        using var stream = new MemoryStream();
        PolicyJson.Write(policy, stream);
        var written = Encoding.UTF8.GetString(stream.ToArray());
        var read = PolicyJson.Read(Encoding.UTF8.GetBytes(written));

        read.Problems.Should().BeEmpty();
        foreach (var (path, owner, property) in LeafPaths(typeof(SafeguardingPolicy), null))
        {
            var expected = property.GetValue(owner(policy));
            var actual = property.GetValue(owner(read.Policy!));
            if (expected is System.Collections.IEnumerable sequence and not string)
            {
                ((System.Collections.IEnumerable)actual!).Cast<object>().Should().Equal(sequence.Cast<object>(), path);
            }
            else
            {
                actual.Should().Be(expected, path);
            }
        }

        var json = JsonNode.Parse(written)!.AsObject();
        json.Select(p => p.Key).Should().Equal(PolicyProperties.All.Select(p => p.Group ?? p.Name).Distinct(), "the file's order is the list's order");
    }

    [Fact]
    public void Validate_EveryWholeNumberBelowItsMinimum_IsNamedByItsPath()
    {
        var policy = new SafeguardingPolicy();
        foreach (var (_, owner, property) in LeafPaths(typeof(SafeguardingPolicy), null).Where(l => l.Property.PropertyType == typeof(int)))
        {
            property.SetValue(owner(policy), -1);
        }

        var named = policy.Validate().Select(p => p.Property).Distinct();

        named.Should().BeEquivalentTo(LeafPaths(typeof(SafeguardingPolicy), null).Where(l => l.Property.PropertyType == typeof(int)).Select(l => l.Path));
    }

    private static IEnumerable<(string Path, Func<object, object> Owner, PropertyInfo Property)> LeafPaths(Type type, string? prefix, Func<object, object>? owner = null)
    {
        owner ??= static o => o;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var path = prefix is null ? name : prefix + "." + name;
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                var parent = owner;
                foreach (var leaf in LeafPaths(property.PropertyType, path, o => property.GetValue(parent(o))!))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, owner, property);
            }
        }
    }
}
