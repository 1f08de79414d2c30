// QuickStart: normalizes the seed article (or the file given as the first argument) with the Default preset,
// prints the result and a one-line summary of what changed.
using ArabicNorm;

string path = args.Length > 0 ? args[0] : FindSeedArticle();
if (!File.Exists(path))
{
    Console.Error.WriteLine($"quickstart: file not found: {path}");
    return 2;
}

string text = File.ReadAllText(path);
string normalized = ArabicNormalizer.Default.Normalize(text);

Console.OutputEncoding = System.Text.Encoding.UTF8;
Console.WriteLine(normalized);

int changed = 0;
if (normalized.Length == text.Length)
{
    for (int i = 0; i < text.Length; i++)
    {
        if (text[i] != normalized[i])
        {
            changed++;
        }
    }

    Console.WriteLine($"{Path.GetFileName(path)}: {changed} of {text.Length} characters changed (Default preset); length kept; normalized: {ArabicNormalizer.Default.IsNormalized(normalized)}");
}
else
{
    Console.WriteLine($"{Path.GetFileName(path)}: {text.Length} characters in, {normalized.Length} out (Default preset); normalized: {ArabicNormalizer.Default.IsNormalized(normalized)}");
}

return 0;

// The seed article ships with the repository under seeds/; look for it from the working directory upwards.
static string FindSeedArticle()
{
    const string relative = "seeds/iraq-us-dialogue.ar.txt";
    for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, relative);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    return Path.Combine(AppContext.BaseDirectory, relative);
}
