package ogc

import "strings"

type (
	andExpr []Expr
	orExpr  []Expr
	notExpr struct{ e Expr }
	// cmp compares two operands; with a null one it is unknown
	// (three-valued logic: eval3).
	cmp struct {
		a  operand
		op string
		b  operand
	}
	// operand is a property (prop) or a literal (v): a string, a float64,
	// a bool or a day as YYYY-MM-DD; typ is number, string, boolean or
	// date, the parser having checked that both sides have one type.
	operand struct {
		prop string
		v    any
		typ  string
	}
	boolLiteral bool
	in          struct {
		o   operand // a property
		vs  []any
		neg bool
	}
	isNull struct {
		o   operand
		neg bool
	}
	// tIntersects holds when two temporal values share a day.
	tIntersects struct{ a, b temporal }
)

// truth is a value of CQL2's (and SQL's) three-valued logic: a comparison
// with a null property is unknown, not false, so NOT of it is unknown too
// and a feature is kept only when its filter is true. (With two values,
// NOT (valid_to > D) kept every ongoing interval; SQLite keeps none.)
type truth uint8

const (
	isFalse truth = iota
	isTrue
	isUnknown
)

// threeValued is an expression that can be unknown.
type threeValued interface {
	eval3(p Props) (truth, error)
}

// truthOf evaluates e in three values: an expression that is never unknown
// gives its boolean.
func truthOf(e Expr, p Props) (truth, error) {
	if t, ok := e.(threeValued); ok {
		return t.eval3(p)
	}
	ok, err := e.Eval(p)
	if ok {
		return isTrue, err
	}
	return isFalse, err
}

// holds is the filter's answer: true only when e is true.
func holds(t truth, err error) (bool, error) { return t == isTrue, err }

func (e andExpr) Eval(p Props) (bool, error) { return holds(e.eval3(p)) }

func (e andExpr) eval3(p Props) (truth, error) {
	out := isTrue
	for _, x := range e {
		t, err := truthOf(x, p)
		if err != nil || t == isFalse {
			return isFalse, err
		}
		if t == isUnknown {
			out = isUnknown
		}
	}
	return out, nil
}

func (e orExpr) Eval(p Props) (bool, error) { return holds(e.eval3(p)) }

func (e orExpr) eval3(p Props) (truth, error) {
	out := isFalse
	for _, x := range e {
		t, err := truthOf(x, p)
		if err != nil || t == isTrue {
			return t, err
		}
		if t == isUnknown {
			out = isUnknown
		}
	}
	return out, nil
}

func (e notExpr) Eval(p Props) (bool, error) { return holds(e.eval3(p)) }

func (e notExpr) eval3(p Props) (truth, error) {
	t, err := truthOf(e.e, p)
	switch t {
	case isTrue:
		return isFalse, err
	case isFalse:
		return isTrue, err
	}
	return isUnknown, err
}

func (e isNull) Eval(p Props) (bool, error) {
	return (e.o.value(p) == nil) != e.neg, nil
}

func (e boolLiteral) Eval(Props) (bool, error) { return bool(e), nil }

// value is the operand on feature p: a literal, or the property's value
// with every number a float64; nil when the property is null.
func (o operand) value(p Props) any {
	if o.prop == "" {
		return o.v
	}
	switch v := p.Get(o.prop).(type) {
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case string:
		if v == "" && o.typ == "date" {
			return nil
		}
		return v
	default:
		return v
	}
}

func (e in) Eval(p Props) (bool, error) { return holds(e.eval3(p)) }

// eval3 is unknown for a null property, in either form (IN and NOT IN).
func (e in) eval3(p Props) (truth, error) {
	v := e.o.value(p) // a missing date is null here as in a comparison
	if v == nil {
		return isUnknown, nil
	}
	for _, w := range e.vs {
		if compare(v, w) == 0 {
			return truthFrom(!e.neg), nil
		}
	}
	return truthFrom(e.neg), nil
}

func truthFrom(b bool) truth {
	if b {
		return isTrue
	}
	return isFalse
}

func (e cmp) Eval(p Props) (bool, error) { return holds(e.eval3(p)) }

// eval3 is unknown when either side is null.
func (e cmp) eval3(p Props) (truth, error) {
	v, w := e.a.value(p), e.b.value(p)
	if v == nil || w == nil {
		return isUnknown, nil
	}
	c := compare(v, w)
	switch e.op {
	case "=":
		return truthFrom(c == 0), nil
	case "<>":
		return truthFrom(c != 0), nil
	case "<":
		return truthFrom(c < 0), nil
	case "<=":
		return truthFrom(c <= 0), nil
	case ">":
		return truthFrom(c > 0), nil
	}
	return truthFrom(c >= 0), nil
}

// compare orders two values of one type (the parser checked it): numbers
// as numbers, dates and strings as text, false before true.
func compare(v, w any) int {
	switch w := w.(type) {
	case float64:
		f := toFloat(v)
		switch {
		case f < w:
			return -1
		case f > w:
			return 1
		}
		return 0
	case bool:
		b, _ := v.(bool)
		switch {
		case b == w:
			return 0
		case w:
			return -1
		}
		return 1
	case string:
		s, _ := v.(string)
		return strings.Compare(s, w)
	}
	return 1
}

func toFloat(v any) float64 {
	switch v := v.(type) {
	case float64:
		return v
	case int:
		return float64(v)
	case int64:
		return float64(v)
	}
	return 0
}
