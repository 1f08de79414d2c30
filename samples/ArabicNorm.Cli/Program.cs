// arabicnorm: normalizes UTF-8 text from files or standard input with ArabicNorm, streaming, to standard output, a
// file, or the files themselves; or checks that they are normalized. See README.md for the usage, the exit codes and
// the memory bound.
using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using System.Text.Json;
using ArabicNorm;
using ArabicNorm.Cli;

return Tool.Run(args);

namespace ArabicNorm.Cli
{
    /// <summary>The command: parse, open the inputs, normalize or check, report.</summary>
    internal static class Tool
    {
        // Exit codes follow BSD sysexits.h, so scripts can tell the failures apart; 1 is --check's "not normalized".
        public const int Ok = 0;
        public const int NotNormalized = 1;
        public const int Usage = 64;    // EX_USAGE: bad options
        public const int DataError = 65; // EX_DATAERR: the input is not valid UTF-8
        public const int NoInput = 66;  // EX_NOINPUT: an input file is missing, unreadable, or standard input is closed
        public const int Software = 70; // EX_SOFTWARE: an unexpected failure
        public const int CantCreate = 73; // EX_CANTCREAT: the output file cannot be created
        public const int IoError = 74;  // EX_IOERR: reading or writing failed
        public const int BrokenPipe = 141; // 128 + SIGPIPE: the reader of standard output went away, as for cat

        private const int EPipe = 32;

        // Inputs at least this large get a progress bar, when standard error is a terminal.
        private const long ProgressThreshold = 4L * 1024 * 1024;

        private static ProgressBar? s_progress;

