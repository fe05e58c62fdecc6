"""What a ranking returns: the score, its parts and the explanation a counsellor reads."""

from dataclasses import dataclass, field
from typing import Any

# RequirementCheck.status values
REQ_OK = "ok"
REQ_MISSING = "missing"
REQ_EXPIRED = "expired"
REQ_EXPIRES_BEFORE_START = "expires_before_start"


@dataclass(frozen=True)
class SkillMatch:
    """One skill the vacancy asks for, and how the person covers it.

    `via`: None for an exact match, else the taxonomy route ("narrower", "broader",
    "related", "sibling") through which the person's skill `via_label` counts for `credit`.
    """

    concept_id: int
    uri: str
    label: str
    essential: bool
    via: str | None
    credit: float
    via_label: str = ""


@dataclass(frozen=True)
class RequirementCheck:
    label: str
    status: str
    concept_id: int = 0
    expires_on: Any = None


@dataclass(frozen=True)
class MatchResult:
    job_seeker_id: int
    vacancy_id: int
    score: float
    components: dict[str, float]
    matched: list[SkillMatch] = field(default_factory=list)
    partial: list[SkillMatch] = field(default_factory=list)
    missing: list[SkillMatch] = field(default_factory=list)
    requirements: list[RequirementCheck] = field(default_factory=list)
    excluded: bool = False

    @property
    def warnings(self) -> list[RequirementCheck]:
        return [r for r in self.requirements if r.status != REQ_OK]


@dataclass(frozen=True)
class RequirementBlock:
    """Open vacancies that fit the person's skills but are closed to them by one hard
    requirement they lack (`status`: missing or expired), best skill fit first."""

    concept_id: int
    label: str
    status: str
    vacancy_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class VacancyCandidates:
    """The people listed for a vacancy, and how many more fit it whom the viewer may not see."""

    results: list[MatchResult]
    not_shown: int


# MobilityResult.viability values
HIGHLY_VIABLE = "highly viable"
VIABLE = "viable"
NOT_VIABLE = "not viable"
NOT_ASSESSED = "not assessed"  # too few confirmed skills to call a move hard (mobility.py)


@dataclass(frozen=True)
class MobilityResult:
    """One occupation for a person: `shared` of its `essential` skills are in the profile."""

    occupation: Any  # taxonomy.Concept
    similarity: float
    viability: str
    missing_essential: list[SkillMatch] = field(default_factory=list)
    shared: int = 0
    essential: int = 0
    is_target: bool = False


@dataclass(frozen=True)
class CareerMoves:
    """A person's career moves, and whether the profile is too thin for the verdicts."""

    moves: list[MobilityResult]
    profile_skills: int
    thin_profile: bool
    targets_without_profile: list[Any] = field(default_factory=list)  # taxonomy.Concept
