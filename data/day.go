package data

import (
	"errors"
	"fmt"
	"time"
)

// Day is a calendar day in Afghanistan. The zero Day means "no day" (an open
// end, an unknown start); every real day is non-zero.
type Day int32

// dayOffset moves the Unix epoch away from zero so that the zero Day is not a
// real date that a dataset could contain.
const dayOffset = 1_000_000

// kabul is Afghanistan's time zone (UTC+4:30 all year; no daylight saving).
var kabul = time.FixedZone("AFT", 4*3600+1800)

// ErrBadDate is returned for a value that is not a real YYYY-MM-DD date.
var ErrBadDate = errors.New("data: bad date")

// ParseDay parses a strict ISO 8601 calendar date (YYYY-MM-DD) between the
// years 1000 and 9999. Impossible dates such as 2021-02-30 are errors.
func ParseDay(s string) (Day, error) {
	if len(s) != 10 {
		return 0, fmt.Errorf("%w %q: want YYYY-MM-DD", ErrBadDate, s)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1000 {
		return 0, fmt.Errorf("%w %q: want a real YYYY-MM-DD date", ErrBadDate, s)
	}
	return DayOf(t), nil
}

// DayOf returns the day t falls on in Afghanistan when t carries a zone, the
// calendar day of t's own fields otherwise (t from ParseDay is UTC midnight).
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400 + dayOffset)
}

// Today returns the current calendar day in Afghanistan at instant now.
func Today(now time.Time) Day { return DayOf(now.In(kabul)) }

// Time returns midnight UTC at the start of d.
func (d Day) Time() time.Time { return time.Unix(int64(d-dayOffset)*86400, 0).UTC() }

// String returns d as YYYY-MM-DD, or "" for the zero Day.
func (d Day) String() string {
	if d == 0 {
		return ""
	}
	return string(d.AppendText(make([]byte, 0, 10)))
}

// AppendText appends d as YYYY-MM-DD to b (nothing for the zero Day). It is
// integer arithmetic (the civil-from-days algorithm of H. Hinnant), because
// answers write dates on the hot path.
func (d Day) AppendText(b []byte) []byte {
	if d == 0 {
		return b
	}
	z := int64(d-dayOffset) + 719468
	era := z / 146097
	if z < 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	if month > 12 {
		month -= 12
	}
	year := yoe + era*400
	if month <= 2 {
		year++
	}
	return append(b, byte('0'+year/1000%10), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+month/10), byte('0'+month%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// AddDays returns the day n days after d (before it for negative n).
func (d Day) AddDays(n int) Day { return d + Day(n) }

// MarshalText writes YYYY-MM-DD; the zero Day is written as an empty string.
func (d Day) MarshalText() ([]byte, error) { return d.AppendText(nil), nil }

// UnmarshalText reads YYYY-MM-DD; an empty text is the zero Day.
func (d *Day) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDay(string(b))
	*d = v
	return err
}
