"""Language annotated once, for every rule.

Three things every detector needs and none should redo:

* **width**: :func:`width_view` gives a copy of the report (and of anything hanging off
  it: mentions, alignments) whose every string is width-normalised
  (:func:`nlp_pipeline.text.normalize.normalize`, one character for one character), so
  ``９８％`` and ``98%`` are the same to every rule and every offset still points into the
  original text;
* **cues**: :class:`Cues` finds the phrases of one concept (a claim of completion, a
  breakdown, a total …) from ``lexicons/cues.yaml``. A phrase is matched on a canonical
  form of the text in which the optional words real reports put inside it are dropped
  (已经完成 is read as 已完成, 完成了 as 完成), so the lexicon lists each phrase once and
  rewordings do not change what a rule sees;
* **statements**: :func:`statements` are sentences with the sentences that continue them
  attached (「。其中…」 and 「。分别为…」 break down the total before the full stop just as
  「，其中」 does), the unit a rule reads a total and its parts in.

:func:`annotate` puts all of it on a spaCy ``Doc`` per paragraph (``doc.spans`` keyed by
``"sent"``, ``"stmt"`` and ``"cue:<concept>"``) for code that wants tokens.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import re
from dataclasses import dataclass, field


from nlp_pipeline.lexicon_schemas import CueLexicon
from nlp_pipeline.text.normalize import normalize
from nlp_pipeline.text.segment import split_sentences

# --- width -----------------------------------------------------------------------------


def width_view(obj, memo: dict | None = None):
    """A copy of ``obj`` (dataclasses, lists, tuples, dicts, strings) with every string
    width-normalised. Objects shared inside ``obj`` stay shared in the copy (one memo for
    the whole walk), so identity-keyed caches of the rules keep working on the view."""
    memo = {} if memo is None else memo
    return _view(obj, memo)


# a type's dataclass field names (None: not a dataclass), looked up once per type: the
# walk meets ~2,000 objects a report and dataclasses.fields builds its tuple every call
_FIELDS: dict[type, tuple[str, ...] | None] = {}
_ATOMS = (int, float, bool, bytes, type(None))


def _fields(cls: type) -> tuple[str, ...] | None:
    names = _FIELDS.get(cls, ())
    if names == ():
        names = _FIELDS[cls] = (tuple(f.name for f in dataclasses.fields(cls))
                                if dataclasses.is_dataclass(cls) else None)
    return names


def _view(obj, memo: dict):
    cls = type(obj)
    if cls is str:
        return normalize(obj)
    if cls in _ATOMS or isinstance(obj, _ATOMS) or isinstance(obj, type):
        return obj
    key = id(obj)
    if key in memo:
        return memo[key]
    names = _fields(cls)
    if names is not None:
        new = copy.copy(obj)
        memo[key] = new
        for name in names:
            val = getattr(obj, name)
            nv = _view(val, memo)
            if nv is not val:
                object.__setattr__(new, name, nv)
        return new
    if isinstance(obj, str):
        return normalize(obj)
    if isinstance(obj, list):
        new_list: list = []
        memo[key] = new_list
        new_list.extend(_view(v, memo) for v in obj)
        return new_list
    if isinstance(obj, tuple):
        out = tuple(_view(v, memo) for v in obj)
        memo[key] = out
        return out
    if isinstance(obj, dict):
        new_dict: dict = {}
        memo[key] = new_dict
        for k, v in obj.items():
            new_dict[_view(k, memo) if isinstance(k, str) else k] = _view(v, memo)
        return new_dict
    if isinstance(obj, (set, frozenset)):
        return type(obj)(_view(v, memo) for v in obj)
    return obj


# --- the cue lexicon ---------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _load_cues(path: str) -> CueLexicon:
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    try:
        return CueLexicon.model_validate(data)
    except Exception as exc:  # pydantic's ValidationError, named with the file
        raise ValueError(f"{path}: 词表格式错误 / invalid lexicon: {exc}") from exc


def cue_lexicon() -> CueLexicon:
    from nlp_pipeline.lexicons import lexicon_path

    return _load_cues(str(lexicon_path("cues.yaml")))


class Cues:
    """Phrase finder over the canonical form of a text (see module doc)."""

    def __init__(self, lex: CueLexicon | None = None):
        self.lex = lex or cue_lexicon()
        variants = sorted(self.lex.canonical, key=len, reverse=True)
        self._variant_re = re.compile("|".join(map(re.escape, variants))) if variants else None
        self._except = tuple(self.lex.canonical_exceptions)
        self._concept_re = {
            name: re.compile("|".join(map(re.escape, sorted(set(c.phrases), key=len, reverse=True))))
            for name, c in self.lex.concepts.items()
        }

    @functools.lru_cache(maxsize=16384)
    def canonical_map(self, text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
        """The canonical form of ``text`` and, for each of its characters, the span of
        ``text`` it came from (a canonical word stands for the whole variant)."""
        text = normalize(text)
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in (self._variant_re.finditer(text) if self._variant_re else ()):
            if m.start() < pos or any(text.startswith(x, m.start()) for x in self._except):
                continue
            for k in range(pos, m.start()):
                out.append(text[k])
                starts.append(k)
                ends.append(k + 1)
            for ch in self.lex.canonical[m.group()]:
                out.append(ch)
                starts.append(m.start())
                ends.append(m.end())
            pos = m.end()
        for k in range(pos, len(text)):
            out.append(text[k])
            starts.append(k)
            ends.append(k + 1)
        return "".join(out), tuple(starts), tuple(ends)

    def canonical(self, text: str) -> str:
        """``text`` with the optional words of the lexicon dropped (已经完成 -> 已完成)."""
        return self.canonical_map(text)[0]

    def find(self, text: str, concept: str) -> list[tuple[int, int]]:
        """Spans of ``text`` (original offsets) holding a phrase of ``concept``."""
        rx = self._concept_re[concept]  # KeyError names an unknown concept
        ctext, starts, ends = self.canonical_map(text)
        block = tuple(self.lex.concepts[concept].not_before)
        lead = tuple(self.lex.concepts[concept].not_after)
        return [(starts[m.start()], ends[m.end() - 1]) for m in rx.finditer(ctext)
                if not (block and ctext.startswith(block, m.end()))
                and not (lead and ctext[:m.start()].endswith(lead))]

    def has(self, text: str, concept: str) -> bool:
        return bool(self.find(text, concept))

    def concepts(self) -> list[str]:
        return sorted(self._concept_re)


@functools.lru_cache(maxsize=1)
def default_cues() -> Cues:
    return Cues()


# --- sentences and statements ----------------------------------------------------------------


def statements(text: str, cues: Cues | None = None) -> list[tuple[int, int]]:
    """Sentences (text.segment.split_sentences), each joined with the sentences after it
    that continue it (opened by a continuation word such as 其中 or 分别为 right after a
    stop): 「共12项。其中A5项，B7项。」 is one statement."""
    if cues is None or cues is default_cues():
        return list(_default_statements(text))  # every rule asks for the same paragraphs
    return _statements(text, cues)


@functools.lru_cache(maxsize=8192)
def _default_statements(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_statements(text, default_cues()))


def _statements(text: str, cues: Cues) -> list[tuple[int, int]]:
    openers = tuple(cues.lex.continuation_openers)
    out: list[list[int]] = []
    for s, e in split_sentences(text):
        lead = normalize(text[s:s + 12]).lstrip(" \t，,、")
        if out and lead.startswith(openers) and text[out[-1][1] - 1] in "。；;":
            out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def statement_start(text: str, i: int, cues: Cues | None = None) -> int:
    """Where the statement holding position ``i`` begins: the sentence's own start, or
    for a sentence that continues the one before (「…120万元。其中…」) that one's start."""
    for s, e in statements(text, cues):
        if s <= i < e:
            return min(s, i)
    return i


