using System.Globalization;
using FluxPerf.Benchmarks;
using FluxPerf.Client;

// As the fluxperf command does, so the figures are a user's (see SocketCompletions). The mock
// process inherits it; its request handlers still run on Kestrel's own I/O queues.
SocketCompletions.EnableForProcess();

if (args is [AnalysisBenchmark.ChildFlag, var records])
{
    return await AnalysisBenchmark.ChildMainAsync(int.Parse(records, CultureInfo.InvariantCulture));
}

if (args.Contains("--help"))
{
    Console.WriteLine("FluxPerf.Benchmarks [--quick] [--levels 1,64,512,2048] [--tokens 200] "
        + "[--records 1000000] [--repo <checkout>] [--no-write]");
    return 0;
}

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

return await Harness.RunAsync(options);
