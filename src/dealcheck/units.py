"""Physical quantities: a figure in metres, feet, °F or days becomes its dimension and its size in SI base
units, so that "1 km" and "1,000 m" are one figure and "212 °F" is "100 °C".

pint does the converting. Building its registry takes a good part of a second, so it is imported and built
only when a sentence or a claim gives a figure with a unit word (most never do).
"""

from __future__ import annotations

from functools import cache
from typing import Any

# pint's dimensionality → the dimension's name, which is also the figure's unit (its term is `q<name>`).
_DIMENSIONS = {
    "[length]": "length", "[mass]": "mass", "[temperature]": "temperature", "[time]": "duration",
    "[length] ** 2": "area", "[length] ** 3": "volume",
}
DIMENSIONS = frozenset(_DIMENSIONS.values())

# How a dimension is written back to a reader: converted to the first unit it is at least 1 of.
_SHOWN = {
    "length": (("kilometer", "km"), ("meter", "m"), ("centimeter", "cm")),
    "mass": (("tonne", "t"), ("kilogram", "kg"), ("gram", "g")),
    "temperature": (("degC", "°C"),),
    "duration": (("year", "years"), ("day", "days"), ("hour", "hours"), ("second", "s")),
    "area": (("kilometer ** 2", "km²"), ("meter ** 2", "m²")),
    "volume": (("liter", "L"),),
}


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def in_base_units(value: float, unit: str) -> tuple[str, float]:
    """(dimension, size in SI base units) of `value` `unit`s (pint's unit name, from a language's `units`)."""
    registry = _registry()
    quantity = registry.Quantity(value, unit).to_base_units()
    # Rounded, so that a figure's token does not depend on float noise (212 °F is 373.15 K, not 373.15000000000003).
    return _DIMENSIONS[str(quantity.dimensionality)], float(f"{quantity.magnitude:.9g}")


def shown(value: float, dimension: str) -> tuple[float, str]:
    """A size in SI base units as a reader writes it: (number, unit symbol), e.g. (330, "m"), (100, "°C")."""
    registry = _registry()
    base = registry.Quantity(value, registry.Quantity(1, _SHOWN[dimension][0][0]).to_base_units().units)
    *larger, (smallest, symbol) = _SHOWN[dimension]
    for unit, unit_symbol in larger:
        number = float(base.to(unit).magnitude)
        if abs(number) >= 1:
            return round(number, 6), unit_symbol
    return round(float(base.to(smallest).magnitude), 6), symbol
