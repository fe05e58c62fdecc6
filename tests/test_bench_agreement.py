"""The second reading's arithmetic (bench/extraction_agreement.py): how two readers' tags and
the engine's are counted against each other, and the intervals printed beside them."""

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def agreement() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(
            "extraction_agreement", BENCH / "extraction_agreement.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


def test_agreement_is_counted_from_each_side(agreement: ModuleType) -> None:
    # (got, gold): the second reader's tags against the first's
    pairs = [({"a", "b", "c"}, {"a", "b", "d", "e"}), ({"x"}, {"x"}), (set(), {"y"})]
    counts = agreement.compare(pairs, {})
    assert (counts["tp"], counts["got"], counts["gold"]) == (3, 4, 6)
    precision, recall, f1 = agreement.prf(counts["tp"], counts["got"], counts["gold"])
    assert (precision, recall) == (0.75, 0.5)
    assert f1 == pytest.approx(0.6)
    # the other side swaps precision and recall
    swapped = agreement.compare([(gold, got) for got, gold in pairs], {})
    assert agreement.prf(swapped["tp"], swapped["got"], swapped["gold"])[:2] == (0.5, 0.75)


def test_a_direct_neighbour_counts_only_in_the_near_figures(agreement: ModuleType) -> None:
    near = {"c": {"d"}, "d": {"c"}}
    counts = agreement.compare([({"a", "c"}, {"a", "d"})], near)
    assert counts["tp"] == 1
    assert (counts["near_got"], counts["near_gold"]) == (2, 2)


def test_the_interval_resamples_texts_and_holds_the_figure(agreement: ModuleType) -> None:
    pairs = [({"a", "b"}, {"a"}), ({"c"}, {"c", "d"}), ({"e"}, {"e"}), ({"f"}, {"g"})] * 10
    (p_low, p_high), (r_low, r_high) = agreement.interval(pairs)
    counts = agreement.compare(pairs, {})
    precision, recall, _ = agreement.prf(counts["tp"], counts["got"], counts["gold"])
    assert 0 <= p_low < precision < p_high <= 1
    assert 0 <= r_low < recall < r_high <= 1
    # every text alike: nothing to resample
    same = agreement.interval([({"a"}, {"a", "b"})] * 20)
    assert same == ((1.0, 1.0), (0.5, 0.5))


def test_the_second_reading_is_of_the_sets_own_texts() -> None:
    data = BENCH / "data" / "extraction_independent"
    for split in ("tune", "heldout"):
        for lang in ("fi", "sv"):
            first = {
                row["id"]: row
                for row in map(
                    json.loads, (data / split / f"{lang}.jsonl").read_text().splitlines()
                )
            }
            second = [
                json.loads(line)
                for line in (data / "second_reading" / split / f"{lang}.jsonl")
                .read_text()
                .splitlines()
            ]
            assert len(second) == {"fi": 120, "sv": 88}[lang]
            for row in second:
                assert first[row["id"]]["kind"] == row["kind"]
                assert not set(row["expected"]) & set(row["negated"])
