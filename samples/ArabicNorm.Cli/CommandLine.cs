using System.Globalization;

namespace ArabicNorm.Cli;

/// <summary>The parsed command line.</summary>
internal sealed class CommandLine
{
    // Every option of ArabicNormalizerOptions, by its command-line name: --name / --no-name for the switches,
    // --name=value for the choices. Applied in the order given, after the preset.
    private static readonly Dictionary<string, Action<ArabicNormalizerOptions, bool>> s_switches = new(StringComparer.Ordinal)
    {
        ["fold-compatibility-forms"] = (o, v) => o.FoldCompatibilityForms = v,
        ["compose-hamza"] = (o, v) => o.ComposeHamza = v,
        ["contextual-farsi-yeh"] = (o, v) => o.ContextualFarsiYeh = v,
        ["remove-tatweel"] = (o, v) => o.RemoveTatweel = v,
        ["remove-format-controls"] = (o, v) => o.RemoveFormatControls = v,
        ["normalize-spaces"] = (o, v) => o.NormalizeSpaces = v,
        ["collapse-spaces"] = (o, v) => o.CollapseSpaces = v,
        ["remove-diacritics"] = (o, v) => o.RemoveDiacritics = v,
        ["fold-alef"] = (o, v) => o.FoldAlef = v,
        ["fold-alef-maksura"] = (o, v) => o.FoldAlefMaksura = v,
        ["fold-teh-marbuta"] = (o, v) => o.FoldTehMarbuta = v,
        ["ascii-punctuation"] = (o, v) => o.AsciiPunctuation = v,
    };

    private static readonly Dictionary<string, (string[] Values, Action<ArabicNormalizerOptions, string> Set)> s_choices = new(StringComparer.Ordinal)
    {
        ["letters"] = (["keep", "arabic", "persian"], (o, v) => o.Letters = Parse<LetterTarget>(v)),
        ["digits"] = (["keep", "ascii", "arabic-indic", "persian"], (o, v) => o.Digits = Parse<DigitTarget>(v)),
        ["quotes"] = (["keep", "ascii"], (o, v) => o.Quotes = Parse<QuoteTarget>(v)),
        ["zwnj"] = (["keep", "remove", "space"], (o, v) => o.Zwnj = Parse<ZwnjHandling>(v)),
    };

    private CommandLine()
    {
    }

    public string Preset { get; private set; } = "default";

    public List<Action<ArabicNormalizerOptions>> Overrides { get; } = [];

    public bool Stats { get; private set; }

    public bool Help { get; private set; }

    public bool Version { get; private set; }

    public string? Output { get; private set; }

    public List<string> Inputs { get; } = [];

    public static IEnumerable<string> SwitchNames => s_switches.Keys;

    public static IEnumerable<(string Name, string[] Values)> ChoiceNames => s_choices.Select(p => (p.Key, p.Value.Values));

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="UsageException">An argument is not understood.</exception>
    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine();
        bool onlyFiles = false;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (onlyFiles || arg == "-" || !arg.StartsWith('-'))
            {
                line.Inputs.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyFiles = true;
                continue;
            }

            string name = arg;
            string? value = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }

            switch (name)
            {
                case "-h" or "--help":
                    line.Help = true;
                    continue;
                case "--version":
                    line.Version = true;
                    continue;
                case "--stats":
                    line.Stats = true;
                    continue;
                case "-o" or "--output":
                    line.Output = value ?? NextValue(args, ref i, name);
                    if (line.Output.Length == 0)
                    {
                        throw new UsageException($"option {name} needs a file name");
                    }

                    continue;
                case "--preset":
                    string preset = value ?? NextValue(args, ref i, name);
                    if (preset is not ("default" or "search" or "persian"))
                    {
                        throw new UsageException($"unknown preset '{preset}' (expected default, search or persian)");
                    }

                    line.Preset = preset;
                    continue;
            }

            string key = name.StartsWith("--", StringComparison.Ordinal) ? name[2..] : name;
            if (s_switches.TryGetValue(key, out var setSwitch))
            {
                bool on = value is null || ParseBool(value, name);
                line.Overrides.Add(o => setSwitch(o, on));
            }
            else if (key.StartsWith("no-", StringComparison.Ordinal) && s_switches.TryGetValue(key[3..], out var clearSwitch) && value is null)
            {
                line.Overrides.Add(o => clearSwitch(o, false));
            }
            else if (s_choices.TryGetValue(key, out var choice))
            {
                string v = value ?? NextValue(args, ref i, name);
                if (!choice.Values.Contains(v, StringComparer.Ordinal))
                {
                    throw new UsageException($"invalid value '{v}' for {name} (expected {string.Join(", ", choice.Values)})");
                }

                line.Overrides.Add(o => choice.Set(o, v));
            }
            else
            {
                throw new UsageException($"unknown option '{arg}'");
            }
        }

        return line;
    }

    /// <summary>Builds the normalizer options: the preset, then the overrides in order.</summary>
    public ArabicNormalizerOptions BuildOptions()
    {
        ArabicNormalizerOptions options = Preset switch
        {
            "search" => ArabicNormalizer.Search.GetOptions(),
            "persian" => ArabicNormalizer.Persian.GetOptions(),
            _ => ArabicNormalizer.Default.GetOptions(),
        };
        foreach (var apply in Overrides)
        {
            apply(options);
        }

        return options;
    }

    private static string NextValue(string[] args, ref int i, string name)
    {
        if (i + 1 >= args.Length)
        {
            throw new UsageException($"option {name} needs a value");
        }

        return args[++i];
    }

    private static bool ParseBool(string value, string name) => value switch
    {
        "true" or "on" or "yes" => true,
        "false" or "off" or "no" => false,
        _ => throw new UsageException($"invalid value '{value}' for {name} (expected true or false)"),
    };

    private static T Parse<T>(string value)
        where T : struct, Enum => Enum.Parse<T>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}

/// <summary>A command-line error: the message is shown with a pointer to --help.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Formats numbers the same way in every culture.</summary>
internal static class Invariant
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
