// The pump's read-normalize-write loop, written once. Its async twin, BlockPump.RunAsync.cs, is this file from the
// namespace line on with these substitutions, in order (BlockPumpTwinTests checks it, and rewrites the twin when the
// environment variable ARABICNORM_REGENERATE is 1):
//   1. "void Run<TIo>("              becomes "async Task RunAsync<TIo>("
//   2. "io.Read("                    becomes "await io.ReadAsync("
//   3. "io.Write("                   becomes "await io.WriteAsync("
//   4. "io.Flush("                   becomes "await io.FlushAsync("
//   5. on every line holding "await ", the last ");" becomes ").ConfigureAwait(false);"
//   6. "the sync twin of RunAsync"   becomes "the async twin of Run"
//   7. "<returns>Nothing" (the doc)  becomes "<returns>A task"
// Edit this file, then regenerate the twin; never edit the twin by hand.
namespace ArabicNorm.Internal;

internal sealed partial class BlockPump<TUnit, TCodec>
{
    /// <summary>Runs the pump over <paramref name="io"/>: reads the source to its end, writes the normalized text, and
    /// flushes the destination.</summary>
    /// <typeparam name="TIo">The reader and writer.</typeparam>
    /// <param name="io">Reads the source and writes the output.</param>
    /// <param name="cancellationToken">Checked before each read.</param>
    /// <returns>Nothing; this is the sync twin of RunAsync.</returns>
    /// <exception cref="InvalidUtf8Exception">The source is not valid in its encoding (UTF-8 only); the output before the
    /// invalid code unit has been written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    internal void Run<TIo>(TIo io, CancellationToken cancellationToken)
        where TIo : IPumpIo<TUnit>
    {
        bool end = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Memory<TUnit> buffer = GetReadBuffer();
            int read = io.Read(buffer, cancellationToken);
            end = read == 0;
            Advance(read);

            PumpState state;
            do
            {
                state = Step(end, out ReadOnlyMemory<TUnit> output);
                if (!output.IsEmpty)
                {
                    io.Write(output, cancellationToken);
                }
            }
            while (state == PumpState.Continue);

            if (state == PumpState.InvalidData)
            {
                ThrowHelper.ThrowInvalidUtf8(InvalidDataOffset);
            }

            if (state == PumpState.Finished)
            {
                break;
            }
        }

        io.Flush(cancellationToken);
    }
}
