using System.Buffers;
using System.Text;

using ArabicNorm.Tests.Oracles;

namespace ArabicNorm.Tests.Properties;

/// <summary>
/// One property per law of the normalization contract (spec section 4), each named as the law it states, plus the
/// properties a careful reader of the tables expects. Inputs come from <see cref="Generators"/>.
/// </summary>
public class LawProperties
{
    // L1
    [LawProperty]
    public bool Normalize_IsIdempotent(Case c)
    {
        string once = c.Normalizer.Normalize(c.Input);
        return c.Normalizer.Normalize(once) == once;
    }

    // L2: N(s) == N(NFC(s)) == N(NFD(s)) with ICU4N's NFC and NFD, for every option combination with ComposeHamza,
    // over texts in which NFC and NFD change only Arabic characters; and N(s) is in canonical order there.
    [LawProperty]
    public bool Normalize_IsCanonicallyEquivalent(CanonicalCase c)
    {
        var options = new ArabicNormalizerOptions(c.Case.Options.Value) { ComposeHamza = true };
        ArabicNormalizer normalizer = Options.For(options);
        string s = c.Case.Input;
        string n = normalizer.Normalize(s);
        return n == normalizer.Normalize(CanonicalEquivalence.Nfc(s))
            && n == normalizer.Normalize(CanonicalEquivalence.Nfd(s))
            && CanonicalEquivalence.IsInCanonicalOrder(n);
    }

    // L2 beyond 30 non-starters: on Arabic letters and marks, N(s) is N of UAX #15's Stream-Safe form of s, and of
    // that form's NFC and NFD: the library splits a long sequence where the Stream-Safe Text Process puts its joiner.
    [LawProperty]
    public bool Normalize_SplitsLongSequencesAsStreamSafeText(LongSequenceCase c)
    {
        var options = new ArabicNormalizerOptions(c.Case.Options.Value) { ComposeHamza = true, RemoveDiacritics = false };
        ArabicNormalizer normalizer = Options.For(options);
        string safe = CanonicalEquivalence.StreamSafe(c.Case.Input);
        string n = normalizer.Normalize(c.Case.Input);
        return n == normalizer.Normalize(safe)
            && n == normalizer.Normalize(CanonicalEquivalence.Nfc(safe))
            && n == normalizer.Normalize(CanonicalEquivalence.Nfd(safe))
            && CanonicalEquivalence.IsInCanonicalOrder(n);
    }

    // L3: the string API, the span API into an exact-size buffer, and the span API fed in chunks at arbitrary split
    // points (the unconsumed tail passed again with the next chunk) give one answer.
    [LawProperty]
    public bool Normalize_StringSpanAndChunkedSpan_GiveOneAnswer(Driven d)
    {
        ArabicNormalizer n = d.Case.Normalizer;
        string input = d.Case.Input;
        string expected = n.Normalize(input);

        var whole = new char[expected.Length];
        OperationStatus status = n.Normalize(input, whole, out int consumed, out int written);
        bool spanAgrees = status == OperationStatus.Done && consumed == input.Length && written == expected.Length
            && new string(whole) == expected;

        return spanAgrees && NormalizeInChunks(n, input, d.Numbers) == expected;
    }

    // L4: tiny destinations; each call writes only whole results, and calling again with the rest continues to the
    // identical output. A call that cannot fit one whole result makes no progress: the caller grows the buffer.
    [LawProperty]
    public bool Normalize_TinyDestinations_Resume(Driven d)
    {
        ArabicNormalizer n = d.Case.Normalizer;
        string expected = n.Normalize(d.Case.Input);
        var output = new StringBuilder();
        ReadOnlySpan<char> rest = d.Case.Input;
        int turn = 0;
        int grow = 0;
        while (true)
        {
            int size = d.Numbers[turn++ % d.Numbers.Length] % 5 + grow;
            var destination = new char[size];
            OperationStatus status = n.Normalize(rest, destination, out int consumed, out int written);
            if (written > size || consumed > rest.Length || (consumed == 0 && written > 0))
            {
                return false;
            }

            output.Append(destination, 0, written);
            rest = rest[consumed..];

            // Whole results only: what has been written so far is exactly a prefix of the one-call output.
            if (!expected.StartsWith(output.ToString(), StringComparison.Ordinal))
            {
                return false;
            }

            if (status == OperationStatus.Done)
            {
                return rest.IsEmpty && output.ToString() == expected;
            }

            if (status != OperationStatus.DestinationTooSmall)
            {
                return false;
            }

            grow = consumed == 0 ? grow + 1 : 0;
        }
    }

