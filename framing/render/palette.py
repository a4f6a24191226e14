"""One colour per outlet for the whole report, colour-blind safe.

Colours are assigned once per report from the outlet order (the order of the profiles, which
is the order of the outlet tables), and every chart, the HTML legend chips and the PDF use the
same mapping, so a reader who learns "NV is blue" in the first chart can trust it in the last.
The first eight are Okabe and Ito's palette (2008), distinguishable under the common forms of
colour blindness; yellow comes last because it is faint on white. Beyond eight outlets Paul
Tol's "muted" scheme follows, and beyond seventeen the colours repeat (the charts still name
every outlet in their labels, so colour is never the only key).

Sides of a quotation are not outlets: the source chart colours them from Tol's "light" scheme,
pastel tones that cannot be mistaken for an outlet's colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

OKABE_ITO = ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#000000", "#f0e442")
TOL_MUTED = ("#332288", "#cc6677", "#117733", "#88ccee", "#882255", "#44aa99", "#999933", "#aa4499", "#ddcc77")
OUTLET_COLOURS = OKABE_ITO + TOL_MUTED
SIDE_COLOURS = ("#77aadd", "#ee8866", "#eedd88", "#ffaabb", "#99ddff", "#44bb99", "#bbcc33", "#aaaa00", "#dddddd")
GROUP_COLOUR = "#5f6368"  # a side of a comparison that joins several outlets has no one outlet's colour


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """outlet slug -> hex colour, in the given order (duplicates keep their first colour)."""
    ordered = list(dict.fromkeys(outlets))
    return {o: OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i, o in enumerate(ordered)}


def side_colours(sides: Sequence[str]) -> dict[str, str]:
    return {s: SIDE_COLOURS[i % len(SIDE_COLOURS)] for i, s in enumerate(sides)}


def group_colour(outlets: Sequence[str], colours: dict[str, str]) -> str:
    """The colour of one side of a comparison: its outlet's colour, or neutral grey for a group."""
    return colours.get(outlets[0], GROUP_COLOUR) if len(outlets) == 1 else GROUP_COLOUR


def complete(colours: dict[str, str] | None, outlets: Iterable[str]) -> dict[str, str]:
    """``colours`` with a colour for every outlet in ``outlets``: a chart drawn on its own (no report
    mapping) colours its outlets in their order, and an outlet the mapping lacks gets the next colour."""
    result = dict(colours or {})
    for outlet in outlets:
        if outlet not in result:
            result[outlet] = OUTLET_COLOURS[len(result) % len(OUTLET_COLOURS)]
    return result
