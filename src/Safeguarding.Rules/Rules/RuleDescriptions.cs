using System.Text;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules;

/// <summary>
/// Rule descriptions show the policy in force: a <c>{path}</c> in a rule's <c>[Description]</c> (a policy file path such
/// as <c>{caseload.target}</c>) is replaced by that policy's value. Anything else in braces is left as written.
/// </summary>
internal static class RuleDescriptions
{
    public static string Resolve(string template, PolicyView policy)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 16);
        var at = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            text.Append(template, at, open - at);
            var path = template.Substring(open + 1, close - open - 1);
            text.Append(policy.ValueAt(path) ?? template.Substring(open, close - open + 1));
            at = close + 1;
            open = template.IndexOf('{', at);
        }

        return text.Append(template, at, template.Length - at).ToString();
    }
}
