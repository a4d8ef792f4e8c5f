"""Chinese segmentation: jieba with the domain lexicon, inside a blank spaCy pipeline.

Number spans found by :func:`nlp_pipeline.text.extract_numbers` are kept whole as single
tokens (jieba alone splits 123,244.2元 at the comma and 23.4% into pieces), and the
rest of the text is cut by a jieba tokenizer that has lexicons/domain_terms.txt loaded.
A private ``jieba.Tokenizer`` is used, so loading the domain words never changes the
global jieba other code may use.
"""
from __future__ import annotations

import functools
import os
import re

from nlp_pipeline.lexicons import lexicon_path
from nlp_pipeline.usercache import file_stamp, load_pickle, save_pickle

DOMAIN_DICT = "domain_terms.txt"
_SENT_END = "。；;！？!?\n"
_CLAUSE_END = _SENT_END + "，,、：:\t"
# numbered items inside a paragraph: "1." "2、" "（3）" "一是" at a clause start
_ITEM_START = re.compile(r"(?:(?<=[\s。；;：:！？>])|^)(?:\d{1,2}[.、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+[是、])")


@functools.lru_cache(maxsize=2)
def jieba_tokenizer(domain: bool = True):
    """A private jieba.Tokenizer; with ``domain`` the domain lexicon is loaded.

    jieba keeps its prefix dictionary (500,000 entries) in a marshal file that takes
    0.6 s to load at every start, a third of a cold ``analyze``; a pickle of the same
    dictionary, with the domain words already added, loads in about a third of that. The
    state is jieba's own, so the words cut are the same (tests/test_jieba_cache.py).
    """
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    name = _jieba_cache_name(jieba, domain)
    state = load_pickle(name) if name else None
    if _restore(tok, state):
        return tok
    from jieba import finalseg

    forced = set(finalseg.Force_Split_Words)
    tok.check_initialized()
    if domain:
        tok.load_userdict(str(lexicon_path(DOMAIN_DICT)))
    if name:
        save_pickle(name, {"FREQ": tok.FREQ, "total": tok.total, "tags": tok.user_word_tag_tab,
                           "force_split": sorted(set(finalseg.Force_Split_Words) - forced)})
    return tok


def _jieba_cache_name(jieba, domain: bool) -> str | None:
    import hashlib

    try:
        parts = [getattr(jieba, "__version__", "?"), file_stamp(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))]
    except Exception:  # an unusual jieba layout: no cache
        return None
    if domain:
        parts.append(hashlib.sha1(lexicon_path(DOMAIN_DICT).read_bytes()).hexdigest())
    return "jieba-" + hashlib.sha1(":".join(parts).encode()).hexdigest()[:16] + ".pickle"


def _restore(tok, state) -> bool:
    if not (isinstance(state, dict) and isinstance(state.get("FREQ"), dict)):
        return False
    from jieba import finalseg

    tok.FREQ, tok.total, tok.user_word_tag_tab = state["FREQ"], state["total"], state["tags"]
    for word in state["force_split"]:
        finalseg.add_force_split(word)
    tok.initialized = True
    return True


@functools.lru_cache(maxsize=1)
def pos_tokenizer():
    """A part-of-speech tagger over the domain tokenizer above: jieba.posseg's own would
    load a second copy of the dictionary (about 100 MB) and ignore the domain words."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(jieba_tokenizer(True))


@functools.lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    from nlp_pipeline.lexicons import load_list

    return load_list(DOMAIN_DICT)


def _pieces(text: str, domain: bool = True) -> list[tuple[int, int]]:
    """Token spans: number mentions whole, jieba words between them."""
    from nlp_pipeline.text.numbers import extract_numbers

    tok = jieba_tokenizer(domain)
    spans: list[tuple[int, int]] = []
    pos = 0

    def cut(a: int, b: int) -> None:
        i = a
        for w in tok.cut(text[a:b], HMM=True):
            if w.strip():
                spans.append((i, i + len(w)))
            i += len(w)

    for m in extract_numbers(text) if domain else []:
        if m.start < pos:
            continue
        cut(pos, m.start)
        spans.append((m.start, m.end))
        pos = m.end
    cut(pos, len(text))
    return spans


# a run of two to six Chinese characters written twice in a row: the only places a word can be
_DOUBLED_RUN_RE = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
_CLAUSE_MARKS = "，。；、,;：:！？!?\n"


def doubled_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word (as :func:`tokenize` cuts it) written twice in a row
    (包括包括); a word and a longer one that begins with it (完成完成率) are two words. Only
    the clauses holding a run of characters written twice are cut into words."""
    out: list[tuple[int, int, str]] = []
    done = -1
    for m in _DOUBLED_RUN_RE.finditer(text):
        if m.start() < done:
            continue
        # only the clause holding the run is cut into words (jieba is the costly part)
        cs = max(text.rfind(ch, 0, m.start()) for ch in _CLAUSE_MARKS) + 1
        ends = [k for k in (text.find(ch, m.end()) for ch in _CLAUSE_MARKS) if k >= 0]
        ce = min(ends) if ends else len(text)
        spans = [(cs + a, cs + b) for a, b in _pieces(text[cs:ce])]
        out += [(a, d, text[a:b]) for (a, b), (c, d) in zip(spans, spans[1:])
                if b == c and text[a:b] == text[c:d] and (a, d, text[a:b]) not in out]
        done = ce
    return out


