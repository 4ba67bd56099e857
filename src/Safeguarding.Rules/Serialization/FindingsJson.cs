using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Records;

namespace Safeguarding.Rules.Serialization;

/// <summary>Writes the findings document of contract section 5 for an evaluated report.</summary>
/// <remarks>
/// <para>
/// The document is <c>schemaVersion</c>, <c>library</c> (this library's name and its major.minor.patch version),
/// <c>asOf</c>, <c>policyVersion</c>, <c>summary</c> (the contract's keys in the contract's order, <c>suppressed</c>
/// after <c>dataQuality</c>), <c>findings</c> (in the report's order, which is the contract's), <c>suppressed</c> (always
/// present: the findings an active override defers, each as it would have been followed by <c>overrideId</c> and
/// <c>until</c>), only when partial results were allowed, <c>rejected</c>
/// (one entry per input problem: <c>array</c>, <c>index</c>, <c>id</c> when known, <c>field</c>, <c>problem</c>),
/// <c>changes</c> (only with a change report) and, last, <c>record</c>, the decision record of contract section 8
/// (<see cref="EvaluationReport.Record"/>: <c>asOfInstant</c>, <c>snapshotSha256</c>, <c>policySha256</c>,
/// <c>rulesSha256</c>, <c>findingsSha256</c>; left out for a report built by hand, which has none).
/// Each finding is <c>kind</c>, <c>id</c>, <c>rule</c>, the fields of its kind in the contract table's order,
/// <c>overrideExpiredOn</c> when a deferral of it has lapsed, and <c>reason</c>;
/// absent values are omitted, never written as <see langword="null"/>, and fields outside the kind's row are not written.
/// Numbers have no exponent and no trailing zeros (<c>83.3</c>, <c>100</c>, <c>21.5</c>); dates are <c>yyyy-MM-dd</c>.
/// The same report always gives the same bytes.
/// </para>
/// <para>
/// Findings of kinds a host's rules define have the same shape: <c>kind</c>, <c>id</c>, <c>rule</c>, every field that is
/// not <see langword="null"/> in the order each first appears in the contract's tables (<see cref="FindingSchema.Fields"/>),
/// <c>overrideExpiredOn</c> when a deferral of it has lapsed, then <c>reason</c>. They follow the contract's kinds in <c>findings</c>, but
/// <c>summary</c> keeps exactly the contract's keys, so host kinds are not counted there (a host kind's name could
/// otherwise collide with a summary key such as <c>offenders</c>); consumers count them from <c>findings</c>.
/// </para>
/// </remarks>
public static class FindingsJson
{
    private static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
    private static readonly JsonEncodedText Library = JsonEncodedText.Encode("library");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText PolicyVersion = JsonEncodedText.Encode("policyVersion");
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText Offenders = JsonEncodedText.Encode("offenders");
    private static readonly JsonEncodedText Evaluated = JsonEncodedText.Encode("evaluated");
    private static readonly JsonEncodedText Rejected = JsonEncodedText.Encode("rejected");
    private static readonly JsonEncodedText NotYetRegistered = JsonEncodedText.Encode("notYetRegistered");
    private static readonly JsonEncodedText Escalations = JsonEncodedText.Encode("escalations");
    private static readonly JsonEncodedText OffenderManager = JsonEncodedText.Encode("offenderManager");
    private static readonly JsonEncodedText Supervisor = JsonEncodedText.Encode("supervisor");
    private static readonly JsonEncodedText DetectiveInspector = JsonEncodedText.Encode("detectiveInspector");
    private static readonly JsonEncodedText Outcomes = JsonEncodedText.Encode("outcomes");
    private static readonly JsonEncodedText VisitedWithinPolicyPercent = JsonEncodedText.Encode("visitedWithinPolicyPercent");
    private static readonly JsonEncodedText VeryHigh = JsonEncodedText.Encode("veryHigh");
    private static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
    private static readonly JsonEncodedText Medium = JsonEncodedText.Encode("medium");
    private static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
    /// <summary>The outcome measure over the VisitOverdue findings' days overdue is named after that field.</summary>
    private static readonly JsonEncodedText DaysOverdueSummary = JsonEncodedText.Encode(FindingSchema.DaysOverdue.Name);
    private static readonly JsonEncodedText StrategyOutcomesRecordedOnTimePercent = JsonEncodedText.Encode("strategyOutcomesRecordedOnTimePercent");
    private static readonly JsonEncodedText AppropriateAdultWaitMinutes = JsonEncodedText.Encode("appropriateAdultWaitMinutes");
    private static readonly JsonEncodedText Median = JsonEncodedText.Encode("median");
    private static readonly JsonEncodedText Max = JsonEncodedText.Encode("max");
    private static readonly JsonEncodedText FindingsName = JsonEncodedText.Encode("findings");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText Array = JsonEncodedText.Encode("array");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText Problem = JsonEncodedText.Encode("problem");
    private static readonly JsonEncodedText ChangeName = JsonEncodedText.Encode("change");
    private static readonly JsonEncodedText ChangesName = JsonEncodedText.Encode("changes");
    private static readonly JsonEncodedText Since = JsonEncodedText.Encode("since");
    private static readonly JsonEncodedText RaisedName = JsonEncodedText.Encode("raised");
    private static readonly JsonEncodedText EscalatedName = JsonEncodedText.Encode("escalated");
    private static readonly JsonEncodedText ChangedName = JsonEncodedText.Encode("changed");
    private static readonly JsonEncodedText UnchangedName = JsonEncodedText.Encode("unchanged");
    private static readonly JsonEncodedText ClearedName = JsonEncodedText.Encode("cleared");
    private static readonly JsonEncodedText ClearedFindings = JsonEncodedText.Encode("clearedFindings");
    private static readonly JsonEncodedText RecordName = JsonEncodedText.Encode("record");
    private static readonly JsonEncodedText AsOfInstant = JsonEncodedText.Encode("asOfInstant");
    private static readonly JsonEncodedText SnapshotSha256 = JsonEncodedText.Encode("snapshotSha256");
    private static readonly JsonEncodedText PolicySha256 = JsonEncodedText.Encode("policySha256");
    private static readonly JsonEncodedText RulesSha256 = JsonEncodedText.Encode("rulesSha256");
    private static readonly JsonEncodedText FindingsSha256 = JsonEncodedText.Encode("findingsSha256");
    private static readonly JsonEncodedText SuppressedName = JsonEncodedText.Encode("suppressed");
    private static readonly JsonEncodedText OverrideId = JsonEncodedText.Encode("overrideId");
    private static readonly JsonEncodedText Until = JsonEncodedText.Encode("until");

