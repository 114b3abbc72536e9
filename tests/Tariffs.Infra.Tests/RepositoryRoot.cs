namespace Tariffs.Infra.Tests;

/// <summary>Locates the repository root: the nearest folder above the test binaries that holds Tariffs.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Absolute path of the folder holding Tariffs.sln.</summary>
    public static string Path => Root.Value;

    /// <summary>Absolute path of a file or folder given relative to the repository root.</summary>
    public static string Combine(params string[] relative) =>
        System.IO.Path.Combine([Path, .. relative]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Tariffs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder holding Tariffs.sln above '{AppContext.BaseDirectory}'.");
    }
}
