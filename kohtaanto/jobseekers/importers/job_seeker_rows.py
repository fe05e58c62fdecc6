"""Job seekers with profiles from JSON Lines, read and checked a person at a time.

Concepts are looked up once a file (`ConceptCache`); nothing here writes.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Municipality
from kohtaanto.common.errors import RowError
from kohtaanto.common.imports import MunicipalityIndex, RowReader
from kohtaanto.jobseekers.models import SkillSource
from kohtaanto.taxonomy.lookup import concepts_by_uri
from kohtaanto.taxonomy.models import Concept, ConceptType

JOB_SEEKER_KEYS = {
    "external_id",
    "first_name",
    "last_name",
    "municipality",
    "skills",
    "requirements",
    "target_occupations",
}
SKILL_KEYS = {"uri", "level", "source"}
DEFAULT_IMPORTED_SKILL_SOURCE = SkillSource.SELF_ASSESSED
# People are read, checked and written this many at a time: memory stays flat in the file size
# and each chunk costs a constant number of queries (look-ups and bulk inserts).
CHUNK = 500


@dataclass
class JobSeekerRecord:
    line: int
    external_id: str
    first_name: str
    last_name: str
    municipality: Municipality | None
    skills: list[tuple[Concept, int, str]] = field(default_factory=list)
    requirements: list[Concept] = field(default_factory=list)
    targets: list[Concept] = field(default_factory=list)


def concept_uris(obj: dict[str, Any]) -> Iterator[str]:
    skills = obj.get("skills")
    if isinstance(skills, list):
        for item in skills:
            if isinstance(item, dict) and isinstance(item.get("uri"), str):
                yield item["uri"]
    for key in ("requirements", "target_occupations"):
        items = obj.get(key)
        if isinstance(items, list):
            yield from (item for item in items if isinstance(item, str))


class ConceptCache:
    """Concepts by URI, fetched once a file (a chunk's new URIs in one query)."""

    def __init__(self) -> None:
        self.known: dict[str, Concept | None] = {}

    def load(self, uris: Iterable[str]) -> dict[str, Concept | None]:
        missing = {uri for uri in uris if uri not in self.known}
        if missing:
            found = concepts_by_uri(missing)
            for uri in missing:
                self.known[uri] = found.get(uri)
        return self.known


# Plain values compared a skill at a time (an enum's `.values` builds a new list per call).
_SKILL_TYPES = frozenset({ConceptType.SKILL.value, ConceptType.KNOWLEDGE.value})
_REQUIREMENT_TYPES = frozenset({ConceptType.REQUIREMENT.value})
_OCCUPATION_TYPES = frozenset({ConceptType.OCCUPATION.value})
_SKILL_SOURCES = frozenset(SkillSource.values)
_DEFAULT_SOURCE = str(DEFAULT_IMPORTED_SKILL_SOURCE.value)


def parse_job_seeker(
    number: int,
    obj: dict[str, Any],
    concepts: dict[str, Concept | None],
    municipalities: MunicipalityIndex,
    filename: str,
) -> tuple[JobSeekerRecord | None, list[RowError]]:
    r = RowReader(obj, number, filename)
    if not obj.keys() <= JOB_SEEKER_KEYS:
        r.unknown(JOB_SEEKER_KEYS)
    missing = _("Pakollinen tieto puuttuu tai ei ole tekstiä.")
    external_id = r.text("external_id", required=True, message=missing)
    first_name = r.text("first_name", required=True, message=missing)
    last_name = r.text("last_name", required=True, message=missing)
    municipality = None
    raw_municipality = obj.get("municipality")
    if raw_municipality not in (None, ""):
        if not isinstance(raw_municipality, str):
            r.error("municipality", _("Kunnan on oltava tekstiä (koodi tai nimi)."))
        else:
            municipality = municipalities.find(raw_municipality)
            if municipality is None:
                r.error(
                    "municipality", _("Tuntematon kunta: %(value)s") % {"value": raw_municipality}
                )

    def concept(path: str, uri: Any, types: frozenset[str]) -> Concept | None:
        if not isinstance(uri, str) or not uri:
            r.error(path, _("URI puuttuu tai ei ole tekstiä."))
            return None
        found = concepts.get(uri)
        if found is None:
            r.error(path, _("Tuntematon käsite: %(uri)s") % {"uri": uri})
            return None
        if found.type not in types:
            r.error(
                path, _("Käsite %(uri)s on tyyppiä %(type)s.") % {"uri": uri, "type": found.type}
            )
            return None
        return found

    record = JobSeekerRecord(
        line=number,
        external_id=external_id,
        first_name=first_name,
        last_name=last_name,
        municipality=municipality,
    )
    seen: set[str] = set()
    for index, item in enumerate(r.items("skills")):
        # A well-formed skill is taken at once; anything else goes through every check below,
        # which name each problem.
        if type(item) is dict and item.keys() <= SKILL_KEYS:
            uri, level = item.get("uri"), item.get("level")
            source = item.get("source", _DEFAULT_SOURCE)
            found = concepts.get(uri) if type(uri) is str else None
            if (
                found is not None
                and found.type in _SKILL_TYPES
                and type(level) is int
                and 1 <= level <= 4
                and type(source) is str
                and source in _SKILL_SOURCES
                and uri not in seen
            ):
                seen.add(found.uri)
                record.skills.append((found, level, source))
                continue
        path = f"skills[{index}]"
        if not isinstance(item, dict):
            r.error(path, _("Taidon on oltava olio, jossa uri ja level."))
            continue
        for key in sorted(set(item) - SKILL_KEYS):
            r.error(f"{path}.{key}", _("Tuntematon kenttä."))
        skill = concept(f"{path}.uri", item.get("uri"), _SKILL_TYPES)
        level = item.get("level")
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
            r.error(f"{path}.level", _("Tason on oltava kokonaisluku 1–4."))
            level = None
        source = item.get("source", DEFAULT_IMPORTED_SKILL_SOURCE)
        if not isinstance(source, str) or source not in _SKILL_SOURCES:
            r.error(f"{path}.source", _("Tuntematon lähde: %(value)s") % {"value": source})
        if skill is not None and skill.uri in seen:
            r.error(f"{path}.uri", _("Sama taito on listassa kahdesti."))
        elif skill is not None and level is not None:
            seen.add(skill.uri)
            record.skills.append((skill, level, source))
    for key, types, target in (
        ("requirements", _REQUIREMENT_TYPES, record.requirements),
        ("target_occupations", _OCCUPATION_TYPES, record.targets),
    ):
        for index, uri in enumerate(r.items(key)):
            found = concept(f"{key}[{index}]", uri, types)
            if found is not None and found not in target:
                target.append(found)
    return (None if r.errors else record), r.errors