    /// <summary>The contract's spelling of each <see cref="ChangeKind"/>, by its value.</summary>
    private static readonly JsonEncodedText[] ChangeNames =
        Enum.GetValues<ChangeKind>().Select(static k => JsonEncodedText.Encode(k.ToString())).ToArray();

    /// <summary>Each contract kind's summary key, in the contract's order (<c>escalations</c> follows <c>unallocated</c>).</summary>
    private static readonly (JsonEncodedText Name, string Kind)[] SummaryCounts =
        FindingSchema.Kinds.Select(static k => (JsonEncodedText.Encode(k.SummaryKey!), k.Kind!)).ToArray();

    /// <summary>The library's name as the document gives it.</summary>
    private const string LibraryName = "Safeguarding.Rules";

    /// <summary>The library's version as major.minor.patch, from its assembly version (deterministic for a build).</summary>
    private static readonly string LibraryVersion = FormatVersion(typeof(FindingsJson).Assembly.GetName().Version);

    /// <summary>Writes the findings document of <paramref name="report"/>.</summary>
    /// <param name="report">An evaluated report (<see cref="EvaluationReport.IsEvaluated"/>).</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <param name="indented">Whether to indent (two spaces, line feeds on every platform); default <see langword="true"/>.</param>
    /// <exception cref="InvalidOperationException">
    /// The report was not evaluated (its problems are the output then, not a findings document), or a finding holds an
    /// enum value the contract does not define.
    /// </exception>
    public static void Write(EvaluationReport report, Stream stream, bool indented = true) => WriteWithChanges(report, changes: null, stream, indented);

