using System.Diagnostics;

namespace Safeguarding.Rules.Cli.Tests.Support;

/// <summary>Runs the built CLI (safeguarding-rules.dll, copied next to the tests) as a separate process.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "safeguarding-rules.dll");

    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    public static CliResult RunWithInput(byte[]? standardInput, params string[] args) => RunCore(Path.GetTempPath(), standardInput, args);

    /// <summary>Runs the CLI with <paramref name="workingDirectory"/> as its current folder, so relative file names in <paramref name="args"/> are in it.</summary>
    public static CliResult RunIn(string workingDirectory, params string[] args) => RunCore(workingDirectory, null, args);

    private static CliResult RunCore(string workingDirectory, byte[]? standardInput, string[] args)
    {
        File.Exists(DllPath).Should().BeTrue("the CLI is built next to the tests at {0}", DllPath);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var stdout = new MemoryStream();
        var stdoutTask = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.BaseStream.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The CLI did not finish: " + string.Join(' ', args));
        }

        Task.WaitAll(stdoutTask, stderrTask);
        return new CliResult(process.ExitCode, stdout.ToArray(), stderrTask.Result);
    }
}
