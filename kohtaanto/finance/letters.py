"""The grant decision letter: a PDF in the applicant's language, sent by e-mail after the commit.

The letter is the decision document: number, date, the deciding official and the delegation
the decision rests on, the decision and its amount, the reasons, the rule version applied, the
de minimis statement, and the appeal instructions. A grant decision of an employment area is
a municipal decision: the applicant may ask for a review (oikaisuvaatimus) under the Local
Government Act (Kuntalaki 410/2015) 134 §, within 14 days of being notified; a letter sent
by e-mail counts as received on the third day after sending unless shown otherwise.

PDFs embed DejaVu Sans (the font files `programme` ships, Bitstream Vera licence) so that every
Finnish and Swedish character and the euro sign print whatever fonts the server has.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from fpdf import FPDF

from kohtaanto.common.money import format_eur

FONT_DIR = Path(__file__).resolve().parent.parent / "programme" / "fonts"
FONT = "DejaVu"

# The review request: Kuntalaki (410/2015) 134 § (right to a review request), 14 days.
APPEAL_LAW = "Kuntalaki (410/2015) 134 §"
APPEAL_DAYS = 14


def _date(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def _appeal_text(decision: Any) -> str:
    return _(
        "Oikaisuvaatimusohje. Tähän päätökseen tyytymätön asianosainen voi hakea siihen "
        "oikaisua tekemällä kirjallisen oikaisuvaatimuksen (%(law)s). Oikaisuvaatimus on "
        "tehtävä %(days)s päivän kuluessa päätöksen tiedoksisaannista. Sähköpostilla lähetetyn "
        "päätöksen katsotaan tulleen tiedoksi kolmantena päivänä sen lähettämisestä, jollei "
        "muuta näytetä. Oikaisuvaatimus osoitetaan työllisyysalueen toimielimelle, jonka "
        "alaisena päätöksen tehnyt viranhaltija toimii, ja siinä on ilmoitettava vaatimus, sen "
        "perusteet ja tekijän yhteystiedot. Päätökseen ei saa hakea muutosta valittamalla "
        "tuomioistuimeen ennen oikaisuvaatimusta."
    ) % {"law": APPEAL_LAW, "days": APPEAL_DAYS}


def _de_minimis_text(decision: Any) -> str:
    position = (decision.snapshot or {}).get("de_minimis")
    if not position:
        return ""
    return _(
        "Tuki myönnetään vähämerkityksisenä (de minimis) tukena komission asetuksen (EU) "
        "2023/2831 nojalla. Tuen määrä on %(amount)s. Yhden ja saman yrityksen (sidosyritykset "
        "mukaan lukien) kolmen vuoden aikana saama de minimis -tuki saa olla enintään "
        "%(ceiling)s; tukea on ilmoitettu tai myönnetty jaksolla %(start)s–%(end)s %(earlier)s. "
        "Säilytä tämä päätös kymmenen vuotta."
    ) % {
        "amount": format_eur(decision.amount),
        "ceiling": format_eur(Decimal(position["ceiling"])),
        "start": _date(date.fromisoformat(position["window_start"])),
        "end": _date(date.fromisoformat(position["grant_date"])),
        "earlier": format_eur(Decimal(position["own_aid"]) + Decimal(position["declared_aid"])),
    }


class LetterPDF(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_creator("Kohtaanto")
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(20, 18, 20)
        self.add_page()

    def heading(self, text: str, size: int = 11) -> None:
        self.ln(2)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, 6, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str) -> None:
        self.set_font(FONT, "", 10)
        self.multi_cell(0, 5.2, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def fact(self, label: str, value: str) -> None:
        self.set_font(FONT, "B", 10)
        self.cell(50, 5.6, label)
        self.set_font(FONT, "", 10)
        self.multi_cell(0, 5.6, value, align="L", new_x="LMARGIN", new_y="NEXT")


def decision_letter_pdf(decision: Any) -> bytes:
    """The decision letter in the decision's language."""
    with translation.override(decision.language or "fi"):
        return _render(decision)


