"""The resolver: candidates from every rule in, one finding per defect out.

Rules never watch each other; which finding wins when two cover the same defect is
declared once, in lexicons/resolve.yaml.
"""
from __future__ import annotations

import functools

from pydantic import ValidationError

from nlp_pipeline.errors import LexiconError
from nlp_pipeline.lexicon_schemas import ResolvePolicy as _Policy
from nlp_pipeline.lexicons import lexicon_path, load_yaml
from nlp_pipeline.model import Finding

NAME = "resolve.yaml"


@functools.lru_cache(maxsize=None)
def policy() -> _Policy:
    try:
        return _Policy.model_validate(load_yaml(NAME))
    except ValidationError as exc:
        raise LexiconError(str(lexicon_path(NAME)), str(exc)) from None


def resolve(findings: list[Finding], doubtful: list[tuple[int, int]] | None = None,
            sound: list[tuple[int, int]] | None = None, cut_at: int | None = None,
            last_starts: dict[str, int] | None = None) -> list[Finding]:
    """One finding per defect, by the declared policy; none that quotes a table the reader
    marked doubtful (``Report.doubtful``: its cells were glued and its rows do not check
    out, so a finding there would report the reading, not the report), but for the codes
    the policy keeps on rows read soundly (``sound``); none about a gap where the text
    breaks off (``cut_at``) or about an answer that would come after the cut, no paragraph
    of its section starting after the finding (``last_starts``: section -> the start of
    its last paragraph)."""
    if doubtful:
        findings = [f for f in findings if not _on_doubt(f, doubtful, sound or [])]
    if cut_at is not None:
        findings = [f for f in findings if not _beyond_cut(f, cut_at, last_starts or {})]
    dropped: set[int] = set()
    for rule in policy().rules:
        winners = [f for f in findings if f.code == rule.winner
                   and (rule.winner_rule is None or f.values.get("rule") == rule.winner_rule)]
        if not winners:
            continue
        if rule.scope == "paragraph":
            # a pseudo id (TBL, B) names a whole area, not one place: it decides nothing
            places = {e.paragraph for f in winners for e in f.evidence
                      if any(c.isdigit() for c in e.paragraph) and e.role not in rule.winner_skip_roles}
            for k, f in enumerate(findings):
                if f.code == rule.loser and (rule.loser_rule is None or f.values.get("rule") == rule.loser_rule) \
                        and any(e.paragraph in places for e in f.evidence):
                    dropped.add(k)
        elif rule.scope == "span":
            # the same figures quoted: the same defect, whatever else the paragraphs hold
            spans = [e for f in winners for e in f.evidence]
            for k, f in enumerate(findings):
                if f.code == rule.loser and (rule.loser_rule is None or f.values.get("rule") == rule.loser_rule) \
                        and any(e.paragraph == w.paragraph and e.start < w.end and w.start < e.end
                                for e in f.evidence for w in spans):
                    dropped.add(k)
        elif any(e.section in rule.winner_sections for f in winners for e in f.evidence):
            dropped.update(k for k, f in enumerate(findings) if f.code == rule.loser)
    dropped |= _same_defect(findings, dropped)
    return [f for k, f in enumerate(findings) if k not in dropped]


def _beyond_cut(f: Finding, cut_at: int, last_starts: dict[str, int]) -> bool:
    pol = policy().cut_off
    if not f.evidence:
        return False
    if f.code in pol.at_cut and any(e.end > cut_at for e in f.evidence):
        return True
    answer = pol.answered_later.get(f.code)
    return answer is not None and last_starts.get(answer, -1) < max(e.start for e in f.evidence)


def _on_doubt(f: Finding, doubtful: list[tuple[int, int]], sound: list[tuple[int, int]]) -> bool:
    def touches(e, spans) -> bool:
        return any(e.start < b and a < e.end for a, b in spans)

    if not any(touches(e, doubtful) for e in f.evidence):
        return False
    if f.code not in policy().doubtful_row_codes:
        return True
    return not all(any(a <= e.start and e.end <= b for a, b in sound) for e in f.evidence if touches(e, doubtful))


def _same_defect(findings: list[Finding], dropped: set[int]) -> set[int]:
    """Two rules that report one defect under one code (the prose rate check of NUM.ARITH
    and NUM.RATE_FIGURES on the same 执行率): the main piece of evidence of one (its first)
    overlaps a piece of the other's. The more confident one is kept (the first found on a
    tie); findings of one rule are that rule's own business."""
    def overlaps(a, bs) -> bool:
        return any(a.paragraph == b.paragraph and a.start < b.end and b.start < a.end for b in bs)

    out: set[int] = set()
    for k, f in enumerate(findings):
        if k in dropped or k in out or not f.evidence:
            continue
        for j in range(k + 1, len(findings)):
            g = findings[j]
            if j in dropped or j in out or g.code != f.code or g.rule_id == f.rule_id or not g.evidence:
                continue
            if overlaps(f.evidence[0], g.evidence) or overlaps(g.evidence[0], f.evidence):
                out.add(k if (g.confidence or 0) > (f.confidence or 0) else j)
                if k in out:
                    break
    return out
