"""CITATION_MALFORMED: a document cited with a malformed number (发文字号): the year's
brackets lost or unpaired (「鄂财预〔2020 15号」, 「财预2020〕15号」, 「[2021〕」), brackets
with no year in them (「巫规资发〔〕36号」), no serial before 号 (「赣财社指〔2023〕号」), no 号
after the serial (「益财建〔2024〕37文件」), or a year in brackets other than the hexagonal
ones GB/T 9704 prescribes (「人社发(2023)12号」).

The shape of a number (agency words, year in brackets, serial, 号) is data in
lexicons/citations.yaml. A number with no brackets at all (财预2020 15号 is rare;
2020年15号 is no number) is not read.
"""
from __future__ import annotations

from nlp_pipeline.detect._textcommon import lexicon
from nlp_pipeline.detect.registry import Context, Rule, evidence, make_finding, register
from nlp_pipeline.text import patterns as P
from nlp_pipeline.model import Paragraph
from nlp_pipeline.text.normalize import normalize

CODE = "CITATION_MALFORMED"

RULE = Rule(
    id="TXT.CITATION", code=CODE, severity="low",
    summary_zh="引用文件的发文字号格式错误（年份括号缺失或不成对）",
    summary_en="A document cited with a malformed number (the year's brackets lost or unpaired)",
    example="根据《关于下达2020年补助资金的通知》（鄂财预〔2020 15号）要求……",
    confidence=0.8,
    explain_zh="发文字号「{number}」的年份括号不成对",
    explain_en="the year's brackets in the document number 「{number}」 do not pair",
    messages=("TXT.CITATION.unpaired", "TXT.CITATION.no_year", "TXT.CITATION.brackets", "TXT.CITATION.no_serial",
              "TXT.CITATION.no_hao", "TXT.CITATION.short_year", "TXT.CITATION.long_year"),
)


def _texts(report) -> list[Paragraph]:
    """The paragraphs, and the lines of text no section holds (a preamble before the first
    heading cites its documents too: 根据《…》（湘政发〔2019〕10号）…), as paragraphs of the
    basic part."""
    paras = report.paragraphs()
    covered = sorted((p.start, p.end) for p in paras)
    out = list(paras)
    pos = 0
    # lines come in order: a span ending before a line ends before every later line too;
    # of the rest, the first by start overlaps the line if any does
    k = 0
    for line in report.text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while k < len(covered) and covered[k][1] <= a:
            k += 1
        if len(line.strip()) < LOOSE_MIN or (k < len(covered) and covered[k][0] < b):
            continue
        out.append(Paragraph(id="B", section="B", kind="basic", number=None, text=line, start=a, end=b))
    return out


LOOSE_MIN = 10  # characters of a line outside the sections worth reading for citations


@register(RULE)
def detect(ctx: Context):
    lex = lexicon(ctx, "citations.yaml") or {}
    if not lex.get("number"):
        return []
    number = lex["number"]  # a pattern: the shape of a document number is data
    pairs = lex.get("pairs") or {}
    standard = lex.get("standard") or {}
    half = set(lex.get("half_width") or [])
    mixed = set(lex.get("off_standard_where_mixed") or [])
    wrong = set(lex.get("wrong_brackets") or [])
    closers = set(pairs.values())
    # matched on the width-normalised text (２０２３ is 2023; same length, same offsets)
    texts = [(p, normalize(p.text)) for p in _texts(ctx.report)]
    found = [(p, m) for p, t in texts for m in P.finditer(t, number)]
    uses_standard = any(standard.get(m.group("open")) == m.group("close") for _, m in found)
    findings = []
    seen: set[tuple] = set()
    for p, m in found:
        o, c = m.group("open"), m.group("close")
        if not o and not c:
            continue
        if not o and c not in closers:
            continue
        if o and pairs.get(o) == c:
            if standard.get(o) == c or not (o in half or o in wrong or (uses_standard and o in mixed)):
                continue
            message = "TXT.CITATION.brackets"
        else:
            message = "TXT.CITATION.unpaired"
        num = m.group(0)
        key = (o, m.group("year"), c, m.group("serial"))
        if key in seen:
            continue  # the same number cited again is the same slip
        seen.add(key)
        findings.append(make_finding(
            CODE, "low", message, {"paragraph": p.id, "number": num, "year": m.group("year")},
            [evidence(ctx.report, p, m.start(), m.end())], {"number": num},
        ))
    for key, message in (("reversed", "TXT.CITATION.unpaired"),
                         ("no_year", "TXT.CITATION.no_year"), ("no_serial", "TXT.CITATION.no_serial"),
                         ("no_hao", "TXT.CITATION.no_hao"), ("short_year", "TXT.CITATION.short_year"),
                         ("long_year", "TXT.CITATION.long_year"), ("doubled", "TXT.CITATION.unpaired")):
        for p, t in texts:
            for m in P.finditer(t, lex.get(key) or "(?!)"):
                num = m.group(0)
                year = next((m.group(0)[k:k + 4] for k in range(len(num) - 3) if num[k:k + 4].isdigit()), "")
                findings.append(make_finding(
                    CODE, "low", message, {"paragraph": p.id, "number": num, "year": year},
                    [evidence(ctx.report, p, m.start(), m.end())], {"number": num},
                ))
    return findings
