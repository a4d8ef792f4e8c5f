"""MinHash signatures and a MinHash-LSH index in numpy, for copy detection.

Why not datasketch: it brought scipy (143 MB, a fifth of the default install) for one
call, ``scipy.integrate.quad`` in the LSH's choice of bands and rows. What copy
detection uses of it is small and is reproduced here bit for bit:

* signatures follow datasketch's ``scheme="affine32"`` with ``hashfunc=int`` (version
  2.0): each 32-bit input is pre-mixed by the MurmurHash3 finalizer, then permutation k
  maps it to ``a_k * h + b_k`` in uint32 (wrapping), ``a_k`` odd, ``(a, b)`` drawn from
  ``numpy.random.RandomState(seed)`` as datasketch draws them. Signatures are therefore
  the same as datasketch's, and the ``copy_index.parquet`` files written before this
  module keep working (``tests/test_crossdoc.py`` compares both when datasketch is
  installed);
* the LSH splits the signature into ``b`` bands of ``r`` rows chosen, as datasketch's
  ``MinHashLSH`` chooses them, to minimise the (equally weighted) false positive and
  false negative areas at the threshold. Both integrands are polynomials in s of degree
  ``b*r <= num_perm``, so Gauss-Legendre quadrature with ``num_perm // 2 + 1`` nodes is
  exact where scipy's adaptive ``quad`` is exact to rounding: the same ``(b, r)``. Two
  keys collide when one band of their signatures is equal, so the candidate sets are
  datasketch's exactly.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

_MAX32 = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``(a, b)``, uint32 each, as datasketch's ``MinHash(seed=…, scheme="affine32")``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(values: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """The MinHash signature (uint32, ``num_perm`` long) of a set of 32-bit hashes."""
    a, b = permutations(num_perm, seed)
    hv = np.asarray(values, dtype=np.uint32)
    if not hv.size:
        return np.full(num_perm, _MAX32, dtype=np.uint32)
    with np.errstate(over="ignore"):
        phv = _fmix32(hv).reshape(-1, 1) * a + b
    return phv.min(axis=0)


@lru_cache(maxsize=32)
def optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(b, r)``: bands and rows per band minimising false positive + false negative
    probability (weights 0.5/0.5), as datasketch's ``MinHashLSH(threshold, num_perm)``."""
    x, w = np.polynomial.legendre.leggauss(num_perm // 2 + 1)

    def integral(f, lo: float, hi: float) -> float:
        s = 0.5 * (hi - lo) * x + 0.5 * (hi + lo)
        return float(0.5 * (hi - lo) * np.dot(w, f(s)))

    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = integral(lambda s: 1 - (1 - s**r) ** b, 0.0, threshold)
            fn = integral(lambda s: (1 - s**r) ** b, threshold, 1.0)
            err = 0.5 * fp + 0.5 * fn
            if err < best:
                best, opt = err, (b, r)
    return opt


class LSH:
    """Keys whose signatures agree on at least one band."""

    def __init__(self, threshold: float, num_perm: int):
        self.num_perm = num_perm
        self.b, self.r = optimal_bands(float(threshold), int(num_perm))
        if self.b < 2:
            raise ValueError("The number of bands are too small (b < 2)")
        self.ranges = [(i * self.r, (i + 1) * self.r) for i in range(self.b)]
        self.tables: list[dict[bytes, list]] = [{} for _ in range(self.b)]

    def _bands(self, sig: np.ndarray):
        sig = np.ascontiguousarray(sig, dtype=np.uint32)
        if len(sig) != self.num_perm:
            raise ValueError(f"Expecting a signature of length {self.num_perm}, got {len(sig)}")
        return [sig[s:e].tobytes() for s, e in self.ranges]

    def insert(self, key, sig: np.ndarray) -> None:
        for band, table in zip(self._bands(sig), self.tables):
            table.setdefault(band, []).append(key)

    def query(self, sig: np.ndarray) -> set:
        out: set = set()
        for band, table in zip(self._bands(sig), self.tables):
            out.update(table.get(band, ()))
        return out
