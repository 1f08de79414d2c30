using ArabicNorm.Lucene.Internal;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ArabicNorm.Lucene;

/// <summary>
/// Analyzes Arabic and Persian text for Lucene.Net: <see cref="ArabicNormCharFilter"/>, <see cref="StandardTokenizer"/>,
/// <see cref="LowerCaseFilter"/>, a stop filter, and optionally <see cref="ArabicStemFilter"/>.
/// </summary>
/// <remarks>
/// <para>A drop-in replacement for Lucene.Net's <see cref="ArabicAnalyzer"/> and <see cref="PersianAnalyzer"/>: build
/// it with the same <see cref="LuceneVersion"/> and use it wherever they are used, at index and at query time. It
/// folds more (FARSI YEH and KEHEH, presentation forms and lam-alef ligatures from PDFs, hamza composition, digits,
/// quotation marks, bidi controls, odd spaces; see the normalizer's options), and its offsets point at the original
/// text, so highlighting works.</para>
/// <para>The stop words are Lucene's Arabic and Persian stop sets together, each word passed through the same
/// normalizer and lower-cased, so a stop word still matches after folding. A stop word that the normalizer turns
/// into more than one token (a Persian word with ZERO WIDTH NON-JOINER, under a <see cref="ZwnjHandling.Space"/>
/// normalizer) can never match one token and is left out.</para>
/// <para>Stemming is off unless asked for: unlike <see cref="ArabicAnalyzer"/>, which always stems, this analyzer keeps
/// whole words by default, which is what exact and prefix queries need.</para>
/// <para>Lucene.Net 4.8 has no <c>Analyzer.Normalize</c>, and the classic query parser sends prefix, wildcard and
/// fuzzy terms around the analyzer; <see cref="NormalizeQueryTerm(string)"/> folds such a term the way this analyzer
/// folds indexed text.</para>
/// <para>An instance is thread-safe, as every Lucene.Net analyzer is.</para>
/// </remarks>
public sealed class ArabicNormAnalyzer : Analyzer
{
    private readonly LuceneVersion _matchVersion;

    /// <summary>Initializes an analyzer with the <see cref="ArabicNormalizer.Search"/> preset, the normalized Arabic and
    /// Persian stop words and no stemming.</summary>
    /// <param name="matchVersion">The Lucene compatibility version, as for Lucene's own analyzers.</param>
    public ArabicNormAnalyzer(LuceneVersion matchVersion)
        : this(matchVersion, ArabicNormalizer.Search)
    {
    }

    /// <summary>Initializes an analyzer with <paramref name="normalizer"/>, the normalized Arabic and Persian stop words and no stemming.</summary>
    /// <param name="matchVersion">The Lucene compatibility version, as for Lucene's own analyzers.</param>
    /// <param name="normalizer">The rules to apply, at index and query time alike.</param>
    /// <exception cref="ArgumentNullException"><paramref name="normalizer"/> is <see langword="null"/>.</exception>
    public ArabicNormAnalyzer(LuceneVersion matchVersion, ArabicNormalizer normalizer)
        : this(matchVersion, normalizer, null, stem: false)
    {
    }

