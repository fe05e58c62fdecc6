import random

import pytest

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.taxonomy.tests.factories import ConceptFactory
from kohtaanto.training import demo, selectors
from kohtaanto.training.models import Agreement, Programme, ProgrammeSkill, Provider


@pytest.mark.django_db
def test_demo_makes_providers_agreements_and_programmes_and_a_rerun_adds_nothing(
    area, make_user, gap_source
):
    welding = ConceptFactory(fi="hitsaus", en="welding")
    users = {
        Role.COORDINATOR: make_user(Role.COORDINATOR),
        Role.FINANCE: make_user(Role.FINANCE),
        Role.PARTNER: make_user(
            Role.PARTNER, partner_organisation=PartnerOrganisation.objects.get(short_name="KPEDU")
        ),
    }
    demo.generate(rng=random.Random(2026), area=area, users=users)
    counts = (Provider.objects.count(), Agreement.objects.count(), Programme.objects.count())
    assert counts == (3, 3, 6)
    kpedu = Agreement.objects.get(title="KPEDU palveluhankintasopimus")
    assert kpedu.legal_basis == "in_house"
    assert ProgrammeSkill.objects.filter(concept=welding).exists()
    demo.generate(rng=random.Random(2026), area=area, users=users)
    assert (
        Provider.objects.count(),
        Agreement.objects.count(),
        Programme.objects.count(),
    ) == counts
    gap_source([(welding.pk, 10, 1)])
    plan = selectors.training_plan(actor=users[Role.COORDINATOR], budget="100000")
    assert plan.purchases and plan.purchases[0].gaps[0][0] == welding


@pytest.mark.django_db
def test_demo_buys_a_tasmakoulutus_jointly_with_a_medium_sized_company(area, make_user):
    from kohtaanto.employers.tests.factories import CompanyFactory

    company = CompanyFactory(size_class="medium", employees=120)
    users = {Role.COORDINATOR: make_user(Role.COORDINATOR)}
    demo.generate(rng=random.Random(2026), area=area, users=users)
    joint = Programme.objects.get(name_fi=demo.JOINT_PURCHASE[0])
    assert (joint.type, joint.company, joint.size_class) == ("tasma", company, "medium")
    assert str(joint.employer_share) == "7680.00"  # 40 % of 19 200 €
    demo.generate(rng=random.Random(2026), area=area, users=users)
    assert Programme.objects.filter(name_fi=demo.JOINT_PURCHASE[0]).count() == 1
