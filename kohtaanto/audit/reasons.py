"""The access log's reasons in words.

Views record why a person's data was shown as short codes ("role: counsellor", "page, role:
coordinator", "ids: 17,22,35" for a list page, "grant_processing") and a user's own words when
they give a reason. A code part reads as a translated phrase, the people of a list page by
name (as the reader may see them), dates the Finnish way; the user's own words stay as written.
"""

import datetime
import re
from typing import Any

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kohtaanto.audit.references import References, field_of, model_for
from kohtaanto.common.formats import format_date

# The people a list page showed are job seekers.
LISTED = "jobseekers.jobseeker"
_IDS = re.compile(r"^ids:\s*([\d,\s]+)$")
_ROLE = re.compile(r"^role:\s*(\w+)$")
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")

PHRASES: dict[str, Promise] = {
    "api": gettext_lazy("rajapinnan kautta"),
    "company page": gettext_lazy("yrityksen sivu"),
    "export": gettext_lazy("Excel-vienti"),
    "grant_processing": gettext_lazy("avustuksen käsittely"),
    "page": gettext_lazy("sivu"),
    "right of access (GDPR Art. 15)": gettext_lazy("tietojen luovutus henkilölle (GDPR 15 art.)"),
}


def listed_ids(reason: str) -> list[str]:
    """The ids of the people a list page showed, from its reason."""
    ids: list[str] = []
    for part in reason.split(", "):
        match = _IDS.match(part.strip())
        if match:
            ids += [i.strip() for i in match.group(1).split(",") if i.strip()]
    return ids


def _role(code: str) -> str:
    role = field_of(model_for(settings.AUTH_USER_MODEL), "role")
    labels = {str(k): str(v) for k, v in role.flatchoices} if role is not None else {}
    return labels.get(code, code)


def _date(match: Any) -> str:
    try:
        return format_date(datetime.date.fromisoformat(match.group(1)))
    except ValueError:
        return str(match.group(1))


def reason_text(reason: str, refs: References) -> str:
    """`reason` in the reader's words: "role: counsellor" → "rooli: Työvoimaohjaaja",
    "ids: 1,2" → "henkilöt (2): Aino Esimerkki, henkilö #2"."""
    if not reason:
        return ""
    if reason in PHRASES:
        return str(PHRASES[reason])
    parts = [p.strip() for p in reason.split(", ")]
    if not all(p in PHRASES or _ROLE.match(p) or _IDS.match(p) for p in parts):
        return _ISO_DATE.sub(_date, reason)  # the user's own words, or a code with dates
    words = []
    listed = model_for(LISTED)
    for part in parts:
        role, ids = _ROLE.match(part), _IDS.match(part)
        if role:
            words.append(_("rooli: %(role)s") % {"role": _role(role.group(1))})
        elif ids and listed is not None:
            pks = listed_ids(part)
            names = ", ".join(refs.text(listed, pk) for pk in pks)
            words.append(_("henkilöt (%(count)s): %(names)s") % {"count": len(pks), "names": names})
        else:
            words.append(str(PHRASES[part]))
    return ", ".join(words)