def tokenize(text: str, *, domain: bool = True) -> list[str]:
    """Words of ``text`` (whitespace dropped), numbers with their units kept whole.

    ``domain=False`` gives plain jieba with its default dictionary, for comparison.
    """
    return [text[a:b] for a, b in _pieces(text, domain)]


class _NumberAwareTokenizer:
    """spaCy tokenizer callable: jieba + domain lexicon, number spans as single tokens."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        spans = _pieces(text)
        words, spaces = [], []
        for k, (a, b) in enumerate(spans):
            nxt = spans[k + 1][0] if k + 1 < len(spans) else len(text)
            gap = text[b:nxt]
            words.append(text[a:b])
            if gap == " ":
                spaces.append(True)
            else:
                spaces.append(False)
                if gap:  # other whitespace becomes its own token so the text round-trips
                    words.append(gap)
                    spaces.append(False)
        if spans and spans[0][0] > 0:
            words.insert(0, text[: spans[0][0]])
            spaces.insert(0, False)
        if not spans and text:
            words, spaces = [text], [False]
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy calls these when saving a pipeline; there is no state to save
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        return None

    def from_disk(self, path, **kwargs):
        return self


def make_nlp():
    """spacy.blank("zh") with the jieba segmenter, the domain lexicon, whole numbers and
    a rule-based sentence splitter (。；！？ and numbered items)."""
    try:
        import spacy
    except ImportError as exc:  # spaCy is an extra: the pipeline itself never needs it
        raise ImportError(
            "make_nlp() 需要安装可选组件 spacy：pip install -e \".[spacy]\" / "
            "make_nlp() needs the optional extra spacy: pip install -e \".[spacy]\"",
            name=exc.name) from exc

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = _NumberAwareTokenizer(nlp.vocab)
    nlp.add_pipe("sentencizer", config={"punct_chars": list("。；;！？!?")})
    return nlp


def _split(text: str, ends: str) -> list[tuple[int, int]]:
    cuts = {0, len(text)}
    for i, ch in enumerate(text):
        if ch in ends:
            # a thousands separator or a clock time (1,260 / 8:30) is inside a number
            if ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            cuts.add(i + 1)
    for m in _ITEM_START.finditer(text):
        cuts.add(m.start())
    out = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:]):
        # trim whitespace, keep offsets
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) on 。；！？, line breaks and numbered items."""
    return _split(text, _SENT_END)


