"""The shortlist workflow's writes: propose → ask the person → send to the company → its
answer. Every write records an audit event in its own transaction. The consent itself is the
jobseekers app's `Consent` (purpose "send the profile to an employer", naming the vacancy's
company), written and withdrawn only through `jobseekers.services.consents`."""

import datetime
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.employers.models import CompanyContact, Vacancy, VacancyState
from kohtaanto.jobseekers.models import (
    ConsentPurpose,
    JobSeeker,
)
from kohtaanto.jobseekers.selectors import consent_is_valid
from kohtaanto.jobseekers.services.consents import consent_give, consent_withdraw
from kohtaanto.matching.models import (
    CandidateStatus,
    CompanyAnswer,
    Outcome,
    Shortlist,
    ShortlistCandidate,
    ShortlistStatus,
)
from kohtaanto.matching.shortlists.link import LANGUAGES, shortlist_link_token


def _lock_shortlist(shortlist: Shortlist) -> Shortlist:
    return (
        Shortlist.objects.select_for_update(of=("self",))
        .select_related("vacancy__company")
        .get(pk=shortlist.pk)
    )


def _require_open(vacancy: Vacancy) -> None:
    if vacancy.state != VacancyState.OPEN:
        raise ConflictError(
            _("Työpaikka ”%(title)s” ei ole avoinna (tila: %(state)s).")
            % {"title": vacancy.title, "state": vacancy.get_state_display()},
            code="vacancy_not_open",
        )


@transaction.atomic
def candidate_propose(
    *, actor: User, vacancy: Vacancy, job_seeker: JobSeeker, note: str = ""
) -> ShortlistCandidate:
    """Put a person on the vacancy's shortlist (creating the shortlist on first use).

    Invariants: the vacancy is open; the person is active, not pseudonymised, of the same area,
    and on the list at most once; the actor may propose this person (permissions_workflow).
    The person's counsellor is then to ask for consent; nothing reaches the company before.
    """
    if not actor.permissions.can_propose_candidate(vacancy, job_seeker):
        raise NotFoundError("not found")
    vacancy = (
        Vacancy.objects.select_for_update(of=("self",)).select_related("company").get(pk=vacancy.pk)
    )
    _require_open(vacancy)
    if job_seeker.pseudonymised_at or job_seeker.status != JobSeeker.Status.ACTIVE:
        raise ConflictError(
            _("Henkilö ei ole aktiivinen asiakas; häntä ei voi ehdottaa."), code="inactive"
        )
    shortlist, created = Shortlist.objects.get_or_create(
        vacancy=vacancy, defaults={"created_by": actor}
    )
    if created:
        audit_event_record(actor=actor, action="shortlist.create", target=shortlist)
    if ShortlistCandidate.objects.filter(shortlist=shortlist, job_seeker=job_seeker).exists():
        raise ConflictError(_("Henkilö on jo tämän työpaikan lyhytlistalla."), code="duplicate")
    candidate = ShortlistCandidate.objects.create(
        shortlist=shortlist, job_seeker=job_seeker, note=note.strip(), proposed_by=actor
    )
    audit_event_record(
        actor=actor,
        action="shortlist.candidate.propose",
        target=candidate,
        target_repr=f"{vacancy.pk}: {job_seeker.pk}",
        changes={"vacancy": [None, vacancy.pk], "job_seeker": [None, job_seeker.pk]},
    )
    return candidate


def _lock_candidate(candidate: ShortlistCandidate) -> ShortlistCandidate:
    return (
        ShortlistCandidate.objects.select_for_update(of=("self",))
        .select_related("shortlist__vacancy__company", "job_seeker", "consent")
        .get(pk=candidate.pk)
    )


@transaction.atomic
def candidate_consent_record(
    *,
    actor: User,
    candidate: ShortlistCandidate,
    given_on: datetime.date,
    expires_on: datetime.date | None = None,
    share_contact: bool = False,
) -> ShortlistCandidate:
    """Record that the person agreed to send their profile to the vacancy's company.

    The consent is a jobseekers Consent (purpose send_employer, naming the company), written
    by consent_give with its own audit event. `share_contact`: the person also
    agreed that the company sees their e-mail and phone. Refused once the person declined or
    withdrew (a new proposal starts again), and while the vacancy is not open.
    """
    if not actor.permissions.can_decide_candidate(candidate):
        raise NotFoundError("not found")
    candidate = _lock_candidate(candidate)
    if candidate.status != CandidateStatus.PROPOSED:
        raise ConflictError(
            _("Henkilön vastaus on jo kirjattu (%(status)s).")
            % {"status": candidate.get_status_display()},
            code="already_decided",
        )
    vacancy = candidate.shortlist.vacancy
    _require_open(vacancy)
    consent = consent_give(
        actor=actor,
        job_seeker=candidate.job_seeker,
        purpose=ConsentPurpose.SEND_TO_EMPLOYER,
        company=vacancy.company,
        given_on=given_on,
        expires_on=expires_on,
        note=_("Lyhytlista: %(title)s") % {"title": vacancy.title},
    )
    candidate.status = CandidateStatus.CONSENTED
    candidate.consent = consent
    candidate.share_contact = share_contact
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["status", "consent", "share_contact", "decided_at", "updated_at"])
    audit_event_record(
        actor=actor,
        action="shortlist.candidate.consent",
        target=candidate,
        changes={
            "status": [CandidateStatus.PROPOSED, CandidateStatus.CONSENTED],
            "consent": [None, consent.pk],
            "share_contact": [None, share_contact],
        },
    )
    return candidate


