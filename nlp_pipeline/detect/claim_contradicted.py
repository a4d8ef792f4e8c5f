"""CLAIM_CONTRADICTED: a claim of completion that the report's own words or numbers
contradict.

* *status*: a task's completion text or an indicator says the work is done (已完成,
  100%) while another of its indicators (or the text) says it is not (持续推进, 未完成,
  部分完成…); in running text, a clause counting a remainder that is not finished
  (其余3名暂未上岗) contradicts the paragraph's completion claim;
* *count short of target*: a narrative outcome claims its work complete (已全面完成,
  圆满完成) while the count it reports is below its goal's count for the same metric and
  unit (goal 新建38个, outcome 完成31个; goal 不少于40家, outcome 32家); an upper bound
  (不超过2起) is broken the other way;
* *wrong direction*: the target wants a trend one way (发案数同比下降) and the result of
  the same metric goes the other way (上升12.4%), while completion is claimed;
* *part of all*: a target wants every one (全部审核通过, 所有…) and the report counts a
  whole and a smaller part for that same step (申请899人，通过审核813人), yet claims
  completion. The goal the task serves is quoted too when it states the same target.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import alignment_map, bigrams, compact, dice, lexicon
from nlp_pipeline.detect.registry import Context, Param, Rule, evidence, make_finding, phrases, register
from nlp_pipeline.model import Evidence, Mention, Paragraph, Report, Task
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.annotate import statements
from nlp_pipeline.text.numbers import figures, has_digit, masked_figures, years
from nlp_pipeline.text.segment import lead_item, plain_clauses

# bigrams too common in this genre to tie a count to a target
_GENERIC = {"完成", "开展", "工作", "进行", "情况", "全部", "所有", "计划", "已经", "实现", "达到"}
STATUS_CELL = 15  # longest text read as a status cell
MIN_SHARED = 2  # content bigrams a part's clause must share with the universal target


def _status(ctx: Context) -> dict:
    return lexicon(ctx, "cues_status.yaml") or {}


def _claims(ctx: Context) -> dict:
    return lexicon(ctx, "cues_claims.yaml") or {}


SUBSTEP_OBJECT = 10  # compact characters after 完成 read as its object
SUBSTEP_SUBJECT = 6  # compact characters before it read as its subject


def completion_matches(c: str, claims: dict) -> list[P.Match]:
    """Completion claims in compact text ``c`` that claim the whole work: a claim whose
    object (or subject) is one stage of a project (已完成招投标, 设计已完成) is left out."""
    stages = claims.get("substep_objects") or []
    out = []
    for m in P.finditer(c, claims.get("completion_patterns") or []):
        obj = c[m.end() : m.end() + SUBSTEP_OBJECT]
        subj = c[max(0, m.start() - SUBSTEP_SUBJECT) : m.start()]
        if any(w in obj or w in subj for w in stages):
            continue
        out.append(m)
    return out


def claims_completion(text: str, claims: dict, status: dict) -> bool:
    c = compact(text)[0]
    if any(w in c for w in status.get("not_finished") or []):
        return False
    return bool(completion_matches(c, claims))


def not_finished(text: str, status: dict) -> str | None:
    c = compact(text)[0]
    for w in status.get("not_finished") or []:
        if w in c:
            return w
    return None


def partial_progress(text: str, status: dict) -> str | None:
    """The words of a share of the whole work below 100% (完成总工程量的78%, 工程形象进度
    达到85%) in ``text``, or None."""
    for m in P.finditer(compact(text)[0], status.get("progress_patterns") or []):
        v = next((f for f in figures(m.group()) if f.percent), None)
        if v and v.value < 100:
            return m.group()
    return None


def _task_paragraphs(task: Task) -> list[tuple[Paragraph, Paragraph | None]]:
    """(result-bearing paragraph, its label) pairs: the outcome, then each indicator."""
    out: list[tuple[Paragraph, Paragraph | None]] = []
    if task.outcome is not None:
        out.append((task.outcome, None))
    for ind in task.indicators:
        if ind.result_paragraph is not None:
            out.append((ind.result_paragraph, ind.name_paragraph))
    return out


def _status_conflict(report: Report, task: Task, claims: dict, status: dict):
    items = _task_paragraphs(task)
    done = [(p, lab) for p, lab in items if claims_completion(p.text, claims, status)]
    # a status is read from a short cell (持续推进, 推进中); in running text such words
    # are often loose (各项工作稳步推进) and are left to the same-paragraph rule
    open_ = [(p, lab, not_finished(p.text, status)) for p, lab in items if len(compact(p.text)[0]) <= STATUS_CELL]
    # (持续推进 answering a target of 持续推进 is the row met, not work left undone)
    targets = {ind.result_paragraph.id: compact(ind.target or "")[0] for ind in task.indicators
               if ind.result_paragraph is not None}
    open_ = [(p, lab, w) for p, lab, w in open_ if w and targets.get(p.id) != compact(p.text)[0]]
    # an indicator's own result (100%) claims that indicator only: another row still open
    # contradicts the task's claim, not that row's
    done = [(p, lab) for p, lab in done if lab is None]
    if not done or not open_:
        return None
    # the task's own completion text is the claim that matters most
    done.sort(key=lambda x: x[1] is not None)
    claim_p, claim_lab = done[0]
    ev: list[Evidence] = [evidence(report, claim_p)]
    for p, lab, _w in open_:
        if lab is not None:
            ev.append(evidence(report, lab))
        ev.append(evidence(report, p))
    what = phrases("what", "TXT.CONTRADICTED.status_item",
                   [{"label": lab.text if lab else p.id, "status": p.text.strip()} for p, lab, _ in open_[:3]],
                   sep=("、", "; "))
    claim_txt = claim_p.text.strip()
    return make_finding(
        "CLAIM_CONTRADICTED",
        "high",
        "TXT.CONTRADICTED.status",
        {"task": task.id, "claim": claim_txt, **what},
        ev,
        {"claim": claim_txt, "claim_at": claim_p.id,
         "not_finished": {p.id: w for p, _, w in open_}},
        roles=["claim"],
    )


def _universal_clauses(text: str, status: dict) -> list[tuple[int, int, str]]:
    pats = status.get("universal_patterns") or []
    qualified = status.get("qualified_universal") or []
    out = []
    for a, b in plain_clauses(text):
        clause = text[a:b]
        if not P.has(clause, pats):
            continue
        if any(q in clause for q in qualified):
            continue  # "all who qualify": fewer admitted than applied is no contradiction
        lead = lead_item(clause)
        out.append((a + lead, b, clause[lead:]))
    return out


def _content(text: str) -> set[str]:
    return {g for g in bigrams(compact(text)[0]) if not has_digit(g)} - _GENERIC


def _counts(text: str, a: int, b: int, units: list[str]) -> list[tuple[int, str, int, int]]:
    """(value, unit, start, end) of each whole count in ``text[a:b]`` written in digits
    with one of ``units`` right after it (899人, 2,480人次); a decimal counts nothing."""
    longest = sorted(units, key=len, reverse=True)
    out = []
    for f in figures(text[a:b]):
        unit = next((u for u in longest if text.startswith(u, a + f.after)), None)
        if unit is not None and "." not in f.text:
            out.append((int(f.value), unit, a + f.start, a + f.after + len(unit)))
    return out


def _funnels(text: str, status: dict) -> list[dict]:
    """Counts in one sentence where a later count is below an earlier one of the same
    unit (申请899人，通过审核813人): each as {whole, part, part_clause, whole_clause, start,
    end} (offsets in ``text``)."""
    units = status.get("count_units") or ["人", "个"]
    out = []
    # a statement: a sentence with the ones continuing it (…2,480人。其中2,210人…)
    for a, b in statements(text):
        counts = _counts(text, a, b, units)
        if len(counts) < 2:
            continue
        for j, c in enumerate(counts):
            # the whole is the first earlier count of the same unit
            whole = next((w for w in counts[:j] if w[1] == c[1]), None)
            if whole is None or not 0 < c[0] < whole[0]:
                continue
            # the clause around the part names the step it counts (通过审核813人,
            # 已有9个建成服务站)
            clause_start = max(text.rfind(ch, 0, c[2]) for ch in "，,；;。") + 1
            ends = [i for i in (text.find(ch, c[3]) for ch in "，,；;。") if i >= 0]
            clause_end = min(ends) if ends else len(text)
            ws = max(text.rfind(ch, 0, whole[2]) for ch in "，,；;。") + 1
            we = [i for i in (text.find(ch, whole[3]) for ch in "，,；;。") if i >= 0]
            out.append({
                "whole": f"{whole[0]}{whole[1]}", "part": f"{c[0]}{c[1]}",
                "part_clause": text[clause_start:clause_end],
                "whole_clause": text[ws:min(we) if we else len(text)],
                "start": ws + lead_item(text[ws:whole[2]]),
                "end": c[3],
            })
    return out


def _ties(f: dict, universal_clause: str) -> bool:
    """The counted step is the one the universal target names: the part's clause shares
    a content bigram with it, and with the whole's clause at least ``MIN_SHARED``."""
    target = _content(universal_clause)
    part = _content(f["part_clause"]) & target
    both = (_content(f["part_clause"]) | _content(f.get("whole_clause", ""))) & target
    return len(part) >= 1 and len(both) >= MIN_SHARED


