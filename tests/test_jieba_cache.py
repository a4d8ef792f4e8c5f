"""jieba's dictionary (with the domain words) comes from the user cache after the first
build: the same words are cut; a damaged entry is rebuilt; a changed domain lexicon never
meets an old entry; an unwritable or disabled cache still segments."""
from pathlib import Path

import pytest

from nlp_pipeline.text import segment

SEED = Path(__file__).parent / "data" / "seed"
TEXTS = ["项目资金执行率已经完成，资金到位率100%", "全年新建公共安全视频监控点位326个。其中，新建高清点位120个",
         "绩效目标申报表年度指标值与实际完成值偏差原因分析"]


def _texts():
    seed = sorted(SEED.glob("*.txt"))
    extra = seed[0].read_text(encoding="utf-8").splitlines()[:200] if seed else []
    return TEXTS + [x for x in extra if x.strip()]


@pytest.fixture
def fresh(monkeypatch):
    segment.jieba_tokenizer.cache_clear()
    yield
    segment.jieba_tokenizer.cache_clear()


def _cut(tok):
    return [tok.lcut(t) for t in _texts()]


def test_cache_written_then_identical(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("NLP_PIPELINE_CACHE", "")
    reference = _cut(segment.jieba_tokenizer(True))
    segment.jieba_tokenizer.cache_clear()
    monkeypatch.setenv("NLP_PIPELINE_CACHE", str(tmp_path))
    built = segment.jieba_tokenizer(True)
    assert len(list(tmp_path.glob("jieba-*.pickle"))) == 1
    assert _cut(built) == reference
    segment.jieba_tokenizer.cache_clear()
    restored = segment.jieba_tokenizer(True)
    assert restored.initialized and restored.FREQ == built.FREQ and restored.total == built.total
    assert _cut(restored) == reference


def test_damaged_entry_rebuilt(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("NLP_PIPELINE_CACHE", str(tmp_path))
    reference = _cut(segment.jieba_tokenizer(True))
    (entry,) = tmp_path.glob("jieba-*.pickle")
    entry.write_bytes(b"not a pickle")
    segment.jieba_tokenizer.cache_clear()
    assert _cut(segment.jieba_tokenizer(True)) == reference
    assert entry.read_bytes() != b"not a pickle"  # made again


def test_changed_lexicon_gets_its_own_entry(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("NLP_PIPELINE_CACHE", str(tmp_path / "cache"))
    segment.jieba_tokenizer(True)
    lex = tmp_path / "domain_terms.txt"
    lex.write_text(segment.lexicon_path(segment.DOMAIN_DICT).read_text(encoding="utf-8") + "甲乙丙丁戊 100000\n",
                   encoding="utf-8")
    monkeypatch.setattr(segment, "lexicon_path", lambda name: lex)
    segment.jieba_tokenizer.cache_clear()
    tok = segment.jieba_tokenizer(True)
    assert len(list((tmp_path / "cache").glob("jieba-*.pickle"))) == 2
    assert "甲乙丙丁戊" in tok.lcut("今年甲乙丙丁戊完成")


def test_unwritable_cache_still_segments(tmp_path, monkeypatch, fresh):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NLP_PIPELINE_CACHE", str(blocker / "sub"))  # a folder under a file
    assert segment.jieba_tokenizer(True).lcut("资金到位率")
