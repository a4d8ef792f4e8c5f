"""Chinese segmentation: jieba with the domain lexicon, inside a blank spaCy pipeline.

Number spans found by :func:`nlp_pipeline.text.extract_numbers` are kept whole as single
tokens (jieba alone splits 123,244.2元 at the comma and 23.4% into pieces), and the
rest of the text is cut by a jieba tokenizer that has lexicons/domain_terms.txt loaded.
A private ``jieba.Tokenizer`` is used, so loading the domain words never changes the
global jieba other code may use.
"""
from __future__ import annotations

import functools
import re

from nlp_pipeline.lexicons import lexicon_path

DOMAIN_DICT = "domain_terms.txt"
_SENT_END = "。；;！？!?\n"
_CLAUSE_END = _SENT_END + "，,、：:\t"
# numbered items inside a paragraph: "1." "2、" "（3）" "一是" at a clause start
_ITEM_START = re.compile(r"(?:(?<=[\s。；;：:！？>])|^)(?:\d{1,2}[.、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+[是、])")


@functools.lru_cache(maxsize=2)
def jieba_tokenizer(domain: bool = True):
    """A private jieba.Tokenizer; with ``domain`` the domain lexicon is loaded."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    if domain:
        tok.load_userdict(str(lexicon_path(DOMAIN_DICT)))
    return tok


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


def plain_clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans cut only at commas and sentence ends (not at 、 or ：, not before
    numbered items), untrimmed: the clause a claim or a figure belongs to, with its
    enumerations (新建A、B、C3个) kept whole. A comma between digits (1,260) cuts nothing."""
    out, start = [], 0
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in _PLAIN_CLAUSE_END:
            continue
        if ch == "," and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        if i > start:
            out.append((start, i))
        start = i + 1
    if start < n:
        out.append((start, n))
    return out
