"""The shortlist workflow: propose → consent → signed link → company answer → statistics."""

import datetime
import re
import time
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.employers.models import VacancyState
from kohtaanto.jobseekers.models import Consent, ConsentPurpose, LanguageSkill
from kohtaanto.jobseekers.services.consents import consent_withdraw
from kohtaanto.matching import shortlists
from kohtaanto.matching.models import (
    CandidateStatus,
    CompanyAnswer,
    Outcome,
    Shortlist,
    ShortlistCandidate,
)
from kohtaanto.matching.tests.workflow.conftest import give_skill, make_vacancy

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def flow(make_user: Any, people: SimpleNamespace, vacancy: Any, contact: Any, skills: Any) -> Any:
    """Aino proposed by an advisor-coordinator, with a welding skill in her profile."""
    give_skill(people.aino, skills.welding, level=3)
    coordinator = make_user(Role.COORDINATOR)
    advisor = make_user(Role.BUSINESS_ADVISOR)
    candidate = shortlists.candidate_propose(
        actor=coordinator, vacancy=vacancy, job_seeker=people.aino, note="Vahva hitsaaja"
    )
    return SimpleNamespace(
        coordinator=coordinator,
        advisor=advisor,
        candidate=candidate,
        shortlist=candidate.shortlist,
        vacancy=vacancy,
        contact=contact,
        **vars(people),
    )


def _consent(flow: Any, **kwargs: Any) -> ShortlistCandidate:
    return shortlists.candidate_consent_record(
        actor=flow.counsellor,
        candidate=flow.candidate,
        given_on=timezone.localdate(),
        **kwargs,
    )


def _link(flow: Any) -> str:
    _shortlist, token = shortlists.shortlist_link_issue(
        actor=flow.advisor, shortlist=flow.shortlist, contact=flow.contact, language="fi"
    )
    return reverse("matching:shortlist_public", args=[token])


def _actions(target: Any) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            target_type=f"matching.{target._meta.model_name}", target_id=str(target.pk)
        )
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_whole_workflow_reaches_company_and_feeds_statistics(flow: Any, client: Any) -> None:
    _consent(flow)
    url = _link(flow)

    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Aino Asiakas" in text and "hitsaus" in text
    assert "aino@example.com" not in text  # contact details were not consented

    answer = client.post(
        url,
        {
            "candidate": flow.candidate.pk,
            "answer": CompanyAnswer.INTERESTED,
            "outcome": Outcome.INTERVIEWED,
            "outcome_on": str(timezone.localdate()),
            "comment": "Kutsutaan toiseen haastatteluun",
        },
    )
    assert answer.status_code == 302
    flow.candidate.refresh_from_db()
    assert flow.candidate.company_answer == CompanyAnswer.INTERESTED
    assert flow.candidate.outcome == Outcome.INTERVIEWED

    stats = shortlists.shortlist_statistics(actor=flow.advisor)
    assert (stats.proposed, stats.consented, stats.sent, stats.interviewed) == (1, 1, 1, 1)
    assert stats.hired == 0
    assert _actions(flow.candidate) == [
        "shortlist.candidate.propose",
        "shortlist.candidate.consent",
        "shortlist.candidate.company_answer",
    ]
    assert _actions(flow.shortlist) == ["shortlist.create", "shortlist.link_issue"]
    assert AccessLogEntry.objects.filter(
        subject_id=str(flow.aino.pk), what="shortlist_profile"
    ).exists()


def test_consent_is_a_jobseekers_consent_to_the_vacancys_company(flow: Any) -> None:
    _consent(flow, share_contact=True)
    consent = Consent.objects.get(job_seeker=flow.aino)
    assert consent.purpose == ConsentPurpose.SEND_TO_EMPLOYER
    assert consent.company == flow.vacancy.company
    assert AuditEvent.objects.filter(action="consent.give", target_id=str(consent.pk)).exists()


