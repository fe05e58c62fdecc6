from kohtaanto.taxonomy.lookup import concept_lookup
from kohtaanto.taxonomy.models import ConceptLabel, ConceptType, LabelKind
from kohtaanto.taxonomy.tests.factories import ConceptFactory
from kohtaanto.taxonomy.text import normalize


def test_typed_label_finds_a_concept_whose_stored_label_is_lemmatised(db):
    concept = ConceptFactory(fi="CNC-koneistaja", en="CNC machinist", type=ConceptType.OCCUPATION)
    # As the vocabulary loader stores it: folded and lemmatised, hyphen split.
    ConceptLabel.objects.filter(concept=concept).delete()
    ConceptLabel.objects.create(
        concept=concept,
        lang="fi",
        kind=LabelKind.PREFERRED,
        text="CNC-koneistaja",
        normalized=normalize("CNC-koneistaja", "fi"),
    )
    assert concept_lookup(lang="fi", text="CNC-koneistaja", types=[ConceptType.OCCUPATION]) == [
        concept
    ]
    assert concept_lookup(lang="fi", text="cnc-koneistaja", types=[ConceptType.OCCUPATION]) == [
        concept
    ]
    assert concept_lookup(lang="fi", text="CNC-kone", types=[ConceptType.OCCUPATION]) == [concept]
    assert concept_lookup(lang="fi", text="hitsaaja", types=[ConceptType.OCCUPATION]) == []
