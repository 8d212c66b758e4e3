"""Pay as postings state it: a range, a single figure, "up to", "from", or a pay scale,
per location or tier where pay differs."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .codes import Currency
from .text import LIST_LIMIT, Strict, Text

PayPeriod = Literal["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]
AMOUNT_LIMIT = 10**12
"""More than any pay figure (a trillion in any currency), and small enough that every
format prints it exactly: 1e28 or inf passed the model and then failed every build."""
Amount = (  # float first: its error is the one reported ("less than or equal to …")
    Annotated[float, Field(ge=0, le=AMOUNT_LIMIT, allow_inf_nan=False)]
    | Annotated[int, Field(ge=0, le=AMOUNT_LIMIT)]
)


class Pay(Strict):
    """One pay statement: `[[pay]]`. Give `minimum` and/or `maximum`, or `amount`, or a
    `scale`, or a scale beside numbers."""

    currency: Currency | None = None
    """The ISO 4217 currency code, e.g. "EUR", "USD"; required with amounts."""
    minimum: Amount | None = None
    """The lower end of the range; alone it reads "from …"."""
    maximum: Amount | None = None
    """The upper end of the range; alone it reads "up to …"."""
    amount: Amount | None = None
    """A single figure, instead of a range."""
    period: PayPeriod | None = None
    """What the amounts are paid for: HOUR, DAY, WEEK, MONTH or YEAR."""
    applies_to: Annotated[list[Text], Field(max_length=LIST_LIMIT)] = []
    """Where this pay applies: location regions or countries ("US-NY"), remote regions, or
    names of `[[pay_tiers]]`. Empty: everywhere the role is offered."""
    label: Text | None = None
    """Printed with the amount, e.g. "New York and California"."""
    scale: Text | None = None
    """A pay scale or grade, e.g. "TV-L E13", "Band 5", "GS-14"; with or without amounts."""
    note: Text | None = None
    """Printed after the amount, e.g. "Pro rata for part-time"."""

    @model_validator(mode="after")
    def _consistent(self) -> "Pay":
        numbers = [self.minimum, self.maximum, self.amount]
        if self.amount is not None and (self.minimum is not None or self.maximum is not None):
            raise ValueError("give either amount or minimum/maximum, not both")
        if all(n is None for n in numbers) and self.scale is None:
            raise ValueError("give minimum and/or maximum, an amount, or a scale")
        if any(n is not None for n in numbers) and self.currency is None:
            raise ValueError('amounts need a currency, e.g. currency = "EUR"')
        low, high = self.minimum, self.maximum
        if low is not None and high is not None and high < low:
            raise ValueError("maximum must not be less than minimum")
        return self

    @property
    def has_figures(self) -> bool:
        """Whether it states amounts (a pay scale alone names no figure)."""
        return self.kind != "scale"

    @property
    def kind(self) -> str:
        """ "range", "from", "up_to", "amount" or "scale": how the figures read."""
        if self.amount is not None:
            return "amount"
        if self.minimum is not None and self.maximum is not None:
            return "range" if self.maximum != self.minimum else "amount"
        if self.minimum is not None:
            return "from"
        return "up_to" if self.maximum is not None else "scale"


class PayTier(Strict):
    """A named tier that `applies_to` of `[[pay]]` can name, e.g. a cost-of-living zone."""

    name: Text
    """The tier's name, as `applies_to` uses it, e.g. "Zone A"."""
    description: Text | None = None
    """Which places the tier covers, e.g. "San Francisco, New York City, Seattle"."""