def test_company_sees_contact_details_only_when_consented(flow: Any, client: Any) -> None:
    _consent(flow, share_contact=True)
    assert "aino@example.com" in client.get(_link(flow)).content.decode()


def test_withdrawn_consent_removes_person_from_company_view_at_once(flow: Any, client: Any) -> None:
    _consent(flow)
    url = _link(flow)
    assert "Aino Asiakas" in client.get(url).content.decode()
    shortlists.candidate_consent_withdraw(actor=flow.counsellor, candidate=flow.candidate)
    assert "Aino Asiakas" not in client.get(url).content.decode()
    flow.candidate.refresh_from_db()
    assert flow.candidate.status == CandidateStatus.WITHDRAWN
    assert flow.candidate.consent.withdrawn_on == timezone.localdate()


def test_consent_withdrawn_in_the_person_record_also_hides_them(flow: Any, client: Any) -> None:
    candidate = _consent(flow)
    url = _link(flow)
    consent_withdraw(actor=flow.counsellor, consent=candidate.consent)
    assert "Aino Asiakas" not in client.get(url).content.decode()
    refused = client.post(url, {"candidate": candidate.pk, "answer": CompanyAnswer.INTERESTED})
    assert refused.status_code == 400
    assert "Ehdokasta ei löydy" in refused.content.decode()
    candidate.refresh_from_db()
    assert candidate.company_answer == ""


def test_person_without_consent_is_never_shown(flow: Any, client: Any, people: Any) -> None:
    _consent(flow)
    other = shortlists.candidate_propose(
        actor=flow.coordinator, vacancy=flow.vacancy, job_seeker=people.bertil
    )
    text = client.get(_link(flow)).content.decode()
    assert "Aino Asiakas" in text and "Bertil" not in text
    response = client.post(_link(flow), {"candidate": other.pk, "answer": CompanyAnswer.INTERESTED})
    assert response.status_code == 400
    assert "Ehdokasta ei löydy" in response.content.decode()
    other.refresh_from_db()
    assert other.company_answer == ""


def test_tampered_link_answers_404_and_shows_nothing(flow: Any, client: Any) -> None:
    _consent(flow)
    url = _link(flow)
    response = client.get(url[:-3] + "xyz/")
    assert response.status_code == 404
    assert "Linkkiä ei löydy" in response.content.decode()
    assert "Aino" not in response.content.decode()


def test_expired_link_answers_410(flow: Any, client: Any, monkeypatch: Any) -> None:
    _consent(flow)
    url = _link(flow)
    later = time.time() + 31 * 24 * 3600
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))
    response = client.get(url)
    assert response.status_code == 410
    assert "Aino" not in response.content.decode()


def test_new_link_kills_old_one_and_revoke_kills_all(flow: Any, client: Any) -> None:
    _consent(flow)
    old = _link(flow)
    new = _link(flow)
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 200
    shortlists.shortlist_link_revoke(actor=flow.advisor, shortlist=flow.shortlist)
    assert client.get(new).status_code == 410


def test_link_is_refused_when_nobody_consented(flow: Any) -> None:
    with pytest.raises(ConflictError, match="suostunut"):
        _link(flow)
    flow.shortlist.refresh_from_db()
    assert flow.shortlist.link_nonce == ""


def test_link_goes_only_to_a_contact_of_the_vacancys_company(flow: Any) -> None:
    from kohtaanto.employers.models import CompanyContact
    from kohtaanto.employers.tests.factories import CompanyFactory

    _consent(flow)
    stranger = CompanyContact.objects.create(
        company=CompanyFactory(), first_name="Vieras", last_name="Henkilö"
    )
    with pytest.raises(DomainError, match="yhteyshenkilö"):
        shortlists.shortlist_link_issue(
            actor=flow.advisor, shortlist=flow.shortlist, contact=stranger, language="fi"
        )


