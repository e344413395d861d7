package data

// The parties of the fixture's and the dataset's region.csv, as the tests
// name them: the engine itself knows only roles (Region.As).
const (
	StatusRepublic   Status = "republic"
	StatusTaliban    Status = "taliban"
	StatusResistance Status = "resistance"
	PartyTaliban     Party  = "taliban"
	PartyResistance  Party  = "resistance"
)
