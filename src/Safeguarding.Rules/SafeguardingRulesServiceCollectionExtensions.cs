using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Safeguarding.Rules;

// RS0026/RS0027 guard against adding optional parameters to shipped overloads later; the optional
// `configure` is the established shape of AddX methods (Microsoft.Extensions.*) and ships with v1.
#pragma warning disable RS0026, RS0027

/// <summary>Registers the policy engine with a host's services.</summary>
public static class SafeguardingRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISafeguardingEvaluator"/> (a singleton <see cref="SafeguardingEngine"/>, compiled once on first use), <see cref="Monitoring.ISafeguardingMonitorFactory"/> (live monitors with that engine),
    /// its <see cref="SafeguardingRulesOptions"/> validated at start-up, and <see cref="TimeProvider.System"/> unless the host has its own.
    /// Safe to call more than once: registrations are added once, and each <paramref name="configure"/> is applied in order.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the policy, adds host rules, switches rules off.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddSafeguardingRules(this IServiceCollection services, Action<SafeguardingRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(static d => d.ServiceType == typeof(SafeguardingRulesMarker)))
        {
            services.AddSingleton<SafeguardingRulesMarker>();
            services.AddOptions<SafeguardingRulesOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SafeguardingRulesOptions>, SafeguardingRulesOptionsValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton(static sp => new SafeguardingEngine(
                sp.GetRequiredService<IOptions<SafeguardingRulesOptions>>().Value,
                sp,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<SafeguardingEngine>>()));
            services.TryAddSingleton<ISafeguardingEvaluator>(static sp => sp.GetRequiredService<SafeguardingEngine>());
            services.TryAddSingleton<Monitoring.ISafeguardingMonitorFactory>(static sp => new Monitoring.SafeguardingMonitorFactory(sp.GetRequiredService<SafeguardingEngine>()));
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }

    /// <summary>
    /// Registers the engine as <see cref="AddSafeguardingRules(IServiceCollection, Action{SafeguardingRulesOptions}?)"/> does, and binds
    /// <see cref="SafeguardingRulesOptions"/> from <paramref name="configuration"/> (for example the <c>SafeguardingRules</c> section:
    /// <c>Policy</c> with the policy file's properties, <c>AllowPartialResults</c>, <c>DisabledRules</c>, <c>DisabledTags</c>).
    /// An unknown key is an error at start-up, so a typo never silently keeps a default.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>Call <see cref="AddSafeguardingRules(IServiceCollection, Action{SafeguardingRulesOptions}?)"/> as well to add host rules in code.</remarks>
    public static IServiceCollection AddSafeguardingRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSafeguardingRules();
        services.AddOptions<SafeguardingRulesOptions>()
            .Bind(configuration, static binder => binder.ErrorOnUnknownConfiguration = true)
            .PostConfigure(options => ReplaceConfiguredLists(options, configuration));
        return services;
    }

    /// <summary>
    /// A list given in configuration replaces the policy's default list, as a list in a policy file does (contract section 6):
    /// the binder adds configured items to a list that already has some, so the configured ones are put in its place.
    /// </summary>
    private static void ReplaceConfiguredLists(SafeguardingRulesOptions options, IConfiguration configuration)
    {
        var kinds = configuration.GetSection("Policy:Overrides:Kinds");
        if (kinds.Exists() && options.Policy?.Overrides is { } overrides)
        {
            overrides.Kinds = kinds.GetChildren().Select(static item => item.Value ?? string.Empty).ToList();
        }
    }

    /// <summary>Marks that the one-time registrations are done.</summary>
    private sealed class SafeguardingRulesMarker;
}
