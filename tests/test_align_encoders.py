"""--model PATH: a tiny SentenceTransformer built here (random BERT, character vocabulary),
saved to a tmp dir and loaded offline by path; the embedding caches; the CLI."""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from click.testing import CliRunner  # noqa: E402

from nlp_pipeline.align import (  # noqa: E402
    CachedEncoder,
    EncoderError,
    align_report,
    load_encoder,
)
from nlp_pipeline.cli import main  # noqa: E402

DATA = Path(__file__).parent / "data" / "align"
REPORT = DATA / "water.txt"


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A randomly initialised 1-layer BERT with a vocabulary of the report's characters."""
    import torch
    from sentence_transformers import SentenceTransformer

    try:  # sentence-transformers >= 6
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:
        from sentence_transformers.models import Pooling, Transformer
    from transformers import BertConfig, BertModel, BertTokenizer

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("tiny_st")
    chars = sorted(set(REPORT.read_text(encoding="utf-8")) - set(" \n\t"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars
    bert_dir = root / "bert"
    bert_dir.mkdir()
    (bert_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = BertTokenizer(str(bert_dir / "vocab.txt"), do_lower_case=False, tokenize_chinese_chars=True)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=512)
    BertModel(cfg).save_pretrained(bert_dir)
    tok.save_pretrained(bert_dir)
    word = Transformer(str(bert_dir), max_seq_length=256)
    dim = (word.get_embedding_dimension() if hasattr(word, "get_embedding_dimension")
           else word.get_word_embedding_dimension())
    pool = Pooling(dim, pooling_mode="mean")
    out = root / "st"
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(out))
    return out


@pytest.fixture(scope="module")
def tiny_encoder(tiny_model):
    return load_encoder(str(tiny_model))


def test_load_by_path_encodes_normalised_rows(tiny_encoder):
    x = tiny_encoder.encode(["供水管网改造", "河道采砂监管", "供水管网改造"])
    assert x.shape[0] == 3 and x.shape[1] == 32
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert np.allclose(x[0], x[2])
    assert "st" in tiny_encoder.name


def test_same_instance_per_path(tiny_model, tiny_encoder):
    assert load_encoder(str(tiny_model)) is tiny_encoder


def test_align_with_user_model(tiny_encoder):
    from nlp_pipeline import ingest

    report = ingest.read_report(REPORT)
    for mode in ("dense", "fused"):
        als = align_report(report, encoder=tiny_encoder, mode=mode)
        o2g = als["outcomes_to_goals"]
        assert len(o2g.pairs) == len(report.sections["O"].paragraphs)
        assert any(p.dense is not None for p in o2g.pairs)
        assert all(p.target is None or p.target.startswith("G") for p in o2g.pairs)


def test_in_process_and_disk_cache(tiny_encoder, tmp_path):
    enc = CachedEncoder(tiny_encoder.inner, cache_dir=tmp_path)
    a = enc.encode(["甲乙丙", "丁戊己"])
    assert enc.encoded == 2
    enc.encode(["甲乙丙"])
    assert enc.encoded == 2  # served from memory
    again = CachedEncoder(tiny_encoder.inner, cache_dir=tmp_path)
    b = again.encode(["丁戊己", "甲乙丙"])
    assert again.encoded == 0  # served from disk
    assert np.allclose(a[::-1], b)
    assert list(tmp_path.rglob("*.npy"))


def test_missing_model_path_is_a_clear_error(tmp_path):
    with pytest.raises(EncoderError) as err:
        load_encoder(str(tmp_path / "no_such_model"))
    assert "模型" in err.value.message("zh") and "model" in err.value.message("en")


def test_cli_with_model_path_json(tiny_model):
    res = CliRunner().invoke(main, ["align", str(REPORT), "--model", str(tiny_model),
                                    "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) == {"outcomes_to_goals", "performance_to_goals", "tasks_to_goals",
                         "problems_to_improvements"}
    assert data["outcomes_to_goals"]["pairs"][0]["source"] == "O1"


def test_cli_table_lexical_english():
    res = CliRunner().invoke(main, ["align", str(DATA / "school.txt"), "--mode", "lexical",
                                    "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "goals without outcome" in res.output and "O1" in res.output
    assert "measures answering no problem" in res.output


def test_cli_bad_model_exits_2(tmp_path):
    res = CliRunner().invoke(main, ["align", str(REPORT), "--model", str(tmp_path / "nope")])
    assert res.exit_code == 2
    assert "Traceback" not in res.output


def test_cli_unreadable_file_exits_2(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    res = CliRunner().invoke(main, ["align", str(bad), "--mode", "lexical"])
    assert res.exit_code == 2
