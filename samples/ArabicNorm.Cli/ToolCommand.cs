using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Reflection;

namespace ArabicNorm.Cli;

/// <summary>
/// The command tree, parsed by System.CommandLine: the root command normalizes; subcommands are added with
/// <see cref="Command.Add(Command)"/> on the tree <see cref="Create"/> returns, and see only the parse result.
/// </summary>
internal static class ToolCommand
{
    // Switches: --name / --no-name, or --name=true|false. Choices: --name VALUE. For every option of
    // ArabicNormalizerOptions, applied after the preset; the last spelling of an option wins.
    private static readonly (string Name, Action<ArabicNormalizerOptions, bool> Set)[] s_switches =
    [
        ("fold-compatibility-forms", (o, v) => o.FoldCompatibilityForms = v),
        ("compose-hamza", (o, v) => o.ComposeHamza = v),
        ("contextual-farsi-yeh", (o, v) => o.ContextualFarsiYeh = v),
        ("remove-tatweel", (o, v) => o.RemoveTatweel = v),
        ("remove-format-controls", (o, v) => o.RemoveFormatControls = v),
        ("normalize-spaces", (o, v) => o.NormalizeSpaces = v),
        ("collapse-spaces", (o, v) => o.CollapseSpaces = v),
        ("remove-diacritics", (o, v) => o.RemoveDiacritics = v),
        ("fold-alef", (o, v) => o.FoldAlef = v),
        ("fold-alef-maksura", (o, v) => o.FoldAlefMaksura = v),
        ("fold-teh-marbuta", (o, v) => o.FoldTehMarbuta = v),
        ("ascii-punctuation", (o, v) => o.AsciiPunctuation = v),
    ];

    // The values are the enum names, as in configuration (appsettings.json); like every option name, they are matched
    // ignoring case and hyphens, so --digits ArabicIndic, --digits arabicindic and --digits arabic-indic are one.
    private static readonly (string Name, string[] Values, Action<ArabicNormalizerOptions, string> Set)[] s_choices =
    [
        ("letters", Enum.GetNames<LetterTarget>(), (o, v) => o.Letters = Enum.Parse<LetterTarget>(v)),
        ("digits", Enum.GetNames<DigitTarget>(), (o, v) => o.Digits = Enum.Parse<DigitTarget>(v)),
        ("quotes", Enum.GetNames<QuoteTarget>(), (o, v) => o.Quotes = Enum.Parse<QuoteTarget>(v)),
        ("zwnj", Enum.GetNames<ZwnjHandling>(), (o, v) => o.Zwnj = Enum.Parse<ZwnjHandling>(v)),
    ];

    private static readonly string[] s_presets = ["Default", "Search", "Persian"];

