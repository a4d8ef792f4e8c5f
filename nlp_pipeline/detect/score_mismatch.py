"""SCORE_MISMATCH: where a report carries a self-evaluation score, the arithmetic and the
grade must agree with it:
- the weights (分值) of the scored items sum to 100;
- no item scores more than its weight;
- the items' scores sum to the total (自评得分);
- the grade matches the total (优 ≥90, 良 80–89, 中 60–79, 差 <60; bands in the lexicon).
Scores are read from paragraph text ("产出指标分值50分，得分45分", "自评得分92分，评价等级为良",
or two parallel lists: "投入指标20分、产出指标30分…，自评得分分别为19.5分、27.5分…，合计87.6分").
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import table_cut_short
from nlp_pipeline.detect.registry import (OFFICIAL_SCORING_RULE, Context, Param, Rule, make_finding, phrase, phrases,
                                          register)
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.numbers import figures, first_figure

CODE = "SCORE_MISMATCH"
MAX_BLANK_SCORES = 2  # blank score cells a table may have and still be summed
MIN_ITEMS = 3  # scored items a table needs before its weights are held to the full marks
# weights summing past this many times the full marks, or written to more than two decimals
# (11.376), are other columns read as weights: a table read wrong, not a form filled wrong
MISREAD_RATIO = 1.5
SUBTOTAL_WORDS = ("小计",)  # a row that sums the rows of its group above it
SUB_ROW_WORDS = ("其中",)  # a breakdown row under an indicator: no points of its own


def _item_re(cfg: dict) -> list[str]:
    sc = cfg.get("score", {})
    return [P.named("score_item", weight_cues=P.alternation(sc.get("weight_cues") or ["分值"])),
            P.named("score_item_bracket")]


def grade_for(total: float, cfg: dict) -> str:
    for g in sorted(cfg.get("score", {}).get("grades") or [], key=lambda g: -float(g["min"])):
        if total >= float(g["min"]) - 1e-9:
            return str(g["name"])
    return "差"


def _tol(*texts: str) -> float:
    return sum(0.5 * 10 ** -(len(t.split(".", 1)[1]) if "." in t else 0) for t in texts) + 1e-9


def _bracket_weights(report, index, cfg: dict) -> list:
    """Items named with their weight in brackets, two or more in a row joined by 、 (或，和),
    in a sentence that speaks of scoring (评分, 指标体系 …)."""
    cues = (cfg.get("score") or {}).get("weight_list_cues") or []
    run, one = P.named("bracket_run"), P.named("bracket_one")
    out = []
    for p in index.paras:
        if p.section in ("Q", "I"):
            continue
        text = M.normalize(p.text)
        for r in P.finditer(text, run):
            s0, e0 = M.clause_bounds(text, r.start(), r.end(), M.SENTENCE_BREAK)
            if not any(c in text[s0:e0] for c in cues):
                continue
            for m in P.finditer(text, one, r.start(), r.end()):
                out.append((m.group("name"), m.group("w"), None,
                            M.para_evidence(report, p, m.start(), m.end())))
            if out:
                return out
    return out




def _parallel_lists(report, index, cfg: dict):
    """Weights and scores written as two parallel lists: "投入指标20分、过程指标25分…，
    自评得分分别为19.5分、23.0分…，合计87.6分". Returns (items, total) or ([], None)."""
    one, lists = P.named("parallel_one"), P.named("parallel_lists")
    for p in index.paras:
        if p.section in ("Q", "I"):
            continue
        text = M.normalize(p.text)
        for m in P.finditer(text, lists):
            ws = P.finditer(text, one, m.start("items"), m.end("items"))
            gs = [f.plain for f in figures(m.group("scores"))]
            if len(ws) != len(gs) or len(ws) < 2:
                continue
            items = [(w.group("name"), w.group("w"), g, M.para_evidence(report, p, w.start(), w.end()))
                     for w, g in zip(ws, gs)]
            total = None
            if m.group("total"):
                total = (m.group("total"), M.para_evidence(report, p, m.start("total"), m.end("total") + 1))
            return items, total
    return [], None


def _rows_without_weight(report) -> bool:
    """An indicator row with a target and a result but no weight, in a table whose other
    rows have weights (其中 sub-rows carry no points by design)."""
    inds = [i for t in report.tasks for i in t.indicators if i.name_paragraph is not None]
    if not any(i.weight is not None for i in inds):
        return False
    return any(i.weight is None and i.target and i.result and not i.name.lstrip("★*☆ ").startswith(SUB_ROW_WORDS)
               for i in inds)


