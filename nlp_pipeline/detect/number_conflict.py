"""NUMBER_CONFLICT: the same metric written with different values in two places.

Numbers are compared only when they are of the same kind and base unit, play the same
role (a result against a result, a target against a target: a result that differs from
its target is a shortfall, not a conflict), and their metric phrases are each other's best
match across the two paragraphs. Values agree when the intervals their wording allows
overlap (约, 以上, the rounding of the last digit), so 12,000万元 and 约1.2亿元 agree.
"""
from __future__ import annotations

import dataclasses
from itertools import combinations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.text.segment import project_name
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrase, register, render
from nlp_pipeline.text import patterns as P

CODE = "NUMBER_CONFLICT"
_SKIP_SCOPES = {"per", "change", "share", "base"}
NOT_REACHED = ("未达", "未达到", "未能达到", "低于", "不足", "未超过", "没有达到")


def _comparable(a: M.Num, b: M.Num, cfg: dict, goals: dict | None = None, topics: dict | None = None,
                memo: dict | None = None) -> float:
    """Similarity of two numbers' metrics, 0 when they cannot be the same metric."""
    if a.role != b.role or a.role not in ("target", "actual"):
        return 0.0
    sim_cfg = cfg.get("similarity", {})
    thr = _threshold(a, b, sim_cfg)
    if thr is None:
        return 0.0
    if _apart(a, b, cfg, memo) or _two_goals(a, b, goals):
        return 0.0
    sim = M.similarity(a.key, b.key)
    if _metrics_differ(a, b, cfg, goals, topics):
        return 0.0
    if sim < thr and _row_run(a, b):
        sim = thr  # a table row named by the work the sentence counts (常规统计调查 / 常规统计调查任务完成数)
    return sim if sim >= thr else 0.0


BREAKDOWN_MAX = 6  # figures of one metric a total-and-parts reading is tried on


def _without_breakdowns(comp: list, cfg: dict) -> list:
    """The edges of a conflict without those between figures that are a total and its
    parts (1,737万元 here, its batches 1,300万元 and 437万元 there)."""
    members: list[M.Num] = []
    for a, b, _ in comp:
        members += [n for n in (a, b) if all(n is not x for x in members)]
    explained = _breakdown(members)
    return [e for e in comp if not (any(e[0] is n for n in explained) and any(e[1] is n for n in explained))]


def _breakdown(members: list[M.Num]) -> list[M.Num]:
    """A figure that is the sum of two or more of the others (within the rounding written),
    with those others: the places give a total and its parts, not two readings of one
    figure. [] when none is."""
    nums = [n for n in members if n.m.base_value]
    if not 3 <= len(nums) <= BREAKDOWN_MAX:
        return []  # among many figures some sum by chance
    for total in nums:
        rest = [n for n in nums if n is not total and n.m.base_value < total.m.base_value]
        for r in range(2, min(len(rest), 4) + 1):
            for combo in combinations(rest, r):
                tol = M.half_ulp(total.m) + sum(M.half_ulp(n.m) for n in combo) + 1e-9
                if abs(sum(n.m.base_value for n in combo) - total.m.base_value) <= tol:
                    return [total, *combo]
    return []


def _substituted(a: str, b: str) -> bool:
    """Two metric names of one length that differ in one run of one or two characters
    inside them (土壤污染防治资金 / 大气污染防治资金, 新增就业 / 新增创业): one word put for
    another names another thing."""
    if len(a) != len(b) or len(a) < 4 or a == b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) <= 2 and diff[-1] - diff[0] == len(diff) - 1


def _two_goals(a: M.Num, b: M.Num, goals: dict | None) -> bool:
    """Two outcome items that report two different goals (O1 on G1's 生活补贴, O2 on G2's
    护理补贴) count two things, however alike their words."""
    if not goals or a.para.section != b.para.section or a.para.section not in ("O", "K"):
        return False
    ga, gb = goals.get(M.place(a.para.id)), goals.get(M.place(b.para.id))
    return bool(ga and gb and ga != gb)


