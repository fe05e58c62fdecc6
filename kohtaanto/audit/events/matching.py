"""The audit events that matching writes, in words: shortlists and their candidates."""

from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.events.types import EventType

EVENT_TYPES: dict[str, EventType] = {
    "shortlist.candidate.company_answer": EventType(
        _("Yrityksen vastaus kirjattu"),
        _("%(actor)s kirjasi yrityksen vastauksen ehdokkaasta: %(target)s."),
    ),
    "shortlist.candidate.consent": EventType(
        _("Ehdokkaan suostumus kirjattu"),
        _("%(actor)s kirjasi ehdokkaan suostumuksen: %(target)s."),
    ),
    "shortlist.candidate.decline": EventType(
        _("Ehdokas kieltäytyi"),
        _("%(actor)s kirjasi ehdokkaan kieltäytyneen: %(target)s."),
    ),
    "shortlist.candidate.propose": EventType(
        _("Ehdokas ehdotettu"),
        _("%(actor)s ehdotti ehdokasta: %(target)s."),
    ),
    "shortlist.candidate.withdraw": EventType(
        _("Ehdokas vedetty pois"),
        _("%(actor)s veti ehdokkaan pois: %(target)s."),
    ),
    "shortlist.create": EventType(
        _("Ehdokaslista laadittu"),
        _("%(actor)s laati ehdokaslistan %(target)s."),
    ),
    "shortlist.link_issue": EventType(
        _("Ehdokaslistan linkki luotu"),
        _("%(actor)s loi linkin ehdokaslistaan %(target)s."),
    ),
    "shortlist.link_revoke": EventType(
        _("Ehdokaslistan linkki peruttu"),
        _("%(actor)s perui linkin ehdokaslistaan %(target)s."),
    ),
    "shortlist.link_send": EventType(
        _("Ehdokaslistan linkki lähetetty"),
        _("%(actor)s lähetti linkin ehdokaslistaan %(target)s."),
    ),
}
