// GENERATED from BlockPump.Run.cs by BlockPumpTwinTests (set ARABICNORM_REGENERATE=1 and run it): do not edit.
namespace ArabicNorm.Internal;

internal sealed partial class BlockPump<TUnit, TCodec>
{
    /// <summary>Runs the pump over <paramref name="io"/>: reads the source to its end, writes the normalized text, and
    /// flushes the destination.</summary>
    /// <typeparam name="TIo">The reader and writer.</typeparam>
    /// <param name="io">Reads the source and writes the output.</param>
    /// <param name="cancellationToken">Checked before each read.</param>
    /// <returns>A task; this is the async twin of Run.</returns>
    /// <exception cref="InvalidUtf8Exception">The source is not valid in its encoding (UTF-8 only); the output before the
    /// invalid code unit has been written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    internal async Task RunAsync<TIo>(TIo io, CancellationToken cancellationToken)
        where TIo : IPumpIo<TUnit>
    {
        bool end = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Memory<TUnit> buffer = GetReadBuffer();
            int read = await io.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            end = read == 0;
            Advance(read);

            PumpState state;
            do
            {
                state = Step(end, out ReadOnlyMemory<TUnit> output);
                if (!output.IsEmpty)
                {
                    await io.WriteAsync(output, cancellationToken).ConfigureAwait(false);
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

        await io.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
