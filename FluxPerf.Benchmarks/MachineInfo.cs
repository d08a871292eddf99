using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FluxPerf.Benchmarks;

/// <summary>The machine the figures were taken on: without it a figure cannot be compared.
/// </summary>
internal sealed record MachineInfo(
    string Cpu,
    int LogicalCores,
    double MemoryGb,
    string Os,
    string Runtime,
    string Commit)
{
    public static MachineInfo Read(string repositoryRoot) => new(
        CpuModel(),
        Environment.ProcessorCount,
        ReadMemoryGb(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadCommit(repositoryRoot));

    private static string CpuModel()
    {
        var line = Run("lscpu", null)
            .Split('\n')
            .FirstOrDefault(l => l.StartsWith("Model name:", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString()
            : line["Model name:".Length..].Trim();
    }

    private static double ReadMemoryGb()
    {
        const string path = "/proc/meminfo";
        var line = File.Exists(path)
            ? File.ReadLines(path)
                .FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? 0 : double.Parse(kb, CultureInfo.InvariantCulture) / 1048576.0;
    }

    private static string ReadCommit(string repositoryRoot) =>
        Run("git", repositoryRoot, "rev-parse", "--short", "HEAD").Trim() is { Length: > 0 } c
            ? c
            : "unknown";

    private static string Run(string command, string? folder, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(command)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder ?? Environment.CurrentDirectory,
            };
            info.Environment["LC_ALL"] = "C";
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info);
            if (process is null)
            {
                return "";
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The tool is not installed: the field says unknown rather than failing the run.
            return "";
        }
    }
}
