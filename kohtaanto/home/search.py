"""The header search: one term across people, companies, vacancies and concepts, each kind
through its app's own permission-filtered selector, so a role finds only what it may see."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language

from kohtaanto.accounts.models import User
from kohtaanto.employers import selectors as employers
from kohtaanto.jobseekers import selectors as jobseekers
from kohtaanto.taxonomy import selectors as taxonomy

MAX_TERM_LENGTH = 100
MIN_TERM_LENGTH = 2
PER_KIND = 10


@dataclass
class Group:
    key: str
    items: list[Any]
    total: int


@dataclass
class SearchResults:
    term: str
    groups: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(g.total for g in self.groups)


def header_search(*, actor: User, term: str) -> SearchResults:
    """Up to PER_KIND hits of each kind the actor may list; a kind the actor may not list is
    left out entirely (not shown as empty). The caller checks the term's length."""
    term = term.strip()
    results = SearchResults(term=term)
    permissions = actor.permissions
    if permissions.can_view_job_seeker_list():
        people = jobseekers.job_seeker_list(actor=actor, q=term)
        results.groups.append(Group("people", list(people[:PER_KIND]), people.count()))
    if permissions.can_view_company_list():
        # The company list page's prefetch (programme roles) is not shown here.
        companies = employers.company_list(actor=actor, q=term).prefetch_related(None)
        results.groups.append(Group("companies", list(companies[:PER_KIND]), companies.count()))
    if permissions.can_view_vacancy_list():
        vacancies = employers.vacancy_list(actor=actor, q=term)
        results.groups.append(Group("vacancies", list(vacancies[:PER_KIND]), vacancies.count()))
    if permissions.can_view_taxonomy():
        lang = (get_language() or "fi")[:2]
        hits = taxonomy.concept_search(actor=actor, q=term, lang=lang, limit=PER_KIND)
        results.groups.append(Group("concepts", [_Concept(h, lang) for h in hits], len(hits)))
    return results


@dataclass
class _Concept:
    hit: Any
    lang: str

    @property
    def label(self) -> str:
        labels = self.hit.preferred
        return labels.get(self.lang) or labels.get("fi") or labels.get("en") or self.hit.matched

    @property
    def pk(self) -> int:
        return int(self.hit.concept_id)