        public static int Run(string[] args)
        {
            RootCommand root = ToolCommand.Create();
            ExportCommand.AddTo(root);
            var errors = new List<string>();
            ParseResult result = ToolCommand.Parse(root, args, errors);
            // Help and the [suggest] directive of shell completion answer whatever else the line holds.
            bool suggest = root.Directives.OfType<System.CommandLine.Completions.SuggestDirective>().Any(d => result.GetResult(d) is not null);
            if (errors.Count > 0 && !suggest && result.Action is not HelpAction)
            {
                foreach (string error in errors.Distinct())
                {
                    Diagnostics.Error(error);
                }

                Diagnostics.WriteLine("Try 'arabicnorm --help' for more information.");
                return Usage;
            }

            using var signals = new SignalCleanup();
            try
            {
                return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (OperationCanceledException)
            {
                return Software; // a signal came while a file was about to be put in place: it was not
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Diagnostics.Error($"internal error: {e}");
                return Software;
            }
        }

        /// <summary>Runs the root command.</summary>
        public static int Normalize(ToolSettings settings)
        {
            if (settings.Usage() is { } usage)
            {
                Diagnostics.Error(usage);
                Diagnostics.WriteLine("Try 'arabicnorm --help' for more information.");
                return Usage;
            }

            List<InputFile> inputs;
            try
            {
                inputs = InputFile.OpenAll(settings.Inputs.Count == 0 ? ["-"] : settings.Inputs);
            }
            catch (InputException e)
            {
                Diagnostics.Error($"{e.Name}: {e.Message}");
                return NoInput;
            }

            try
            {
                var normalizer = new ArabicNormalizer(settings.Options);
                return settings.Check ? CheckAll(normalizer, settings, inputs)
                    : settings.InPlace ? InPlaceAll(normalizer, settings, inputs)
                    : NormalizeToOutput(normalizer, settings, inputs);
            }
            finally
            {
                foreach (InputFile input in inputs)
                {
                    input.Dispose();
                }
            }
        }

        // Every input into one output, as one text.
        private static int NormalizeToOutput(ArabicNormalizer normalizer, ToolSettings settings, List<InputFile> inputs)
        {
            OutputTarget output;
            try
            {
                output = settings.Output is null ? OutputTarget.StandardOutput() : OutputTarget.Open(settings.Output);
            }
            catch (OutputException e)
            {
                Diagnostics.Error($"{e.Name}: {e.Message}");
                return settings.Output is null ? IoError : CantCreate;
            }

            long total = inputs.Sum(i => i.Length);
            var concatenated = new ConcatenatedStream(inputs);
            using ProgressBar? progress = total >= ProgressThreshold && !Diagnostics.Closed && !Console.IsErrorRedirected ? new ProgressBar(total, Console.Error) : null;
            s_progress = progress;
            Stream source = progress is null ? concatenated : new CountingStream(concatenated, progress.Add);
            NormalizationReport report = default;
            int code = Run(
                () =>
                {
                    if (settings.WantsReport)
                    {
                        normalizer.NormalizeUtf8(source, output.Stream, out report);
                    }
                    else
                    {
                        normalizer.NormalizeUtf8(source, output.Stream);
                    }

                    output.Commit();
                },
                concatenated,
                progress);
            s_progress = null;
            if (code != Ok)
            {
                output.Abort();
                if (code != BrokenPipe)
                {
                    Diagnostics.Error(output.IsReplacement
                        ? $"nothing was written to {output.Name}"
                        : "the output is incomplete: it stops where the error was found");
                }

                return code;
            }

            return WriteReport(settings, normalizer, report, inputs);
        }

        // Each file replaced by its normalized text, atomically; files already normalized are left untouched.
        private static int InPlaceAll(ArabicNormalizer normalizer, ToolSettings settings, List<InputFile> inputs)
        {
            var reports = new NormalizationReport[inputs.Count];
            var codes = new int[inputs.Count];
            var messages = new List<string>?[inputs.Count];
            ForEach(settings, inputs.Count, i =>
            {
                InputFile input = inputs[i];
                OutputTarget output;
                try
                {
                    output = OutputTarget.Open(input.Argument);
                }
                catch (OutputException e)
                {
                    (codes[i], messages[i]) = (CantCreate, [$"{e.Name}: {e.Message}"]);
                    return;
                }

                var capture = new List<string>();
                codes[i] = Run(
                    () =>
                    {
                        normalizer.NormalizeUtf8(input.Stream, output.Stream, out reports[i]);
                        if (reports[i].ChangedCharacters == 0)
                        {
                            output.Abort(); // nothing to change: keep the file, its time stamps and its inode
                        }
                        else
                        {
                            output.Commit();
                        }
                    },
                    null,
                    null,
                    capture,
                    input.Name);
                if (codes[i] != Ok)
                {
                    output.Abort();
                    capture.Add($"{input.Name}: left unchanged");
                }

                messages[i] = capture;
            });

            for (int i = 0; i < inputs.Count; i++)
            {
                foreach (string message in messages[i] ?? [])
                {
                    Diagnostics.Error(message);
                }
            }

            int failed = Array.Find(codes, c => c != Ok);
            return failed != Ok ? failed : WriteReport(settings, normalizer, reports.Aggregate(default(NormalizationReport), (a, b) => a + b), inputs);
        }

        // Like gofmt -l and prettier --check: exit 1 when an input is not normalized, with each change listed.
        private static int CheckAll(ArabicNormalizer normalizer, ToolSettings settings, List<InputFile> inputs)
        {
            var results = new CheckResult?[inputs.Count];
            var codes = new int[inputs.Count];
            var messages = new List<string>[inputs.Count];
            ForEach(settings, inputs.Count, i =>
            {
                messages[i] = [];
                codes[i] = Run(() => results[i] = Checker.Check(normalizer, inputs[i]), null, null, messages[i], inputs[i].Name);
            });

            OutputTarget stdout;
            try
            {
                stdout = OutputTarget.StandardOutput();
            }
            catch (OutputException e)
            {
                Diagnostics.Error($"{e.Name}: {e.Message}");
                return IoError;
            }

            int code = Run(
                () =>
                {
                    using var writer = new StreamWriter(stdout.Stream, new System.Text.UTF8Encoding(false), 1 << 16);
                    if (settings.Report == "json")
                    {
                        WriteCheckJson(writer, normalizer, results);
                    }
                    else
                    {
                        foreach (CheckResult? result in results)
                        {
                            foreach (Change change in result?.Changes ?? [])
                            {
                                writer.WriteLine($"{result!.Input.Name}:{change.Line}:{change.Column}: {change.Category}: {change.From} -> {change.To}");
                            }
                        }
                    }
                },
                null,
                null);
            for (int i = 0; i < inputs.Count; i++)
            {
                foreach (string message in messages[i])
                {
                    Diagnostics.Error(message);
                }
            }

            int failed = Array.Find(codes, c => c != Ok);
            if (failed != Ok || code != Ok)
            {
                return failed != Ok ? failed : code;
            }

            int notNormalized = results.Count(r => r is { Normalized: false });
            if (notNormalized > 0 && settings.Report != "json")
            {
                Diagnostics.Error($"{notNormalized} of {inputs.Count} input(s) not normalized");
            }

            return notNormalized > 0 ? NotNormalized : Ok;
        }

        // -j N: files in parallel, results kept by index so every message and line comes out in input order.
        private static void ForEach(ToolSettings settings, int count, Action<int> body)
        {
            if (settings.Jobs <= 1 || count <= 1)
            {
                for (int i = 0; i < count; i++)
                {
                    body(i);
                }

                return;
            }

            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = settings.Jobs }, body);
        }

        // Runs one piece of work and turns its failures into an exit code and a message naming the input or output.
        private static int Run(Action work, ConcatenatedStream? concatenated, ProgressBar? progress, List<string>? messages = null, string? inputName = null)
        {
            void Report(string message)
            {
                progress?.Clear();
                if (messages is null)
                {
                    Diagnostics.Error(message);
                }
                else
                {
                    messages.Add(message);
                }
            }

            try
            {
                work();
                return Ok;
            }
            catch (InvalidUtf8Exception e)
            {
                (string name, string message) = concatenated?.Locate(e) ?? (inputName ?? "<input>", e.Message);
                Report($"{name}: {message}");
                return DataError;
            }
            catch (System.Text.DecoderFallbackException e)
            {
                Report($"{inputName ?? "<input>"}: the input is not valid UTF-8: {e.Message}");
                return DataError;
            }
            catch (OutputException e) when (e.InnerException is IOException { HResult: EPipe })
            {
                progress?.Clear();
                return BrokenPipe;
            }
            catch (OutputException e)
            {
                Report($"{e.Name}: {e.Message}");
                return IoError;
            }
            catch (InputException e)
            {
                Report($"{e.Name}: {e.Message}");
                return IoError;
            }
        }

