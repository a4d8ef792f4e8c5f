"""VAGUE_MEASURE's clause test: a measure whose every clause opens with a generic verb
(after lead words such as 进一步, 不断) aims at a state and names no action; a clause that
points back at the problem (针对…问题) adds nothing. Own invented measures."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect._vague import residual
from nlp_pipeline.lexicons import load_yaml


@pytest.fixture(scope="module")
def cues():
    return load_yaml("cues_vague.yaml")


@pytest.mark.parametrize("text", [
    "进一步加强工程管护工作，不断提高项目管理水平。",
    "针对馆舍紧张问题，进一步优化空间布局，不断改善读者阅读环境。",
    "持续完善档案库房设施，切实增强档案安全保障能力。",
    "对于资金拨付滞后的情况，加快推进资金拨付，强化项目全过程管理。",
    "继续深化医共体改革，持续提升基层医疗服务能力和群众就医体验。",
    # width and punctuation do not matter
    "进一步加强工程管护工作;不断提高项目管理水平",
])
def test_generic_clauses_are_vague(cues, text):
    assert residual(text, cues, ()) is not None


@pytest.mark.parametrize("text", [
    # a concrete action, a date, an owner or a figure makes it concrete
    "加强人员培训，提高业务能力。",
    "2024年3月底前建立项目地块联合预审机制。",
    "由县农业农村局牵头，加强工程管护，提高管理水平。",
    "进一步优化空间布局，新增少儿阅览座位120个。",
    # a measure that opens with a concrete verb
    "制定工程管护办法，明确村级管护责任和经费来源。",
])
def test_concrete_measures_are_not_vague(cues, text):
    assert residual(text, cues, ()) is None
