using Tariffs.LocalHost.Hosting;

// Runs the Tariffs functions locally (queue and timer triggers on the WebJobs SDK, HTTP on Kestrel); see TariffsLocalHost.
await TariffsLocalHost.Build(args).RunAsync();
