using System.CommandLine;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Csv;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>
/// <c>sample --offenders N [--seed S] [--format json|csv] [--output FILE|DIR]</c>: writes a synthetic snapshot in the
/// contract's format, a JSON file (section 1) or a CSV folder (section 9).
/// </summary>
internal static class SampleCommand
{
    public const int MaxOffenders = 1_000_000;

    public static (Command Command, CommandHelp Help) Create()
    {
        var offenders = new Option<int>("--offenders", "-n")
        {
            Description = "The number of offender records, 1 to 1,000,000.",
            HelpName = "N",
            Required = true,
            CustomParser = CommonOptions.WholeNumber("--offenders", 1, MaxOffenders),
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "The generator's seed, a whole number from 0 to 18446744073709551615: the same N and seed give the same file on every run and machine.",
            HelpName = "S",
            DefaultValueFactory = _ => 1,
            CustomParser = CommonOptions.UnsignedWholeNumber("--seed"),
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the snapshot to FILE instead of standard output; with --format csv, the folder DIR to write the CSV files in (required).",
            HelpName = "FILE|DIR",
        };
        var format = CommonOptions.Format(Formats.Json, Formats.Json, Formats.Csv);
        format.Description = "The snapshot's form: json (one file, contract section 1) or csv (a folder of CSV files, section 9).";

        var command = new Command("sample", "Writes a synthetic caseload snapshot of N offenders in the contract's format.")
        {
            offenders, seed, format, output,
        };
        command.SetAction(parse => Run(parse.GetValue(offenders), parse.GetValue(seed), parse.GetValue(format)!, parse.GetValue(output)));
        return (command, new CommandHelp(
        [
            "safeguarding-rules sample --offenders 2500 --output force.json",
            "safeguarding-rules sample --offenders 1000000 --seed 7 --output stress.json",
            "safeguarding-rules sample -n 500 | safeguarding-rules evaluate -",
            "safeguarding-rules sample --offenders 2500 --format csv --output force-csv",
        ])
        {
            Details =
            [
                "From the generator the tests and benchmarks use, as of 2018-05-01: the national risk mix, caseloads",
                "of 50-60 per manager with one in eight overloaded, some overdue visits, unallocated offenders.",
                "Identifiers, dates and numbers only. The same N and seed give the same bytes on every run.",
                "--format csv writes offenders.csv, managers.csv, teams.csv, visits.csv, briefings.csv and",
                "snapshot.csv into DIR (created when needed), and a file for each child-protection or override array",
                "with records: the same snapshot, as a force's case system exports it.",
            ],
            ExitCodes = CliApplication.StandardExitCodes("written"),
        });
    }

    private static int Run(int offenders, ulong seed, string format, string? outputPath)
    {
        if (format == Formats.Csv && outputPath is null)
        {
            throw new ExpectedFailureException("--format csv writes a folder of files: give it with --output DIR");
        }

        var progress = ProgressReporter.ForStandardError();
        CaseloadSnapshot snapshot;
        using (progress.Start("Generating " + Text.Number(offenders) + " offenders"))
        {
            snapshot = SyntheticCaseload.Generate(offenders, seed);
        }

        if (format == Formats.Csv)
        {
            WriteFolder(snapshot, outputPath!, progress);
            return ExitCodes.Success;
        }

        using var target = OutputTarget.Open(outputPath);
        using var counted = new CountingStream(target.Stream);
        using (progress.Start("Writing the snapshot", () => Text.Megabytes(counted.Bytes)))
        {
            SnapshotJson.Write(snapshot, counted);
            counted.Flush();
            target.Commit();
        }

        return ExitCodes.Success;
    }

    private static void WriteFolder(CaseloadSnapshot snapshot, string folder, ProgressReporter progress)
    {
        if (File.Exists(folder))
        {
            throw new ExpectedFailureException(folder + ": cannot be written: it is a file, and --format csv writes a folder");
        }

        try
        {
            using (progress.Start("Writing the CSV folder " + folder))
            {
                SnapshotCsv.WriteFolder(snapshot, folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(folder + ": cannot be written: " + e.Message.ReplaceLineEndings(" "), e);
        }
    }
}