def _threshold(a: M.Num, b: M.Num, sim_cfg: dict) -> float | None:
    """The similarity two numbers' metrics need to be one metric; None when their kinds
    or units cannot be."""
    ka, kb = a.m.kind, b.m.kind
    thr = float(sim_cfg.get("threshold", 0.6))
    if a.unitless or b.unitless:
        if a.unitless and b.unitless:
            pass
        elif {ka, kb} - {"COUNT", "QUANTITY", "RANGE"}:
            return None
        thr = float(sim_cfg.get("threshold_unitless", 0.75))
    else:
        if ka != kb and {ka, kb} - {"COUNT", "RANGE"}:
            return None
        if (a.m.base_unit or "") != (b.m.base_unit or ""):
            return None
    return thr


def _per_unit(n: M.Num) -> bool:
    """The figure is per person, per item or a standard (人均, 每户, 标准/人·年, 元/亩)."""
    from nlp_pipeline.text.annotate import default_cues

    name = n.metric or n.key or ""
    after = n.para.text[n.j:n.j + 2]
    return "/" in name or after.startswith("/") or "标准" in name or default_cues().has(name, "per_unit")


@dataclasses.dataclass(frozen=True)
class _Traits:
    """What _apart asks of one number, worked out once per number and run (the pairs of
    a report's figures are many; each figure is in thousands of them)."""
    scopes: tuple[bool, bool, bool]
    place: str
    scoped: bool
    listed: bool
    per_unit: bool
    label: str
    quoted: str
    year: int | None


def _traits(n: M.Num, cfg: dict, memo: dict | None) -> _Traits:
    got = memo.get(id(n)) if memo is not None else None
    if got is None:
        label = n.label
        got = _Traits(
            scopes=tuple(s in n.scopes for s in ("cumulative", "new", "subperiod")),
            place=M.place(n.para.id), scoped=M.project_scoped(n, cfg), listed=_listed(n),
            per_unit=_per_unit(n), label=M.normalise_metric(label, cfg) if label else "",
            quoted=_quoted_name(n), year=n.year)
        if memo is not None:
            memo[id(n)] = got
    return got


def _apart(a: M.Num, b: M.Num, cfg: dict, memo: dict | None = None) -> bool:
    """Whether where and how the two numbers are said makes them different metrics.
    ``memo`` keeps each number's traits for one run (keyed by identity: the numbers
    must outlive it)."""
    ta, tb = _traits(a, cfg, memo), _traits(b, cfg, memo)
    # a cumulative figure and a yearly one, or a new one and a stock, are different metrics
    if ta.scopes != tb.scopes:
        return True
    if ta.place == tb.place:
        return True  # two indicators of one task are different indicators
    if (ta.scoped or tb.scoped) and not M.same_project(a, b, cfg):
        return True  # a project's own budget, spending or rate against another project's or the department's
    if ta.listed != tb.listed:
        return True  # a total over listed objects (甲、乙共1,058名) against one of them (乙386名)
    if ta.per_unit != tb.per_unit:
        return True  # a rate per person (补助标准/人·年 60元) against the total paid (331.865万元)
    if ta.label and tb.label and M.similarity(ta.label, tb.label) < 0.5:
        return True  # paragraphs on two different projects ("供水工程项目：" / "河长制项目：")
    if ta.year and tb.year and ta.year != tb.year:
        return True  # 2021年度目标 620万亩 and 2022年度目标 640万亩: two years' figures
    qa, qb = ta.quoted, tb.quoted
    if qa and qb and qa != qb:
        return True  # “乌拉山化肥厂地块调查项目”(723万元) and “前旗污染地块详细调查”(272万元): two projects
    return False


def _quoted_name(n: M.Num) -> str:
    """The name in quotation marks the figure's words end with (a project's), or ''."""
    text = M.normalize(n.para.text[max(0, n.i - 60):n.i])
    at = max(text.rfind("“"), text.rfind('"'))
    if at < 0:
        return ""
    name = text[at + 1:]
    end = min((k for k in (name.find("”"), name.find('"')) if k >= 0), default=len(name))
    return name[:end] if end >= 4 else ""


