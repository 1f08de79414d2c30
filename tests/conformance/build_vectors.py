#!/usr/bin/env python3
"""Builds the conformance vectors (tests/conformance/*.tsv) from an independent model of the normalization spec.

This script is the record of how the vectors were made. It was written from the text of the spec
(normalization.md, sections 2, 3 and 4) with Python's own unicodedata, never from the library, and it was run once.
Do NOT re-run it to make a failing test pass: the committed rows are the definition of each preset's output (see
tests/conformance/README.md). A deliberate change of behaviour edits rows by hand and is named in the release notes.

Usage: python3 build_vectors.py [output-directory]      (no packages needed beyond the standard library)
"""

import os
import random
import sys
import unicodedata

# ---------------------------------------------------------------------------------------------------------------
# The model. Text is a Python str of code points (lone surrogates allowed).
# ---------------------------------------------------------------------------------------------------------------

PRESETS = {
    # Spec section 2, the presets table.
    "Default": dict(letters="Arabic", digits="Ascii", quotes=True, zwnj="Remove", collapse=False,
                    diacritics=False, alef=False, maksura=False, teh=False, punct=False),
    "Search": dict(letters="Arabic", digits="Ascii", quotes=True, zwnj="Space", collapse=True,
                   diacritics=True, alef=True, maksura=True, teh=True, punct=True),
    "Persian": dict(letters="Persian", digits="Persian", quotes=False, zwnj="Keep", collapse=False,
                    diacritics=False, alef=False, maksura=False, teh=False, punct=False),
}
# FoldCompatibilityForms, ComposeHamza, RemoveTatweel, RemoveFormatControls and NormalizeSpaces are on in all three;
# ContextualFarsiYeh is off (Default, Search) or does not apply (Persian).


def rng(a, b):
    return [chr(c) for c in range(a, b + 1)]


COMPAT_BLOCKS = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0x1EE00, 0x1EEFF)]          # 3.1


def compat_mapping(c):
    """3.1: a code point of the three blocks that has a compatibility decomposition becomes its full NFKC mapping."""
    cp = ord(c)
    if any(a <= cp <= b for a, b in COMPAT_BLOCKS) and unicodedata.decomposition(c) != "":
        return unicodedata.normalize("NFKC", c)
    return None


# 3.2: NFC's eight Arabic pairs.
PAIRS = {
    ("\u0627", "\u0653"): "\u0622", ("\u0627", "\u0654"): "\u0623", ("\u0627", "\u0655"): "\u0625",
    ("\u0648", "\u0654"): "\u0624", ("\u064A", "\u0654"): "\u0626", ("\u06D5", "\u0654"): "\u06C0",
    ("\u06C1", "\u0654"): "\u06C2", ("\u06D2", "\u0654"): "\u06D3",
}
HAMZA_MARKS = {"\u0653", "\u0654", "\u0655"}
DECOMPOSED = {composed: pair for pair, composed in PAIRS.items()}
ARABIC_RANGES = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF)]


def ccc(c):
    return unicodedata.combining(c) if len(c) == 1 and not (0xD800 <= ord(c) <= 0xDFFF) else 0


def is_arabic_mark(c):
    """The marks 3.2 reorders: non-starters of the three Arabic blocks L2 names."""
    return ccc(c) != 0 and any(a <= ord(c) <= b for a, b in ARABIC_RANGES)


def canonical_order_and_compose(s, canonical=True):
    """3.2. With canonical=False: the old rule (directly adjacent pairs only), used only to sort rows into files."""
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if not canonical:
            if out and c in HAMZA_MARKS and (out[-1], c) in PAIRS:
                out[-1] = PAIRS[(out[-1], c)]
            else:
                out.append(c)
            i += 1
            continue
        if not is_arabic_mark(c):
            out.append(c)
            i += 1
            continue
        # NFC composes from the decomposed form: a precomposed hamza letter before the marks is its base and its
        # hamza mark (ALEF WITH HAMZA ABOVE + HAMZA BELOW is ALEF, HAMZA ABOVE, HAMZA BELOW, which composes to
        # ALEF WITH HAMZA BELOW + HAMZA ABOVE).
        pending = []
        if out and out[-1] in DECOMPOSED:
            base, mark = DECOMPOSED[out[-1]]
            out[-1] = base
            pending = [mark]
        # A run of Arabic marks: stable sort by combining class (as NFC's canonical ordering does) ...
        j = i
        while j < n and is_arabic_mark(s[j]):
            j += 1
        marks = sorted(pending + list(s[i:j]), key=ccc)
        # ... then compose with the base before the run as NFC does: a mark composes unless a mark kept before it
        # has a combining class that is the same or higher (it is blocked).
        kept = []
        for m in marks:
            base = out[-1] if out else None
            blocked = any(ccc(k) >= ccc(m) for k in kept)
            if base is not None and not blocked and (base, m) in PAIRS:
                out[-1] = PAIRS[(base, m)]
            else:
                kept.append(m)
        out.extend(kept)
        i = j
    return "".join(out)


