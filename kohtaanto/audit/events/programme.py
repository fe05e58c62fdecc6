"""The audit events that programme writes, in words: operations, time records
and sheets, cost reports and budgets."""

from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.events.types import EventType

EVENT_TYPES: dict[str, EventType] = {
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
    "programme.financing_plan.save": EventType(
        _("Rahoitussuunnitelma tallennettu"),
        _("%(actor)s tallensi rahoitussuunnitelman %(target)s."),
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
    "programme.payment_period.create": EventType(
        _("Maksatuskausi lisätty"),
        _("%(actor)s lisäsi maksatuskauden %(target)s."),
    ),
    "programme.rate_basis.create": EventType(
        _("Tuntihinnan peruste vahvistettu"),
        _("%(actor)s vahvisti tuntihinnan perusteen %(target)s."),
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
    "programme.time_sheet.employee_sign": EventType(
        _("Tuntikirjanpito allekirjoitettu"),
        _("%(actor)s allekirjoitti tuntikirjanpidon %(target)s."),
    ),
    "programme.time_sheet.supervisor_sign": EventType(
        _("Tuntikirjanpito hyväksytty"),
        _("%(actor)s hyväksyi esihenkilönä tuntikirjanpidon %(target)s."),
    ),
}
