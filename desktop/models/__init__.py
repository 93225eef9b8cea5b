"""The domain: SQLAlchemy 2 tables and plain logic. Never imports Qt."""

from desktop.models.authority import Authority
from desktop.models.base import Base
from desktop.models.directory import Organisation, Person
from desktop.models.enums import (
    AppendixKind,
    ApprovalKind,
    DocumentKind,
    ItemStatus,
    Level,
    OrderStatus,
    RoadmapStatus,
    SchoolScope,
)
from desktop.models.orders import (
    Order,
    OrderAppendix,
    OrderApproval,
    OrderPoint,
    ScheduleEntry,
    WorkingGroupMember,
)
from desktop.models.roadmap import (
    ChecklistRow,
    Item,
    ItemExecutor,
    MonitoringPoint,
    Roadmap,
    Section,
)
from desktop.models.schools import RiskFactor, School, SchoolDocument, SchoolProjectYear

__all__ = [
    "AppendixKind",
    "ApprovalKind",
    "Authority",
    "Base",
    "ChecklistRow",
    "DocumentKind",
    "Item",
    "ItemExecutor",
    "ItemStatus",
    "Level",
    "MonitoringPoint",
    "Order",
    "OrderAppendix",
    "OrderApproval",
    "OrderPoint",
    "OrderStatus",
    "Organisation",
    "Person",
    "RiskFactor",
    "Roadmap",
    "RoadmapStatus",
    "ScheduleEntry",
    "School",
    "SchoolDocument",
    "SchoolProjectYear",
    "SchoolScope",
    "Section",
    "WorkingGroupMember",
]
