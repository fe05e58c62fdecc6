import datetime
import random

from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.jobseekers import demo
from kohtaanto.jobseekers.demo.people import _plan
from kohtaanto.jobseekers.demo.population import ARCHETYPES
from kohtaanto.jobseekers.identity import identity_code_decrypt
from kohtaanto.jobseekers.models import JobSeeker, Participation, ProfileSkill, ServiceEvent
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
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


class _EarliestRng(random.Random):
    """Draws the smallest value of every range and a 0.0 for every chance: the first meeting
    as recent as the demo makes it, and every optional event recorded."""

    def randrange(self, start, stop=None, step=1):  # type: ignore[override]
        return start if stop is not None else 0

    def random(self) -> float:
        return 0.0


def test_demo_contacts_are_never_in_the_future(area, make_user):
    counsellor = make_user(Role.COUNSELLOR)
    person = JobSeekerFactory()
    person.counsellors.add(counsellor)
    today = timezone.localdate()
    ctx = {"counsellor": counsellor, "today": today}
    _plan(_EarliestRng(), person, ARCHETYPES[0], None, ctx)
    days = list(
        ServiceEvent.objects.filter(job_seeker=person).values_list("occurred_on", flat=True)
    )
    assert len(days) == 2
    assert max(days) == today and min(days) == today - datetime.timedelta(days=10)