def _funnels_against(text: str, universal: list, status) -> tuple[list[dict], set[tuple[int, int]]]:
    """Part-of-whole statements in ``text`` that answer one of the "all/every" clauses in
    ``universal``; returns them and the spans of the clauses they answer."""
    hits, used = [], set()
    for f in _funnels(text, status):
        for us, ue, uc in universal:
            if _ties(f, uc):
                hits.append(f)
                used.add((us, ue))
                break
    return hits, used


def _part_of_all(report: Report, task: Task, goal: Paragraph | None, claims: dict, status: dict):
    if task.target is None or task.outcome is None:
        return None
    universal = _universal_clauses(task.target.text, status)
    if not universal:
        return None
    claimed = [p for p, _ in _task_paragraphs(task) if claims_completion(p.text, claims, status)]
    if not claimed:
        return None
    hits, used = _funnels_against(task.outcome.text, universal, status)
    if not hits:
        return None
    ev = [evidence(report, task.target, s, e) for s, e in sorted(used)]
    ev.append(evidence(report, task.outcome, min(h["start"] for h in hits), max(h["end"] for h in hits)))
    if goal is not None:
        for gs, ge, gc in _universal_clauses(goal.text, status):
            if any(_ties(h, gc) for h in hits):
                ev.append(evidence(report, goal, gs, ge))
    ev += [evidence(report, p) for p in claimed[:2] if p is not task.outcome]
    target_txt = "；".join(uc.strip() for us, ue, uc in universal if (us, ue) in used)
    return make_finding(
        "CLAIM_CONTRADICTED",
        "high",
        "TXT.CONTRADICTED.part_of_all",
        {"task": task.id, "target": target_txt, **_part_items(hits)},
        ev,
        {"target": target_txt, "counts": [{"whole": h["whole"], "part": h["part"]} for h in hits],
         "claims": [p.id for p in claimed]},
    )


