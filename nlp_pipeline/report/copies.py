"""Copying across reports in the batch outputs: columns of the reports table, rows of the
findings table, the pairs table, the index a later batch compares against, and the
index page's section on groups of reports that share text.

Takes the plain results of :mod:`nlp_pipeline.crossdoc`; writes nothing itself (the
runner stages the bytes through :mod:`.writers`).
"""
from __future__ import annotations

import json
from collections import defaultdict

from markupsafe import Markup, escape

from nlp_pipeline.crossdoc import CODES, COPIED, CopyResult
from nlp_pipeline.report.tables import FINDING_COLUMNS, code_column

COPY_COLUMNS = ["copied_share", "repeated_share", "boilerplate_share", "yoy_similarity", "yoy_report", "n_copy_partners"]
PAIR_COLUMNS = [
    "report_id", "other_id", "code", "organisation", "other_organisation", "year", "other_year",
    "other_origin", "shared_chars", "share", "differs", "n_spans", "paragraphs", "other_paragraphs",
    "spans", "other_spans", "spans_json",
]  # fmt: skip
INDEX_FILE = "copy_index.parquet"
# the same rows where pyarrow (the parquet extra) is not installed: JSON lines, gzipped,
# each signature as hex
INDEX_FILE_JSONL = "copy_index.jsonl.gz"


def add_copies(reports, findings, result: CopyResult | None):
    """``(reports, findings)`` with the copy columns and the copy findings added. Copy
    findings count in ``n_findings`` and the per-severity and per-code columns, not in
    the score: the score is the report's own, whatever batch it is read in."""
    import pandas as pd

    reports = reports.copy()
    stats = result.stats if result is not None else {}
    for col in COPY_COLUMNS:
        vals = [getattr(stats[r], col) if r in stats else None for r in reports["id"]]
        reports[col] = vals
    for col in ("copied_share", "repeated_share", "boilerplate_share", "yoy_similarity"):
        reports[col] = pd.to_numeric(reports[col], errors="coerce").astype("float64")
    reports["yoy_report"] = reports["yoy_report"].astype("string")
    reports["n_copy_partners"] = reports["n_copy_partners"].fillna(0).astype("int64")
    for code in CODES:
        reports[code_column(code)] = 0
    if result is None:
        return reports, findings
    sources = dict(zip(reports["id"], reports["source"]))
    rows = []
    for k, rid in enumerate(reports["id"]):
        fs = result.findings.get(rid) or []
        for n, f in enumerate(fs, 1):
            rows.append(_finding_row(rid, sources.get(rid), f"C{n}", f))
            reports.loc[k, code_column(f.code)] += 1
            reports.loc[k, "n_findings"] += 1
            reports.loc[k, f"n_{f.severity}"] += 1
    if rows:
        extra = pd.DataFrame(rows, columns=FINDING_COLUMNS).astype(findings.dtypes.to_dict())
        order = {rid: k for k, rid in enumerate(reports["id"])}
        both = pd.concat([findings, extra], ignore_index=True)
        key = both["report_id"].map(order).fillna(len(order)).astype(int)
        findings = both.iloc[key.argsort(kind="stable")].reset_index(drop=True)
    return reports, findings


def _finding_row(rid: str, source, fid: str, f) -> dict:
    ev = f.evidence
    return {
        "report_id": rid, "source": source, "finding_id": fid, "code": f.code, "severity": f.severity,
        "message": f.message, "message_en": f.message_en,
        "paragraphs": ";".join(e.paragraph for e in ev), "sections": ";".join(e.section for e in ev),
        "start": ev[0].start if ev else None, "end": ev[0].end if ev else None, "quote": ev[0].quote if ev else "",
        "offsets": ";".join(f"{e.start}-{e.end}" for e in ev),
        "evidence_json": json.dumps([e.__dict__ for e in ev], ensure_ascii=False),
        "values_json": json.dumps(f.values, ensure_ascii=False, default=str, sort_keys=True),
    }  # fmt: skip


