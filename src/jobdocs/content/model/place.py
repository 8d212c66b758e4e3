"""Where the work is: places of work, and the regions remote applicants may work from."""

from typing import Annotated

from pydantic import Field, model_validator

from .codes import Country, Place, Region, country_of
from .text import LIST_LIMIT, Strict, Text


class Location(Strict):
    """A place of work: `[[locations]]`."""

    name: Text | None = None
    """A site, e.g. "St Mary's Hospital" or "North Campus"."""
    street: Text | None = None
    """The street address."""
    postal_code: Text | None = None
    """The postal code."""
    city: Text | None = None
    """The city or town."""
    region: Region | None = None
    """The ISO 3166-2 code of the state or province, e.g. "US-CO"."""
    country: Country | None = None
    """The ISO 3166-1 alpha-2 country code, e.g. "US"; implied by `region` when absent."""

    @model_validator(mode="after")
    def _consistent(self) -> "Location":
        if self.region and self.country and country_of(self.region) != self.country:
            raise ValueError(f"region '{self.region}' is not in country '{self.country}'")
        if not any((self.name, self.street, self.city, self.region, self.country)):
            raise ValueError("give at least a city, region, country or name")
        return self

    @property
    def country_code(self) -> str | None:
        return self.country or (country_of(self.region) if self.region else None)


class Remote(Strict):
    """Who may work remotely, from where: `[remote]`."""

    eligible: Annotated[list[Place], Field(max_length=LIST_LIMIT)] = []
    """Countries or subdivisions applicants may work from, e.g. ["US", "CA-ON"]."""
    anywhere: bool = False
    """Applicants may work from anywhere: printed so in the posting's language (search
    engines get no place: Google asks for countries, and `check` says so)."""
    time_zones: Text | None = None
    """Time zones the work needs, e.g. "UTC−8 to UTC+1"."""
    note: Text | None = None
    """What codes cannot say, e.g. "within 6 hours of CET"."""

    @model_validator(mode="after")
    def _anywhere(self) -> "Remote":
        if self.anywhere and self.eligible:
            raise ValueError("anywhere = true, and eligible names places: keep one of them")
        return self
