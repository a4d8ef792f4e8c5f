"""Stage 4: detectors. See registry.py; each other module here holds one detector."""
from __future__ import annotations

import importlib
import pkgutil

from nlp_pipeline.detect.registry import DETECTORS, RULES, Context, Rule, applied, register, rules, stamp
from nlp_pipeline.detect.resolve import resolve
from nlp_pipeline.text.annotate import width_view

for _m in pkgutil.iter_modules(__path__):
    if _m.name not in ("registry", "resolve"):
        importlib.import_module(f"{__name__}.{_m.name}")


def run_detectors(ctx: Context, only: list[str] | None = None, params: dict | None = None) -> list:
    """Run every registered detector (or those named in ``only``) and return findings
    sorted by severity, then position. ``params`` overrides rule parameters
    (``{rule_id: {param: value}}``, checked by registry.validate_rule_params); each
    finding gets its rule's id, confidence and explanation."""
    order = {"high": 0, "medium": 1, "low": 2}
    # every rule reads one width-normalised view (９８％ is 98%); offsets are unchanged, and
    # each quote is taken back from the original text below
    view = Context(**width_view(dict(vars(ctx))))
    findings = []
    for name, fn in sorted(DETECTORS.items()):
        if only and name not in only:
            continue
        rule = RULES.get(name)
        with applied(rule, params):
            found = list(fn(view))
        findings.extend(stamp(rule, found))
    report = ctx.report
    last_starts: dict[str, int] | None = None
    if report.cut_at is not None:
        # each section's last paragraph; one that is itself cut off answers nothing for certain
        last_starts = {p.section: (-1 if p.end > report.cut_at else p.start)
                       for p in sorted(report.paragraphs(), key=lambda p: p.start)}
    findings = resolve(findings, doubtful=report.doubtful, sound=report.rows_sound,
                       cut_at=report.cut_at, last_starts=last_starts)
    text = ctx.report.text
    for f in findings:
        for e in f.evidence:
            if 0 <= e.start <= e.end <= len(text):
                e.quote = text[e.start:e.end]
    findings.sort(
        key=lambda f: (order.get(f.severity, 3), f.evidence[0].start if f.evidence else 0, f.code)
    )
    return findings


__all__ = ["DETECTORS", "RULES", "Context", "Rule", "register", "rules", "run_detectors"]
