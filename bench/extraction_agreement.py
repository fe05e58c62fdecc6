"""How far two careful readers agree, and the engine beside them (the second reading).

    python bench/extraction_agreement.py --esco ../shared/data/esco-en [--split tune|heldout]
        [--lang fi|sv]

bench/data/extraction_independent/second_reading/{tune,heldout}/{fi,sv}.jsonl holds a second,
independent tagging of a sample of each split's texts: other readers, each alone, read the same
texts with the same tagging rules and the English ESCO files, without seeing the first tags, the
vocabulary or the engine (see the set's README). The first reading is the set's own tags. On the
tune split the engine was tuned to the first reader's tags; the held-out split shows it on text
and tags no tuning saw.

Printed per language, for the concepts of type skill or knowledge (`expected`):

- the second reader scored against the first, as the engine is scored: precision (of the
  second reader's tags, the share the first also gave), recall (of the first reader's tags,
  the share the second also gave) and F1 — the recall one careful reader reaches against
  another, which bounds what the engine can be expected to reach against either;
- the same where a direct broader or narrower ESCO skill of a tag counts as that tag (`near`);
- the first reader against the second (the same counts from the other side);
- the engine against the first reader (the benchmark's own figure on these texts), against
  the second, and against the tags both readers agree on (recall) and either gave (precision);
- agreement on negated skills, occupations and languages.
"""

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_independent import (
    DATA,
    DEFAULT_FOLDER,
    SKILL_TYPES,
    Engine,
    MergedSource,
    esco_neighbours,
    load,
    ratio,
)

SECOND = DATA / "second_reading"


def prf(tp: int, got: int, gold: int) -> tuple[float, float, float]:
    precision, recall = ratio(tp, got), ratio(tp, gold)
    return precision, recall, ratio(2 * precision * recall, precision + recall)


def near_hits(got: set[str], gold: set[str], near: dict[str, set[str]]) -> int:
    """How many of `got` are in `gold` or one step from a concept in it."""
    return sum(1 for uri in got if uri in gold or near.get(uri, set()) & gold)


def compare(pairs: list[tuple[set[str], set[str]]], near: dict[str, set[str]]) -> Counter[str]:
    """Counts for (got, gold) set pairs: exact and one-step-near matches from both sides."""
    c: Counter[str] = Counter()
    for got, gold in pairs:
        c["tp"] += len(got & gold)
        c["got"] += len(got)
        c["gold"] += len(gold)
        c["near_got"] += near_hits(got, gold, near)
        c["near_gold"] += near_hits(gold, got, near)
    return c


RESAMPLES = 2000


def interval(pairs: list[tuple[set[str], set[str]]]) -> tuple[tuple[float, float], ...]:
    """95 % bootstrap intervals of precision and recall, the texts resampled (a text's tags
    are not independent of each other, so the texts are the unit)."""
    counts = [(len(got & gold), len(got), len(gold)) for got, gold in pairs]
    rng = random.Random(2026)
    precisions, recalls = [], []
    for _ in range(RESAMPLES):
        sample = [counts[rng.randrange(len(counts))] for _ in counts]
        tp, got, gold = (sum(column) for column in zip(*sample, strict=True))
        precisions.append(ratio(tp, got))
        recalls.append(ratio(tp, gold))
    low, high = int(0.025 * RESAMPLES), int(0.975 * RESAMPLES) - 1
    return tuple((sorted(v)[low], sorted(v)[high]) for v in (precisions, recalls))