def _metrics_differ(a: M.Num, b: M.Num, cfg: dict, goals: dict | None, topics: dict | None) -> bool:
    """Whether the two metric phrases name different things, however alike they read."""
    sim_cfg = cfg.get("similarity", {})
    A, B = set(a.key), set(b.key)
    jac = len(A & B) / len(A | B) if A | B else 0.0
    if jac < float(sim_cfg.get("min_jaccard", 0.45)) and not _same_goal_subsequence(a, b, goals, cfg) \
            and not _same_tail(a, b) and not _row_run(a, b):
        return True
    specific = a.m.kind != "MONEY" and not (a.unitless or b.unitless)
    if _modifiers_differ(a.key, b.key, float(sim_cfg.get("modifier_min", 0.5)), specific=specific):
        return True
    if _substituted(M.normalise_metric(a.metric or a.key, cfg), M.normalise_metric(b.metric or b.key, cfg)) \
            or _substituted(a.key, b.key):
        return True
    if a.key.endswith("率") and b.key.endswith("率") and a.key[-2:] != b.key[-2:]:
        return True  # 定期检验率 and 检验覆盖率 are two rates
    if _kind_of(a, b):
        return True  # 受理执行案件1,236件 beside 受理案件4,826件: a kind of the work, not a slip
    if _heads_differ(a.key, b.key):
        return True  # 政府投资审计 and 政府投资项目结算审核 count two kinds of work
    if M.stages_differ(a.metric, b.metric, cfg):
        return True  # 开工42个 and 完工38个 count two stages of one work
    if M.sampled(a.metric or a.key, cfg) != M.sampled(b.metric or b.key, cfg):
        return True  # 抽查240人 of the 2,380 counted: a sample, not a second count
    if _context_bound(a.key, cfg) or _context_bound(b.key, cfg):
        ga, gb = (goals or {}).get(M.place(a.para.id)), (goals or {}).get(M.place(b.para.id))
        if ga and gb and ga != gb:
            return True  # 整改隐患 of rented housing and of workplaces: two goals, two counts
        if not _same_subject(a, b, cfg, topics):
            return True  # 成交金额 of government purchases and of land sales
    return False


TAIL_MIN = 4  # characters a short metric must have to be read as the end of a long one
RUN_MIN = 6  # characters of a run a table row's name and a sentence's metric share to count one work
RUN_SHARE = 0.6  # …and the share of the row's name it makes


def _row_run(a: M.Num, b: M.Num) -> bool:
    """A table row's name and a sentence's metric share a run of RUN_MIN characters or more
    that makes most of the row's name (常规统计调查任务完成数 / 完成…布置的常规统计调查)."""
    rows = [n for n in (a, b) if ".r" in n.para.id]
    if len(rows) != 1:
        return False
    row = rows[0].key
    other = (b if rows[0] is a else a).key
    best = 0
    for i in range(len(row)):
        for j in range(i + RUN_MIN, len(row) + 1):
            if row[i:j] in other:
                best = max(best, j - i)
            else:
                break
    return best >= RUN_MIN and best >= RUN_SHARE * len(row)


# endings that name a measure, not a thing (治理面积, 发放人数): a tail made of little else
# says nothing about what is counted
_MEASURE_ENDINGS = ("面积", "金额", "资金", "经费", "人次", "长度", "里程", "规模", "人数", "户数", "数量", "次数", "总数")


def _same_tail(a: M.Num, b: M.Num) -> bool:
    """A table row's indicator and a sentence of the narrative whose metric phrase ends with
    that indicator's name, in the same measure word, count the same thing (委托疾控中心开展水质
    检测 148批次 / 水质检测批次 152批次): the object a count counts comes last. The name must
    keep four characters once a measure ending (面积, 人数) is taken off."""
    rows = [n for n in (a, b) if ".r" in n.para.id]
    if len(rows) != 1:
        return False
    short, long_ = sorted((a.key, b.key), key=len)
    core = short
    for w in _MEASURE_ENDINGS:
        if core.endswith(w):
            core = core[: -len(w)]
            break
    return len(core) >= TAIL_MIN and long_.endswith(short) and bool(a.m.unit) and a.m.unit == b.m.unit


