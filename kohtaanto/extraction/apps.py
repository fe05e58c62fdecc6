from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExtractionConfig(AppConfig):
    name = "kohtaanto.extraction"
    label = "extraction"
    verbose_name = _("Tekstin tulkinta")

    def ready(self) -> None:
        from kohtaanto.extraction import permissions  # noqa: F401  (registers rules)
