using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>Writes a complete policy in the contract's section 4 shape and order: every property of <see cref="PolicyProperties"/>.</summary>
internal static class PolicyWriter
{
    public static void Write(SafeguardingPolicy policy, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(stream);
        foreach (var group in PolicyProperties.Groups)
        {
            _ = group.Get(policy) ?? throw new ArgumentException("The policy's " + group.Name + " is null.", nameof(policy));
        }

        using var writer = JsonOutput.CreateWriter(stream, indented: true);
        writer.WriteStartObject();
        string? open = null;
        foreach (var property in PolicyProperties.All)
        {
            if (property.Group != open)
            {
                if (open is not null)
                {
                    writer.WriteEndObject();
                }

                if (property.Group is not null)
                {
                    writer.WriteStartObject(property.Group);
                }

                open = property.Group;
            }

            property.Write(writer, policy);
        }

        if (open is not null)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
