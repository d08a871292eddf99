using FluxPerf.Running;
using Spectre.Console;

namespace FluxPerf.Cli.Running;

/// <summary>
/// Progress on an interactive terminal: a bar per round with its counts, redrawn in place.
/// Each level gets its own display, so the level's table prints below finished bars.
/// </summary>
internal sealed class LiveProgressDisplay(IAnsiConsole console) : IProgressDisplay
{
    public async Task<T> ShowAsync<T>(Func<IProgress<RoundProgress>, Task<T>> work)
    {
        var progress = console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn());
        return await progress.StartAsync(ctx => work(new Sink(ctx)));
    }

    public void Write(string text) => console.Write(new Text(text));

    private sealed class Sink(ProgressContext context) : IProgress<RoundProgress>
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<(string, int, int), ProgressTask> _tasks = [];

        public void Report(RoundProgress value)
        {
            lock (_lock)
            {
                var key = (value.Stage, value.Concurrency, value.Round);
                if (!_tasks.TryGetValue(key, out var task))
                {
                    task = context.AddTask(Describe(value), maxValue: Math.Max(1, value.Total));
                    _tasks[key] = task;
                }

                task.MaxValue = Math.Max(1, value.Total);
                task.Value = value.Finished ? task.MaxValue : value.Done;
                task.Description = Describe(value);
                if (value.Finished)
                {
                    task.StopTask();
                }
            }
        }

        private static string Describe(RoundProgress p) =>
            Markup.Escape($"{ProgressText.Title(p)}  {ProgressText.Counts(p)}");
    }
}
