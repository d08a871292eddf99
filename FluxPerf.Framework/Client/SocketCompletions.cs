using System.Runtime.CompilerServices;

namespace FluxPerf.Client;

/// <summary>
/// Where the code after an awaited socket read runs. By default .NET hands every completed read
/// to a thread-pool worker: one futex wake-up and one context switch per streamed event, which
/// on a small machine costs more CPU than everything FluxPerf does with the event, and delays
/// the arrival timestamp by the queueing. With inline completions the socket engine's own thread
/// runs the continuation: the event is stamped the moment <c>recv</c> returns and parsed in a
/// few microseconds. On the 2-core reference machine this cut the client's CPU per token at
/// concurrency 64 from about 45 to about 23 µs (docs/performance.md).
/// </summary>
/// <remarks>
/// .NET reads the switch once, when the process creates its first socket, so it is an
/// environment variable set before that: <see cref="EnableForProcess"/> at the top of
/// <c>Main</c>, or <c>EnvironmentVariables</c> in a <c>.runsettings</c> file for test hosts.
/// Code that does more than per-event work after a socket read must leave the socket thread
/// first (<see cref="LeaveSocketThread"/>), or it delays every other stream's timestamps.
/// </remarks>
public static class SocketCompletions
{
    /// <summary>The runtime's switch: <c>1</c> runs socket continuations inline.</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary><c>inline</c> or <c>thread_pool</c>: how this process was asked to complete
    /// socket reads; <c>windows_iocp</c> on Windows, whose completion ports the switch does not
    /// change. Recorded with the results, because it changes the client's cost and the delay
    /// between a read and its timestamp.</summary>
    public static string Mode => OperatingSystem.IsWindows()
        ? "windows_iocp"
        : Environment.GetEnvironmentVariable(Variable) == "1" ? "inline" : "thread_pool";

    /// <summary>
    /// Asks for inline completions unless the variable is already set (a user's explicit
    /// <c>0</c> wins). Call it first thing in <c>Main</c>: once a socket exists, the runtime
    /// has read the switch. Child processes inherit it.
    /// </summary>
    public static void EnableForProcess()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }

    /// <summary>
    /// Continues on a thread-pool thread when the caller is on a socket engine's thread, and at
    /// once otherwise. Used where per-request work (finishing a measurement, the engine's record
    /// and next request, parsing a metrics page) follows a socket read.
    /// </summary>
    public static ConfiguredTaskAwaitable LeaveSocketThread() =>
        Task.CompletedTask.ConfigureAwait(Thread.CurrentThread.IsThreadPoolThread
            ? ConfigureAwaitOptions.None
            : ConfigureAwaitOptions.ForceYielding);
}
