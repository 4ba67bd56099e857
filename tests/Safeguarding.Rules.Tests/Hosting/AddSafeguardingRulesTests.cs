using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Hosting;

public sealed class AddSafeguardingRulesTests
{
    [Fact]
    public void AddSafeguardingRules_CalledTwice_ChangesNothing()
    {
        var once = new ServiceCollection().AddSafeguardingRules();
        var twice = new ServiceCollection().AddSafeguardingRules().AddSafeguardingRules();

        twice.Select(d => (d.ServiceType, d.Lifetime, d.ImplementationType)).Should().Equal(once.Select(d => (d.ServiceType, d.Lifetime, d.ImplementationType)));
        using var provider = twice.BuildServiceProvider();
        provider.GetRequiredService<ISafeguardingEvaluator>().Should().BeSameAs(provider.GetRequiredService<SafeguardingEngine>());
    }

    [Fact]
    public void AddSafeguardingRules_ReturnsTheSameCollection_ForChaining()
    {
        var services = new ServiceCollection();

        services.AddSafeguardingRules().Should().BeSameAs(services);
    }

    [Fact]
    public async Task InvalidPolicy_FailsAtStartUp_NamingTheProperty()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeguardingRules(o =>
        {
            o.Policy.Caseload.Critical = 10;
            o.Policy.Escalation.UnitBacklogPercent = 0;
        });
        using var host = builder.Build();

        var start = () => host.StartAsync();

        var failure = await start.Should().ThrowAsync<OptionsValidationException>();
        failure.Which.Failures.Should().BeEquivalentTo(
            "SafeguardingRules.Policy.caseload.critical: must be at least caseload.target (50); it is 10",
            "SafeguardingRules.Policy.escalation.unitBacklogPercent: must be above 0 and at most 100; it is 0");
    }

    [Fact]
    public void PolicyBoundFromConfiguration_IsTheOneThatRuns()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafeguardingRules:Policy:Version"] = "force-2026.1",
            ["SafeguardingRules:Policy:Caseload:Target"] = "2",
            ["SafeguardingRules:DisabledTags:0"] = RuleTags.Community,
        }).Build();
        using var provider = new ServiceCollection().AddSafeguardingRules(configuration.GetSection("SafeguardingRules")).BuildServiceProvider();

        var report = provider.GetRequiredService<ISafeguardingEvaluator>().Evaluate(CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1").Holding("OM-1", 3).ToSnapshot());

        report.PolicyVersion.Should().Be("force-2026.1");
        report.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.CaseloadAboveTarget).Which.Caseload.Should().Be(3);
    }

    [Fact]
    public void UnknownConfigurationKey_FailsNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafeguardingRules:Policy:Caseload:Targett"] = "2",
        }).Build();
        using var provider = new ServiceCollection().AddSafeguardingRules(configuration.GetSection("SafeguardingRules")).BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<ISafeguardingEvaluator>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*Targett*");
    }

    [Fact]
    public void HostRule_Fires_AndResolvesHostServicesInItsAction()
    {
        var sink = new RecordingSink();
        using var provider = new ServiceCollection()
            .AddSingleton<IEscalationSink>(sink)
            .AddSafeguardingRules(o => o.AddRule<NotifyInspectorRule>())
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<ISafeguardingEvaluator>();

        var report = evaluator.Evaluate(CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1")
            .Offender("RSO-1", Domain.RiskLevel.High, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(200)).ToSnapshot());

        evaluator.Rules.Should().Contain(r => r.Name == "NotifyInspector" && !r.IsBuiltIn);
        report.FiredRules.Should().Contain("NotifyInspector");
        sink.Notified.Should().Equal("RSO-1");
    }

    [Fact]
    public void DisabledBuiltInRule_DoesNotFire()
    {
        using var provider = new ServiceCollection()
            .AddSafeguardingRules(o => o.DisableRule(RuleNames.Unallocated))
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<ISafeguardingEvaluator>();

        var report = evaluator.Evaluate(CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1").Offender("RSO-1", Domain.RiskLevel.Medium, o => o.Unallocated()).ToSnapshot());

        evaluator.Rules.Should().NotContain(r => r.Name == RuleNames.Unallocated);
        report.Findings.Should().NotContain(f => f.Kind == FindingKinds.Unallocated);
        report.FiredRules.Should().NotContain(RuleNames.Unallocated);
    }

    [Fact]
    public void DisabledTag_SwitchesOffEveryRuleOfThatArea()
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions().DisableTag(RuleTags.Escalation));

        engine.Rules.Should().NotContain(r => r.Tags.Contains(RuleTags.Escalation));
        engine.Rules.Should().Contain(r => r.Name == RuleNames.VisitOverdue);
    }

    public interface IEscalationSink
    {
        void Notify(string offenderId);
    }

    private sealed class RecordingSink : IEscalationSink
    {
        public List<string> Notified { get; } = [];

        public void Notify(string offenderId) => Notified.Add(offenderId);
    }

    [Name("NotifyInspector")]
    [Description("Tell the inspector's inbox about every overdue visit escalated to them.")]
    public sealed class NotifyInspectorRule : Rule
    {
        public override void Define()
        {
            Finding finding = null!;

            When()
                .Match(() => finding, f => f.Kind == FindingKinds.VisitOverdue, f => f.EscalateTo == EscalationLevel.DetectiveInspector);

            Then()
                .Do(ctx => ctx.Resolve<IEscalationSink>().Notify(finding.OffenderId!));
        }
    }
}
