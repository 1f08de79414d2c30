namespace ArabicNorm.Internal;

/// <summary>
/// Holds the state of one normalization call that the scalar loop, the vector path and the surrogate snapshot share:
/// the output written so far, its last character, the last entry, and the combining sequence the output ends with.
/// </summary>
/// <remarks>
/// <para>One struct, passed by reference: <see cref="NormalizationEngine{TUnit, TCodec}"/> keeps it as a field, hands
/// it to <see cref="VectorStrategy.Translate"/> (which leaves it exactly as the scalar loop would have left it for the
/// text it translated), and copies it whole to take back an unpaired high surrogate.</para>
/// <para>Positions are counted in code units.</para>
/// </remarks>
internal struct EngineState
{
    /// <summary>The output position.</summary>
    public int Out;

    /// <summary>Where the last output character starts; -1 before the first.</summary>
    public int LastOut;

    /// <summary>The last output character (BMP; supplementary ones are recorded as U+FFFF).</summary>
    public char LastChar;

    /// <summary>The last output character before the letter and fold rules: composition looks at both.</summary>
    public char LastX;

    /// <summary>Whether the last character is a contextual FARSI YEH waiting for the next output character.</summary>
    public bool PendingYeh;

    /// <summary>Where the last entry starts in the source: what a call gives back when it must.</summary>
    public int EntryStart;

    /// <summary>Where the last entry starts in the output.</summary>
    public int EntryOutStart;

    /// <summary>The output position after the last mark of the combining sequence the output ends with. The sequence
    /// is valid while this equals <see cref="Out"/>: any output written since (a starter) starts a new one; deletions
    /// write nothing and keep it.</summary>
    public int SeqEnd;

    /// <summary>Where the sequence's base starts in the output; -1 when it has none (call start, or a split).</summary>
    public int SeqBase;

    /// <summary>The sequence's base as output.</summary>
    public char SeqBaseChar;

    /// <summary>The sequence's base before the letter and fold rules.</summary>
    public char SeqBaseX;

    /// <summary>Where the sequence's marks start in the output.</summary>
    public int SeqMarks;

    /// <summary>The sequence's non-starters as UAX #15 counts them (composed hamza marks included).</summary>
    public int SeqCount;

    /// <summary>The highest class among the sequence's marks (the last one, since they are sorted).</summary>
    public byte SeqLastClass;

    /// <summary>Bit 0: the sequence has a written mark of class 220; bit 1: of class 230 (they block hamza marks).</summary>
    public byte SeqClasses;

    /// <summary>Gets the state of a call that has written nothing yet.</summary>
    public static EngineState Initial => new() { LastOut = -1, SeqEnd = -1 };
}
