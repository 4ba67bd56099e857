using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Hosting;

/// <summary>
/// The ASP.NET Core flow of the README: an endpoint reads the posted snapshot asynchronously, evaluates it with the
/// registered engine and the request's cancellation token, and streams the findings document back. The test server
/// forbids synchronous I/O on request and response bodies, as Kestrel does, so any blocking read or write fails here.
/// </summary>
public sealed class AspNetCoreStreamingTests
{
    /// <summary>The CLI's built-in sample: 2,000 synthetic offenders, seed 1, as of 2018-05-01.</summary>
    private static readonly Lazy<CaseloadSnapshot> Sample = new(() =>
        SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 2000, Seed = 1, AsOf = new DateOnly(2018, 5, 1) }));

    [Fact]
    public async Task PostEvaluate_BuiltInSample_StreamsTheSameFindingsDocumentAsWrite()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var body = new ByteArrayContent(SnapshotBytes(Sample.Value));
        body.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), body);
        var streamed = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var expected = new MemoryStream();
        FindingsJson.Write(new SafeguardingEngine().Evaluate(Sample.Value), expected);
        streamed.Length.Should().BeGreaterThan(64 * 1024, "the document is written in several chunks");
        streamed.Should().Equal(expected.ToArray());
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSafeguardingRules();
        var app = builder.Build();
        app.MapPost("/evaluate", async (HttpRequest request, ISafeguardingEvaluator engine, CancellationToken ct) =>
        {
            var snapshot = await SnapshotJson.ReadAsync(request.Body, ct);
            var report = engine.Evaluate(snapshot, null, ct);
            return report.IsEvaluated
                ? Results.Stream(stream => FindingsJson.WriteAsync(report, stream, cancellationToken: ct), "application/json")
                : Results.BadRequest(report.Problems.Select(p => p.ToString()));
        });
        await app.StartAsync();
        return app;
    }

    private static byte[] SnapshotBytes(CaseloadSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream);
        return stream.ToArray();
    }
}
