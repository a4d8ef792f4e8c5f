"""What an improvement measure says beyond generic words: shared by VAGUE_MEASURE
(vague_measure.py, which reports a vague measure) and PROBLEM_WITHOUT_MEASURE (a vague
measure answers no problem). The tests are described in vague_measure.py; the word lists
are lexicons/cues_vague.yaml."""
from __future__ import annotations

from nlp_pipeline.detect._textcommon import compact
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.numbers import has_digit
from nlp_pipeline.text.segment import split_clauses


def _verbs(text: str) -> list[str]:
    # jieba.posseg's verbs without its 100 MB tagger (same words; see text/pos.py)
    from nlp_pipeline.text.pos import verbs

    return verbs(text)


def _without_generic(text: str, cues: dict) -> str:
    for w in sorted(cues.get("generic_words") or [], key=len, reverse=True):
        text = text.replace(w, "")
    return text


def _only_generic(clause: str, cues: dict) -> bool:
    return not _without_generic(clause, cues).strip("，,。；;、：: ")


def _generic_clauses(c: str, cues: dict) -> bool:
    """Every clause of compact measure ``c`` opens with a generic verb (after lead words)."""
    lead = sorted(cues.get("lead_words") or [], key=len, reverse=True)
    verbs = tuple(cues.get("generic_verbs") or [])
    refs = tuple(cues.get("reference_openers") or [])
    ref_words = cues.get("reference_words") or []
    seen = 0
    for a, b in split_clauses(c):
        cl = c[a:b].strip("，,。；;、：: ")
        if not cl:
            continue
        if cl.startswith(refs) and any(w in cl for w in ref_words):
            continue
        changed = True
        while changed:
            changed = False
            for w in lead:
                if cl.startswith(w):
                    cl, changed = cl[len(w):], True
        if not cl.startswith(verbs):
            if not _only_generic(cl, cues):
                return False
            continue  # a clause of slogans only (久久为功、常抓不懈) says nothing either way
        seen += 1
    return seen > 0


def residual(text: str, cues: dict, own_words: list[str] | tuple[str, ...] = ()) -> str | None:
    """What a measure says beyond generic words, or None when it is concrete.

    ``own_words`` are the words of the organisation's name (its place, its field: 审计
    in 某区审计局): a measure that names only them names nothing."""
    c = text.strip()
    if not compact(c)[0]:
        return None
    clauses_ok = len(compact(c)[0]) <= int(cues.get("max_chars_clauses", 0)) and _generic_clauses(c, cues)
    c = compact(text)[0]
    short_max = int(cues.get("max_chars", 25))
    longest = max(short_max, int(cues.get("max_chars_generic", short_max)))
    if not c or len(c) > (max(longest, len(c)) if clauses_ok else longest) or has_digit(c):
        return None
    if any(w in c for w in (cues.get("date_words") or []) + (cues.get("owner_words") or [])):
        return None
    if len(c) <= int(cues.get("label_max_chars", 0)) and not any(v in c for v in cues.get("generic_verbs") or []):
        return None  # a label or a greeting (产出指标, 满意度, 谢谢！) read as a measure is none
    generic = cues.get("generic_words") or []
    max_residual = int(cues.get("max_residual", 4))
    rest = _without_generic(c, cues)
    # an action inside a frame of intensity (加大宣传力度) names how much, not what: 宣传 there
    # is no concrete step
    acting = P.replace(c, P.named("intensity_frame"), "")
    if clauses_ok and not any(a in acting for a in cues.get("action_words") or []):
        return rest
    if len(c) > longest:
        return None
    if len(c) <= short_max and len(rest) <= max_residual:
        return rest
    # the organisation's own name is no content (审计 in an audit office's measure),
    # but a concrete action outside it (培训, 检查…) is
    own = sorted(own_words, key=len, reverse=True)
    plain = c
    for w in own:
        plain = plain.replace(w, "")
    concrete = any(a in plain for a in cues.get("action_words") or [])
    if not concrete:
        left = rest
        for w in own:
            left = left.replace(w, "")
        if len(left) <= max_residual:
            return left
    if len(c) > short_max:
        return None
    # every verb generic and no concrete action named (培训, 检查, 招聘…)
    if not concrete and all(v in generic for v in _verbs(c)):
        return rest
    return None
