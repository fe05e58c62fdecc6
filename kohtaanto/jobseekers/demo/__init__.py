"""Demo data: about sixty synthetic job seekers of the region with realistic profiles.

Everyone is made up: names are random pairs of common Finnish and Swedish names, and every
identity code is in the temporary range 900–999 (never a permanent, real person's code).
Profiles use the shipped vocabulary when the taxonomy demo has loaded it, with skills of the
occupations people have worked in (demo/skills.py); missing concepts are skipped. Re-running
adds nobody twice (people are keyed by external_id DEMO-JS-nnn).
"""

import random

from django.db.models import Q
from django.utils import timezone

from kohtaanto.accounts.models import EmploymentArea, PartnerOrganisation, User
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.demo.people import person_add
from kohtaanto.jobseekers.demo.population import ARCHETYPES, CARD
from kohtaanto.jobseekers.demo.skills import occupation_profiles
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.selectors import operation_default
from kohtaanto.taxonomy.models import Concept

ORDER = 30
COUNT = 60


def _concepts(labels: set[str]) -> dict[str, Concept]:
    found: dict[str, Concept] = {}
    query = Q()
    for label in labels:
        query |= Q(preferred__fi__iexact=label)
    for concept in Concept.objects.filter(query):
        found.setdefault(str(concept.preferred.get("fi", "")).casefold(), concept)
    return found


def generate(*, rng: random.Random, area: EmploymentArea, users: dict[str, User]) -> None:
    counsellor = users.get("counsellor") or users["coordinator"]
    coordinator = users.get("coordinator") or counsellor
    operation = operation_default(area=area)
    municipalities = list(area.municipalities.order_by("code"))
    kpedu = PartnerOrganisation.objects.filter(short_name="KPEDU").first()
    centria = PartnerOrganisation.objects.filter(short_name="Centria").first()
    companies = list(Company.objects.filter(employment_area=area).order_by("pk")[:20])
    labels = {label for a in ARCHETYPES for label in (*a.skills, *a.targets)}
    concepts = _concepts(labels | set(CARD.values()))
    profiles = occupation_profiles({o for a in ARCHETYPES for o in (*a.worked, *a.earlier)})
    used = set(
        JobSeeker.objects.filter(employment_area=area)
        .exclude(identity_code_digest="")
        .values_list("identity_code_digest", flat=True)
    )
    existing = set(
        JobSeeker.objects.filter(
            employment_area=area, external_id__startswith="DEMO-JS-"
        ).values_list("external_id", flat=True)
    )
    today = timezone.localdate()
    weights = [a.weight for a in ARCHETYPES]
    for number in range(1, COUNT + 1):
        external_id = f"DEMO-JS-{number:03d}"
        # Draw every person's values even when they exist, so that the others stay the same.
        archetype = rng.choices(ARCHETYPES, weights=weights)[0]
        seed = rng.random()
        person_rng = random.Random(seed)
        # The profile's skills have a generator of their own (jobseekers/demo/skills.py).
        skills_rng = random.Random(f"skills:{seed!r}")
        if external_id in existing:
            continue
        person_add(
            person_rng,
            skills_rng=skills_rng,
            external_id=external_id,
            archetype=archetype,
            counsellor=counsellor,
            coordinator=coordinator,
            operation=operation,
            municipalities=municipalities,
            partners=[p for p in (kpedu, centria) if p is not None],
            companies=companies,
            concepts=concepts,
            occupation_profiles=profiles,
            used=used,
            today=today,
        )
