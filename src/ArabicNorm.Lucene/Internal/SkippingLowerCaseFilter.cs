using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ArabicNorm.Lucene.Internal;

/// <summary>
/// Lower-cases each term exactly as <see cref="LowerCaseFilter"/> does, but leaves a term alone, without touching its
/// buffer, when none of its characters is one that lower-casing changes.
/// </summary>
/// <remarks>
/// <para><see cref="LowerCaseFilter"/> decodes, maps and re-encodes every code point of every term. Arabic and Persian
/// have no case, so on Arabic text that is most of the filter's cost for no change. Here a term is first checked
/// against a table of the BMP code units that <see cref="CharacterUtils.ToLower(char[], int, int)"/> would change,
/// built once from that same method; surrogates always count as changing. A term with any such code unit goes through
/// <see cref="CharacterUtils.ToLower(char[], int, int)"/> whole, as <see cref="LowerCaseFilter"/> sends it, so the
/// terms are the same in every case. Every other attribute is left as it is.</para>
/// </remarks>
internal sealed class SkippingLowerCaseFilter : TokenFilter
{
    // One bit per UTF-16 code unit: set when lower-casing may change it (surrogates included).
    private static readonly Lazy<uint[]> s_java5Changes = new(() => BuildChanges(CharacterUtils.GetInstance(LuceneVersion.LUCENE_48)));
    private static readonly Lazy<uint[]> s_java4Changes = new(() => BuildChanges(CharacterUtils.GetJava4Instance(LuceneVersion.LUCENE_48)));

    private readonly CharacterUtils _charUtils;
    private readonly uint[] _changes;
    private readonly ICharTermAttribute _termAttribute;

    /// <summary>Initializes a filter that lower-cases the terms of <paramref name="input"/> as
    /// <see cref="LowerCaseFilter"/> does for <paramref name="matchVersion"/>.</summary>
    public SkippingLowerCaseFilter(LuceneVersion matchVersion, TokenStream input)
        : base(input)
    {
        _charUtils = CharacterUtils.GetInstance(matchVersion);
        _changes = ChangesFor(matchVersion);
        _termAttribute = AddAttribute<ICharTermAttribute>();
    }

    /// <summary>Advances to the next token and lower-cases its term if it has a character lower-casing changes.</summary>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        char[] buffer = _termAttribute.Buffer;
        int length = _termAttribute.Length;
        if (MayChange(_changes, buffer.AsSpan(0, length)))
        {
            _charUtils.ToLower(buffer, 0, length);
        }

        return true;
    }

    /// <summary>Tells whether <paramref name="text"/> holds a code unit whose bit is set in <paramref name="changes"/>.</summary>
    internal static bool MayChange(uint[] changes, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if ((changes[c >> 5] & (1u << c)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the table of the code units lower-casing may change for <paramref name="matchVersion"/>.</summary>
    /// <remarks>Before 3.1 Lucene lower-cases code unit by code unit (Java 4), from then on code point by code point;
    /// each table is built from the <see cref="CharacterUtils"/> of its kind.</remarks>
    internal static uint[] ChangesFor(LuceneVersion matchVersion)
    {
#pragma warning disable CS0618 // LUCENE_31 is obsolete: it is the version the behaviour changed at.
        return matchVersion.OnOrAfter(LuceneVersion.LUCENE_31) ? s_java5Changes.Value : s_java4Changes.Value;
#pragma warning restore CS0618
    }

    private static uint[] BuildChanges(CharacterUtils charUtils)
    {
        var changes = new uint[0x10000 / 32];
        var one = new char[1];
        for (int c = 0; c < 0x10000; c++)
        {
            one[0] = (char)c;
            bool changed = char.IsSurrogate((char)c);
            if (!changed)
            {
                charUtils.ToLower(one, 0, 1);
                changed = one[0] != (char)c;
            }

            if (changed)
            {
                changes[c >> 5] |= 1u << c;
            }
        }

        return changes;
    }
}
