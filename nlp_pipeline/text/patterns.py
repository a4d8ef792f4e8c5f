"""Cue patterns: the cues a phrase list cannot say, kept as data and run here.

Most cues are phrase lists (lexicons/cues.yaml, found by :class:`annotate.Cues`). A few
need a pattern: a gap of a few characters (由…提高到), a word only at the end of a name, a
phrase with an optional part. Those are regular expressions held in lexicon files —
lexicons/patterns.yaml for the ones that belong to no other list, and the ``*_pattern(s)``
keys of the cue files — and rules ask for them through the functions below, passing the
lexicon's value, so that no rule compiles or runs an expression of its own and every
pattern is compiled once per process.

Texts are matched as given: the rules read the width-normalised view of the report
(:func:`annotate.width_view`), so ９８％ and 98% already read alike, and every offset of a
match is an offset into the paragraph the rule holds.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Sequence

Patterns = "str | Sequence[str]"
# what search/match/finditer return, named here so that a rule's annotations need no re
Match = re.Match


@functools.lru_cache(maxsize=2048)
def compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _each(patterns) -> Iterable[re.Pattern]:
    if isinstance(patterns, str):
        return (compiled(patterns),)
    return (compiled(p) for p in patterns or ())


def _bounds(text: str, start: int, end: int | None) -> tuple[int, int]:
    return start, len(text) if end is None else end


def finditer(text: str, patterns, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Every match of each pattern in turn (a list of patterns is not one alternation:
    two patterns may match overlapping text, and each keeps its own named groups)."""
    a, b = _bounds(text, start, end)
    return [m for rx in _each(patterns) for m in rx.finditer(text, a, b)]


