"""Public application links: making, revoking, rate limiting and receiving through them.

Invariants:
* A link accepts at most `max_uses` applications (one by default); the count is taken under a
  row lock, so parallel submissions cannot exceed it (and a check constraint guards it too).
* A revoked or expired link accepts nothing; revoking is an audit event.
* Submission attempts are limited per link and per client address within an hour
  (settings.PUBLIC_LINK_ATTEMPTS_PER_LINK / _PER_ADDRESS). Every POST counts, also a refused
  one, so a burst is stopped before it reaches the form. Attempts are kept a day.
* An application received through a link holds no claim on the scheme's envelope until staff
  have checked it (`grant_application_check`): see SECURITY.md, "First-come rule".
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.common.links import link_max_age
from kohtaanto.employers.models import Company
from kohtaanto.finance import links
from kohtaanto.finance.models import (
    ApplicationLink,
    GrantApplication,
    GrantScheme,
    PublicLinkAttempt,
)
from kohtaanto.finance.services.grants import ApplicationData, grant_application_submit
from kohtaanto.finance.services.ledger import require_area

MAX_USES_LIMIT = 20
ATTEMPT_WINDOW = timedelta(hours=1)
ATTEMPT_KEPT = timedelta(days=1)


class RateLimitedError(ConflictError):
    status_code = 429
    code = "rate_limited"


@transaction.atomic
def application_link_create(
    *, actor: User, scheme: GrantScheme, company: Company, max_uses: int = 1
) -> tuple[ApplicationLink, str]:
    """A new link for `company` to apply to `scheme`, and its signed token."""
    require_area(actor, scheme.employment_area_id)
    require_area(actor, company.employment_area_id)
    if not 1 <= max_uses <= MAX_USES_LIMIT:
        raise DomainError(
            _("Hakemuksia voi olla 1–%(limit)s linkkiä kohden.") % {"limit": MAX_USES_LIMIT},
            field="max_uses",
        )
    link = ApplicationLink.objects.create(
        scheme=scheme,
        company=company,
        nonce=secrets.token_urlsafe(24),
        max_uses=max_uses,
        expires_at=timezone.now() + link_max_age(),
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="grant_application.link",
        target=scheme,
        changes={"company": [None, company.business_id], "max_uses": [None, max_uses]},
    )
    return link, links.application_token(link=link)


@transaction.atomic
def application_link_revoke(*, actor: User, link: ApplicationLink) -> ApplicationLink:
    """Revoke a link: it accepts nothing more. Applications already received stay."""
    require_area(actor, link.scheme.employment_area_id)
    locked = ApplicationLink.objects.select_for_update().get(pk=link.pk)
    if locked.revoked_at is not None:
        raise ConflictError(_("Linkki on jo peruttu."))
    locked.revoked_at = timezone.now()
    locked.revoked_by = actor
    locked.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    audit_event_record(
        actor=actor,
        action="grant_application.link_revoke",
        target=locked.scheme,
        changes={"company": [locked.company.business_id, None], "uses": [locked.uses, None]},
    )
    return locked


def _usable(link: ApplicationLink) -> None:
    if link.revoked_at is not None:
        raise ConflictError(_("Linkki on peruttu. Pyydä uusi linkki."), code="revoked")
    if link.expires_at <= timezone.now():
        raise ConflictError(_("Linkki on vanhentunut. Pyydä uusi linkki."), code="expired")
    if link.uses >= link.max_uses:
        raise ConflictError(
            _("Tällä linkillä on jo lähetetty hakemus. Pyydä uusi linkki."), code="used"
        )


def application_link_open(token: str) -> ApplicationLink:
    """The link a token names, if it still accepts applications.

    NotFoundError for a forged token or an unknown nonce; ConflictError when expired, revoked
    or used up.
    """
    payload = links.read_link(token, kind=links.APPLICATION)
    link = (
        ApplicationLink.objects.filter(
            nonce=str(payload["n"]), scheme_id=payload["s"], company_id=payload["c"]
        )
        .select_related("scheme__line", "company")
        .first()
    )
    if link is None or link.company.employment_area_id != link.scheme.employment_area_id:
        raise NotFoundError(_("Linkki ei kelpaa."), code="bad_link")
    _usable(link)
    return link


def public_attempt_allow(*, link: ApplicationLink, address: str | None) -> None:
    """Count one submission attempt; RateLimitedError (429) beyond the hourly limits."""
    now = timezone.now()
    digest = links.address_digest(address)
    since = now - ATTEMPT_WINDOW
    PublicLinkAttempt.objects.filter(at__lt=now - ATTEMPT_KEPT).delete()
    recent = PublicLinkAttempt.objects.filter(at__gte=since)
    refused = (
        recent.filter(address_digest=digest).count() >= settings.PUBLIC_LINK_ATTEMPTS_PER_ADDRESS
        or recent.filter(link=link).count() >= settings.PUBLIC_LINK_ATTEMPTS_PER_LINK
    )
    PublicLinkAttempt.objects.create(link=link, address_digest=digest, at=now)
    if refused:
        raise RateLimitedError(
            _("Liian monta yritystä lyhyessä ajassa. Yritä myöhemmin uudelleen."),
        )


@transaction.atomic
def grant_application_submit_through_link(
    *, link: ApplicationLink, data: ApplicationData
) -> GrantApplication:
    """Receive an application through a public link, within the link's limit.

    The application is unchecked: it keeps its place in the queue but claims nothing of the
    envelope until staff have checked it.
    """
    locked = ApplicationLink.objects.select_for_update().select_related("scheme").get(pk=link.pk)
    _usable(locked)
    application = grant_application_submit(
        actor=None,
        scheme=locked.scheme,
        company=link.company,
        data=data,
        channel=GrantApplication.Channel.LINK,
        application_link=locked,
    )
    locked.uses += 1
    locked.save(update_fields=["uses", "updated_at"])
    return application


@transaction.atomic
def grant_application_check(*, actor: User, application: GrantApplication) -> GrantApplication:
    """Staff confirm that an application received through a link is genuine.

    From now on it claims its part of the envelope in its original place in the queue.
    """
    require_area(actor, application.employment_area_id)
    locked = GrantApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != GrantApplication.Status.RECEIVED:
        raise ConflictError(_("Hakemuksesta on jo tehty päätös; sen tiedot on lukittu."))
    if locked.checked_at is not None:
        raise ConflictError(_("Hakemus on jo tarkastettu."))
    locked.checked_at = timezone.now()
    locked.checked_by = actor
    locked.save(update_fields=["checked_at", "checked_by", "updated_at"])
    audit_event_record(
        actor=actor,
        action="grant_application.check",
        target=locked,
        changes={"checked_at": [None, locked.checked_at.isoformat()]},
    )
    return locked
