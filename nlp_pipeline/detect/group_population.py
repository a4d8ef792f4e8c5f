"""IMPLAUSIBLE_MAGNITUDE (more served than the group has): a count of people served,
insured or paid out of a group (特困人员, 65岁以上老年人) larger than the number of that
group the report itself states for its jurisdiction (全县共有特困人员1,862人 …参保18,620人;
常住人口约48.6万人，其中65岁以上老年人约3.96万人 …为65岁以上老年人提供健康管理服务4.82万人).

A group's size is a count of people (人, 名; never 人次) stated with a jurisdiction word
(全县, 辖区 …) and a possession verb before the group (共有, 现有 …), or as a part after
其中 of the jurisdiction's population. A served count is a count of people in another
statement of the outcomes that names the group before its figure; it is impossible when
it passes the group's size (its upper bound where the size is rounded, 约3.96万) by more
than ``people_factor``. Counts over several years (累计, 历年) and statements that name
another age than the group's (60岁以上 against 65岁以上) are not compared.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues

CODE = "IMPLAUSIBLE_MAGNITUDE"
GROUP_MIN = 2  # characters a group's name has at least (人员 alone names no group)
SERVED_SECTIONS = ("O", "K", "T", "P")

RULE = Rule(
    id="NUM.GROUP_SIZE", code=CODE, severity="high", name="GROUP_SIZE",
    summary_zh="服务、发放或参保人数超过报告所写该群体的总人数",
    summary_en="More people of a group served, paid or insured than the group has by the report's own count",
    example="全县共有特困人员1,862人。……为全县特困人员购买意外伤害保险，参保18,620人。",
    params=(Param("people_factor", "detect_numeric.yaml:magnitude.people_factor",
                  "how far a served count may pass the group's stated size"),
            Param("group_min", "GROUP_MIN", "characters a group's name has at least")),
    confidence=0.8,
    explain_zh="{group}共{size}（{where}），而{served_where}写{served}，超过群体总数",
    explain_en="the group {group} numbers {size} ({where}), yet {served_where} counts {served}, more than the whole group",
    messages=("NUM.GROUP_SIZE.main",),
)


def _people(n: M.Num) -> bool:
    return n.m.kind == "COUNT" and n.m.base_unit == "人" and n.interval is not None \
        and (n.m.qualifier or "exact") in ("exact", "approximate")


def _ages(nums: list[M.Num]) -> frozenset[float]:
    return frozenset(n.m.value for n in nums if n.m.kind == "QUANTITY" and n.m.base_unit == "岁")


def _groups(stated: list[tuple[M.Num, int, list[M.Num]]], mc: dict) -> list[tuple[M.Num, str, frozenset]]:
    """(size, group name, ages said of it) for every group size the report states;
    ``stated`` holds each figure with the start of its statement and the statement's figures."""
    scope = tuple(mc.get("group_scope_words") or ())
    verbs = sorted(mc.get("group_verbs") or (), key=len, reverse=True)
    whole = tuple(mc.get("population_words") or ())
    cues = default_cues()
    out = []
    for n, s, inside in stated:
        if not _people(n):
            continue
        head = n.para.text[s:n.i]
        ages = _ages([o for o in inside if o.j <= n.i])
        opens = [s + a for a, _ in cues.find(head, "breakdown")]
        name = M.normalize(n.metric or "")
        if opens and any(_people(o) and o.i < opens[-1] and any(w in (o.metric or "") for w in whole)
                         for o in inside):
            # 常住人口约48.6万人，其中65岁以上老年人约3.96万人: a part of the population
            for a, b in cues.find(name, "breakdown")[:1]:
                name = name[b:] if a == 0 else name
            out.append((n, name, ages))
            continue
        if not any(w in head for w in scope):
            continue
        at = max(((name.rfind(v), v) for v in verbs if v in name), default=(-1, ""))
        if at[0] >= 0:
            out.append((n, name[at[0] + len(at[1]):], ages))
    return [(n, g, a) for n, g, a in out if len(g) >= GROUP_MIN]


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    mc = cfg.get("magnitude", {})
    report = ctx.report
    factor = float(mc.get("people_factor", 1.05))
    several = tuple(mc.get("several_years_words") or ())
    stated = []
    for para, s, e, inside in M.by_statement(M.enrich(report, ctx.mentions, cfg), skip=("G", "I", "Q")):
        stated += [(n, s, inside) for n in inside]
    findings = []
    seen: set[int] = set()
    for size, group, ages in _groups(stated, mc):
        limit = size.interval[1] * factor
        for n, s, inside in stated:
            if n is size or id(n) in seen or n.para.section not in SERVED_SECTIONS or not _people(n) \
                    or (n.m.qualifier or "exact") != "exact" or n.m.base_value <= limit:
                continue
            head = n.para.text[s:n.i]
            if group not in M.normalize(head) or any(w in head for w in several):
                continue
            said = _ages([o for o in inside if o.j <= n.i])
            if ages and said != ages:
                continue  # (60岁以上 against 65岁以上: another group)
            seen.add(id(n))
            ev = [M.para_evidence(report, n.para, n.i, n.j), M.para_evidence(report, size.para, size.i, size.j)]
            ev[0].role, ev[1].role = "claim", "counter"
            findings.append(make_finding(
                CODE, "high", "NUM.GROUP_SIZE.main",
                {"group": group, "size": size.m.text, "where": size.para.id, "served": n.m.text,
                 "served_where": n.para.id},
                ev, {"group": group, "size": size.interval[1], "served": n.m.base_value},
            ))
    return findings
