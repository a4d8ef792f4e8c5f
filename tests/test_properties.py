"""Property tests (hypothesis): the number parser and ``analyze`` never fail on text
other than with the tool's own input error, and every span they give lies inside the
text and quotes it exactly.

CI runs a small number of cases; the bench run asks for many more:

    NLP_PIPELINE_PROPERTY_CASES=10000 python3 -m pytest -q tests/test_properties.py
"""
from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_pipeline.errors import ReportError
from nlp_pipeline.pipeline import analyze
from nlp_pipeline.text import extract_numbers

CASES = int(os.environ.get("NLP_PIPELINE_PROPERTY_CASES", "0")) or None
DATA = Path(__file__).parent / "data"
SEED = Path(__file__).parent.parent / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"

# the pieces numbers are written with in these reports, and some that break parsers
PIECES = [
    *"0123456789", ".", ",", "，", "、", "%", "％", "‰", "~", "-", "—", "至", "到", "+", "×", "*", "/", "=",
    *"零〇一二两三四五六七八九十百千万亿", "元", "万元", "亿元", "个", "人", "人次", "家", "场", "平方米",
    "公里", "吨", "亩", "年", "月", "日", "约", "近", "以上", "余", "多", "不少于", "不超过", "达到", "完成",
    "预算", "执行率", "百分之", "第", "期", "（", "）", "(", ")", "：", "；", "。", "\n", "\t", " ", "\u3000",
    "０", "１", "２", "３", "．", "\ufeff", "\x00", "e", "E", "k", "㎡", "℃", "²",
]
number_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)


def _settings(default: int, deadline=None):
    return settings(max_examples=CASES or default, deadline=deadline, derandomize=CASES is None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_settings(300)
@given(number_texts)
def test_number_spans_quote_the_text(text):
    for m in extract_numbers(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


# --- analyze ------------------------------------------------------------------------------

_BASES = [SEED, *sorted(DATA.glob("blind*/b*.txt"))[:10], *sorted(DATA.glob("detect/*.txt"))[:10]]
_TEXTS = [p.read_text(encoding="utf-8") for p in _BASES]


@st.composite
def report_texts(draw):
    """A fixture report cut, spliced and sprinkled with odd text, or text of no report."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(max_size=300))
    text = draw(st.sampled_from(_TEXTS))
    lines = text.splitlines(keepends=True)
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    a = rng.randrange(len(lines))
    b = min(len(lines), a + rng.randrange(1, 40))
    lines = lines[:3] + lines[a:b]  # the title, then a window of the report
    for _ in range(draw(st.integers(0, 6))):
        k = rng.randrange(len(lines) + 1)
        lines.insert(k, draw(number_texts) + draw(st.sampled_from(["\n", "\t", "。", ""])))
    if lines and draw(st.booleans()):
        k = rng.randrange(len(lines))
        s = lines[k]
        i = rng.randrange(len(s) + 1)
        lines[k] = s[:i] + draw(st.text(max_size=10)) + s[i:]
    return "".join(lines)


def _check_spans(analysis):
    text = analysis.report.text
    for m in analysis.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for f in analysis.findings:
        assert f.evidence
        for ev in f.evidence:
            assert 0 <= ev.start <= ev.end <= len(text), (f.code, ev)
            assert text[ev.start:ev.end] == ev.quote, (f.code, ev)


@_settings(25)
@given(report_texts())
def test_analyze_fails_only_with_its_own_error_and_quotes_exactly(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            analysis = analyze(path, mode="lexical")
        except ReportError:
            return
        _check_spans(analysis)