def test_closed_vacancy_refuses_proposals_and_changes_nothing(
    company: Any, make_user: Any, people: Any
) -> None:
    closed = make_vacancy(company, state=VacancyState.CLOSED)
    with pytest.raises(ConflictError, match="ei ole avoinna"):
        shortlists.candidate_propose(
            actor=make_user(Role.COORDINATOR), vacancy=closed, job_seeker=people.aino
        )
    assert not Shortlist.objects.exists()


def test_same_person_twice_is_refused(flow: Any) -> None:
    with pytest.raises(ConflictError, match="jo"):
        shortlists.candidate_propose(
            actor=flow.coordinator, vacancy=flow.vacancy, job_seeker=flow.aino
        )
    assert ShortlistCandidate.objects.count() == 1


def test_company_answer_rules(flow: Any) -> None:
    _consent(flow)
    bad = [
        ({"answer": "maybe"}, "kiinnostaako"),
        ({"answer": CompanyAnswer.INTERESTED, "outcome": Outcome.HIRED}, "päivämäärä"),
        (
            {
                "answer": CompanyAnswer.INTERESTED,
                "outcome": Outcome.HIRED,
                "outcome_on": timezone.localdate() + datetime.timedelta(days=1),
            },
            "tulevaisuudessa",
        ),
        (
            {
                "answer": CompanyAnswer.NOT_INTERESTED,
                "outcome": Outcome.HIRED,
                "outcome_on": timezone.localdate(),
            },
            "ei kiinnosta",
        ),
    ]
    for kwargs, message in bad:
        with pytest.raises(DomainError, match=message):
            shortlists.company_answer_record(
                shortlist=flow.shortlist, candidate_id=flow.candidate.pk, **kwargs
            )
    with pytest.raises(NotFoundError):
        shortlists.company_answer_record(
            shortlist=flow.shortlist, candidate_id="abc", answer=CompanyAnswer.INTERESTED
        )
    flow.candidate.refresh_from_db()
    assert flow.candidate.company_answer == ""


def test_hire_counts_once_in_statistics(flow: Any) -> None:
    _consent(flow)
    for outcome in (Outcome.INTERVIEWED, Outcome.HIRED):
        shortlists.company_answer_record(
            shortlist=flow.shortlist,
            candidate_id=flow.candidate.pk,
            answer=CompanyAnswer.INTERESTED,
            outcome=outcome,
            outcome_on=timezone.localdate(),
        )
    stats = shortlists.shortlist_statistics(actor=flow.coordinator)
    assert (stats.interviewed, stats.hired) == (0, 1)


def test_declined_person_cannot_be_consented_later_on_same_row(flow: Any) -> None:
    shortlists.candidate_decline(actor=flow.counsellor, candidate=flow.candidate)
    with pytest.raises(ConflictError, match="jo kirjattu"):
        _consent(flow)
    assert not Consent.objects.filter(job_seeker=flow.aino).exists()


def test_staff_pages_walk_the_workflow(flow: Any, client_as: Any) -> None:
    counsellor = client_as(flow.counsellor)
    requests_page = counsellor.get(reverse("matching:consent_requests"))
    assert "Aino Asiakas" in requests_page.content.decode()
    consent_url = reverse("matching:candidate_consent", args=[flow.candidate.pk])
    assert counsellor.get(consent_url).status_code == 200
    saved = counsellor.post(consent_url, {"given_on": str(timezone.localdate())})
    assert saved.status_code == 302
    flow.candidate.refresh_from_db()
    assert flow.candidate.status == CandidateStatus.CONSENTED

    advisor = client_as(flow.advisor)
    detail = reverse("matching:shortlist_detail", args=[flow.shortlist.pk])
    issued = advisor.post(
        reverse("matching:shortlist_link", args=[flow.shortlist.pk]),
        {"contact": flow.contact.pk, "language": "sv"},
    )
    assert issued.status_code == 302
    page = advisor.get(detail).content.decode()
    assert "/matching/shortlist/" in page and "Aino Asiakas" in page
    assert advisor.get(reverse("matching:shortlist_statistics")).status_code == 200
    assert advisor.get(reverse("matching:shortlist_list")).status_code == 200


