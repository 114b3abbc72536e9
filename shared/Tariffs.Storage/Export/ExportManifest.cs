using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tariffs.Storage.Export;

/// <summary>
/// <c>manifest.json</c> of an export: every file with its row count and SHA-256, so that whoever receives the export
/// can check it is whole and untouched before using it (<see cref="VerifyAsync"/>), and the messages still queued
/// when it was taken (work in flight is not exported: export a quiet deployment).
/// </summary>
/// <param name="Format">The export format and its version: <see cref="CurrentFormat"/>.</param>
/// <param name="ExportedAt">When the export started.</param>
/// <param name="Files">Every file of the export, tables first.</param>
/// <param name="PendingMessages">Approximate messages waiting in each work queue of the service that had any when the export started.</param>
public sealed record ExportManifest(string Format, DateTimeOffset ExportedAt, IReadOnlyList<ExportedFile> Files, IReadOnlyDictionary<string, int> PendingMessages)
{
    /// <summary>The format this code writes and reads.</summary>
    public const string CurrentFormat = "tariffs-export/1";

    /// <summary>The manifest's file name in an export's folder.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the manifest into <paramref name="folder"/>.</summary>
    public Task WriteAsync(string folder, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json), cancellationToken);

    /// <summary>The manifest of the export in <paramref name="folder"/>; throws <see cref="InvalidDataException"/> when it is missing, unreadable or of another format.</summary>
    public static async Task<ExportManifest> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new InvalidDataException($"{path} is missing: not an export folder.");
        ExportManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ExportManifest>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable manifest: {e.Message}", e);
        }
        if (manifest is null || manifest.Format != CurrentFormat)
            throw new InvalidDataException($"{path}: format '{manifest?.Format}' is not '{CurrentFormat}'.");
        return manifest;
    }

    /// <summary>
    /// What is wrong with the files of the export in <paramref name="folder"/>, one sentence each: a file missing, of
    /// another size or checksum, with another row count, outside the folder, or present but not listed. Empty when the
    /// export is whole and untouched.
    /// </summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(string folder, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var root = Path.GetFullPath(folder);
        foreach (var file in Files)
        {
            var path = Resolve(root, file.Path);
            if (path is null)
            {
                problems.Add($"{file.Path}: the path leaves the export's folder.");
                continue;
            }
            if (!File.Exists(path))
            {
                problems.Add($"{file.Path}: missing.");
                continue;
            }
            var (bytes, sha256, rows) = await MeasureAsync(path, cancellationToken).ConfigureAwait(false);
            if (bytes != file.Bytes)
                problems.Add($"{file.Path}: {bytes} bytes, the manifest says {file.Bytes}.");
            if (sha256 != file.Sha256)
                problems.Add($"{file.Path}: SHA-256 {sha256}, the manifest says {file.Sha256}: the file was changed.");
            if (file.Kind == ExportedFile.TableKind && file.Rows is { } expected && rows != expected)
                problems.Add($"{file.Path}: {rows} rows, the manifest says {expected}.");
        }
        var listed = Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative != FileName && !listed.Contains(relative))
                problems.Add($"{relative}: not listed in the manifest.");
        }
        return problems;
    }

    /// <summary>The full path of <paramref name="relative"/> inside <paramref name="root"/>, or null when it would leave it.</summary>
    public static string? Resolve(string root, string relative)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    /// <summary>Size, SHA-256 (lower-case hex) and line count of a file.</summary>
    public static async Task<(long Bytes, string Sha256, long Lines)> MeasureAsync(string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81_920];
        long bytes = 0, lines = 0;
        await using var stream = File.OpenRead(path);
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()), lines);
    }
}
