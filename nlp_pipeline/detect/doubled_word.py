"""REPEATED_TEXT (a doubled word): a word of two or more characters written twice in a
row (主要包括包括辅具适配, 对设备进行进行检查), a slip of the pen or of copy and paste.

The words are jieba's (the domain dictionary, figures whole), so a word and a longer one
that begins with it (完成完成率) are two words, not one doubled. Numbers, Latin letters and
words that count out one by one (一批一批, 一个一个) are not read, nor the words a writer
doubles on purpose (``reduplicated`` of lexicons/detect_boilerplate.yaml), nor a form's
header cells run together (二级指标指标内容: ``table_words`` there). Indicator cells are not
prose: a form repeats its cells by design. Running text outside the sections (how the
evaluation was done) is read too: a slip there is the report's all the same.
"""
from __future__ import annotations

from nlp_pipeline.detect._textcommon import evidence, lexicon, prose_paragraphs
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.segment import doubled_words

CODE = "REPEATED_TEXT"
MIN_CHARS = 2  # characters of a word that is a slip when written twice in a row

RULE = Rule(
    id="TXT.DOUBLED_WORD", code=CODE, severity="low", name="DOUBLED_WORD",
    summary_zh="同一个词在句中紧接着重复书写（如「包括包括」），属笔误",
    summary_en="A word written twice in a row (包括包括), a slip",
    example="项目主要包括包括辅具适配、康复训练和假肢安装。",
    params=(Param("min_chars", "MIN_CHARS", "characters of a word that is a slip when written twice in a row"),),
    confidence=0.85,
    explain_zh="分词后相邻两个词完全相同：「{word}{word}」",
    explain_en="two adjacent words are the same: \"{word}{word}\"",
    messages=("TXT.DOUBLED_WORD.main",),
)


def _find_all(text: str, word: str) -> list[int]:
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1)
    return out


def _han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _doubled(text: str, keep: set[str], headers: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word written twice in a row that is a slip."""
    found = doubled_words(text)
    if not found:
        return []
    # a form's header cells run together (二级指标指标内容) end and begin with one word
    covered = [(k, k + len(h)) for h in headers for k in _find_all(text, h)]
    out = []
    for a, d, w in found:
        if len(w) < MIN_CHARS or not _han(w):
            continue
        if w.startswith("一") or w + w in keep:
            continue  # 一批一批: counting out; 研究研究: doubled on purpose
        if any(x < d and a < y for x, y in covered):
            continue
        out.append((a, d, w))
    return out


def _loose_lines(report) -> list:
    """Lines of running text outside every paragraph (how the evaluation was done, notes the
    reader keeps no section for): a slip there is the report's too. Table lines, and lines
    without the commas and stops of sentences, are left alone (their cells run together)."""
    from nlp_pipeline.model import Paragraph

    inside = [(p.start, p.end) for p in report.paragraphs()]
    out, pos = [], 0
    for line in report.text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if not line.strip() or "|" in line or "\t" in line or "｜" in line \
                or any(x < b and a < y for x, y in inside):
            continue
        if not any(c in line for c in "，,") or not any(c in line for c in "。：:"):
            continue  # (a form flattened onto one line runs its cells together: 执行率执行率权重)
        out.append(Paragraph(id="U", section="U", kind="unclassified", number=None, text=line, start=a, end=b))
    return out


@register(RULE)
def detect(ctx: Context):
    data = lexicon(ctx, "detect_boilerplate.yaml") or {}
    keep = set(data.get("reduplicated") or [])
    headers = [w for w in data.get("table_words") or [] if w]
    report = ctx.report
    findings = []
    for p in prose_paragraphs(report) + report.paragraphs("B") + _loose_lines(report):
        for a, d, w in _doubled(p.text, keep, headers):
            ev = [evidence(report, p, a, d)]
            if ev[0].quote != w + w:
                continue  # two cells joined into one paragraph (人道救助 | 救助困难群众): not written so
            findings.append(make_finding(CODE, "low", "TXT.DOUBLED_WORD.main",
                                         {"paragraph": p.id, "word": w}, ev,
                                         {"word": w, "places": [p.id], "shape": "doubled_word"}))
    return findings