    /// <summary>Initializes an analyzer with <paramref name="normalizer"/>, the given stop words, and stemming if asked for.</summary>
    /// <param name="matchVersion">The Lucene compatibility version, as for Lucene's own analyzers.</param>
    /// <param name="normalizer">The rules to apply, at index and query time alike.</param>
    /// <param name="stopWords">The stop words, as written (they are normalized and lower-cased here); <see langword="null"/>
    /// for Lucene's Arabic and Persian stop sets; <see cref="CharArraySet.Empty"/> for none.</param>
    /// <param name="stem"><see langword="true"/> to add Lucene's <see cref="ArabicStemFilter"/> after the stop filter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="normalizer"/> is <see langword="null"/>.</exception>
    public ArabicNormAnalyzer(LuceneVersion matchVersion, ArabicNormalizer normalizer, CharArraySet? stopWords, bool stem)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        _matchVersion = matchVersion;
        Normalizer = normalizer;
        Stem = stem;
        StopWords = CreateStopSet(matchVersion, normalizer, stopWords).AsReadOnly();
    }

    /// <summary>Gets the normalizer this analyzer applies.</summary>
    public ArabicNormalizer Normalizer { get; }

    /// <summary>Gets whether <see cref="ArabicStemFilter"/> runs after the stop filter.</summary>
    public bool Stem { get; }

    /// <summary>Gets the stop words as the stop filter compares them: normalized and lower-cased.</summary>
    /// <remarks>The set is read-only.</remarks>
    public CharArraySet StopWords { get; }

    /// <summary>Folds a prefix, wildcard or fuzzy query term the way this analyzer folds indexed text, without cutting it into tokens.</summary>
    /// <param name="term">The term as the user typed it, with its <c>*</c> and <c>?</c> wildcards.</param>
    /// <returns>The term normalized and lower-cased, wildcards kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Use it for the query terms that do not go through the analyzer: <c>new PrefixQuery(new Term(field,
    /// analyzer.NormalizeQueryTerm(typed)))</c>, or in a query parser's prefix and wildcard methods (the README shows a
    /// small <c>QueryParser</c> subclass). A term typed on a Persian keyboard, with diacritics, tatweel or presentation
    /// forms then meets the indexed terms.</para>
    /// <para>The normalizer leaves <c>*</c> and <c>?</c> alone. Stemming is not applied: the stem of a prefix is not a
    /// prefix of the stem.</para>
    /// </remarks>
    public string NormalizeQueryTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return Normalizer.Normalize(term).ToLowerInvariant();
    }

    /// <summary>Creates the tokenizer and filters for a field.</summary>
    /// <param name="fieldName">The field being analyzed.</param>
    /// <param name="reader">The text, already wrapped in <see cref="ArabicNormCharFilter"/> by <see cref="InitReader(string, TextReader)"/>.</param>
    /// <returns>The chain: <see cref="StandardTokenizer"/>, <see cref="LowerCaseFilter"/>'s lower-casing, <see cref="StopFilter"/>
    /// and, when <see cref="Stem"/> is set, <see cref="ArabicStemFilter"/>.</returns>
    /// <remarks>The lower-casing gives exactly <see cref="LowerCaseFilter"/>'s terms, but first checks each term for a
    /// character lower-casing changes and leaves the others alone: Arabic and Persian have no case, and on Arabic text
    /// <see cref="LowerCaseFilter"/> took close to a third of the analyzer's time.</remarks>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(_matchVersion, reader);
        TokenStream result = new SkippingLowerCaseFilter(_matchVersion, source);
        result = new StopFilter(_matchVersion, result, StopWords);
        if (Stem)
        {
            result = new ArabicStemFilter(result);
        }

        return new TokenStreamComponents(source, result);
    }

    /// <summary>Puts <see cref="ArabicNormCharFilter"/> in front of the field's text.</summary>
    /// <param name="fieldName">The field being analyzed.</param>
    /// <param name="reader">The field's text.</param>
    /// <returns>The char filter reading <paramref name="reader"/>.</returns>
    protected override TextReader InitReader(string fieldName, TextReader reader) => new ArabicNormCharFilter(reader, Normalizer);

    private static CharArraySet CreateStopSet(LuceneVersion matchVersion, ArabicNormalizer normalizer, CharArraySet? stopWords)
    {
        var words = new List<string>();
        if (stopWords is null)
        {
            AddWords(words, ArabicAnalyzer.DefaultStopSet);
            AddWords(words, PersianAnalyzer.DefaultStopSet);
        }
        else
        {
            AddWords(words, stopWords);
        }

        var result = new CharArraySet(matchVersion, words.Count, ignoreCase: false);
        var one = new List<string>(2);
        foreach (string word in words)
        {
            // The word goes through what a field's text goes through before the stop filter.
            one.Clear();
            using var tokens = new LowerCaseFilter(
                matchVersion, new StandardTokenizer(matchVersion, new StringReader(normalizer.Normalize(word))));
            ICharTermAttribute term = tokens.AddAttribute<ICharTermAttribute>();
            tokens.Reset();
            while (tokens.IncrementToken() && one.Count < 2)
            {
                one.Add(term.ToString());
            }

            tokens.End();
            if (one.Count == 1)
            {
                result.Add(one[0]);
            }
        }

        return result;
    }

    private static void AddWords(List<string> words, CharArraySet set)
    {
        foreach (object word in set)
        {
            words.Add(word is char[] chars ? new string(chars) : word.ToString()!);
        }
    }
}
