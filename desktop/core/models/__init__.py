"""All tables, imported together so that Base.metadata is complete."""

from desktop.core.models.allowances import AllowanceDecision, DuplicateNotice
from desktop.core.models.base import Base, Synced
from desktop.core.models.case_records import Consent, FormAnswer
from desktop.core.models.cases import Beneficiary, Case, ServiceRecord
from desktop.core.models.facilities import BaselineFigure, Facility, Referral
from desktop.core.models.profile import AppUser, AuditEntry, Device, ReceivedAudit
from desktop.core.models.rates import ReferenceRate, ReferenceTarget
from desktop.core.models.reference import AdminUnit, CodeItem, ReferenceVersion, ValueMapping
from desktop.core.models.roster import Worker, WorkerAllowance
from desktop.core.models.sync import BundleRecord, ChangeEntry, Conflict, HubDevice, ReceivedChange, SyncState
from desktop.core.models.training import TrainingAttendance, TrainingCourse
from desktop.core.models.workflow import CaseNote, CaseStep, PublicHoliday

SYNCED_MODELS: tuple[type[Synced], ...] = (
    Worker, WorkerAllowance, TrainingCourse, TrainingAttendance, Beneficiary, Case, ServiceRecord, CaseStep,
    FormAnswer, Consent, Facility, Referral, BaselineFigure, AllowanceDecision, DuplicateNotice, CaseNote,
)
MODEL_BY_ENTITY: dict[str, type[Synced]] = {m.__entity__: m for m in SYNCED_MODELS}

__all__ = [
    "MODEL_BY_ENTITY",
    "SYNCED_MODELS",
    "AdminUnit",
    "AllowanceDecision",
    "AppUser",
    "AuditEntry",
    "Base",
    "BaselineFigure",
    "Beneficiary",
    "BundleRecord",
    "Case",
    "CaseNote",
    "CaseStep",
    "ChangeEntry",
    "CodeItem",
    "Conflict",
    "Consent",
    "Device",
    "DuplicateNotice",
    "Facility",
    "FormAnswer",
    "HubDevice",
    "PublicHoliday",
    "ReceivedAudit",
    "ReceivedChange",
    "ReferenceRate",
    "ReferenceTarget",
    "ReferenceVersion",
    "Referral",
    "ServiceRecord",
    "SyncState",
    "Synced",
    "TrainingAttendance",
    "TrainingCourse",
    "ValueMapping",
    "Worker",
    "WorkerAllowance",
]