def _same_goal_subsequence(a: M.Num, b: M.Num, goals: dict | None, cfg: dict) -> bool:
    """Where both places report on one goal, a short metric inside a long one is the same
    metric though most of the long one's characters are extra: after an activity verb in
    any unit (康复训练 / 为院内残疾儿童开展康复训练), or spelled out in order in a measure
    word rarer than the commonest ones (发放贷款 / 发放个人住房公积金贷款, 笔)."""
    if not goals or a.unitless or b.unitless:
        return False
    ga, gb = goals.get(M.place(a.para.id)), goals.get(M.place(b.para.id))
    if not ga or ga != gb:
        return False
    short, long_ = sorted((a.key, b.key), key=len)
    if len(short) < 4:
        return False
    verbs = cfg.get("similarity", {}).get("activity_verbs") or []
    if long_.endswith(short) and any(long_[: -len(short)].endswith(v) for v in verbs):
        return True  # 康复训练 / 为院内残疾儿童开展康复训练: the same work, for whom added
    if (a.m.base_unit or "") in (cfg.get("similarity", {}).get("common_units") or []):
        return False
    it = iter(long_)
    return all(ch in it for ch in short)


def _heads_differ(a: str, b: str) -> bool:
    """The two-character heads of two metrics differ and neither metric names the other's
    head anywhere (审计 / 审核): the head noun or verb says what is counted."""
    ha, hb = a[-2:], b[-2:]
    if len(a) < 4 or len(b) < 4 or ha == hb or set(ha) <= set(hb) or set(hb) <= set(ha):
        return False
    if ha not in b and hb not in a:
        return True
    # the longer metric names the shorter's head only as a modifier of its own head
    # (排查公用人防工程 / 排查整改公用人防工程安全隐患: facilities, then hazards)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(long_) - len(short) >= 4 and long_[-2:] not in short and short[-2:] in long_[:-2]


def _listed(n: M.Num) -> bool:
    """The number totals several enumerated objects (生态护林员、天然林护林员共1,058名)."""
    return "、" in M.normalize(n.metric).strip("、") and any(
        w in n.before[-4:] for w in ("共", "合计", "总计", "累计", "总数"))


def _sentence_words(n: M.Num, cfg: dict, topics: dict | None = None) -> set[str]:
    """The character pairs its sentence names before the number, numbers and fillers out;
    for a table cell, which names nothing, those of its task's target."""
    s, _ = M.clause_bounds(n.para.text, n.i, n.i, M.SENTENCE_BREAK)
    raw = n.para.text[s: n.i]
    if not M.normalise_metric(raw, cfg).strip():
        raw = (topics or {}).get(M.place(n.para.id), "") + raw
    text = P.replace(M.normalize(raw), P.named("subject_breaks"), "|")
    stop = set(cfg.get("metric", {}).get("subject_stop_pairs") or [])
    # the metric's own words, as keyed and as written (受理各类案件: 各类 names no subject)
    own = {w[k:k + 2] for w in (n.key, M.normalize(n.metric or "")) for k in range(len(w) - 1)}
    return {text[k:k + 2] for k in range(len(text) - 1) if "|" not in text[k:k + 2]} - stop - own


def _same_subject(a: M.Num, b: M.Num, cfg: dict, topics: dict | None = None) -> bool:
    """Two sentences that name a common subject besides the metric's head."""
    wa, wb = _sentence_words(a, cfg, topics), _sentence_words(b, cfg, topics)
    return not wa or not wb or bool(wa & wb)  # a table cell names its subject elsewhere


def _context_bound(key: str, cfg: dict) -> bool:
    """A short metric whose head (隐患, 问题, 案件 …) needs its paragraph's subject."""
    mc = cfg.get("metric", {})
    extra = int(mc.get("context_max_extra", 4))
    return any(key.endswith(h) and len(key) - len(h) <= extra for h in mc.get("context_heads") or [] if h)


