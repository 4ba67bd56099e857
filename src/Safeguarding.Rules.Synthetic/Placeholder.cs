namespace Safeguarding.Rules.Synthetic;

internal static class Placeholder
{
}