def _reader_items(report, index) -> tuple[list, tuple | None]:
    """(name, weight, score, evidence) of the indicator rows the reader gave weights, with
    the budget-execution row of the form, and the table's total."""
    items = []
    for task in report.tasks:
        for ind in task.indicators:
            if ind.weight is None or ind.name_paragraph is None:
                continue
            p = ind.name_paragraph
            items.append((ind.name, M.fmt(ind.weight), M.fmt(ind.score) if ind.score is not None else None,
                          M.para_evidence(report, p, 0, len(p.text))))
    if not items:
        return [], None
    b = report.budget
    if b.weight is not None:
        items.append(("预算执行率", M.fmt(b.weight.value), M.fmt(b.score.value) if b.score is not None else None,
                      M.evidence_at(report, index, b.weight.start, (b.score or b.weight).end, "B")))
    total = None
    if report.total_score is not None and report.total_span is not None:
        a, z = report.total_span
        total = (M.fmt(report.total_score), M.evidence_at(report, index, a, z, "TBL"))
    return items, total


RULE = Rule(
    id="FORM.SCORE_SUM", code=CODE, severity="high",
    summary_zh="自评分值、得分、总分与评价等级之间的算术不一致",
    summary_en="Weights, item scores, the total and the grade of a self-evaluation do not agree",
    example="产出指标分值50分，得分52分。",
    params=(Param("total_points", "detect_numeric.yaml:score.total_points",
                  "the weights of the scored items sum to this", type=float),
            Param("max_blank_scores", "MAX_BLANK_SCORES",
                  "blank score cells (counted as 0) a table may have and still be summed against its total"),
            Param("misread_ratio", "MISREAD_RATIO",
                  "weights summing past this many times the full marks are a misread table: no sums checked")),
    confidence=0.9,
    reference=OFFICIAL_SCORING_RULE,
    messages=("FORM.SCORE_SUM.text_table", "FORM.SCORE_SUM.weights", "FORM.SCORE_SUM.over_weight", "FORM.SCORE_SUM.over_weight_item",
              "FORM.SCORE_SUM.subtotal",
              "FORM.SCORE_SUM.total", "FORM.SCORE_SUM.blank_note", "FORM.SCORE_SUM.grade"),
)


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    sc = cfg.get("score", {})
    report = ctx.report
    index = M.ParagraphIndex(report)
    total_cues = sc.get("total_cues") or []
    syn, grade_re = _grade_re(sc)

    # items: (name, weight, score, Evidence)
    items, total, grade = _paragraph_scores(report, index, _item_re(cfg), total_cues, grade_re)

    # the indicator table as the reader rebuilt it (分值 and 得分 by column, whatever shape
    # the table came in): it comes before any reading of the raw lines
    table_items, table_total = _reader_items(report, index)
    findings = []
    if table_items:
        if table_total is not None and total is not None and total[1].paragraph not in (None, "TBL", "B") \
                and abs(float(total[0]) - float(table_total[0])) > _tol(total[0], table_total[0]):
            # 自评得分94.17分 in the text, 总分 96.17 in the table: one of the two is wrong
            findings.append(make_finding(
                CODE, "high", "FORM.SCORE_SUM.text_table",
                {"text": total[0], "paragraph": total[1].paragraph, "table": table_total[0]},
                [total[1], table_total[1]], {"text_total": float(total[0]), "table_total": float(table_total[0])},
                roles=("claim", "counter"),
            ))
        items = table_items
        total = table_total or total
    # weights and scores as two parallel lists (…20分、…25分，得分分别为19.5分、23.0分，合计87.6分)
    if not items:
        items, par_total = _parallel_lists(report, index, cfg)
        if total is None and par_total is not None:
            total = par_total
    # weights listed in brackets in a sentence about scoring, with no scores beside them
    # ("从预算执行（20分）、产出指标（40分）…四个方面进行评分"): only their sum is checked
    if not items:
        items = _bracket_weights(report, index, cfg)
    # a score table pasted as lines (指标 | 分值 | 得分), when the text gave no items
    if not items:
        items, total = _line_table_items(report, index, cfg, total)
    # total and grade written on lines outside the sections ("评价等级：良")
    whole = M.normalize(report.text)
    if total is None:
        m = _total_in(whole, [], total_cues)
        if m:
            total = (m.group("v"), M.evidence_at(report, index, m.start(), m.end(), "TBL"))
    if grade is None and grade_re is not None:
        m = P.search(whole, grade_re)
        if m:
            grade = (m.group("g"), M.evidence_at(report, index, m.start(), m.end(), "TBL"))

    # a table whose budget-execution row the reader did not find weighs 90 of the 100
    # points (the official template): its sums are checked only where they cannot hold
    budget_rows = tuple(sc.get("budget_row_names") or ())
    partial = bool(table_items) and report.budget.weight is None \
        and not any(str(name or "").startswith(budget_rows) for name, *_ in table_items)
    # rows missing from the items (the text ends in the table; a row whose weight the reader
    # could not part from its target): only each score against its weight can be checked
    incomplete = bool(table_items) and (table_cut_short(report) or _rows_without_weight(report)
                                        or bool(report.rows_unread))
    # a table read with fewer rows than a form has (an excerpt, a row the reader lost) is
    # summed only against its written total, never against the full marks
    if len(items) >= MIN_ITEMS or (len(items) >= 2 and total is not None):
        findings += _sum_findings(report, items, None if incomplete else total, sc, partial, incomplete)
    if total is not None and grade is not None:
        findings += _grade_findings(total, grade, syn, cfg)
    return findings