def _claim_clauses(text: str, claims: dict, status: dict) -> list[tuple[int, int, str]]:
    """Clauses claiming that a piece of work is complete. A clause that counts what was
    done (已完成鉴定61所) reports a figure, it does not claim the whole."""
    out = []
    whole = status.get("whole_claim_words") or []
    for a, b in plain_clauses(text):
        c = text[a:b]
        if not_finished(c, status):
            continue
        # …unless it claims the whole with the count as its subject (12座…任务已全部完成)
        if has_digit(c) and not any(w in compact(c)[0] for w in whole):
            continue
        if completion_matches(compact(c)[0], claims):
            out.append((a, b, c.strip()))
    return out


def _bare_claim(clause: str, claims: dict) -> bool:
    """A completion claim that names no object of its own (已全部完成, 全面完成年度任务)."""
    c = compact(clause)[0]
    covered = {k for m in completion_matches(c, claims) for k in range(m.start(), m.end())}
    rest = "".join(ch if k not in covered else "|" for k, ch in enumerate(c))
    return not ({g for g in _content(rest) if "|" not in g} - set(claims.get("bare_claim_objects") or []))


def _narrative_part_of_all(report: Report, para: Paragraph, goal: Paragraph, claims: dict, status: dict):
    """A narrative outcome claiming completion of a goal that wanted every one, while
    counting a part below the whole."""
    universal = _universal_clauses(goal.text, status)
    claimed = _claim_clauses(para.text, claims, status)
    # a claim naming another step (已全部完成设备安装 against 全部接入控制系统) says
    # nothing of the universal target
    ucontent = set().union(*(_content(uc) for _, _, uc in universal)) if universal else set()
    claimed = [c for c in claimed if _bare_claim(c[2], claims) or _content(c[2]) & ucontent]
    if not universal or not claimed:
        return None
    hits, used = _funnels_against(para.text, universal, status)
    if not hits:
        return None
    target_txt = "；".join(uc.strip() for us, ue, uc in universal if (us, ue) in used)
    ev = [evidence(report, para, min(h["start"] for h in hits), max(h["end"] for h in hits))]
    ev += [evidence(report, para, s, e) for s, e, _ in claimed[:1]]
    ev += [evidence(report, goal, s, e) for s, e in sorted(used)]
    return make_finding(
        "CLAIM_CONTRADICTED",
        "high",
        "TXT.CONTRADICTED.narrative_part_of_all",
        {"paragraph": para.id, "claim": claimed[0][2], "goal": goal.id, "target": target_txt, **_part_items(hits)},
        ev,
        {"target": target_txt, "claim": claimed[0][2],
         "counts": [{"whole": h["whole"], "part": h["part"]} for h in hits]},
        roles=["counter", "claim"] + ["target"] * (len(ev) - 2),
    )


