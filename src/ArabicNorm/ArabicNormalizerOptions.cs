namespace ArabicNorm;

/// <summary>
/// Holds the settings an <see cref="ArabicNormalizer"/> is built from, one per rule of the normalization contract.
/// </summary>
/// <remarks>
/// A new instance holds the values of the <see cref="ArabicNormalizer.Default"/> preset (news-safe: lossless
/// folds only). <see cref="ArabicNormalizer"/> copies the options when it is constructed, so changing an instance
/// afterwards does not affect normalizers already built from it. With every <see cref="bool"/> option
/// <see langword="false"/> and every enum option at its <c>Keep</c> value, the normalizer is the identity.
/// The setters accept any value, so configuration binders and object initializers never throw half way through;
/// <see cref="ArabicNormalizer(ArabicNormalizerOptions)"/> checks the values and throws
/// <see cref="ArgumentOutOfRangeException"/> when an enum option holds an undefined value.
/// </remarks>
public sealed class ArabicNormalizerOptions
{
    private LetterTarget _letters = LetterTarget.Arabic;
    private DigitTarget _digits = DigitTarget.Ascii;
    private QuoteTarget _quotes = QuoteTarget.Ascii;
    private ZwnjHandling _zwnj = ZwnjHandling.Remove;

    /// <summary>Initializes a new instance that holds the <see cref="ArabicNormalizer.Default"/> preset's values.</summary>
    public ArabicNormalizerOptions()
    {
    }

