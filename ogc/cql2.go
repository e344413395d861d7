package ogc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/controlmap/controlmap/data"
)

// Expr is a parsed CQL2 filter, evaluated on a feature's flat properties.
type Expr interface {
	Eval(p Props) (bool, error)
}

// parser reads CQL2 text (OGC 21-065, the Basic CQL2 classes plus IN and
// T_INTERSECTS) against a collection's queryables.
type parser struct {
	toks []token
	i    int
	col  *Collection
}

// ParseFilter parses a CQL2 text filter for c. Errors wrap ErrFilter and
// name the problem: the unknown property, the unexpected token, the
// literal of the wrong type.
func (c *Collection) ParseFilter(s string) (Expr, error) {
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, col: c}
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != 0 {
		return nil, p.errorf("unexpected %q", t.text)
	}
	return e, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i = min(p.i+1, len(p.toks)-1); return t }

// keyword consumes the next token if it is the keyword kw.
func (p *parser) keyword(kw string) bool {
	if t := p.peek(); t.kind == 'w' && strings.EqualFold(t.text, kw) {
		p.next()
		return true
	}
	return false
}

func (p *parser) punct(s string) bool {
	if t := p.peek(); t.kind == 'p' && t.text == s {
		p.next()
		return true
	}
	return false
}

func (p *parser) expect(s string) error {
	if !p.punct(s) {
		t := p.peek()
		if t.kind == 0 {
			return p.errorf("want %q, got the end", s)
		}
		return p.errorf("want %q, got %q", s, t.text)
	}
	return nil
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: at %d: %s", ErrFilter, p.peek().pos+1, fmt.Sprintf(format, args...))
}

func (p *parser) or() (Expr, error) {
	return p.chain("OR", p.and, func(es []Expr) Expr { return orExpr(es) })
}

func (p *parser) and() (Expr, error) {
	return p.chain("AND", p.not, func(es []Expr) Expr { return andExpr(es) })
}

// chain parses operands joined by the keyword op.
func (p *parser) chain(op string, operand func() (Expr, error), join func([]Expr) Expr) (Expr, error) {
	e, err := operand()
	if err != nil {
		return nil, err
	}
	es := []Expr{e}
	for p.keyword(op) {
		if e, err = operand(); err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	if len(es) == 1 {
		return es[0], nil
	}
	return join(es), nil
}

func (p *parser) not() (Expr, error) {
	if p.keyword("NOT") {
		e, err := p.not()
		if err != nil {
			return nil, err
		}
		return notExpr{e}, nil
	}
	if p.punct("(") {
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		return e, p.expect(")")
	}
	return p.predicate()
}

// predicate parses a comparison of two operands (properties or literals,
// either side), IN, IS NULL, T_INTERSECTS or a lone TRUE or FALSE.
func (p *parser) predicate() (Expr, error) {
	if p.keyword("T_INTERSECTS") {
		return p.tIntersects()
	}
	start := p.peek()
	left, err := p.operand()
	if err != nil {
		return nil, err
	}
	switch t := p.peek(); {
	case p.keyword("IS"):
		neg := p.keyword("NOT")
		if !p.keyword("NULL") {
			return nil, p.errorf("want NULL after IS")
		}
		return isNull{left, neg}, nil
	case p.keyword("NOT"):
		if !p.keyword("IN") {
			return nil, p.errorf("want IN after NOT")
		}
		return p.in(left, start, true)
	case p.keyword("IN"):
		return p.in(left, start, false)
	case t.kind == 'p' && isComparison(t.text):
		p.next()
		rstart := p.peek()
		right, err := p.operand()
		if err != nil {
			return nil, err
		}
		if left, right, err = unify(left, start, right, rstart, p.col.zone); err != nil {
			return nil, err
		}
		return cmp{left, t.text, right}, nil
	case left.typ == "boolean" && left.prop == "":
		return boolLiteral(left.v.(bool)), nil
	default:
		return nil, p.errorf("want a comparison, IN or IS NULL after %s, got %q", start.text, t.text)
	}
}

func isComparison(s string) bool {
	switch s {
	case "=", "<>", "<", "<=", ">", ">=":
		return true
	}
	return false
}

// operand reads a property or a literal: a string, a number, TRUE or
// FALSE, DATE('…') or TIMESTAMP('…').
func (p *parser) operand() (operand, error) {
	t := p.peek()
	switch {
	case t.kind == 's':
		p.next()
		return operand{v: t.text, typ: "string"}, nil
	case t.kind == 'n':
		p.next()
		f, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return operand{}, fmt.Errorf("%w: at %d: %q is not a number", ErrFilter, t.pos+1, t.text)
		}
		return operand{v: f, typ: "number"}, nil
	case t.kind == 'w' && (strings.EqualFold(t.text, "TRUE") || strings.EqualFold(t.text, "FALSE")):
		p.next()
		return operand{v: strings.EqualFold(t.text, "TRUE"), typ: "boolean"}, nil
	case t.kind == 'w' && isDateFunc(t.text):
		d, err := p.day()
		return operand{v: d, typ: "date"}, err
	}
	q, err := p.property()
	if err != nil {
		return operand{}, err
	}
	return operand{prop: q.Name, typ: typeOf(q)}, nil
}