def goal_map(report, alignments: dict | None) -> dict[str, str]:
    """The goal each place reports on: a goal itself, an outcome / performance paragraph /
    task through its alignment."""
    out: dict[str, str] = {}
    for p in report.paragraphs("G"):
        out[p.id] = p.id
    for al in (alignments or {}).values():
        if getattr(al, "target_section", None) != "G":
            continue
        for pair in al.pairs:
            if pair.target:
                out.setdefault(M.place(pair.source), pair.target)
    # key projects written as groups of items, each numbered from 1 under its own heading
    # (重点项目一：… 1.项目目标 2.完成情况 3.资金使用; 重点项目二：… 1. …): a group is one project
    group = 0
    for k, p in enumerate(report.paragraphs("K")):
        if k and (p.number or "").strip(" .、．") == "1":
            group += 1
        out.setdefault(p.id, f"K#{group}")
    return out


SPECIFIC_HEAD = 6  # characters of a shared head that name one work whatever precedes it
INSERTED_MAX = 3  # characters put inside a name (受理[执行]案件) that may make it a kind of the work
KIND_RATIO = 1.5  # …when the kind counts this many times fewer (执行案件1,236 of 受理案件4,826)


def _kind_of(a: M.Num, b: M.Num) -> bool:
    """One name is the other with a short word put inside it (受理案件 / 受理执行案件), and
    its figure is far smaller: it counts a kind of the work (全日制在校生3,215 beside 在校生
    3,512 is the same count written twice)."""
    short_, long_ = sorted((a, b), key=lambda n: len(n.key))
    sk, lk = short_.key, long_.key
    head = 0
    while head < len(sk) and sk[head] == lk[head]:
        head += 1
    inserted = len(lk) - len(sk)
    if not (1 <= inserted <= INSERTED_MAX) or head < 2 or lk[head + inserted:] != sk[head:] or len(sk) - head < 2:
        return False
    small, big = long_.m.base_value or 0, short_.m.base_value or 0
    return 0 < small * KIND_RATIO <= big


def _modifiers_differ(a: str, b: str, floor: float, specific: bool = True) -> bool:
    """Two metrics that share a generic head (资金执行率) but name different things before
    it (残疾人两项补贴 / 安全提升项目) are different metrics."""
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    if k < 2:
        return False
    if specific and k >= SPECIFIC_HEAD:
        # (院内和基层 / 医院全年 推广中医适宜技术: one work, said where and when; one fund's
        # money is often split between tasks, so amounts are not read so)
        return False
    ra, rb = a[: len(a) - k], b[: len(b) - k]
    if (len(ra) >= 2 and ra.endswith("的") and not rb) or (len(rb) >= 2 and rb.endswith("的") and not ra):
        return True  # 有康复需求的持证残疾人 is a subset of 持证残疾人

    if len(ra) < 2 or len(rb) < 2:
        return False
    return M.similarity(ra, rb) < floor


def _candidates(nums: list[M.Num], cfg: dict) -> list[M.Num]:
    kinds = set(cfg.get("compared_kinds") or [])
    generic = set(cfg.get("metric", {}).get("generic") or [])
    min_chars = int(cfg.get("similarity", {}).get("min_chars", 2))
    score_cues = cfg.get("score", {}).get("weight_cues") or ["分值"]
    out = []
    for n in nums:
        if n.m.kind not in kinds or n.interval is None or n.other_year:
            continue
        if len(n.key) < min_chars and n.key:
            n = _with_topic(n, cfg)
        if n.key in generic and M.budget_metric(n, cfg):
            n = _with_project(n, cfg)
        if n.scopes & _SKIP_SCOPES or len(n.key) < min_chars or n.key in generic:
            continue
        if any(w in n.clause for w in score_cues):
            continue  # weights and scores are the score check's business
        if n.before.rstrip().endswith(NOT_REACHED):
            continue  # 持证上岗率未达100%: the bar it missed, not a value of its own
        out.append(n)
    return out


def _with_project(n: M.Num, cfg: dict) -> M.Num:
    """A budget figure too generic to name anything (实际支出) takes the project its
    sentence names (农村饮水安全巩固项目年度预算…，实际支出821.40万元), so the same
    project's figures can be compared across paragraphs."""
    text = n.para.text
    s, _ = M.clause_bounds(text, n.i, n.i, M.SENTENCE_BREAK)
    span = project_name(text[s: n.i])
    found = [text[s + span[0]: s + span[1]]] if span else ([M.project_subject(n.para)] if s == 0 else [])
    subject = P.strip(found[0] if found and found[0] else "", P.named("project_word_end"))
    subject = M.normalise_metric(subject, cfg)
    if len(subject) < 2:
        return n
    return dataclasses.replace(n, key=subject + n.key)


