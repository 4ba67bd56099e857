using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// Passes a YAML parser's events through, counting how deep mappings and sequences nest, and stops with a
/// <see cref="YamlException"/> past <paramref name="maxDepth"/>: the node tree is built recursively, so a file nested
/// thousands deep would otherwise overflow the stack and kill the process. The parser itself does not recurse.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int _depth;

    /// <summary>Where the nesting went past the cap, once it has.</summary>
    public Mark? TooDeepAt { get; private set; }

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > maxDepth)
                {
                    TooDeepAt = inner.Current.Start;
                    throw new YamlException(inner.Current.Start, inner.Current.End, "nested too deep");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