def _grade_re(sc: dict) -> tuple[dict[str, str], str | None]:
    """The grade synonyms and the pattern of a written grade (评价等级为良)."""
    syn = {str(k): str(v) for k, v in (sc.get("grade_synonyms") or {}).items()}
    names = list(syn) + [str(g["name"]) for g in sc.get("grades") or []]
    if not sc.get("grade_cues"):
        return syn, None
    return syn, P.named("score_grade", grade_cues=P.alternation(sc["grade_cues"]), grades=P.alternation(names))


def _total_in(text: str, spans, total_cues: list[str]):
    for cue in total_cues:  # lexicon order: the most specific cue first
        for m in P.finditer(text, P.named("score_total", cue=P.escape(cue))):
            if not any(a <= m.start() < b for a, b in spans):  # an item's own score
                return m
    return None


def _paragraph_scores(report, index, item_re: list[str], total_cues: list[str],
                      grade_re: str | None) -> tuple[list, tuple | None, tuple | None]:
    """Items, total and grade as the paragraphs' sentences give them."""
    items, total, grade = [], None, None
    for p in index.paras:
        if p.section in ("Q", "I"):
            continue
        text = M.normalize(p.text)
        spans = []
        for m in P.finditer(text, item_re):
            spans.append((m.start(), m.end()))
            # second-level items (…，其中数量指标分值20分…) are parts of a first-level one
            s0, _ = M.clause_bounds(text, m.start(), m.start(), M.SENTENCE_BREAK)
            if "其中" not in text[s0:m.start("w")]:
                items.append((m.group("name"), m.group("w"), m.group("g"),
                              M.para_evidence(report, p, m.start(), m.end())))
        if total is None:
            m = _total_in(text, spans, total_cues)
            if m:
                total = (m.group("v"), M.para_evidence(report, p, m.start(), m.end()))
        if grade is None and grade_re is not None:
            m = P.search(text, grade_re)
            if m:
                grade = (m.group("g"), M.para_evidence(report, p, m.start(), m.end()))
    return items, total, grade


def _line_table_items(report, index, cfg: dict, total: tuple | None) -> tuple[list, tuple | None]:
    """Items of a score table pasted as lines (指标 | 分值 | 得分), and its total row's
    score when no total was found before."""
    total_words = (cfg.get("table") or {}).get("total_row_words") or []
    items = []
    for rows in M.line_tables(report, cfg):
        for row in rows:
            if "weight" not in row or "score" not in row:
                continue
            w = first_figure(row["weight"].text)
            g = first_figure(row["score"].text)
            name = row["name"].text if "name" in row else ""
            first = M.row_cells(row["row"].text)[0].text if "row" in row else name
            if any(t in first or t in name for t in total_words):
                if g and total is None:
                    total = (g.plain, M.evidence_at(report, index, row["score"].start, row["score"].end, "TBL"))
                continue
            if w and g:
                items.append((name, w.plain, g.plain,
                              M.evidence_at(report, index, row["weight"].start, row["score"].end, "TBL")))
    return items, total