def test_consent_form_shows_refusal_next_to_the_field(flow: Any, client_as: Any) -> None:
    counsellor = client_as(flow.counsellor)
    future = timezone.localdate() + datetime.timedelta(days=3)
    response = counsellor.post(
        reverse("matching:candidate_consent", args=[flow.candidate.pk]),
        {"given_on": str(future)},
    )
    assert response.status_code == 200
    assert "tulevaisuudessa" in response.content.decode()
    flow.candidate.refresh_from_db()
    assert flow.candidate.status == CandidateStatus.PROPOSED


def test_propose_view_refuses_closed_vacancy_with_message(
    flow: Any, client_as: Any, company: Any
) -> None:
    closed = make_vacancy(company, state=VacancyState.FILLED, title="Täytetty")
    client = client_as(flow.coordinator)
    response = client.post(
        reverse("matching:shortlist_propose", args=[closed.pk]),
        {"job_seeker": flow.bertil.pk},
        follow=True,
    )
    assert "ei ole avoinna" in response.content.decode()
    assert not ShortlistCandidate.objects.filter(job_seeker=flow.bertil).exists()


def test_link_is_emailed_to_the_contact_after_commit(
    flow: Any, client_as: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _consent(flow)
    advisor = client_as(flow.advisor)
    with django_capture_on_commit_callbacks(execute=True):
        advisor.post(
            reverse("matching:shortlist_link", args=[flow.shortlist.pk]),
            {"contact": flow.contact.pk, "language": "en", "send_email": "on"},
        )
    (mail,) = mailoutbox
    assert mail.to == ["riitta@example.com"]
    assert "/matching/shortlist/" in mail.body
    assert _actions(flow.shortlist)[-1] == "shortlist.link_send"


def test_link_is_not_emailed_without_permission_to_contact(
    flow: Any, client_as: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _consent(flow)
    flow.contact.consent_to_contact = False
    flow.contact.save(update_fields=["consent_to_contact"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(flow.advisor).post(
            reverse("matching:shortlist_link", args=[flow.shortlist.pk]),
            {"contact": flow.contact.pk, "language": "fi", "send_email": "on"},
            follow=True,
        )
    assert "ei ole antanut lupaa" in response.content.decode()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("fi", "suomi C2, ruotsi B1"),
        ("sv", "finska C2, svenska B1"),
        ("en", "Finnish C2, Swedish B1"),
    ],
)
def test_company_page_names_languages_in_the_page_s_language(
    flow: Any, client: Any, lang: str, shown: str
) -> None:
    LanguageSkill.objects.create(job_seeker=flow.aino, language="fi", level="C2", is_native=True)
    LanguageSkill.objects.create(job_seeker=flow.aino, language="sv", level="B1")
    _consent(flow)
    text = client.get(f"{_link(flow)}?lang={lang}").content.decode()
    assert f"<dd>{shown}</dd>" in text


def test_company_answer_radios_are_a_named_group_with_a_label_each(flow: Any, client: Any) -> None:
    _consent(flow)
    url = _link(flow)
    text = client.get(url).content.decode()
    form = text[text.index("<form") : text.index("</form>")]
    assert 'for=""' not in form
    assert "csrfmiddlewaretoken" in form
    group = form[form.index("<fieldset") : form.index("</fieldset>")]
    assert "<legend>Kiinnostaako ehdokas?" in group
    radio_ids = re.findall(r'<input type="radio" name="answer"[^>]* id="([^"]+)"', group)
    assert len(radio_ids) == len(CompanyAnswer.choices)
    for radio_id in radio_ids:
        assert f'<label for="{radio_id}">' in group
    # The signed link still takes the answer.
    answer = client.post(url, {"candidate": flow.candidate.pk, "answer": CompanyAnswer.INTERESTED})
    assert answer.status_code == 302
    flow.candidate.refresh_from_db()
    assert flow.candidate.company_answer == CompanyAnswer.INTERESTED
