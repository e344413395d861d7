package export

import "testing"

// TestCSVCellsAreNotFormulas: a text cell a spreadsheet would run as a
// formula is written as text (OWASP); numbers and plain text are as they are.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{`=HYPERLINK("http://x")`, `'=HYPERLINK("http://x")`},
		{"+1 attack", "'+1 attack"},
		{"-2 fighters", "'-2 fighters"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tindent", "'\tindent"},
		{"Taliban took the centre.", "Taliban took the centre."},
		{-3.5, "-3.5"},
		{12, "12"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := cell(tt.in); got != tt.want {
			t.Errorf("cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
