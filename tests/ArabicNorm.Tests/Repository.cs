namespace ArabicNorm.Tests;

/// <summary>Finds files of the repository the tests run from (the generated sources, the README's tables).</summary>
internal static class Repository
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>Gets the folder that holds <c>ArabicNorm.sln</c>, above the test assembly.</summary>
    public static string Root => s_root.Value;

    /// <summary>Gets the full path of <paramref name="relativePath"/> (with forward slashes) in the repository.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArabicNorm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ArabicNorm.sln above {AppContext.BaseDirectory}.");
    }
}
