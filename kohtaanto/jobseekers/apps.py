from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class JobseekersConfig(AppConfig):
    name = "kohtaanto.jobseekers"
    label = "jobseekers"
    verbose_name = _("Työnhakijat")
    navigation = [
        NavItem("jobseekers:list", _("Työnhakijat"), "view_job_seeker_list", order=10),
        NavItem("jobseekers:worklist", _("Työlista"), "view_worklist", order=11),
        NavItem(
            "jobseekers:participation-summary",
            _("ESR+-osallistujat"),
            "view_participation_summary",
            order=12,
        ),
    ]

    def ready(self) -> None:
        from kohtaanto.jobseekers import permissions  # noqa: F401  (registers rules)
        from kohtaanto.jobseekers.selectors import concept_usage_count
        from kohtaanto.taxonomy.usage import usage_source_register

        usage_source_register(
            key="jobseekers.profiles",
            label=_("Työnhakijoiden osaamisprofiilit"),
            count=lambda actor, concept: concept_usage_count(actor=actor, concept=concept),
        )
