"""Numbers and language names in templates, in the active language: `{% load formats %}`, then
`{{ count|num }}` ("20 000" / "20,000") and `{{ code|language_name }}` ("ruotsi" / "svenska" /
"Swedish"). Dates use Django's `|date:"SHORT_DATE_FORMAT"` (config/formats)."""

import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone

from kohtaanto.common import formats
from kohtaanto.common.dates import expiry_state

register = template.Library()


@register.filter
def num(value: object) -> str:
    if value is None or value == "" or isinstance(value, bool):
        return "–"
    try:
        return formats.format_integer(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)


@register.filter
def language_name(code: object) -> str:
    return formats.language_name(str(code or ""))


@register.inclusion_tag("includes/expiry.html")
def expiry(expires_on: datetime.date | None) -> dict:
    """The day a card or consent is valid until, with a badge in words when it has expired
    or expires within EXPIRY_WARNING_DAYS: `{% expiry card.expires_on %}`."""
    return {
        "expires_on": expires_on,
        "state": expiry_state(expires_on, today=timezone.localdate()),
    }


@register.filter
def person_name(user: object) -> str:
    """A user shown by name ("Tiina Talous"), the user name only when no name is recorded."""
    if user is None or user == "":
        return "–"
    # accounts.User.display_name is the rule (common sits below accounts and does not import it).
    display_name = getattr(user, "display_name", None)
    return display_name if isinstance(display_name, str) else str(getattr(user, "username", user))
