namespace Safeguarding.Rules.Consumer.Tests.Support;

/// <summary>Every consumer flow shares one packed feed (packing is the slow part) and runs one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Consumers";
}
