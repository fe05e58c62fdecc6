"""Industry 4.0 readiness: the six dimensions, their levels 0–5 and the radar chart.

The dimensions and levels follow the IMPULS Industrie 4.0 Readiness model (VDMA IMPULS
Foundation, IW Consult and FIR at RWTH Aachen, 2015): strategy and organisation, smart
factory, smart operations, smart products, data-driven services and employees, each from
0 "outsider" to 5 "top performer". The level descriptions are ours, written for small and
medium-sized manufacturers.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

SKILLS_FILE = Path(__file__).resolve().parent / "data" / "readiness_skills.json"
MAX_LEVEL = 5

LEVEL_NAMES: tuple[StrPromise, ...] = (
    _("0 – Ulkopuolinen"),
    _("1 – Aloittelija"),
    _("2 – Keskitaso"),
    _("3 – Kokenut"),
    _("4 – Asiantuntija"),
    _("5 – Edelläkävijä"),
)


@dataclass(frozen=True)
class Dimension:
    key: str
    name: StrPromise
    question: StrPromise
    levels: tuple[StrPromise, ...]


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "strategy",
        _("Strategia ja organisaatio"),
        _("Miten Teollisuus 4.0 näkyy yrityksen strategiassa, johtamisessa ja investoinneissa?"),
        (
            _("Teollisuus 4.0 ei näy yrityksen strategiassa, eikä siihen ole varattu resursseja."),
            _(
                "Teollisuus 4.0 tunnistetaan; yksittäisiä kokeiluja tehdään osastojen omasta "
                "aloitteesta."
            ),
            _(
                "Teollisuus 4.0 on kirjattu strategiaan, sille on nimetty vastuuhenkilö ja pieni "
                "budjetti."
            ),
            _(
                "Strategiassa on Teollisuus 4.0 -tiekartta, ja investointeja tehdään useilla "
                "osastoilla."
            ),
            _(
                "Tiekartan toteutumista seurataan mittareilla, ja investoinnit kattavat koko "
                "yrityksen."
            ),
            _("Teollisuus 4.0 on liiketoiminnan ydin ja johtamisen vakiintunut osa."),
        ),
    ),
    Dimension(
        "smart_factory",
        _("Älykäs tehdas"),
        _("Miten koneet ja järjestelmät tuottavat, jakavat ja käyttävät tuotannon dataa?"),
        (
            _("Koneita ei voi ohjata tai seurata tietojärjestelmillä, eikä tuotantodataa kerätä."),
            _(
                "Osasta koneista kerätään tietoa käsin tai erillisiin järjestelmiin, jotka eivät "
                "keskustele keskenään."
            ),
            _(
                "Keskeiset koneet keräävät dataa automaattisesti, ja sitä käytetään joihinkin "
                "päätöksiin."
            ),
            _(
                "Koneet ja järjestelmät on liitetty toisiinsa, ja tuotantoa seurataan "
                "reaaliaikaisesti."
            ),
            _("Tuotantoa ohjataan datan perusteella, ja tuotannosta on digitaalisia malleja."),
            _(
                "Tehdas on kauttaaltaan verkottunut ja itseohjautuva, ja se on kuvattu "
                "digitaalisena kaksosena."
            ),
        ),
    ),
    Dimension(
        "smart_operations",
        _("Älykkäät toiminnot"),
        _(
            "Miten tieto kulkee osastojen ja kumppanien välillä, ja miten prosessit ja tietoturva "
            "hoidetaan?"
        ),
        (
            _(
                "Tieto kulkee osastojen ja kumppanien välillä paperilla, sähköpostilla tai "
                "puhelimitse."
            ),
            _(
                "Tietoa jaetaan osittain sähköisesti; tietoturva ja pilvipalvelut ovat "
                "alkuvaiheessa."
            ),
            _(
                "Yrityksen omat järjestelmät on osin integroitu, ja tietoturvasta on sovitut "
                "käytännöt."
            ),
            _(
                "Tieto liikkuu integroidusti yrityksen sisällä ja osin kumppanien kanssa; "
                "pilvipalveluja käytetään."
            ),
            _(
                "Toimitusketjun tiedot jaetaan reaaliaikaisesti kumppanien kanssa, ja prosessit "
                "ovat osin automaattisia."
            ),
            _(
                "Prosessit ohjautuvat itsenäisesti koko arvoketjussa, ja tietoturva on kattavasti "
                "varmistettu."
            ),
        ),
    ),
    Dimension(
        "smart_products",
        _("Älykkäät tuotteet"),
        _(
            "Onko tuotteissa antureita, tunnisteita tai yhteyksiä, ja käytetäänkö niiden "
            "tuottamaa dataa?"
        ),
        (
            _(
                "Tuotteissa ei ole elektroniikkaa tai tiedonsiirtoa, eikä käytönaikaista tietoa "
                "kerätä."
            ),
            _(
                "Joissakin tuotteissa on yksinkertaisia tunnisteita tai antureita, mutta dataa ei "
                "hyödynnetä."
            ),
            _(
                "Tuotteet tuottavat dataa, jota analysoidaan satunnaisesti, esimerkiksi laadun "
                "seurannassa."
            ),
            _(
                "Tuotteet ovat verkossa, ja niiden käytönaikaista dataa käytetään "
                "tuotekehityksessä."
            ),
            _(
                "Käytönaikaista dataa analysoidaan jatkuvasti, ja se ohjaa tuotekehitystä ja "
                "huoltoa."
            ),
            _(
                "Tuotteet ovat älykkäitä ja verkottuneita: ne ohjaavat itseään ja viestivät "
                "muiden järjestelmien kanssa."
            ),
        ),
    ),
    Dimension(
        "data_driven_services",
        _("Datalähtöiset palvelut"),
        _(
            "Tarjoaako yritys asiakkailleen palveluja, jotka perustuvat tuotteista tai "
            "tuotannosta kerättyyn dataan?"
        ),
        (
            _("Yritys ei tarjoa datan varaan rakentuvia palveluja."),
            _("Datapohjaisia palveluja kokeillaan, mutta niiden osuus liikevaihdosta on mitätön."),
            _(
                "Joitakin datapohjaisia palveluja, kuten etävalvontaa, tarjotaan, mutta niiden "
                "osuus on pieni."
            ),
            _(
                "Datapohjaiset palvelut ovat vakiintunut osa tarjontaa, ja asiakkaiden dataa "
                "hyödynnetään."
            ),
            _(
                "Palvelut perustuvat tuotteista kerättävään dataan, ja ne tuovat merkittävän osan "
                "liikevaihdosta."
            ),
            _(
                "Datalähtöiset palvelut ovat keskeinen kasvun lähde ja osa asiakkaiden omia "
                "prosesseja."
            ),
        ),
    ),
    Dimension(
        "employees",
        _("Henkilöstön osaaminen"),
        _(
            "Onko henkilöstöllä automaation, datan ja digitaalisten työkalujen osaamista, ja "
            "kehitetäänkö sitä?"
        ),
        (
            _("Henkilöstöllä ei ole Teollisuus 4.0:n vaatimaa osaamista, eikä sitä kehitetä."),
            _("Muutamalla on digitaalista osaamista; koulutus on satunnaista."),
            _(
                "Osaamistarpeet on tunnistettu joillakin osastoilla, ja täydennyskoulutusta "
                "järjestetään."
            ),
            _("Henkilöstöllä on hyvät valmiudet, ja osaamista kehitetään suunnitelmallisesti."),
            _(
                "Henkilöstö hallitsee automaation, datan ja tietoturvan perusteet, ja osaamista "
                "kehitetään jatkuvasti."
            ),
            _("Koko henkilöstö on monialaisesti osaavaa, ja oppiminen on osa jokaista työtä."),
        ),
    ),
)


@cache
def implied_skill_uris() -> tuple[int, dict[str, tuple[str, ...]]]:
    """(threshold, dimension → skill URIs) from the data file."""
    data = json.loads(SKILLS_FILE.read_text(encoding="utf-8"))
    return int(data["threshold"]), {k: tuple(v) for k, v in data["dimensions"].items()}


# Radar chart geometry, in SVG user units.
WIDTH = 640
HEIGHT = 420
CENTRE_X = WIDTH / 2
CENTRE_Y = HEIGHT / 2
RADIUS = 150
LABEL_GAP = 14


@dataclass(frozen=True)
class Axis:
    name: StrPromise
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True)
class Series:
    name: str
    css_class: str
    points: str
    # (dimension name, score) pairs, for the chart's text description.
    values: tuple[tuple[StrPromise, int], ...]


@dataclass(frozen=True)
class RadarChart:
    width: int
    height: int
    centre_x: float
    centre_y: float
    rings: tuple[str, ...]
    axes: tuple[Axis, ...]
    series: tuple[Series, ...]


def _point(index: int, value: float) -> tuple[float, float]:
    # Axis 0 points up; the others follow clockwise.
    angle = 2 * math.pi * index / len(DIMENSIONS)
    distance = RADIUS * value / MAX_LEVEL
    return CENTRE_X + distance * math.sin(angle), CENTRE_Y - distance * math.cos(angle)


def _polygon(values: list[float]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, v) for i, v in enumerate(values)))


def radar_chart(series: list[tuple[str, str, dict[str, int]]]) -> RadarChart:
    """Geometry for an SVG radar chart of (name, css class, scores by dimension) series."""
    axes = []
    for i, dimension in enumerate(DIMENSIONS):
        x, y = _point(i, MAX_LEVEL)
        lx, ly = _point(i, MAX_LEVEL * (RADIUS + LABEL_GAP) / RADIUS)
        anchor = "middle" if abs(lx - CENTRE_X) < 1 else ("start" if lx > CENTRE_X else "end")
        axes.append(
            Axis(dimension.name, round(x, 1), round(y, 1), round(lx, 1), round(ly + 4, 1), anchor)
        )
    rings = tuple(_polygon([level] * len(DIMENSIONS)) for level in range(1, MAX_LEVEL + 1))
    drawn = tuple(
        Series(
            name,
            css_class,
            _polygon([scores[d.key] for d in DIMENSIONS]),
            tuple((d.name, scores[d.key]) for d in DIMENSIONS),
        )
        for name, css_class, scores in series
    )
    return RadarChart(WIDTH, HEIGHT, CENTRE_X, CENTRE_Y, rings, tuple(axes), drawn)
