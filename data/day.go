package data

import (
	"errors"
	"fmt"
	"time"
)

// Day is a calendar day in the region's zone (Zone). The zero Day means "no day" (an open
// end, an unknown start); every real day is non-zero.
type Day int32

// dayOffset moves the Unix epoch away from zero so that the zero Day is not a
// real date that a dataset could contain.
const dayOffset = 1_000_000

// Zone is a region's offset from UTC in seconds east (region.csv
// utc_offset): its days begin at its midnight. It is a fixed offset, not a
// time zone with daylight saving, because a day of the map is a calendar
// day there and every data request asks which one it is: the answer is
// plain arithmetic on Unix time (Afghanistan keeps UTC+4:30 all year).
type Zone int32

// ParseZone reads an ISO 8601 offset: "+04:30", "-05:00", "Z".
func ParseZone(s string) (Zone, error) {
	if s == "Z" {
		return 0, nil
	}
	h, okH := atoi(s[min(1, len(s)):min(3, len(s))])
	m, okM := atoi(s[min(4, len(s)):])
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' || !okH || !okM || h > 14 || m > 59 || h == 14 && m > 0 {
		return 0, fmt.Errorf("offset %q: want +HH:MM or -HH:MM, from -14:00 to +14:00", s)
	}
	z := Zone(h*3600 + m*60)
	if s[0] == '-' {
		z = -z
	}
	return z, nil
}

// String is z as +HH:MM.
func (z Zone) String() string {
	sign, v := '+', int(z)
	if v < 0 {
		sign, v = '-', -v
	}
	return fmt.Sprintf("%c%02d:%02d", sign, v/3600, v%3600/60)
}

// Minutes is z in minutes east of UTC: what the documents carry, so that a
// page without a server (the static copy) can tell today from its
// reader's clock.
func (z Zone) Minutes() int { return int(z) / 60 }

// Location is z as a time zone, for writers that format instants (KML).
func (z Zone) Location() *time.Location { return time.FixedZone(z.String(), int(z)) }

// Today returns the calendar day in z at instant now. Every data request
// asks, so it is integer arithmetic on the Unix time, not a time zone
// conversion (TestTodayAgreesWithZone holds it to one).
func (z Zone) Today(now time.Time) Day {
	s := now.Unix() + int64(z)
	days := s / 86400
	if s < 0 && s%86400 != 0 {
		days-- // floor, for instants before 1970
	}
	return Day(days + dayOffset)
}

// Midnight returns the instant d begins in z, in UTC (in Afghanistan,
// 19:30 UTC the day before).
func (z Zone) Midnight(d Day) time.Time {
	return time.Unix(int64(d-dayOffset)*86400-int64(z), 0).UTC()
}

// ErrBadDate is returned for a value that is not a real YYYY-MM-DD date.
var ErrBadDate = errors.New("data: bad date")

// ParseDay parses a strict ISO 8601 calendar date (YYYY-MM-DD) between the
// years 1000 and 9999. Impossible dates such as 2021-02-30 are errors. It
// reads the digits itself rather than calling time.Parse: every request with
// a date= parses one, and time.Parse was about 0.5 µs of the 64 µs that a
// cached /api/control costs the server under load (BenchmarkParseDay);
// TestParseDayAgreesWithTime holds it to time.Parse over every day of the
// range and FuzzParseDay over any string.
func ParseDay(s string) (Day, error) {
	if len(s) != 10 {
		return 0, fmt.Errorf("%w %q: want YYYY-MM-DD", ErrBadDate, s)
	}
	y, okY := atoi(s[0:4])
	m, okM := atoi(s[5:7])
	d, okD := atoi(s[8:10])
	if !okY || !okM || !okD || s[4] != '-' || s[7] != '-' || y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("%w %q: want a real YYYY-MM-DD date", ErrBadDate, s)
	}
	return civilDay(y, m, d), nil
}

// atoi reads a string of ASCII digits (no sign, no space).
func atoi(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// daysIn is the number of days in month m of year y (Gregorian).
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilDay is the Day of a valid date of a year from 1000 on: the
// days-from-civil algorithm of H. Hinnant, the inverse of AppendText's.
func civilDay(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468 + dayOffset)
}

// DayOf returns the calendar day of t's own fields, in t's own location: it
// converts no time zone (t from ParseDay is UTC midnight; an instant is
// turned into the region's day by Zone.Today).
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400 + dayOffset)
}

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
