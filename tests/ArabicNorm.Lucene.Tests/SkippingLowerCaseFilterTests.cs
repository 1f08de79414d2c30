using ArabicNorm.Lucene.Internal;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArabicNorm.Lucene.Tests;

/// <summary>The analyzer's lower-casing stage against Lucene's own <see cref="LowerCaseFilter"/>, its oracle.</summary>
public class SkippingLowerCaseFilterTests
{
#pragma warning disable CS0618 // LUCENE_30 is obsolete: it is a version that lower-cases code unit by code unit.
    public static TheoryData<LuceneVersion> Versions => [LuceneVersion.LUCENE_48, LuceneVersion.LUCENE_30];
#pragma warning restore CS0618

    [Theory]
    [MemberData(nameof(Versions))]
    public void IncrementToken_EveryCodeUnitAsATerm_GivesLowerCaseFilterTerms(LuceneVersion version)
    {
        // Every UTF-16 code unit, lone surrogates included, as a term of its own and glued to an Arabic letter.
        var terms = new List<string>();
        for (int c = 0; c < 0x10000; c++)
        {
            terms.Add(((char)c).ToString());
            terms.Add("\u0628" + (char)c); // ARABIC LETTER BEH
        }

        Assert.Equal(Run(new LowerCaseFilter(version, new TermStream(terms)), out _), Run(new SkippingLowerCaseFilter(version, new TermStream(terms)), out _));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void IncrementToken_RandomMixedTerms_GivesLowerCaseFilterTermsAndKeepsOffsets(LuceneVersion version)
    {
        // Arabic letters and marks, ASCII both cases, DOTTED CAPITAL I, GREEK CAPITAL SIGMA, DESERET CAPITAL LONG I
        // (a supplementary letter with a lower case), lone surrogates and an emoji.
        string[] pool =
        [
            "\u0627", "\u0644", "\u064E", "\u06CC", "a", "Z", "Q", "\u0130", "\u03A3", "\uD801\uDC00", "\uD801", "\uDC00",
            "\uD83D\uDE00", "1", "\u0660", "\u1E9E",
        ];
        var random = new Random(20261201);
        var terms = new List<string>();
        for (int k = 0; k < 20_000; k++)
        {
            int length = random.Next(0, 9);
            terms.Add(string.Concat(Enumerable.Range(0, length).Select(_ => pool[random.Next(pool.Length)])));
        }

        List<string> expected = Run(new LowerCaseFilter(version, new TermStream(terms)), out List<int> expectedOffsets);
        List<string> actual = Run(new SkippingLowerCaseFilter(version, new TermStream(terms)), out List<int> actualOffsets);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedOffsets, actualOffsets);

        // Both paths ran: some terms were lower-cased, some left alone.
        Assert.Contains(Enumerable.Range(0, terms.Count), k => actual[k] != terms[k]);
        Assert.Contains(Enumerable.Range(0, terms.Count), k => actual[k] == terms[k] && terms[k].Length > 2);
    }

    [Fact]
    public void MayChange_ArabicTermAndUpperCaseTerm_TellsThemApart()
    {
        uint[] changes = SkippingLowerCaseFilter.ChangesFor(LuceneVersion.LUCENE_48);
        Assert.False(SkippingLowerCaseFilter.MayChange(changes, "\u0627\u0644\u0643\u062A\u0627\u0628 abc 123")); // AL-KITAB
        Assert.True(SkippingLowerCaseFilter.MayChange(changes, "\u0627\u0644A"));
        Assert.True(SkippingLowerCaseFilter.MayChange(changes, "\uD801\uDC28")); // a surrogate pair always goes the slow way
    }

    private static List<string> Run(TokenStream stream, out List<int> offsets)
    {
        var result = new List<string>();
        offsets = [];
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        IOffsetAttribute offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add(term.ToString());
            offsets.Add(offset.StartOffset);
            offsets.Add(offset.EndOffset);
        }

        stream.End();
        stream.Dispose();
        return result;
    }

    /// <summary>Emits the given terms, each with offsets of its own.</summary>
    private sealed class TermStream : TokenStream
    {
        private readonly IReadOnlyList<string> _terms;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public TermStream(IReadOnlyList<string> terms)
        {
            _terms = terms;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next == _terms.Count)
            {
                return false;
            }

            ClearAttributes();
            _term.SetEmpty().Append(_terms[_next]);
            _offset.SetOffset(_next, _next + 1);
            _next++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
