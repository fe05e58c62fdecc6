"""One demo person: registration, profile, consents, plan and ESF+ participation."""

import datetime
import random
from typing import Any

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.common.dates import add_months
from kohtaanto.employers.demo import ascii_name
from kohtaanto.jobseekers.demo.population import (
    CARD,
    FOREIGN_LANGUAGES,
    Archetype,
    demo_identity_code,
    person_name,
)
from kohtaanto.jobseekers.demo.skills import skills_add
from kohtaanto.jobseekers.models import ConsentPurpose, JobSeeker, SkillSource
from kohtaanto.jobseekers.rules import follow_up_due_on
from kohtaanto.jobseekers.services.consents import consent_give
from kohtaanto.jobseekers.services.participation import (
    participation_enter,
    participation_exit,
    participation_record_follow_up,
)
from kohtaanto.jobseekers.services.plan import (
    plan_action_add,
    plan_action_set_status,
    plan_goal_add,
    service_event_record,
)
from kohtaanto.jobseekers.services.profile import (
    language_skill_set,
    profile_skill_set,
    requirement_card_set,
    target_occupation_add,
)
from kohtaanto.jobseekers.services.register import job_seeker_create
from kohtaanto.jobseekers.validation import EntryData, ExitData
from kohtaanto.taxonomy.models import Concept


def person_add(
    rng: random.Random,
    *,
    skills_rng: random.Random,
    external_id: str,
    archetype: Archetype,
    **ctx: Any,
) -> None:
    today: datetime.date = ctx["today"]
    counsellor: User = ctx["counsellor"]
    language = rng.choices(["fi", "sv", "other"], weights=[70, 18, 12])[0]
    gender = rng.choices(["woman", "man", "non_binary"], weights=[30, 67, 3])[0]
    if archetype.key.startswith("career_changer"):
        gender = rng.choice(["woman", "man"])
    age = rng.choice([19, 22, 24, 27, 31, 36, 42, 47, 51, 56, 58, 61])
    birth = today - datetime.timedelta(days=age * 365 + rng.randrange(365))
    first, last = person_name(rng, gender, language)
    municipality = rng.choices(ctx["municipalities"], k=1)[0] if ctx["municipalities"] else None
    code = demo_identity_code(rng, birth, ctx["used"]) if rng.random() < 0.8 else ""
    person = job_seeker_create(
        actor=counsellor,
        first_name=first,
        last_name=last,
        email=f"{ascii_name(first)}.{ascii_name(last)}.{external_id[-3:]}@example.invalid",
        phone=f"040 {rng.randrange(1000000, 9999999)}",
        municipality=municipality,
        identity_code=code,
        birth_date=birth,
        gender="" if gender == "non_binary" and rng.random() < 0.3 else gender,
        preferred_language="sv" if language == "sv" else "fi",
        external_id=external_id,
        counsellors=[counsellor] if counsellor.role == "counsellor" else [],
    )
    _profile(rng, person, archetype, language, ctx)
    skills_add(skills_rng, person, archetype, ctx)
    consent_start = today - datetime.timedelta(days=rng.randrange(20, 300))
    consent_give(
        actor=counsellor,
        job_seeker=person,
        purpose=ConsentPurpose.PROCESSING,
        given_on=consent_start,
        expires_on=add_months(consent_start, 24),
        note="Allekirjoitettu suostumuslomake",
    )
    shared_with = None
    if ctx["partners"] and rng.random() < 0.4:
        shared_with = rng.choice(ctx["partners"])
        consent_give(
            actor=counsellor,
            job_seeker=person,
            purpose=ConsentPurpose.SHARE_WITH_PARTNER,
            partner_organisation=shared_with,
            given_on=consent_start,
            # A few expire soon, so that the worklist has something to show.
            expires_on=today + datetime.timedelta(days=rng.choice([12, 25, 200, 400])),
        )
    if ctx["companies"] and rng.random() < 0.2:
        consent_give(
            actor=counsellor,
            job_seeker=person,
            purpose=ConsentPurpose.SEND_TO_EMPLOYER,
            company=rng.choice(ctx["companies"]),
            given_on=consent_start,
            expires_on=add_months(consent_start, 6),
        )
    _plan(rng, person, archetype, shared_with, ctx)
    if ctx["operation"] is not None and rng.random() < 0.75:
        _participation(rng, person, language, birth, gender, ctx)


def _profile(
    rng: random.Random, person: JobSeeker, archetype: Archetype, language: str, ctx: Any
) -> None:
    concepts: dict[str, Concept] = ctx["concepts"]
    actor = ctx["counsellor"]
    chosen = rng.sample(archetype.skills, k=min(len(archetype.skills), rng.randrange(3, 6)))
    for label in chosen:
        concept = concepts.get(label.casefold())
        if concept is not None and concept.type in ("skill", "knowledge"):
            profile_skill_set(
                actor=actor,
                job_seeker=person,
                concept=concept,
                level=rng.choice([1, 2, 2, 3, 3, 4]),
                source=rng.choice(
                    [SkillSource.SELF_ASSESSED, SkillSource.COUNSELLOR, SkillSource.CERTIFICATE]
                ),
                evidence=rng.choice(["", "Työkokemus konepajassa", "Ammattitutkinto"]),
                assessed_on=ctx["today"] - datetime.timedelta(days=rng.randrange(1, 200)),
            )
    # The cards typical of the person's trade: most who have worked in it hold them.
    for key in archetype.cards:
        concept = concepts.get(CARD[key].casefold())
        if concept is not None and rng.random() < 0.9:
            acquired = ctx["today"] - datetime.timedelta(days=rng.randrange(100, 2200))
            requirement_card_set(
                actor=actor, job_seeker=person, concept=concept, acquired_on=acquired
            )
    for label in archetype.targets[: rng.randrange(1, len(archetype.targets) + 1)]:
        concept = concepts.get(label.casefold())
        if concept is not None and concept.type == "occupation":
            target_occupation_add(actor=actor, job_seeker=person, concept=concept)
    if language == "other":
        language_skill_set(
            actor=actor,
            job_seeker=person,
            language=rng.choice(FOREIGN_LANGUAGES),
            level="C2",
            is_native=True,
        )
        language_skill_set(
            actor=actor, job_seeker=person, language="fi", level=rng.choice(["A2", "B1", "B2"])
        )
    else:
        other = "fi" if language == "sv" else "sv"
        language_skill_set(
            actor=actor, job_seeker=person, language=language, level="C2", is_native=True
        )
        language_skill_set(
            actor=actor, job_seeker=person, language=other, level=rng.choice(["A2", "B1", "B2"])
        )
    language_skill_set(
        actor=actor, job_seeker=person, language="en", level=rng.choice(["A2", "B1", "B2", "C1"])
    )


