package ogc

import (
	"encoding/json"

	"github.com/controlmap/controlmap/wire"
)

// Queryable is a property a CQL2 filter may name: its JSON Schema type and
// format ("date" for days, compared as dates).
type Queryable struct {
	Name, Type, Format, Description string
}

// queryablesOf lists the flat form's scalar fields of s: every property a
// feature carries is queryable.
func queryablesOf[T any](s *wire.Schema[T]) []Queryable {
	var out []Queryable
	for _, f := range s.Flat() {
		out = append(out, Queryable{Name: f.Name, Type: f.Type, Format: f.Format, Description: f.Description})
	}
	return out
}

// queryable returns the named queryable.
func (c *Collection) queryable(name string) (Queryable, bool) {
	for _, q := range c.queryables {
		if q.Name == name {
			return q, true
		}
	}
	return Queryable{}, false
}

// Queryables is /collections/{id}/queryables (OGC API – Features Part 3):
// a JSON Schema of the properties a filter may name.
func (c *Collection) Queryables(base string) ([]byte, error) {
	props := map[string]any{}
	for _, q := range c.queryables {
		p := map[string]any{"title": q.Name, "description": q.Description, "type": q.Type}
		if q.Format != "" {
			p["format"] = q.Format
		}
		props[q.Name] = p
	}
	return json.Marshal(map[string]any{"$schema": "https://json-schema.org/draft/2019-09/schema",
		"$id": base + "/ogc/collections/" + c.ID + "/queryables", "type": "object", "title": c.Title,
		"properties": props, "additionalProperties": false})
}
