package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
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
	first := true
	for _, f := range s.Fields {
		if f.Form == FlatOnly {
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
	buf.WriteByte('}')
	return nil
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