def line(name: str, pairs: list[tuple[set[str], set[str]]], near: dict[str, set[str]]) -> str:
    c = compare(pairs, near)
    precision, recall, f1 = prf(c["tp"], c["got"], c["gold"])
    near_p, near_r = ratio(c["near_got"], c["got"]), ratio(c["near_gold"], c["gold"])
    (p_low, p_high), (r_low, r_high) = interval(pairs)
    return (
        f"  {name:34} {precision:6.3f} {recall:6.3f} {f1:6.3f}   "
        f"{near_p:6.3f} {near_r:6.3f}   {c['got']:5} {c['gold']:5}   "
        f"{p_low:.3f}–{p_high:.3f} {r_low:.3f}–{r_high:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", required=True, help="English ESCO CSV folder")
    parser.add_argument("--vocabulary", default=str(DEFAULT_FOLDER))
    parser.add_argument("--split", default="heldout", choices=["tune", "heldout"])
    parser.add_argument("--lang", choices=["fi", "sv"], help="one language only")
    parser.add_argument("--second", default=str(SECOND), help="the second reading's folder")
    args = parser.parse_args()
    second_folder = Path(args.second) / args.split
    if not (second_folder / "fi.jsonl").exists():
        parser.error(f"no second reading at {second_folder}")
    near = esco_neighbours(Path(args.esco))
    engine = Engine(MergedSource(Path(args.vocabulary), Path(args.esco)))
    for lang in [args.lang] if args.lang else ["fi", "sv"]:
        path = second_folder / f"{lang}.jsonl"
        second = {
            row["id"]: row
            for row in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x)
        }
        first = {row["id"]: row for row in load(args.split, lang) if row["id"] in second}
        missing = sorted(second.keys() - first.keys())
        if missing:
            parser.error(f"{path}: not texts of the {args.split} split: {', '.join(missing[:5])}")
        ids = sorted(first)
        results = engine.extract_many([first[i]["text"] for i in ids], lang)
        found = [{m.uri for m in r.concepts if m.type in SKILL_TYPES} for r in results]
        one = [set(first[i]["expected"]) for i in ids]
        two = [set(second[i]["expected"]) for i in ids]
        both = [a & b for a, b in zip(one, two, strict=True)]
        either = [a | b for a, b in zip(one, two, strict=True)]
        print(
            f"{lang} ({args.split}): {len(ids)} texts, {sum(map(len, one))} tags in the first "
            f"reading, {sum(map(len, two))} in the second, {sum(map(len, both))} in both"
        )
        print(
            f"  {'':34} {'P':>6} {'R':>6} {'F1':>6}   {'nearP':>6} {'nearR':>6}   "
            f"{'got':>5} {'gold':>5}   {'P 95 %':>11} {'R 95 %':>11}"
        )
        print(line("second reader vs first", list(zip(two, one, strict=True)), near))
        print(line("first reader vs second", list(zip(one, two, strict=True)), near))
        print(line("engine vs first reader", list(zip(found, one, strict=True)), near))
        print(line("engine vs second reader", list(zip(found, two, strict=True)), near))
        # recall on what both readers tagged, precision on what either did
        agreed = compare(list(zip(found, both, strict=True)), near)
        (_, _), (low, high) = interval(list(zip(found, both, strict=True)))
        agreed_recall = ratio(agreed["tp"], agreed["gold"])
        print(
            f"  {'engine, R on tags both gave':34} {'':6} {agreed_recall:6.3f} {'':6}   "
            f"{'':13}   {'':11}   {'':11} {low:.3f}–{high:.3f}"
        )
        loose = compare(list(zip(found, either, strict=True)), near)
        (low, high), _ = interval(list(zip(found, either, strict=True)))
        print(
            f"  {'engine, P on tags either gave':34} {ratio(loose['tp'], loose['got']):6.3f} "
            f"{'':13}   {'':13}   {'':11}   {low:.3f}–{high:.3f}"
        )
        for key in ("negated", "occupations"):
            pairs = [(set(second[i][key]), set(first[i][key])) for i in ids]
            c = compare(pairs, {})
            precision, recall, f1 = prf(c["tp"], c["got"], c["gold"])
            print(f"  {key + ', second vs first':34} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
        languages = Counter()
        for i in ids:
            gold = {(e["lang"], e.get("level")) for e in first[i]["languages"]}
            got = {(e["lang"], e.get("level")) for e in second[i]["languages"]}
            languages["tp"] += len({c for c, _ in got} & {c for c, _ in gold})
            languages["level"] += len(got & gold)
            languages["gold"] += len(gold)
        print(
            f"  {'languages, second vs first':34} {'':6} "
            f"{ratio(languages['tp'], languages['gold']):6.3f} (with the same level "
            f"{ratio(languages['level'], languages['gold']):.3f})"
        )


if __name__ == "__main__":
    main()
