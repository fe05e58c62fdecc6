from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class EmployersConfig(AppConfig):
    name = "kohtaanto.employers"
    label = "employers"
    verbose_name = _("Yritykset")
    navigation = [
        NavItem("employers:list", _("Yritykset"), "view_company_list", order=20),
        NavItem("employers:vacancy_list", _("Työpaikat"), "view_vacancy_list", order=21),
        NavItem("employers:worklist", _("Yritysten työlista"), "view_company_worklist", order=22),
    ]

    def ready(self) -> None:
        from kohtaanto.employers import permissions  # noqa: F401  (registers rules)
        from kohtaanto.employers.selectors import concept_usage_count
        from kohtaanto.taxonomy.usage import usage_source_register

        usage_source_register(
            key="employers.vacancies",
            label=_("Avoimet ja päättyneet työpaikat"),
            count=lambda actor, concept: concept_usage_count(actor=actor, concept=concept),
        )