    /// <summary>
    /// Writes the findings document of <paramref name="report"/> with what changed since an earlier run (contract
    /// section 7): each finding's <c>change</c> and the <c>changes</c> block.
    /// </summary>
    /// <param name="report">An evaluated report (<see cref="EvaluationReport.IsEvaluated"/>).</param>
    /// <param name="changes">
    /// The changes of <paramref name="report"/> (<see cref="FindingChanges.Compare(EvaluationReport, FindingsDocument)"/>);
    /// <see langword="null"/> to write the document without them.
    /// </param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <param name="indented">Whether to indent (two spaces, line feeds on every platform); default <see langword="true"/>.</param>
    /// <exception cref="InvalidOperationException">
    /// The report was not evaluated (its problems are the output then, not a findings document), or a finding holds an
    /// enum value the contract does not define.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is not of <paramref name="report"/>'s findings.</exception>
    public static void WriteWithChanges(EvaluationReport report, ChangeReport? changes, Stream stream, bool indented = true)
    {
        CheckArguments(report, changes, stream);
        using var writer = JsonOutput.CreateWriter(stream, indented);
        foreach (var _ in WriteDocument(writer, report, changes, StartRecord(report)))
        {
            JsonOutput.FlushIfFull(writer);
        }

        writer.Flush();
    }

    /// <summary>
    /// Writes the findings document of <paramref name="report"/> as <see cref="Write"/> does (the same bytes), without
    /// blocking a thread on <paramref name="stream"/>: the document is built in chunks of about 64 KB in memory and each
    /// chunk is written with <see cref="Stream.WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>, so an HTTP
    /// response body or a network stream receives it as it is made, and no synchronous write or flush reaches the stream.
    /// </summary>
    /// <param name="report">An evaluated report (<see cref="EvaluationReport.IsEvaluated"/>).</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <param name="indented">Whether to indent (two spaces, line feeds on every platform); default <see langword="true"/>.</param>
    /// <param name="cancellationToken">Stops the writing between chunks; the stream then holds part of the document.</param>
    /// <returns>The writing.</returns>
    /// <exception cref="InvalidOperationException">
    /// The report was not evaluated (its problems are the output then, not a findings document), or a finding holds an
    /// enum value the contract does not define.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task WriteAsync(EvaluationReport report, Stream stream, bool indented = true, CancellationToken cancellationToken = default) =>
        WriteWithChangesAsync(report, changes: null, stream, indented, cancellationToken);

    /// <summary>
    /// Writes the findings document of <paramref name="report"/> with what changed since an earlier run, as
    /// <see cref="WriteWithChanges"/> does (the same bytes), asynchronously as <see cref="WriteAsync"/> does.
    /// </summary>
    /// <param name="report">An evaluated report (<see cref="EvaluationReport.IsEvaluated"/>).</param>
    /// <param name="changes">The changes of <paramref name="report"/>; <see langword="null"/> to write the document without them.</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <param name="indented">Whether to indent (two spaces, line feeds on every platform); default <see langword="true"/>.</param>
    /// <param name="cancellationToken">Stops the writing between chunks; the stream then holds part of the document.</param>
    /// <returns>The writing.</returns>
    /// <exception cref="InvalidOperationException">
    /// The report was not evaluated, or a finding holds an enum value the contract does not define.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is not of <paramref name="report"/>'s findings.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task WriteWithChangesAsync(EvaluationReport report, ChangeReport? changes, Stream stream, bool indented = true, CancellationToken cancellationToken = default)
    {
        // Checked before the task starts, so a wrong argument throws at the call rather than when the task is awaited.
        CheckArguments(report, changes, stream);
        return WriteInChunksAsync(report, changes, stream, indented, cancellationToken);
    }

