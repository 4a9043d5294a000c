"""Great-circle distances on the earth (haversine on a sphere of the mean earth radius).

Good to well under a metre at the sizes that matter here (a geofence of tens to thousands of
metres); the ellipsoid's error (up to ~0.5 %) is far below a phone's position accuracy.
"""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean radius


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance in metres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def offset_north_m(lat: float, lon: float, metres: float) -> tuple[float, float]:
    """The point ``metres`` due north of (``lat``, ``lon``) (south when negative): exact on the
    sphere, so tests can put a point exactly on a geofence's edge."""
    return lat + math.degrees(metres / EARTH_RADIUS_M), lon
