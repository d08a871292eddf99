using System.Diagnostics;
using FluxPerf.Client;
using FluxPerf.Configuration.Recipes;

namespace FluxPerf.Running;

/// <summary>
/// A server a stage starts (for A/B tests of server settings): started with the stage's
/// environment, awaited until its ready URL answers, stopped gracefully then killed, its output
/// kept in the run folder.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ServerLaunch _launch;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, ServerLaunch launch, StreamWriter log)
    {
        _process = process;
        _launch = launch;
        _log = log;
    }

    /// <summary>Starts the server and waits until it is ready; throws
    /// <see cref="BenchmarkException"/> when it exits or does not answer in time.</summary>
    public static async Task<ServerProcess> StartAsync(
        ServerLaunch launch,
        IReadOnlyDictionary<string, string> environment,
        string logPath,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(launch.Command)
        {
            WorkingDirectory = launch.WorkingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in launch.Args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!); // a full path has a folder
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, "out", e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, "err", e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await log.DisposeAsync();
            throw new BenchmarkException(
                $"server command \"{launch.Command}\" could not be started: "
                + $"{e.Message}; check the path and that it is executable", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, launch, log);
        await server.WaitReadyAsync(logPath, cancellationToken);
        return server;
    }

    private async Task WaitReadyAsync(string logPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Timestamps.Now()
            + (long)(_launch.StartupTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Timestamps.Now() < deadline)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkException($"server \"{_launch.Command}\" exited with code "
                    + $"{_process.ExitCode} before {_launch.ReadyUrl} answered; see {logPath}");
            }

            try
            {
                using var response = await http.GetAsync(_launch.ReadyUrl, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet: keep polling until the deadline.
            }

            await Task.Delay(200, cancellationToken);
        }

        await DisposeAsync();
        throw new BenchmarkException($"server \"{_launch.Command}\" did not answer at "
            + $"{_launch.ReadyUrl} within {_launch.StartupTimeout.TotalSeconds:0} s; "
            + $"see {logPath}");
    }

    /// <summary>
    /// Stops the server: a graceful signal first, then a kill after the stop timeout.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            StopGracefully();
            using var wait = new CancellationTokenSource(_launch.StopTimeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void StopGracefully()
    {
        // SIGTERM lets a server such as vLLM free its GPU memory; Process.Kill would not.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(
                System.Globalization.CultureInfo.InvariantCulture)]);
            kill?.WaitForExit(2000);
        }
        else
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private static void Write(StreamWriter log, string stream, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine($"[{stream}] {line}");
            }
        }
    }
}
