package ogc

import "strings"

type (
	andExpr []Expr
	orExpr  []Expr
	notExpr struct{ e Expr }
	// cmp compares a property with a literal; a null property compares false.
	cmp struct {
		prop, op string
		v        any
	}
	in struct {
		prop string
		vs   []any
		neg  bool
	}
	isNull struct {
		prop string
		neg  bool
	}
	// tIntersects holds when two temporal values share a day.
	tIntersects struct{ a, b temporal }
)

func (e andExpr) Eval(p Props) (bool, error) {
	for _, x := range e {
		if ok, err := x.Eval(p); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

func (e orExpr) Eval(p Props) (bool, error) {
	for _, x := range e {
		if ok, err := x.Eval(p); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

func (e notExpr) Eval(p Props) (bool, error) {
	ok, err := e.e.Eval(p)
	return !ok, err
}

func (e isNull) Eval(p Props) (bool, error) {
	return (p.Get(e.prop) == nil) != e.neg, nil
}

func (e in) Eval(p Props) (bool, error) {
	v := p.Get(e.prop)
	if v == nil {
		return false, nil
	}
	for _, w := range e.vs {
		if compare(v, w) == 0 {
			return !e.neg, nil
		}
	}
	return e.neg, nil
}

func (e cmp) Eval(p Props) (bool, error) {
	v := p.Get(e.prop)
	if v == nil {
		return false, nil
	}
	c := compare(v, e.v)
	switch e.op {
	case "=":
		return c == 0, nil
	case "<>":
		return c != 0, nil
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

// compare orders a property value and a literal of the same type (the
// parser checked it): numbers as numbers, dates and strings as text,
// false before true.
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
