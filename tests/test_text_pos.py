"""text.pos.verbs gives exactly the verbs of jieba.posseg over the domain tokenizer."""
from pathlib import Path

import pytest

from nlp_pipeline.text.pos import verbs
from nlp_pipeline.text.segment import pos_tokenizer, split_clauses

DATA = Path(__file__).parent / "data"


def _texts():
    out = ["在省血液质量监督检查中考核合格。", "加强队伍建设，提升队伍素质", "", "  \t", "abc 123",
           "继续推进柯城龙游江山献血屋建设", "强化监督管理，确保资金安全有效"]
    for f in sorted(DATA.glob("blind*/b*.txt"))[:12] + sorted(DATA.glob("detect/*.txt"))[:12]:
        s = f.read_text(encoding="utf-8")
        out += [s[a:b] for a, b in split_clauses(s)]
    return out


def test_verbs_equal_posseg():
    tagger = pos_tokenizer()
    for t in _texts():
        assert verbs(t) == [w.word for w in tagger.cut(t) if w.flag.startswith("v")], t


@pytest.mark.parametrize("text", ["深化改革", "龙游江山柯城", "办理业务ABC123件"])
def test_unknown_runs_use_the_hmm(text):
    tagger = pos_tokenizer()
    assert verbs(text) == [w.word for w in tagger.cut(text) if w.flag.startswith("v")]


def test_verb_list_matches_the_installed_jieba_dictionary():
    from nlp_pipeline.lexicons import load_list
    from nlp_pipeline.text.pos import VERB_LIST, dictionary_verbs

    assert set(load_list(VERB_LIST)) == set(dictionary_verbs())
