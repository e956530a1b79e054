"""The readership chart, drawn on the server: an SVG of bars, one per day, with a scale.
The template draws it from these numbers; no script, no chart library."""

import math
from dataclasses import dataclass

from django.utils import formats

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 12, 28


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # "12 Nov: 340"


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class DayLabel:
    x: float
    label: str


def nice_ceiling(value):
    """The scale's top: 1, 2 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def bar_chart(series):
    """Bars, scale ticks and a few day labels for [(day, views)]."""
    top = nice_ceiling(max((views for _, views in series), default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / max(len(series), 1)
    bars = []
    for index, (day, views) in enumerate(series):
        height = plot_height * views / top
        bars.append(
            Bar(
                x=round(LEFT + index * step + step * 0.1, 1),
                y=round(TOP + plot_height - height, 1),
                width=round(step * 0.8, 1),
                height=round(height, 1),
                label=f"{formats.date_format(day, 'j M')}: {formats.number_format(views, force_grouping=True)}",
            )
        )
    ticks = [
        Tick(round(TOP + plot_height * (1 - share), 1), formats.number_format(round(top * share), force_grouping=True))
        for share in (0, 0.5, 1)
    ]
    every = max(1, math.ceil(len(series) / 7))
    days = [
        DayLabel(round(LEFT + index * step + step / 2, 1), formats.date_format(day, "j M"))
        for index, (day, _) in enumerate(series)
        if index % every == 0
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "ticks": ticks,
        "days": days,
        "axis_x": LEFT,
        "axis_y": TOP + plot_height,
        "axis_end": WIDTH - RIGHT,
    }
