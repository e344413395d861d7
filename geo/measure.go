package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

// AreaKm2 returns the area of mp on the sphere in square kilometres (orb's
// spherical-excess formula with the WGS 84 mean radius; within about 0.3 %
// of the ellipsoidal area at these latitudes).
func AreaKm2(mp orb.MultiPolygon) float64 {
	return geo.Area(mp) / 1e6
}
