"""A small Finnish/Swedish/English concept set for the extraction tests."""

from typing import Any

import pytest

from kohtaanto.extraction.engine import default_engine
from kohtaanto.taxonomy.models import Concept
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory, RequirementFactory


@pytest.fixture(autouse=True)
def _fresh_index() -> None:
    """Tests roll back their rows, so a later test may reuse the same ids and counts."""
    default_engine().invalidate()


@pytest.fixture
def concepts(db: None) -> dict[str, Any]:
    """Concepts keyed by their Finnish label."""
    made: list[Concept] = [
        ConceptFactory(fi="hitsaus", en="welding", sv="svetsning"),
        ConceptFactory(fi="koneistus", en="machining", sv="bearbetning"),
        ConceptFactory(fi="CNC-koneistus", en="CNC machining", sv="CNC-bearbetning"),
        ConceptFactory(fi="robotti", en="robot", sv="robot"),
        ConceptFactory(
            fi="PLC-ohjelmointi",
            en="PLC programming",
            sv="PLC-programmering",
            labels=[("fi", "alt", "PLC"), ("en", "alt", "PLC")],
        ),
        ConceptFactory(type="knowledge", fi="CAD", en="CAD", sv="CAD"),
        OccupationFactory(fi="hitsaaja", en="welder", sv="svetsare"),
        RequirementFactory(fi="tulityökortti", en="hot work licence", sv="heta arbeten-kort"),
        RequirementFactory(
            fi="trukkikortti",
            en="forklift licence",
            sv="truckkort",
            labels=[("fi", "alt", "trukkilupa")],
        ),
        RequirementFactory(
            fi="sähköturvallisuus SFS 6002",
            en="electrical safety SFS 6002",
            sv="elsäkerhet SFS 6002",
            labels=[("fi", "alt", "SFS 6002")],
        ),
        RequirementFactory(
            fi="ensiapukortti EA1",
            en="first aid certificate EA1",
            sv="första hjälpen EA1",
            labels=[("fi", "alt", "EA1")],
        ),
    ]
    return {concept.preferred["fi"]: concept for concept in made}
