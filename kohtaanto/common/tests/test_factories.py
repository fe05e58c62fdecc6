from stdnum.fi import ytunnus

from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.taxonomy.models import Concept, ConceptLabel
from kohtaanto.taxonomy.tests.factories import ConceptFactory


def test_shared_factories_make_valid_rows(db):
    company = CompanyFactory()
    assert ytunnus.is_valid(company.business_id)
    participation = ParticipationFactory()
    assert participation.operation.is_default
    concept: Concept = ConceptFactory(fi="hitsaus", en="welding", labels=[("fi", "alt", "hitsari")])
    assert concept.label("fi") == "hitsaus"
    assert set(ConceptLabel.objects.filter(concept=concept).values_list("text", flat=True)) == {
        "hitsaus",
        "welding",
        "hitsari",
    }
