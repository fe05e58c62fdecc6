"""Concept factories for tests of any app: `ConceptFactory(fi="hitsaus", en="welding")`."""

from typing import Any

import factory
from factory.django import DjangoModelFactory

from kohtaanto.taxonomy.models import Concept, ConceptLabel, ConceptType, LabelKind
from kohtaanto.taxonomy.text import normalize


class ConceptFactory(DjangoModelFactory):
    class Meta:
        model = Concept
        skip_postgeneration_save = True

    class Params:
        fi = factory.Sequence(lambda n: f"taito {n}")
        en = factory.Sequence(lambda n: f"skill {n}")
        sv = ""

    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/skill/test-{n:06d}")
    type = ConceptType.SKILL
    preferred = factory.LazyAttribute(
        lambda o: {k: v for k, v in (("fi", o.fi), ("en", o.en), ("sv", o.sv)) if v}
    )

    @factory.post_generation
    def labels(
        self: Concept,  # type: ignore[misc]
        create: bool,
        extracted: Any,
        **kwargs: Any,
    ) -> None:
        """Preferred labels from `preferred`; `labels=[("fi", "alt", "hitsari")]` adds more.
        Stored as the importers store them (normalised by taxonomy.text)."""
        if not create:
            return
        rows = [(lang, LabelKind.PREFERRED, text) for lang, text in self.preferred.items()]
        rows += list(extracted or [])
        for lang, kind, text in rows:
            ConceptLabel.objects.create(
                concept=self, lang=lang, kind=kind, text=text, normalized=normalize(text, lang)
            )


class OccupationFactory(ConceptFactory):
    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/occupation/test-{n:06d}")
    type = ConceptType.OCCUPATION


class RequirementFactory(ConceptFactory):
    uri = factory.Sequence(lambda n: f"urn:kohtaanto:requirement:test-{n}")
    type = ConceptType.REQUIREMENT
    requirement_kind = "card"
    validity_months = 60