def _plan(
    rng: random.Random,
    person: JobSeeker,
    archetype: Archetype,
    shared_with: PartnerOrganisation | None,
    ctx: Any,
) -> None:
    actor, today = ctx["counsellor"], ctx["today"]
    goal = plan_goal_add(
        actor=actor,
        job_seeker=person,
        description=rng.choice(
            [
                "Työllistyminen alueen teollisuusyritykseen",
                "Osaamisen päivittäminen ja pätevyyden hankkiminen",
                "Ammatinvaihto teollisuuteen",
            ]
        ),
        target_date=today + datetime.timedelta(days=rng.randrange(60, 300)),
    )
    first_meeting = today - datetime.timedelta(days=rng.randrange(10, 240))
    service_event_record(
        actor=actor,
        job_seeker=person,
        kind="meeting",
        occurred_on=first_meeting,
        description="Alkukartoitus ja osaamisen tunnistaminen",
    )
    for description, offset in (
        ("Päivitä ansioluettelo", rng.randrange(-40, 20)),
        ("Hae vähintään kolmeen avoimeen paikkaan", rng.randrange(-20, 40)),
    ):
        action = plan_action_add(
            actor=actor,
            job_seeker=person,
            description=description,
            due_on=today + datetime.timedelta(days=offset),
            goal=goal,
        )
        if offset < 0 and rng.random() < 0.6:
            plan_action_set_status(actor=actor, action=action, status="done")
    if rng.random() < 0.5:
        service_event_record(
            actor=actor,
            job_seeker=person,
            kind="referral_training",
            # a referral two weeks after the first meeting, never in the future
            occurred_on=min(first_meeting + datetime.timedelta(days=14), today),
            training_name=archetype.training,
        )
    if shared_with is not None and rng.random() < 0.7:
        service_event_record(
            actor=actor,
            job_seeker=person,
            kind="referral_partner",
            occurred_on=max(first_meeting, today - datetime.timedelta(days=5)),
            partner_organisation=shared_with,
            description="Osaamisen tunnistaminen ja koulutustarjonta",
        )


def _participation(
    rng: random.Random,
    person: JobSeeker,
    language: str,
    birth: datetime.date,
    gender: str,
    ctx: Any,
) -> None:
    operation, today, actor = ctx["operation"], ctx["today"], ctx["counsellor"]
    latest = min(today, operation.end_date)
    span = (latest - operation.start_date).days
    if span < 1:
        return
    entry = operation.start_date + datetime.timedelta(days=rng.randrange(span))
    status = rng.choices(
        ["unemployed", "inactive", "employed", "self_employed"], weights=[70, 12, 15, 3]
    )[0]
    months_out = rng.choice([2, 5, 8, 13, 20, 30])
    rural = "no" if person.municipality and person.municipality.code == "272" else "yes"
    participation = participation_enter(
        actor=actor,
        job_seeker=person,
        operation=operation,
        data=EntryData(
            entry_date=entry,
            gender=gender,
            birth_date=birth,
            labour_market_status=status,
            unemployed_since=add_months(entry, -months_out) if status == "unemployed" else None,
            isced_level=rng.choice([2, 3, 3, 3, 4, 5, 6, None]),
            third_country_national="yes" if language == "other" and rng.random() < 0.6 else "no",
            foreign_background="yes" if language == "other" else "no",
            homeless=rng.choices(["no", "yes", "refused"], weights=[90, 3, 7])[0],
            rural=rural if rng.random() < 0.9 else "refused",
            disability=rng.choices(["no", "yes", "refused"], weights=[80, 8, 12])[0],
            minority=rng.choices(["no", "yes", "refused", ""], weights=[80, 3, 12, 5])[0],
        ),
    )
    if (today - entry).days > 60 and rng.random() < 0.5:
        exit_date = entry + datetime.timedelta(days=rng.randrange(30, (today - entry).days))
        employed = rng.random() < 0.45
        participation = participation_exit(
            actor=actor,
            participation=participation,
            data=ExitData(
                exit_date=exit_date,
                exit_job_searching=not employed,
                exit_in_education=rng.random() < 0.2,
                exit_qualification=rng.random() < 0.15,
                exit_employed=employed,
            ),
        )
        if follow_up_due_on(exit_date) <= today and rng.random() < 0.6:
            participation_record_follow_up(
                actor=actor,
                participation=participation,
                six_month_employed=employed or rng.random() < 0.3,
                six_month_improved=employed or rng.random() < 0.5,
            )
        service_event_record(
            actor=actor,
            job_seeker=person,
            kind="outcome",
            occurred_on=exit_date,
            outcome="employed" if employed else rng.choice(["job_searching", "training"]),
        )
