package geo_test

import (
	"fmt"

	"github.com/paulmach/orb"

	"github.com/controlmap/controlmap/geo"
)

// Two districts sharing a border with a small kink: the kink is removed once,
// for both, so they stay seamless.
func ExampleSimplifyShared() {
	west := orb.MultiPolygon{{{{69, 35}, {69.1, 35}, {69.1001, 35.05}, {69.1, 35.1}, {69, 35.1}, {69, 35}}}}
	east := orb.MultiPolygon{{{{69.1, 35}, {69.2, 35}, {69.2, 35.1}, {69.1, 35.1}, {69.1001, 35.05}, {69.1, 35}}}}
	s := geo.SimplifyShared([]orb.MultiPolygon{west, east}, 100)
	fmt.Println(len(s[0][0][0]), len(s[1][0][0]), len(geo.Crossings(s)))
	// Output: 5 5 0
}

func ExampleLabelPoint() {
	square := orb.MultiPolygon{{{{69, 35}, {69.2, 35}, {69.2, 35.2}, {69, 35.2}, {69, 35}}}}
	p := geo.LabelPoint(square, 50)
	fmt.Printf("%.2f %.2f\n", p[0], p[1])
	// Output: 69.10 35.10
}

func ExampleAreaKm2() {
	cell := orb.MultiPolygon{{{{69, 35}, {69.1, 35}, {69.1, 35.1}, {69, 35.1}, {69, 35}}}}
	fmt.Printf("%.0f km²\n", geo.AreaKm2(cell))
	// Output: 101 km²
}