def _sum_findings(report, items: list, total: tuple | None, sc: dict, partial: bool,
                  incomplete: bool = False) -> list:
    """The weights against full marks, each score against its weight, the scores against
    the total."""
    findings, items = _subtotal_findings(items)
    full = float(sc.get("total_points", 100))
    budget_points = float(sc.get("budget_points", 10))
    wsum = sum(float(w) for _, w, _, _ in items)
    if wsum >= MISREAD_RATIO * full or any(len(str(w).partition(".")[2].rstrip("0")) > 2 for _, w, _, _ in items):
        return []
    if abs(wsum - full) > 1e-6 and not incomplete and not (partial and abs(wsum - (full - budget_points)) <= 1e-6):
        findings.append(make_finding(
            CODE, "medium", "FORM.SCORE_SUM.weights", {"weights": M.fmt(wsum), "full": M.fmt(full)},
            [e for *_, e in items], {"weights_sum": wsum}, roles="part",
        ))
    over = [x for x in items if x[2] is not None and float(x[2]) > float(x[1]) + 1e-9]
    if over:
        findings.append(make_finding(
            CODE, "high", "FORM.SCORE_SUM.over_weight",
            phrases("items", "FORM.SCORE_SUM.over_weight_item",
                    [{"name": n, "weight": w, "score": g} for n, w, g, _ in over], sep=("；", "; ")),
            [e for *_, e in over], {"items": [float(g) for _, _, g, _ in over]}, roles="part",
        ))
    blanks = [x for x in items if x[2] is None]
    # a score cell left blank counts nothing on the form as published; a table with
    # more blanks than MAX_BLANK_SCORES is more likely a reading gap than a form
    if total is not None and len(blanks) <= MAX_BLANK_SCORES and len(blanks) < len(items) - 1:
        findings += _total_findings(report, items, total, blanks, wsum, budget_points, partial)
    return findings


def _subtotal_findings(items: list) -> tuple[list, list]:
    """Each 小计 row against the rows of its group above it (weights, then scores); the
    items without the subtotal rows, which the other sums must not count twice."""
    findings, plain, group = [], [], []
    for item in items:
        name = str(item[0] or "")
        if not name.endswith(SUBTOTAL_WORDS):
            plain.append(item)
            group.append(item)
            continue
        sums = {k: sum(float(x[k]) for x in group) if group and all(x[k] is not None for x in group) else None
                for k in (1, 2)}
        written = [(k, float(item[k])) for k in (1, 2) if item[k] is not None]
        # a subtotal row read with one figure (its other cell empty or shifted) is checked
        # against whichever sum it could be; with both, each against its own
        checks = [(k, v) for k, v in written if sums[k] is not None] if len(written) == 2 else [
            (2, v) for _, v in written if sums[2] is not None and all(
                sv is None or abs(sv - v) > 1e-6 for sv in sums.values())]
        for k, v in checks:
            if abs(sums[k] - v) > 1e-6:
                what, what_en = ("得分", "scores") if k == 2 else ("分值", "weights")
                findings.append(make_finding(
                    CODE, "high", "FORM.SCORE_SUM.subtotal",
                    {"name": name, "written": M.fmt(v), "sum": M.fmt(sums[k]), "what": what, "what_en": what_en},
                    [item[3]] + [x[3] for x in group], {"subtotal": v, "sum": sums[k]},
                    roles=["total"] + ["part"] * len(group),
                ))
                break
        group = []
    return findings, plain


def _total_findings(report, items: list, total: tuple, blanks: list, wsum: float,
                    budget_points: float, partial: bool) -> list:
    gsum = sum(float(g) for _, _, g, _ in items if g is not None)
    tv = float(total[0])
    # item scores are exact; only the total may be rounded; without the budget row
    # the total may exceed the items by that row's score at most
    # a total row whose weight is the items' own sum totals just those items
    subtotal = report.total_weight is not None and abs(report.total_weight - wsum) < 1e-6
    off = gsum - tv if not partial or subtotal else (
        gsum - tv if gsum > tv else max(0.0, tv - gsum - budget_points))
    if abs(off) <= _tol(total[0]):
        return []
    blank = phrase("blank", "FORM.SCORE_SUM.blank_note" if blanks else None, {"blanks": len(blanks)})
    return [make_finding(
        CODE, "high", "FORM.SCORE_SUM.total", {"sum": M.fmt(gsum), **blank, "total": M.fmt(tv)},
        [total[1]] + [e for *_, e in items], {"scores_sum": gsum, "total": tv},
        roles=["total"] + ["part"] * len(items),
    )]


def _grade_findings(total: tuple, grade: tuple, syn: dict[str, str], cfg: dict) -> list:
    tv = float(total[0])
    written = syn.get(grade[0], grade[0])
    want = grade_for(tv, cfg)
    if written == want:
        return []
    return [make_finding(
        CODE, "high", "FORM.SCORE_SUM.grade", {"total": M.fmt(tv), "want": want, "grade": grade[0]},
        [total[1], grade[1]], {"total": tv}, roles=("total", "claim"),
    )]
