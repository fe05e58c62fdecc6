"""The other codes of the audit tables in words: what was shown of a person, and the change
keys that services record beside model fields."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# What was shown of a person (`AccessLogEntry.what`), in words.
ACCESS_WHAT: dict[str, Promise] = {
    "basic_data": _("perustiedot"),
    "career_moves": _("ammatillisen liikkuvuuden vaihtoehdot"),
    "company_contact": _("yhteyshenkilön tiedot"),
    "consents": _("suostumukset"),
    "cv": _("ansioluettelo"),
    "data_export": _("tietojen luovutus henkilölle"),
    "esf_data_quality": _("ESR+-tietojen laatutarkistus"),
    "esf_indicator": _("ESR+-indikaattorit"),
    "grant_application": _("avustushakemus"),
    "grant_decision": _("avustuspäätös"),
    "identity_code": _("henkilötunnus"),
    "job_seeker_list": _("työnhakijaluettelo"),
    "matches": _("sopivat työpaikat"),
    "participation": _("ESR+-osallistumistiedot"),
    "plan": _("suunnitelma"),
    "profile": _("osaamisprofiili"),
    "shortlist_profile": _("ehdokaslistan profiili"),
    "special_category": _("erityiset henkilötietoryhmät"),
    "timeline": _("tapahtumahistoria"),
}

# Change keys that services record beside model fields, in words.
CHANGE_LABELS: dict[str, Promise] = {
    "amount": _("Summa"),
    "appropriation": _("Määräraha"),
    "approved_by": _("Hyväksyjä"),
    "claimed": _("Haettu"),
    "decided_by": _("Päättäjä"),
    "decision": _("Päätös"),
    "delegation": _("Valtuutus"),
    "eligible": _("Tukikelpoinen"),
    "entered_by": _("Kirjaaja"),
    "entry": _("Kirjaus"),
    "identity_code": _("Henkilötunnus"),
    "member": _("Jäsen"),
    "number": _("Numero"),
    "participants": _("Osallistujat"),
    "period": _("Jakso"),
    "programme_roles": _("Hankeroolit"),
    "reason": _("Peruste"),
    "recipient": _("Vastaanottaja"),
    "recruitment_needs": _("Rekrytointitarpeet"),
    "requirements": _("Vaatimukset"),
    "skill_needs": _("Osaamistarpeet"),
    "skills": _("Taidot"),
    "source": _("Lähde"),
    "special_category": _("Erityiset henkilötiedot"),
    "upskilling_needs": _("Täydennyskoulutustarpeet"),
}