    // L3 and L4 together: chunks and tiny destinations in one stream.
    [LawProperty]
    public bool Normalize_ChunksIntoTinyDestinations_GiveOneAnswer(Driven d)
    {
        ArabicNormalizer n = d.Case.Normalizer;
        string input = d.Case.Input;
        string expected = n.Normalize(input);
        var output = new StringBuilder();
        string pending = string.Empty;
        int position = 0;
        int turn = 0;
        int grow = 0;
        while (true)
        {
            int take = Math.Min(d.Numbers[turn % d.Numbers.Length] % 7, input.Length - position);
            bool final = position + take == input.Length;
            string block = pending + input.Substring(position, take);
            position += take;
            var destination = new char[(d.Numbers[(turn + 1) % d.Numbers.Length] % 6) + grow];
            turn++;
            OperationStatus status = n.Normalize(block, destination, out int consumed, out int written, final);
            output.Append(destination, 0, written);
            pending = block[consumed..];
            grow = status == OperationStatus.DestinationTooSmall && consumed == 0 ? grow + 1 : 0;
            if (final && status == OperationStatus.Done)
            {
                return output.ToString() == expected;
            }

            if (status == OperationStatus.InvalidData || (final && status == OperationStatus.NeedMoreData))
            {
                return false;
            }

            if (output.Length > 4 * (input.Length + 16) * 18)
            {
                return false; // no progress
            }
        }
    }

    // L5: no input and no options make any method throw.
    [LawProperty]
    public void Normalize_IsTotal(Driven d)
    {
        ArabicNormalizer n = d.Case.Normalizer;
        string input = d.Case.Input;
        _ = n.Normalize(input);
        _ = n.IsNormalized(input);
        _ = n.GetNormalizedLength(input);
        var destination = new char[d.Numbers[0]];
        _ = n.Normalize(input, destination, out _, out _, isFinalBlock: false);
        _ = n.Normalize(input, destination, out _, out _, isFinalBlock: true);
    }

    // L6: an already normalized string comes back as the same instance, and IsNormalized says so.
    [LawProperty]
    public bool Normalize_IsQuietWhenClean(Case c)
    {
        string normalized = c.Normalizer.Normalize(c.Input);
        return ReferenceEquals(c.Normalizer.Normalize(normalized), normalized) && c.Normalizer.IsNormalized(normalized);
    }

    // L7: on the alphabet Lucene knows, Search (CollapseSpaces off) is Lucene's ArabicNormalizer then PersianNormalizer.
    [LawProperty(MaxTest = 500)]
    public bool Search_IsAtLeastLucene(LuceneText t)
    {
        var options = ArabicNormalizer.Search.GetOptions();
        options.CollapseSpaces = false;
        return Options.For(options).Normalize(t.Value) == LuceneOracle.ArabicThenPersian(t.Value);
    }

    [LawProperty]
    public bool IsNormalized_IsNormalizeGivesTheSameText(Case c) =>
        c.Normalizer.IsNormalized(c.Input) == (c.Normalizer.Normalize(c.Input) == c.Input);

    [LawProperty]
    public bool GetNormalizedLength_IsTheLengthOfNormalize(Case c) =>
        c.Normalizer.GetNormalizedLength(c.Input) == c.Normalizer.Normalize(c.Input).Length;

    // The spec's tables and context rules, evaluated by the slow model, give the same text.
    [LawProperty(MaxTest = 500)]
    public bool Normalize_MatchesTheSpecModel(Case c) =>
        c.Normalizer.Normalize(c.Input) == SpecModel.Normalize(c.Input, c.Options.Value);

    // The output never holds a character that the active options would still map or delete.
    [LawProperty]
    public bool Normalize_OutputHoldsNothingTheOptionsChange(Case c)
    {
        ArabicNormalizerOptions o = c.Options.Value;
        string output = c.Normalizer.Normalize(c.Input);
        for (int i = 0; i < output.Length; i++)
        {
            char x = output[i];
            if (char.IsSurrogate(x))
            {
                if (char.IsHighSurrogate(x) && i + 1 < output.Length && char.IsLowSurrogate(output[i + 1]))
                {
                    int cp = char.ConvertToUtf32(x, output[i + 1]);
                    if (o.FoldCompatibilityForms && SpecModel.IsInCompatibilityBlocks(cp) && SpecModel.Nfkc(cp) != char.ConvertFromUtf32(cp))
                    {
                        return false;
                    }

                    i++;
                }

                continue;
            }

            if (o.FoldCompatibilityForms && SpecModel.IsInCompatibilityBlocks(x) && SpecModel.Nfkc(x) != x.ToString())
            {
                return false;
            }

            char expected = SpecModel.Rule(x, o);
            bool contextualYeh = o.ContextualFarsiYeh && o.Letters == LetterTarget.Arabic && !o.FoldAlefMaksura;
            if (expected != x && !(contextualYeh && x == '\u0649')) // a word-final ALEF MAKSURA stands
            {
                return false;
            }

            if (o.ComposeHamza && SpecModel.IsHamzaMark(x) && i > 0 && SpecModel.Compose(output[i - 1], x) != '\0')
            {
                return false; // a pair left uncomposed
            }

            if (o.CollapseSpaces && x == ' ' && i > 0 && output[i - 1] == ' ')
            {
                return false;
            }
        }

        return true;
    }

