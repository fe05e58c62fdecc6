from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Role home pages and the header search: reads every app, nothing imports it."""

    name = "kohtaanto.home"
    label = "home"
    verbose_name = _("Etusivu")
