using FluxPerf.Cli;

return await CliApp.RunAsync(args);
