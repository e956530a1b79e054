"""The home page's map of the countries: a stylised tile map, drawn by the stylesheet.

Each country is a tile on a grid of half-tile columns, placed roughly where it lies: Bosnia and
Herzegovina and Serbia in the north, Montenegro and Kosovo in the middle, Albania and North
Macedonia in the south. A country editors add later joins a row of its own under the map.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tile:
    code: str  # a short mark drawn on the tile (ISO 3166 style; XK for Kosovo)
    column: int  # the first of its half-tile columns, from 1
    span: int  # how many half-tile columns it covers
    row: int


TILES = {
    "bosnia-and-herzegovina": Tile("BA", 1, 2, 1),
    "serbia": Tile("RS", 3, 3, 1),
    "montenegro": Tile("ME", 2, 2, 2),
    "kosovo": Tile("XK", 4, 2, 2),
    "albania": Tile("AL", 2, 2, 3),
    "north-macedonia": Tile("MK", 4, 2, 3),
}
MAP_COLUMNS = 5  # half-tile columns, as the stylesheet's grid has them


def map_tiles(countries):
    """(country, tile) for each country, in reading order (row, then column) so that keyboard
    and screen-reader order follows the map; countries without a place come last."""
    placed = []
    unplaced = []
    for country in countries:
        tile = TILES.get(country.slug)
        if tile is None:
            unplaced.append(country)
        else:
            placed.append((country, tile))
    placed.sort(key=lambda pair: (pair[1].row, pair[1].column))
    next_row = max((tile.row for _, tile in placed), default=0) + 1
    for index, country in enumerate(unplaced):
        row, slot = divmod(index, MAP_COLUMNS // 2)  # two tiles a row
        placed.append((country, Tile(country.name[:2].upper(), 1 + slot * 2, 2, next_row + row)))
    return placed
