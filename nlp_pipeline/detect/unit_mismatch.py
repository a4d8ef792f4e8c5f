"""UNIT_MISMATCH: a count indicator (its name says 数量/个数/人数/次数 …) reported as a
percentage, and the reverse where clear (a 率 indicator reported as a count with a
measure word). An indicator whose name says neither (升级改造路灯控制箱) is a count
when its task's target counts the thing it names (…控制箱20台, 20台…控制箱) or its own
target column is a count. Task tables are checked indicator by indicator, one finding per task;
running text is checked where a count word directly names a percentage.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import alignment_map
from nlp_pipeline.text.segment import clause_end
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrases, register
from nlp_pipeline.text import extract_numbers
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.annotate import default_cues

CODE = "UNIT_MISMATCH"


def indicator_type(name: str, cfg: dict) -> str | None:
    """'count', 'rate' or None, from the end of an indicator name."""
    iw = cfg.get("indicator_words", {})
    s = P.strip(_bare_name(name), P.named("name_figure_tail"))
    best = None
    for typ in ("count", "rate"):
        for w in iw.get(typ) or []:
            if s.endswith(w) and (best is None or len(w) > best[1]):
                best = (typ, len(w))
    return best[0] if best else None


def _bare_name(name: str | None) -> str:
    """An indicator's name without the marks it ends with (户数：)."""
    return P.strip(M.normalize(name or ""), P.named("name_end_marks"))


AFTER_COUNT = 10  # characters after a count in which the counted noun may stand


def _is_count(target: str) -> bool:
    """A target cell that is a count with its measure word (不少于15个)."""
    ms = extract_numbers(target)
    return len(ms) == 1 and ms[0].kind == "COUNT" and bool(ms[0].unit)


def counted_in_target(name: str, task, nums: list["M.Num"]) -> bool:
    """True when the thing an indicator names (the last two characters of its name) is
    counted in its task's target (路口15个, 15个信号灯控制路口) or its own target is a
    count (15个)."""
    if task.indicators and any(i.name == name and i.target and _is_count(i.target) for i in task.indicators):
        return True
    m = P.search(_bare_name(name), P.named("name_last_pair"))
    if m is None:
        return False
    tail = m.group(1)
    for n in nums:
        if n.m.kind != "COUNT" or not n.m.unit:
            continue
        before = P.strip(n.before or "", P.named("count_lead_verbs"))
        after = n.para.text[n.j:clause_end(n.para.text, n.j, n.j + AFTER_COUNT)]
        if before.endswith(tail) or tail in after:
            return True
    return False


def _result_kind(nums: list[M.Num]) -> str | None:
    if any(n.m.kind == "PERCENT" for n in nums):
        return "percent"
    if any(n.m.kind == "COUNT" and n.m.unit for n in nums):
        return "count"
    return None


RULE = Rule(
    id="NUM.UNIT", code=CODE, severity="medium",
    summary_zh="数量类指标以百分比报告，或比率类指标以计数报告",
    summary_en="A count indicator reported as a percentage, or a rate indicator reported as a count",
    example="指标“培训人数”：目标值200人，实际完成值95%。",
    params=(Param("after_count", "AFTER_COUNT", "characters after a count in which the counted noun may stand"),
            Param("per_total_factor", "PER_TOTAL_FACTOR",
                  "times a per-unit standard a result must be to read as a total")),
    confidence=0.8,
    explain_zh="指标名称所示的量纲与所报数值的单位不一致",
    explain_en="the kind the indicator's name asks for differs from the unit of the value reported",
    messages=("NUM.UNIT.table", "NUM.UNIT.table_row", "NUM.UNIT.rate_as_count", "NUM.UNIT.count_as_percent",
              "NUM.UNIT.money_scale", "NUM.UNIT.goal_unit", "NUM.UNIT.row_unit", "NUM.UNIT.per_unit_total"),
)


SCALE_SLIP = 1000  # base values this many times apart, figures as written alike: a unit slip
ALIKE = 2.0  # written figures within this factor of each other are "alike"


