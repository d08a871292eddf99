using FluxPerf.Cli;
using FluxPerf.Client;

// Before anything opens a socket: the runtime reads the switch once (see SocketCompletions).
SocketCompletions.EnableForProcess();
return await CliApp.RunAsync(args);
