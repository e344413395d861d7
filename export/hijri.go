package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/controlmap/controlmap/data"
)

// The Solar Hijri calendar, as Afghanistan uses it, for the Dari pictures.
// No Go module for it is reachable from this build, so this is the
// arithmetic of Borkowski's algorithm as the jalaali-js library states it
// (exact for the years 1178-3177 of the era), kept to what a date needs:
// the day of March on which the Solar Hijri year begins.
var jalaaliBreaks = []int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// nowruz is the day of March (of Gregorian year jy+621) on which Solar
// Hijri year jy begins.
func nowruz(jy int) int {
	gy := jy + 621
	leapJ, jp, jump := -14, jalaaliBreaks[0], 0
	for _, jm := range jalaaliBreaks[1:] {
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += jump/33*8 + jump%33/4
		jp = jm
	}
	n := jy - jp
	leapJ += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leapJ++
	}
	leapG := gy/4 - (gy/100+1)*3/4 - 150
	return 20 + leapJ - leapG
}

// dariMonths are the Afghan names of the Solar Hijri months.
var dariMonths = [12]string{"حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"}

// solarHijri is day's year, month (1-12) and day of the month.
func solarHijri(day data.Day) (y, m, d int) {
	firstHamal := func(y int) data.Day {
		return data.DayOf(time.Date(y+621, time.March, nowruz(y), 0, 0, 0, 0, time.UTC))
	}
	y = day.Time().Year() - 621
	start := firstHamal(y)
	if day < start {
		y--
		start = firstHamal(y)
	}
	n := int(day - start) // days since 1 Hamal: six months of 31 days, then of 30
	if n < 186 {
		return y, n/31 + 1, n%31 + 1
	}
	m = min((n-186)/30+7, 12)
	return y, m, n - 186 - (m-7)*30 + 1
}

// DariDate writes day in the Solar Hijri calendar with Dari month names
// and Eastern Arabic-Indic digits, e.g. "۱۵ سنبله ۱۴۰۰".
func DariDate(day data.Day) string {
	y, m, d := solarHijri(day)
	return DariDigits(fmt.Sprint(d)) + " " + dariMonths[m-1] + " " + DariDigits(fmt.Sprint(y))
}

// LongDate writes day as the page's time control does, with the month's
// long name from words (the page's words in the language: "monthLong9"):
// "6 September 2021", and in Dari "۶ سپتمبر ۲۰۲۱ (۱۵ سنبله ۱۴۰۰)" in
// Dari digits with the Solar Hijri date after it when solar (the region's
// calendar for the language, region.csv calendar.LANG). The link previews
// and the Dari pictures write it so.
func LongDate(day data.Day, words map[string]string, fa, solar bool) string {
	t := day.Time()
	month := words[fmt.Sprint("monthLong", int(t.Month()))]
	if month == "" {
		month = t.Month().String()
	}
	long := fmt.Sprintf("%d %s %d", t.Day(), month, t.Year())
	if fa && solar {
		return DariDigits(long) + " (" + DariDate(day) + ")"
	}
	if fa {
		return DariDigits(long)
	}
	return long
}

var dariDigits = strings.NewReplacer("0", "۰", "1", "۱", "2", "۲", "3", "۳", "4", "۴", "5", "۵", "6", "۶", "7", "۷", "8", "۸", "9", "۹")

// DariDigits writes the ASCII digits of s as Eastern Arabic-Indic digits,
// as the page's Dari does (i18n.js digits).
func DariDigits(s string) string { return dariDigits.Replace(s) }
