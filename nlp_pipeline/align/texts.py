"""The texts that get compared: which paragraphs, and what of them counts.

Two clean-ups are applied before similarity:

* a paragraph that pastes the whole text of a sibling paragraph (same section) loses the
  pasted part, so that it is matched on what it says itself (reports copy problems
  into one another; the copy would otherwise pull the paragraph to the sibling's match);
* for the lexical side only, numbers, punctuation and goal-language/boilerplate phrases
  (lexicons/align_stop_phrases.yaml) are removed: they are shared by unrelated goals and
  outcomes alike and drive character n-gram overlap without meaning.
"""
from __future__ import annotations

import functools
import re

from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.model import Report, Task

_CLAUSE_SPLIT = re.compile(r"(?<=[。；;！!？?\n])")
_NUMBER = re.compile(r"[0-9０-９][0-9０-９.,，．%％‰]*")
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
MIN_CLAUSE = 6  # shorter clauses ("已完成。") are too common to prove a copy


def task_text(task: Task) -> str:
    """A task's text for matching: its target, its outcome and its indicator names."""
    parts: list[str] = []
    for p in (task.target, task.outcome):
        if p is not None and p.text.strip():
            parts.append(p.text.strip())
    for ind in task.indicators:
        name = ind.name_paragraph.text if ind.name_paragraph is not None else ind.name
        if name and name.strip():
            parts.append(name.strip())
    return "；".join(parts)


def section_items(report: Report, section: str) -> list[tuple[str, str]]:
    """(paragraph id, text) of the items of a section; tasks for "T" (id of the target)."""
    if section == "T":
        out = []
        for t in report.tasks:
            pid = t.target.id if t.target is not None else t.id
            text = task_text(t)
            if text:
                out.append((pid, text))
        return out
    sec = report.sections.get(section)
    if sec is None:
        return []
    return [(p.id, p.text) for p in sec.paragraphs if p.text and p.text.strip()]


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(text) if c.strip()]


def _core(clause: str) -> str:
    return clause.strip().rstrip("。；;，,！!？? \n")


def remove_pasted_siblings(texts: list[str], min_share: float = 0.7) -> list[str]:
    """Remove from each text the clauses of any shorter sibling it contains almost whole.

    A sibling counts as pasted when at least ``min_share`` of its characters (in clauses
    of MIN_CLAUSE characters or more) occur verbatim in the text. A text is never emptied.
    """
    out = list(texts)
    for i, text in enumerate(texts):
        drop: set[str] = set()
        for j, other in enumerate(texts):
            if i == j or len(other) >= len(text):
                continue
            cores = [_core(c) for c in _clauses(other)]
            cores = [c for c in cores if len(c) >= MIN_CLAUSE]
            total = sum(len(c) for c in cores)
            if not total:
                continue
            found = [c for c in cores if c in text]
            if sum(len(c) for c in found) >= min_share * total:
                drop.update(found)
        if drop:
            kept = text
            for c in sorted(drop, key=len, reverse=True):
                kept = kept.replace(c, "")
            if len(_PUNCT.sub("", kept)) >= MIN_CLAUSE:
                out[i] = kept
    return out


@functools.lru_cache(maxsize=4)
def _stop_regex(name: str) -> re.Pattern | None:
    data = load_yaml(name) or {}
    phrases = sorted({p for group in data.values() if isinstance(group, list) for p in group if p},
                     key=len, reverse=True)
    if not phrases:
        return None
    return re.compile("|".join(re.escape(p) for p in phrases))


def lexical_text(text: str, stop_lexicon: str | None = "align_stop_phrases.yaml") -> str:
    """The text as the character n-gram model sees it (see the module docstring)."""
    text = _NUMBER.sub(" ", text)
    if stop_lexicon:
        rx = _stop_regex(stop_lexicon)
        if rx is not None:
            text = rx.sub(" ", text)
    return _PUNCT.sub(" ", text).strip()