    /// <summary>The FILE arguments; none means standard input.</summary>
    public static readonly Argument<string[]> Inputs = new("FILE")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Files to normalize, in order; '-' or none reads standard input.",
    };

    /// <summary>--preset.</summary>
    public static readonly Option<string> Preset = Choice("--preset", s_presets, "The starting options: Default (news-safe), Search (index and query folding) or Persian.", "Default");

    /// <summary>-o, --output.</summary>
    public static readonly Option<string?> Output = Last<string?>(
        new("--output", "-o") { Description = "Write FILE (through a temporary file, moved into place on success).", HelpName = "FILE" },
        (value, result) =>
        {
            if (value.Length == 0)
            {
                result.AddError("option --output needs a file name");
            }

            return value;
        });

    /// <summary>--stats.</summary>
    public static readonly Option<bool> Stats = new("--stats") { Description = "Print what changed, per rule, on standard error." };

    /// <summary>--report.</summary>
    public static readonly Option<string?> Report = Choice("--report", ["Text", "Json"], "Print the change report as Text (the --stats table, on standard error) or Json (on standard error; with --check, on standard output in place of the list).", null)!;

    /// <summary>--check.</summary>
    public static readonly Option<bool> Check = new("--check")
    {
        Description = "Write nothing; list each change as FILE:LINE:COLUMN: RULE: FROM -> TO on standard output, and exit 1 when an input is not normalized.",
    };

    /// <summary>-i, --in-place.</summary>
    public static readonly Option<bool> InPlace = new("--in-place", "-i")
    {
        Description = "Replace each FILE by its normalized text, atomically (files already normalized are not touched).",
    };

    /// <summary>-j, --jobs.</summary>
    public static readonly Option<int> Jobs = Last<int>(
        new("--jobs", "-j") { Description = "With --check or --in-place, process N files at a time (the result is the same as one at a time).", HelpName = "N", DefaultValueFactory = _ => 1 },
        (value, result) =>
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out int jobs) || jobs < 1)
            {
                result.AddError($"invalid value '{value}' for --jobs (expected a whole number of 1 or more)");
            }

            return jobs;
        });

    private static readonly Dictionary<string, (Option<bool> On, Option<bool> Off, Action<ArabicNormalizerOptions, bool> Set)> s_switchOptions =
        s_switches.ToDictionary(
            s => s.Name,
            s => (
                new Option<bool>("--" + s.Name)
                {
                    Description = $"Turn {s.Name} on (or --{s.Name}=false).",
                    Arity = ArgumentArity.ZeroOrMore,
                    AllowMultipleArgumentsPerToken = false,
                    CustomParser = r => r.Tokens.Count == 0 || bool.Parse(r.Tokens[^1].Value),
                },
                new Option<bool>("--no-" + s.Name) { Description = $"Turn {s.Name} off.", Arity = ArgumentArity.Zero },
                s.Set),
            StringComparer.Ordinal);

    private static readonly (Option<string> Option, Action<ArabicNormalizerOptions, string> Set)[] s_choiceOptions =
        [.. s_choices.Select(c => (Choice("--" + c.Name, c.Values, $"Set {c.Name}: {string.Join(", ", c.Values)}.", null), c.Set))];

    /// <summary>Builds the command tree; invoking the root command normalizes.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Normalizes Arabic text (UTF-8 in, UTF-8 out), streaming. Reads standard input when no FILE is given (or for '-'), " +
            "and writes standard output unless -o is given. Files are normalized one after the other, each as a text of its own.");
        root.Add(Inputs);
        root.Add(Preset);
        root.Add(Output);
        root.Add(Stats);
        root.Add(Report);
        root.Add(Check);
        root.Add(InPlace);
        root.Add(Jobs);
        foreach ((Option<bool> on, Option<bool> off, _) in s_switchOptions.Values)
        {
            root.Add(on);
            root.Add(off);
        }

        foreach ((Option<string> option, _) in s_choiceOptions)
        {
            root.Add(option);
        }

        foreach (Option option in root.Options)
        {
            if (option is VersionOption version)
            {
                // The version of the library the tool runs, which is the version of the tool (one VersionPrefix).
                version.Action = new VersionAction();
            }
            else if (option is HelpOption { Action: HelpAction help })
            {
                // The usage line names the command as users type it, not the assembly, and the exit codes close the help.
                option.Action = new ToolHelpAction(help);
            }
        }

        root.SetAction(result => Tool.Normalize(ToolSettings.From(result)));
        return root;
    }

    /// <summary>Parses the arguments: switch values are checked first, then System.CommandLine parses.</summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args, List<string> errors)
    {
        var configuration = new ParserConfiguration();
        TryReplaceToken? responseFiles = configuration.ResponseFileTokenReplacer;
        if (responseFiles is not null)
        {
            // Tokens read from a response file get the same switch check as the command line's own.
            configuration.ResponseFileTokenReplacer = (string token, out IReadOnlyList<string>? replacement, out string? error) =>
            {
                if (!responseFiles(token, out replacement, out error))
                {
                    return false;
                }

                replacement = replacement is null ? null : CheckSwitchValues(Canonical(root, replacement), errors);
                return true;
            };
        }

        ParseResult result = root.Parse(CheckSwitchValues(Canonical(root, args), errors), configuration);
        errors.AddRange(result.Errors.Select(e => e.Message));
        errors.AddRange(UnknownOptions(result));
        return result;
    }

    // Option names are matched ignoring case and hyphens (--FoldAlef, --foldalef and --fold-alef are one, as the
    // configuration key FoldAlef is): each such spelling becomes the name System.CommandLine knows.
    private static List<string> Canonical(RootCommand root, IReadOnlyList<string> args)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Option option in root.Options)
        {
            foreach (string alias in option.Aliases.Prepend(option.Name).Where(a => a.StartsWith("--", StringComparison.Ordinal)))
            {
                names[Fold(alias)] = alias;
            }
        }

        var canonical = new List<string>(args.Count);
        bool onlyFiles = false;
        foreach (string arg in args)
        {
            onlyFiles |= arg == "--";
            if (onlyFiles || !arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                canonical.Add(arg);
                continue;
            }

            int split = arg.IndexOfAny(['=', ':']);
            string name = split < 0 ? arg : arg[..split];
            canonical.Add(names.TryGetValue(Fold(name), out string? known) ? known + (split < 0 ? string.Empty : arg[split..]) : arg);
        }

        return canonical;
    }

    private static string Fold(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Gets the names of the normalizer's on/off switches, without the leading dashes.</summary>
    public static IEnumerable<string> SwitchNames => s_switches.Select(s => s.Name);

    // System.CommandLine consumes only "true" or "false" after a bool option; any other attached value would silently
    // become a FILE. So --name=VALUE is checked here: yes/on and no/off are spelled as true/false, the rest is an error.
    private static List<string> CheckSwitchValues(IReadOnlyList<string> args, List<string> errors)
    {
        var checkedArgs = new List<string>(args.Count);
        bool onlyFiles = false;
        foreach (string arg in args)
        {
            onlyFiles |= arg == "--";
            int split = arg.IndexOfAny(['=', ':']);
            if (onlyFiles || !arg.StartsWith("--", StringComparison.Ordinal) || split < 0 || !IsSwitch(arg[..split]))
            {
                checkedArgs.Add(arg);
                continue;
            }

            string name = arg[..split];
            string value = arg[(split + 1)..];
            bool? on = value.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => null,
            };
            if (on is null || name.StartsWith("--no-", StringComparison.Ordinal) && s_switchOptions.ContainsKey(name[5..]))
            {
                errors.Add($"invalid value '{value}' for {name} (expected true or false)");
                continue;
            }

            checkedArgs.Add($"{name}={(on.Value ? "true" : "false")}");
        }

        return checkedArgs;
    }

    private static bool IsSwitch(string name) =>
        name is "--stats" or "--check" or "--in-place" ||
        s_switchOptions.ContainsKey(name[2..]) ||
        name.StartsWith("--no-", StringComparison.Ordinal) && s_switchOptions.ContainsKey(name[5..]);

    // A FILE that starts with '-' (other than "-") before "--" is an option nobody defines.
    private static IEnumerable<string> UnknownOptions(ParseResult result)
    {
        ArgumentResult? files = result.GetResult(Inputs);
        if (files is null)
        {
            yield break;
        }

        int doubleDash = -1;
        for (int i = 0; i < result.Tokens.Count; i++)
        {
            if (result.Tokens[i].Type == TokenType.DoubleDash)
            {
                doubleDash = i;
                break;
            }
        }

        foreach (Token token in files.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-' && (doubleDash < 0 || IndexOf(result.Tokens, token) < doubleDash))
            {
                yield return $"unknown option '{token.Value}'{Suggestion(result.RootCommandResult.Command, token.Value)}";
            }
        }
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string Suggestion(Command command, string unknown)
    {
        string name = unknown.Split('=', ':')[0];
        string? best = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
            .Select(alias => (alias, distance: Distance(alias, name)))
            .Where(a => a.distance <= Math.Max(2, name.Length / 4))
            .OrderBy(a => a.distance)
            .Select(a => a.alias)
            .FirstOrDefault();
        return best is null ? string.Empty : $" (did you mean '{best}'?)";
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int previous = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }

    /// <summary>Builds the normalizer options of a parse: the preset, then each option given.</summary>
    public static ArabicNormalizerOptions BuildOptions(ParseResult result)
    {
        ArabicNormalizerOptions options = result.GetValue(Preset) switch
        {
            "Search" => ArabicNormalizer.Search.GetOptions(),
            "Persian" => ArabicNormalizer.Persian.GetOptions(),
            _ => ArabicNormalizer.Default.GetOptions(),
        };
        foreach ((Option<bool> on, Option<bool> off, Action<ArabicNormalizerOptions, bool> set) in s_switchOptions.Values)
        {
            // --name, --name=VALUE and --no-name set one option: the last one on the command line wins.
            (int index, bool value) = (-1, false);
            for (int i = 0; i < result.Tokens.Count; i++)
            {
                Token token = result.Tokens[i];
                if (token.Type != TokenType.Option)
                {
                    continue;
                }

                if (token.Value == off.Name)
                {
                    (index, value) = (i, false);
                }
                else if (token.Value == on.Name)
                {
                    bool attached = i + 1 < result.Tokens.Count && result.GetResult(on)!.Tokens.Any(t => ReferenceEquals(t, result.Tokens[i + 1]));
                    (index, value) = (i, !attached || bool.Parse(result.Tokens[i + 1].Value));
                }
            }

            if (index >= 0)
            {
                set(options, value);
            }
        }

        foreach ((Option<string> option, Action<ArabicNormalizerOptions, string> set) in s_choiceOptions)
        {
            if (result.GetResult(option) is { Implicit: false })
            {
                set(options, result.GetValue(option)!);
            }
        }

        return options;
    }

    // The value comes back spelled as in values (the enum names), whatever case and hyphens it was typed with.
    private static Option<string> Choice(string name, string[] values, string description, string? defaultValue)
    {
        var option = Last<string>(
            new(name) { Description = description, HelpName = string.Join('|', values) },
            (value, result) =>
            {
                string? known = values.FirstOrDefault(v => Fold(v) == Fold(value));
                if (known is null)
                {
                    result.AddError($"invalid value '{value}' for {name} (expected {string.Join(", ", values)}; case and hyphens do not matter)");
                    return value;
                }

                return known;
            });
        option.CompletionSources.Add(values);
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    // One value per occurrence, and the last occurrence wins, as in most Unix tools (aliases can then be overridden).
    private static Option<T> Last<T>(Option<T> option, Func<string, ArgumentResult, T> parse)
    {
        option.Arity = ArgumentArity.OneOrMore;
        option.AllowMultipleArgumentsPerToken = false;
        option.CustomParser = result => parse(result.Tokens[^1].Value, result);
        return option;
    }

    /// <summary>Prints the generated help with the command named as users type it, then the exit codes.</summary>
    private sealed class ToolHelpAction(HelpAction generated) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            InvocationConfiguration configuration = parseResult.InvocationConfiguration;
            TextWriter output = configuration.Output;
            var help = new StringWriter(CultureInfo.InvariantCulture);
            configuration.Output = help;
            try
            {
                generated.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }

            string text = help.ToString();
            string assemblyName = parseResult.RootCommandResult.Command.Name;
            text = text.Replace($"  {assemblyName} ", "  arabicnorm ", StringComparison.Ordinal);
            output.Write(text);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                output.WriteLine("Exit codes:");
                output.WriteLine("  0 success, 64 bad usage, 65 invalid UTF-8 input, 66 missing or unreadable input,");
                output.WriteLine("  73 cannot create the output, 74 read or write error.");
            }

            return Tool.Ok;
        }
    }

    /// <summary>Prints "arabicnorm VERSION" on standard output.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            string? version = typeof(ArabicNormalizer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            // The vector strategy in use is part of what a bug report needs (ARABICNORM_VECTOR forces one).
            parseResult.InvocationConfiguration.Output.WriteLine($"arabicnorm {version} (vector path: {ArabicNormalizer.ActiveImplementation})");
            return Tool.Ok;
        }
    }
}

