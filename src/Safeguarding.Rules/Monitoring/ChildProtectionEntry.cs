namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored child-protection record (a discussion, detention or protection) and the facts it gives as of the monitor's date and instant.</summary>
internal sealed class ChildProtectionEntry(object record)
{
    public object Record { get; set; } = record;

    /// <summary>The record's facts in the child-protection session (none for a record that has not happened by the as-of date or instant).</summary>
    public IReadOnlyList<object> Facts { get; set; } = [];
}
