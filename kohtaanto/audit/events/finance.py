"""The audit events that finance writes, in words: grants and the budget:
appropriations, budget lines, commitments, payments and schemes."""

from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.events.types import EventType

EVENT_TYPES: dict[str, EventType] = {
    "appropriation.amend": EventType(
        _("Määrärahaa muutettu"),
        _("%(actor)s muutti määrärahaa %(target)s."),
    ),
    "appropriation.create": EventType(
        _("Määräraha lisätty"),
        _("%(actor)s lisäsi määrärahan %(target)s, %(amount)s."),
    ),
    "appropriation.year_end_release": EventType(
        _("Määrärahaa vapautettu vuoden lopussa"),
        _("%(actor)s vapautti määrärahan %(target)s käyttämättä jääneen osan vuoden lopussa."),
    ),
    "budget_line.create": EventType(
        _("Talousarvion rivi lisätty"),
        _("%(actor)s lisäsi talousarvion rivin %(target)s."),
    ),
    "commitment.create": EventType(
        _("Sitoumus tehty"),
        _("%(actor)s teki sitoumuksen %(target)s, %(amount)s."),
    ),
    "commitment.release": EventType(
        _("Sitoumusta vapautettu"),
        _("%(actor)s vapautti %(amount)s sitoumuksesta %(target)s."),
    ),
    "commitment.split": EventType(
        _("Sitoumus jaettu vuosille"),
        _("%(actor)s jakoi sitoumuksen %(target)s vuosille."),
    ),
    "commitment.year_part_book": EventType(
        _("Sitoumuksen vuosiosuus kirjattu"),
        _("%(actor)s kirjasi sitoumuksen %(target)s vuosiosuuden."),
    ),
    "grant_application.approve": EventType(
        _("Avustushakemus hyväksytty"),
        _("%(actor)s hyväksyi avustushakemuksen %(target)s."),
    ),
    "grant_application.check": EventType(
        _("Avustushakemus tarkastettu"),
        _("%(actor)s tarkasti avustushakemuksen %(target)s."),
    ),
    "grant_application.link": EventType(
        _("Avustushakemus yhdistetty"),
        _("%(actor)s yhdisti avustushakemuksen %(target)s."),
    ),
    "grant_application.link_revoke": EventType(
        _("Hakulinkki peruttu"),
        _("%(actor)s perui hakulinkin %(target)s."),
    ),
    "grant_application.reject": EventType(
        _("Avustushakemus hylätty"),
        _("%(actor)s hylkäsi avustushakemuksen %(target)s."),
    ),
    "grant_application.submit": EventType(
        _("Avustushakemus vastaanotettu"),
        _("%(actor)s kirjasi avustushakemuksen %(target)s vastaanotetuksi."),
    ),
    "grant_application.update": EventType(
        _("Avustushakemusta muutettu"),
        _("%(actor)s muutti avustushakemusta %(target)s."),
    ),
    "grant_claim.link": EventType(
        _("Maksatushakemus yhdistetty"),
        _("%(actor)s yhdisti maksatushakemuksen %(target)s."),
    ),
    "grant_claim.pay": EventType(
        _("Avustus maksettu"),
        _("%(actor)s maksoi %(amount)s maksatushakemuksesta %(target)s."),
    ),
    "grant_claim.reject": EventType(
        _("Maksatushakemus hylätty"),
        _("%(actor)s hylkäsi maksatushakemuksen %(target)s."),
    ),
    "grant_claim.submit": EventType(
        _("Maksatushakemus vastaanotettu"),
        _("%(actor)s kirjasi maksatushakemuksen %(target)s vastaanotetuksi."),
    ),
    "grant_scheme.create": EventType(
        _("Avustusohjelma perustettu"),
        _("%(actor)s perusti avustusohjelman %(target)s."),
    ),
    "grant_scheme.update": EventType(
        _("Avustusohjelmaa muutettu"),
        _("%(actor)s muutti avustusohjelmaa %(target)s."),
    ),
    "ledger_entry.reverse": EventType(
        _("Kirjaus peruttu"),
        _("%(actor)s perui kirjauksen %(target)s."),
    ),
    "payment.record": EventType(
        _("Maksu kirjattu"),
        _("%(actor)s maksoi %(amount)s sitoumuksesta %(target)s."),
    ),
    "payment.recover": EventType(
        _("Takaisinperintä kirjattu"),
        _("%(actor)s kirjasi %(amount)s takaisin sitoumukselle %(target)s."),
    ),
    "scheme_rule.close": EventType(
        _("Avustussääntö päätetty"),
        _("%(actor)s päätti avustussäännön %(target)s voimassaolon."),
    ),
    "scheme_rule.create": EventType(
        _("Avustussääntö lisätty"),
        _("%(actor)s lisäsi avustussäännön %(target)s."),
    ),
}
