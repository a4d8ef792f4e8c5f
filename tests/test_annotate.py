"""The annotation every rule shares (nlp_pipeline/text/annotate.py)."""
from __future__ import annotations

import pytest

from nlp_pipeline.model import Paragraph
from nlp_pipeline.text.annotate import Cues, annotate, default_cues, statement_start, statements, width_view


@pytest.mark.parametrize("text", ["任务已完成。", "任务已经完成。", "任务业已完成。", "任务均已经全部完成。"])
def test_a_completion_claim_is_one_concept_whatever_its_wording(text):
    spans = default_cues().find(text, "done")
    assert spans, text
    a, b = spans[0]
    assert "完成" in text[a:b]  # the span quotes the original wording, not the canonical one


@pytest.mark.parametrize("text", ["已完成率98%", "完成值为12个", "已经费用结算"])
def test_names_and_lookalikes_are_no_claim(text):
    assert not default_cues().has(text, "done")


def test_full_width_text_matches_the_same_cues():
    assert default_cues().find("９８％已经完成", "done") == [(3, 7)]


@pytest.mark.parametrize("sep", ["，", "。"])
def test_a_breakdown_stays_with_its_total(sep):
    text = f"全年支出120万元{sep}其中人员经费50万元，公用经费70万元。下一步将加强管理。"
    first = statements(text)[0]
    assert text[first[0]:first[1]].startswith("全年支出") and "公用经费" in text[first[0]:first[1]]
    assert len(statements(text)) == 2
    assert statement_start(text, text.index("其中")) == 0


def test_a_sentence_not_opened_by_a_continuation_stands_alone():
    text = "全年支出120万元。人员经费50万元。"
    assert statement_start(text, text.index("人员")) == text.index("人员")


def test_width_view_keeps_offsets_and_shared_objects():
    p = Paragraph(id="O1", section="O", kind="outcome", number=None, text="完成９８％", start=0, end=5)
    view = width_view({"a": [p], "b": p})
    assert view["a"][0] is view["b"] and view["a"][0].text == "完成98%"
    assert p.text == "完成９８％"  # the original is untouched


def test_the_doc_carries_statements_and_cues_as_spans():
    ann = annotate("O1", "全年共开展培训12场。其中线上5场，线下7场，已经全部完成。")
    doc = ann.doc
    assert [s.text for s in doc.spans["stmt"]] == [ann.text]
    assert any("完成" in s.text for s in doc.spans["cue:done"])
    assert ann.has("breakdown")


def test_a_lexicon_with_an_unknown_key_is_an_error_naming_the_file(tmp_path):
    from nlp_pipeline.text.annotate import _load_cues

    bad = tmp_path / "cues.yaml"
    bad.write_text("canonical: {}\ncontinuation_openers: []\nconcepts: {}\nextra: 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cues.yaml"):
        _load_cues(str(bad))
    assert isinstance(Cues(), Cues)