    // Characters that no table names and no rule produces survive unchanged and in order (whole surrogate pairs
    // outside U+1EE00..U+1EEFF among them).
    [LawProperty]
    public bool Normalize_KeepsCharactersOutsideTheTablesInOrder(Case c)
    {
        string output = c.Normalizer.Normalize(c.Input);
        return OutsideTheTables(c.Input) == OutsideTheTables(output);
    }

    [LawProperty]
    public bool Normalize_IdentityOptions_IsTheIdentity(Text t)
    {
        ArabicNormalizer n = Options.For(SpecModel.Identity());
        string output = n.Normalize(t.Value);
        return ReferenceEquals(output, t.Value) && n.IsNormalized(t.Value);
    }

    /// <summary>Feeds <paramref name="input"/> to the span API in chunks whose lengths come from
    /// <paramref name="numbers"/>, passing the unconsumed tail again with the next chunk.</summary>
    internal static string NormalizeInChunks(ArabicNormalizer n, string input, int[] numbers)
    {
        var output = new StringBuilder();
        string pending = string.Empty;
        int position = 0;
        int turn = 0;
        while (true)
        {
            int take = Math.Min(numbers[turn++ % numbers.Length], input.Length - position);
            bool final = position + take == input.Length;
            string block = pending + input.Substring(position, take);
            position += take;
            var destination = new char[(block.Length * 18) + 4];
            OperationStatus status = n.Normalize(block, destination, out int consumed, out int written, final);
            output.Append(destination, 0, written);
            pending = block[consumed..];
            if (final)
            {
                Assert.Equal(OperationStatus.Done, status);
                Assert.Equal(string.Empty, pending);
                return output.ToString();
            }

            Assert.True(status is OperationStatus.Done or OperationStatus.NeedMoreData, $"status {status}");
            Assert.True(status == OperationStatus.NeedMoreData || pending.Length == 0);
        }
    }

    /// <summary>Keeps the characters no rule of any option names or produces.</summary>
    internal static string OutsideTheTables(string s)
    {
        var sb = new StringBuilder();
        var all = AllOn;
        for (int i = 0; i < s.Length; i++)
        {
            char x = s[i];
            if (char.IsHighSurrogate(x) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                if (!SpecModel.IsInCompatibilityBlocks(char.ConvertToUtf32(x, s[i + 1])))
                {
                    sb.Append(x).Append(s[i + 1]);
                }

                i++;
                continue;
            }

            // An unpaired half can be joined with another by deletions and then fold: it is not outside the tables.
            if (!char.IsSurrogate(x) && !IsNamedOrProduced(x))
            {
                sb.Append(x);
            }
        }

        return sb.ToString();
    }

    private static readonly ArabicNormalizerOptions[] AllOn =
    [
        new() { Letters = LetterTarget.Arabic, Digits = DigitTarget.Ascii, Zwnj = ZwnjHandling.Space, RemoveDiacritics = true, FoldAlef = true, FoldAlefMaksura = true, FoldTehMarbuta = true, AsciiPunctuation = true },
        new() { Letters = LetterTarget.Persian, Digits = DigitTarget.ArabicIndic },
        new() { Digits = DigitTarget.Persian },
    ];

    private static readonly Lazy<bool[]> s_namedOrProduced = new(() =>
    {
        var set = new bool[0x10000];
        for (int c = 0; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            if (SpecModel.IsInCompatibilityBlocks(c) || SpecModel.IsHamzaMark((char)c) || CanonicalClasses.IsArabicMark(c))
            {
                set[c] = true;
            }

            foreach (ArabicNormalizerOptions o in AllOn)
            {
                char r = SpecModel.Rule((char)c, o);
                if (r != c)
                {
                    set[c] = true;
                    if (r != SpecModel.Deleted)
                    {
                        set[r] = true;
                    }
                }
            }

            if (SpecModel.IsInCompatibilityBlocks(c))
            {
                foreach (char r in SpecModel.Nfkc(c))
                {
                    set[r] = true;
                }
            }
        }

        foreach (var (b, m, composed) in SpecModel.CompositionPairs)
        {
            set[b] = set[m] = set[composed] = true;
        }

        set['\u0649'] = true; // ALEF MAKSURA: the contextual FARSI YEH's word-final form
        set['\u034F'] = true; // COMBINING GRAPHEME JOINER: what the Stream-Safe Text Format inserts
        set['\u200C'] = true; // ZWNJ
        return set;
    });

    private static bool IsNamedOrProduced(char c) => s_namedOrProduced.Value[c];
}