LETTERS = {
    "Arabic": {"\u06CC": "\u064A", "\u06D2": "\u064A", "\u06D3": "\u0626", "\u06A9": "\u0643", "\u06AA": "\u0643",
               "\u06C0": "\u0647", "\u06C1": "\u0647", "\u06C2": "\u0647", "\u06D5": "\u0647", "\u06BE": "\u0647",
               "\u06C3": "\u0629"},
    "Persian": {"\u064A": "\u06CC", "\u0649": "\u06CC", "\u06D2": "\u06CC", "\u06D3": "\u0626",
                "\u0643": "\u06A9", "\u06AA": "\u06A9",
                "\u06C1": "\u0647", "\u06C2": "\u0647", "\u06D5": "\u0647", "\u06BE": "\u0647", "\u06C3": "\u0629"},
}


def digits_map(target):                                                            # 3.4
    m = {}
    if target == "Ascii":
        for k in range(10):
            m[chr(0x0660 + k)] = str(k)
            m[chr(0x06F0 + k)] = str(k)
        m["\u066A"] = "%"
        m["\u066B"] = "."
        m["\u066C"] = ","
    elif target == "Persian":
        for k in range(10):
            m[chr(0x0660 + k)] = chr(0x06F0 + k)
    return m


QUOTES = {c: '"' for c in "\u00AB\u00BB\u201C\u201D\u201E\u201F\u301D\u301E\u301F\uFF02"}   # 3.5
QUOTES.update({c: "'" for c in "\u2018\u2019\u201A\u201B\u2039\u203A\uFF07"})

TATWEEL = "\u0640"                                                                 # 3.6
CONTROLS = set("\u00AD\u061C\u200B\u200E\u200F\u2060\uFEFF") | set(rng(0x202A, 0x202E)) | set(rng(0x2066, 0x2069))
ZWNJ = "\u200C"
SPACES = set("\u00A0\u1680\u202F\u205F\u3000") | set(rng(0x2000, 0x200A))

DIACRITICS = set(rng(0x0610, 0x061A) + rng(0x064B, 0x065F) + ["\u0670"] + rng(0x06D6, 0x06DC)  # 3.7
                 + rng(0x06DF, 0x06E4) + ["\u06E7", "\u06E8"] + rng(0x06EA, 0x06ED))
