"""UNFILLED_FORM: a form handed in with fields it asks for left unfilled.

Reads what the reader marked (``Report.unfilled``: cells still holding the template's
instruction text, goal and outcome fields left 无) and the indicator table the reader
rebuilt (实际完成值 or 得分 left empty in a self-evaluation form). A 「无」 in the 存在问题
or 改进措施 field is an answer (no problem found, so no measure), not a gap; a target table
(绩效目标申报表) has no results by design.
"""
from __future__ import annotations

from nlp_pipeline.detect._textcommon import lexicon, table_cut_short
from nlp_pipeline.detect.registry import Context, Rule, evidence, make_finding, phrase, phrases, register
from nlp_pipeline.model import Evidence
from nlp_pipeline.text import patterns as P

CODE = "UNFILLED_FORM"
# section ids of the fields the reader marks, for evidence places
_SECTION_OF = {"goal": "G", "outcome": "O", "problem": "Q", "improvement": "I", "result": "T", "target": "T",
               "grade": "TBL", "performance": "P", "header": "B"}
# the phrase naming each field and column in the messages (lexicons/messages.yaml)
_FIELD_MESSAGE = {"goal": "FORM.UNFILLED.field_goal", "outcome": "FORM.UNFILLED.field_outcome",
                  "problem": "FORM.UNFILLED.field_problem", "improvement": "FORM.UNFILLED.field_improvement",
                  "result": "FORM.UNFILLED.field_result", "target": "FORM.UNFILLED.field_target",
                  "performance": "FORM.UNFILLED.field_performance",
                  "grade": "FORM.UNFILLED.field_grade", "header": "FORM.UNFILLED.field_header"}
_COLUMN_MESSAGE = {"result": "FORM.UNFILLED.column_result", "score": "FORM.UNFILLED.column_score"}
# fields a self-evaluation cannot leave 无: it must state goals and what was achieved
_REQUIRED = ("goal", "outcome")
SUBTOTAL_WORDS = ("小计", "合计", "总计", "总分")
MASKS = ("XX", "xx", "××")  # a figure the template masked (≥XX场)


def _field_findings(report):
    out = []
    for u in report.unfilled:
        sid = _SECTION_OF.get(u.field)
        if sid is None:
            continue
        if not u.instruction and u.field not in _REQUIRED and u.text.strip():
            continue  # 存在问题：无 is an answer (a field with nothing at all in it is none)
        ev = Evidence(section=sid, paragraph=u.paragraph or sid, start=u.start, end=u.end,
                      quote=report.text[u.start:u.end])
        if u.instruction and any(m in u.text for m in MASKS):
            mid, text = "FORM.UNFILLED.masked", u.text[:40]
        elif u.instruction:
            mid, text = "FORM.UNFILLED.instruction", u.text[:40]
        elif not u.text.strip():
            mid, text = "FORM.UNFILLED.empty", ""
        else:
            mid, text = "FORM.UNFILLED.answered", u.text
        params = {**phrase("field", _FIELD_MESSAGE[u.field]), "text": text}
        out.append(make_finding(CODE, "high" if u.instruction else "medium", mid, params, [ev],
                                {"field": u.field, "instruction": u.instruction}))
    return out


def _table_findings(report, pending: tuple[str, ...] = ()):
    if report.form == "target_table":
        return []
    out = []
    for task in report.tasks:
        # a 小计/合计 row sums its block; it has no result of its own to fill
        inds = [i for i in task.indicators if i.name_paragraph is not None
                and not i.name_paragraph.text.strip().endswith(SUBTOTAL_WORDS)]
        if inds and table_cut_short(report):
            inds = inds[:-1]  # the text ends in the last row: its cells were never copied
        has_results = any(i.result for i in inds)
        has_scores = any(i.score is not None for i in inds)
        # a result cell that says it is still to come (待补充) is not filled in either
        empty_result = [i for i in inds if has_results and i.target is not None
                        and (not i.result or i.result.strip(" 。.") in pending)]
        empty_score = [i for i in inds if has_scores and i.score is None and i.weight is not None]
        for rows, column in ((empty_result, "result"), (empty_score, "score")):
            if not rows:
                continue
            params = {"count": len(rows), **phrase("column", _COLUMN_MESSAGE[column]),
                      **phrases("names", "FORM.UNFILLED.row_name", [{"name": i.name} for i in rows[:5]]),
                      **phrase("more", "FORM.UNFILLED.more_rows" if len(rows) > 5 else None)}
            ev = [Evidence(section="T", paragraph=i.name_paragraph.id, start=i.name_paragraph.start,
                           end=i.name_paragraph.end, quote=report.text[i.name_paragraph.start:i.name_paragraph.end])
                  for i in rows]
            out.append(make_finding(
                CODE, "medium", "FORM.UNFILLED.column", params,
                ev, {"column": column, "rows": [i.name for i in rows]}))
    return out


