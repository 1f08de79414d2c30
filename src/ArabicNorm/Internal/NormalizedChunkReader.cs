using System.Buffers;

namespace ArabicNorm.Internal;

/// <summary>
/// Produces the normalized form of a text piece by piece, into a caller's (stack) buffer, without allocating.
/// </summary>
/// <remarks>
/// <para>Each piece is either a slice of the source that the rules leave unchanged (found with the same scan
/// <see cref="ArabicNormalizer.Normalize(string)"/> starts with, and not copied), or what the engine wrote into the
/// buffer. Concatenated, the pieces are exactly <see cref="ArabicNormalizer.Normalize(string)"/> of the text.</para>
/// <para>Why this holds: the engine, called with <c>isFinalBlock: true</c> on the whole rest of the text, stops with
/// <see cref="OperationStatus.DestinationTooSmall"/> only after whole results (law L4), so normalizing the rest on its
/// own continues the output; and on a text of its own, the scan's restart point is where the output starts to differ,
/// everything before it being output as it is.</para>
/// <para>A piece that comes from the buffer is valid until the next call to <see cref="TryRead"/>.</para>
/// </remarks>
internal ref struct NormalizedChunkReader
{
    /// <summary>The smallest buffer a reader may be given: every single result (U+FDFA is 18 chars, plus the entry it
    /// may reach back into) fits several times over, so each engine call makes progress.</summary>
    internal const int MinBufferSize = 128;

    /// <summary>The buffer the comparer gives a reader, whatever the text's length: few engine calls for long texts,
    /// 2 KB of stack, left unzeroed (the engine writes what a piece hands out).</summary>
    internal const int BufferSize = 1024;

    private readonly NormalizationTables _tables;
    private readonly Span<char> _buffer;
    private ReadOnlySpan<char> _rest;
    private int _restart; // the restart point of _rest when known (-1: unchanged to its end), or int.MinValue

    /// <summary>Starts reading the normalized form of <paramref name="text"/>.</summary>
    /// <param name="tables">The normalizer's tables.</param>
    /// <param name="text">The text.</param>
    /// <param name="restart">What <see cref="RestartScan.Find"/> gives for it.</param>
    /// <param name="buffer">At least <see cref="MinBufferSize"/> chars; not used (it may be empty) when
    /// <paramref name="restart"/> is -1.</param>
    internal NormalizedChunkReader(NormalizationTables tables, ReadOnlySpan<char> text, int restart, Span<char> buffer)
    {
        _tables = tables;
        _rest = text;
        _buffer = buffer;
        _restart = restart;
    }

    /// <summary>Reads the next piece of the normalized text.</summary>
    /// <param name="chunk">The piece; it can be empty when the engine deleted everything it read.</param>
    /// <returns><see langword="false"/> when the whole text has been read.</returns>
    internal bool TryRead(out ReadOnlySpan<char> chunk)
    {
        if (_rest.IsEmpty)
        {
            chunk = default;
            return false;
        }

        int restart = _restart == int.MinValue ? RestartScan.Find(_tables, _rest) : _restart;
        if (restart < 0)
        {
            // Nothing in the rest changes: it is its own output.
            chunk = _rest;
            _rest = default;
            return true;
        }

        if (restart > 0)
        {
            chunk = _rest[..restart];
            _rest = _rest[restart..];
            _restart = 0;
            return true;
        }

        // After the engine, the rest is scanned again: a long unchanged run is then read in place.
        _restart = int.MinValue;
        // MinBufferSize holds any one result, so the driver always makes progress here.
        EngineDriver.StepInto<char, Utf16Codec>(_tables, ref _rest, _buffer, default, out _, out int written);
        chunk = _buffer[..written];
        return true;
    }
}