def _with_topic(n: M.Num, cfg: dict) -> M.Num:
    """A metric too short to name anything (新增入库76家) takes the topic its sentence
    opens with, when that opening clause holds no number of its own ("四上"企业培育成效
    明显，全年新增入库76家)."""
    text = n.para.text
    s, _ = M.clause_bounds(text, n.i, n.i, M.SENTENCE_BREAK)
    cs, _ = M.clause_bounds(text, n.i, n.i)
    if cs <= s:
        return n
    _, te = M.clause_bounds(text, s, s)
    topic = text[s:te]
    if te > cs or any(ch.isdigit() for ch in topic) or len(topic) > 20:
        return n
    head = M.normalise_metric(topic, cfg)
    if len(head) < 2:
        return n
    return dataclasses.replace(n, key=head + n.key)


def _best(x: M.Num, others: list[M.Num], cfg: dict, goals: dict | None = None,
          topics: dict | None = None, memo: dict | None = None) -> tuple[M.Num | None, float]:
    best, best_s = None, 0.0
    if not x.unitless:  # figures with units in two base units never compare (_threshold)
        unit = x.m.base_unit or ""
        others = [y for y in others if y.unitless or (y.m.base_unit or "") == unit]
    for y in others:
        s = _comparable(x, y, cfg, goals, topics, memo)
        # among equally good matches prefer one that agrees: no conflict is claimed
        # while an agreeing reading exists
        if s > best_s + 1e-9 or (best is not None and abs(s - best_s) <= 1e-9 and s > 0
                                 and M.disjoint(x.interval, best.interval)
                                 and not M.disjoint(x.interval, y.interval)):
            best, best_s = y, s
    return best, best_s


def conflict_edges(nums: list[M.Num], cfg: dict, goals: dict | None = None,
                   topics: dict | None = None) -> list[tuple[M.Num, M.Num, float]]:
    by_para: dict[str, list[M.Num]] = {}
    for n in _candidates(nums, cfg):
        by_para.setdefault(n.para.id, []).append(n)
    written: dict[str, list[M.Num]] = {}
    for n in nums:
        if n.interval is not None and not n.other_year:
            written.setdefault(n.para.id, []).append(n)
    edges = []
    memo: dict = {}
    backs: dict = {}
    # only a target meets a target and a result a result: each paragraph's figures by role
    by_role = {pid: {r: [n for n in ns if n.role == r] for r in {n.role for n in ns}} for pid, ns in by_para.items()}
    for pa, pb in combinations(sorted(by_para, key=lambda k: by_para[k][0].m.start), 2):
        A, B = by_role[pa], by_role[pb]
        for a in by_para[pa]:
            b, s = _best(a, B.get(a.role, []), cfg, goals, topics, memo)
            if b is None:
                continue
            key = (id(b), pa)  # several of A's figures may pick the same b
            if key not in backs:
                backs[key] = _best(b, A.get(b.role, []), cfg, goals, topics, memo)[0]
            back = backs[key]
            if back is not a:
                continue
            if M.disjoint(a.interval, b.interval) and not (
                    _also_written(b, written[pa], cfg) or _also_written(a, written[pb], cfg)):
                edges.append((a, b, s))
    # a figure in conflict is read against its best conflicting match: 受理案件4,826件 meets
    # 受理案件4,628件 (the same name), not also a weaker match in a third paragraph
    best: dict[int, float] = {}
    for a, b, s in edges:
        for n in (a, b):
            best[id(n)] = max(best.get(id(n), 0.0), s)
    return [(a, b, s) for a, b, s in edges if s >= best[id(a)] - 1e-9 and s >= best[id(b)] - 1e-9]


