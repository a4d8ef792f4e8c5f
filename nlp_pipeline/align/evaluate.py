"""Score alignments against a gold ``alignment:`` block (docs/CONVENTIONS.md).

Accuracy of a mapping counts the sources the gold names: a source is right when its
predicted target equals the gold one (a gold null is right when the source is left
unmatched) or is one of the alternatives the gold accepts. The lists of targets without a
source (goals without outcome, measures without problem) are scored by precision, recall
and F1 against the predicted ``unmatched_targets``.

Optional gold keys, for what a human annotator marks as uncertain:

    acceptable:            # other answers that count as right
      problems_to_improvements: {Q2: [I2, null]}
    optional:              # targets that may be listed or not
      goals_without_outcome_in_O: [G6]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlp_pipeline.model import Alignment

# gold list of targets without a source -> the alignment whose unmatched_targets it checks
UNMATCHED_LISTS: dict[str, str] = {
    "goals_without_outcome_in_O": "outcomes_to_goals",
    "goals_without_outcome_in_P": "performance_to_goals",
    "goals_without_task": "tasks_to_goals",
    "improvements_without_problem": "problems_to_improvements",
}
MAPPINGS = ("outcomes_to_goals", "performance_to_goals", "tasks_to_goals", "problems_to_improvements")


@dataclass
class Counts:
    right: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 1.0

    def add(self, other: "Counts") -> None:
        self.right += other.right
        self.total += other.total
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.errors.extend(other.errors)


def load_gold(path: str | Path, overlay: str | Path | None = None) -> dict:
    """The ``alignment`` block of a gold file, with ``acceptable``/``optional`` merged in
    from an overlay file when given (for gold files one may not edit)."""
    with open(path, encoding="utf-8") as fh:
        gold = dict((yaml.safe_load(fh) or {}).get("alignment") or {})
    if overlay is not None:
        with open(overlay, encoding="utf-8") as fh:
            extra = (yaml.safe_load(fh) or {}).get("alignment") or {}
        for key in ("acceptable", "optional"):
            if key in extra:
                gold.setdefault(key, {}).update(extra[key])
    return gold


def score(alignments: dict[str, Alignment], gold: dict, label: str = "") -> dict[str, Counts]:
    """Counts per gold key present (mappings: accuracy; lists: F1)."""
    out: dict[str, Counts] = {}
    acceptable = gold.get("acceptable") or {}
    optional = gold.get("optional") or {}
    for name in MAPPINGS:
        if name not in gold or name not in alignments:
            continue
        pred = alignments[name].mapping()
        c = Counts()
        for src, want in (gold[name] or {}).items():
            got = pred.get(src)
            ok = got == want or got in (acceptable.get(name, {}).get(src) or [])
            c.total += 1
            c.right += ok
            if not ok:
                c.errors.append(f"{label}{name} {src}: {got} (gold {want})")
        out[name] = c
    for key, name in UNMATCHED_LISTS.items():
        if key not in gold or name not in alignments:
            continue
        skip = set(optional.get(key) or [])
        want = set(gold[key] or []) - skip
        got = set(alignments[name].unmatched_targets) - skip
        c = Counts(tp=len(want & got), fp=len(got - want), fn=len(want - got))
        c.errors.extend(f"{label}{key} extra {t}" for t in sorted(got - want))
        c.errors.extend(f"{label}{key} missed {t}" for t in sorted(want - got))
        out[key] = c
    return out
