from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class TrainingConfig(AppConfig):
    name = "kohtaanto.training"
    label = "training"
    verbose_name = _("Koulutukset")
    navigation = [NavItem("training:home", _("Koulutukset"), "view_training", order=35)]

    def ready(self) -> None:
        from kohtaanto.training import permissions  # noqa: F401  (registers rules)