# --- one Doc per paragraph ----------------------------------------------------------------


@dataclass
class Annotation:
    """What the annotator says about one paragraph."""

    pid: str
    text: str  # width-normalised paragraph text (same offsets as the original)
    sentences: list[tuple[int, int]]
    statements: list[tuple[int, int]]
    cues: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _doc: object = None

    def has(self, concept: str, a: int = 0, b: int | None = None) -> bool:
        b = len(self.text) if b is None else b
        return any(s < b and e > a for s, e in self.cues.get(concept, ()))

    @property
    def doc(self):
        """The paragraph as a spaCy ``Doc`` (jieba tokens with the domain lexicon), with
        sentences, statements and cues as ``doc.spans``; built on first use."""
        if self._doc is None:
            self._doc = _make_doc(self)
        return self._doc


@functools.lru_cache(maxsize=1)
def _nlp():
    from nlp_pipeline.text.segment import make_nlp

    return make_nlp()


def _make_doc(ann: Annotation):
    doc = _nlp().make_doc(ann.text)

    def spans(pairs, label):
        out = []
        for s, e in pairs:
            sp = doc.char_span(s, e, label=label, alignment_mode="expand")
            if sp is not None:
                out.append(sp)
        return out

    doc.spans["sent"] = spans(ann.sentences, "sent")
    doc.spans["stmt"] = spans(ann.statements, "stmt")
    for concept, pairs in ann.cues.items():
        doc.spans[f"cue:{concept}"] = spans(pairs, concept)
    return doc


def annotate(pid: str, text: str, cues: Cues | None = None) -> Annotation:
    cues = cues or default_cues()
    norm = normalize(text)
    return Annotation(
        pid=pid,
        text=norm,
        sentences=split_sentences(norm),
        statements=statements(norm, cues),
        cues={c: cues.find(norm, c) for c in cues.concepts()},
    )