def _money_scale(report, nums: list[M.Num], cfg: dict) -> list:
    """An indicator whose target and result are amounts in units a power of ten apart
    (≤412.50万元 against 398.37元) while the figures as written are alike: the result's unit
    is wrong, and the target reads as met for the wrong reason."""
    out = []
    for c in M.indicator_checks(report, nums, cfg):
        t, a = c.target, c.actual
        if t.m.kind != "MONEY" or a.m.kind != "MONEY" or not (t.m.value and a.m.value and t.m.base_value and a.m.base_value):
            continue
        ratio = max(t.m.base_value, a.m.base_value) / min(t.m.base_value, a.m.base_value)
        alike = max(t.m.value, a.m.value) / min(t.m.value, a.m.value)
        if ratio < SCALE_SLIP or alike > ALIKE:
            continue
        factor = round(ratio / alike, -1) if ratio / alike >= 10 else ratio / alike
        out.append(make_finding(
            CODE, "high", "NUM.UNIT.money_scale",
            {"name": c.name, "target": t.m.text, "actual": a.m.text, "factor": M.fmt(factor)},
            c.evidence, {"target": t.m.base_value, "actual": a.m.base_value},
        ))
    return out


# measures whose units are of one kind but not of one dimension (m3 against m, m2 against m)
_MEASURE_KINDS = ("QUANTITY", "AREA")


def _goal_units(ctx: Context, report, nums: list[M.Num]) -> list:
    """A goal's target and the figure its aligned outcome reports for the same metric, in
    measures that do not convert (清除危岩体不少于8,500立方米 against 清除危岩体9.2公里)."""
    mapping = alignment_map(ctx, "outcomes_to_goals", report.paragraphs("O"), report.paragraphs("G"))
    by_para = M.by_paragraph(nums)
    out = []
    for oid, gid in mapping.items():
        if not gid:
            continue
        for t in by_para.get(gid, []):
            if t.m.kind not in _MEASURE_KINDS or not t.m.base_unit or len(t.key or "") < 3:
                continue
            for a in by_para.get(oid, []):
                if a.m.kind not in _MEASURE_KINDS or not a.m.base_unit or a.m.base_unit == t.m.base_unit:
                    continue
                if a.key != t.key:
                    continue
                out.append(make_finding(
                    CODE, "medium", "NUM.UNIT.goal_unit",
                    {"goal": gid, "outcome": oid, "metric": t.key, "target": t.m.text, "actual": a.m.text},
                    [M.para_evidence(report, a.para, a.i, a.j), M.para_evidence(report, t.para, t.i, t.j)],
                    {"target_unit": t.m.base_unit, "actual_unit": a.m.base_unit},
                ))
                break
    return out


def _row_units(report, by_para: dict[str, list[M.Num]]) -> list:
    """An indicator row whose target and result measure different things: a length against
    an area (≥3,000平方米 / 2.1公里), or a time in other units than its target (≥2,400小时 /
    312天: days open are no hours open, whatever they convert to)."""
    out = []
    for task in report.tasks:
        for ind in task.indicators:
            if ind.name_paragraph is None or ind.result_paragraph is None or not ind.target:
                continue
            kinds = _ROW_KINDS + ("COUNT", "MONEY")
            ts = [m for m in extract_numbers(ind.target) if m.kind in kinds + ("DATE",) and m.unit]
            rs = [n.m for n in by_para.get(ind.result_paragraph.id, []) if n.m.kind in kinds + ("PERCENT",) and n.m.unit]
            if len(ts) != 1 or len(rs) != 1:
                continue
            t, a = ts[0], rs[0]
            if a.kind == "PERCENT" and not extract_numbers(ind.target)[1:]:
                # a time, deadline, measure or amount target answered by a share (≤20个工作日
                # or 6月30日前 / 96%):
                # the share of cases on time is not the time it took (a count answered by
                # a share is count_as_rate.py's)
                if t.kind == "COUNT" or indicator_type(ind.name_paragraph.text, M.config()) == "rate":
                    continue  # (及时率 ≤20个工作日 / 96%: the rate is what the name asks for)
                out.append(_row_finding(report, ind, t, a))
                continue
            if t.kind == "DATE":
                continue  # (a deadline answered by a date is date_out_of_period's to read)
            # (a count of machines answered in 万元: the money paid for them, not their number;
            # ≤1.8万元 answered 1.62万公里)
            if not _clash(t, a):
                continue
            out.append(_row_finding(report, ind, t, a))
    return out


