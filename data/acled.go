package data

import (
	"fmt"
	"slices"
)

// acledTypes lists ACLED's event types and their sub-event types (ACLED
// Codebook, 2023 edition). Events must use them as written.
var acledTypes = map[string][]string{
	"Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	"Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
		"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
	"Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
	"Protests":                   {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	"Riots":                      {"Violent demonstration", "Mob violence"},
	"Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
		"Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"},
}

// checkEventType reports an event type or sub-type outside ACLED's list.
func checkEventType(typ, sub string) error {
	subs, ok := acledTypes[typ]
	if !ok {
		return fmt.Errorf("%w: event_type %q is not one of ACLED's event types", ErrVocabulary, typ)
	}
	if !slices.Contains(subs, sub) {
		return fmt.Errorf("%w: sub_event_type %q is not an ACLED sub-type of %q (want one of %q)", ErrVocabulary, sub, typ, subs)
	}
	return nil
}
