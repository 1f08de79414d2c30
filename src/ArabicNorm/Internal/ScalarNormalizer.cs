using System.Buffers;
using System.Runtime.CompilerServices;

namespace ArabicNorm.Internal;

/// <summary>
/// Runs the normalization contract one UTF-16 code unit at a time. This loop is the specification: every faster path
/// must produce exactly what it produces.
/// </summary>
/// <remarks>
/// <para>The output is built as a sequence of <em>entries</em>: the output of one source character, or of several
/// when a later one reaches back into it (a hamza mark composing with its base, a space collapsing into the space
/// before). Only the last entry can still change, and only through the next characters: a composition base may
/// take a hamza mark, a contextual FARSI YEH waits for the next output character, and a space may absorb the
/// spaces after it.</para>
/// <para>The method is stateless across calls. When a call cannot finish an entry (the source ends with
/// <c>isFinalBlock: false</c>, or the destination fills up in the middle of a dependent character), it gives back the
/// whole open entry, so that the next call, which starts from <c>charsConsumed</c>, sees the context again.</para>
/// </remarks>
internal ref struct ScalarNormalizer
{
    private readonly NormalizationTables _tables;
    private readonly ReadOnlySpan<char> _map;
    private readonly Span<char> _dst;

    // The output written so far and its last character.
    private int _o;
    private int _lastOut;
    private char _lastX;        // the last entry's character before the letter and fold rules: composition sees both
    private bool _pendingYeh;   // _dst[_lastOut] is a contextual FARSI YEH waiting for the next output character

    // Where the last entry begins in the source and in the output: what a call gives back when it must.
    private int _entryStart;
    private int _entryOutStart;

    // The source character being processed.
    private int _charStart;
    private int _charOutStart;
    private Touch _touch;

    private ScalarNormalizer(NormalizationTables tables, Span<char> destination)
    {
        _tables = tables;
        _map = tables.Map;
        _dst = destination;
        _lastOut = -1;
    }

    private enum Touch
    {
        None,
        ComposedIntoPrevious,
        CollapsedIntoPrevious,
    }

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="source">The text to normalize; must not overlap <paramref name="destination"/>.</param>
    /// <param name="destination">Receives the output.</param>
    /// <param name="charsConsumed">How much of the source the written output stands for.</param>
    /// <param name="charsWritten">How much output was written.</param>
    /// <param name="isFinalBlock">Whether the source is the end of the text.</param>
    /// <returns>The outcome, as <see cref="ArabicNormalizer.Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/> documents it.</returns>
    internal static OperationStatus Run(
        NormalizationTables tables,
        ReadOnlySpan<char> source,
        Span<char> destination,
        out int charsConsumed,
        out int charsWritten,
        bool isFinalBlock)
    {
        var engine = new ScalarNormalizer(tables, destination);
        return engine.Run(source, out charsConsumed, out charsWritten, isFinalBlock);
    }

    private OperationStatus Run(ReadOnlySpan<char> src, out int charsConsumed, out int charsWritten, bool isFinalBlock)
    {
        int i = 0;
        while (i < src.Length)
        {
            char c = src[i];
            char m = _map[c];

            if (!NormalizationTables.IsSpecial(m))
            {
                // The common case: a one-to-one rule (or none). The character is an entry of its own.
                if (_pendingYeh)
                {
                    ResolveYeh(m);
                }

                if (_o >= _dst.Length)
                {
                    return TooSmall(i, _o, out charsConsumed, out charsWritten);
                }

                _dst[_o] = m;
                _lastOut = _o;
                _lastX = c;
                _entryStart = i;
                _entryOutStart = _o;
                _o++;
                i++;
                continue;
            }

            BeginChar(i);
            int length = 1;
            bool ok;
            if (m == NormalizationTables.HighSurrogate)
            {
                if (i + 1 < src.Length && char.IsLowSurrogate(src[i + 1]))
                {
                    length = 2;
                    ok = ProcessSurrogatePair(c, src[i + 1]);
                }
                else if (i + 1 == src.Length && !isFinalBlock)
                {
                    // The low half may come with the next block: hold the high half back.
                    break;
                }
                else
                {
                    ok = Emit(c, c); // unpaired: passes through (law L5)
                }
            }
            else if (m >= NormalizationTables.ExpansionBase)
            {
                ok = true;
                foreach (char x in _tables.GetExpansion(m))
                {
                    if (!ProcessFolded(x, _map[x]))
                    {
                        ok = false;
                        break;
                    }
                }
            }
            else
            {
                ok = ProcessFolded(c, m);
            }

            if (!ok)
            {
                return GiveBackFailedChar(out charsConsumed, out charsWritten);
            }

            EndChar();
            i += length;
        }

        if (!isFinalBlock && IsLastEntryOpen())
        {
            // The next block could still change the last entry: give it back with whatever followed it.
            charsConsumed = _entryStart;
            charsWritten = _entryOutStart;
            return OperationStatus.NeedMoreData;
        }

        // A contextual yeh still pending here ends the text: its provisional (word-final) form stands.
        charsConsumed = i;
        charsWritten = _o;
        return i == src.Length ? OperationStatus.Done : OperationStatus.NeedMoreData;
    }

    private static OperationStatus TooSmall(int consumed, int written, out int charsConsumed, out int charsWritten)
    {
        charsConsumed = consumed;
        charsWritten = written;
        return OperationStatus.DestinationTooSmall;
    }

    private readonly bool IsLastEntryOpen()
    {
        if (_lastOut < 0)
        {
            return false;
        }

        char last = _dst[_lastOut];
        return _pendingYeh
            || (_tables.CollapseSpaces && last == ' ')
            || (_tables.ComposeHamza
                && (NormalizationTables.IsCompositionBase(_lastX) || NormalizationTables.IsCompositionBase(last)));
    }

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

    private OperationStatus GiveBackFailedChar(out int charsConsumed, out int charsWritten)
    {
        // A character's output is written whole or not at all (law L4). When it already reached into the previous
        // entry, that entry goes back too, since the next call could not see it.
        if (_touch == Touch.None)
        {
            charsConsumed = _charStart;
            charsWritten = _charOutStart;
        }
        else if (_touch == Touch.CollapsedIntoPrevious && _entryOutStart == _charOutStart - 1 && _dst[_entryOutStart] == ' ')
        {
            charsConsumed = _charStart;
            charsWritten = _entryOutStart;
        }
        else
        {
            charsConsumed = _entryStart;
            charsWritten = _entryOutStart;
        }

        return OperationStatus.DestinationTooSmall;
    }

    private bool ProcessSurrogatePair(char high, char low)
    {
        if (_tables.TryGetSupplementaryExpansion(char.ConvertToUtf32(high, low), out ReadOnlySpan<char> mapping))
        {
            foreach (char x in mapping)
            {
                if (!ProcessFolded(x, _map[x]))
                {
                    return false;
                }
            }

            return true;
        }

        if (_pendingYeh)
        {
            ResolveYeh(high);
        }

        if (_o + 2 > _dst.Length)
        {
            return false;
        }

        _dst[_o] = high;
        _dst[_o + 1] = low;
        _lastOut = _o + 1;
        _lastX = low;
        _o += 2;
        return true;
    }

    /// <summary>Applies the rules to one character after compatibility folding.</summary>
    private bool ProcessFolded(char x, char m)
    {
        if (!NormalizationTables.IsSpecial(m))
        {
            return Emit(m, x);
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
                    // written (Emit settles it), since a deleted mark is no next character (3.3).
                    char composed = NormalizationTables.Compose(_lastX, x);
                    if (composed == '\0')
                    {
                        composed = NormalizationTables.Compose(_pendingYeh ? '\u064A' /* YEH */ : _dst[_lastOut], x);
                    }

                    if (composed != '\0')
                    {
                        _pendingYeh = false;
                        _dst[_lastOut] = _map[composed];
                        _lastX = composed;
                        if (_lastOut < _charOutStart)
                        {
                            _touch = Touch.ComposedIntoPrevious;
                        }

                        return true;
                    }
                }

                // An uncomposed hamza mark is a diacritic like any other.
                return _tables.RemoveDiacritics || Emit(x, x);

            case NormalizationTables.ContextualYeh:
                if (!Emit(_tables.FinalYeh, x))
                {
                    return false;
                }

                _pendingYeh = true;
                return true;

            case NormalizationTables.CollapsibleSpace:
                if (_lastOut >= 0 && _dst[_lastOut] == ' ')
                {
                    if (_lastOut < _charOutStart)
                    {
                        _touch = Touch.CollapsedIntoPrevious;
                    }

                    return true;
                }

                return Emit(' ', x);

            default:
                // A lone low surrogate; folded characters are never surrogates.
                return Emit(x, x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Emit(char output, char folded)
    {
        if (_pendingYeh)
        {
            ResolveYeh(output);
        }

        if (_o >= _dst.Length)
        {
            return false;
        }

        _dst[_o] = output;
        _lastOut = _o;
        _lastX = folded;
        _o++;
        return true;
    }

    private void ResolveYeh(char next)
    {
        // 3.3: the yeh ends its word unless the next output character is an Arabic letter, mark or tatweel.
        _dst[_lastOut] = NormalizationTables.IsArabicWordCharacter(next) ? '\u064A' /* YEH */ : _tables.FinalYeh;
        _pendingYeh = false;
    }
}