@transaction.atomic
def candidate_decline(*, actor: User, candidate: ShortlistCandidate) -> ShortlistCandidate:
    """Record that the person does not want their profile sent; the company never sees it."""
    if not actor.permissions.can_decide_candidate(candidate):
        raise NotFoundError("not found")
    candidate = _lock_candidate(candidate)
    if candidate.status != CandidateStatus.PROPOSED:
        raise ConflictError(
            _("Henkilön vastaus on jo kirjattu (%(status)s).")
            % {"status": candidate.get_status_display()},
            code="already_decided",
        )
    candidate.status = CandidateStatus.DECLINED
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["status", "decided_at", "updated_at"])
    audit_event_record(
        actor=actor,
        action="shortlist.candidate.decline",
        target=candidate,
        changes={"status": [CandidateStatus.PROPOSED, CandidateStatus.DECLINED]},
    )
    return candidate


@transaction.atomic
def candidate_consent_withdraw(*, actor: User, candidate: ShortlistCandidate) -> ShortlistCandidate:
    """The person withdrew consent: the consent ends today and the company's view loses them
    on its next load. Answers the company gave earlier stay for the statistics."""
    if not actor.permissions.can_decide_candidate(candidate):
        raise NotFoundError("not found")
    candidate = _lock_candidate(candidate)
    if candidate.status != CandidateStatus.CONSENTED:
        raise ConflictError(_("Henkilöllä ei ole voimassa olevaa suostumusta tälle listalle."))
    consent = candidate.consent
    if consent is not None and consent.withdrawn_on is None:
        consent_withdraw(actor=actor, consent=consent)
    candidate.status = CandidateStatus.WITHDRAWN
    candidate.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="shortlist.candidate.withdraw",
        target=candidate,
        changes={"status": [CandidateStatus.CONSENTED, CandidateStatus.WITHDRAWN]},
    )
    return candidate


@transaction.atomic
def shortlist_link_issue(
    *, actor: User, shortlist: Shortlist, contact: CompanyContact, language: str
) -> tuple[Shortlist, str]:
    """Make a new link for the company contact (older links stop working) and return it.

    Invariants: the vacancy is open; the contact is an active contact of the vacancy's company;
    at least one candidate has a valid consent to be shown to that company.
    """
    actor.permissions.require("manage_shortlist", shortlist)
    shortlist = _lock_shortlist(shortlist)
    vacancy = shortlist.vacancy
    _require_open(vacancy)
    if language not in LANGUAGES:
        raise DomainError(_("Tuntematon kieli."), code="language")
    if contact.company_id != vacancy.company_id or not contact.is_active:
        raise DomainError(
            _("Vastaanottajan on oltava yrityksen %(company)s yhteyshenkilö.")
            % {"company": vacancy.company.name},
            code="contact",
        )
    shown = [
        c
        for c in shortlist.candidates.filter(status=CandidateStatus.CONSENTED).select_related(
            "job_seeker"
        )
        if consent_is_valid(
            job_seeker=c.job_seeker,
            purpose=ConsentPurpose.SEND_TO_EMPLOYER,
            company=vacancy.company,
        )
    ]
    if not shown:
        raise ConflictError(
            _("Listalla ei ole ketään, joka on suostunut profiilinsa lähettämiseen yritykselle."),
            code="no_consented_candidates",
        )
    old_status = shortlist.status
    shortlist.link_nonce = secrets.token_hex(16)
    shortlist.link_language = language
    shortlist.link_sent_at = timezone.now()
    shortlist.contact = contact
    shortlist.status = ShortlistStatus.SENT
    shortlist.save(
        update_fields=[
            "link_nonce",
            "link_language",
            "link_sent_at",
            "contact",
            "status",
            "updated_at",
        ]
    )
    audit_event_record(
        actor=actor,
        action="shortlist.link_issue",
        target=shortlist,
        changes={
            "status": [old_status, shortlist.status],
            "contact": [None, contact.pk],
            "language": [None, language],
            "candidates": [None, [c.job_seeker_id for c in shown]],
        },
    )
    return shortlist, shortlist_link_token(shortlist)


