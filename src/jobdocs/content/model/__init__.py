"""The content model: what a project's TOML files may hold. Pure data, no I/O.

Every text field accepts inline Markdown (bold, italic, links); fields typed `Markdown`
accept block Markdown as well. Raw HTML is never interpreted.
"""

from .codes import Country, Currency, Place, Region, country_of
from .organization import Comparison, ComparisonRow, Department, Growth, Organization
from .pay import Pay, PayPeriod, PayTier
from .place import Location, Remote
from .posting import KeyDate, Posting
from .role import (
    EmploymentType,
    QualificationGroup,
    Qualifications,
    Role,
    Section,
    Work,
)
from .settings import Format, PdfVariant, Settings
from .text import (
    BLOCK,
    COLUMN_LIMIT,
    ID_LIMIT,
    ID_PATTERN,
    LIST_LIMIT,
    MARKDOWN_LIMIT,
    TEXT_LIMIT,
    Items,
    Markdown,
    Strict,
    Text,
    primary_language,
    slug,
)

__all__ = [
    "BLOCK",
    "COLUMN_LIMIT",
    "ID_LIMIT",
    "ID_PATTERN",
    "LIST_LIMIT",
    "MARKDOWN_LIMIT",
    "TEXT_LIMIT",
    "Comparison",
    "ComparisonRow",
    "Country",
    "Currency",
    "Department",
    "EmploymentType",
    "Format",
    "Growth",
    "Items",
    "KeyDate",
    "Location",
    "Markdown",
    "Organization",
    "Pay",
    "PayPeriod",
    "PayTier",
    "PdfVariant",
    "Place",
    "Posting",
    "QualificationGroup",
    "Qualifications",
    "Region",
    "Remote",
    "Role",
    "Section",
    "Settings",
    "Strict",
    "Text",
    "Work",
    "country_of",
    "primary_language",
    "slug",
]