MASKED_NAMES = 2  # names starred out before a page counts as masked
TEMPLATE_HEAD = 400  # characters at the top of a text where a template says it is one
BLANK_CONTEXT = 12  # characters quoted before a blank slot, so that the reader sees whose slot it is


def _unticked(report):
    """A form's line of choices with none ticked (自评等级 □优 □良 □中 □差)."""
    text = report.text
    out = []
    pos = 0
    for line in text.split("\n"):
        if P.fullmatch(line, P.named("unticked_choices")):
            a = pos + line.find("□")
            e = pos + len(line.rstrip())
            s = max(pos, a - BLANK_CONTEXT)
            # the paragraph the reader made of the line (评价等级：□优… under 自评结论 is P2),
            # else the form's table
            held = next((p for p in report.paragraphs() if p.start <= a < p.end), None)
            where = (held.section, held.id) if held is not None else ("T", "TBL")
            out.append(make_finding(CODE, "medium", "FORM.UNFILLED.unticked", {"text": text[s:e].strip()},
                                    [Evidence(section=where[0], paragraph=where[1], start=s, end=e, quote=text[s:e])],
                                    {"choices": text[a:e]}))
        pos += len(line) + 1
    return out[:1]


def _blank_findings(report):
    """A template slot left blank in running text (综合自评得分为　　分，评价等级为（　　）)
    or a placeholder never replaced (由××股牵头): one finding for the report, quoting the
    first slot and giving every paragraph that has one."""
    spans = []
    masked = P.search(report.text, P.named("masked_title")) is not None or P.search(
        report.text[:TEMPLATE_HEAD], P.named("template_marks")) is not None or len(
        P.finditer(report.text, P.named("masked_name"))) >= MASKED_NAMES
    for p in report.paragraphs():
        if ".k" in p.id:
            continue  # an indicator's name (公猪舍(≥**平方米)) keeps the form's own wording
        found = P.finditer(p.text, P.named("unfilled_blank"))
        persons = P.finditer(p.text, P.named("masked_person"))
        found = [m for m in found if not any(q.start() < m.start() < q.end() for q in persons)]
        if masked:
            found = [m for m in found if m.group(0).strip("*×")]
        if not found:
            continue
        s = max(0, found[0].start() - BLANK_CONTEXT)
        e = found[-1].end() if found[-1].end() - s <= 60 else found[0].end()
        spans.append((p, s, e, len(found)))
    if not spans:
        return []
    p, s, e, _ = spans[0]
    return [make_finding(CODE, "medium", "FORM.UNFILLED.blank", {"paragraph": p.id, "text": p.text[s:e]},
                         [evidence(report, q, a, b) for q, a, b, _ in spans],
                         {"blanks": sum(n for *_, n in spans), "paragraphs": [q.id for q, *_ in spans]})]


RULE = Rule(
    id="FORM.UNFILLED", code=CODE, severity="medium",
    summary_zh="表格应填写的栏目未填写（保留模板说明、填“无”或留空）",
    summary_en="A form handed in with fields it asks for left unfilled",
    example="年度目标：（请填写本年度绩效目标）",
    confidence=0.9,
    explain_zh="栏目仍为模板说明文字、“无”或空白",
    explain_en="the field still holds the template's instruction, 无, or nothing",
    messages=("FORM.UNFILLED.instruction", "FORM.UNFILLED.masked", "FORM.UNFILLED.answered", "FORM.UNFILLED.field_goal",
              "FORM.UNFILLED.field_outcome", "FORM.UNFILLED.field_problem", "FORM.UNFILLED.field_improvement",
              "FORM.UNFILLED.field_result", "FORM.UNFILLED.field_target", "FORM.UNFILLED.field_grade",
              "FORM.UNFILLED.field_performance", "FORM.UNFILLED.field_header", "FORM.UNFILLED.empty", "FORM.UNFILLED.column", "FORM.UNFILLED.column_result",
              "FORM.UNFILLED.column_score", "FORM.UNFILLED.row_name", "FORM.UNFILLED.more_rows",
              "FORM.UNFILLED.blank", "FORM.UNFILLED.unticked"),
)


@register(RULE)
def detect(ctx: Context):
    pending = tuple(((lexicon(ctx, "table_columns.yaml") or {}).get("unfilled") or {}).get("pending") or ())
    return (_field_findings(ctx.report) + _table_findings(ctx.report, pending) + _blank_findings(ctx.report)
            + _unticked(ctx.report))
