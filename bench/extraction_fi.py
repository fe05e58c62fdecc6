"""Finnish extraction benchmark: hand-labelled job ads, CVs, company needs and course texts.

    python bench/extraction_fi.py [--vocabulary kohtaanto/taxonomy/vocabulary] [--verbose]

Each line of bench/data/extraction_fi/*.jsonl is one realistic Finnish text from the Kokkola
region's industry with the concepts a careful reader tags in it, by URI (ESCO for skills and
occupations, urn:kohtaanto:requirement:… for requirement cards): `expected` (the text says the
person has it or the ad/course/company asks for it), `negated` (said to be missing) and
`required` (expected concepts the text marks as a requirement). The engine (mode "match",
language detected) runs over the shipped vocabulary read from its CSV files.

Figures: micro precision/recall/F1 of `concepts` against `expected` (a negated concept found as
a positive one counts as a false positive), recall and precision of `negated`, and of the
`required` mark on expected concepts that were found.
"""

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The taxonomy's file readers use its model constants: the apps are set up (no database used).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
import django

django.setup()

from kohtaanto.extraction.engine import Engine  # noqa: E402
from kohtaanto.extraction.text import VOIKKO, use_voikko  # noqa: E402
from kohtaanto.extraction.vocabulary_csv import DEFAULT_FOLDER, VocabularySource  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "extraction_fi"


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def share(a: int, b: int) -> str:
    """A ratio for the table; "–" where nothing was expected or found."""
    return f"{a / b:5.2f}" if b else f"{'–':>5}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocabulary", default=str(DEFAULT_FOLDER))
    parser.add_argument("--verbose", action="store_true", help="print each text's misses")
    parser.add_argument(
        "--no-voikko", action="store_true", help="simplemma only, even where Voikko is installed"
    )
    args = parser.parse_args()
    if args.no_voikko:
        use_voikko(False)
    print(f"Finnish lemmas: simplemma{' + Voikko for unknown words' if VOIKKO.enabled else ''}")

    rows = [
        json.loads(line)
        for path in sorted(DATA.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    engine = Engine(VocabularySource(args.vocabulary))
    index = engine.index()
    engine.extract_many([row["text"] for row in rows[:5]])  # load the lemma dictionaries

    started = time.perf_counter()
    results = engine.extract_many([row["text"] for row in rows])
    seconds = time.perf_counter() - started

    counts: dict[str, Counter[str]] = {"all": Counter()}
    for row, result in zip(rows, results, strict=True):
        found = {m.uri: m for m in result.concepts}
        negated = {m.uri for m in result.negated}
        expected, expected_negated = set(row["expected"]), set(row["negated"])
        required = set(row["required"])
        for bucket in (counts["all"], counts.setdefault(row["kind"], Counter())):
            bucket["texts"] += 1
            bucket["tp"] += len(found.keys() & expected)
            bucket["fp"] += len(found.keys() - expected)
            bucket["fn"] += len(expected - found.keys())
            bucket["neg_tp"] += len(negated & expected_negated)
            bucket["neg_fp"] += len(negated - expected_negated)
            bucket["neg_fn"] += len(expected_negated - negated)
            marked = {uri for uri in found.keys() & expected if found[uri].required}
            bucket["req_tp"] += len(marked & required)
            bucket["req_fp"] += len(marked - required)
            bucket["req_fn"] += len((required & found.keys()) - marked)
        if args.verbose:
            missed = expected - found.keys()
            extra = found.keys() - expected
            if missed or extra or negated ^ expected_negated:
                label = {m.uri: m.label for m in result.concepts + result.negated}
                print(f"{row['id']}: {row['text']}")
                print(f"   missed: {sorted(missed)}")
                print(f"   extra:  {sorted(label.get(u, u) for u in extra)}")
                print(f"   negated found {sorted(negated)} expected {sorted(expected_negated)}")

    print(
        f"{len(rows)} texts, vocabulary of {len(index)} concepts, "
        f"{len(rows) / seconds:,.0f} texts/s (2 cores, Python 3.11)"
    )
    print(
        f"{'kind':14} {'n':>3} {'P':>6} {'R':>6} {'F1':>6}   "
        f"{'negP':>5} {'negR':>5}   {'reqP':>5} {'reqR':>5}"
    )
    for kind, c in counts.items():
        precision, recall = ratio(c["tp"], c["tp"] + c["fp"]), ratio(c["tp"], c["tp"] + c["fn"])
        f1 = ratio(2 * precision * recall, precision + recall)
        print(
            f"{kind:14} {c['texts']:3} {precision:6.3f} {recall:6.3f} {f1:6.3f}   "
            f"{share(c['neg_tp'], c['neg_tp'] + c['neg_fp'])} "
            f"{share(c['neg_tp'], c['neg_tp'] + c['neg_fn'])}   "
            f"{share(c['req_tp'], c['req_tp'] + c['req_fp'])} "
            f"{share(c['req_tp'], c['req_tp'] + c['req_fn'])}"
        )


if __name__ == "__main__":
    main()
