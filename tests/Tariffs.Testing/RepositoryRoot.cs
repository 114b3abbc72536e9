namespace Tariffs.Testing;

/// <summary>Locates the repository checkout: the nearest folder at or above the test binaries that holds <c>Tariffs.sln</c>.</summary>
public static class RepositoryRoot
{
    private const string SolutionFileName = "Tariffs.sln";

    /// <summary>Returns the full path of the repository root, or throws <see cref="InvalidOperationException"/> when no parent folder holds <c>Tariffs.sln</c>.</summary>
    public static string Find() => Find(AppContext.BaseDirectory);

    /// <summary>Returns the full path of the nearest folder at or above <paramref name="startDirectory"/> that holds <c>Tariffs.sln</c>.</summary>
    /// <param name="startDirectory">Folder to start the upward walk from.</param>
    public static string Find(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder at or above '{startDirectory}' contains {SolutionFileName}; run the tests from inside the repository.");
    }
}
