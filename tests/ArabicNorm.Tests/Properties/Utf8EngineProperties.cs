using System.Buffers;
using System.Text;
using ArabicNorm.Internal;
using Utf8Engine = ArabicNorm.Internal.NormalizationEngine<byte, ArabicNorm.Internal.Utf8Codec>;

namespace ArabicNorm.Tests.Properties;

/// <summary>
/// Laws L3 and L5 for the UTF-8 side of the engine. The public UTF-8 API has not landed yet, so these drive the
/// internal engine with the UTF-8 codec directly; they move to the public methods when those exist.
/// </summary>
public class Utf8EngineProperties
{
    // L3 (and L4): UTF-8 in, fed in chunks into tiny destinations, gives the UTF-8 of the UTF-16 result.
    [LawProperty]
    public bool NormalizeUtf8_ChunksIntoTinyDestinations_GiveTheUtf16Answer(Driven d)
    {
        // UTF-8 cannot carry an unpaired surrogate: the encoder's U+FFFD stands for it on both sides.
        byte[] input = Encoding.UTF8.GetBytes(d.Case.Input);
        string text = Encoding.UTF8.GetString(input);
        byte[] expected = Encoding.UTF8.GetBytes(d.Case.Normalizer.Normalize(text));
        NormalizationTables tables = TablesFor(d.Case.Options.Value);

        var output = new List<byte>();
        byte[] pending = [];
        int position = 0;
        int turn = 0;
        int grow = 0;
        while (true)
        {
            int take = Math.Min(d.Numbers[turn % d.Numbers.Length] % 9, input.Length - position);
            bool final = position + take == input.Length;
            byte[] block = [.. pending, .. input.AsSpan(position, take)];
            position += take;
            var destination = new byte[(d.Numbers[(turn + 1) % d.Numbers.Length] % 8) + grow];
            turn++;
            OperationStatus status = Utf8Engine.Run(tables, block, destination, Span<int>.Empty, out int consumed, out int written, final);
            output.AddRange(destination.AsSpan(0, written));
            pending = block[consumed..];
            grow = status == OperationStatus.DestinationTooSmall && consumed == 0 ? grow + 1 : 0;
            if (final && status == OperationStatus.Done)
            {
                return output.SequenceEqual(expected);
            }

            if (status == OperationStatus.InvalidData || (final && status == OperationStatus.NeedMoreData) || output.Count > 64 * (input.Length + 16))
            {
                return false;
            }
        }
    }

    // L5: invalid UTF-8 is reported as InvalidData where the invalid bytes start, never dropped or thrown on.
    [LawProperty]
    public bool NormalizeUtf8_InvalidBytes_AreReportedWhereTheyStart(Case c, byte[] junk)
    {
        byte[] valid = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(c.Input)));
        byte[] input = [.. valid, .. junk];
        int firstInvalid = FirstInvalid(input);
        NormalizationTables tables = TablesFor(c.Options.Value);
        var destination = new byte[(input.Length * 60) + 16];
        OperationStatus status = Utf8Engine.Run(tables, input, destination, Span<int>.Empty, out int consumed, out int written, isFinalBlock: true);
        if (firstInvalid < 0)
        {
            return status == OperationStatus.Done && consumed == input.Length;
        }

        // Everything before the invalid bytes that the engine could finish is consumed; the rest is reported there.
        byte[] expectedPrefix = Encoding.UTF8.GetBytes(c.Normalizer.Normalize(Encoding.UTF8.GetString(input, 0, consumed)));
        return status == OperationStatus.InvalidData
            && consumed <= firstInvalid
            && (consumed == firstInvalid || firstInvalid - consumed <= 16) // at most the open entry is given back
            && destination.AsSpan(0, written).SequenceEqual(expectedPrefix);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NormalizationTables> s_tables = new();

    private static NormalizationTables TablesFor(ArabicNormalizerOptions o) =>
        s_tables.GetOrAdd(o.ToString(), _ => new NormalizationTables(new ArabicNormalizerOptions(o)));

    private static int FirstInvalid(byte[] bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(i), out _, out int n) != OperationStatus.Done)
            {
                return i;
            }

            i += n;
        }

        return -1;
    }
}
