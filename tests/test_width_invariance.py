"""A report written in full-width digits and punctuation is the same report: the findings
(codes and places) do not change, and every quote is the original text at its offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp_pipeline.pipeline import analyze

DATA = Path(__file__).parent / "data"
FULL = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


@pytest.mark.parametrize("name", ["detect/d_housing.txt", "detect/e_form_street.txt"])
def test_full_width_report_gives_the_same_findings(tmp_path, name):
    src = DATA / name
    wide = tmp_path / src.name
    wide.write_text(src.read_text(encoding="utf-8").translate(FULL), encoding="utf-8")
    a, b = analyze(src), analyze(wide)
    assert a.findings, "the report has planted defects"

    def places(an):
        return sorted((f.code, tuple(sorted(set(f.paragraphs())))) for f in an.findings)

    assert places(b) == places(a)
    text = b.report.text
    for f in b.findings:
        for e in f.evidence:
            assert text[e.start:e.end] == e.quote


# The seed's form in other file formats is the same report too: the same findings.
@pytest.mark.parametrize("builder", ["seed_html", "seed_docx", "seed_xlsx"])
def test_seed_in_another_format_gives_the_same_findings(tmp_path, builder):
    import ingest_fixtures as F

    def places(an):
        return sorted((f.code, tuple(sorted(set(f.paragraphs())))) for f in an.findings)

    want = places(analyze(F.seed_path()))
    got = analyze(getattr(F, builder)(tmp_path))
    assert places(got) == want
    for f in got.findings:
        for e in f.evidence:
            assert got.report.text[e.start:e.end] == e.quote
