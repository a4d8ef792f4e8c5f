"""The verbs jieba's part-of-speech tagger finds in a text, without the tagger's cost.

``jieba.posseg.POSTokenizer`` keeps a tag for each of the 349,000 dictionary words and,
on import, builds a second tagger for the global jieba: about 100 MB and a second per
process, for one detector that only asks which words are verbs. This module gives the
same answer (word for word, same order) from the set of words tagged v* in the
tokenizer's dictionary and user dictionary, and reproduces the tagger's cut: the
dictionary route of the domain tokenizer, with runs of unknown characters tagged by
posseg's own HMM, whose tables are loaded only when such a run occurs.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re

# the block patterns of jieba.posseg (0.42): only "han" blocks can yield a verb
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_DICT_LINE = re.compile(r"^([^ \n]+) [^ \n]+ ([^ \n]+)$", re.M)


def _tokenizer():
    from nlp_pipeline.text.segment import jieba_tokenizer

    tok = jieba_tokenizer(True)
    tok.check_initialized()
    return tok


VERB_LIST = "jieba_verbs.txt"


def dictionary_verbs() -> list[str]:
    """Words tagged v* in jieba's dictionary (a later line for a word wins, as in the
    tagger's table): the source of lexicons/jieba_verbs.txt (``python -m
    nlp_pipeline.text.pos`` rewrites it; a test checks it against the installed jieba)."""
    tok = _tokenizer()
    fh = tok.get_dict_file()
    try:
        text = fh.read().decode("utf-8").replace("\r", "")
    finally:
        fh.close()
    tags = dict(_DICT_LINE.findall(text))
    return sorted(w for w, tag in tags.items() if tag.startswith("v"))


@functools.lru_cache(maxsize=1)
def verb_words() -> frozenset[str]:
    """Words the tagger would tag v*: the dictionary's (from the list in lexicons/, read
    in milliseconds where the dictionary takes a third of a second), overridden by the
    user dictionary's tags (the order POSTokenizer applies them in)."""
    from nlp_pipeline.lexicons import load_list

    verbs = set(load_list(VERB_LIST))
    for word, tag in _user_tags():
        if tag.startswith("v"):
            verbs.add(word)
        else:
            verbs.discard(word)
    return frozenset(verbs)


def _user_tags() -> list[tuple[str, str]]:
    # read from the file as Tokenizer.load_userdict reads it: the tokenizer's own table
    # is emptied by the first POSTokenizer that merges it
    import jieba

    from nlp_pipeline.lexicons import lexicon_path
    from nlp_pipeline.text.segment import DOMAIN_DICT

    out = []
    with open(lexicon_path(DOMAIN_DICT), "rb") as fh:
        for raw in fh:
            line = raw.strip().decode("utf-8").lstrip("\ufeff")
            if not line:
                continue
            word, _freq, tag = jieba.re_userdict.match(line).groups()
            if tag is not None and tag.strip():
                out.append((word, tag.strip()))
    return out


@functools.lru_cache(maxsize=1)
def _hmm():
    """posseg's HMM tables and Viterbi, loaded from its files without importing the
    jieba.posseg package (whose import builds the global tagger)."""
    import jieba

    folder = os.path.join(os.path.dirname(jieba.__file__), "posseg")

    def load(name: str):
        spec = importlib.util.spec_from_file_location(f"_nlp_pipeline_posseg_{name}",
                                                      os.path.join(folder, f"{name}.py"))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod

    return (load("viterbi").viterbi, load("char_state_tab").P, load("prob_start").P,
            load("prob_trans").P, load("prob_emit").P)


def _hmm_verbs(run: str, out: list[str]) -> None:
    # POSTokenizer.__cut_detail: Chinese blocks through the Viterbi tagger; digits and
    # Latin letters are tagged m / eng / x, never a verb
    viterbi, states, start_p, trans_p, emit_p = _hmm()
    for blk in _HAN_DETAIL.split(run):
        if not blk or not _HAN_DETAIL.match(blk):
            continue
        _, pos = viterbi(blk, states, start_p, trans_p, emit_p)
        begin = nexti = 0
        for i, ch in enumerate(blk):
            bmes, flag = pos[i]
            if bmes == "B":
                begin = i
            elif bmes == "E":
                if flag.startswith("v"):
                    out.append(blk[begin:i + 1])
                nexti = i + 1
            elif bmes == "S":
                if flag.startswith("v"):
                    out.append(ch)
                nexti = i + 1
        if nexti < len(blk) and pos[nexti][1].startswith("v"):
            out.append(blk[nexti:])


def verbs(text: str) -> list[str]:
    """The words of ``text`` that ``jieba.posseg.POSTokenizer(jieba_tokenizer(True))``
    tags with a v* flag, in order."""
    tok = _tokenizer()
    vset = verb_words()
    out: list[str] = []

    def flush(buf: str) -> None:
        if len(buf) == 1:
            if buf in vset:
                out.append(buf)
        elif not tok.FREQ.get(buf):
            _hmm_verbs(buf, out)
        else:
            out.extend(ch for ch in buf if ch in vset)

    for blk in _HAN_INTERNAL.split(text):
        if not blk or not _HAN_INTERNAL.match(blk):
            continue  # whitespace, punctuation: tagged x
        dag = tok.get_DAG(blk)
        route: dict = {}
        tok.calc(blk, dag, route)
        x, n, buf = 0, len(blk), ""
        while x < n:
            y = route[x][1] + 1
            word = blk[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    flush(buf)
                    buf = ""
                if word in vset:
                    out.append(word)
            x = y
        if buf:
            flush(buf)
    return out


if __name__ == "__main__":
    from nlp_pipeline.lexicons import LEXICON_DIR

    words = dictionary_verbs()
    (LEXICON_DIR / VERB_LIST).write_text(
        "# Words tagged v* (verbs) in jieba's dictionary, one per line, generated by\n"
        "# `python -m nlp_pipeline.text.pos` so that the verb test of VAGUE_MEASURE needs no\n"
        "# part-of-speech tagger (see nlp_pipeline/text/pos.py).\n" + "\n".join(words) + "\n",
        encoding="utf-8")
    print(len(words))
