using Microsoft.Extensions.Options;

namespace Safeguarding.Rules;

/// <summary>Validates <see cref="SafeguardingRulesOptions"/> at start-up, reporting every problem with the setting it concerns.</summary>
internal sealed class SafeguardingRulesOptionsValidator : IValidateOptions<SafeguardingRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, SafeguardingRulesOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(static p => "SafeguardingRules." + p));
    }
}
