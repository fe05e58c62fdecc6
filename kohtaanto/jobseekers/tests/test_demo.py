import random

from kohtaanto.accounts.models import Role
from kohtaanto.jobseekers import demo
from kohtaanto.jobseekers.identity import identity_code_decrypt
from kohtaanto.jobseekers.models import JobSeeker, Participation, ProfileSkill, ServiceEvent
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory, RequirementFactory


def test_demo_is_synthetic_realistic_and_idempotent(area, make_user):
    ConceptFactory(fi="hitsaus")
    ConceptFactory(fi="CNC-sorvaus")
    ConceptFactory(fi="trukinajo")
    RequirementFactory(fi="Tulityökortti")
    OccupationFactory(fi="levyseppä-hitsaaja")
    users = {"coordinator": make_user(Role.COORDINATOR), "counsellor": make_user(Role.COUNSELLOR)}
    demo.generate(rng=random.Random(2026), area=area, users=users)
    people = JobSeeker.objects.filter(external_id__startswith="DEMO-JS-")
    counts = (people.count(), Participation.objects.count(), ServiceEvent.objects.count())
    assert counts[0] == demo.COUNT
    assert counts[1] > demo.COUNT // 2
    assert ProfileSkill.objects.exists()
    assert set(people.values_list("municipality__area", flat=True)) == {area.pk}
    for person in people.exclude(identity_code_encrypted=""):
        assert 900 <= int(identity_code_decrypt(person.identity_code_encrypted)[7:10]) <= 999
    for email in people.values_list("email", flat=True):
        assert email.isascii(), email  # "Björk" is written "bjork" in a made-up address
    demo.generate(rng=random.Random(2026), area=area, users=users)
    assert (people.count(), Participation.objects.count(), ServiceEvent.objects.count()) == counts
