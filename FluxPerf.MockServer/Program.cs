using FluxPerf.MockServer;

if (MockServerCommandLine.IsHelpRequested(args))
{
    Console.WriteLine(MockServerCommandLine.HelpText);
    return 0;
}

MockServerOptions baseline;
try
{
    baseline = MockServerOptions.FromEnvironment();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (!MockServerCommandLine.TryParse(args, baseline, out var options, out var errors))
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, errors));
    return 2;
}

var problems = options.Validate();
if (problems.Count > 0)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, problems));
    return 2;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();

await using var server = await MockServer.StartAsync(options);
Console.WriteLine($"FluxPerf mock listening on {server.BaseAddress.ToString().TrimEnd('/')}");
Console.WriteLine($"Model \"{options.ModelName}\"; press Ctrl+C to stop.");
await stop.Task;
return 0;
