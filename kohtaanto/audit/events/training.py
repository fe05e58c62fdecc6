"""The audit events that training writes, in words: providers, orders,
agreements, enrolments, invoices and enterprise links."""

from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.events.types import EventType

EVENT_TYPES: dict[str, EventType] = {
    "enterprise_link.create": EventType(
        _("Yritysten kytkös lisätty"),
        _("%(actor)s kirjasi yritysten kytköksen %(target)s."),
    ),
    "enterprise_link.delete": EventType(
        _("Yrityssidos poistettu"),
        _("%(actor)s poisti yrityssidoksen %(target)s."),
    ),
    "training_agreement.create": EventType(
        _("Koulutussopimus tehty"),
        _("%(actor)s teki koulutussopimuksen %(target)s."),
    ),
    "training_agreement.status": EventType(
        _("Koulutussopimuksen tila muutettu"),
        _("%(actor)s muutti koulutussopimuksen %(target)s tilaa."),
    ),
    "training_employer_invoice.create": EventType(
        _("Työnantajaosuus laskutettu"),
        _("%(actor)s laskutti työnantajaosuuden: %(target)s."),
    ),
    "training_enrolment.attendance": EventType(
        _("Läsnäolo kirjattu"),
        _("%(actor)s kirjasi läsnäolon: %(target)s."),
    ),
    "training_enrolment.complete": EventType(
        _("Koulutus suoritettu"),
        _("%(actor)s kirjasi koulutuksen suoritetuksi: %(target)s."),
    ),
    "training_enrolment.create": EventType(
        _("Opiskelija ilmoitettu koulutukseen"),
        _("%(actor)s ilmoitti opiskelijan koulutukseen: %(target)s."),
    ),
    "training_enrolment.interrupt": EventType(
        _("Koulutus keskeytetty"),
        _("%(actor)s kirjasi koulutuksen keskeytyneen: %(target)s."),
    ),
    "training_enrolment.outcome": EventType(
        _("Koulutuksen tulos kirjattu"),
        _("%(actor)s kirjasi koulutuksen tuloksen: %(target)s."),
    ),
    "training_invoice.create": EventType(
        _("Koulutuslasku kirjattu"),
        _("%(actor)s kirjasi koulutuslaskun %(target)s."),
    ),
    "training_order.cancel": EventType(
        _("Koulutustilaus peruttu"),
        _("%(actor)s perui koulutustilauksen %(target)s."),
    ),
    "training_order.confirm": EventType(
        _("Koulutustilaus vahvistettu"),
        _("%(actor)s vahvisti koulutustilauksen %(target)s."),
    ),
    "training_order.create": EventType(
        _("Koulutus tilattu"),
        _("%(actor)s tilasi koulutuksen %(target)s."),
    ),
    "training_order.year_part_book": EventType(
        _("Tilauksen seuraavan vuoden osuus kirjattu"),
        _("%(actor)s kirjasi koulutustilauksen %(target)s seuraavan vuoden osuuden."),
    ),
    "training_programme.create": EventType(
        _("Koulutus perustettu"),
        _("%(actor)s perusti koulutuksen %(target)s."),
    ),
    "training_provider.create": EventType(
        _("Koulutuksen järjestäjä lisätty"),
        _("%(actor)s lisäsi koulutuksen järjestäjän %(target)s."),
    ),
    "training_provider.member_add": EventType(
        _("Järjestäjän käyttäjä lisätty"),
        _("%(actor)s lisäsi käyttäjän koulutuksen järjestäjälle %(target)s."),
    ),
    "training_provider.member_remove": EventType(
        _("Kumppanikäyttäjä poistettu"),
        _("%(actor)s poisti kumppanikäyttäjän palveluntuottajalta %(target)s."),
    ),
}