// typeOf is the type a queryable compares as: number, string, boolean or
// date.
func typeOf(q Queryable) string {
	switch {
	case q.Format == "date":
		return "date"
	case q.Type == "integer":
		return "number"
	}
	return q.Type
}

// unify checks that a and b compare: the same type, or a date and a string
// literal that is a date (GDAL writes '2022-01-01T'), which becomes one.
func unify(a operand, at token, b operand, bt token, z data.Zone) (operand, operand, error) {
	var err error
	switch {
	case a.typ == b.typ:
	case a.typ == "date" && b.typ == "string" && b.prop == "":
		b, err = asDay(b, bt, z)
	case b.typ == "date" && a.typ == "string" && a.prop == "":
		a, err = asDay(a, at, z)
	default:
		err = fmt.Errorf("%w: at %d: %s is a %s and %s a %s: they do not compare", ErrFilter, at.pos+1, at.text, a.typ, bt.text, b.typ)
	}
	return a, b, err
}

func asDay(o operand, t token, z data.Zone) (operand, error) {
	d, err := parseInstant(o.v.(string), z)
	if err != nil {
		return o, fmt.Errorf("%w: at %d: %v", ErrFilter, t.pos+1, err)
	}
	return operand{v: d.String(), typ: "date"}, nil
}

// property reads a property name that must be one of the queryables.
func (p *parser) property() (Queryable, error) {
	t := p.peek()
	if t.kind != 'w' {
		if t.kind == 0 {
			return Queryable{}, p.errorf("want a property, got the end")
		}
		return Queryable{}, p.errorf("want a property, got %q", t.text)
	}
	q, ok := p.col.queryable(t.text)
	if !ok {
		return Queryable{}, p.errorf("unknown property %q: see /ogc/collections/%s/queryables", t.text, p.col.ID)
	}
	p.next()
	return q, nil
}

// in parses the list of IN after its keyword: the left side must be a
// property, the literals of its type.
func (p *parser) in(left operand, start token, neg bool) (Expr, error) {
	if left.prop == "" {
		return nil, fmt.Errorf("%w: at %d: IN wants a property on its left, not %q", ErrFilter, start.pos+1, start.text)
	}
	q, _ := p.col.queryable(left.prop)
	if err := p.expect("("); err != nil {
		return nil, err
	}
	var vs []any
	for {
		v, err := p.literal(q)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
		if !p.punct(",") {
			break
		}
	}
	return in{operand{prop: q.Name, typ: typeOf(q)}, vs, neg}, p.expect(")")
}

// literal reads a literal of q's type: a string, a number, TRUE/FALSE, or
// a DATE/TIMESTAMP (or a plain date string) for a date. Dates become
// YYYY-MM-DD, compared as text.
func (p *parser) literal(q Queryable) (any, error) {
	if q.Format == "date" {
		return p.day()
	}
	t := p.next()
	switch {
	case q.Type == "string" && t.kind == 's':
		return t.text, nil
	case (q.Type == "number" || q.Type == "integer") && t.kind == 'n':
		f, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: at %d: %q is not a number", ErrFilter, t.pos+1, t.text)
		}
		return f, nil
	case q.Type == "boolean" && t.kind == 'w' && (strings.EqualFold(t.text, "true") || strings.EqualFold(t.text, "false")):
		return strings.EqualFold(t.text, "true"), nil
	}
	return nil, fmt.Errorf("%w: at %d: %s is a %s; %q is not", ErrFilter, t.pos+1, q.Name, q.Type, t.text)
}

// day reads DATE('…'), TIMESTAMP('…') or a date string as YYYY-MM-DD.
func (p *parser) day() (string, error) {
	t := p.peek()
	fn := p.keyword("DATE") || p.keyword("TIMESTAMP")
	if fn {
		if err := p.expect("("); err != nil {
			return "", err
		}
	}
	s := p.next()
	if s.kind != 's' {
		return "", fmt.Errorf("%w: at %d: want a date such as DATE('2021-09-06'), got %q", ErrFilter, t.pos+1, s.text)
	}
	d, err := parseInstant(s.text, p.col.zone)
	if err != nil {
		return "", fmt.Errorf("%w: at %d: %v", ErrFilter, s.pos+1, err)
	}
	if fn {
		if err := p.expect(")"); err != nil {
			return "", err
		}
	}
	return d.String(), nil
}
