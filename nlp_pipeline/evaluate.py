"""Scoring detector findings against an auditor's gold file.

The gold format and the matching rule are those of docs/CONVENTIONS.md:

* a gold finding is ``{code, where: [place, ...]}``; a place "T3" is covered by a
  paragraph id "T3" or any id starting with "T3.";
* a predicted finding matches a gold one when the codes are equal and its evidence covers
  at least ``min(2, len(where))`` of the places named;
* precision per code counts every predicted finding of that code (a prediction that
  matches any gold finding of its code is a true positive); recall counts the gold
  findings matched by at least one prediction.

Besides the per-code counts, an evaluation lists the paragraphs named under ``clean:``
that carry a finding, and (for the seed gold, whose ``must_not_flag`` items are prose)
the findings that appear to flag one of those items: see :func:`must_not_flag_hits`.

Functions take data and return data; :func:`evaluate_file` is the one convenience that
runs the pipeline on a file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from nlp_pipeline.model import Finding, from_dict


# --- gold ------------------------------------------------------------------------------


@dataclass
class GoldFinding:
    code: str
    where: list[str]
    why: str = ""


@dataclass
class Gold:
    findings: list[GoldFinding] = field(default_factory=list)
    clean: list[str] = field(default_factory=list)
    must_not_flag: list[str] = field(default_factory=list)
    alignment: dict[str, Any] = field(default_factory=dict)
    path: str | None = None

    def codes(self) -> set[str]:
        return {g.code for g in self.findings}


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [str(x) for x in v]
    return [str(v)]


def parse_gold(data: dict | None, path: str | None = None) -> Gold:
    """Gold from the parsed yaml (``where`` may be a single place or a list)."""
    data = data or {}
    findings = [
        GoldFinding(code=str(f["code"]), where=_as_list(f.get("where")), why=str(f.get("why") or ""))
        for f in data.get("findings") or []
    ]
    return Gold(
        findings=findings,
        clean=_as_list(data.get("clean")),
        must_not_flag=[str(x) for x in data.get("must_not_flag") or []],
        alignment=dict(data.get("alignment") or {}),
        path=path,
    )


def load_gold(path: str | Path) -> Gold:
    with open(path, encoding="utf-8") as fh:
        return parse_gold(yaml.safe_load(fh), str(path))


# --- matching --------------------------------------------------------------------------


_SECTION_IDS = set("GOTKPQI")


def covers(place: str, paragraph_id: str) -> bool:
    """True when ``paragraph_id`` is the gold ``place`` or lies inside it ("T3.k2" in "T3").

    The pseudo place B (budget figures, the basic part of a report) covers the basic
    part's paragraphs B1, B2 …, and a section's letter (P) any of its paragraphs (P5), where
    a layout leaves the numbering open. A form's field that is a whole section (the 存在问题 cell holding only the template's
    note) is named by its section ("Q"); gold files name it so or as its only item ("Q1")
    (docs/CONVENTIONS.md): each covers the other."""
    if paragraph_id == place or paragraph_id.startswith(place + "."):
        return True
    if place in _SECTION_IDS | {"B"} and paragraph_id[:1] == place and paragraph_id[1:].isdigit():
        return True  # a section's paragraphs (B1, P5 …) lie in the area its letter names
    pair = {place, paragraph_id}
    return any(x in _SECTION_IDS and x + "1" in pair for x in pair)


def places_covered(finding: Finding, where: Iterable[str]) -> list[str]:
    pids = finding.paragraphs()
    return [w for w in where if any(covers(w, p) for p in pids)]


def finding_matches(finding: Finding, gold: GoldFinding) -> bool:
    if finding.code != gold.code:
        return False
    need = min(2, len(gold.where))
    return len(places_covered(finding, gold.where)) >= need


def as_finding(obj: Finding | dict) -> Finding:
    """Accept findings as dataclasses or as their JSON dicts (``to_dict`` output)."""
    return obj if isinstance(obj, Finding) else from_dict(Finding, obj)


def findings_from_json(data: Any) -> list[Finding]:
    """Findings from the JSON of ``nlp-pipeline analyze --format json`` (an object with a
    ``findings`` list, possibly under ``analysis``) or from a bare list of findings."""
    if isinstance(data, dict):
        data = data.get("findings", (data.get("analysis") or {}).get("findings", []))
    return [as_finding(f) for f in data or []]


# --- scores ----------------------------------------------------------------------------


@dataclass
class CodeScore:
    tp: int = 0  # predictions matching some gold finding of their code
    fp: int = 0  # predictions matching none
    matched: int = 0  # gold findings matched by at least one prediction
    gold: int = 0  # gold findings

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def fn(self) -> int:
        return self.gold - self.matched

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    def __iadd__(self, other: "CodeScore") -> "CodeScore":
        self.tp += other.tp
        self.fp += other.fp
        self.matched += other.matched
        self.gold += other.gold
        return self


@dataclass
class Evaluation:
    """The outcome of scoring one report's findings against its gold."""

    name: str
    per_code: dict[str, CodeScore] = field(default_factory=dict)
    n_findings: int = 0  # all findings given, before any code filter
    matches: list[tuple[int, int]] = field(default_factory=list)  # (gold index, finding index)
    missed: list[GoldFinding] = field(default_factory=list)
    false_positives: list[Finding] = field(default_factory=list)
    clean_violations: list[tuple[str, Finding]] = field(default_factory=list)
    must_not_flag_violations: list[tuple[str, Finding]] = field(default_factory=list)

    def total(self, codes: Iterable[str] | None = None) -> CodeScore:
        out = CodeScore()
        for code, s in self.per_code.items():
            if codes is None or code in codes:
                out += s
        return out


