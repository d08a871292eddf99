using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FluxPerf.Benchmarks;

/// <summary>
/// The mock server in a process of its own, so its garbage collections, thread pool and CPU
/// are not the client's: a figure of the client's cost must not include the server's.
/// </summary>
internal sealed class MockProcess : IAsyncDisposable
{
    private const string ReadyLine = "FluxPerf mock listening on ";
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private MockProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri ChatCompletionsUri => new(BaseAddress, "v1/chat/completions");

    public int ProcessId => _process.Id;

    /// <summary>The mock's user plus system CPU time so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <c>dotnet FluxPerf.MockServer.dll --port 0</c> with
    /// <paramref name="flags"/> and waits for its listening line.</summary>
    public static async Task<MockProcess> StartAsync(
        IReadOnlyList<string> flags,
        bool belowNormal)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(MockAssembly());
        foreach (var flag in (string[])["--port", "0", .. flags])
        {
            info.ArgumentList.Add(flag);
        }

        var process = Process.Start(info)
            ?? throw new InvalidOperationException($"could not start {info.FileName}");
        if (belowNormal)
        {
            // nice 10 on Linux: lowering one's own child needs no privilege.
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }

        var address = await ReadAddressAsync(process);
        _ = DrainAsync(process.StandardOutput);
        return new MockProcess(process, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<Uri> ReadAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
            {
                return new Uri(line[ReadyLine.Length..].Trim() + "/");
            }
        }

        await process.WaitForExitAsync(CancellationToken.None);
        throw new InvalidOperationException(
            $"the mock exited with code {process.ExitCode} before listening: {await errors}");
    }

    private static async Task DrainAsync(StreamReader output)
    {
        // An unread pipe would block the mock once its buffer fills.
        while (await output.ReadLineAsync() is not null)
        {
        }
    }

    private static string MockAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "FluxPerf.MockServer.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"\"{path}\" is missing; build FluxPerf.Benchmarks, which copies the mock");
    }

    private static string DotnetHost()
    {
        // The runtime folder is <root>/shared/Microsoft.NETCore.App/<version>/: the host that
        // runs this process also runs the mock, so both use the same runtime.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(),
            "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