    /// <summary>Initializes a new instance that copies every value of <paramref name="other"/>.</summary>
    /// <param name="other">The options to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public ArabicNormalizerOptions(ArabicNormalizerOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FoldCompatibilityForms = other.FoldCompatibilityForms;
        ComposeHamza = other.ComposeHamza;
        _letters = other._letters;
        ContextualFarsiYeh = other.ContextualFarsiYeh;
        _digits = other._digits;
        _quotes = other._quotes;
        RemoveTatweel = other.RemoveTatweel;
        RemoveFormatControls = other.RemoveFormatControls;
        _zwnj = other._zwnj;
        NormalizeSpaces = other.NormalizeSpaces;
        CollapseSpaces = other.CollapseSpaces;
        RemoveDiacritics = other.RemoveDiacritics;
        FoldAlef = other.FoldAlef;
        FoldAlefMaksura = other.FoldAlefMaksura;
        FoldTehMarbuta = other.FoldTehMarbuta;
        AsciiPunctuation = other.AsciiPunctuation;
    }

    /// <summary>Gets or sets whether presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF) and Arabic mathematical
    /// symbols (U+1EE00..U+1EEFF) are replaced by their full NFKC mapping. Default: <see langword="true"/>.</summary>
    /// <remarks>The mapping can be longer than its source: U+FDFA becomes 18 characters.</remarks>
    public bool FoldCompatibilityForms { get; set; } = true;

    /// <summary>Gets or sets whether the Arabic marks of a combining sequence are put in canonical order and a hamza mark
    /// (U+0653..U+0655) composes with its letter as NFC composes it (NFC's eight Arabic pairs). Default:
    /// <see langword="true"/>.</summary>
    /// <remarks>A sequence of more than 30 marks is split as UAX #15's Stream-Safe Text Format splits it: a U+034F
    /// COMBINING GRAPHEME JOINER is written before the 31st non-starter.</remarks>
    public bool ComposeHamza { get; set; } = true;

    /// <summary>Gets or sets which spelling letter variants are mapped to. Default: <see cref="LetterTarget.Arabic"/>.</summary>
    /// <remarks>An undefined value is stored as given; the normalizer's constructor rejects it.</remarks>
    public LetterTarget Letters
    {
        get => _letters;
        set => _letters = value;
    }

    /// <summary>Gets or sets whether a FARSI YEH that ends a word becomes ALEF MAKSURA rather than YEH.
    /// Default: <see langword="false"/>.</summary>
    /// <remarks>Only applies when <see cref="Letters"/> is <see cref="LetterTarget.Arabic"/>; otherwise ignored.
    /// A word ends when the next output character is not an Arabic letter, mark or tatweel, or the text ends.</remarks>
    public bool ContextualFarsiYeh { get; set; }

    /// <summary>Gets or sets which digits Arabic-Indic and Persian digits are mapped to. Default: <see cref="DigitTarget.Ascii"/>.</summary>
    /// <remarks>An undefined value is stored as given; the normalizer's constructor rejects it.</remarks>
    public DigitTarget Digits
    {
        get => _digits;
        set => _digits = value;
    }

    /// <summary>Gets or sets what quotation marks become. Default: <see cref="QuoteTarget.Ascii"/>.</summary>
    /// <remarks>An undefined value is stored as given; the normalizer's constructor rejects it.</remarks>
    public QuoteTarget Quotes
    {
        get => _quotes;
        set => _quotes = value;
    }

    /// <summary>Gets or sets whether U+0640 TATWEEL is deleted. Default: <see langword="true"/>.</summary>
    public bool RemoveTatweel { get; set; } = true;

    /// <summary>Gets or sets whether invisible format controls (soft hyphen, bidi marks, embeddings, isolates,
    /// ZWSP, word joiner, BOM) are deleted. U+200D ZWJ is always kept. Default: <see langword="true"/>.</summary>
    public bool RemoveFormatControls { get; set; } = true;

    /// <summary>Gets or sets what happens to U+200C ZERO WIDTH NON-JOINER. Default: <see cref="ZwnjHandling.Remove"/>.</summary>
    /// <remarks>An undefined value is stored as given; the normalizer's constructor rejects it.</remarks>
    public ZwnjHandling Zwnj
    {
        get => _zwnj;
        set => _zwnj = value;
    }

    /// <summary>Gets or sets whether no-break, ideographic and other Unicode spaces become U+0020 SPACE.
    /// Line breaks and tabs are not touched. Default: <see langword="true"/>.</summary>
    public bool NormalizeSpaces { get; set; } = true;

    /// <summary>Gets or sets whether a run of U+0020 in the output becomes a single U+0020 (no trimming).
    /// Default: <see langword="false"/>.</summary>
    public bool CollapseSpaces { get; set; }

    /// <summary>Gets or sets whether Arabic diacritics (harakat, tanwin, shadda, sukun, Quranic marks) are deleted.
    /// Default: <see langword="false"/>.</summary>
    /// <remarks>U+0653..U+0655 are deleted only when they did not compose with the letter before them.</remarks>
    public bool RemoveDiacritics { get; set; }

    /// <summary>Gets or sets whether ALEF with MADDA, HAMZA ABOVE, HAMZA BELOW and WASLA become plain ALEF.
    /// Default: <see langword="false"/>.</summary>
    public bool FoldAlef { get; set; }

    /// <summary>Gets or sets whether U+0649 ALEF MAKSURA becomes U+064A YEH. Default: <see langword="false"/>.</summary>
    public bool FoldAlefMaksura { get; set; }

    /// <summary>Gets or sets whether U+0629 TEH MARBUTA becomes U+0647 HEH. Default: <see langword="false"/>.</summary>
    public bool FoldTehMarbuta { get; set; }

    /// <summary>Gets or sets whether the Arabic comma, semicolon, question mark and full stop become their ASCII
    /// counterparts. Default: <see langword="false"/>.</summary>
    public bool AsciiPunctuation { get; set; }

    /// <summary>Returns a string that lists every option and its value.</summary>
    /// <returns>The options as <c>Name=Value</c> pairs.</returns>
    public override string ToString() =>
        $"FoldCompatibilityForms={FoldCompatibilityForms}, ComposeHamza={ComposeHamza}, Letters={Letters}, " +
        $"ContextualFarsiYeh={ContextualFarsiYeh}, Digits={Digits}, Quotes={Quotes}, RemoveTatweel={RemoveTatweel}, " +
        $"RemoveFormatControls={RemoveFormatControls}, Zwnj={Zwnj}, NormalizeSpaces={NormalizeSpaces}, " +
        $"CollapseSpaces={CollapseSpaces}, RemoveDiacritics={RemoveDiacritics}, FoldAlef={FoldAlef}, " +
        $"FoldAlefMaksura={FoldAlefMaksura}, FoldTehMarbuta={FoldTehMarbuta}, AsciiPunctuation={AsciiPunctuation}";

    /// <summary>Creates options with every rule off: every <see cref="bool"/> option <see langword="false"/>, every enum
    /// option at its <c>Keep</c> value.</summary>
    /// <returns>A new instance; a normalizer built from it is the identity (no stage of the rule table is enabled).</returns>
    internal static ArabicNormalizerOptions None() => new()
    {
        FoldCompatibilityForms = false,
        ComposeHamza = false,
        Letters = LetterTarget.Keep,
        ContextualFarsiYeh = false,
        Digits = DigitTarget.Keep,
        Quotes = QuoteTarget.Keep,
        RemoveTatweel = false,
        RemoveFormatControls = false,
        Zwnj = ZwnjHandling.Keep,
        NormalizeSpaces = false,
        CollapseSpaces = false,
        RemoveDiacritics = false,
        FoldAlef = false,
        FoldAlefMaksura = false,
        FoldTehMarbuta = false,
        AsciiPunctuation = false,
    };

    /// <summary>Throws when an enum option holds a value its enum does not define.</summary>
    /// <param name="paramName">The parameter the options came in through, named in the exception.</param>
    internal void ThrowIfInvalid(string paramName)
    {
        CheckDefined(_letters, nameof(Letters), paramName);
        CheckDefined(_digits, nameof(Digits), paramName);
        CheckDefined(_quotes, nameof(Quotes), paramName);
        CheckDefined(_zwnj, nameof(Zwnj), paramName);
    }

    private static void CheckDefined<T>(T value, string option, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"{nameof(ArabicNormalizerOptions)}.{option} is {value}, which is not a defined {typeof(T).Name} value (expected one of {string.Join(", ", Enum.GetNames<T>())}).");
        }
    }
}
