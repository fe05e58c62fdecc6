"""The audit events that employers writes, in words: companies, contacts,
activities, tasks, readiness, surveys and vacancies."""

from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.events.types import EventType

EVENT_TYPES: dict[str, EventType] = {
    "company.create": EventType(
        _("Yritys lisätty"),
        _("%(actor)s lisäsi yrityksen %(target)s."),
    ),
    "company.update": EventType(
        _("Yrityksen tietoja muutettu"),
        _("%(actor)s muutti yrityksen %(target)s tietoja."),
    ),
    "company_activity.create": EventType(
        _("Yrityskontakti kirjattu"),
        _("%(actor)s kirjasi yhteydenoton: %(target)s."),
    ),
    "company_contact.create": EventType(
        _("Yhteyshenkilö lisätty"),
        _("%(actor)s lisäsi yhteyshenkilön %(target)s."),
    ),
    "company_contact.update": EventType(
        _("Yhteyshenkilön tietoja muutettu"),
        _("%(actor)s muutti yhteyshenkilön %(target)s tietoja."),
    ),
    "company_task.complete": EventType(
        _("Tehtävä tehty"),
        _("%(actor)s merkitsi tehtävän %(target)s tehdyksi."),
    ),
    "company_task.create": EventType(
        _("Tehtävä annettu"),
        _("%(actor)s antoi tehtävän %(target)s."),
    ),
    "readiness_assessment.create": EventType(
        _("Valmiusarvio tehty"),
        _("%(actor)s teki Teollisuus 4.0 -valmiusarvion: %(target)s."),
    ),
    "survey.complete": EventType(
        _("Kartoitus valmis"),
        _("%(actor)s merkitsi kartoituksen %(target)s valmiiksi."),
    ),
    "survey.create": EventType(
        _("Osaamistarvekartoitus aloitettu"),
        _("%(actor)s aloitti osaamistarvekartoituksen %(target)s."),
    ),
    "survey.link_issue": EventType(
        _("Kartoituksen linkki luotu"),
        _("%(actor)s loi linkin kartoitukseen %(target)s."),
    ),
    "survey.link_revoke": EventType(
        _("Kartoituksen linkki peruttu"),
        _("%(actor)s perui linkin kartoitukseen %(target)s."),
    ),
    "survey.link_send": EventType(
        _("Kartoituksen linkki lähetetty"),
        _("%(actor)s lähetti linkin kartoitukseen %(target)s."),
    ),
    "survey.skill_needs_add": EventType(
        _("Osaamistarpeita lisätty"),
        _("%(actor)s lisäsi osaamistarpeita kartoitukseen %(target)s."),
    ),
    "survey.submit": EventType(
        _("Kartoitukseen vastattu"),
        _("%(actor)s vastasi kartoitukseen %(target)s."),
    ),
    "vacancy.create": EventType(
        _("Työpaikka lisätty"),
        _("%(actor)s lisäsi työpaikan %(target)s."),
    ),
    "vacancy.transition": EventType(
        _("Työpaikan tila muutettu"),
        _("%(actor)s muutti työpaikan %(target)s tilaa."),
    ),
    "vacancy.update": EventType(
        _("Työpaikan tietoja muutettu"),
        _("%(actor)s muutti työpaikan %(target)s tietoja."),
    ),
}