    private static async Task WriteInChunksAsync(EvaluationReport report, ChangeReport? changes, Stream stream, bool indented, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var chunk = new MemoryStream();
        using var writer = JsonOutput.CreateWriter(chunk, indented);
        foreach (var _ in WriteDocument(writer, report, changes, record: null))
        {
            if (JsonOutput.IsFull(writer))
            {
                await SendAsync(writer, chunk, stream, cancellationToken).ConfigureAwait(false);
            }
        }

        await SendAsync(writer, chunk, stream, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the writer's pending bytes into <paramref name="chunk"/>, writes them to <paramref name="stream"/> asynchronously and empties the chunk.</summary>
    private static async Task SendAsync(Utf8JsonWriter writer, MemoryStream chunk, Stream stream, CancellationToken cancellationToken)
    {
        writer.Flush();
        if (chunk.Length > 0)
        {
            await stream.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length), cancellationToken).ConfigureAwait(false);
            chunk.SetLength(0);
        }
    }

    private static void CheckArguments(EvaluationReport report, ChangeReport? changes, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        if (!report.IsEvaluated)
        {
            throw new InvalidOperationException("The report was not evaluated, so it has no findings document: report its Problems instead.");
        }

        if (changes is not null && !ReferenceEquals(changes.Current, report.Findings))
        {
            throw new ArgumentException("The changes are of another report's findings: compare this report with the earlier run.", nameof(changes));
        }
    }

    /// <summary>
    /// Starts computing the report's decision record on another thread, when it is not computed yet, so that the
    /// document is written while the record's hashes are: the findings hash serialises every finding a second time,
    /// in canonical form, which took as long as writing the document (benchmarks/RESULTS.md, branch csv4).
    /// </summary>
    /// <returns>The record being computed, or <see langword="null"/> when there is none to compute.</returns>
    private static Task<DecisionRecord?>? StartRecord(EvaluationReport report) =>
        report.RecordSource is null ? null : Task.Run(() => report.Record);

