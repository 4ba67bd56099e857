namespace Safeguarding.Rules.TestSupport;

internal static class Placeholder
{
}
