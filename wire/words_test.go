package wire

import "testing"

func TestFill(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		phrase string
		vars   []string
		want   string
	}{
		{"{name}: {from} {arrow} {to}", []string{"name", "Dara", "from", "Contested", "arrow", "→", "to", "Taliban"}, "Dara: Contested → Taliban"},
		{"claims disagree over {n} districts", []string{"n", "7"}, "claims disagree over 7 districts"},
		{"{a} and {a}", []string{"a", "x"}, "x and x"},
		{"no {hole}", nil, "no {hole}"},
		{"{odd}", []string{"odd"}, "{odd}"},
	} {
		if got := Fill(tt.phrase, tt.vars...); got != tt.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", tt.phrase, tt.vars, got, tt.want)
		}
	}
}
