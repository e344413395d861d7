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
	return d.Time().Format(time.DateOnly)
}

// AddDays returns the day n days after d (before it for negative n).
func (d Day) AddDays(n int) Day { return d + Day(n) }

// MarshalText writes YYYY-MM-DD; the zero Day is written as an empty string.
func (d Day) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