ALEFS = {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"}
PUNCT = {"\u060C": ",", "\u061B": ";", "\u061F": "?", "\u06D4": "."}


def map_chars(s, table):
    return "".join(table.get(c, c) for c in s)


def rules_after_composition(s, p):
    """3.3 to 3.7 (all but CollapseSpaces), each applied to the result of the ones before."""
    s = map_chars(s, LETTERS[p["letters"]])
    s = map_chars(s, digits_map(p["digits"]))
    if p["quotes"]:
        s = map_chars(s, QUOTES)
    s = "".join(c for c in s if c != TATWEEL and c not in CONTROLS)
    if p["zwnj"] == "Remove":
        s = s.replace(ZWNJ, "")
    elif p["zwnj"] == "Space":
        s = s.replace(ZWNJ, " ")
    s = "".join(" " if c in SPACES else c for c in s)
    if p["diacritics"]:
        # U+0653..U+0655 are deleted only when they did not compose: that is decided after the last composition.
        s = "".join(c for c in s if c not in DIACRITICS or c in HAMZA_MARKS)
    if p["alef"]:
        s = map_chars(s, ALEFS)
    if p["maksura"]:
        s = s.replace("\u0649", "\u064A")
    if p["teh"]:
        s = s.replace("\u0629", "\u0647")
    if p["punct"]:
        s = map_chars(s, PUNCT)
    return s


def delete_context_free(s, p):
    s = "".join(c for c in s if c != TATWEEL and c not in CONTROLS)
    if p["zwnj"] == "Remove":
        s = s.replace(ZWNJ, "")
    if p["diacritics"]:
        s = "".join(c for c in s if c not in DIACRITICS or c in HAMZA_MARKS)
    return s


def normalize(s, preset, canonical=True):
    p = PRESETS[preset]
    # 3.1: every compatibility form becomes its NFKC mapping (a surrogate pair in UTF-16 is one code point here).
    s = "".join(compat_mapping(c) or c for c in s)
    # The deletions of 3.6 and 3.7 do not depend on context, and "pairs that become adjacent after a deletion
    # (tatweel, controls, removed diacritics) compose too": a deleted character is transparent to 3.2, so the pair is
    # judged as it stood before 3.3 mapped its letter (AE, TATWEEL, HAMZA ABOVE composes to HEH WITH YEH ABOVE, as
    # AE, HAMZA ABOVE does). Only the hamza marks wait: they are deleted only when they did not compose.
    s = delete_context_free(s, p)
    # 3.2 composes, and "also applies whenever a later rule makes a pair adjacent": repeat composition and the rules
    # after it until nothing changes (every rule table is idempotent, so this only adds the new compositions).
    while True:
        t = rules_after_composition(canonical_order_and_compose(s, canonical), p)
        if t == s:
            break
        s = t
    if p["diacritics"]:
        s = "".join(c for c in s if c not in HAMZA_MARKS)
    if p["collapse"]:                                                              # CollapseSpaces acts last
        out = []
        for c in s:
            if not (c == " " and out and out[-1] == " "):
                out.append(c)
        s = "".join(out)
    return s


# ---------------------------------------------------------------------------------------------------------------
# Self-checks of the model against unicodedata's NFC/NFD, on Arabic-only combining sequences (L2's domain).
# ---------------------------------------------------------------------------------------------------------------

def self_check():
    rnd = random.Random(2)
    bases = list("\u0627\u0648\u064A\u06D5\u06C1\u06D2\u0628\u0644") + sorted(set(PAIRS.values()))
    marks = ["\u064B", "\u064C", "\u064D", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u0653", "\u0654",
             "\u0655", "\u0670", "\u0656", "\u0610", "\u06E4", "\u06ED"]
    for _ in range(20000):
        s = rnd.choice(bases) + "".join(rnd.choice(marks) for _ in range(rnd.randint(0, 4)))
        nfc = unicodedata.normalize("NFC", s)
        mine = canonical_order_and_compose(s)
        assert mine == nfc, (s, mine, nfc)
        assert canonical_order_and_compose(unicodedata.normalize("NFD", s)) == nfc
    for preset in PRESETS:
        for _ in range(3000):
            s = "".join(rnd.choice(bases + marks + [" ", "\u0640", "\u200C", "\u06CC", "\u0649"]) for _ in range(8))
            once = normalize(s, preset)
            assert normalize(once, preset) == once, (preset, s)                   # L1


# ---------------------------------------------------------------------------------------------------------------
# The rows.
# ---------------------------------------------------------------------------------------------------------------

def escape(s):
    """Every code point as \\uXXXX (BMP, lone surrogates included) or \\UXXXXXXXX (supplementary)."""
    return "".join("\\u%04X" % ord(c) if ord(c) <= 0xFFFF else "\\U%08X" % ord(c) for c in s)


def name(c):
    cp = ord(c)
    if 0xD800 <= cp <= 0xDFFF:
        return "U+%04X (lone surrogate)" % cp
    return "U+%04X %s" % (cp, unicodedata.name(c, "<unnamed>"))


BEH, MEEM, NOON, ALEF, LAM, WAW, YEH, KAF = "\u0628", "\u0645", "\u0646", "\u0627", "\u0644", "\u0648", "\u064A", "\u0643"
FATHA, DAMMA, KASRA, SHADDA, SUKUN, FATHATAN = "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B"
HAMZA_ABOVE, HAMZA_BELOW, MADDA = "\u0654", "\u0655", "\u0653"


def table_characters():
    """Every code point the spec's tables name, with the section that names it."""
    named = []
    for c in sorted(set(LETTERS["Arabic"]) | set(LETTERS["Persian"])):
        named.append((c, "3.3 Letters"))
    for c in sorted(set(digits_map("Ascii")) | set(digits_map("Persian"))):
        named.append((c, "3.4 Digits"))
    for c in sorted(QUOTES):
        named.append((c, "3.5 Quotes"))
    named.append((TATWEEL, "3.6 RemoveTatweel"))
    for c in sorted(CONTROLS):
        named.append((c, "3.6 RemoveFormatControls"))
    named.append((ZWNJ, "3.6 Zwnj"))
    named.append(("\u200D", "3.6 ZWJ is kept"))
    for c in sorted(SPACES):
        named.append((c, "3.6 NormalizeSpaces"))
    for c in sorted(DIACRITICS):
        named.append((c, "3.7 RemoveDiacritics"))
    for c in sorted(ALEFS) + ["\u0649", "\u0629"]:
        named.append((c, "3.7 FoldAlef/FoldAlefMaksura/FoldTehMarbuta"))
    for c in sorted(PUNCT):
        named.append((c, "3.7 AsciiPunctuation"))
    for (b, m), r in PAIRS.items():
        named.append((r, "3.2 composed letter"))
    for c in ["\u2032", "\u2033", "\u0009", "\u000A", "\u067E", "\u0686", "\u0698", "\u06AF", "\u06A4", "\u0621",
              "a", "0", "\uFFFF", "\uD800", "\uDC00", "\U0001F600", "\uFD3E", "\uFDFD"]:
        named.append((c, "not listed: passes through"))
    return named


def build_rows(seed_text):
    rows = []   # (input, note)

    def add(s, note):
        rows.append((s, note))

    # Every table character: alone, inside a word, and between spaces.
    for c, section in table_characters():
        add(c, "%s: %s alone" % (section, name(c)))
        add(BEH + c + NOON, "%s: %s between BEH and NOON" % (section, name(c)))
        add("x " + c + " y", "%s: %s between spaces" % (section, name(c)))

    # 3.1: every compatibility form of the three blocks, alone and after a letter.
    for a, b in COMPAT_BLOCKS:
        for cp in range(a, b + 1):
            c = chr(cp)
            if compat_mapping(c) is not None:
                add(c, "3.1 FoldCompatibilityForms: %s" % name(c))
                add(MEEM + c, "3.1 FoldCompatibilityForms: MEEM then %s" % name(c))
            elif unicodedata.category(c) != "Cn":
                add(c, "3.1 no decomposition, left to the other rules: %s" % name(c))

    # 3.2 context: each pair directly, with what later rules make adjacent, and what blocks it.
    for (base, mark), composed in PAIRS.items():
        add(base + mark, "3.2 %s + %s composes" % (name(base), name(mark)))
        add(BEH + base + mark + NOON, "3.2 %s + %s inside a word" % (name(base), name(mark)))
        add(mark, "3.2 %s with no base stays (or is a removed diacritic)" % name(mark))
        add(" " + mark, "3.2 %s after a space" % name(mark))
        for between in [TATWEEL, "\u200E", "\u200F", "\u061C", "\u00AD", "\u200B", "\u2066", "\uFEFF", ZWNJ, "\u200D",
                        TATWEEL + "\u200E" + TATWEEL, " ", "\u00A0"]:
            add(base + between + mark, "3.2 %s + %s with %s between (composes when it is deleted)"
                % (name(base), name(mark), " ".join(name(x) for x in between)))
        for m in ["\u0616", "\u06DF", "\u0657", SHADDA, FATHA, KASRA]:
            add(base + m + mark, "3.2 %s + %s + %s" % (name(base), name(m), name(mark)))
    add("\u06CC" + HAMZA_ABOVE, "3.2 FARSI YEH + HAMZA ABOVE: composes once the letter rule makes it YEH (Arabic target)")
    add("\u0649" + HAMZA_ABOVE, "3.2 ALEF MAKSURA + HAMZA ABOVE: composes once FoldAlefMaksura makes it YEH (Search)")
    add("\u0671" + MADDA, "3.2 ALEF WASLA + MADDA: composes once FoldAlef makes it ALEF (Search)")
    add("\u0623" + HAMZA_ABOVE, "3.2 ALEF WITH HAMZA ABOVE + HAMZA ABOVE: composes again once FoldAlef makes it ALEF (Search)")
    add("\uFE8D" + HAMZA_ABOVE, "3.2 ALEF ISOLATED FORM + HAMZA ABOVE: composes after folding")
    add("\uFEFB" + HAMZA_BELOW, "3.2 LAM-ALEF ligature + HAMZA BELOW: the ALEF of the expansion composes")
    add("\U0001EE00" + HAMZA_ABOVE, "3.2 ARABIC MATHEMATICAL ALEF + HAMZA ABOVE: composes after folding")
    add("\u06D2" + HAMZA_ABOVE, "3.2 YEH BARREE + HAMZA ABOVE composes before the letter rule maps it")
    add("\u06C1" + HAMZA_ABOVE, "3.2 HEH GOAL + HAMZA ABOVE composes before the letter rule maps it")
    add("\u06D5" + HAMZA_ABOVE, "3.2 AE + HAMZA ABOVE composes before the letter rule maps it")
    add(ALEF + HAMZA_ABOVE + HAMZA_ABOVE, "3.2 a second HAMZA ABOVE has nothing to compose with")
    add(ALEF + HAMZA_ABOVE + MADDA, "3.2 MADDA after a composed HAMZA ABOVE stays")

    # 3.6 spaces (and CollapseSpaces under Search).
    for sp in sorted(SPACES) + [" ", ZWNJ]:
        add("a" + sp + sp + "b", "3.6 two %s between letters" % name(sp))
        add("a " + sp + " b", "3.6 %s inside a run of spaces" % name(sp))
        add(sp + "a" + sp, "3.6 %s at both ends (no trimming)" % name(sp))
    add("a" + " " * 7 + "b", "3.6 CollapseSpaces: a run of seven spaces")
    add("a \t b\n\n c", "3.6 tabs and line breaks are not spaces")
    add(" " + TATWEEL + " ", "3.6 spaces around a deleted TATWEEL become adjacent")
    add(" \u200E \u200F ", "3.6 spaces around deleted controls become adjacent")

    # Whole words and sentences made of the rules above.
    words = [
        "\u0627\u0644\u06A9\u062A\u0627\u0628", "\u0641\u06CC", "\u0639\u0644\u0649", "\u0645\u062F\u0631\u0633\u0629",
        "\u0623\u062D\u0645\u062F", "\u0625\u0644\u0649", "\u0622\u0645\u0646", "\u0645\u0633\u0640\u0640\u0640\u0624\u0648\u0644",
        "\u0661\u0662\u0663", "\u06F4\u06F5\u06F6", "\u00AB\u0646\u0639\u0645\u00BB", "\u201C\u0644\u0627\u201D",
        "\u0643\u064E\u062A\u064E\u0628\u064E", "\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F\u064C",
        "\u0647\u0630\u0627\u061F", "\u0646\u0639\u0645\u060C", "\u06A9\u0648\u062F\u06A9\u06CC", "\uFEF7\uFEE8",
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u200F\u0623\u0645\u0633\u200F", "\u0662\u066B\u0665\u066A",
    ]
    rnd = random.Random(13)
    for k in range(400):
        sentence = " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 6)))
        add(sentence, "mixed sentence %d: words of the rules above" % k)

    # The seed article: whole, and line by line.
    add(seed_text, "seed article (seeds/iraq-us-dialogue.ar.txt), whole")
    for k, line in enumerate(seed_text.split("\n")):
        if line:
            add(line, "seed article, line %d" % (k + 1))
    return rows


def canonical_rows():
    """Rows about 3.2's canonical ordering and non-adjacent composition (the NFD cases of L2)."""
    rows = []
    composed = sorted(set(PAIRS.values()))
    harakat = [FATHATAN, "\u064C", "\u064D", FATHA, DAMMA, KASRA, SHADDA, SUKUN, "\u0670", "\u0656", "\u0610", "\u0611",
               "\u0612", "\u06E4", "\u06ED", "\u0657", "\u065C", "\u08F0", "\u08F3"]
    for c in composed:
        nfd = unicodedata.normalize("NFD", c)
        for h in harakat:
            for form, label in [(unicodedata.normalize("NFD", c + h), "NFD of"), (nfd + h, "base, hamza mark, then"),
                                (nfd[0] + h + nfd[1:], "base, then"), (c + h, "")]:
                rows.append((form, "3.2/L2 %s %s + %s" % (label, name(c), name(h))))
                rows.append((BEH + form + NOON, "3.2/L2 inside a word: %s %s + %s" % (label, name(c), name(h))))
    # Marks typed in any order around a shadda; the hamza mark last after two harakat.
    for base in [BEH, ALEF, WAW, YEH, "\u06D5", "\u06C1", "\u06D2", LAM]:
        for a in [FATHA, DAMMA, KASRA, FATHATAN, SUKUN, "\u0670"]:
            rows.append((base + SHADDA + a, "3.2 %s + SHADDA + %s: canonical order puts the haraka first" % (name(base), name(a))))
            rows.append((base + a + SHADDA, "3.2 %s + %s + SHADDA: already in canonical order" % (name(base), name(a))))
            for hm in sorted(HAMZA_MARKS):
                rows.append((base + SHADDA + a + hm, "3.2 %s + SHADDA + %s + %s" % (name(base), name(a), name(hm))))
                rows.append((base + hm + a + SHADDA, "3.2 %s + %s + %s + SHADDA" % (name(base), name(hm), name(a))))
    # Marks made adjacent by deletions, and compatibility forms that bring marks.
    rows.append((BEH + SHADDA + TATWEEL + FATHA, "3.2 SHADDA, deleted TATWEEL, FATHA: reordered once adjacent"))
    rows.append((BEH + SHADDA + "\uFE77", "3.2 SHADDA then FATHA MEDIAL FORM (TATWEEL + FATHA): reordered after folding"))
    rows.append((ALEF + FATHA + "\u200E" + HAMZA_ABOVE, "3.2 ALEF, FATHA, deleted LRM, HAMZA ABOVE"))
    rows.append((ALEF + FATHA + TATWEEL + HAMZA_ABOVE, "3.2 ALEF, FATHA, deleted TATWEEL, HAMZA ABOVE"))
    rows.append((ALEF + "\u0616" + FATHA + HAMZA_ABOVE, "3.2 ALEF, SMALL HIGH LIGATURE (230), FATHA, HAMZA ABOVE: blocked"))
    rows.append((ALEF + HAMZA_BELOW + HAMZA_ABOVE, "3.2 ALEF, HAMZA BELOW, HAMZA ABOVE"))
    rows.append((ALEF + HAMZA_ABOVE + HAMZA_BELOW, "3.2 ALEF, HAMZA ABOVE, HAMZA BELOW: canonical order puts BELOW first"))
    rows.append((ALEF + KASRA + HAMZA_BELOW, "3.2 ALEF, KASRA, HAMZA BELOW"))
    rows.append((ALEF + SUKUN + MADDA, "3.2 ALEF, SUKUN, MADDA"))
    for c in composed:
        for hm in sorted(HAMZA_MARKS):
            rows.append((c + hm, "3.2/L2 %s + %s: composed from its NFD form" % (name(c), name(hm))))
            for h in [FATHA, KASRA, SHADDA, "\u0656", "\u0616"]:
                rows.append((c + h + hm, "3.2/L2 %s + %s + %s" % (name(c), name(h), name(hm))))
    rnd = random.Random(32)
    pool = harakat + sorted(HAMZA_MARKS) + [TATWEEL, "\u200E"]
    for k in range(250):
        base = rnd.choice([ALEF, WAW, YEH, "\u06D5", "\u06C1", "\u06D2", BEH, "\u06CC", "\uFE8D"])
        s = base + "".join(rnd.choice(pool) for _ in range(rnd.randint(2, 5)))
        rows.append((s, "3.2 random combining sequence %d" % k))
    return rows


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("preset\tinput\texpected\tnote\n")
        for preset, s, expected, note in rows:
            f.write("%s\t%s\t%s\t%s\n" % (preset, escape(s), escape(expected), note.replace("\t", " ")))


HEADER = """# ArabicNorm conformance vectors: %s. Format: tests/conformance/README.md. Built once by build_vectors.py (an
# independent model of the spec, Python %s, Unicode %s data) and reviewed; never regenerated from the library.
"""


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    with open(os.path.join(root, "seeds", "iraq-us-dialogue.ar.txt"), encoding="utf-8") as f:
        seed = f.read()
    self_check()
    version = sys.version.split()[0]
    general = build_rows(seed)
    canon = canonical_rows()
    for preset in PRESETS:
        plain, ordered = [], []
        for s, note in general + canon:
            expected = normalize(s, preset)
            if expected != normalize(s, preset, canonical=False):
                ordered.append((preset, s, expected, note))
            else:
                plain.append((preset, s, expected, note))
        # Drop exact duplicates (the same input twice), keeping the first note.
        for rows in (plain, ordered):
            seen = set()
            rows[:] = [r for r in rows if not (r[1] in seen or seen.add(r[1]))]
        write(os.path.join(out_dir, "%s.tsv" % preset.lower()),
              HEADER % ("the %s preset" % preset, version, unicodedata.unidata_version), plain)
        write(os.path.join(out_dir, "%s.canonical-order.tsv" % preset.lower()),
              HEADER % ("the %s preset, rows that need 3.2's canonical ordering" % preset, version,
                        unicodedata.unidata_version), ordered)
        print("%-8s %5d rows, %4d canonical-order rows" % (preset, len(plain), len(ordered)))


if __name__ == "__main__":
    main()
