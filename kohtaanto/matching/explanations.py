"""A ranking result in words, for pages, the API and the CLI (Finnish source, sv/en)."""

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kohtaanto.accounts.models import Role
from kohtaanto.common.disclosure import THRESHOLD, is_small
from kohtaanto.matching.results import (
    HIGHLY_VIABLE,
    NOT_ASSESSED,
    REQ_EXPIRED,
    REQ_EXPIRES_BEFORE_START,
    REQ_MISSING,
    VIABLE,
    MatchResult,
    RequirementBlock,
    SkillMatch,
)

COMPONENT_LABELS: dict[str, Promise] = {
    "skills": gettext_lazy("Osaamisvaatimukset"),
    "profile": gettext_lazy("Osaamisprofiilien samankaltaisuus"),
    "occupation": gettext_lazy("Sopivuus ammattiin"),
    "target": gettext_lazy("Tavoiteammatti"),
    "location": gettext_lazy("Sijainti"),
    "language": gettext_lazy("Työkieli"),
}


def score_points(result: MatchResult) -> tuple[int, list[tuple[Promise, int]]]:
    """The score and its parts in whole points of 100, the parts adding up to the score shown.

    The parts are the weighted components, which sum to the score; rounding each on its own
    can leave them one or two points off the total (6 + 11 + 18 + 6 + 5 + 3 = 49 beside 48).
    The largest-remainder method (Hamilton) rounds the total once and gives the points left
    after flooring each part to the parts with the largest remainders.
    """
    total = round(result.score * 100)
    exact = {k: v * 100 for k, v in result.components.items()}
    floors = {k: int(v // 1) for k, v in exact.items()}
    left = total - sum(floors.values())
    if abs(sum(exact.values()) - result.score * 100) > 0.05 or not 0 <= left <= len(exact):
        points = {k: round(v) for k, v in exact.items()}  # not a plain sum: round each
    else:
        by_remainder = sorted(exact, key=lambda k: (exact[k] - floors[k], k), reverse=True)
        points = {k: floors[k] + (1 if k in by_remainder[:left] else 0) for k in exact}
    return total, [(COMPONENT_LABELS[k], points[k]) for k in result.components]


VIA_LABELS: dict[str, Promise] = {
    "narrower": gettext_lazy("tarkempi osaaminen"),
    "broader": gettext_lazy("laajempi osaaminen"),
    "related": gettext_lazy("lähiosaaminen"),
    "sibling": gettext_lazy("saman ryhmän osaaminen"),
}


def viability_label(viability: str) -> Promise:
    if viability == HIGHLY_VIABLE:
        return gettext_lazy("Erittäin realistinen siirtymä")
    if viability == VIABLE:
        return gettext_lazy("Realistinen siirtymä")
    if viability == NOT_ASSESSED:
        return gettext_lazy("Ei arvioitu: profiilissa vähän vahvistettuja osaamisia")
    return gettext_lazy("Vaatii paljon lisäosaamista")


def thin_profile_texts(profile_skills: int, minimum: int) -> list[str]:
    """Why a thin profile's career moves carry no "hard move" verdict, and what to do."""
    return [
        ngettext(
            "Henkilön profiilissa on vain %(count)s vahvistettu osaaminen.",
            "Henkilön profiilissa on vain %(count)s vahvistettua osaamista.",
            profile_skills,
        )
        % {"count": profile_skills},
        _(
            "Arviot on mitoitettu kokonaisten ammattien osaamisprofiileilla (vähintään "
            "%(minimum)s osaamista), ja vahvistamaton osaaminen lasketaan puuttuvaksi. Pieni "
            "osuus ei siksi vielä kerro, että siirtymä olisi vaikea. Vahvista henkilön "
            "osaamiset profiiliin, esimerkiksi ansioluettelosta, niin arviot tarkentuvat."
        )
        % {"minimum": minimum},
    ]


def partial_text(s: SkillMatch) -> str:
    return _("%(skill)s osittain: %(via)s %(source)s (%(credit)s %%)") % {
        "skill": s.label,
        "via": VIA_LABELS.get(s.via or "", ""),
        "source": s.via_label,
        "credit": round(s.credit * 100),
    }


def _names(skills: list[SkillMatch]) -> str:
    return ", ".join(s.label for s in skills)


def explanation_lines(r: MatchResult) -> list[str]:
    """Matched, partly matched and missing skills, then the hard requirements."""
    lines = []
    if r.matched:
        lines.append(_("Osaa: %(skills)s.") % {"skills": _names(r.matched)})
    if r.partial:
        lines.append(
            _("Osittain: %(skills)s.") % {"skills": "; ".join(partial_text(s) for s in r.partial)}
        )
    essential = [s for s in r.missing if s.essential]
    optional = [s for s in r.missing if not s.essential]
    if essential:
        lines.append(_("Puuttuu (välttämätön): %(skills)s.") % {"skills": _names(essential)})
    if optional:
        lines.append(_("Puuttuu (toivottava): %(skills)s.") % {"skills": _names(optional)})
    for check in r.requirements:
        if check.status == REQ_MISSING:
            lines.append(_("Ehdoton vaatimus puuttuu: %(card)s.") % {"card": check.label})
        elif check.status == REQ_EXPIRED:
            lines.append(_("Ehdoton vaatimus vanhentunut: %(card)s.") % {"card": check.label})
        elif check.status == REQ_EXPIRES_BEFORE_START:
            lines.append(
                _("Huom. %(card)s vanhenee ennen työn alkamista (%(date)s).")
                % {"card": check.label, "date": date_format(check.expires_on, "SHORT_DATE_FORMAT")}
            )
    return lines


def blocked_text(block: RequirementBlock) -> str:
    """ "3 työpaikkaa vaatii: Työturvallisuuskortti (puuttuu)." for the person's match page."""
    count = len(block.vacancy_ids)
    if block.status == REQ_EXPIRED:
        text = ngettext(
            "%(count)s työpaikka vaatii: %(card)s (työnhakijan kortti on vanhentunut).",
            "%(count)s työpaikkaa vaatii: %(card)s (työnhakijan kortti on vanhentunut).",
            count,
        )
    else:
        text = ngettext(
            "%(count)s työpaikka vaatii: %(card)s (työnhakijalta puuttuu).",
            "%(count)s työpaikkaa vaatii: %(card)s (työnhakijalta puuttuu).",
            count,
        )
    return text % {"count": count, "card": block.label}


def not_shown_texts(count: int, role: str) -> list[str]:
    """Why `count` more people who fit a vacancy are not on the viewer's list, and what the
    viewer can do about it. Says nothing of who they are (no names, scores or ids); a count
    of one to four is "alle 5" (common.disclosure): an exact small count can point at a
    person the viewer knows."""
    if count <= 0:
        return []
    small = is_small(count)
    if role == Role.BUSINESS_ADVISOR:
        return [
            _(
                "Alle %(limit)s muuta sopivaa työnhakijaa ei näy sinulle, koska heillä ei ole "
                "voimassa olevaa suostumusta profiilin lähettämiseen työnantajalle."
            )
            % {"limit": THRESHOLD}
            if small
            else ngettext(
                "%(count)s muu sopiva työnhakija ei näy sinulle, koska hänellä ei ole voimassa "
                "olevaa suostumusta profiilin lähettämiseen työnantajalle.",
                "%(count)s muuta sopivaa työnhakijaa ei näy sinulle, koska heillä ei ole voimassa "
                "olevaa suostumusta profiilin lähettämiseen työnantajalle.",
                count,
            )
            % {"count": count},
            _(
                "Pyydä ohjaajia kysymään suostumus: ohjaaja näkee omat asiakkaansa tällä "
                "sivulla, voi ehdottaa heitä lyhytlistalle ja kirjata heidän suostumuksensa. "
                "Sen jälkeen voit lähettää lyhytlistan yritykselle."
            ),
        ]
    if role == Role.COUNSELLOR:
        return [
            _(
                "Alle %(limit)s muuta sopivaa työnhakijaa on muiden ohjaajien asiakkaita, joten "
                "he eivät näy sinulle."
            )
            % {"limit": THRESHOLD}
            if small
            else ngettext(
                "%(count)s muu sopiva työnhakija on toisen ohjaajan asiakas, joten hän ei näy "
                "sinulle.",
                "%(count)s muuta sopivaa työnhakijaa on muiden ohjaajien asiakkaita, joten he "
                "eivät näy sinulle.",
                count,
            )
            % {"count": count},
            _(
                "Heidän ohjaajansa näkevät heidät tällä sivulla ja voivat ehdottaa heitä "
                "lyhytlistalle."
            ),
        ]
    if small:
        return [
            _("Alle %(limit)s muuta sopivaa työnhakijaa ei näy sinulle käyttöoikeuksiesi vuoksi.")
            % {"limit": THRESHOLD}
        ]
    return [
        ngettext(
            "%(count)s muu sopiva työnhakija ei näy sinulle käyttöoikeuksiesi vuoksi.",
            "%(count)s muuta sopivaa työnhakijaa ei näy sinulle käyttöoikeuksiesi vuoksi.",
            count,
        )
        % {"count": count}
    ]
