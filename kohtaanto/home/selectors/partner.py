"""A partner's home: the training programmes it runs and their enrolments."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.home.charts import Chart, bar_chart
from kohtaanto.home.selectors.figures import LIST_LIMIT, Figure
from kohtaanto.training import selectors as training
from kohtaanto.training.models import Enrolment


@dataclass
class PartnerHome:
    programmes: list[Any]
    figures: list[Figure]
    chart: Chart


def partner_home(*, actor: User, today: datetime.date | None = None) -> PartnerHome:
    """The partner's own training programmes and the enrolments it may see in them (persons
    only with their consent to share, as training.selectors.enrolment_list decides)."""
    day = today or timezone.localdate()
    programmes = list(training.programme_list(actor=actor).order_by("starts_on", "id"))
    rows = []
    for item in programmes:
        visible = training.enrolment_list(actor=actor, programme=item)
        rows.append(
            (item, visible.count(), visible.filter(status=Enrolment.Status.COMPLETED).count())
        )
    current = [r for r in rows if r[0].ends_on >= day]
    figures = [
        Figure(_("Koulutukset"), str(len(programmes)), reverse("training:home")),
        Figure(_("Käynnissä tai alkamassa"), str(len(current)), reverse("training:home")),
        Figure(_("Ilmoittautuneet"), str(sum(r[1] for r in rows)), reverse("training:home")),
        Figure(_("Suorittaneet"), str(sum(r[2] for r in rows)), reverse("training:home")),
    ]
    chart = bar_chart(
        key="partner-enrolments",
        title=_("Ilmoittautuneet ja suorittaneet koulutuksittain"),
        row_header=_("Koulutus"),
        series=[_("Ilmoittautuneet"), _("Suorittaneet")],
        rows=[(r[0].name(), [r[1], r[2]]) for r in rows[: LIST_LIMIT * 2]],
    )
    return PartnerHome(
        programmes=[r[0] for r in current][:LIST_LIMIT], figures=figures, chart=chart
    )