def pairs_frame(result: CopyResult | None):
    """One row per report and other report it shares text with (seen from the report
    that gets the finding)."""
    import pandas as pd

    rows = []
    for p in result.pairs if result is not None else []:
        rows.append({
            "report_id": p.report, "other_id": p.other, "code": p.code, "organisation": p.organisation,
            "other_organisation": p.other_organisation, "year": p.year, "other_year": p.other_year,
            "other_origin": p.other_origin, "shared_chars": p.shared_chars, "share": p.share,
            "differs": p.differs, "n_spans": len(p.spans),
            "paragraphs": ";".join(s.paragraph for s in p.spans),
            "other_paragraphs": ";".join(s.other_paragraph for s in p.spans),
            "spans": ";".join(f"{s.start}-{s.end}" for s in p.spans),
            "other_spans": ";".join(f"{s.other_start}-{s.other_end}" for s in p.spans),
            "spans_json": json.dumps([
                {"paragraph": s.paragraph, "start": s.start, "end": s.end, "quote": s.quote,
                 "other_paragraph": s.other_paragraph, "other_start": s.other_start, "other_end": s.other_end,
                 "other_quote": s.other_quote, "shared_chars": s.shared_chars, "differs": s.differs}
                for s in p.spans], ensure_ascii=False),
        })  # fmt: skip
    df = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    for c in ("year", "other_year"):
        df[c] = df[c].astype("Int64")
    for c in ("shared_chars", "n_spans"):
        df[c] = df[c].astype("int64")
    df["share"] = df["share"].astype("float64")
    for c in PAIR_COLUMNS:
        if df[c].dtype == object:
            df[c] = df[c].astype("string")
    return df


def index_frame(rows: list[dict]):
    import pandas as pd

    df = pd.DataFrame(rows)
    if "year" in df:
        df["year"] = df["year"].astype("Int64")
    return df


def index_jsonl_bytes(rows: list[dict]) -> bytes:
    import gzip

    lines = [json.dumps({k: (v.hex() if isinstance(v, bytes) else v) for k, v in r.items()}, ensure_ascii=False)
             for r in rows]  # fmt: skip
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8") if lines else b"", mtime=0)


def read_index_jsonl(path) -> list[dict]:
    import gzip

    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                r["signatures"] = bytes.fromhex(r["signatures"])
                rows.append(r)
    return rows


def stage_copies(staging, result: CopyResult | None, index_rows: list[dict] | None, formats, lang: str = "zh") -> None:
    """Stage copy_pairs.csv/.parquet and copy_index.parquet (always: a later batch's
    ``--against`` reads it; copy_index.jsonl.gz without pyarrow)."""
    from nlp_pipeline.report.writers import csv_bytes, have_parquet, parquet_bytes

    pairs = pairs_frame(result)
    if "csv" in formats:
        staging.add("copy_pairs.csv", csv_bytes(pairs))
    if "parquet" in formats:
        staging.add("copy_pairs.parquet", parquet_bytes(pairs))
    if index_rows is not None:
        if have_parquet():
            staging.add(INDEX_FILE, parquet_bytes(index_frame(index_rows)))
        else:
            staging.add(INDEX_FILE_JSONL, index_jsonl_bytes(index_rows))


# --- the index page's section -----------------------------------------------------------

