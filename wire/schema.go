package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/controlmap/controlmap/data"
)

// Form says in which of a layer's forms a field appears.
type Form uint8

// The forms. The API form is the JSON the page reads (nested values: full
// source records, claims, [lon, lat] pairs); the flat form is what GIS
// tables hold (OGC API properties, GeoPackage columns, CSV, KML
// ExtendedData): scalars only, lists joined with ';'.
const (
	Both Form = iota
	APIOnly
	FlatOnly
)

// Field is one property of a layer. Type and Format are the flat form's
// JSON Schema type ("string", "number", "integer", "boolean") and format
// ("date" for days).
type Field[T any] struct {
	Name, Type, Format string
	Nullable           bool
	Description        string
	Form               Form
	Value              func(T) any
}

// Schema is a layer: its name, title, description and fields in order.
type Schema[T any] struct {
	Name, Title, Description string
	Fields                   []Field[T]
}

// Flat returns the fields of the flat form.
func (s *Schema[T]) Flat() []Field[T] { return s.only(APIOnly) }

// API returns the fields of the API form.
func (s *Schema[T]) API() []Field[T] { return s.only(FlatOnly) }

func (s *Schema[T]) only(skip Form) []Field[T] {
	out := make([]Field[T], 0, len(s.Fields))
	for _, f := range s.Fields {
		if f.Form != skip {
			out = append(out, f)
		}
	}
	return out
}

// FlatNames returns the flat form's field names.
func (s *Schema[T]) FlatNames() []string {
	var out []string
	for _, f := range s.Flat() {
		out = append(out, f.Name)
	}
	return out
}

// FlatValues returns rec's flat values in field order: nil for null, days
// as YYYY-MM-DD, lists joined with ';'.
func (s *Schema[T]) FlatValues(rec T) []any {
	fs := s.Flat()
	out := make([]any, len(fs))
	for i, f := range fs {
		out[i] = Flatten(f.Value(rec))
	}
	return out
}

// FlatProps returns rec's flat values by field name (OGC API properties).
func (s *Schema[T]) FlatProps(rec T) map[string]any {
	out := map[string]any{}
	for _, f := range s.Flat() {
		out[f.Name] = Flatten(f.Value(rec))
	}
	return out
}

// Flatten turns a field value into a scalar of the flat form.
func Flatten(v any) any {
	switch v := v.(type) {
	case data.Day:
		if v == 0 {
			return nil
		}
		return v.String()
	case *data.Day:
		if v == nil || *v == 0 {
			return nil
		}
		return v.String()
	case *int:
		if v == nil {
			return nil
		}
		return *v
	case []string:
		return strings.Join(v, ";")
	case fmt.Stringer:
		return v.String()
	}
	return v
}

// AppendJSON appends rec's API form as a JSON object, fields in order.
func (s *Schema[T]) AppendJSON(buf *bytes.Buffer, rec T) error {
	buf.WriteByte('{')
	err := s.AppendMembers(buf, rec)
	buf.WriteByte('}')
	return err
}

// AppendJSONOf appends the object of rec's members named in names.
func (s *Schema[T]) AppendJSONOf(buf *bytes.Buffer, rec T, names ...string) error {
	buf.WriteByte('{')
	err := s.AppendMembers(buf, rec, names...)
	buf.WriteByte('}')
	return err
}

// AppendMembers appends the members of rec's API form named in names (all
// of them when none is named), in the schema's order and without braces:
// a document that shows a layer's fields beside its own (the timeline's
// districts, the diff's) writes them from the one schema, so a field is
// declared once. A name the schema lacks is an error.
func (s *Schema[T]) AppendMembers(buf *bytes.Buffer, rec T, names ...string) error {
	for _, n := range names {
		if f, ok := s.Field(n); !ok || f.Form == FlatOnly {
			return fmt.Errorf("wire: %s has no API field %q", s.Name, n)
		}
	}
	first := true
	for _, f := range s.Fields {
		if f.Form == FlatOnly || (len(names) > 0 && !slices.Contains(names, f.Name)) {
			continue
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		b, err := json.Marshal(apiValue(f, f.Value(rec)))
		if err != nil {
			return fmt.Errorf("wire: %s.%s: %w", s.Name, f.Name, err)
		}
		buf.WriteString(`"` + f.Name + `":`)
		buf.Write(b)
	}
	return nil
}

// Field returns the field called name.
func (s *Schema[T]) Field(name string) (Field[T], bool) {
	for _, f := range s.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field[T]{}, false
}

// fieldOf returns s's field called name, and panics when there is none:
// for the layers' declarations, which every test loads.
func fieldOf[T any](s *Schema[T], name string) Field[T] {
	f, ok := s.Field(name)
	if !ok {
		panic("wire: " + s.Name + " has no field " + name)
	}
	return f
}

// Via is f read through get: a field of one kind of record offered by a
// layer of another that holds it (a district's name on its intervals and
// on its day), declared once.
func Via[T, U any](f Field[U], get func(T) U) Field[T] {
	g := f.Value
	return Field[T]{Name: f.Name, Type: f.Type, Format: f.Format, Nullable: f.Nullable, Description: f.Description,
		Form: f.Form, Value: func(r T) any { return g(get(r)) }}
}

// object writes {members, rest's members}: a JSON object whose first
// members come from a schema (members) and the rest from a struct of the
// document's own (rest, marshalled by encoding/json).
func object(members func(*bytes.Buffer) error, rest any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	if err := members(&buf); err != nil {
		return nil, err
	}
	b, err := json.Marshal(rest)
	if err != nil {
		return nil, err
	}
	if len(b) > 2 {
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		buf.Write(b[1 : len(b)-1])
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// apiValue is a value as the API form writes it: a nullable zero day is
// null, a nil list is [].
func apiValue[T any](f Field[T], v any) any {
	switch v := v.(type) {
	case data.Day:
		if f.Nullable && v == 0 {
			return nil
		}
	case []string:
		if v == nil {
			return []string{}
		}
	}
	return v
}

// JSONSchema is the flat form's JSON Schema (the OGC API's describedby).
func (s *Schema[T]) JSONSchema(id string) map[string]any {
	props := map[string]any{}
	for _, f := range s.Flat() {
		props[f.Name] = PropertySchema(f.Name, f.Type, f.Format, f.Description, f.Nullable, false)
	}
	return map[string]any{"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": id,
		"type": "object", "title": s.Title, "description": s.Description, "properties": props}
}

// PropertySchema is the one writer of a property's schema: in JSON Schema
// 2019-09 (a nullable property's type is [type, "null"]) or, for openAPI,
// in OpenAPI 3.0's dialect (nullable: true). The describedby schema, the
// queryables and the OpenAPI definition all use it.
func PropertySchema(name, typ, format, description string, nullable, openAPI bool) map[string]any {
	p := map[string]any{"title": name, "description": description, "type": typ}
	switch {
	case nullable && openAPI:
		p["nullable"] = true
	case nullable:
		p["type"] = []string{typ, "null"}
	}
	if format != "" {
		p["format"] = format
	}
	return p
}

// SQLType is a field's column type in a GeoPackage.
func SQLType[T any](f Field[T]) string {
	switch {
	case f.Format == "date":
		return "DATE"
	case f.Type == "number":
		return "REAL"
	case f.Type == "integer":
		return "INTEGER"
	case f.Type == "boolean":
		return "BOOLEAN"
	}
	return "TEXT"
}

// Round rounds v to 1/factor (Round(x, 10) keeps one decimal).
func Round(v, factor float64) float64 { return math.Round(v*factor) / factor }