def _also_written(n: M.Num, others: list[M.Num], cfg: dict) -> bool:
    """The other paragraph writes this value too, for a like metric or for one it does not
    name (全年为168名…, …，合计10.09万笔): the pair was matched by its wording while the
    value itself agrees (168名 残疾儿童 against a paragraph with 168名 and, after 其中,
    23名 听力残疾儿童)."""
    totals = set(cfg.get("arithmetic", {}).get("sum_after_cues") or [])
    return any(o.m.kind == n.m.kind and (o.m.base_unit or "") == (n.m.base_unit or "")
               and o.interval is not None and not M.disjoint(o.interval, n.interval)
               and (len(o.key) < 2 or o.key in totals or M.similarity(o.key, n.key) >= 0.4) for o in others)


def _components(edges):
    """Edges that share a number or a pair of paragraphs make one finding."""
    parent = list(range(len(edges)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: dict[object, int] = {}
    for k, (a, b, _) in enumerate(edges):
        for token in (id(a), id(b), ("pair", a.para.id, b.para.id)):
            if token in seen:
                parent[find(k)] = find(seen[token])
            else:
                seen[token] = k
    groups: dict[int, list] = {}
    for k in range(len(edges)):
        groups.setdefault(find(k), []).append(edges[k])
    return list(groups.values())


def _part_of(n: M.Num, nums: list[M.Num], cfg: dict) -> bool:
    """The number, or a number of the same metric in its paragraph, is a part (第二批)."""
    if "part" in n.scopes:
        return True
    thr = float(cfg.get("similarity", {}).get("threshold", 0.6))
    return any(
        o.para.id == n.para.id and "part" in o.scopes and M.similarity(o.key, n.key) >= thr
        for o in nums
    )


def budget_conflicts(report, nums: list[M.Num], cfg: dict) -> list:
    """A department-level budget figure restated in the text with another value
    ("全年实际支出11,200万元" against the form's 实际支出数)."""
    from nlp_pipeline.lexicons import load_yaml

    try:
        labels = load_yaml("sections.yaml")["budget"]
    except (KeyError, FileNotFoundError, TypeError):
        return []
    own = [str(w) for w in (cfg.get("budget_restated") or {}).get("strip_prefix") or []]
    own = sorted(own, key=len, reverse=True)
    sub_words = [str(w) for w in (cfg.get("budget_restated") or {}).get("sub_budget_words") or ["项目", "专项"]]
    index = M.ParagraphIndex(report)
    out = []
    for group in ("amounts", "rates"):
        for field, labs in (labels.get(group) or {}).items():
            bv = getattr(report.budget, field, None)
            if bv is None:
                continue
            where = M.evidence_at(report, index, bv.start, bv.end).paragraph if bv.end > bv.start else ""
            if any(c.isdigit() for c in where):
                continue  # the figure was read from the prose: two sentences, compared as any two are
            keys = {M._strip(M.normalise_metric(str(l), cfg), own, []) for l in labs}
            if group == "amounts":
                base = bv.value * (report.currency_factor or 1.0)
                half = 0.5 * 10 ** -M.decimals(bv.text) * (report.currency_factor or 1.0) * 0.999
            else:
                base = bv.value
                half = 0.5 * 10 ** -M.decimals(bv.text) * 0.999
            for n in nums:
                if n.role != "actual" or n.label or n.interval is None or n.other_year:
                    continue
                # the cheap tests first: every test here is a filter on n alone
                kind_ok = n.m.kind == ("MONEY" if group == "amounts" else "PERCENT")
                if not kind_ok or M._strip(n.key, own, []) not in keys:
                    continue
                sentence_start, _ = M.clause_bounds(n.para.text, n.i, n.i, M.SENTENCE_BREAK)
                head = n.para.text[sentence_start: n.i]
                if any(w in head for w in sub_words) or M.project_scoped(n, cfg):
                    continue  # a project's or an item's own budget (三公经费…预算8.20万元), not the department's
                if not M.disjoint(n.interval, (base - half, base + half)):
                    continue
                out.append(make_finding(
                    CODE, "medium", "NUM.CONFLICT.budget",
                    {"metric": M.display_metric(n.metric, cfg), "figure": n.m.text, "paragraph": n.para.id,
                     "budget": bv.text},
                    [n.evidence(report), M.evidence_at(report, index, bv.start, bv.end)],
                    {"metrics": [{"metric": field, "a": n.m.base_value, "b": base}]},
                    roles=("claim", "budget"),
                ))
    return out


def _metric_lines(by_metric: dict[str, dict[str, list[str]]]) -> dict[str, str]:
    """The ``metrics`` phrase of a conflict in each language: one line per metric, each
    value with the places that write it."""
    out = {}
    for lang, sep in (("zh", "；"), ("en", "; ")):
        versus = render("NUM.CONFLICT.versus", None, lang)
        lines = [render("NUM.CONFLICT.metric_values", {"metric": name, "values": versus.join(
                     render("NUM.CONFLICT.value_places", {"value": v, "places": ps}, lang) for v, ps in slot.items())},
                        lang)
                 for name, slot in by_metric.items()]
        out[f"metrics_{lang}"] = sep.join(lines)
    return out


RULE = Rule(
    id="NUM.CONFLICT", code=CODE, severity="medium",
    summary_zh="同一指标在不同位置写成不同数值",
    summary_en="The same metric written with different values in two places",
    example="目标完成情况：全年培训农民1200人次。 …… 部门整体绩效：全年培训农民1500人次。",
    params=(
        Param("threshold", "detect_numeric.yaml:similarity.threshold",
              "similarity of two metric phrases (0.5 Jaccard + 0.5 containment) from which they are one metric"),
        Param("threshold_unitless", "detect_numeric.yaml:similarity.threshold_unitless",
              "the same when one side is a bare number"),
        Param("min_jaccard", "detect_numeric.yaml:similarity.min_jaccard",
              "a short key inside a long one below this Jaccard is no match"),
        Param("modifier_min", "detect_numeric.yaml:similarity.modifier_min",
              "what precedes a shared head must be this alike too"),
        Param("inserted_max", "INSERTED_MAX", "characters put inside a name (受理[执行]案件) that may make it a kind of the work"),
        Param("kind_ratio", "KIND_RATIO", "...when the kind's figure is this many times smaller: a kind, not the same count"),
    ),
    confidence=0.75,
    messages=("NUM.CONFLICT.budget", "NUM.CONFLICT.values", "NUM.CONFLICT.metric_values",
              "NUM.CONFLICT.value_places", "NUM.CONFLICT.versus", "NUM.CONFLICT.part_note"),
)


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    report = ctx.report
    nums = M.enrich(report, ctx.mentions, cfg)
    topics = {t.id: t.target.text for t in report.tasks if t.target is not None}
    edges = conflict_edges(nums, cfg, goal_map(report, ctx.alignments), topics)
    findings = []
    for comp in _components(edges):
        comp = _without_breakdowns(comp, cfg)
        if not comp:
            continue
        members: list[M.Num] = []
        for a, b, _ in comp:
            for n in (a, b):
                if all(n is not x for x in members):
                    members.append(n)
        members.sort(key=lambda n: n.m.start)
        part = any(_part_of(n, nums, cfg) for n in members)
        approx = any((n.m.qualifier or "exact") != "exact" for n in members)
        severity = "low" if part else ("medium" if approx else "high")
        # one line per metric: each value with the places that write it
        by_metric: dict[str, dict[str, list[str]]] = {}
        vals = []
        for a, b, _ in sorted(comp, key=lambda e: e[0].m.start):
            da, db = M.display_metric(a.metric, cfg), M.display_metric(b.metric, cfg)
            name = da if len(da) >= len(db) else db
            if name not in by_metric:
                vals.append({"metric": name, "a": a.m.base_value, "b": b.m.base_value,
                             "unit": a.m.base_unit or b.m.base_unit})
            slot = by_metric.setdefault(name, {})
            for n in (a, b):
                places = slot.setdefault(n.m.text.strip(), [])
                if n.para.id not in places:
                    places.append(n.para.id)
        findings.append(
            make_finding(
                CODE,
                severity,
                "NUM.CONFLICT.values",
                {**_metric_lines(by_metric), **phrase("note", "NUM.CONFLICT.part_note" if part else None)},
                [n.evidence(report) for n in members],
                {"metrics": vals, "role": comp[0][0].role},
                roles=["claim"] + ["counter"] * (len(members) - 1),
            )
        )
    findings += budget_conflicts(report, nums, cfg)
    return findings