LABELS = {
    "zh": {
        "title": "跨报告文字雷同",
        "none": "本批报告之间未发现照搬照抄的文字。",
        "intro": "以下各组报告之间有相同文字（已排除多数报告共有的套话和规定表述）。左栏为本报告，右栏为对方报告，标记处为不同之处。",
        "group": "第{n}组：{k}份报告",
        COPIED: "照搬其他单位", "REPEATED_FROM_EARLIER_YEAR": "照搬往年报告",
        "shared": "相同{chars}字，占本报告{share}", "reference": "（参照集）",
        "verbatim": "完全相同", "names": "仅名称不同", "figures": "仅数字不同",
        "names_figures": "仅名称和数字不同", "wording": "措辞有改动",
        "this": "本报告", "other": "对方报告",
    },
    "en": {
        "title": "Text shared across reports",
        "none": "No report of this batch copies text from another.",
        "intro": "Each group below shares text (boilerplate most reports share and mandated wording left out). Left: the report; right: the other report; marked: what differs.",
        "group": "Group {n}: {k} reports",
        COPIED: "copied from another unit", "REPEATED_FROM_EARLIER_YEAR": "repeated from an earlier year",
        "shared": "{chars} characters shared, {share} of the report", "reference": " (reference set)",
        "verbatim": "word for word", "names": "only names differ", "figures": "only figures differ",
        "names_figures": "only names and figures differ", "wording": "wording changed",
        "this": "This report", "other": "Other report",
    },
}

_STYLE = """<style>
  #copies .pair { margin: 10px 0 18px; }
  #copies .side { width: 50%; }
  #copies mark.diff { background: #ffd8b5; }
</style>"""


def _marked(pieces: list[list]) -> Markup:
    out = []
    for changed, text in pieces:
        out.append(Markup('<mark class="diff">{}</mark>').format(text) if changed else escape(text))
    return Markup("").join(out)


def render_copies(result: CopyResult | None, lang: str = "zh", link_prefix: str = "reports/",
                  batch_ids: set[str] | None = None) -> Markup:  # fmt: skip
    """The groups of reports that share text, each pair side by side with what differs
    marked. Every report text is escaped."""
    t = LABELS["en" if lang == "en" else "zh"]
    html = [Markup(_STYLE), Markup('<section id="copies">'), Markup("<h2>{}</h2>").format(t["title"])]
    if result is None or not result.pairs:
        html.append(Markup('<p class="meta">{}</p>').format(t["none"]))
        html.append(Markup("</section>"))
        return Markup("\n").join(html)
    html.append(Markup('<p class="meta">{}</p>').format(t["intro"]))
    batch_ids = batch_ids if batch_ids is not None else set(result.stats)

    def link(rid: str) -> Markup:
        if rid in batch_ids:
            return Markup('<a href="{}{}.html">{}</a>').format(link_prefix, rid, rid)
        return Markup("{}{}").format(rid, t["reference"])

    by_group: dict[str, int] = {}
    for n, g in enumerate(result.groups):
        for rid in g:
            by_group[rid] = n
    # each group's pairs in the order of result.pairs, bucketed once (it was every pair
    # for every group: 9 s for 23,000 pairs in 1,000 reports)
    group_pairs: dict[int, list] = defaultdict(list)
    for p in result.pairs:
        if p.report in by_group:
            group_pairs[by_group[p.report]].append(p)
    for n, g in enumerate(result.groups, 1):
        html.append(Markup("<h3>{}</h3>").format(t["group"].format(n=n, k=len(g))))
        html.append(Markup('<p class="meta">{}</p>').format(Markup("、").join(link(r) for r in g)))
        for p in group_pairs.get(n - 1, ()):
            head = Markup("{} ← {}：{}；{}；{}").format(
                link(p.report), link(p.other), t[p.code], t[p.differs],
                t["shared"].format(chars=p.shared_chars, share=f"{p.share * 100:.0f}%"))
            html.append(Markup('<div class="pair"><p>{}</p><table><thead><tr><th class="side">{}（{}）</th>'
                               '<th class="side">{}（{}）</th></tr></thead><tbody>').format(
                head, t["this"], p.report, t["other"], p.other))  # fmt: skip
            for s in p.spans:
                html.append(Markup('<tr><td><span class="code meta">{} [{}-{}]</span><br>{}</td>'
                                   '<td><span class="code meta">{} [{}-{}]</span><br>{}</td></tr>').format(
                    s.paragraph, s.start, s.end, _marked(s.diff),
                    s.other_paragraph, s.other_start, s.other_end, _marked(s.other_diff)))  # fmt: skip
            html.append(Markup("</tbody></table></div>"))
    html.append(Markup("</section>"))
    return Markup("\n").join(html)
