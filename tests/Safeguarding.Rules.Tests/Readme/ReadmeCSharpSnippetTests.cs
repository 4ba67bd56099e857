using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Safeguarding.Rules.Tests.Readme;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles against the packages' public API, as a user's project with the
/// SDK's implicit usings would compile it, so a renamed or removed member fails here and not in a reader's editor.
/// Each block is taken from the README itself by its marker (<see cref="ReadmeBlocks"/>), so there is no copy to keep
/// in step. A block that is a whole program compiles as top-level statements; a fragment is put in a method whose
/// parameters are the variables the surrounding text assumes (<c>services</c>, <c>todaysReport</c>, ...); a block of
/// members is put in a class. The assemblies referenced are the ones this test runs on (the library and both kit
/// packages, NRules, ASP.NET Core, xunit, OpenTelemetry), never this test assembly, so internals are out of reach. The
/// kit's example is also run: its assertions are the README's claims about that caseload.
/// </summary>
public sealed partial class ReadmeCSharpSnippetTests
{
    private const string ConsoleUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Microsoft.NET.Sdk.Web's implicit usings, for the ASP.NET Core example.</summary>
    private const string WebUsings = ConsoleUsings + """

        global using System.Net.Http.Json;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private const string EscalationSink = "public interface IEscalationSink { void Notify(string offenderId); }";

    /// <summary>How each marked block is compiled. A new <c>```csharp</c> block needs a marker and an entry here.</summary>
    private static readonly Dictionary<string, SnippetShape> Shapes = new()
    {
        ["quick-start"] = SnippetShape.Program(ConsoleUsings),
        ["dependency-injection"] = SnippetShape.Fragment(
            "Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration",
            context: [EscalationSink], otherSnippets: ["host-rule"]),
        ["host-rule"] = SnippetShape.Types(EscalationSink),
        // A host's registrations, in a web host (whose implicit usings bring AddOpenTelemetry's namespace).
        ["opentelemetry"] = SnippetShape.Fragment("Microsoft.Extensions.DependencyInjection.IServiceCollection services", globalUsings: WebUsings),
        ["aspnetcore"] = SnippetShape.Program(WebUsings),
        ["changes"] = SnippetShape.Fragment(
            "Safeguarding.Rules.EvaluationReport todaysReport, System.IO.Stream output",
            members: "static void Notify(string findingId, Safeguarding.Rules.EscalationLevel? escalateTo) { }"),
        ["monitor"] = SnippetShape.Fragment("Safeguarding.Rules.Domain.Detention detention, System.DateTimeOffset arrivedAt"),
        // Continues the monitor's example, whose usings it shares.
        ["monitor-record"] = SnippetShape.Fragment(
            "Safeguarding.Rules.Monitoring.SafeguardingMonitor monitor",
            usings: "using Safeguarding.Rules.Serialization;"),
        ["kit"] = SnippetShape.Program(ConsoleUsings),
        ["scenario-folder"] = SnippetShape.Members(
            "global using Xunit;", "private static readonly string Folder = System.IO.Path.Combine(\"tests\", \"scenarios\");"),
    };

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static TheoryData<string> Names() => new(Shapes.Keys);

    [Fact]
    public void Readme_EveryCSharpBlock_IsMarkedAndHasAShape()
    {
        var csharp = ReadmeBlocks.All.Where(b => b.Info == "csharp").ToList();

        csharp.Should().NotBeEmpty();
        foreach (var block in csharp)
        {
            block.Name.Should().NotBeNull("the csharp block at README.md line {0} needs a '<!-- readme-snippet: NAME -->' line before it", block.Line);
            Shapes.Should().ContainKey(block.Name!, "the csharp block '{0}' (README.md line {1}) needs a shape in this test", block.Name, block.Line);
        }

        csharp.Select(b => b.Name).Should().OnlyHaveUniqueItems().And.HaveSameCount(Shapes);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Readme_CSharpBlock_Compiles(string name)
    {
        var compilation = Compile(name);

        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Location.SourceTree?.FilePath + d.Location.GetLineSpan().StartLinePosition + ": " + d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        problems.Should().BeEmpty("README.md's csharp block '{0}' must compile without warnings against the public API", name);
    }

    [Fact]
    public void Readme_KitExample_RunsAndItsAssertionsHold()
    {
        var image = new MemoryStream();
        var emitted = Compile("kit").Emit(image);
        emitted.Success.Should().BeTrue(string.Join('\n', emitted.Diagnostics));

        var entry = Assembly.Load(image.ToArray()).EntryPoint!;
        var run = () => entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);

        run.Should().NotThrow("the README's kit example asserts what its caseload gives");
    }

    [Fact]
    public void Readme_OpenTelemetryExample_NamesTheLibrarysMeterAndSource()
    {
        var code = ReadmeBlocks.Named("opentelemetry");

        code.Should().Contain($"AddMeter(\"{Safeguarding.Rules.Diagnostics.SafeguardingRulesDiagnostics.MeterName}\")")
            .And.Contain($"AddSource(\"{Safeguarding.Rules.Diagnostics.SafeguardingRulesDiagnostics.ActivitySourceName}\")");
    }

    private static CSharpCompilation Compile(string name)
    {
        var shape = Shapes[name];
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(shape.Source(ReadmeBlocks.Named(name)), options, path: "README.md#" + name),
            CSharpSyntaxTree.ParseText(shape.GlobalUsings, options, path: "GlobalUsings.cs"),
        };
        trees.AddRange(shape.Context.Select((c, i) => CSharpSyntaxTree.ParseText(c, options, path: "Context" + i + ".cs")));
        trees.AddRange(shape.OtherSnippets.Select(other =>
            CSharpSyntaxTree.ParseText(Shapes[other].Source(ReadmeBlocks.Named(other)), options, path: "README.md#" + other)));

        return CSharpCompilation.Create(
            "ReadmeSnippet_" + name.Replace('-', '_'),
            trees,
            References.Value,
            new CSharpCompilationOptions(
                shape.IsProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // As the SDK does: assembly versions unify (the library references the 8.0 abstractions, the runtime has 10.0).
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
    }

    private static MetadataReference[] LoadReferences()
    {
        var self = typeof(ReadmeCSharpSnippetTests).Assembly.Location;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !string.Equals(path, self, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }

    /// <summary>How a README block becomes a compilation unit.</summary>
    private sealed partial record SnippetShape(
        string GlobalUsings, bool IsProgram, Func<string, string> Source, string[] Context, string[] OtherSnippets)
    {
        public static SnippetShape Program(string globalUsings) =>
            new(globalUsings, IsProgram: true, static code => code, [], []);

        public static SnippetShape Types(params string[] context) =>
            new(ConsoleUsings, IsProgram: false, static code => code, context, []);

        public static SnippetShape Members(string usings, string members) =>
            new(ConsoleUsings + "\n" + usings, IsProgram: false,
                code => Wrap(code, (leading, body) => leading + "public sealed class ReadmeSnippet\n{\n" + members + "\n" + body + "\n}\n"), [], []);

        public static SnippetShape Fragment(
            string parameters, string members = "", string usings = "", string globalUsings = ConsoleUsings, string[]? context = null, string[]? otherSnippets = null) =>
            new(globalUsings, IsProgram: false,
                code => Wrap(code, (leading, body) =>
                    usings + "\n" + leading + "internal static class ReadmeSnippet\n{\n" + members + "\n"
                    + "    internal static " + (body.Contains("await ", StringComparison.Ordinal) ? "async Task" : "void") + " Run(" + parameters + ")\n    {\n"
                    + body + "\n    }\n}\n"),
                context ?? [], otherSnippets ?? []);

        /// <summary>Splits the block's leading using directives (which stay at file level) from the rest.</summary>
        private static string Wrap(string code, Func<string, string, string> wrap)
        {
            var lines = code.Split('\n');
            var leading = lines.TakeWhile(l => UsingDirective().IsMatch(l) || l.Length == 0).Count();
            return wrap(string.Join('\n', lines[..leading]) + "\n", string.Join('\n', lines[leading..]));
        }

        [GeneratedRegex(@"^using [A-Za-z0-9_.]+;")]
        private static partial Regex UsingDirective();
    }
}
