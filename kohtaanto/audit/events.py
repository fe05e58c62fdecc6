"""Event types of the audit log in words: a translated name for each `action` and a sentence
that says who did what ("Tiina Talous maksoi 2 520,00 € sitoumuksesta …").

Services write `action` codes ("payment.record"); this table is the one place that turns them
into language. A code missing here (an event type added later) still reads as a sentence,
with the code as its name, and `tests` check that every code the services write is here.

Placeholders: `%(actor)s` the person's name, `%(target)s` the object as recorded, `%(amount)s`
the euro amount of a money event (see `audit.presentation.event_amount`).
"""

from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class EventType(NamedTuple):
    name: Promise
    sentence: Promise


EVENT_TYPES: dict[str, EventType] = {
    "enterprise_link.delete": EventType(
        _("Yrityssidos poistettu"),
        _("%(actor)s poisti yrityssidoksen %(target)s."),
    ),
    "grant_application.check": EventType(
        _("Avustushakemus tarkastettu"),
        _("%(actor)s tarkasti avustushakemuksen %(target)s."),
    ),
    "grant_application.link_revoke": EventType(
        _("Hakulinkki peruttu"),
        _("%(actor)s perui hakulinkin %(target)s."),
    ),
    "job_seeker.import": EventType(
        _("Työnhakijat tuotu"),
        _("%(actor)s toi työnhakijoita tiedostosta %(target)s."),
    ),
    "programme.financing_plan.save": EventType(
        _("Rahoitussuunnitelma tallennettu"),
        _("%(actor)s tallensi rahoitussuunnitelman %(target)s."),
    ),
    "programme.participant_cost.record": EventType(
        _("Osallistujakulu kirjattu"),
        _("%(actor)s kirjasi osallistujakulun %(target)s."),
    ),
    "programme.participants.export": EventType(
        _("Osallistujatiedot viety"),
        _("%(actor)s vei osallistujatiedot %(target)s."),
    ),
    "programme.payment_decision.record": EventType(
        _("Maksupäätös kirjattu"),
        _("%(actor)s kirjasi maksupäätöksen %(target)s."),
    ),
    "programme.rate_basis.create": EventType(
        _("Tuntihinnan peruste vahvistettu"),
        _("%(actor)s vahvisti tuntihinnan perusteen %(target)s."),
    ),
    "programme.time_sheet.employee_sign": EventType(
        _("Tuntikirjanpito allekirjoitettu"),
        _("%(actor)s allekirjoitti tuntikirjanpidon %(target)s."),
    ),
    "programme.time_sheet.supervisor_sign": EventType(
        _("Tuntikirjanpito hyväksytty"),
        _("%(actor)s hyväksyi esihenkilönä tuntikirjanpidon %(target)s."),
    ),
    "training_order.cancel": EventType(
        _("Koulutustilaus peruttu"),
        _("%(actor)s perui koulutustilauksen %(target)s."),
    ),
    "training_order.year_part_book": EventType(
        _("Tilauksen seuraavan vuoden osuus kirjattu"),
        _("%(actor)s kirjasi koulutustilauksen %(target)s seuraavan vuoden osuuden."),
    ),
    "training_provider.member_remove": EventType(
        _("Kumppanikäyttäjä poistettu"),
        _("%(actor)s poisti kumppanikäyttäjän palveluntuottajalta %(target)s."),
    ),
    "api_token.create": EventType(
        _("API-avain luotu"),
        _("%(actor)s loi API-avaimen %(target)s."),
    ),
    "api_token.revoke": EventType(
        _("API-avain peruttu"),
        _("%(actor)s perui API-avaimen %(target)s."),
    ),
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
    "enterprise_link.create": EventType(
        _("Yritysten kytkös lisätty"),
        _("%(actor)s kirjasi yritysten kytköksen %(target)s."),
    ),
    "grant_application.approve": EventType(
        _("Avustushakemus hyväksytty"),
        _("%(actor)s hyväksyi avustushakemuksen %(target)s."),
    ),
    "grant_application.link": EventType(
        _("Avustushakemus yhdistetty"),
        _("%(actor)s yhdisti avustushakemuksen %(target)s."),
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
    "job_seeker.create": EventType(
        _("Työnhakija lisätty"),
        _("%(actor)s lisäsi työnhakijan %(target)s."),
    ),
    "job_seeker.erase": EventType(
        _("Työnhakijan tiedot poistettu"),
        _("%(actor)s poisti työnhakijan %(target)s tiedot."),
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
    "ledger_entry.reverse": EventType(
        _("Kirjaus peruttu"),
        _("%(actor)s perui kirjauksen %(target)s."),
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
    "payment.record": EventType(
        _("Maksu kirjattu"),
        _("%(actor)s maksoi %(amount)s sitoumuksesta %(target)s."),
    ),
    "payment.recover": EventType(
        _("Takaisinperintä kirjattu"),
        _("%(actor)s kirjasi %(amount)s takaisin sitoumukselle %(target)s."),
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
    "programme.activity.attachment_add": EventType(
        _("Toimenpiteeseen lisätty liite"),
        _("%(actor)s lisäsi liitteen toimenpiteeseen %(target)s."),
    ),
    "programme.activity.attachment_delete": EventType(
        _("Toimenpiteen liite poistettu"),
        _("%(actor)s poisti liitteen toimenpiteestä %(target)s."),
    ),
    "programme.activity.create": EventType(
        _("Hanketoimenpide kirjattu"),
        _("%(actor)s kirjasi hanketoimenpiteen %(target)s."),
    ),
    "programme.activity.update": EventType(
        _("Hanketoimenpidettä muutettu"),
        _("%(actor)s muutti hanketoimenpidettä %(target)s."),
    ),
    "programme.cost_report.correct": EventType(
        _("Kustannusraporttia korjattu"),
        _("%(actor)s korjasi kustannusraporttia %(target)s."),
    ),
    "programme.cost_report.create": EventType(
        _("Kustannusraportti laadittu"),
        _("%(actor)s laati kustannusraportin %(target)s."),
    ),
    "programme.cost_report.submit": EventType(
        _("Kustannusraportti lähetetty"),
        _("%(actor)s lähetti kustannusraportin %(target)s."),
    ),
    "programme.cost_report.update": EventType(
        _("Kustannusraporttia muutettu"),
        _("%(actor)s muutti kustannusraporttia %(target)s."),
    ),
    "programme.implementer.budget_set": EventType(
        _("Osatoteuttajan budjetti asetettu"),
        _("%(actor)s asetti osatoteuttajan %(target)s budjetin."),
    ),
    "programme.operation_company.create": EventType(
        _("Yritys liitetty hankkeeseen"),
        _("%(actor)s liitti yrityksen %(target)s hankkeeseen."),
    ),
    "programme.operation_company.delete": EventType(
        _("Yritys poistettu hankkeesta"),
        _("%(actor)s poisti yrityksen %(target)s hankkeesta."),
    ),
    "programme.operation_company.update": EventType(
        _("Hankeyrityksen tietoja muutettu"),
        _("%(actor)s muutti hankeyrityksen %(target)s tietoja."),
    ),
    "programme.payment_period.create": EventType(
        _("Maksatuskausi lisätty"),
        _("%(actor)s lisäsi maksatuskauden %(target)s."),
    ),
    "programme.salary_payment.record": EventType(
        _("Palkka kirjattu"),
        _("%(actor)s kirjasi palkan: %(target)s."),
    ),
    "programme.staff_member.create": EventType(
        _("Hankehenkilö lisätty"),
        _("%(actor)s lisäsi hankehenkilön %(target)s."),
    ),
    "programme.staff_position.create": EventType(
        _("Hankehenkilön tehtävä lisätty"),
        _("%(actor)s lisäsi tehtävän %(target)s."),
    ),
    "programme.staff_position.update": EventType(
        _("Hankehenkilön tehtävää muutettu"),
        _("%(actor)s muutti tehtävää %(target)s."),
    ),
    "programme.time_record.create": EventType(
        _("Työaika kirjattu"),
        _("%(actor)s kirjasi työajan: %(target)s."),
    ),
    "programme.time_record.delete": EventType(
        _("Työaikakirjaus poistettu"),
        _("%(actor)s poisti työaikakirjauksen: %(target)s."),
    ),
    "readiness_assessment.create": EventType(
        _("Valmiusarvio tehty"),
        _("%(actor)s teki Teollisuus 4.0 -valmiusarvion: %(target)s."),
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
    "scheme_rule.close": EventType(
        _("Avustussääntö päätetty"),
        _("%(actor)s päätti avustussäännön %(target)s voimassaolon."),
    ),
    "scheme_rule.create": EventType(
        _("Avustussääntö lisätty"),
        _("%(actor)s lisäsi avustussäännön %(target)s."),
    ),
    "service_event.record": EventType(
        _("Palvelutapahtuma kirjattu"),
        _("%(actor)s kirjasi palvelutapahtuman: %(target)s."),
    ),
    "service_event.referral_status": EventType(
        _("Ohjauksen tila muutettu"),
        _("%(actor)s muutti ohjauksen tilaa: %(target)s."),
    ),
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
    "target_occupation.add": EventType(
        _("Tavoiteammatti lisätty"),
        _("%(actor)s lisäsi tavoiteammatin: %(target)s."),
    ),
    "target_occupation.remove": EventType(
        _("Tavoiteammatti poistettu"),
        _("%(actor)s poisti tavoiteammatin: %(target)s."),
    ),
    "taxonomy.esco_import": EventType(
        _("ESCO tuotu"),
        _("%(actor)s toi ESCO-luokituksen version %(target)s."),
    ),
    "taxonomy.vocabulary_load": EventType(
        _("Sanasto ladattu"),
        _("%(actor)s latasi sanaston version %(target)s."),
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
    "training_order.confirm": EventType(
        _("Koulutustilaus vahvistettu"),
        _("%(actor)s vahvisti koulutustilauksen %(target)s."),
    ),
    "training_order.create": EventType(
        _("Koulutus tilattu"),
        _("%(actor)s tilasi koulutuksen %(target)s."),
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
