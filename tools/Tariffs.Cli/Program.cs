using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using NodaTime;
using NodaTime.Text;
using Tariffs.Storage;
using Tariffs.Storage.Export;

// tariffs export|import|verify|audit <folder> [--connection <storage connection string>]
// The connection string defaults to $TARIFFS_STORAGE, then $AzureWebJobsStorage, then Azurite's.
const string usage = """
    usage: tariffs export <folder> [--connection <storage connection string>]   everything stored, into a new folder
           tariffs import <folder> [--connection <storage connection string>]   an export, into an empty account
           tariffs verify <folder>                                              is the export whole and untouched?
           tariffs audit <folder>                                               every adjustment recomputed from the export alone
           tariffs simulate <folder> --draft <catalog.json> [--from <date>] [--to <date>] [--households <file.csv>]
                                                                               a draft catalog tried on the export's bills
    The connection string defaults to $TARIFFS_STORAGE, then $AzureWebJobsStorage, then the local Azurite.
    """;

if (args.Length < 2 || args[0] is not ("export" or "import" or "verify" or "audit" or "simulate"))
{
    Console.Error.WriteLine(usage);
    return 2;
}
var folder = args[1];
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
LocalDate DateOption(string name, LocalDate fallback) => Option(name) is { } text ? LocalDatePattern.Iso.Parse(text).GetValueOrThrow() : fallback;
var connection = Option("--connection")
    ?? Environment.GetEnvironmentVariable("TARIFFS_STORAGE")
    ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage")
    ?? "UseDevelopmentStorage=true";
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var progress = new Progress<ExportedFile>(f => Console.WriteLine($"  {f.Path}: {(f.Rows is { } rows ? $"{rows:N0} rows, " : "")}{f.Bytes:N0} bytes"));

try
{
    switch (args[0])
    {
        case "export":
            var manifest = await new StorageExporter(new TableServiceClient(connection), new BlobServiceClient(connection), new QueueServiceClient(connection))
                .ExportAsync(folder, progress, cancel.Token);
            Console.WriteLine($"exported {manifest.Files.Count} files into {folder} ({ExportManifest.FileName} lists them with their SHA-256)");
            foreach (var (queue, count) in manifest.PendingMessages)
                Console.WriteLine($"warning: {count} messages were waiting in queue '{queue}': work in flight is not in the export");
            return 0;
        case "import":
            var (rows, blobs) = await new StorageImporter(new TableServiceClient(connection), new BlobServiceClient(connection))
                .ImportAsync(folder, progress, cancel.Token);
            // The partition count the deployment is configured with (as the service reads it: Tariffs__Ledger__Partitions), checked against the imported one.
            var partitions = Environment.GetEnvironmentVariable("Tariffs__Ledger__Partitions") is { } configured
                ? int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture) : Tariffs.Storage.Ledger.LedgerKeys.DefaultPartitions;
            await new StorageInitializer(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection),
                Microsoft.Extensions.Options.Options.Create(new Tariffs.Storage.Ledger.LedgerOptions { Partitions = partitions })).EnsureCreatedAsync(cancel.Token);
            Console.WriteLine($"imported {rows:N0} rows and {blobs} blobs from {folder}");
            return 0;
        case "simulate":
            if (Option("--draft") is not { } draft)
            {
                Console.Error.WriteLine(usage);
                return 2;
            }
            return await Tariffs.Cli.ExportSimulation.RunAsync(folder, draft, DateOption("--from", LocalDate.MinIsoValue), DateOption("--to", LocalDate.MaxIsoValue),
                Option("--households"), Console.Out, cancel.Token) ? 0 : 1;
        case "audit":
            return await Tariffs.Cli.ExportAudit.RunAsync(folder, Console.Out, cancel.Token) ? 0 : 1;
        default:
            var problems = await (await ExportManifest.ReadAsync(folder, cancel.Token)).VerifyAsync(folder, cancel.Token);
            foreach (var problem in problems)
                Console.WriteLine(problem);
            Console.WriteLine(problems.Count == 0 ? $"{folder}: whole and untouched" : $"{folder}: {problems.Count} problems");
            return problems.Count == 0 ? 0 : 1;
    }
}
catch (Exception e) when (e is InvalidDataException or IOException or UnparsableValueException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
