using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArabicNorm.Internal;

/// <summary>
/// Runs the normalization contract one character at a time, over UTF-16 or UTF-8 code units. This loop is the
/// specification: every faster path must produce exactly what it produces.
/// </summary>
/// <typeparam name="TUnit">The code unit.</typeparam>
/// <typeparam name="TCodec">How characters are read from and written to code units.</typeparam>
/// <remarks>
/// <para>The output is built as a sequence of <em>entries</em>: the output of one source character, or of several
/// when a later one reaches back into it (a hamza mark composing with its base, a space collapsing into the space
/// before). Only the last entry can still change, and only through the next characters: a composition base may
/// take a hamza mark, a contextual FARSI YEH waits for the next output character, and a space may absorb the
/// spaces after it. A combining sequence (a starter and the Arabic marks after it, spec 3.2) is one entry while it can
/// still change: a later mark may sort in front of earlier ones or compose with the base. UAX #15's Stream-Safe Text
/// Format bounds it: a sequence that reaches 30 non-starters is closed by a U+034F COMBINING GRAPHEME JOINER before the
/// next mark, so an entry, and what a call gives back, stays short whatever the input.</para>
/// <para>The engine is stateless across calls. When a call cannot finish an entry (the source ends with
/// <c>isFinalBlock: false</c>, or the destination fills up in the middle of a dependent character), it gives back the
/// whole open entry, so that the next call, which starts from the consumed count, sees the context again.</para>
/// <para>Positions (consumed, written, entry starts, source offsets) are counted in code units.</para>
/// </remarks>
internal ref struct NormalizationEngine<TUnit, TCodec>
    where TUnit : unmanaged
    where TCodec : struct, ICodeUnitCodec<TUnit>
{
    private readonly NormalizationTables _tables;
    private readonly ReadOnlySpan<char> _map;
    private readonly Span<TUnit> _dst;

    // When not empty: receives, for every output unit, the source index of the character that produced it.
    private readonly Span<int> _sourceIndexes;
    private readonly bool _recordSourceIndexes;

    // Whether plain runs go through the vector strategy (UTF-16 without a recorder), and where it may next be tried.
    private readonly bool _vectorize;
    private int _vectorResume;
    private int _vectorBackOff = PlainRunTranslator.BlockSize / 2;

    // The output, its last character, the last entry and the open combining sequence: shared with the vector path.
    private EngineState _s;

    // The source character being processed.
    private int _charStart;
    private int _charOutStart;
    private Touch _touch;

    // When not empty: set, for every source character that was dropped without effect, at its first unit.
    private readonly Span<bool> _dropped;
    private bool _charIsWhole;      // the character being processed is one source character, not an expansion part

    // The state just before the last unpaired high surrogate was written: deletions may join it to a low surrogate.
    private Snapshot _beforeLoneHigh;

    private NormalizationEngine(NormalizationTables tables, Span<TUnit> destination, Span<int> sourceIndexes, Span<bool> dropped = default)
    {
        _dropped = dropped;
        _tables = tables;
        _map = tables.Map;
        _dst = destination;
        _sourceIndexes = sourceIndexes;
        _recordSourceIndexes = !sourceIndexes.IsEmpty;
        _vectorize = typeof(TUnit) == typeof(char) && !_recordSourceIndexes && dropped.IsEmpty && tables.PlainRun.IsEnabled;
        _s = EngineState.Initial;
    }

    private enum Touch
    {
        None,
        ComposedIntoPrevious, // composed with, or sorted into, the combining sequence of the previous entry
        CollapsedIntoPrevious,
    }

    // What an unpaired high surrogate's take-back restores: the whole state, and where the high half starts.
    private struct Snapshot
    {
        public int Source;
        public EngineState State;
    }

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="source">The text to normalize; must not overlap <paramref name="destination"/>.</param>
    /// <param name="destination">Receives the output.</param>
    /// <param name="sourceIndexes">Empty, or at least as long as <paramref name="destination"/>: receives for each
    /// output unit the index of the source unit where the character that produced it starts (a composition maps to
    /// its base, an expansion to its one source character).</param>
    /// <param name="consumed">How much of the source the written output stands for.</param>
    /// <param name="written">How much output was written.</param>
    /// <param name="isFinalBlock">Whether the source is the end of the text.</param>
    /// <returns>The outcome, as <see cref="ArabicNormalizer.Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>
    /// documents it; <see cref="OperationStatus.InvalidData"/> when the codec finds invalid units at <paramref name="consumed"/>.</returns>
    [SkipLocalsInit] // the constructor writes every field (C# zeroes those it does not name): no prologue zeroing
    internal static OperationStatus Run(
        NormalizationTables tables,
        ReadOnlySpan<TUnit> source,
        Span<TUnit> destination,
        Span<int> sourceIndexes,
        out int consumed,
        out int written,
        bool isFinalBlock)
    {
        var engine = new NormalizationEngine<TUnit, TCodec>(tables, destination, sourceIndexes);
        return engine.Run(source, out consumed, out written, isFinalBlock);
    }

    /// <summary>Finds the source characters a held-back tail can lose without changing its output: those the rules
    /// delete (tatweel, controls, diacritics, a hamza mark that did not compose) where deleting them reads and changes
    /// no context.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="source">The tail, starting where the engine gave it back (a point it restarts from without context).</param>
    /// <param name="scratch">Room for the output, which is thrown away.</param>
    /// <param name="dropped">As long as <paramref name="source"/>: set at the first unit of each such character.</param>
    /// <remarks>A character's fate depends only on what comes before it, and a call that starts at the tail's start
    /// rebuilds that context exactly (law L4), so what this finds holds for the real run too.</remarks>
    internal static void FindDropped(NormalizationTables tables, ReadOnlySpan<TUnit> source, Span<TUnit> scratch, Span<bool> dropped)
    {
        while (!source.IsEmpty)
        {
            var engine = new NormalizationEngine<TUnit, TCodec>(tables, scratch, default, dropped);
            OperationStatus status = engine.Run(source, out int consumed, out _, isFinalBlock: false);
            if (status != OperationStatus.DestinationTooSmall || consumed == 0)
            {
                return; // NeedMoreData or Done: everything was seen; InvalidData: the rest is kept
            }

            source = source[consumed..];
            dropped = dropped[consumed..];
        }
    }

    private OperationStatus Run(ReadOnlySpan<TUnit> src, out int consumed, out int written, bool isFinalBlock)
    {
        int i = 0;
        while (i < src.Length)
        {
            if (_vectorize && !_s.PendingYeh && i >= _vectorResume
                && src.Length - i >= PlainRunTranslator.BlockSize && _dst.Length - _s.Out >= PlainRunTranslator.BlockSize)
            {
                // Whole blocks that need no context this loop keeps go through the vector path; it leaves the state
                // exactly as this loop would, and stops in front of anything else.
                i = TranslatePlainRun(src, i);
                if (i >= src.Length)
                {
                    break;
                }
            }

            int length = TCodec.Read(src, i, isFinalBlock, out int value);
            if (length <= 0)
            {
                if (length == 0)
                {
                    break; // cut off by the end of a non-final block: held back below
                }

                // Invalid input is reported at its exact offset; what came before stands as if the text ended there.
                consumed = i;
                written = _s.Out;
                return OperationStatus.InvalidData;
            }

            char m = value <= 0xFFFF ? _map[value] : NormalizationTables.HighSurrogate;
            if (!NormalizationTables.IsSpecial(m))
            {
                // The common case: a one-to-one rule (or none). The character is an entry of its own.
                if (_s.PendingYeh)
                {
                    ResolveYeh(m);
                }

                int n = TCodec.Write(_dst, _s.Out, m);
                if (n == 0)
                {
                    consumed = i;
                    written = _s.Out;
                    return OperationStatus.DestinationTooSmall;
                }

                Record(_s.Out, n, i);
                _s.LastOut = _s.Out;
                _s.LastChar = m;
                _s.LastX = (char)value;
                _s.EntryStart = i;
                _s.EntryOutStart = _s.Out;
                _s.Out += n;
                i += length;
                continue;
            }

            BeginChar(i, whole: value <= 0xFFFF && m < NormalizationTables.ExpansionBase);
            bool ok;
            if (value > 0xFFFF)
            {
                ok = ProcessSupplementary(value);
            }
            else if (m >= NormalizationTables.ExpansionBase)
            {
                ok = ProcessFolded(_tables.GetExpansion(m));
            }
            else
            {
                ok = ProcessFolded((char)value, m);
            }

            if (!ok)
            {
                return GiveBackFailedChar(out consumed, out written);
            }

            EndChar();
            i += length;
        }

        if (!isFinalBlock && IsLastEntryOpen())
        {
            // The next block could still change the last entry: give it back with whatever followed it. An unpaired
            // high half that a later low half may join goes back with the contextual yeh it resolved, since the pair
            // (a letter) would resolve that yeh otherwise.
            bool yehBeforeHigh = char.IsHighSurrogate(_s.LastChar) && _beforeLoneHigh.Source == _s.EntryStart
                && _beforeLoneHigh.State.PendingYeh;
            consumed = yehBeforeHigh ? _beforeLoneHigh.State.EntryStart : _s.EntryStart;
            written = yehBeforeHigh ? _beforeLoneHigh.State.EntryOutStart : _s.EntryOutStart;
            return OperationStatus.NeedMoreData;
        }

        // A contextual yeh still pending here ends the text: its provisional (word-final) form stands.
        consumed = i;
        written = _s.Out;
        return i == src.Length ? OperationStatus.Done : OperationStatus.NeedMoreData;
    }

    private int TranslatePlainRun(ReadOnlySpan<TUnit> src, int i)
    {
        int next = _tables.PlainRun.Strategy.Translate(
            _tables, MemoryMarshal.Cast<TUnit, char>(src), i, MemoryMarshal.Cast<TUnit, char>(_dst), ref _s, out bool stopped);

        // After a stop the scalar loop takes the one character and the vector path goes on behind it; when not even
        // one block went through (hamza marks, marks out of canonical order, say), the loop runs a while before the
        // next try.
        // The wait doubles with every short run in a row (up to 512 code units), so dense text pays the vector setup
        // rarely, and a long run brings it back to half a block.
        if (next - i >= PlainRunTranslator.BlockSize)
        {
            _vectorBackOff = PlainRunTranslator.BlockSize / 2;
            _vectorResume = stopped ? next + 1 : next;
        }
        else
        {
            _vectorResume = Math.Max(next, i) + _vectorBackOff;
            _vectorBackOff = Math.Min(_vectorBackOff * 2, 512);
        }
        return next;
    }

    private readonly bool IsLastEntryOpen() =>
        _s.LastOut >= 0
        && (_s.PendingYeh
            || (_tables.CollapseSpaces && _s.LastChar == ' ')
            || (_tables.FoldCompatibilityForms && _s.LastChar == '\uD83B') // an unpaired high half of U+1EE00..U+1EEFF
            || (_tables.ComposeHamza && IsSequenceOpen()));

    // Whether a later mark could be treated otherwise by a call that starts at it without context: it could sort in
    // front of the sequence's marks, compose with its base, or be split off by a joiner because the sequence's count
    // of non-starters (which a precomposed base starts at one) is already high. Only a sequence with none of these is
    // the same as no sequence at all to the mark that follows it.
    private readonly bool IsSequenceOpen()
    {
        if (_s.SeqEnd != _s.Out)
        {
            // The output ends with a starter: it is the base of the sequence the next mark would open.
            // A compatibility form the tables fold one-to-one stands for its letter (NormalizationTables.Unfold).
            char baseX = _tables.Unfold(_s.LastX);
            return NormalizationTables.IsCompositionBase(baseX) || NormalizationTables.IsCompositionBase(_s.LastChar)
                || NormalizationTables.TrailingNonStarters(baseX) != 0;
        }

        return _s.SeqCount != 0
            || (_s.SeqBase >= 0
                && (NormalizationTables.IsCompositionBase(_s.SeqBaseX) || NormalizationTables.IsCompositionBase(_s.SeqBaseChar)));
    }

    private void BeginChar(int index, bool whole = false)
    {
        _charStart = index;
        _charOutStart = _s.Out;
        _touch = Touch.None;
        _charIsWhole = whole;
    }

    // A source character deleted without reading or changing any context: a held-back tail may lose it.
    private readonly void Drop()
    {
        if (_charIsWhole && !_dropped.IsEmpty)
        {
            _dropped[_charStart] = true;
        }
    }

    private void EndChar()
    {
        switch (_touch)
        {
            case Touch.None:
                if (_s.Out > _charOutStart)
                {
                    _s.EntryStart = _charStart;
                    _s.EntryOutStart = _charOutStart;
                }

                // A character that wrote nothing (a deletion) leaves the last entry as it was.
                break;
            case Touch.ComposedIntoPrevious:
                // The character now belongs to the previous entry, whatever it wrote after the composition.
                break;
            case Touch.CollapsedIntoPrevious:
                // When the previous entry is that single space, this character's own space can stand for the run:
                // giving back from here (and un-writing the space) keeps the output the same and makes progress.
                if (_s.Out == _charOutStart && _s.EntryOutStart == _s.LastOut)
                {
                    _s.EntryStart = _charStart;
                }

                break;
        }
    }

    private readonly OperationStatus GiveBackFailedChar(out int consumed, out int written)
    {
        // A character's output is written whole or not at all (law L4). When it already reached into the previous
        // entry (a composition, or a leading space collapsed into the space before), that entry goes back too, since
        // the next call could not see it; giving the whole entry back also keeps the source indices the same.
        if (_touch == Touch.None)
        {
            consumed = _charStart;
            written = _charOutStart;
        }
        else
        {
            consumed = _s.EntryStart;
            written = _s.EntryOutStart;
        }

        return OperationStatus.DestinationTooSmall;
    }

    private bool ProcessSupplementary(int value)
    {
        if (_tables.TryGetSupplementaryExpansion(value, out ReadOnlySpan<char> mapping))
        {
            return ProcessFolded(mapping);
        }

        return Emit(value, '\uFFFF', '\uFFFF');
    }

    private bool ProcessFolded(ReadOnlySpan<char> folded)
    {
        foreach (char x in folded)
        {
            if (!ProcessFolded(x, _map[x]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Applies the rules to one character after compatibility folding.</summary>
    private bool ProcessFolded(char x, char m)
    {
        if (!NormalizationTables.IsSpecial(m))
        {
            return Emit(m, m, x);
        }

        switch (m)
        {
            case NormalizationTables.Delete:
                Drop();
                return true;

            case NormalizationTables.HamzaMark:
                return ProcessMark(x, hamza: true);

            case NormalizationTables.CombiningMark:
                return ProcessMark(x, hamza: false);

            case NormalizationTables.ContextualYeh:
                if (!Emit(_tables.FinalYeh, _tables.FinalYeh, x))
                {
                    return false;
                }

                _s.PendingYeh = true;
                return true;

            case NormalizationTables.CollapsibleSpace:
                if (_s.LastOut >= 0 && _s.LastChar == ' ')
                {
                    if (_s.LastOut < _charOutStart)
                    {
                        _touch = Touch.CollapsedIntoPrevious;
                    }

                    return true;
                }

                return Emit(' ', ' ', x);

            default:
                // An unpaired surrogate (UTF-16 only); folded characters are never surrogates.
                return ProcessUnpairedSurrogate(x);
        }
    }

    /// <summary>Adds an Arabic mark to the combining sequence the output ends with (spec 3.2).</summary>
    /// <remarks>
    /// <para>As NFC: the marks of a sequence stay sorted by combining class, a mark of a class going after the marks of
    /// that class already there (a stable sort), and a hamza mark composes with the base unless a mark of its class
    /// stands before it (a mark of a lower class sorts in front and does not block; one of a higher class sorts
    /// behind). Deleted marks are no part of the sequence.</para>
    /// <para>The Stream-Safe Text Format (UAX #15 section 13) bounds a sequence: a mark that would be its 31st
    /// non-starter is put after a U+034F COMBINING GRAPHEME JOINER, which ends the sequence, so that mark starts a new
    /// one without a base. The joiner is output: it keeps the split where it is when the output is normalized again.</para>
    /// </remarks>
    private bool ProcessMark(char x, bool hamza)
    {
        if (_s.SeqEnd != _s.Out)
        {
            OpenSequence();
        }

        // The sequence began before this character: touching it touches the previous entry, which goes back whole
        // if this character cannot be finished.
        if ((_s.SeqBase >= 0 ? _s.SeqBase : _s.SeqMarks) < _charOutStart)
        {
            _touch = Touch.ComposedIntoPrevious;
        }

        byte ccc = NormalizationTables.CombiningClass(x);
        int classBit = ccc == 220 ? 1 : ccc == 230 ? 2 : 0;
        if (hamza)
        {
            if (_s.SeqBase >= 0 && _s.SeqCount < NormalizationTables.MaxNonStarters && (_s.SeqClasses & classBit) == 0
                && NormalizationTables.ReleasedMark(_s.SeqBaseX, x) is char released and not '\0')
            {
                return ComposeBelow(released);
            }

            if (_s.SeqBase >= 0 && _s.SeqCount < NormalizationTables.MaxNonStarters && (_s.SeqClasses & classBit) == 0)
            {
                // 3.2 composes on the letter as folded, and again on what the letter rules made of it. A pending
                // contextual yeh is YEH before a mark; it stays pending unless the mark composes with it or is
                // written (Emit settles it), since a deleted mark is no next output character (3.3).
                bool yehPending = _s.PendingYeh && _s.LastOut == _s.SeqBase;
                char composed = NormalizationTables.Compose(_s.SeqBaseX, x);
                if (composed == '\0')
                {
                    composed = NormalizationTables.Compose(yehPending ? '\u064A' /* YEH */ : _s.SeqBaseChar, x);
                }

                if (composed != '\0')
                {
                    _s.PendingYeh = false;
                    if (_recordSourceIndexes && _s.SeqMarks < _s.Out)
                    {
                        // Composed across marks: the base and the marks between map to the base, so that the source
                        // range of the letter still covers the hamza mark it took.
                        _sourceIndexes[_s.SeqMarks.._s.Out].Fill(_sourceIndexes[_s.SeqBase]);
                    }

                    char mapped = _map[composed];
                    TCodec.Rewrite(_dst, _s.SeqBase, mapped);
                    _s.SeqBaseChar = mapped;
                    _s.SeqBaseX = composed;
                    if (_s.LastOut == _s.SeqBase)
                    {
                        _s.LastChar = mapped;
                        _s.LastX = composed;
                    }

                    _s.SeqCount++;
                    return true;
                }
            }

            if (_tables.RemoveDiacritics)
            {
                // An uncomposed hamza mark is a diacritic like any other: deleted, it is no part of the sequence.
                Drop();
                return true;
            }
        }

        if (_s.SeqCount >= NormalizationTables.MaxNonStarters && !SplitSequence())
        {
            return false;
        }

        bool written = ccc >= _s.SeqLastClass ? Emit(x, x, x) : InsertMark(x, ccc);
        if (!written)
        {
            return false;
        }

        _s.SeqLastClass = Math.Max(_s.SeqLastClass, ccc);
        _s.SeqClasses |= (byte)classBit;
        _s.SeqCount++;
        _s.SeqEnd = _s.Out;
        return true;
    }

    // HAMZA BELOW after ALEF WITH MADDA ABOVE or WITH HAMZA ABOVE (composed here or precomposed): NFC decomposes the
    // letter, sorts HAMZA BELOW (220) in front of the MADDA or HAMZA ABOVE (230) and composes it instead. So the base
    // becomes ALEF WITH HAMZA BELOW and the other mark stands, first of its class (or is deleted as a diacritic).
    private bool ComposeBelow(char released)
    {
        char composite = '\u0625'; // ALEF WITH HAMZA BELOW
        char absorbed = NormalizationTables.Compose(_map[composite], released);
        if (absorbed != '\0')
        {
            // A fold made the base ALEF again (FoldAlef): the released mark composes with it, as a mark after a
            // folded letter does (3.2), and the letter folds once more.
            composite = absorbed;
        }
        else if (_tables.RemoveDiacritics)
        {
            _s.SeqCount--; // the released mark is deleted: no part of the sequence
        }
        else
        {
            bool wasLast = _s.LastOut == _s.SeqBase;
            if (!InsertMark(released, 229))
            {
                return false;
            }

            if (wasLast)
            {
                _s.LastOut = _s.SeqMarks;
                _s.LastChar = released;
                _s.LastX = released;
            }

            if (_recordSourceIndexes)
            {
                // The released mark comes from the base: the sequence's marks all map to the base's source character.
                _sourceIndexes[_s.SeqMarks.._s.Out].Fill(_sourceIndexes[_s.SeqBase]);
            }

            _s.SeqLastClass = Math.Max(_s.SeqLastClass, (byte)230);
            _s.SeqClasses |= 2;
        }

        char mapped = _map[composite]; // through the letter and fold rules
        TCodec.Rewrite(_dst, _s.SeqBase, mapped);
        _s.SeqBaseChar = mapped;
        _s.SeqBaseX = composite;
        if (_s.LastOut == _s.SeqBase)
        {
            _s.LastChar = mapped;
            _s.LastX = composite;
        }

        _s.SeqCount++;
        _s.SeqEnd = _s.Out;
        return true;
    }

    private void OpenSequence()
    {
        // The last output character is a starter (or there is none yet in this call): it is the base.
        _s.SeqBase = _s.LastOut;
        _s.SeqBaseChar = _s.LastChar;
        _s.SeqBaseX = _tables.Unfold(_s.LastX); // a compatibility form folded one-to-one stands for its letter
        _s.SeqCount = _s.LastOut >= 0 ? NormalizationTables.TrailingNonStarters(_s.SeqBaseX) : 0;
        _s.SeqMarks = _s.Out;
        _s.SeqLastClass = 0;
        _s.SeqClasses = 0;
        _s.SeqEnd = _s.Out;
    }

    // Writes the joiner that ends a full sequence; the mark being processed then starts a new one without a base.
    private bool SplitSequence()
    {
        // The joiner closes the previous entry: it maps to the last character written (the sequence's last mark).
        int index = _recordSourceIndexes ? _sourceIndexes[_s.LastOut] : 0;
        int n = TCodec.Write(_dst, _s.Out, NormalizationTables.GraphemeJoiner);
        if (n == 0)
        {
            _touch = Touch.ComposedIntoPrevious; // the whole sequence goes back, so the next call splits it again
            return false;
        }

        Record(_s.Out, n, index);
        bool first = _charOutStart == _s.Out;
        _s.LastOut = _s.Out;
        _s.LastChar = NormalizationTables.GraphemeJoiner;
        _s.LastX = NormalizationTables.GraphemeJoiner;
        _s.Out += n;
        if (first)
        {
            // Nothing of this character is written yet: the joiner stays with the previous entry, and this character
            // starts an entry of its own, from which a later call can start without context.
            _charOutStart = _s.Out;
            _touch = Touch.None;
        }

        _s.SeqBase = -1;
        _s.SeqCount = 0;
        _s.SeqMarks = _s.Out;
        _s.SeqLastClass = 0;
        _s.SeqClasses = 0;
        _s.SeqEnd = _s.Out;
        return true;
    }

    // Sorts a mark in front of the sequence's marks of a higher class, as canonical ordering does.
    private bool InsertMark(char x, byte ccc)
    {
        int position = _s.SeqMarks;
        while (position < _s.Out)
        {
            int length = TCodec.Read(_dst[.._s.Out], position, isFinalBlock: true, out int value);
            if (NormalizationTables.CombiningClass(value) > ccc)
            {
                break;
            }

            position += length;
        }

        Span<TUnit> encoded = stackalloc TUnit[4];
        int n = TCodec.Write(encoded, 0, x);
        if (_s.Out + n > _dst.Length)
        {
            return false;
        }

        _dst[position.._s.Out].CopyTo(_dst[(position + n)..]);
        encoded[..n].CopyTo(_dst[position..]);
        if (_recordSourceIndexes && position < _s.Out)
        {
            // The moved stretch (this mark and the marks it went in front of) maps to where the first of them starts
            // in the source: the indices stay non-decreasing, and a range over any of them covers all of them.
            _sourceIndexes[position.._s.Out].CopyTo(_sourceIndexes[(position + n)..]);
            _sourceIndexes[position..(_s.Out + n)].Fill(_sourceIndexes[position + n]);
        }

        if (position == _s.Out)
        {
            // Appended (only a released mark can be): it is the last character now.
            _s.LastOut = position;
            _s.LastChar = x;
            _s.LastX = x;
        }
        else
        {
            _s.LastOut += n;
        }

        _s.Out += n;
        return true;
    }

    private bool ProcessUnpairedSurrogate(char x)
    {
        if (char.IsHighSurrogate(x))
        {
            _beforeLoneHigh = new Snapshot { Source = _charStart, State = _s };
        }
        else if (_s.LastOut >= 0 && char.IsHighSurrogate(_s.LastChar)
            && _tables.TryGetSupplementaryExpansion(char.ConvertToUtf32(_s.LastChar, x), out ReadOnlySpan<char> mapping))
        {
            // Deletions between two unpaired halves joined them into an Arabic mathematical symbol. A second pass would
            // fold that pair (law L1), so this one does: the high half is taken back and the pair is one character
            // that starts where the high half did.
            Snapshot before = _beforeLoneHigh;
            _s = before.State;
            _charStart = before.Source;
            _charOutStart = before.State.Out;
            return ProcessFolded(mapping);
        }

        return Emit(x, x, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Emit(int value, char output, char folded)
    {
        if (_s.PendingYeh)
        {
            ResolveYeh(output);
        }

        int n = TCodec.Write(_dst, _s.Out, value);
        if (n == 0)
        {
            return false;
        }

        Record(_s.Out, n, _charStart);
        _s.LastOut = _s.Out;
        _s.LastChar = output;
        _s.LastX = folded;
        _s.Out += n;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Record(int outIndex, int count, int sourceIndex)
    {
        if (_recordSourceIndexes)
        {
            _sourceIndexes.Slice(outIndex, count).Fill(sourceIndex);
        }
    }

    private void ResolveYeh(char next)
    {
        // 3.3: the yeh ends its word unless the next output character is an Arabic letter, mark or tatweel.
        char yeh = NormalizationTables.IsArabicWordCharacter(next) ? '\u064A' /* YEH */ : _tables.FinalYeh;
        TCodec.Rewrite(_dst, _s.LastOut, yeh);
        _s.LastChar = yeh;
        _s.PendingYeh = false;
        if (_s.SeqBase == _s.LastOut)
        {
            _s.SeqBaseChar = yeh; // a mark is being written after it: a later hamza mark composes with what it became
        }
    }
}
