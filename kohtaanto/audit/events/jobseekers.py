"""The audit events that jobseekers writes, in words: the record, consents,
CV, profile, plan, services and ESF+ participation."""

from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.events.types import EventType

EVENT_TYPES: dict[str, EventType] = {
    "consent.give": EventType(
        _("Suostumus kirjattu"),
        _("%(actor)s kirjasi suostumuksen %(target)s."),
    ),
    "consent.withdraw": EventType(
        _("Suostumus peruttu"),
        _("%(actor)s kirjasi suostumuksen %(target)s perutuksi."),
    ),
    "cv.confirm": EventType(
        _("Ansioluettelon taidot vahvistettu"),
        _("%(actor)s vahvisti ansioluettelosta tunnistetut taidot: %(target)s."),
    ),
    "cv.extract": EventType(
        _("Ansioluettelo luettu"),
        _("%(actor)s luki ansioluettelon taidot: %(target)s."),
    ),
    "job_seeker.create": EventType(
        _("Työnhakija lisätty"),
        _("%(actor)s lisäsi työnhakijan %(target)s."),
    ),
    "job_seeker.erase": EventType(
        _("Työnhakijan tiedot poistettu"),
        _("%(actor)s poisti työnhakijan %(target)s tiedot."),
    ),
    "job_seeker.import": EventType(
        _("Työnhakijat tuotu"),
        _("%(actor)s toi työnhakijoita tiedostosta %(target)s."),
    ),
    "job_seeker.import_create": EventType(
        _("Työnhakija tuotu tiedostosta"),
        _("%(actor)s toi työnhakijan %(target)s tiedostosta."),
    ),
    "job_seeker.import_update": EventType(
        _("Työnhakijan tiedot päivitetty tiedostosta"),
        _("%(actor)s päivitti työnhakijan %(target)s tiedot tiedostosta."),
    ),
    "job_seeker.pseudonymise": EventType(
        _("Työnhakijan tiedot pseudonymisoitu"),
        _("%(actor)s pseudonymisoi työnhakijan %(target)s tiedot."),
    ),
    "job_seeker.set_counsellors": EventType(
        _("Vastuuhenkilöt vaihdettu"),
        _("%(actor)s vaihtoi työnhakijan %(target)s vastuuhenkilöt."),
    ),
    "job_seeker.update": EventType(
        _("Työnhakijan tietoja muutettu"),
        _("%(actor)s muutti työnhakijan %(target)s tietoja."),
    ),
    "language_skill.remove": EventType(
        _("Kielitaito poistettu"),
        _("%(actor)s poisti kielitaidon: %(target)s."),
    ),
    "language_skill.set": EventType(
        _("Kielitaito kirjattu"),
        _("%(actor)s kirjasi kielitaidon: %(target)s."),
    ),
    "participation.enter": EventType(
        _("Osallistuja tuli hankkeeseen"),
        _("%(actor)s kirjasi osallistujan %(target)s tulon hankkeeseen."),
    ),
    "participation.exit": EventType(
        _("Osallistuja lähti hankkeesta"),
        _("%(actor)s kirjasi osallistujan %(target)s lähdön hankkeesta."),
    ),
    "participation.follow_up": EventType(
        _("Seurantatieto kirjattu"),
        _("%(actor)s kirjasi osallistujan %(target)s seurantatiedot."),
    ),
    "participation.import_create": EventType(
        _("Osallistuja tuotu tiedostosta"),
        _("%(actor)s toi osallistujan %(target)s tiedostosta."),
    ),
    "participation.import_update": EventType(
        _("Osallistujan tiedot päivitetty tiedostosta"),
        _("%(actor)s päivitti osallistujan %(target)s tiedot tiedostosta."),
    ),
    "participation.re_enter": EventType(
        _("Osallistuja palasi hankkeeseen"),
        _("%(actor)s kirjasi osallistujan %(target)s paluun hankkeeseen."),
    ),
    "participation.update_entry": EventType(
        _("Tulotietoja muutettu"),
        _("%(actor)s muutti osallistujan %(target)s tulotietoja."),
    ),
    "plan_action.add": EventType(
        _("Suunnitelmaan lisätty toimenpide"),
        _("%(actor)s lisäsi suunnitelmaan toimenpiteen %(target)s."),
    ),
    "plan_action.set_status": EventType(
        _("Toimenpiteen tila muutettu"),
        _("%(actor)s muutti toimenpiteen %(target)s tilaa."),
    ),
    "plan_goal.add": EventType(
        _("Suunnitelmaan lisätty tavoite"),
        _("%(actor)s lisäsi suunnitelmaan tavoitteen %(target)s."),
    ),
    "plan_goal.set_status": EventType(
        _("Tavoitteen tila muutettu"),
        _("%(actor)s muutti tavoitteen %(target)s tilaa."),
    ),
    "profile_skill.add": EventType(
        _("Taito lisätty profiiliin"),
        _("%(actor)s lisäsi taidon profiiliin: %(target)s."),
    ),
    "profile_skill.remove": EventType(
        _("Taito poistettu profiilista"),
        _("%(actor)s poisti taidon profiilista: %(target)s."),
    ),
    "profile_skill.update": EventType(
        _("Taidon tasoa muutettu"),
        _("%(actor)s muutti taidon tietoja: %(target)s."),
    ),
    "requirement_card.add": EventType(
        _("Kortti lisätty profiiliin"),
        _("%(actor)s lisäsi kortin profiiliin: %(target)s."),
    ),
    "requirement_card.remove": EventType(
        _("Kortti poistettu profiilista"),
        _("%(actor)s poisti kortin profiilista: %(target)s."),
    ),
    "requirement_card.update": EventType(
        _("Kortin tietoja muutettu"),
        _("%(actor)s muutti kortin tietoja: %(target)s."),
    ),
    "service_event.record": EventType(
        _("Palvelutapahtuma kirjattu"),
        _("%(actor)s kirjasi palvelutapahtuman: %(target)s."),
    ),
    "service_event.referral_status": EventType(
        _("Ohjauksen tila muutettu"),
        _("%(actor)s muutti ohjauksen tilaa: %(target)s."),
    ),
    "target_occupation.add": EventType(
        _("Tavoiteammatti lisätty"),
        _("%(actor)s lisäsi tavoiteammatin: %(target)s."),
    ),
    "target_occupation.remove": EventType(
        _("Tavoiteammatti poistettu"),
        _("%(actor)s poisti tavoiteammatin: %(target)s."),
    ),
}