        private static int WriteReport(ToolSettings settings, ArabicNormalizer normalizer, NormalizationReport report, List<InputFile> inputs)
        {
            if (!settings.WantsReport)
            {
                return Ok;
            }

            if (Diagnostics.Closed)
            {
                // The report asked for has nowhere to go; the exit code says so (the output itself is complete).
                return IoError;
            }

            try
            {
                if (settings.Report == "json")
                {
                    using var stream = Console.OpenStandardError();
                    using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                    json.WriteStartObject();
                    json.WriteString("options", normalizer.GetOptions().ToString());
                    json.WriteStartArray("inputs");
                    foreach (InputFile input in inputs)
                    {
                        json.WriteStringValue(input.Name);
                    }

                    json.WriteEndArray();
                    WriteReportJson(json, report);
                    json.WriteEndObject();
                    json.Flush();
                    stream.Write("\n"u8);
                    return Ok;
                }

                TextWriter error = Console.Error;
                error.WriteLine($"arabicnorm: {normalizer}");
                error.WriteLine($"{"category",-20} {"changed",12}");
                error.WriteLine(new string('-', 33));
                foreach ((NormalizationCategory category, long count) in report)
                {
                    error.WriteLine($"{category,-20} {Invariant.N(count),12}");
                }

                error.WriteLine(new string('-', 33));
                error.WriteLine($"{"changed",-20} {Invariant.N(report.ChangedCharacters),12}");
                error.WriteLine($"{"characters",-20} {Invariant.N(report.Characters),12}");
                error.Flush();
                return Ok;
            }
            catch (IOException)
            {
                // Standard error is closed or full: the report asked for is lost, which the exit code says.
                return IoError;
            }
        }

        private static void WriteReportJson(Utf8JsonWriter json, NormalizationReport report)
        {
            json.WriteNumber("characters", report.Characters);
            json.WriteNumber("changed", report.ChangedCharacters);
            json.WriteStartObject("categories");
            foreach ((NormalizationCategory category, long count) in report)
            {
                json.WriteNumber(category.ToString(), count);
            }

            json.WriteEndObject();
        }

        private static void WriteCheckJson(StreamWriter writer, ArabicNormalizer normalizer, CheckResult?[] results)
        {
            writer.Flush();
            using var json = new Utf8JsonWriter(writer.BaseStream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("options", normalizer.GetOptions().ToString());
            json.WriteNumber("notNormalized", results.Count(r => r is { Normalized: false }));
            json.WriteStartArray("files");
            foreach (CheckResult? result in results)
            {
                if (result is null)
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("name", result.Input.Name);
                json.WriteBoolean("normalized", result.Normalized);
                WriteReportJson(json, result.Report);
                json.WriteStartArray("changes");
                foreach (Change change in result.Changes)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", change.Line);
                    json.WriteNumber("column", change.Column);
                    json.WriteString("category", change.Category);
                    json.WriteString("from", change.From);
                    json.WriteString("to", change.To);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            writer.BaseStream.Write("\n"u8);
        }

        /// <summary>On SIGINT, SIGTERM, SIGHUP and SIGQUIT: clears the progress bar and deletes every temporary file,
        /// then lets the signal end the process as it would have.</summary>
        private sealed class SignalCleanup : IDisposable
        {
            private readonly List<PosixSignalRegistration> _registrations = [];

            public SignalCleanup()
            {
                if (OperatingSystem.IsWindows())
                {
                    return;
                }

                foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
                {
                    _registrations.Add(PosixSignalRegistration.Create(signal, _ =>
                    {
                        s_progress?.Clear();
                        TemporaryFiles.AbortAll();
                    }));
                }
            }

            public void Dispose()
            {
                foreach (PosixSignalRegistration registration in _registrations)
                {
                    registration.Dispose();
                }
            }
        }
    }

    /// <summary>Writes messages on standard error, and never fails when it is closed.</summary>
    internal static class Diagnostics
    {
        private static readonly object s_lock = new();

        /// <summary>Gets whether standard error was closed when the process started; then nothing is written to it.</summary>
        public static bool Closed { get; } = Unix.WasClosed(2);

        public static void Error(string message) => WriteLine($"arabicnorm: {message}");

        public static void WriteLine(string line)
        {
            if (Closed)
            {
                return;
            }

            lock (s_lock)
            {
                try
                {
                    Console.Error.WriteLine(line);
                    Console.Error.Flush();
                }
                catch (IOException)
                {
                    // Standard error is closed: there is nowhere left to say it.
                }
            }
        }
    }
}
