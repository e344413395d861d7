package ogc

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/controlmap/controlmap/wire"
)

// Queryable is a property a CQL2 filter may name: its JSON Schema type and
// format ("date" for days, compared as dates).
type Queryable struct {
	Name, Type, Format, Description string
	Nullable                        bool
}

// queryablesOf lists the flat form's scalar fields of s: every property a
// feature carries is queryable.
func queryablesOf[T any](s *wire.Schema[T]) []Queryable {
	var out []Queryable
	for _, f := range s.Flat() {
		out = append(out, Queryable{Name: f.Name, Type: f.Type, Format: f.Format, Description: f.Description, Nullable: f.Nullable})
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
		props[q.Name] = wire.PropertySchema(q.Name, q.Type, q.Format, q.Description, false, false)
	}
	return json.Marshal(map[string]any{"$schema": "https://json-schema.org/draft/2019-09/schema",
		"$id": base + "/ogc/collections/" + c.ID + "/queryables", "type": "object", "title": c.Title,
		"properties": props, "additionalProperties": false})
}

// PropertyNames lists the properties of every collection, sorted: each is
// also an items parameter that keeps the features whose property equals
// its value (OGC API – Features Part 1, /rec/core/fc-filters), which GDAL
// reads from the OpenAPI definition to know what it may filter on.
func PropertyNames() []string {
	var names []string
	for _, n := range [][]string{wire.Areas.FlatNames(), wire.Intervals.FlatNames(), wire.Events.FlatNames(), wire.Countryside.FlatNames()} {
		names = append(names, n...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// PropertyFilter is the filter of the items parameter name=value: the
// features whose property name equals value, read as the property's type.
func (c *Collection) PropertyFilter(name, value string) (Expr, error) {
	q, ok := c.queryable(name)
	if !ok {
		return nil, fmt.Errorf("%w: %s has no property %q: see /ogc/collections/%s/queryables", ErrFilter, c.ID, name, c.ID)
	}
	lit := operand{typ: typeOf(q)}
	switch lit.typ {
	case "date":
		d, err := parseInstant(value, c.zone)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrFilter, name, err)
		}
		lit.v = d.String()
	case "number":
		f, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%w: %s is a number; %q is not", ErrFilter, name, value)
		}
		lit.v = f
	case "boolean":
		b, err := strconv.ParseBool(value)
		if err != nil {
			return nil, fmt.Errorf("%w: %s is true or false; %q is neither", ErrFilter, name, value)
		}
		lit.v = b
	default:
		lit.v = value
	}
	return cmp{operand{prop: name, typ: lit.typ}, "=", lit}, nil
}

// And joins filters: a feature must meet every one (nil when there is
// none).
func And(es ...Expr) Expr {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return andExpr(es)
}