def _render(decision: Any) -> bytes:
    application = decision.application
    snapshot = decision.snapshot or {}
    scheme = snapshot.get("scheme") or {"name": application.scheme.name}
    approved = decision.outcome == "approved"
    pdf = LetterPDF()
    pdf.set_title(_("Päätös %(number)s") % {"number": decision.number})
    pdf.set_font(FONT, "B", 9)
    pdf.cell(0, 5, str(application.employment_area), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.cell(
        0,
        5,
        _("Päätös %(number)s · %(date)s")
        % {"number": decision.number, "date": _date(decision.granted_on)},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    pdf.paragraph(
        f"{application.company.name}\n{application.contact_name}\n{application.contact_email}"
    )
    pdf.ln(2)
    title = (
        _("Päätös: avustus myönnetään – %(scheme)s")
        if approved
        else _("Päätös: avustusta ei myönnetä – %(scheme)s")
    )
    pdf.heading(title % {"scheme": scheme["name"]}, size=13)
    pdf.fact(_("Hakija"), f"{application.company.name} ({application.company.business_id})")
    pdf.fact(_("Työntekijä"), application.employee_name)
    pdf.fact(pgettext("job title", "Tehtävä"), application.job_title)
    pdf.fact(_("Tuettu jakso"), f"{_date(application.start_date)}–{_date(application.end_date)}")
    pdf.fact(_("Hakemus saapunut"), _date(application.received_at.date()))
    if approved:
        pdf.fact(_("Myönnetty tuki"), format_eur(decision.amount))
        rule = snapshot.get("rule") or {}
        evaluation = snapshot.get("evaluation") or {}
        if rule:
            pdf.fact(
                _("Tuen määrä"),
                _("%(percent)s %% palkkauskustannuksista, enintään %(cap)s kuukaudessa")
                % {
                    "percent": formats.number_format(Decimal(rule["percentage"]).normalize()),
                    "cap": format_eur(Decimal(rule["monthly_cap"])),
                },
            )
        if evaluation.get("monthly_amount"):
            pdf.fact(_("Tuki kuukaudessa"), format_eur(Decimal(evaluation["monthly_amount"])))
        parts = snapshot.get("year_parts") or []
        if len(parts) > 1:
            pdf.fact(
                _("Vuosittain"),
                ", ".join(f"{year}: {format_eur(Decimal(amount))}" for year, amount in parts),
            )
    pdf.heading(_("Perustelut"))
    pdf.paragraph(decision.reasons)
    rule = snapshot.get("rule") or {}
    pdf.heading(_("Sovelletut säännökset"))
    basis = [scheme.get("legal_basis", "")]
    if rule:
        basis.append(
            _("Sääntö %(label)s, voimassa %(start)s alkaen: %(source)s")
            % {
                "label": rule["label"],
                "start": _date(date.fromisoformat(rule["valid_from"])),
                "source": rule["source"],
            }
        )
    pdf.paragraph("\n".join(b for b in basis if b))
    statement = _de_minimis_text(decision) if approved else ""
    if statement:
        pdf.heading(_("De minimis -tuki"))
        pdf.paragraph(statement)
    pdf.heading(_("Päätöksen tekijä"))
    official = decision.decided_by.display_name
    pdf.paragraph(
        _("%(name)s, %(title)s. Päätösvalta: %(delegation)s.")
        % {
            "name": official,
            "title": decision.official_title,
            "delegation": decision.delegation,
        }
    )
    pdf.heading(_("Muutoksenhaku"))
    pdf.paragraph(_appeal_text(decision))
    return bytes(pdf.output())


def decision_letter_send(*, decision_id: int) -> None:
    """Send the letter to the applicant's contact address once the decision is committed."""

    def send() -> None:
        from kohtaanto.finance.models import GrantDecision

        decision = GrantDecision.objects.select_related(
            "application__company",
            "application__employment_area",
            "application__scheme",
            "decided_by",
        ).get(pk=decision_id)
        pdf = decision_letter_pdf(decision)
        with translation.override(decision.language or "fi"):
            subject = _("Päätös %(number)s: %(scheme)s") % {
                "number": decision.number,
                "scheme": decision.application.scheme.name,
            }
            body = _(
                "Hei,\n\nliitteenä on päätös hakemukseenne. Päätöksessä on ohjeet "
                "oikaisuvaatimuksen tekemiseen.\n\n%(area)s"
            ) % {"area": decision.application.employment_area}
        message = EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[decision.application.contact_email],
        )
        message.attach(f"paatos-{decision.number.replace('/', '-')}.pdf", pdf, "application/pdf")
        message.send()

    transaction.on_commit(send)
