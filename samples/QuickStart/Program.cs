// QuickStart: normalizes the seed article (or the file given as the first argument) with the Default preset,
// prints the result and a one-line summary of what changed. The block between the two marker comments is the
// README's Quick start, verbatim (a test keeps them identical).
using System.Buffers;
using System.Text;
using ArabicNorm;

string path = args.Length > 0 ? args[0] : FindSeedArticle();
if (!File.Exists(path))
{
    Console.Error.WriteLine($"quickstart: file not found: {path}");
    return 2;
}

// README Quick start begins.
string text = File.ReadAllText(path);

// The presets are ready-made, immutable, thread-safe instances.
string clean = ArabicNormalizer.Default.Normalize(text);

// Your own combination: start from the Default values and change what you need.
var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { ContextualFarsiYeh = true, CollapseSpaces = true });

// The span API allocates nothing; GetNormalizedLength sizes the destination exactly.
char[] destination = new char[normalizer.GetNormalizedLength(text)];
OperationStatus status = normalizer.Normalize(text, destination, out int consumed, out int written);
// README Quick start ends.

Console.OutputEncoding = Encoding.UTF8;
Console.WriteLine(clean);

string name = Path.GetFileName(path);
bool isNormalized = ArabicNormalizer.Default.IsNormalized(clean);
if (clean.Length == text.Length)
{
    int changed = 0;
    for (int i = 0; i < text.Length; i++)
    {
        if (text[i] != clean[i])
        {
            changed++;
        }
    }

    Console.Error.WriteLine($"custom options: {status}, {consumed} characters in, {written} out");
    Console.WriteLine($"{name}: {changed} of {text.Length} characters changed (Default preset); length kept; normalized: {isNormalized}");
}
else
{
    Console.Error.WriteLine($"custom options: {status}, {consumed} characters in, {written} out");
    Console.WriteLine($"{name}: {text.Length} characters in, {clean.Length} out (Default preset); normalized: {isNormalized}");
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
