"""The numpy MinHash-LSH of copy detection (nlp_pipeline/crossdoc/minhash.py) gives
datasketch's signatures and band choice bit for bit, so copy_index.parquet files written
with datasketch keep working and copy detection finds the same pairs."""
import numpy as np
import pytest

from nlp_pipeline.crossdoc.minhash import LSH, optimal_bands, signature


def test_bands_match_datasketch():
    lsh = pytest.importorskip("datasketch.lsh")
    for n in (16, 64, 128):
        for t in (0.1, 0.2, 0.3, 0.5, 0.7, 0.9):
            assert optimal_bands(t, n) == lsh._optimal_param(t, n, 0.5, 0.5), (t, n)


def test_signatures_match_datasketch():
    ds = pytest.importorskip("datasketch")
    rng = np.random.default_rng(3)
    for seed in (1, 42):
        for _ in range(50):
            v = np.unique(rng.integers(0, 2**32, int(rng.integers(1, 200)), dtype=np.uint64)).astype(np.uint32)
            m = ds.MinHash(num_perm=64, seed=seed, hashfunc=int, scheme="affine32")
            m.update_batch(v.tolist())
            assert np.array_equal(np.asarray(m.hashvalues, dtype=np.uint32), signature(v, 64, seed))


def test_lsh_collides_on_a_shared_band_only():
    assert optimal_bands(0.3, 64) == (21, 3)  # lexicons/crossdoc.yaml: num_perm 64, lsh_threshold 0.3
    lsh = LSH(0.3, 64)
    a = signature(np.arange(100, dtype=np.uint32), 64, 1)
    b = a.copy()
    b[3:] = ~b[3:]  # only the first band (rows 0-2) equal
    c = a ^ np.uint32(0x5555)  # differs from a and b everywhere
    for k, s in enumerate((a, b, c)):
        lsh.insert(k, s)
    assert lsh.query(a) == {0, 1}
    assert lsh.query(c) == {2}
    assert np.all(signature(np.array([], dtype=np.uint32), 64, 1) == 0xFFFFFFFF)