/// <summary>What one run was asked to do.</summary>
internal sealed record ToolSettings(
    ArabicNormalizerOptions Options,
    bool Stats,
    string? Report,
    string? Output,
    List<string> Inputs,
    bool Check,
    bool InPlace,
    int Jobs)
{
    /// <summary>Gets whether a change report is printed (--stats or --report).</summary>
    public bool WantsReport => Stats || Report is not null;

    /// <summary>Reads the settings from a parse of the root command; <c>-o -</c> is standard output.</summary>
    public static ToolSettings From(ParseResult result) => new(
        ToolCommand.BuildOptions(result),
        result.GetValue(ToolCommand.Stats),
        result.GetValue(ToolCommand.Report)?.ToLowerInvariant(),
        result.GetValue(ToolCommand.Output) is "-" ? null : result.GetValue(ToolCommand.Output),
        [.. result.GetValue(ToolCommand.Inputs) ?? []],
        result.GetValue(ToolCommand.Check),
        result.GetValue(ToolCommand.InPlace),
        result.GetValue(ToolCommand.Jobs));

    /// <summary>Returns what is wrong with the combination of options, or <see langword="null"/>.</summary>
    public string? Usage()
    {
        if (Inputs.Count(i => i == "-") > 1)
        {
            return "standard input ('-') can be named only once";
        }

        if (Check && (InPlace || Output is not null))
        {
            return "--check writes nothing: it cannot be combined with --in-place or --output";
        }

        if (InPlace && Output is not null)
        {
            return "--in-place cannot be combined with --output";
        }

        if (InPlace && (Inputs.Count == 0 || Inputs.Contains("-")))
        {
            return "--in-place needs files to replace (not standard input)";
        }

        return null;
    }
}

/// <summary>Formats numbers the same way in every culture.</summary>
internal static class Invariant
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
