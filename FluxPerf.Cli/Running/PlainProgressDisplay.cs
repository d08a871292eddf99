using System.Diagnostics;
using FluxPerf.Running;

namespace FluxPerf.Cli.Running;

/// <summary>
/// Progress for logs and CI: one line per round at most every two seconds, plus the round's
/// last, so a long run shows it is alive without flooding the log.
/// </summary>
internal sealed class PlainProgressDisplay(TextWriter output) : IProgressDisplay
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public async Task<T> ShowAsync<T>(Func<IProgress<RoundProgress>, Task<T>> work) =>
        await work(new Sink(output));

    public void Write(string text)
    {
        output.Write(text);
        output.Flush();
    }

    private sealed class Sink(TextWriter output) : IProgress<RoundProgress>
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<(string, int, int), long> _lastWritten = [];

        public void Report(RoundProgress value)
        {
            var key = (value.Stage, value.Concurrency, value.Round);
            var now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                var due = !_lastWritten.TryGetValue(key, out var last)
                    || Stopwatch.GetElapsedTime(last, now) >= Interval;
                if (!due && !value.Finished)
                {
                    return;
                }

                _lastWritten[key] = now;
                var state = value.Finished ? " (finished)" : "";
                output.WriteLine(
                    $"{ProgressText.Title(value)}: {ProgressText.Counts(value)}{state}");
                output.Flush();
            }
        }
    }
}
