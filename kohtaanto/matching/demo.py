"""Demo data of matching: the occupation→skill links that career moves need.

Career moves rank occupations by the share of their essential skills a person has, so they need
occupation profiles. ESCO's full profiles come only with `kohtaanto import-esco`; the demo loads
the links shipped in `data/occupation_skills.csv` (the ESCO relations between the shipped
vocabulary's occupations and skills, written by bench/matching_occupation_skills.py). An ESCO
import later keeps them: they are ESCO's own relations.
"""

import csv
import random
from pathlib import Path
from typing import Any

from django.db import transaction

from kohtaanto.taxonomy.models import Concept, ConceptRelation, RelationKind

# After the shipped vocabulary (taxonomy, ORDER 10), before anything that ranks people.
ORDER = 15

OCCUPATION_SKILLS = Path(__file__).resolve().parent / "data" / "occupation_skills.csv"
KINDS = {
    "essential": RelationKind.OCCUPATION_ESSENTIAL,
    "optional": RelationKind.OCCUPATION_OPTIONAL,
}


def occupation_skills_load(path: Path = OCCUPATION_SKILLS) -> int:
    """Create the shipped occupation→skill links whose two concepts exist; returns how many
    were new (idempotent: a second run creates none)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [
            (r["occupation_uri"], KINDS[r["relation"]], r["skill_uri"]) for r in csv.DictReader(f)
        ]
    ids = dict(
        Concept.objects.filter(uri__in={u for o, _, s in rows for u in (o, s)}).values_list(
            "uri", "pk"
        )
    )
    wanted = {(ids[o], ids[s], kind) for o, kind, s in rows if o in ids and s in ids}
    with transaction.atomic():
        existing = set(
            ConceptRelation.objects.filter(
                source_id__in={o for o, _, _ in wanted}, kind__in=KINDS.values()
            ).values_list("source_id", "target_id", "kind")
        )
        new = [
            ConceptRelation(source_id=o, target_id=s, kind=kind)
            for o, s, kind in sorted(wanted - existing)
        ]
        ConceptRelation.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def generate(*, rng: random.Random, area: Any, users: dict[str, Any]) -> None:
    occupation_skills_load()
