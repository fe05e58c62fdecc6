"""The audit events that accounts and taxonomy write, in words: staff accounts, API tokens
and the taxonomy loads."""

from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.events.types import EventType

EVENT_TYPES: dict[str, EventType] = {
    "api_token.create": EventType(
        _("API-avain luotu"),
        _("%(actor)s loi API-avaimen %(target)s."),
    ),
    "api_token.revoke": EventType(
        _("API-avain peruttu"),
        _("%(actor)s perui API-avaimen %(target)s."),
    ),
    "taxonomy.esco_import": EventType(
        _("ESCO tuotu"),
        _("%(actor)s toi ESCO-luokituksen version %(target)s."),
    ),
    "taxonomy.vocabulary_load": EventType(
        _("Sanasto ladattu"),
        _("%(actor)s latasi sanaston version %(target)s."),
    ),
    "user.create": EventType(
        _("Käyttäjä lisätty"),
        _("%(actor)s lisäsi käyttäjän %(target)s."),
    ),
    "user.deactivate": EventType(
        _("Käyttäjä poistettu käytöstä"),
        _("%(actor)s poisti käyttäjän %(target)s käytöstä."),
    ),
    "user.logout_everywhere": EventType(
        _("Kirjauduttu ulos kaikkialta"),
        _("%(actor)s kirjasi käyttäjän %(target)s ulos kaikilta laitteilta."),
    ),
    "user.set_role": EventType(
        _("Käyttäjän rooli vaihdettu"),
        _("%(actor)s vaihtoi käyttäjän %(target)s roolin."),
    ),
    "user.update": EventType(
        _("Käyttäjän tietoja muutettu"),
        _("%(actor)s muutti käyttäjän %(target)s tietoja."),
    ),
}