PER_TOTAL_FACTOR = 1000  # a result this many times a per-head standard is a total, not a standard


def _per_unit_target(name: str, target: str, t) -> bool:
    """The target is an amount per person, household or item: 10元/人, 每人400元, or an
    indicator named for one (人均补助标准)."""
    cues = default_cues()
    after = M.normalize(target)[t.end:t.end + 1]
    return after in ("/", "／") or cues.has(target, "per_unit") or cues.has(name, "per_unit")


def _per_unit_totals(report, by_para: dict[str, list[M.Num]]) -> list:
    """A per-unit standard (≥10元/人) answered with an amount thousands of times larger and
    no unit of its own (265.80万元): the total paid, not the standard reached, so the
    target cannot be checked (or the unit slipped)."""
    out = []
    for task in report.tasks:
        for ind in task.indicators:
            if ind.name_paragraph is None or ind.result_paragraph is None or not ind.target:
                continue
            ts = [m for m in extract_numbers(ind.target) if m.kind == "MONEY" and m.base_value]
            rs = [n for n in by_para.get(ind.result_paragraph.id, []) if n.m.kind == "MONEY" and n.m.base_value]
            if len(ts) != 1 or len(rs) != 1 or not _per_unit_target(ind.name_paragraph.text, ind.target, ts[0]):
                continue
            t, a = ts[0], rs[0]
            rtext = M.normalize(ind.result_paragraph.text)
            if rtext[a.j:a.j + 1] in ("/", "／") or default_cues().has(rtext, "per_unit"):
                continue  # the result is a standard too (12元/人)
            if a.m.base_value < t.base_value * PER_TOTAL_FACTOR:
                continue
            out.append(make_finding(
                CODE, "medium", "NUM.UNIT.per_unit_total",
                {"name": ind.name, "target": ind.target.strip(), "actual": a.m.text,
                 "factor": f"{a.m.base_value / t.base_value:,.0f}"},
                [M.para_evidence(report, p, 0, len(p.text)) for p in (ind.name_paragraph, ind.result_paragraph)],
                {"target": t.base_value, "actual": a.m.base_value},
            ))
    return out


def _row_finding(report, ind, t, a):
    return make_finding(
        CODE, "medium", "NUM.UNIT.row_unit",
        {"name": ind.name, "target": ind.target.strip(), "actual": a.text},
        [M.para_evidence(report, p, 0, len(p.text)) for p in (ind.name_paragraph, ind.result_paragraph)],
        {"target_unit": t.unit, "actual_unit": a.unit},
    )


_ROW_KINDS = _MEASURE_KINDS + ("DURATION",)


def _clash(t, a) -> bool:
    """Target and result in measures that do not convert: two kinds of measure (亩 / 吨),
    one kind in other base units, or money against anything else."""
    if not (t.unit and a.unit):
        return False
    return (t.kind != a.kind and {t.kind, a.kind} <= set(_MEASURE_KINDS)) or (
        t.kind == a.kind and t.kind in _ROW_KINDS
        and (t.base_unit != a.base_unit if t.kind in _MEASURE_KINDS else t.unit != a.unit)) or (
        "MONEY" in {t.kind, a.kind} and t.kind != a.kind and {t.kind, a.kind} <= set(_ROW_KINDS + ("COUNT", "MONEY")))