def split_clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans: sentences further cut at ，、：."""
    return _split(text, _CLAUSE_END)


_PLAIN_CLAUSE_END = "，。；;,！!？?\n"


def plain_clauses(text: str, *, at_colon: bool = False) -> list[tuple[int, int]]:
    """Clause spans cut only at commas and sentence ends (not at 、 or ：, not before
    numbered items), untrimmed: the clause a claim or a figure belongs to, with its
    enumerations (新建A、B、C3个) kept whole. A comma between digits (1,260) cuts nothing.
    ``at_colon`` cuts at ： and : too (a label and what it labels), not inside 8:30."""
    out, start = [], 0
    n = len(text)
    ends = _PLAIN_CLAUSE_END + "：:" if at_colon else _PLAIN_CLAUSE_END
    for i, ch in enumerate(text):
        if ch not in ends:
            continue
        if ch in ",:" and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        if i > start:
            out.append((start, i))
        start = i + 1
    if start < n:
        out.append((start, n))
    return out


# --- spans a paragraph opens with, titles, clause ends ----------------------------------
#
# Computed on the width-normalised text (same offsets as the text passed in), so that
# （２） and (2), ：and : read alike; every span is an offset into the text passed in.

# 资金管理方面：… — a label of 2-20 characters (no clause punctuation, no digit) and a colon
_LEAD_LABEL_RE = re.compile(r"\s*([^，。；：:,;\d]{2,20})[：:]")
# 医保信息平台运维项目。… — the phrase before the first clause punctuation, 2-30 characters
_OPENING_SUBJECT_RE = re.compile(r"\s*([^，。；：:,;！？\d]{2,30}?)[，。；：:,;]")
# 1. 2、 （3） (3) 3）: an item number at the start (not 1.5, which is a number)
_LEAD_ITEM_RE = re.compile(r"\s*(?:(?:\d{1,3}[.、](?!\d)|[（(]\d{1,3}[)）]|\d{1,3}[)）])\s*)?")
# titles of documents and document numbers: 《…》, 〔2021〕, [2021]
_TITLE_RE = re.compile(r"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]")
PROJECT_WORDS = ("项目", "工程", "专项")
_PROJECT_RE = re.compile(r"[\u4e00-\u9fff“”\"]{2,20}?(?:" + "|".join(PROJECT_WORDS) + ")")


def lead_label(text: str) -> tuple[int, int] | None:
    """Span of the label a paragraph opens with (「资金管理方面」 of 「资金管理方面：…」,
    the colon left out), None when it opens with none."""
    from nlp_pipeline.text.normalize import normalize

    m = _LEAD_LABEL_RE.match(normalize(text))
    return m.span(1) if m else None


def opening_subject(text: str) -> tuple[int, int] | None:
    """Span of the phrase a paragraph opens with, up to its first clause punctuation
    (「医保信息平台运维项目」 of 「医保信息平台运维项目。…」): 2 to 30 characters holding no
    digit; None otherwise. Whitespace inside the span is the caller's to strip."""
    from nlp_pipeline.text.normalize import normalize

    m = _OPENING_SUBJECT_RE.match(normalize(text))
    return m.span(1) if m else None


def lead_item(text: str) -> int:
    """Where the text after a leading item number begins: past leading whitespace, an
    item number (1. 2、 （3） (3) 3）) and the whitespace after it; 0 when ``text`` opens
    with neither. A decimal (1.5万元) is no item number."""
    from nlp_pipeline.text.normalize import normalize

    return _LEAD_ITEM_RE.match(normalize(text)).end()


def titles(text: str) -> list[tuple[int, int]]:
    """Spans of titles and document numbers: 《…》, 〔…〕, […] (the brackets included)."""
    from nlp_pipeline.text.normalize import normalize

    return [m.span() for m in _TITLE_RE.finditer(normalize(text))]


def project_name(text: str) -> tuple[int, int] | None:
    """Span of the first project name of ``text``: a run of 2-20 Chinese characters (or
    quotes) ending in 项目, 工程 or 专项, as short as it can be."""
    from nlp_pipeline.text.normalize import normalize

    m = _PROJECT_RE.search(normalize(text))
    return m.span() if m else None


def without_spans(text: str, spans: list[tuple[int, int]], fill: str = "") -> str:
    """``text`` with each span cut out, or each of its characters replaced by ``fill``
    (one character: the offsets stay valid)."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(fill * (b - a))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _plain_break(text: str, i: int, ends: str) -> bool:
    ch = text[i]
    if ch not in ends:
        return False
    # a thousands separator or a clock time (1,260 / 8:30) is inside a number
    return not (ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def clause_end(text: str, i: int, end: int | None = None) -> int:
    """Where the plain clause holding position ``i`` ends (:func:`plain_clauses`: at a
    comma or a sentence end, not inside 1,260): the position of the break, or ``end``
    (default: the end of the text) when there is none before it."""
    end = len(text) if end is None else min(end, len(text))
    for k in range(i, end):
        if _plain_break(text, k, _PLAIN_CLAUSE_END):
            return k
    return end
