"""Segmentation: domain lexicon, whole number tokens, sentences and clauses."""
from nlp_pipeline.lexicons import load_list
from nlp_pipeline.text import make_nlp, split_clauses, split_sentences, tokenize

SAMPLE = "组织开展入户宣传活动66次，覆盖户数38500户，入户宣传率达98.5%，预算执行率为97.54%，部门调整预算收入123,244.2元。"


def test_domain_lexicon_size_and_header():
    terms = load_list("domain_terms.txt")
    assert len(terms) >= 500 and len(set(terms)) == len(terms)
    from nlp_pipeline.lexicons import lexicon_path

    head = lexicon_path("domain_terms.txt").read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("#")


def test_domain_lexicon_improves_segmentation():
    plain = tokenize(SAMPLE, domain=False)
    domain = tokenize(SAMPLE)
    assert "率达" in plain and "入户宣传率" not in plain
    assert "入户宣传率" in domain and "达" in domain
    assert "预算执行率" in domain and "预算执行率" not in plain


def test_numbers_are_single_tokens():
    toks = tokenize(SAMPLE)
    for t in ("66次", "38500户", "98.5%", "123,244.2元"):
        assert t in toks
    assert "123" in tokenize(SAMPLE, domain=False)  # plain jieba splits at the comma


def test_spacy_pipeline_keeps_text_and_numbers():
    nlp = make_nlp()
    doc = nlp(SAMPLE)
    assert doc.text == SAMPLE
    assert "123,244.2元" in [t.text for t in doc]
    assert len(list(doc.sents)) >= 1


def test_sentences_and_clauses():
    text = "一、基本情况。1.完成巡查12次；2.整改隐患5处！是否达标？"
    sents = [text[a:b] for a, b in split_sentences(text)]
    assert sents == ["一、基本情况。", "1.完成巡查12次；", "2.整改隐患5处！", "是否达标？"]
    c = "完成巡查12次，整改隐患5处、约谈3家。"
    clauses = [c[a:b] for a, b in split_clauses(c)]
    assert clauses == ["完成巡查12次，", "整改隐患5处、", "约谈3家。"]


def test_plain_clauses_keep_enumerations_and_numbers():
    from nlp_pipeline.text.segment import plain_clauses

    text = "新建A、B、C3个站点，投资1,260万元；其余2个：在建。"
    got = [text[a:b] for a, b in plain_clauses(text)]
    assert got == ["新建A、B、C3个站点", "投资1,260万元", "其余2个：在建"]
