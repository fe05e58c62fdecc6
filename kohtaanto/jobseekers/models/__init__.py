"""Job seekers (henkilöasiakkaat) and their ESF+ participation, one module per aggregate.

Participation data are recorded as on the day of entry (Regulation (EU) 2021/1057 Annex I);
the special categories of GDPR Art. 9 (disability, minority) live in their own table with
stricter access.
"""

from kohtaanto.jobseekers.models.consent import Consent, ConsentPurpose
from kohtaanto.jobseekers.models.documents import CvDocument
from kohtaanto.jobseekers.models.job_seeker import Gender, JobSeeker
from kohtaanto.jobseekers.models.participation import (
    Answer,
    LabourMarketStatus,
    Participation,
    ParticipationReEntry,
    ParticipationSpecialCategory,
    Reminder,
    operation_model,
)
from kohtaanto.jobseekers.models.plan import PlanAction, PlanGoal, ServiceEvent
from kohtaanto.jobseekers.models.profile import (
    CefrLevel,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillLevel,
    SkillSource,
    TargetOccupation,
)

__all__ = [
    "Answer",
    "CefrLevel",
    "Consent",
    "ConsentPurpose",
    "CvDocument",
    "Gender",
    "JobSeeker",
    "LabourMarketStatus",
    "LanguageSkill",
    "Participation",
    "ParticipationReEntry",
    "ParticipationSpecialCategory",
    "PlanAction",
    "PlanGoal",
    "ProfileSkill",
    "Reminder",
    "RequirementCard",
    "ServiceEvent",
    "SkillLevel",
    "SkillSource",
    "TargetOccupation",
    "operation_model",
]