    /// <summary>
    /// Writes the document to <paramref name="writer"/>, pausing after each finding and each rejected record so the
    /// caller can hand the pending bytes on (synchronously or not): one writing code for both, hence the same bytes.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <param name="changes">The changes, or <see langword="null"/>.</param>
    /// <param name="record">The record being computed on another thread (<see cref="StartRecord"/>), or <see langword="null"/> to take <see cref="EvaluationReport.Record"/> at the end.</param>
    private static IEnumerable<bool> WriteDocument(Utf8JsonWriter writer, EvaluationReport report, ChangeReport? changes, Task<DecisionRecord?>? record)
    {
        writer.WriteStartObject();
        writer.WriteNumber(SchemaVersion, 1);
        writer.WriteStartObject(Library);
        writer.WriteString(Name, LibraryName);
        writer.WriteString(Version, LibraryVersion);
        writer.WriteEndObject();
        JsonOutput.WriteDate(writer, AsOf, report.AsOf);
        writer.WriteString(PolicyVersion, report.PolicyVersion);
        WriteSummary(writer, report.Summary);

        writer.WriteStartArray(FindingsName);
        for (var i = 0; i < report.Findings.Count; i++)
        {
            WriteFinding(writer, report.Findings[i], i, report.Findings[i].Id, changes?.Changes[i], EarlierText.Both);
            yield return true;
        }

        writer.WriteEndArray();
        foreach (var pause in WriteSuppressed(writer, report.Suppressed))
        {
            yield return pause;
        }

        if (report.PartialResultsAllowed)
        {
            writer.WriteStartArray(Rejected);
            foreach (var problem in report.Problems)
            {
                writer.WriteStartObject();
                if (problem.Array is not null)
                {
                    writer.WriteString(Array, problem.Array);
                }

                if (problem.Index is { } index)
                {
                    writer.WriteNumber(Index, index);
                }

                if (problem.Id is not null)
                {
                    writer.WriteString(Id, problem.Id);
                }

                writer.WriteString(Field, problem.Field);
                writer.WriteString(Problem, problem.Problem);
                WriteSourcePlace(writer, problem);
                writer.WriteEndObject();
                yield return true;
            }

            writer.WriteEndArray();
        }

        if (changes is not null)
        {
            foreach (var pause in WriteChanges(writer, changes))
            {
                yield return pause;
            }
        }

        if ((record is null ? report.Record : record.GetAwaiter().GetResult()) is { } computed)
        {
            WriteRecord(writer, computed);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the decision record (contract section 8), the document's last property.</summary>
    private static void WriteRecord(Utf8JsonWriter writer, DecisionRecord record)
    {
        writer.WriteStartObject(RecordName);
        writer.WriteString(AsOfInstant, InstantText.Format(record.AsOfInstant));
        writer.WriteString(SnapshotSha256, record.SnapshotSha256);
        writer.WriteString(PolicySha256, record.PolicySha256);
        writer.WriteString(RulesSha256, record.RulesSha256);
        writer.WriteString(FindingsSha256, record.FindingsSha256);
        writer.WriteEndObject();
    }

    /// <summary>A problem's place in a CSV folder (contract section 9): <c>file</c>, <c>line</c>, <c>column</c>, each only when known.</summary>
    private static void WriteSourcePlace(Utf8JsonWriter writer, InputProblem problem)
    {
        if (problem.File is null)
        {
            return;
        }

        writer.WriteString("file"u8, problem.File);
        if (problem.Line is { } line)
        {
            writer.WriteNumber("line"u8, line);
        }

        if (problem.Column is { } column)
        {
            writer.WriteNumber("column"u8, column);
        }
    }

    private static void WriteSummary(Utf8JsonWriter writer, EvaluationSummary summary)
    {
        writer.WriteStartObject(Summary);
        writer.WriteNumber(Offenders, summary.Offenders);
        writer.WriteNumber(Evaluated, summary.Evaluated);
        writer.WriteNumber(Rejected, summary.Rejected);
        writer.WriteNumber(NotYetRegistered, summary.NotYetRegistered);
        foreach (var (name, kind) in SummaryCounts)
        {
            writer.WriteNumber(name, summary.Count(kind));
            if (string.Equals(kind, FindingKinds.Unallocated, StringComparison.Ordinal))
            {
                writer.WriteStartObject(Escalations);
                writer.WriteNumber(OffenderManager, Escalated(summary, EscalationLevel.OffenderManager));
                writer.WriteNumber(Supervisor, Escalated(summary, EscalationLevel.Supervisor));
                writer.WriteNumber(DetectiveInspector, Escalated(summary, EscalationLevel.DetectiveInspector));
                writer.WriteEndObject();
            }
        }

        writer.WriteNumber(SuppressedName, summary.Suppressed);
        var outcomes = summary.Outcomes;
        writer.WriteStartObject(Outcomes);
        writer.WriteStartObject(VisitedWithinPolicyPercent);
        Percent(writer, VeryHigh, outcomes, RiskLevel.VeryHigh);
        Percent(writer, High, outcomes, RiskLevel.High);
        Percent(writer, Medium, outcomes, RiskLevel.Medium);
        Percent(writer, Low, outcomes, RiskLevel.Low);
        writer.WriteEndObject();
        if (outcomes.MedianDaysOverdue is { } median && outcomes.MaxDaysOverdue is { } max)
        {
            writer.WriteStartObject(DaysOverdueSummary);
            JsonOutput.WriteDecimal(writer, Median, median);
            writer.WriteNumber(Max, max);
            writer.WriteEndObject();
        }

        WriteChildProtectionOutcomes(writer, outcomes);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The outcome measures of contract section 6, after the v1 measures, each omitted when its population is empty.</summary>
    private static void WriteChildProtectionOutcomes(Utf8JsonWriter writer, OutcomeMeasures outcomes)
    {
        if (outcomes.StrategyOutcomesRecordedOnTimePercent is { } onTime)
        {
            JsonOutput.WriteDecimal(writer, StrategyOutcomesRecordedOnTimePercent, onTime);
        }

        if (outcomes.MedianAppropriateAdultWaitMinutes is { } median && outcomes.MaxAppropriateAdultWaitMinutes is { } max)
        {
            writer.WriteStartObject(AppropriateAdultWaitMinutes);
            JsonOutput.WriteDecimal(writer, Median, median);
            writer.WriteNumber(Max, max);
            writer.WriteEndObject();
        }
    }

    private static int Escalated(EvaluationSummary summary, EscalationLevel level) =>
        summary.Escalations.TryGetValue(level, out var count) ? count : 0;

    private static void Percent(Utf8JsonWriter writer, JsonEncodedText name, OutcomeMeasures outcomes, RiskLevel level)
    {
        if (outcomes.VisitedWithinPolicyPercent.TryGetValue(level, out var percent))
        {
            JsonOutput.WriteDecimal(writer, name, percent);
        }
    }

    private static IEnumerable<bool> WriteChanges(Utf8JsonWriter writer, ChangeReport changes)
    {
        writer.WriteStartObject(ChangesName);
        writer.WriteStartObject(Since);
        if (changes.SinceAsOf is { } asOf)
        {
            JsonOutput.WriteDate(writer, AsOf, asOf);
        }

        if (changes.SincePolicyVersion is { } version)
        {
            writer.WriteString(PolicyVersion, version);
        }

        writer.WriteEndObject();
        writer.WriteNumber(RaisedName, changes.Raised);
        writer.WriteNumber(EscalatedName, changes.Escalated);
        writer.WriteNumber(ChangedName, changes.Changed);
        writer.WriteNumber(UnchangedName, changes.Unchanged);
        writer.WriteNumber(ClearedName, changes.Cleared);
        writer.WriteStartArray(ClearedFindings);
        for (var i = 0; i < changes.ClearedFindings.Count; i++)
        {
            WriteFinding(writer, changes.ClearedFindings[i], i, changes.ClearedIds[i], change: null, changes.ClearedGiven(i));
            yield return true;
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The <c>suppressed</c> array (contract section 8): each finding as it would have been, then <c>overrideId</c> and <c>until</c>.</summary>
    private static IEnumerable<bool> WriteSuppressed(Utf8JsonWriter writer, IReadOnlyList<SuppressedFinding> suppressed)
    {
        writer.WriteStartArray(SuppressedName);
        for (var i = 0; i < suppressed.Count; i++)
        {
            var item = suppressed[i];
            WriteFinding(writer, item.Finding, i, item.Finding.Id, change: null, EarlierText.Both, end: false);
            writer.WriteString(OverrideId, item.OverrideId);
            JsonOutput.WriteDate(writer, Until, item.Until);
            writer.WriteEndObject();
            yield return true;
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one finding as the document does; the decision record hashes the findings written by this same code.</summary>
    internal static void WriteFinding(Utf8JsonWriter writer, Finding finding, int position, string id, ChangeKind? change, EarlierText given, bool end = true)
    {
        writer.WriteStartObject();
        writer.WriteString(Kind, finding.Kind);
        writer.WriteString(Id, id);
        if (change is { } kind)
        {
            writer.WriteString(ChangeName, ChangeNames[(int)kind]);
        }

        // A cleared finding's rule and reason are written "as far as" the earlier document gives them: an empty string
        // given is written back; one not given is left out.
        if (given.HasFlag(EarlierText.Rule))
        {
            writer.WriteString(Rule, finding.Rule);
        }

        try
        {
            foreach (var field in FindingSchema.Of(finding.Kind).Fields)
            {
                field.Write(writer, finding);
            }
        }
        catch (InvalidOperationException undefined)
        {
            throw UndefinedValue(finding, position, undefined);
        }

        FindingSchema.OverrideExpiredOn.Write(writer, finding);
        if (given.HasFlag(EarlierText.Reason))
        {
            writer.WriteString(Reason, finding.Reason); // written when read (DeferredReason): read once
        }

        if (end)
        {
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// Writes one finding as <see cref="WriteFinding"/> does without a change (the same members and values), with its
    /// members in the order of RFC 8785: names by their UTF-16 code units. The decision record hashes the canonical form
    /// of each finding (<see cref="DecisionRecords.FindingsSha256"/>); written in this order, that form is the bytes
    /// written whenever no value needed an escape, so the canonicalizer's pass (parse, sort, write again) is needed only
    /// for a finding whose text holds a quote, a backslash, a control character or text the writer escapes.
    /// </summary>
    internal static void WriteFindingInCanonicalOrder(Utf8JsonWriter writer, Finding finding, int position, string id)
    {
        writer.WriteStartObject();
        try
        {
            foreach (var member in CanonicalMembers.GetOrAdd(FindingSchema.Of(finding.Kind), OrderMembers))
            {
                switch (member.Fixed)
                {
                    case FixedMember.Kind:
                        writer.WriteString(Kind, finding.Kind);
                        break;
                    case FixedMember.Id:
                        writer.WriteString(Id, id);
                        break;
                    case FixedMember.Rule:
                        writer.WriteString(Rule, finding.Rule);
                        break;
                    case FixedMember.Reason:
                        writer.WriteString(Reason, finding.Reason);
                        break;
                    default:
                        member.Field!.Write(writer, finding);
                        break;
                }
            }
        }
        catch (InvalidOperationException undefined)
        {
            throw UndefinedValue(finding, position, undefined);
        }

        writer.WriteEndObject();
    }

    /// <summary>Each kind's members in canonical order, made once per kind (the kinds are a fixed set, host kinds share one).</summary>
    private static readonly ConcurrentDictionary<FindingKindSchema, CanonicalMember[]> CanonicalMembers = new(ReferenceEqualityComparer.Instance);

    /// <summary>The members <see cref="WriteFinding"/> writes for a finding of <paramref name="schema"/>'s kind without a change, sorted as RFC 8785 sorts names.</summary>
    private static CanonicalMember[] OrderMembers(FindingKindSchema schema)
    {
        CanonicalMember[] members =
        [
            new(Kind.Value, FixedMember.Kind, null),
            new(Id.Value, FixedMember.Id, null),
            new(Rule.Value, FixedMember.Rule, null),
            .. schema.Fields.Select(static field => new CanonicalMember(field.Name, FixedMember.None, field)),
            new(FindingSchema.OverrideExpiredOn.Name, FixedMember.None, FindingSchema.OverrideExpiredOn),
            new(Reason.Value, FixedMember.Reason, null),
        ];
        System.Array.Sort(members, static (CanonicalMember a, CanonicalMember b) => string.CompareOrdinal(a.Name, b.Name));
        for (var i = 1; i < members.Length; i++)
        {
            if (members[i].Name == members[i - 1].Name)
            {
                throw new InvalidOperationException("A finding kind names the member '" + members[i].Name + "' twice, which a findings document cannot hold.");
            }
        }

        return members;
    }

    private static InvalidOperationException UndefinedValue(Finding finding, int position, InvalidOperationException undefined) =>
        new("Finding " + position.ToString(CultureInfo.InvariantCulture) + " (rule " + finding.Rule + "): " + undefined.Message, undefined);

    private enum FixedMember
    {
        None,
        Kind,
        Id,
        Rule,
        Reason,
    }

    /// <summary>One member of a finding: one of the four every finding has, or a field of its kind.</summary>
    private readonly record struct CanonicalMember(string Name, FixedMember Fixed, FindingField? Field);

    private static string FormatVersion(Version? version) =>
        version is null
            ? "0.0.0"
            : string.Join('.', version.Major.ToString(CultureInfo.InvariantCulture), version.Minor.ToString(CultureInfo.InvariantCulture), Math.Max(0, version.Build).ToString(CultureInfo.InvariantCulture));
}
