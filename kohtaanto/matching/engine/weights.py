"""The scoring model's weights: one frozen record, defaults documented in README ("Matching").

Every number here is a modelling choice, not a rule from law; the reasoning is in the README
and the figures that chose them are printed by `bench/matching_national.py`. Settings may
override any field through `MATCHING_WEIGHTS` (a dict, filled from `KOHTAANTO_MATCHING_*`
environment variables).
"""

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Weights:
    # How much a vacancy's skill counts: essential over optional (Tabiya and ESCO both split
    # the two; an optional skill is "nice to have", so it weighs half).
    essential: float = 1.0
    optional: float = 0.5
    # A requested level above "basic" raises the skill's weight by this much per step, and a
    # person below the requested level gets this share of the credit per missing step.
    level_weight_step: float = 0.15
    level_shortfall_credit: float = 0.75
    # Rare skills tell more than transversal ones: the weight is multiplied by idf ** idf_power,
    # idf = log(1 + vacancies / vacancies asking for the skill).
    idf_power: float = 1.0
    # Partial credit through the taxonomy (the person has s, the vacancy asks t):
    credit_broader: float = 0.5  # s is narrower than t: the specific skill implies the general
    credit_narrower: float = 0.3  # s is broader than t: likely, not certain
    credit_related: float = 0.3  # ESCO skill-skill relation in either direction
    # s and t share a small broader family: off by default. On the national benchmark it
    # changed no quality figure beyond the sampling noise (bench/README.md) and it is most of
    # a person's expanded non-zeros, so most of the cost of every ranking.
    credit_sibling: float = 0.0
    # Components of the score (weights of a weighted mean, so the score stays in 0..1).
    w_skills: float = 0.2  # essential/optional coverage of the vacancy's skills
    # cosine of the two skill profiles (penalises far-off people); 0.5 rather than 0.1 lifted
    # MRR and hit@20 on the tuning seed (bench/README.md, "Tuning")
    w_profile: float = 0.5
    w_occupation: float = 0.8  # fit to the vacancy's occupation as its vacancies describe it
    # The occupation component loses this much per nat by which the person's skills are less
    # typical of the vacancy's occupation label than of the label they are most typical of
    # (engine/typicality.py: a Bernoulli model of each label's skills learned from its
    # vacancies, mixed with the share of all vacancies asking for the skill by
    # typicality_background). 0.003 and 0.1: chosen on the tuning seeds 1, 2, 6 and 7 by the
    # seventh round's criterion (bench/README.md, "Seventh round"); 0 turns it off.
    typicality: float = 0.003
    typicality_background: float = 0.1
    w_target: float = 0.1  # the vacancy's occupation is among the person's targets
    w_location: float = 0.1  # municipality, commuting distance, remote work
    w_language: float = 0.05  # the person can work in the area's working language
    # Location: full credit up to commute_full_km, none beyond commute_max_km (twice that
    # when the vacancy says commuting is possible, e.g. housing or travel support).
    commute_full_km: float = 20.0
    commute_max_km: float = 60.0
    commute_possible_factor: float = 2.0
    # The first page of a person's vacancies (engine/diversity.py): an occupation label whose
    # best vacancy scores within page_margin (share of the top score) of the best of all and
    # has no place on the page gets one, from the end of the page; at most page_labels labels,
    # in the order of how typical the person's skills are of them (page_by_typicality 1;
    # 0: by their best vacancy's score). 0.25, 8 and 1: the highest worst-seed share of
    # people with an own-occupation vacancy on the first page over the tuning seeds 1–12
    # among the settings that keep every seed's strict recall@20 at or above the sixth
    # round's (bench/README.md, "Eighth round").
    page_size: float = 20
    page_margin: float = 0.25
    page_labels: float = 8
    page_by_typicality: float = 1.0

    def with_overrides(self, overrides: dict[str, Any]) -> "Weights":
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ValueError(f"unknown matching weights: {', '.join(sorted(unknown))}")
        return replace(self, **{k: float(v) for k, v in overrides.items()})


def weights_from_settings() -> Weights:
    from django.conf import settings

    return Weights().with_overrides(getattr(settings, "MATCHING_WEIGHTS", {}))
