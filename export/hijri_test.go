package export

import (
	"testing"

	"github.com/controlmap/controlmap/data/datatest"
)

func TestDariDate(t *testing.T) {
	t.Parallel()
	tests := []struct{ day, want string }{
		{"2021-03-21", "۱ حمل ۱۴۰۰"},    // Nowruz 1400
		{"2021-03-20", "۳۰ حوت ۱۳۹۹"},   // 1399 is a leap year
		{"2021-08-15", "۲۴ اسد ۱۴۰۰"},   // the fall of Kabul
		{"2021-09-06", "۱۵ سنبله ۱۴۰۰"}, // 15 Shahrivar
		{"2021-09-22", "۳۱ سنبله ۱۴۰۰"}, // the last day of the 31-day months
		{"2021-09-23", "۱ میزان ۱۴۰۰"},
		{"2022-03-20", "۲۹ حوت ۱۴۰۰"},
		{"2022-03-21", "۱ حمل ۱۴۰۱"},
		{"2024-03-19", "۲۹ حوت ۱۴۰۲"},
		{"2024-03-20", "۱ حمل ۱۴۰۳"}, // Nowruz on 20 March
		{"2025-03-20", "۳۰ حوت ۱۴۰۳"},
		{"2025-03-21", "۱ حمل ۱۴۰۴"},
	}
	for _, tc := range tests {
		if got := DariDate(datatest.Day(t, tc.day)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.day, got, tc.want)
		}
	}
}