def evaluate_findings(
    findings: Iterable[Finding | dict],
    gold: Gold,
    codes: Iterable[str] | None = None,
    name: str | None = None,
) -> Evaluation:
    """Score ``findings`` against ``gold``.

    ``codes`` restricts the scoring (predictions and gold alike) to those codes, so one
    detector engineer can look at their own part; clean-control and must_not_flag checks
    use the same restriction. ``n_findings`` always counts every finding given.
    """
    all_findings = [as_finding(f) for f in findings]
    keep = set(codes) if codes is not None else None
    ev = Evaluation(name=name or (Path(gold.path).stem if gold.path else "report"))
    ev.n_findings = len(all_findings)

    indexed = [(i, f) for i, f in enumerate(all_findings) if keep is None or f.code in keep]
    golds = [(gi, g) for gi, g in enumerate(gold.findings) if keep is None or g.code in keep]

    for _, g in golds:
        ev.per_code.setdefault(g.code, CodeScore()).gold += 1
    matched_gold: set[int] = set()
    for fi, f in indexed:
        score = ev.per_code.setdefault(f.code, CodeScore())
        hits = [gi for gi, g in golds if finding_matches(f, g)]
        if hits:
            score.tp += 1
            for gi in hits:
                ev.matches.append((gi, fi))
                matched_gold.add(gi)
        else:
            score.fp += 1
            ev.false_positives.append(f)
    for gi, g in golds:
        if gi in matched_gold:
            ev.per_code[g.code].matched += 1
        else:
            ev.missed.append(g)

    for place in gold.clean:
        for _, f in indexed:
            if any(covers(place, p) for p in f.paragraphs()):
                ev.clean_violations.append((place, f))
    for item in gold.must_not_flag:
        for _, f in indexed:
            if must_not_flag_hits(item, f):
                ev.must_not_flag_violations.append((item, f))
    return ev


def combine(evaluations: Iterable[Evaluation]) -> dict[str, CodeScore]:
    """Per-code counts summed over several reports (micro average)."""
    out: dict[str, CodeScore] = {}
    for ev in evaluations:
        for code, s in ev.per_code.items():
            out.setdefault(code, CodeScore()).__iadd__(s)
    return out


# --- must_not_flag (prose items) -------------------------------------------------------

_NUM = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_QUOTE_LIMIT = 80  # longer quotes are whole paragraphs that hold many unrelated numbers


def _numbers(text: str) -> set[float]:
    out = set()
    for m in _NUM.finditer(text):
        try:
            out.add(round(float(m.group().replace(",", "")), 6))
        except ValueError:
            pass
    return out


def _value_text(v: Any) -> str:
    if isinstance(v, dict):
        return " ".join(_value_text(x) for x in v.values())
    if isinstance(v, (list, tuple, set)):
        return " ".join(_value_text(x) for x in v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


def must_not_flag_hits(item: str, finding: Finding) -> bool:
    """Heuristic test whether ``finding`` flags the prose ``must_not_flag`` item.

    The seed's items name the figures of a correct computation or of two agreeing
    amounts ("预算完成率 97.54% = 11139.13 / 11419.55"). A finding is taken to flag the
    item when the figures it compared (its ``values``, and the quotes of short evidence)
    include at least ``min(2, n)`` of the item's ``n`` figures. Years are ignored: they
    occur everywhere and identify nothing.
    """
    wanted = {x for x in _numbers(item) if not (1900 <= x <= 2100 and x == int(x))}
    if not wanted:
        return False
    hay = _value_text(finding.values) + " " + " ".join(
        e.quote for e in finding.evidence if len(e.quote) <= _QUOTE_LIMIT
    )
    have = _numbers(hay)
    return len(wanted & have) >= min(2, len(wanted))


# --- running -----------------------------------------------------------------------------


def gold_path_for(report_path: str | Path) -> Path:
    """The gold yaml beside a test report (``d_school.txt`` -> ``d_school.yaml``)."""
    return Path(report_path).with_suffix(".yaml")


def evaluate_file(
    report_path: str | Path,
    gold_path: str | Path | None = None,
    codes: Iterable[str] | None = None,
    analysis: Any = None,
) -> Evaluation:
    """Run the pipeline on ``report_path`` (unless ``analysis`` is given) and score it."""
    if analysis is None:
        from nlp_pipeline.pipeline import analyze

        analysis = analyze(report_path)
    gold = load_gold(gold_path or gold_path_for(report_path))
    return evaluate_findings(analysis.findings, gold, codes=codes, name=Path(report_path).stem)


def format_table(scores: dict[str, CodeScore], title: str = "") -> str:
    """A plain-text table of per-code counts, precision and recall."""

    def pct(x: float | None) -> str:
        return "   -" if x is None else f"{x:4.2f}"

    lines = [title] if title else []
    lines.append(f"{'code':26s} {'pred':>4s} {'tp':>4s} {'fp':>4s} {'gold':>4s} {'hit':>4s}  prec  rec")
    tot = CodeScore()
    for code in sorted(scores):
        s = scores[code]
        tot += s
        lines.append(
            f"{code:26s} {s.predicted:4d} {s.tp:4d} {s.fp:4d} {s.gold:4d} {s.matched:4d}  "
            f"{pct(s.precision)} {pct(s.recall)}"
        )
    lines.append(
        f"{'ALL':26s} {tot.predicted:4d} {tot.tp:4d} {tot.fp:4d} {tot.gold:4d} {tot.matched:4d}  "
        f"{pct(tot.precision)} {pct(tot.recall)}"
    )
    return "\n".join(lines)
