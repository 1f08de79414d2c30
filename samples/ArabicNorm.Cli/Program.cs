// arabicnorm: normalizes UTF-8 text from files or standard input with ArabicNorm, streaming, to standard output or
// a file. See README.md for the usage, the exit codes and the memory bound.
using System.CommandLine;
using System.CommandLine.Help;
using ArabicNorm;
using ArabicNorm.Cli;

return Tool.Run(args);

namespace ArabicNorm.Cli
{
    /// <summary>The command: parse, check the inputs, normalize, report.</summary>
    internal static class Tool
    {
        // Exit codes follow BSD sysexits.h, so scripts can tell the failures apart.
        public const int Ok = 0;
        public const int Software = 70; // EX_SOFTWARE: an unexpected failure
        public const int Usage = 64;    // EX_USAGE: bad options
        public const int DataError = 65; // EX_DATAERR: the input is not valid UTF-8
        public const int NoInput = 66;  // EX_NOINPUT: an input file is missing or unreadable
        public const int CantCreate = 73; // EX_CANTCREAT: the output file cannot be created
        public const int IoError = 74;  // EX_IOERR: reading or writing failed

        // Inputs at least this large get a progress bar, when standard error is a terminal.
        private const long ProgressThreshold = 4L * 1024 * 1024;

        public static int Run(string[] args)
        {
            RootCommand root = ToolCommand.Create();
            var errors = new List<string>();
            ParseResult result = ToolCommand.Parse(root, args, errors);
            if (errors.Count > 0 && result.Action is not HelpAction)
            {
                foreach (string error in errors.Distinct())
                {
                    Console.Error.WriteLine($"arabicnorm: {error}");
                }

                Console.Error.WriteLine("Try 'arabicnorm --help' for more information.");
                return Usage;
            }

            return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }

        /// <summary>Runs the root command: checks the inputs, then normalizes them.</summary>
        public static int Normalize(ToolSettings line)
        {
            List<string> inputs = line.Inputs.Count == 0 ? ["-"] : line.Inputs;
            if (inputs.Count(i => i == "-") > 1)
            {
                Console.Error.WriteLine("arabicnorm: standard input ('-') can be named only once");
                return Usage;
            }

            // Every input is checked before anything is written.
            long totalBytes = 0;
            foreach (string input in inputs)
            {
                if (input == "-")
                {
                    continue;
                }

                if (Directory.Exists(input))
                {
                    Console.Error.WriteLine($"arabicnorm: {input}: is a directory");
                    return NoInput;
                }

                if (!File.Exists(input))
                {
                    Console.Error.WriteLine($"arabicnorm: {input}: no such file");
                    return NoInput;
                }

                totalBytes += new FileInfo(input).Length;
            }

            var normalizer = new ArabicNormalizer(line.Options);
            return Normalize(normalizer, line, inputs, totalBytes);
        }

        private static int Normalize(ArabicNormalizer normalizer, ToolSettings line, List<string> inputs, long totalBytes)
        {
            string? temporary = null;
            Stream output;
            if (line.Output is null)
            {
                output = Console.OpenStandardOutput();
            }
            else
            {
                // Written beside the target and moved into place only on success, so a failure never leaves half a file.
                string full = Path.GetFullPath(line.Output);
                temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
                try
                {
                    output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"arabicnorm: {line.Output}: cannot create: {e.Message}");
                    return CantCreate;
                }

                Console.CancelKeyPress += (_, _) => TryDelete(temporary);
            }

            using var progress = totalBytes >= ProgressThreshold && !Console.IsErrorRedirected
                ? new ProgressBar(totalBytes, Console.Error)
                : null;
            NormalizationReport total = default;
            string current = "-";
            int code = Ok;
            try
            {
                foreach (string input in inputs)
                {
                    current = input;
                    using Stream source = input == "-" ? Console.OpenStandardInput() : OpenInput(input);
                    Stream counted = progress is null ? source : new CountingStream(source, progress.Add);
                    if (line.Stats)
                    {
                        normalizer.NormalizeUtf8(counted, output, out NormalizationReport report);
                        total += report;
                    }
                    else
                    {
                        normalizer.NormalizeUtf8(counted, output);
                    }
                }

                output.Flush();
            }
            catch (InvalidDataException e)
            {
                code = DataError;
                progress?.Clear();
                Console.Error.WriteLine($"arabicnorm: {Name(current)}: {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                code = IoError;
                progress?.Clear();
                Console.Error.WriteLine($"arabicnorm: {Name(current)}: {e.Message}");
            }
            finally
            {
                progress?.Clear();
                if (temporary is not null)
                {
                    output.Dispose();
                }
            }

            if (code != Ok)
            {
                if (temporary is not null)
                {
                    TryDelete(temporary);
                    Console.Error.WriteLine($"arabicnorm: nothing was written to {line.Output}");
                }
                else
                {
                    Console.Error.WriteLine("arabicnorm: the output is incomplete: it stops where the error was found");
                }

                return code;
            }

            if (temporary is not null)
            {
                try
                {
                    File.Move(temporary, line.Output!, overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    TryDelete(temporary);
                    Console.Error.WriteLine($"arabicnorm: {line.Output}: cannot replace: {e.Message}");
                    return CantCreate;
                }
            }

            if (line.Stats)
            {
                WriteStats(Console.Error, total, normalizer);
            }

            return Ok;
        }

        private static string Name(string input) => input == "-" ? "<stdin>" : input;

        private static FileStream OpenInput(string path) =>
            new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the name starts with a dot and ends with .tmp, and it is reported nowhere else.
            }
        }

        private static void WriteStats(TextWriter error, NormalizationReport report, ArabicNormalizer normalizer)
        {
            error.WriteLine($"arabicnorm: {normalizer}");
            error.WriteLine($"{"category",-20} {"changed",12}");
            error.WriteLine(new string('-', 33));
            foreach (NormalizationCategory category in Enum.GetValues<NormalizationCategory>())
            {
                error.WriteLine($"{category,-20} {Invariant.N(report[category]),12}");
            }

            error.WriteLine(new string('-', 33));
            error.WriteLine($"{"changed",-20} {Invariant.N(report.ChangedCharacters),12}");
            error.WriteLine($"{"characters",-20} {Invariant.N(report.Characters),12}");
        }
    }
}