@transaction.atomic
def shortlist_link_send(*, actor: User, shortlist: Shortlist, url: str) -> None:
    """E-mail the link just issued to the shortlist's contact (after the transaction commits,
    by a background task). The contact must have agreed to be contacted and have an e-mail."""
    from kohtaanto.matching.tasks_workflow import shortlist_link_email_send

    actor.permissions.require("manage_shortlist", shortlist)
    contact = shortlist.contact
    if contact is None or not shortlist.link_nonce:
        raise ConflictError(_("Luo ensin linkki yhteyshenkilölle."), code="no_link")
    if not contact.consent_to_contact:
        raise DomainError(_("Yhteyshenkilö ei ole antanut lupaa yhteydenottoihin."), code="contact")
    if not contact.email:
        raise DomainError(_("Yhteyshenkilöllä ei ole sähköpostiosoitetta."), code="contact")
    audit_event_record(
        actor=actor,
        action="shortlist.link_send",
        target=shortlist,
        changes={"contact": [None, contact.pk]},
    )
    transaction.on_commit(
        lambda: shortlist_link_email_send.enqueue(shortlist_id=shortlist.pk, url=url)
    )


@transaction.atomic
def shortlist_link_revoke(*, actor: User, shortlist: Shortlist) -> Shortlist:
    """Stop every link of the shortlist at once."""
    actor.permissions.require("manage_shortlist", shortlist)
    shortlist = _lock_shortlist(shortlist)
    if not shortlist.link_nonce:
        return shortlist
    shortlist.link_nonce = ""
    shortlist.save(update_fields=["link_nonce", "updated_at"])
    audit_event_record(
        actor=actor, action="shortlist.link_revoke", target=shortlist, changes={"link": [1, 0]}
    )
    return shortlist


@transaction.atomic
def company_answer_record(
    *,
    shortlist: Shortlist,
    candidate_id: Any,
    answer: str,
    outcome: str = "",
    outcome_on: datetime.date | None = None,
    comment: str = "",
) -> ShortlistCandidate:
    """The company's answer about one candidate, given through its link (no account).

    Invariants: the candidate is on this shortlist and currently visible to the company (a
    valid consent); the answer is one of CompanyAnswer; an outcome comes with its date, which
    is not in the future; "not interested" carries no interview or hire. Written with no
    actor; the audit event names the company's contact.
    """
    try:
        candidate = (
            ShortlistCandidate.objects.select_for_update(of=("self",))
            .select_related("job_seeker")
            .get(pk=int(candidate_id), shortlist=shortlist)
        )
    except (ShortlistCandidate.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError(_("Ehdokasta ei löydy tältä listalta.")) from exc
    company = shortlist.vacancy.company
    if candidate.status != CandidateStatus.CONSENTED or not consent_is_valid(
        job_seeker=candidate.job_seeker, purpose=ConsentPurpose.SEND_TO_EMPLOYER, company=company
    ):
        raise NotFoundError(_("Ehdokasta ei löydy tältä listalta."))
    if answer not in CompanyAnswer.values:
        raise DomainError(_("Valitse, kiinnostaako ehdokas."), code="answer")
    if outcome and outcome not in Outcome.values:
        raise DomainError(_("Tuntematon tulos."), code="outcome")
    if outcome and outcome_on is None:
        raise DomainError(_("Anna tuloksen päivämäärä."), code="outcome_on")
    if not outcome and outcome_on is not None:
        raise DomainError(_("Päivämäärä annettiin ilman tulosta."), code="outcome")
    if outcome_on is not None and outcome_on > timezone.localdate():
        raise DomainError(_("Tuloksen päivämäärä ei voi olla tulevaisuudessa."), code="outcome_on")
    if answer == CompanyAnswer.NOT_INTERESTED and outcome in (Outcome.INTERVIEWED, Outcome.HIRED):
        raise DomainError(
            _("Ehdokas, joka ei kiinnosta, ei voi olla haastateltu tai palkattu."), code="outcome"
        )
    old = {
        "company_answer": candidate.company_answer,
        "outcome": candidate.outcome,
        "outcome_on": candidate.outcome_on,
    }
    candidate.company_answer = answer
    candidate.company_comment = comment.strip()
    candidate.company_answered_at = timezone.now()
    candidate.outcome = outcome
    candidate.outcome_on = outcome_on
    candidate.save(
        update_fields=[
            "company_answer",
            "company_comment",
            "company_answered_at",
            "outcome",
            "outcome_on",
            "updated_at",
        ]
    )
    contact = shortlist.contact
    audit_event_record(
        actor=None,
        action="shortlist.candidate.company_answer",
        target=candidate,
        target_repr=f"{company.name} ({contact or '-'}): {candidate.job_seeker_id}",
        changes={
            "company_answer": [old["company_answer"], answer],
            "outcome": [old["outcome"], outcome],
            "outcome_on": [old["outcome_on"], outcome_on],
        },
    )
    return candidate
