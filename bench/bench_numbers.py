"""Benchmark of the number extractor (issue 3).

    python bench/bench_numbers.py [--repeat N]

Prints, on the hand-checked gold sets (tests/data/numbers_gold.yaml, tuned on, and
tests/data/numbers_gold_heldout.yaml, written after tuning and never tuned on):

1. precision / recall of this extractor on value+unit+normalised value and on the metric
   phrase;
2. side by side with registry tools on the forms each covers:
   - jionlp's money extractor (jio.ner.extract_money) on the MONEY mentions,
     compared on the normalised amount in 元;
   - cn2an.transform on the mentions written in Chinese numerals (两场, 三千余, 百分之八十),
     and on the numeral-built words that are not numbers (一线三排, 四上);
3. speed of each (mentions/s, ms per 1000 characters) on the seed report;
4. segmentation with and without the domain lexicon.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp_pipeline.text import extract_numbers  # noqa: E402
from nlp_pipeline.text.gold import load_gold, score  # noqa: E402

GOLD = ROOT / "tests" / "data" / "numbers_gold.yaml"
HELDOUT = ROOT / "tests" / "data" / "numbers_gold_heldout.yaml"
SEED = ROOT / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"
CN = "〇零一二两三四五六七八九十百千万亿"


def ours(text, cu):
    return extract_numbers(text, currency_unit=cu)


def _quiet_import(name):
    import warnings

    warnings.filterwarnings("ignore", module="cn2an")  # it warns on every bare 万/亿
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        try:
            return __import__(name)
        except Exception:  # noqa: BLE001 - a missing optional tool is reported, not fatal
            return None


def section(title):
    print()
    print(title)
    print("-" * len(title.encode("gbk", errors="replace")))


def accuracy():
    section("1. This extractor on the gold sets")
    print(f"{'set':10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} | {'metric P':>8} {'metric R':>8} {'exact':>6} | {'qualifier':>9}")
    for name, path in (("tuned", GOLD), ("held-out", HELDOUT)):
        s = score(ours, load_gold(path))
        exact = s.metric_correct_exact / s.metric_gold if s.metric_gold else 0
        print(
            f"{name:10} {s.n_gold:5d} {s.n_pred:5d} {s.precision:6.3f} {s.recall:6.3f} | "
            f"{s.metric_precision:8.3f} {s.metric_recall:8.3f} {exact:6.3f} | {s.qualifier_accuracy:9.3f}"
        )
    print("P/R: value + unit + normalised value all right; metric: lenient match (one phrase")
    print("contains the other, shorter >= half); exact: identical phrase (recall).")


def _money_scores(items, extract):
    """P/R on MONEY mentions, comparing the normalised amount in 元 only."""
    n_gold = n_pred = ok = 0
    for it in items:
        gold = [g for g in it.mentions if g.kind == "MONEY"]
        preds = extract(it.text)
        n_gold += len(gold)
        n_pred += len(preds)
        used = set()
        for g in gold:
            for i, (a, b, v) in enumerate(preds):
                if i not in used and a < g.end and g.start < b:
                    used.add(i)
                    ok += abs(v - g.base_value) <= 1e-6 * max(1, abs(g.base_value))
                    break
    return n_gold, n_pred, ok


def compare_jionlp(jio, items):
    def theirs(text):
        out = []
        with contextlib.redirect_stdout(io.StringIO()):
            for e in jio.ner.extract_money(text, with_parsing=True):
                num = e["detail"]["num"]
                v = float(num[0] if isinstance(num, list) else num)
                out.append((e["offset"][0], e["offset"][1], v))
        return out

    def mine(text):
        return [(m.start, m.end, m.base_value) for m in extract_numbers(text) if m.kind == "MONEY"]

    # only items without a table currency unit: jionlp cannot be told the unit of a bare cell
    items = [i for i in items if not i.currency_unit]
    print(f"{'tool':28} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6}")
    for name, fn in (("this extractor (MONEY)", mine), ("jionlp ner.extract_money", theirs)):
        g, p, ok = _money_scores(items, fn)
        print(f"{name:28} {g:5d} {p:5d} {ok / p if p else 0:6.3f} {ok / g if g else 0:6.3f}")


def compare_cn2an(cn2an, items):
    """Chinese-numeral mentions: is the right Arabic value produced, and what else changes."""
    total = right_ours = right_cn2an = 0
    spurious_cn2an = spurious_ours = 0
    for it in items:
        text = it.text
        try:
            out = cn2an.transform(text, "cn2an")
        except Exception:  # noqa: BLE001 - cn2an raises on some inputs; count as no output
            out = text
        cn_gold = [g for g in it.mentions if any(c in CN for c in g.surface) and not g.surface.startswith("约")]
        mine = extract_numbers(text, currency_unit=it.currency_unit)
        for g in cn_gold:
            total += 1
            want = g.value
            hits = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", out)]
            right_cn2an += any(abs(h - want) < 1e-9 for h in hits) and not (g.kind == "RANGE" and "23" in out)
            right_ours += any(m.start < g.end and g.start < m.end and abs((m.value or 0) - want) < 1e-9 for m in mine)
        # numbers introduced where the gold has none (一线三排 -> 1线3排, 四上 -> 4上)
        gold_spans = [(g.start, g.end) for g in it.mentions]
        new_digits = len(re.findall(r"\d+", out)) - len(re.findall(r"\d+", text))
        spurious_cn2an += max(0, new_digits - len(cn_gold))
        spurious_ours += sum(
            1
            for m in mine
            if any(c in CN for c in m.text) and not any(m.start < b and a < m.end for a, b in gold_spans)
        )
    print(f"{'tool':28} {'CN gold':>7} {'right':>6} {'spurious':>8}")
    print(f"{'this extractor':28} {total:7d} {right_ours:6d} {spurious_ours:8d}")
    print(f"{'cn2an.transform':28} {total:7d} {right_cn2an:6d} {spurious_cn2an:8d}")
    print("right: the Arabic value of the mention appears (cn2an: anywhere in its output);")
    print("spurious: numbers made from words that are not quantities (e.g. 四上 -> 4上).")
    demo = "配备两三个网格员，落实“一线三排”，培育“四上”企业"
    print(f"  e.g. cn2an.transform: {demo} -> {cn2an.transform(demo, 'cn2an')}")
    print(f"       this extractor:  {[(m.text, m.kind, m.low, m.high) for m in extract_numbers(demo)]}")


def comparisons():
    section("2. Side by side with registry tools (both gold sets)")
    items = load_gold(GOLD) + load_gold(HELDOUT)
    jio = _quiet_import("jionlp")
    if jio is not None:
        compare_jionlp(jio, items)
    else:
        print("jionlp not installed: money comparison skipped")
    print()
    cn2an = _quiet_import("cn2an")
    if cn2an is not None:
        compare_cn2an(cn2an, items)
    return jio, cn2an


def _timeit(fn, text, repeat):
    fn(text)  # warm caches and lazy imports
    t0 = time.perf_counter()
    n = 0
    for _ in range(repeat):
        n += fn(text)
    dt = time.perf_counter() - t0
    return n / repeat, dt / repeat


def speed(jio, cn2an, repeat):
    section(f"3. Speed on the seed report ({repeat} runs, 1 process)")
    text = SEED.read_bytes().decode("utf-8", errors="replace")
    kchars = len(text) / 1000
    tools = [("this extractor", lambda t: len(extract_numbers(t)))]
    if jio is not None:

        def jio_money(t):
            with contextlib.redirect_stdout(io.StringIO()):
                return len(jio.ner.extract_money(t, with_parsing=True))

        tools.append(("jionlp ner.extract_money", jio_money))
    if cn2an is not None:
        tools.append(("cn2an.transform", lambda t: len(re.findall(r"\d+", cn2an.transform(t, "cn2an")))))
    print(f"{'tool':28} {'items':>6} {'ms/run':>8} {'ms/1000 chars':>14} {'items/s':>9}")
    for name, fn in tools:
        n, dt = _timeit(fn, text, repeat)
        print(f"{name:28} {n:6.0f} {dt * 1000:8.1f} {dt * 1000 / kchars:14.2f} {n / dt:9.0f}")
    from nlp_pipeline.ingest import read_report
    from nlp_pipeline.text import extract_mentions

    report = read_report(SEED)
    n, dt = _timeit(lambda _t: len(extract_mentions(report)), text, max(1, repeat // 2))
    print(f"{'extract_mentions(report)':28} {n:6.0f} {dt * 1000:8.1f} {dt * 1000 / kchars:14.2f} {n / dt:9.0f}")
    print(f"({len(text)} characters; items = mentions found, for cn2an the digit runs in its output;")
    print(" jionlp extracts money only, cn2an only converts numerals: they do less work.)")


def segmentation():
    from nlp_pipeline.text.segment import domain_terms, tokenize

    section("4. Segmentation with and without the domain lexicon")
    text = SEED.read_bytes().decode("utf-8", errors="replace")
    text = re.sub(r"<[^>]+>", " ", text)
    terms = set(domain_terms())
    mentions = extract_numbers(text)
    # occurrences of domain terms, leaving out those inside a longer term's occurrence
    found = {(m.start(), m.end()) for t in terms for m in re.finditer(re.escape(t), text)}
    maximal = [(a, b) for a, b in found if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in found)]
    for name, dom in (("jieba, default dictionary", False), ("jieba + domain lexicon + numbers", True)):
        toks = tokenize(text, domain=dom)
        # where does each token start and end
        pos, spans = 0, set()
        for t in toks:
            k = text.find(t, pos)
            spans.add((k, k + len(t)))
            pos = k + len(t)
        starts = {a for a, _ in spans}
        ends = {b for _, b in spans}
        occ = whole = 0
        for a, b in maximal:
            occ += 1
            whole += (a, b) in spans
        num_whole = sum((m.start, m.end) in spans for m in mentions)
        broken = sum(1 for m in mentions if any(m.start < s < m.end for s in starts))
        print(
            f"{name:34} tokens {len(toks):5d} | domain-term occurrences (maximal) kept whole {whole}/{occ} "
            f"({whole / occ:.0%}) | number mentions as one token {num_whole}/{len(mentions)}, split {broken}"
        )
        del ends
    # not circular: the metric phrases are cut by the same segmenter, so the gold metric
    # accuracy with the default dictionary shows what the lexicon buys downstream
    from nlp_pipeline.text import context, segment

    items = load_gold(GOLD) + load_gold(HELDOUT)
    for name, dom in (("metric phrase, default dictionary", False), ("metric phrase, domain lexicon", True)):
        orig = segment.jieba_tokenizer
        context._words.cache_clear()
        segment.jieba_tokenizer = lambda domain=True, _d=dom: orig(_d)  # noqa: E731
        try:
            s = score(ours, items)
        finally:
            segment.jieba_tokenizer = orig
            context._words.cache_clear()
        exact = s.metric_correct_exact / s.metric_gold
        print(f"{name:34} P {s.metric_precision:.3f}  R {s.metric_recall:.3f}  exact {exact:.3f}  (both gold sets)")
    sample = "组织开展入户宣传活动66次，覆盖户数38500户，入户宣传率达98.5%，预算执行率为97.54%"
    print("  sample, default:", " / ".join(tokenize(sample, domain=False)))
    print("  sample, domain: ", " / ".join(tokenize(sample)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    accuracy()
    jio, cn2an = comparisons()
    speed(jio, cn2an, args.repeat)
    segmentation()


if __name__ == "__main__":
    main()