def _part_items(hits: list[dict]) -> dict[str, str]:
    """The ``parts`` phrase of a claim of all: each whole with the part reported of it."""
    return phrases("parts", "TXT.CONTRADICTED.part_item",
                   [{"whole": h["whole"], "part": h["part"], "clause": h["part_clause"].strip()} for h in hits],
                   sep=("，", "; "))


def _goal_clause(goal: Paragraph | None, text: str) -> tuple[int, int] | None:
    """The clause of ``goal`` that shares most content with ``text`` (at least two pairs)."""
    if goal is None:
        return None
    want = _content(text)
    best = max(((len(_content(goal.text[a:b]) & want), (a, b)) for a, b in plain_clauses(goal.text)),
               key=lambda x: x[0], default=(0, None))
    return best[1] if best[0] >= 2 else None


def _narrative_status(report: Report, para: Paragraph, claims: dict, status: dict, goal: Paragraph | None = None):
    """One paragraph saying a piece of work is done and, about the same work, that it
    is still under way; a claim that the whole work is done (全面完成) is contradicted by
    any plainly unfinished part (…系统尚在联调测试)."""
    claimed = _claim_clauses(para.text, claims, status)
    if not claimed:
        return None
    clauses = plain_clauses(para.text)
    for k, (ma, mb) in enumerate(clauses):
        mt = para.text[ma:mb]
        w = not_finished(mt, status)
        progress = partial_progress(mt, status)
        if not (w or progress) or any(x in mt for x in status.get("plan_cues") or []):
            continue
        # the status words were found in the compact text (完成总工程量的78%), so they are
        # taken out of it there, whatever spaces the clause holds
        words = _content(compact(mt)[0].replace(w or progress, ""))
        # a clause counting what is left of the work just reported (其余3名暂未上岗,
        # 尚有2个未完工) is about that same work, whatever words it uses
        # the remainder may be named in the clause before, in the same sentence (其余3座受汛期
        # 影响，目前正在进行施工)
        # the clause before, when a comma joins it to this one in one sentence
        prev = para.text[clauses[k - 1][0]:clauses[k - 1][1]] if k and para.text[ma - 1] in "，," else None
        heads = [mt.strip()] + ([prev.strip()] if prev else [])
        remainder = any(P.match(h, status.get("remainder_patterns") or []) for h in heads)
        # a clause opening with its status word has no subject of its own: it is the one
        # of the clause before (江山馆主体完工，正在进行内部装修)
        if w and prev and compact(mt)[0].startswith(w):
            words |= _content(prev)
        strong = bool(progress) or any(x in compact(mt)[0] for x in status.get("strong_not_finished") or [])
        for cs, ce, ct in claimed:
            whole = strong and any(x in compact(ct)[0] for x in status.get("whole_claim_words") or [])
            if remainder or whole or len(words & _content(ct)) >= 1:
                ev = [evidence(report, para, cs, ce), evidence(report, para, ma, mb)]
                gc = _goal_clause(goal, ct + mt)
                if gc is not None:  # what the goal asked of the same work
                    ev.append(evidence(report, goal, *gc))
                return make_finding(
                    "CLAIM_CONTRADICTED",
                    "high",
                    "TXT.CONTRADICTED.narrative_status",
                    {"paragraph": para.id, "claim": ct, "status": mt.strip()},
                    ev,
                    {"claim": ct, "not_finished": w or progress, "goal": goal.id if gc is not None else None},
                    roles=("claim", "counter", "target"),
                )
    return None


