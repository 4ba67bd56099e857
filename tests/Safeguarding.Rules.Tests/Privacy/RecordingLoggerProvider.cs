using Microsoft.Extensions.Logging;

namespace Safeguarding.Rules.Tests.Privacy;

/// <summary>A logger provider that keeps every message, exception and structured value of every category, at every level.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<string> _texts = [];

    /// <summary>Each entry's formatted message, its exception (with its stack), and its values, as text.</summary>
    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_texts)
            {
                return [.. _texts];
            }
        }
    }

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private void Add(string text)
    {
        lock (_texts)
        {
            _texts.Add(text);
        }
    }

    private sealed class Recorder(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Add("scope: " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Add(formatter(state, exception));
            if (exception is not null)
            {
                owner.Add(exception.ToString());
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                owner.Add(string.Join("; ", values.Select(static v => v.Key + "=" + v.Value)));
            }
        }
    }
}