def search(text: str, patterns, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first pattern's first match (patterns are tried in order, not by position)."""
    a, b = _bounds(text, start, end)
    for rx in _each(patterns):
        m = rx.search(text, a, b)
        if m:
            return m
    return None


def earliest(text: str, patterns, start: int = 0, end: int | None = None) -> re.Match | None:
    """The match that starts first, over all patterns."""
    found = [m for m in (rx.search(text, *_bounds(text, start, end)) for rx in _each(patterns)) if m]
    return min(found, key=lambda m: m.start(), default=None)


def has(text: str, patterns, start: int = 0, end: int | None = None) -> bool:
    return search(text, patterns, start, end) is not None


def match(text: str, patterns, pos: int = 0, end: int | None = None) -> re.Match | None:
    """A match that starts exactly at ``pos``."""
    a, b = _bounds(text, pos, end)
    for rx in _each(patterns):
        m = rx.match(text, a, b)
        if m:
            return m
    return None


def fullmatch(text: str, patterns, pos: int = 0, end: int | None = None) -> re.Match | None:
    a, b = _bounds(text, pos, end)
    for rx in _each(patterns):
        m = rx.fullmatch(text, a, b)
        if m:
            return m
    return None


def strip(text: str, patterns) -> str:
    """``text`` with every match of the patterns removed (a lead label, a trailing 达到)."""
    for rx in _each(patterns):
        text = rx.sub("", text)
    return text


def replace(text: str, patterns, repl: str) -> str:
    for rx in _each(patterns):
        text = rx.sub(repl, text)
    return text


def split(text: str, patterns) -> list[str]:
    return compiled(patterns if isinstance(patterns, str) else "|".join(patterns)).split(text)


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, left to right, occurrences not overlapping."""
    out, i = [], text.find(word) if word else -1
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


def alternation(words: Iterable[str]) -> str:
    """A pattern that matches any of ``words`` literally, longest first (a phrase list
    passed where a pattern is read)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def escape(word: str) -> str:
    return re.escape(word)


# --- a name written one character away (NAME_VARIANT) ------------------------------------


def _variant_patterns(core: str, deletions: bool) -> list[tuple[str, bool]]:
    """(pattern, slot): one character of ``core`` replaced by any character (the slot, a
    group ``(.)`` checked after matching), or one character deleted."""
    pats = []
    for k in range(len(core)):
        pats.append((re.escape(core[:k]) + "(.)" + re.escape(core[k + 1:]), True))
        if deletions and len(core) >= 3:
            pats.append((re.escape(core[:k] + core[k + 1:]), False))
    return pats


def _variant_matches(pat: str, slot: bool, length: int, sufs: str, text: str):
    """(start, end) of the matches ``re.finditer`` would give for the pattern with
    ``[\u4e00-\u9fff]`` in its slot, followed by a suffix.

    Compiling a class of 20,000 characters cost a millisecond per pattern, a tenth of
    the detectors' time; here every position where the pattern fits is found by a
    lookahead, and finditer's choice (leftmost first, no overlaps, a slot holding a CJK
    character) is made in Python."""
    if not slot:
        for m in re.finditer(f"(?:{pat})(?={sufs})", text):
            yield m.start(), m.end()
        return
    last_end = 0
    for m in re.finditer(f"(?=(?:{pat})(?:{sufs}))", text):
        start = m.start()
        if start < last_end or not "\u4e00" <= m.group(1) <= "\u9fff":
            continue
        last_end = start + length
        yield start, last_end


def variant_spans(text: str, core: str, suffixes: Sequence[str], deletions: bool = True) -> list[tuple[int, int]]:
    """Where ``text`` writes ``core`` one character away and then one of ``suffixes``:
    one character replaced by a CJK character, or (``deletions``, for a core of three
    characters or more) one character left out. The spans cover the variant without its
    suffix, pattern by pattern (each position of ``core`` in turn), each pattern's
    matches left to right and not overlapping; ``core`` itself is among them where it is
    written (a replaced character may be the same)."""
    sufs = alternation(suffixes)
    return [span for pat, slot in _variant_patterns(core, deletions)
            for span in _variant_matches(pat, slot, len(core), sufs, text)]


def suffixed_spans(text: str, word: str, suffixes: Sequence[str]) -> list[tuple[int, int]]:
    """Where ``word`` is written followed by one of ``suffixes`` (the longest that fits),
    the suffix inside the span; left to right, not overlapping."""
    return [m.span() for m in compiled(f"{re.escape(word)}(?:{alternation(suffixes)})").finditer(text)]


# a slot in a pattern of lexicons/patterns.yaml: another entry's name, a word list the
# rule fills in (its lexicon's cue words), or one of BUILTIN
_SLOT = re.compile(r"@(\w+)@")
BUILTIN = {"num": r"\d+(?:\.\d+)?"}


def named(name: str, **fills: str) -> str:
    """The pattern of lexicons/patterns.yaml called ``name``, its ``@slot@`` parts filled:
    from ``fills`` (a pattern, e.g. :func:`alternation` of a lexicon's words), then from the
    entry of that name, then from :data:`BUILTIN`."""
    from nlp_pipeline.lexicons import lexicon_path, override_folder

    if not fills:
        # most asks name a pattern with no slots filled: one dict lookup answers them
        key = (override_folder(), name)
        got = _PLAIN.get(key)
        if got is None:
            got = _PLAIN[key] = _named(str(lexicon_path("patterns.yaml")), name, ())
        return got
    return _named(str(lexicon_path("patterns.yaml")), name, tuple(sorted(fills.items())))


# (override folder, name) -> pattern, for the asks with nothing to fill (~1,000 a report)
_PLAIN: dict[tuple[str | None, str], str] = {}


@functools.lru_cache(maxsize=4096)
def _named(path: str, name: str, fills: tuple) -> str:
    # keyed by the file's path, so an override folder (NLP_PIPELINE_LEXICONS) gets its own
    from nlp_pipeline.lexicons import load_yaml

    return _expand(load_yaml("patterns.yaml") or {}, name, dict(fills), ())


def _expand(lex: dict, name: str, fills: dict, seen: tuple) -> str:
    if name in seen:
        raise ValueError(f"patterns.yaml: {name} refers to itself")
    regex = lex[name]["regex"]  # KeyError names an unknown pattern

    def fill(m: re.Match) -> str:
        key = m.group(1)
        if key in fills:
            return fills[key]
        if key in lex:
            return _expand(lex, key, fills, seen + (name,))
        return BUILTIN[key]

    return _SLOT.sub(fill, regex)
