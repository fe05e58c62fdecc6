"""The concept page's "where used" rows from the job seekers' profiles and the vacancies."""

import datetime

from kohtaanto.accounts.models import Role
from kohtaanto.employers.models import Vacancy, VacancySkill
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import ProfileSkill
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
from kohtaanto.taxonomy.selectors import concept_usage_list
from kohtaanto.taxonomy.tests.factories import ConceptFactory


def _usage(actor, concept) -> dict[str, int]:
    return {u.key: u.count for u in concept_usage_list(actor=actor, concept=concept)}


def test_where_used_counts_only_what_the_actor_may_see(area, make_user):
    welding = ConceptFactory(fi="hitsaus", en="welding")
    counsellor, other = make_user(Role.COUNSELLOR), make_user(Role.COUNSELLOR)
    mine = JobSeekerFactory(employment_area=area)
    mine.counsellors.add(counsellor)
    theirs = JobSeekerFactory(employment_area=area)
    theirs.counsellors.add(other)
    for person in (mine, theirs):
        ProfileSkill.objects.create(
            job_seeker=person,
            concept=welding,
            level=3,
            source="counsellor",
            assessed_on=datetime.date(2026, 3, 1),
        )
    company = CompanyFactory()
    vacancy = Vacancy.objects.create(employment_area=area, company=company, title="Hitsaaja")
    VacancySkill.objects.create(vacancy=vacancy, concept=welding, essential=True, level=3)

    assert _usage(counsellor, welding) == {"jobseekers.profiles": 1, "employers.vacancies": 1}
    assert _usage(make_user(Role.COORDINATOR), welding) == {
        "jobseekers.profiles": 2,
        "employers.vacancies": 1,
    }
    # Finance sees no job seekers: that row is left out rather than shown as zero.
    assert "jobseekers.profiles" not in _usage(make_user(Role.FINANCE), welding)
    assert _usage(counsellor, ConceptFactory(fi="sorvaus")) == {
        "jobseekers.profiles": 0,
        "employers.vacancies": 0,
    }
