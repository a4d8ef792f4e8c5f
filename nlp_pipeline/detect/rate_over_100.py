"""RATE_OVER_100: a coverage- or completion-type rate written above 100%.

A rate of the bounded kind (覆盖率, 普及率, 满意率 …: a part of a population) cannot pass
100% without its base being explained; a completion or execution rate of a plan can
exceed 100% when a target is overshot (over-fulfilment), and a growth rate is a change:
neither is flagged. Changes (同比增长, 提高) are not levels and are never checked. One finding per
metric, with every place that writes it above 100%.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrases, register

CODE = "RATE_OVER_100"


def rate_type(metric: str, cfg: dict) -> str | None:
    """'completion', 'growth', 'bounded' or None for the metric phrase of a percentage.

    A rate is <object><rate word>: a completion of a plan (完成率, 执行率) or a growth
    (增长率, 增速) may pass 100%; any other rate is a part of a whole (覆盖率, 参保率,
    悬挂率 …) and cannot."""
    rc = cfg.get("rate", {})
    flat = M.normalize(metric)
    if any(w and w in flat for w in rc.get("growth_rate_words") or []):
        return "growth"
    suf = M._words(cfg, "metric", "strip_suffix")
    s = M._strip(M.normalize(metric).strip(), [], suf).rstrip("达到为是约共计均平均致高")
    s = M._strip(s, [], suf)
    for w in sorted(rc.get("completion_words") or [], key=len, reverse=True):
        if s.endswith(w):
            return "completion"
    for w in sorted(rc.get("bounded_words") or [], key=len, reverse=True):
        if s.endswith(w):
            return "bounded"
    return None


OCR_BOUND_DIGIT = 200  # what a ≥ read as the digit 2 adds to a target rate (≥90% → 290%)


def _lost_bound(v: float) -> bool:
    """A rate of 2xx% whose xx is a rate itself: a bound sign extracted as a 2."""
    return OCR_BOUND_DIGIT < v <= OCR_BOUND_DIGIT + 100 and v == int(v)


def over_100(nums: list[M.Num], cfg: dict) -> list[tuple[M.Num, str]]:
    rc = cfg.get("rate", {})
    growth = rc.get("growth_words") or []
    explained = rc.get("explained_words") or []
    out = []
    for n in nums:
        if n.m.kind != "PERCENT" or (n.m.base_unit or "%") != "%" or n.interval is None:
            continue
        if n.interval[0] <= 100:  # 100%及以上 and 100.004% are not above 100
            continue
        kind = rate_type(n.metric, cfg) or rate_type(n.key, cfg)
        if kind is None or any(w in n.before for w in growth) or "change" in n.scopes:
            continue
        if kind in ("completion", "growth"):
            continue  # over-fulfilling a plan or growing more than doubles is possible
        if n.role == "target" and _lost_bound(n.m.base_value):
            continue  # 接种率290% as a target: ≥90% whose ≥ the text extraction made a 2
        s, e = M.clause_bounds(n.para.text, n.i, n.j, M.SENTENCE_BREAK)
        if any(w in n.para.text[s:e] for w in explained):
            continue  # the base is explained in the same sentence
        out.append((n, kind))
    return out


RULE = Rule(
    id="NUM.RATE100", code=CODE, severity="medium",
    summary_zh="覆盖率、满意率等有上限的比率超过100%",
    summary_en="A coverage- or completion-type rate written above 100%",
    example="农村饮水安全覆盖率达到105%。",
    confidence=0.85,
    explain_zh="有上限的比率（部分占总体）不能超过100%",
    explain_en="a bounded rate (a part of a whole) cannot pass 100%",
    params=(Param("ocr_bound_digit", "OCR_BOUND_DIGIT", "what a target rate gains when its ≥ is extracted as "
                                                        "the digit 2 (such targets are set aside)"),),
    messages=("NUM.RATE100.bounded", "NUM.RATE100.completion", "NUM.RATE100.rate_at"),
)


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    report = ctx.report
    thr = float(cfg.get("similarity", {}).get("threshold", 0.6))
    hits = over_100(M.enrich(report, ctx.mentions, cfg), cfg)
    groups: list[list[tuple[M.Num, str]]] = []
    for n, kind in hits:
        for g in groups:
            if M.similarity(g[0][0].key, n.key) >= thr:
                g.append((n, kind))
                break
        else:
            groups.append([(n, kind)])
    findings = []
    for g in groups:
        bounded = any(k == "bounded" for _, k in g)
        name = g[0][0].key or g[0][0].metric
        rates = phrases("rates", "NUM.RATE100.rate_at", [{"rate": n.m.text, "paragraph": n.para.id} for n, _ in g])
        findings.append(make_finding(
            CODE,
            "high" if bounded else "low",
            "NUM.RATE100.bounded" if bounded else "NUM.RATE100.completion",
            {"metric": name, **rates},
            [n.evidence(report) for n, _ in g],
            {"rates": [n.m.base_value for n, _ in g], "type": "bounded" if bounded else "completion"},
        ))
    return findings
