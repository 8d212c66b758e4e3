"""schema.org JobPosting data for a posting, as Google for Jobs reads it, and its safe
serialisation inside a `<script type="application/ld+json">` block."""

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from ..content.model import Organization, Role
from ..documents.site import logo_name
from . import formatting
from .markdown import inline


def plain(text: str) -> str:
    """Inline Markdown as plain text: "**Senior** Engineer" → "Senior Engineer"."""
    reader = _Text()
    reader.feed(str(inline(text)))
    return "".join(reader.parts)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def telecommute(role: Role) -> bool:
    """Whether the job may be done fully remotely ("remote" among its arrangements): Google's
    TELECOMMUTE. A role that is only hybrid is not."""
    return role.is_remote


def without_print_hints(html: str) -> str:
    """The page's HTML without the attributes that only steer the Word export."""
    return re.sub(r'\sdata-docx-[\w-]+="[^"]*"', "", str(html)).strip()


def absolute(base: str, path: str) -> str:
    return urljoin(base if base.endswith("/") else base + "/", path)


def job_posting(
    role_id: str, role: Role, organization: Organization, description: str, base: str
) -> dict[str, Any]:
    """The JobPosting of an open posting; `description` is the posting's body as HTML."""
    posting = role.posting
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": plain(role.title),
        "description": without_print_hints(description),
        "datePosted": posting.date_posted.isoformat() if posting.date_posted else None,
        "validThrough": posting.valid_through.isoformat() if posting.valid_through else None,
        "employmentType": role.employment_types or None,
        "hiringOrganization": _organization(organization, base),
        "url": absolute(base, f"{role_id}/"),
        "identifier": (
            {"@type": "PropertyValue", "name": plain(organization.name), "value": posting.id}
            if posting.id
            else None
        ),
        "directApply": posting.direct_apply,
        "totalJobOpenings": posting.openings if isinstance(posting.openings, int) else None,
    }
    if role.locations:
        data["jobLocation"] = [_place(location) for location in role.locations]
    eligible = role.remote.eligible if role.remote else []
    if telecommute(role):
        data["jobLocationType"] = "TELECOMMUTE"
    if telecommute(role) and eligible:
        data["applicantLocationRequirements"] = [
            {
                "@type": "Country" if "-" not in code else "State",
                "name": formatting.place(code, "en"),
            }
            for code in eligible
        ]
    salaries = [_salary(pay) for pay in role.pay if pay.has_figures]
    if salaries:
        data["baseSalary"] = salaries[0] if len(salaries) == 1 else salaries
    if role.work and role.work.hours:
        data["workHours"] = plain(role.work.hours)
    return {key: value for key, value in data.items() if value is not None}


def _organization(organization: Organization, base: str) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Organization", "name": plain(organization.name)}
    if organization.url:
        found["sameAs"] = organization.url
    logo = logo_name(organization)
    if logo is not None:
        found["logo"] = absolute(base, logo)
    return found


def _place(location) -> dict[str, Any]:
    address = {
        "@type": "PostalAddress",
        "streetAddress": location.street,
        "addressLocality": location.city,
        "addressRegion": location.region.split("-", 1)[1] if location.region else None,
        "postalCode": location.postal_code,
        "addressCountry": location.country_code,
    }
    place = {"@type": "Place", "address": {k: v for k, v in address.items() if v is not None}}
    if location.name:
        place["name"] = plain(location.name)
    return place


def _salary(pay) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if pay.kind == "amount":
        value["value"] = pay.amount if pay.amount is not None else pay.minimum
    if pay.minimum is not None and pay.kind != "amount":
        value["minValue"] = pay.minimum
    if pay.maximum is not None and pay.kind != "amount":
        value["maxValue"] = pay.maximum
    if pay.period:
        value["unitText"] = pay.period
    return {"@type": "MonetaryAmount", "currency": pay.currency, "value": value}


def script_json(data: Any) -> Markup:
    """JSON that cannot end the script element it stands in: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
