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
/// spaces after it.</para>
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

    // The output written so far and its last character.
    private int _o;
    private int _lastOut;       // where the last output character starts; -1 before the first
    private char _lastChar;     // the last output character (BMP; supplementary ones are recorded as U+FFFF)
    private char _lastX;        // that character before the letter and fold rules: composition looks at both
    private bool _pendingYeh;   // the last character is a contextual FARSI YEH waiting for the next output character

    // Where the last entry begins in the source and in the output: what a call gives back when it must.
    private int _entryStart;
    private int _entryOutStart;

    // The source character being processed.
    private int _charStart;
    private int _charOutStart;
    private Touch _touch;

    // The state just before the last unpaired high surrogate was written: deletions may join it to a low surrogate.
    private Snapshot _beforeLoneHigh;

    private NormalizationEngine(NormalizationTables tables, Span<TUnit> destination, Span<int> sourceIndexes)
    {
        _tables = tables;
        _map = tables.Map;
        _dst = destination;
        _sourceIndexes = sourceIndexes;
        _recordSourceIndexes = !sourceIndexes.IsEmpty;
        _vectorize = typeof(TUnit) == typeof(char) && !_recordSourceIndexes && tables.PlainRun.IsEnabled;
        _lastOut = -1;
    }

    private enum Touch
    {
        None,
        ComposedIntoPrevious,
        CollapsedIntoPrevious,
    }

    private struct Snapshot
    {
        public int Source;
        public int Out;
        public int LastOut;
        public char LastChar;
        public char LastX;
        public bool PendingYeh;
        public int EntryStart;
        public int EntryOutStart;
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

    private OperationStatus Run(ReadOnlySpan<TUnit> src, out int consumed, out int written, bool isFinalBlock)
    {
        int i = 0;
        while (i < src.Length)
        {
            if (_vectorize && !_pendingYeh && i >= _vectorResume
                && src.Length - i >= PlainRunTranslator.BlockSize && _dst.Length - _o >= PlainRunTranslator.BlockSize)
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
                written = _o;
                return OperationStatus.InvalidData;
            }

            char m = value <= 0xFFFF ? _map[value] : NormalizationTables.HighSurrogate;
            if (!NormalizationTables.IsSpecial(m))
            {
                // The common case: a one-to-one rule (or none). The character is an entry of its own.
                if (_pendingYeh)
                {
                    ResolveYeh(m);
                }

                int n = TCodec.Write(_dst, _o, m);
                if (n == 0)
                {
                    consumed = i;
                    written = _o;
                    return OperationStatus.DestinationTooSmall;
                }

                Record(_o, n, i);
                _lastOut = _o;
                _lastChar = m;
                _lastX = (char)value;
                _entryStart = i;
                _entryOutStart = _o;
                _o += n;
                i += length;
                continue;
            }

            BeginChar(i);
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
            // The next block could still change the last entry: give it back with whatever followed it.
            consumed = _entryStart;
            written = _entryOutStart;
            return OperationStatus.NeedMoreData;
        }

        // A contextual yeh still pending here ends the text: its provisional (word-final) form stands.
        consumed = i;
        written = _o;
        return i == src.Length ? OperationStatus.Done : OperationStatus.NeedMoreData;
    }

    private int TranslatePlainRun(ReadOnlySpan<TUnit> src, int i)
    {
        var state = new PlainRunTranslator.State
        {
            Out = _o,
            LastOut = _lastOut,
            LastChar = _lastChar,
            LastX = _lastX,
            EntryStart = _entryStart,
            EntryOutStart = _entryOutStart,
        };
        int next = _tables.PlainRun.Strategy.Translate(
            _tables, MemoryMarshal.Cast<TUnit, char>(src), i, MemoryMarshal.Cast<TUnit, char>(_dst), ref state, out bool stopped);
        _o = state.Out;
        _lastOut = state.LastOut;
        _lastChar = state.LastChar;
        _lastX = state.LastX;
        _entryStart = state.EntryStart;
        _entryOutStart = state.EntryOutStart;

        // After a stop the scalar loop takes the one character and the vector path goes on behind it; when not even
        // one block went through (presentation forms, say), the loop runs a while before the next try.
        _vectorResume = next > i ? (stopped ? next + 1 : next) : i + (PlainRunTranslator.BlockSize / 2);
        return next;
    }

    private readonly bool IsLastEntryOpen() =>
        _lastOut >= 0
        && (_pendingYeh
            || (_tables.CollapseSpaces && _lastChar == ' ')
            || (_tables.FoldCompatibilityForms && _lastChar == '\uD83B') // an unpaired high half of U+1EE00..U+1EEFF
            || (_tables.ComposeHamza
                && (NormalizationTables.IsCompositionBase(_tables.Unfold(_lastX)) || NormalizationTables.IsCompositionBase(_lastChar))));

    private void BeginChar(int index)
    {
        _charStart = index;
        _charOutStart = _o;
        _touch = Touch.None;
    }

    private void EndChar()
    {
        switch (_touch)
        {
            case Touch.None:
                if (_o > _charOutStart)
                {
                    _entryStart = _charStart;
                    _entryOutStart = _charOutStart;
                }

                // A character that wrote nothing (a deletion) leaves the last entry as it was.
                break;
            case Touch.ComposedIntoPrevious:
                // The character now belongs to the previous entry, whatever it wrote after the composition.
                break;
            case Touch.CollapsedIntoPrevious:
                // When the previous entry is that single space, this character's own space can stand for the run:
                // giving back from here (and un-writing the space) keeps the output the same and makes progress.
                if (_o == _charOutStart && _entryOutStart == _lastOut)
                {
                    _entryStart = _charStart;
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
            consumed = _entryStart;
            written = _entryOutStart;
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
                return true;

            case NormalizationTables.HamzaMark:
                if (_lastOut >= 0)
                {
                    // 3.2 composes on the letter as folded, and again on what the letter rules made of it. A pending
                    // contextual yeh is YEH before a mark; it stays pending unless the mark composes with it or is
                    // written (Emit settles it), since a deleted mark is no next output character (3.3).
                    char composed = NormalizationTables.Compose(_tables.Unfold(_lastX), x);
                    if (composed == '\0')
                    {
                        composed = NormalizationTables.Compose(_pendingYeh ? '\u064A' /* YEH */ : _lastChar, x);
                    }

                    if (composed != '\0')
                    {
                        _pendingYeh = false;
                        char mapped = _map[composed];
                        TCodec.Rewrite(_dst, _lastOut, mapped);
                        _lastChar = mapped;
                        _lastX = composed;
                        if (_lastOut < _charOutStart)
                        {
                            _touch = Touch.ComposedIntoPrevious;
                        }

                        return true;
                    }
                }

                // An uncomposed hamza mark is a diacritic like any other.
                return _tables.RemoveDiacritics || Emit(x, x, x);

            case NormalizationTables.ContextualYeh:
                if (!Emit(_tables.FinalYeh, _tables.FinalYeh, x))
                {
                    return false;
                }

                _pendingYeh = true;
                return true;

            case NormalizationTables.CollapsibleSpace:
                if (_lastOut >= 0 && _lastChar == ' ')
                {
                    if (_lastOut < _charOutStart)
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

    private bool ProcessUnpairedSurrogate(char x)
    {
        if (char.IsHighSurrogate(x))
        {
            _beforeLoneHigh = new Snapshot
            {
                Source = _charStart,
                Out = _o,
                LastOut = _lastOut,
                LastChar = _lastChar,
                LastX = _lastX,
                PendingYeh = _pendingYeh,
                EntryStart = _entryStart,
                EntryOutStart = _entryOutStart,
            };
        }
        else if (_lastOut >= 0 && char.IsHighSurrogate(_lastChar)
            && _tables.TryGetSupplementaryExpansion(char.ConvertToUtf32(_lastChar, x), out ReadOnlySpan<char> mapping))
        {
            // Deletions between two unpaired halves joined them into an Arabic mathematical symbol. A second pass would
            // fold that pair (law L1), so this one does: the high half is taken back and the pair is one character
            // that starts where the high half did.
            Snapshot before = _beforeLoneHigh;
            _o = before.Out;
            _lastOut = before.LastOut;
            _lastChar = before.LastChar;
            _lastX = before.LastX;
            _pendingYeh = before.PendingYeh;
            _entryStart = before.EntryStart;
            _entryOutStart = before.EntryOutStart;
            _charStart = before.Source;
            _charOutStart = before.Out;
            return ProcessFolded(mapping);
        }

        return Emit(x, x, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Emit(int value, char output, char folded)
    {
        if (_pendingYeh)
        {
            ResolveYeh(output);
        }

        int n = TCodec.Write(_dst, _o, value);
        if (n == 0)
        {
            return false;
        }

        Record(_o, n, _charStart);
        _lastOut = _o;
        _lastChar = output;
        _lastX = folded;
        _o += n;
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
        TCodec.Rewrite(_dst, _lastOut, yeh);
        _lastChar = yeh;
        _pendingYeh = false;
    }
}
