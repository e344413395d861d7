package ogc

import "strings"

// end is one end of a temporal value: a date-typed property, a day
// (YYYY-MM-DD) or open ("..").
type end struct {
	prop, day string
	open      bool
}

// temporal is an instant (from == to) or an interval, both ends inclusive
// as CQL2 has them.
type temporal struct{ from, to end }

// value resolves an end on a feature; ok is false for a null instant.
func (e end) value(p Props, isInstant bool) (day string, open, ok bool) {
	switch {
	case e.open:
		return "", true, true
	case e.prop == "":
		return e.day, false, true
	}
	s, _ := p.Get(e.prop).(string)
	if s == "" {
		return "", true, !isInstant // a null interval end is open
	}
	return s, false, true
}

func (t temporal) resolve(p Props) (from, to string, ok bool) {
	instant := t.from == t.to
	f, fOpen, ok1 := t.from.value(p, instant)
	u, uOpen, ok2 := t.to.value(p, instant)
	if !ok1 || !ok2 {
		return "", "", false
	}
	if fOpen {
		f = "0000-00-00"
	}
	if uOpen {
		u = "9999-99-99"
	}
	return f, u, true
}

func (e tIntersects) Eval(p Props) (bool, error) {
	af, at, ok1 := e.a.resolve(p)
	bf, bt, ok2 := e.b.resolve(p)
	return ok1 && ok2 && af <= bt && bf <= at, nil
}

// tIntersects parses T_INTERSECTS(a, b) after its keyword.
func (p *parser) tIntersects() (Expr, error) {
	if err := p.expect("("); err != nil {
		return nil, err
	}
	a, err := p.temporal()
	if err != nil {
		return nil, err
	}
	if err := p.expect(","); err != nil {
		return nil, err
	}
	b, err := p.temporal()
	if err != nil {
		return nil, err
	}
	return tIntersects{a, b}, p.expect(")")
}

// temporal reads a date property, DATE/TIMESTAMP or INTERVAL(a, b).
func (p *parser) temporal() (temporal, error) {
	if p.keyword("INTERVAL") {
		if err := p.expect("("); err != nil {
			return temporal{}, err
		}
		from, err := p.end()
		if err != nil {
			return temporal{}, err
		}
		if err := p.expect(","); err != nil {
			return temporal{}, err
		}
		to, err := p.end()
		if err != nil {
			return temporal{}, err
		}
		return temporal{from, to}, p.expect(")")
	}
	e, err := p.end()
	if err != nil {
		return temporal{}, err
	}
	if e.open {
		return temporal{}, p.errorf("'..' only in an INTERVAL")
	}
	return temporal{e, e}, nil
}

// end reads '..', a date-typed property or a date.
func (p *parser) end() (end, error) {
	t := p.peek()
	switch {
	case t.kind == 's' && t.text == "..":
		p.next()
		return end{open: true}, nil
	case t.kind == 'w' && !isDateFunc(t.text):
		q, err := p.property()
		if err != nil {
			return end{}, err
		}
		if q.Format != "date" {
			return end{}, p.errorf("%s is not a date: the temporal properties are %s", q.Name, p.col.dateNames())
		}
		return end{prop: q.Name}, nil
	}
	d, err := p.day()
	return end{day: d}, err
}

// isDateFunc reports whether s names a date function: CQL2's keywords are
// case-insensitive, as p.keyword reads them (Date('…') as DATE('…')).
func isDateFunc(s string) bool {
	return strings.EqualFold(s, "DATE") || strings.EqualFold(s, "TIMESTAMP")
}

// dateNames lists the collection's date-typed queryables.
func (c *Collection) dateNames() string {
	var s string
	for _, q := range c.queryables {
		if q.Format == "date" {
			if s != "" {
				s += ", "
			}
			s += q.Name
		}
	}
	return s
}