# --- count short of target -------------------------------------------------------------

COUNT_KINDS = ("COUNT", "QUANTITY", "AREA", "PERCENT")  # a rate below its 95%以上 too
METRIC_SIM = 0.5  # bigram Dice of two metric phrases naming the same thing
CUMULATIVE = "累计"


def _same_metric(a: str | None, b: str | None) -> bool:
    a, b = compact(a or "")[0], compact(b or "")[0]
    if len(a) < 2 or len(b) < 2:
        return False
    return a in b or b in a or dice(a, b) >= METRIC_SIM


def _clause_of(text: str, report: Report, para: Paragraph, m: Mention) -> str:
    for a, b in plain_clauses(text):
        s, e = para.span(a, b)
        if s <= m.start < e:
            return text[a:b]
    return ""


def _shortfalls(report: Report, goal: Paragraph, targets: list[Mention], actuals: list[Mention]):
    """(target, best actual) pairs where the reported count misses the target."""
    out = []
    for t in targets:
        if t.kind not in COUNT_KINDS or t.base_value is None or t.role in ("actual", "budget"):
            continue
        if t.kind == "PERCENT":
            continue  # a rate below its target rate is an indicator's shortfall (NUM.SHORTFALL)
        if t.qualifier not in ("exact", "lower", "upper"):
            continue
        clause = _clause_of(goal.text, report, goal, t)
        if CUMULATIVE in clause or any(y.year != report.year for y in years(clause)):
            continue  # a multi-year or cumulative target is not this year's count
        same = [a for a in actuals
                if a.kind == t.kind and a.base_unit == t.base_unit and a.base_value is not None
                and a.role not in ("target", "budget") and a.qualifier == "exact"
                and _same_metric(a.metric, t.metric)]
        if not same:
            continue
        # 新造油茶林1,280亩、改造870亩，合计2,150亩 against 新造和改造2,000亩: the parts' total
        # is what the target counts
        same += [a for a in actuals if a.kind == t.kind and a.base_unit == t.base_unit and a.base_value is not None
                 and (compact(a.metric or "")[0].endswith(M.total_words(M.config()))
                      or M.after_total_word(report.text, a.start, M.config()))
                 and a not in same]
        if t.qualifier == "upper":
            best = min(same, key=lambda a: a.base_value)
            if best.base_value > (t.high if t.high is not None else t.base_value):
                out.append((t, best))
        else:
            best = max(same, key=lambda a: a.base_value)
            if best.base_value < (t.low if t.low is not None else t.base_value):
                out.append((t, best))
    return out


def _mention_ev(report: Report, para: Paragraph, m: Mention) -> Evidence:
    return Evidence(section=para.section, paragraph=para.id, start=m.start, end=m.end,
                    quote=report.text[m.start:m.end])


OWN_OBJECT = 3  # content pairs a claim needs, beside its completion words, to name its own work
# words of a whole-task claim that name no particular work (年度办学目标任务全面完成)
CLAIM_SCOPE_WORDS = ("年度", "目标", "任务", "工作", "全年", "各项", "年初", "确定", "计划", "绩效")


def _names_other_work(claim: str, short: set[str]) -> bool:
    from nlp_pipeline.text.annotate import default_cues

    cues = default_cues()
    spans = cues.find(claim, "done") + cues.find(claim, "whole_done")
    rest = "".join(ch for k, ch in enumerate(claim) if not any(a <= k < b for a, b in spans))
    for w in CLAIM_SCOPE_WORDS:
        rest = rest.replace(w, " ")
    own = _content(rest)
    return len(own) >= OWN_OBJECT and not (own & short)