def _sentence_units(report, nums: list[M.Num], cfg: dict) -> list:
    """A target and its result named by field cues in one sentence (年度指标值为不少于300亩，
    实际完成300吨) in measures that do not convert."""
    out = []
    for t, a in M.cue_pairs(report, nums, cfg):
        if not _clash(t.m, a.m):
            continue
        name = t.key or a.key or ""
        out.append(make_finding(
            CODE, "medium", "NUM.UNIT.row_unit",
            {"name": name, "target": t.m.text, "actual": a.m.text},
            [M.para_evidence(report, t.para, t.i, a.j)],
            {"target_unit": t.m.unit, "actual_unit": a.m.unit},
        ))
    return out


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    report = ctx.report
    nums = M.enrich(report, ctx.mentions, cfg)
    by_para: dict[str, list[M.Num]] = {}
    for n in nums:
        by_para.setdefault(n.para.id, []).append(n)
    findings = []
    in_tables: set[str] = set()
    for task in report.tasks:
        bad = []
        for ind in task.indicators:
            if ind.name_paragraph is None or ind.result_paragraph is None:
                continue
            in_tables.add(ind.result_paragraph.id)
            typ = indicator_type(ind.name_paragraph.text, cfg)
            res = by_para.get(ind.result_paragraph.id, [])
            rk = _result_kind(res)
            if rk is None and "%" in M.normalize(ind.result_paragraph.text):
                rk = "percent"
            if typ is None and rk == "percent" and counted_in_target(
                    ind.name, task, by_para.get(task.target.id, []) if task.target is not None else []):
                typ = "count"
            if (typ, rk) in (("count", "percent"), ("rate", "count")):
                bad.append((ind, typ))
        if not bad:
            continue
        ev = []
        for ind, _ in bad:
            ev.append(M.para_evidence(report, ind.name_paragraph, 0, len(ind.name_paragraph.text)))
            ev.append(M.para_evidence(report, ind.result_paragraph, 0, len(ind.result_paragraph.text)))
        rows = phrases("rows", "NUM.UNIT.table_row",
                       [{"name": i.name_paragraph.text, "result": i.result_paragraph.text} for i, _ in bad],
                       sep=("；", "; "))
        counts = [i for i, t in bad if t == "count"]
        findings.append(make_finding(
            CODE, "medium" if counts else "low", "NUM.UNIT.table", rows,
            ev,
            {"indicators": [i.name_paragraph.text for i, _ in bad]},
        ))
    findings += _money_scale(report, nums, cfg)
    findings += _goal_units(ctx, report, nums)
    findings += _row_units(report, by_para)
    findings += _per_unit_totals(report, by_para)
    findings += _sentence_units(report, nums, cfg)
    # running text: "新增学位数量100%", and the reverse "列养率为1260公里"
    for n in nums:
        if n.para.id in in_tables or n.para.section in ("Q", "I") or n.mi >= n.i:
            continue
        raw = P.strip(n.para.text[n.mi:n.i], P.named("metric_lead_verbs"))
        typ = indicator_type(raw, cfg)
        # a count per a measure (0.064次/10万公顷, 每万人3.2起) is a rate written its own way
        per_measure = n.para.text[n.j:n.j + 1] in ("/", "／") or n.para.text[max(0, n.i - 3):n.i].startswith("每")
        points = (n.m.unit or "") == "分"  # 执行率…10分: the row's points, not its result
        if typ == "rate" and n.m.kind in ("COUNT", "QUANTITY", "AREA", "MONEY") and n.m.unit and not per_measure \
                and not points:
            findings.append(make_finding(
                CODE, "medium", "NUM.UNIT.rate_as_count", {"metric": raw.strip(), "figure": n.m.text},
                [n.evidence(report)],
                {"metric": n.key},
            ))
            continue
        if n.m.kind != "PERCENT":
            continue
        if typ == "count" and not P.has(raw[-4:], P.named("share_word")):
            findings.append(make_finding(
                CODE, "medium", "NUM.UNIT.count_as_percent", {"metric": raw.strip(), "figure": n.m.text},
                [n.evidence(report)],
                {"metric": n.key},
            ))
    return findings
