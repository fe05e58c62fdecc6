"""ESF+ common indicators: Regulation (EU) 2021/1057 Annex I, as pure rules.

Input: one `ParticipantFacts` per participant (one Participation per person and operation:
a person who re-enters keeps the first entry's data) and one `EntityFacts` per supported
organisation. No database here; `selectors.indicator_table` feeds these functions.

Definitions (Annex I and DESIGN.md):
- Participant data are as on the day of entry; age is in completed years at entry, by the
  project's one age rule `common.dates.age_on` (Laki iän laskemisesta 649/1930: the birthday
  itself counts; someone born on 29 February reaches a new age on 1 March in common years).
- EECO01 every participant; EECO02 unemployed incl. long-term unemployed; EECO03 long-term
  unemployed: continuously unemployed at entry for at least the configured months (default
  under 25 at entry: 6, 25 and over: 12), counted in calendar months from `unemployed_since`
  (31 Aug + 6 months = the last day of February); EECO04 inactive; EECO05 employed incl.
  self-employed.
- EECO06 below 18, EECO07 18–29, EECO08 55 and above.
- EECO09 ISCED 0–2, EECO10 ISCED 3–4, EECO11 ISCED 5–8; an unknown level is counted in none.
- EECO12–EECO17: only an explicit "yes" counts; "no", a refusal and no answer are not
  counted, and a refusal never prevents entry (GDPR Art. 9 for EECO12 and EECO15).
- EECO18 supported public administrations, EECO19 supported micro, small and medium-sized
  enterprises (EU SME size classes); each organisation is counted once.
- Counting by period (Annex I; European Commission, "ESF+ Common Indicators Toolbox",
  October 2021, which keeps the conventions of the 2014–2020 ESF monitoring and evaluation
  guidance, August 2018): each figure belongs to the period in which it happens, whenever
  the person entered.
  * outputs (EECO01–EECO17) count participants whose entry date is in the period;
  * immediate results (EECR01–EECR04, "upon leaving": the situation reached within four
    weeks of leaving) count participants whose exit date is in the period and whose result
    was reached (`exit_results_on`) no later than day 28 after the exit day;
  * longer-term results (EECR05–EECR06, "six months after leaving") count participants
    whose exit date + 6 calendar months is in the period (31 August + 6 months = the last
    day of February, the month-end rule of `common.dates.add_months`).
  A result may therefore fall in a later period than its entry. Tables of consecutive
  periods add up to the table of their union.
- A result count never exceeds its linked output count cumulatively (every result is a
  subset of EECO01's participants from the operation's start); it may in one period.
  `compute_table` checks it for every gender column of a cumulative table
  (`ResultExceedsOutputError` otherwise).

Gender columns: women, men, non-binary, and a total (Annex I: "personal data are to be broken
down by gender (women, men, non-binary persons)"). A participant without a recorded gender
is counted in the total only (and listed by the data-quality report).

The package: `definitions` (the indicators of Annex I), `rules` (who counts in which
indicator), `table` (counting a table and checking it); every name is importable from here.
"""

from kohtaanto.programme.indicators.definitions import (
    ANSWER_FIELDS,
    BY_CODE,
    IMMEDIATE_RESULT_FIELDS,
    INDICATORS,
    LONGER_TERM_MONTHS,
    LONGER_TERM_RESULT_FIELDS,
    RESULT_FIELDS,
    Indicator,
)
from kohtaanto.programme.indicators.rules import (
    EMPLOYED,
    GENDERS,
    INACTIVE,
    SME_SIZE_CLASSES,
    UNEMPLOYED,
    YES,
    EntityFacts,
    LongTermUnemploymentRule,
    ParticipantFacts,
    age_group,
    entity_codes,
    immediate_result_codes,
    immediate_result_deadline,
    is_long_term_unemployed,
    longer_term_result_codes,
    longer_term_result_date,
    output_codes,
    within_period,
)
from kohtaanto.programme.indicators.table import (
    CountedRow,
    IndicatorRow,
    ResultExceedsOutputError,
    check_results_within_outputs,
    compute_table,
)

__all__ = [
    "ANSWER_FIELDS",
    "BY_CODE",
    "EMPLOYED",
    "GENDERS",
    "IMMEDIATE_RESULT_FIELDS",
    "INACTIVE",
    "INDICATORS",
    "LONGER_TERM_MONTHS",
    "LONGER_TERM_RESULT_FIELDS",
    "RESULT_FIELDS",
    "SME_SIZE_CLASSES",
    "UNEMPLOYED",
    "YES",
    "CountedRow",
    "EntityFacts",
    "Indicator",
    "IndicatorRow",
    "LongTermUnemploymentRule",
    "ParticipantFacts",
    "ResultExceedsOutputError",
    "age_group",
    "check_results_within_outputs",
    "compute_table",
    "entity_codes",
    "immediate_result_codes",
    "immediate_result_deadline",
    "is_long_term_unemployed",
    "longer_term_result_codes",
    "longer_term_result_date",
    "output_codes",
    "within_period",
]