def _count_short(report: Report, para: Paragraph, goal: Paragraph, by_para: dict, claims: dict, status: dict):
    claimed = _claim_clauses(para.text, claims, status)
    if not claimed:
        return None
    hits = _shortfalls(report, goal, by_para.get(goal.id, []), by_para.get(para.id, []))
    if not hits:
        return None
    # a claim naming other work (8所敬老院全部完成消防设施改造 beside 服务站6个 of 8) is not
    # contradicted by this shortfall; a bare claim (任务圆满完成) is about the whole paragraph
    # the work short: the target's clause, the goal's lead clause (办好特殊教育，…入学率95%) and
    # the clause of the count reported
    lead = next(iter(plain_clauses(goal.text)), (0, 0))
    short = _content(goal.text[lead[0]:lead[1]]).union(
        *(_content(_clause_of(goal.text, report, goal, t) + _clause_of(para.text, report, para, a))
          for t, a in hits))
    claimed = [c for c in claimed if not _names_other_work(c[2], short)]
    if not claimed:
        return None
    cs, ce, ct = claimed[0]
    ev = [evidence(report, para, cs, ce)]
    for t, a in hits:
        ev += [_mention_ev(report, para, a), _mention_ev(report, goal, t)]
    counts = phrases("counts", "TXT.CONTRADICTED.count_item",
                     [{"metric": t.metric, "target": t.text, "actual": a.text} for t, a in hits[:3]],
                     sep=("，", "; "))
    return make_finding(
        "CLAIM_CONTRADICTED",
        "high",
        "TXT.CONTRADICTED.count_short",
        {"paragraph": para.id, "claim": ct, **counts, "goal": goal.id},
        ev,
        {"claim": ct, "goal": goal.id,
         "counts": [{"metric": t.metric, "target": t.text, "actual": a.text} for t, a in hits]},
        roles=["claim"] + ["actual", "target"] * ((len(ev) - 1) // 2),
    )


# --- wrong direction ---------------------------------------------------------------------

_NEGATION = ("未", "没有", "不", "无")


def _directions(text: str, status: dict) -> list[tuple[int, int, str, str]]:
    """Trend words in ``text``: (start, end, 'up'|'down', metric words before it in its
    clause)."""
    out = []
    for ca, cb in plain_clauses(text):
        clause = text[ca:cb]
        found = []
        for d in ("up", "down"):
            for m in P.finditer(clause, status.get(f"direction_{d}") or []):
                if m.start() > 0 and clause[max(0, m.start() - 2) : m.start()].endswith(_NEGATION):
                    continue
                found.append((m.start(), m.end(), d))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        kept = []
        for f in found:
            if kept and f[0] < kept[-1][1]:
                continue  # 不降反升: the longer word wins
            kept.append(f)
        for s, e, d in kept:
            out.append((ca + s, ca + e, d, clause[:s]))
    return out


def _direction_words(status: dict) -> list[str]:
    return [w for d in ("up", "down") for w in status.get(f"direction_{d}") or []]


def _metric_words(text: str, status: dict) -> str:
    c = compact(text)[0]
    for w in sorted(_direction_words(status) + ["同比", "环比", "变化", "较上年", "情况"], key=len, reverse=True):
        c = c.replace(w, "")
    # compact text has no . or , left: a figure is a run of digits, with its % sign
    return masked_figures(c, "", percent=True)


def _wrong_direction(report: Report, target: Paragraph, results: list[tuple[Paragraph, Paragraph | None]], status: dict):
    """(target span, result paragraph, result span, label) where a result moves against
    the direction its target wants."""
    wants = [(s, e, d, _metric_words(pre, status)) for s, e, d, pre in _directions(target.text, status)]
    wants = [w for w in wants if len(w[3]) >= 2]
    out = []
    for p, lab in results:
        for s, e, d, pre in _directions(p.text, status):
            name = _metric_words((lab.text if lab is not None else "") + pre, status)
            for ts, te, td, tname in wants:
                if td != d and _same_metric(name, tname):
                    out.append(((ts, te, tname), p, (s, e), lab))
                    break
    return out


def _direction_conflict(report: Report, task: Task, claims: dict, status: dict):
    if task.target is None:
        return None
    items = _task_paragraphs(task)
    claimed = [p for p, _ in items if claims_completion(p.text, claims, status)]
    if not claimed:
        return None
    hits = _wrong_direction(report, task.target, [(p, lab) for p, lab in items if p not in claimed], status)
    if not hits:
        return None
    ev = [evidence(report, claimed[0])]
    for (ts, te, _n), p, (s, e), lab in hits[:3]:
        ev.append(evidence(report, task.target, *_clause_bounds(task.target.text, ts)))
        if lab is not None:
            ev.append(evidence(report, lab))
        ev.append(evidence(report, p, *_clause_bounds(p.text, s)))
    (ts, te, tname), p, (s, e), lab = hits[0]
    want, got = task.target.text[ts:te], p.text[s:e]
    return make_finding(
        "CLAIM_CONTRADICTED",
        "high",
        "TXT.CONTRADICTED.direction",
        {"task": task.id, "metric": tname, "want": want, "result": p.text.strip(), "got": got,
         "claim": claimed[0].text.strip()},
        ev,
        {"target": want, "result": p.text.strip(), "claim_at": claimed[0].id},
        roles=["claim"],
    )


def _clause_bounds(text: str, i: int) -> tuple[int, int]:
    for a, b in plain_clauses(text):
        if a <= i < b:
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            return a + lead, b
    return 0, len(text)


RULE = Rule(
    id="TXT.CONTRADICTED", code="CLAIM_CONTRADICTED", severity="high",
    summary_zh="声称已完成，但报告自身的文字或数字与之矛盾",
    summary_en="A claim of completion that the report's own words or numbers contradict",
    example="目标：新建公厕38座。完成情况：已全面完成，新建公厕31座。",
    params=(
        Param("status_cell", "STATUS_CELL", "longest text read as a status cell"),
        Param("min_shared", "MIN_SHARED", "content bigrams a part's clause must share with the universal target"),
        Param("substep_object", "SUBSTEP_OBJECT", "compact characters after 完成 read as its object"),
        Param("substep_subject", "SUBSTEP_SUBJECT", "compact characters before it read as its subject"),
        Param("metric_sim", "METRIC_SIM", "bigram Dice of two metric phrases naming the same thing"),
    ),
    confidence=0.8,
    explain_zh="报告称已完成（证据角色 claim），而自身的文字或数字显示未完成（counter、actual 对照 target）",
    explain_en="the report claims completion (evidence role claim) while its own words or figures say otherwise (counter, actual against target)",
    messages=("TXT.CONTRADICTED.status", "TXT.CONTRADICTED.status_item", "TXT.CONTRADICTED.part_of_all",
              "TXT.CONTRADICTED.narrative_part_of_all", "TXT.CONTRADICTED.part_item",
              "TXT.CONTRADICTED.narrative_status", "TXT.CONTRADICTED.count_short",
              "TXT.CONTRADICTED.count_item", "TXT.CONTRADICTED.direction"),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    claims, status = _claims(ctx), _status(ctx)
    goals = {g.id: g for g in report.paragraphs("G")}
    targets = [t.target for t in report.tasks if t.target is not None]
    tmap = alignment_map(ctx, "tasks_to_goals", targets, list(goals.values())) if goals and targets else {}
    findings = []
    by_para: dict[str, list[Mention]] = {}
    for m in ctx.mentions or []:
        if m.paragraph:
            by_para.setdefault(m.paragraph, []).append(m)
    for t in report.tasks:
        f = _status_conflict(report, t, claims, status) or _direction_conflict(report, t, claims, status)
        if f is not None:
            findings.append(f)
        g = goals.get(tmap.get(t.id) or "")
        f = _part_of_all(report, t, g, claims, status)
        if f is not None:
            findings.append(f)
        elif t.outcome is not None and len(compact(t.outcome.text)[0]) > STATUS_CELL:
            f = _narrative_status(report, t.outcome, claims, status)
            if f is not None:
                findings.append(f)
    for name, sec in (("outcomes_to_goals", "O"), ("performance_to_goals", "P")):
        outs = report.paragraphs(sec)
        m = alignment_map(ctx, name, outs, list(goals.values())) if goals and outs else {}
        for o in outs:
            g = goals.get(m.get(o.id) or "")
            f = _narrative_part_of_all(report, o, g, claims, status) if g is not None else None
            f = f or _narrative_status(report, o, claims, status, g)
            f = f or (_count_short(report, o, g, by_para, claims, status) if g is not None else None)
            if f is not None:
                findings.append(f)
    for k in report.paragraphs("K"):
        if k.kind == "goal":
            continue  # a project's 绩效目标： item states its aim
        f = _narrative_status(report, k, claims, status)
        if f is not None:
            findings.append(f)
    return findings
