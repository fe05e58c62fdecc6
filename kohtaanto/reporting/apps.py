from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "kohtaanto.reporting"
    label = "reporting"
    verbose_name = _("Raportit")

    def ready(self) -> None:
        from kohtaanto.reporting import permissions  # noqa: F401  (registers rules)
