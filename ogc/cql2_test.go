package ogc

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
)

// fixture is the hand-drawn dataset: AF0001 resistance [09-01, 09-05),
// taliban from 09-05; AF0002 contested from 09-03.
func fixture(t testing.TB) *Service {
	t.Helper()
	fsys := os.DirFS("../data/testdata/fixture")
	ds, err := data.Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(ds)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// filterTests are filters on the fixture's control collection and the ids
// they match.
var filterTests = []struct {
	filter string
	want   []string // matching ids
}{
	{"status = 'taliban'", []string{"AF0001_2021-09-05"}},
	{"status <> 'taliban'", []string{"AF0001_2021-09-01", "AF0002_2021-09-03"}},
	{"STATUS = 'taliban'", nil}, // property names are case-sensitive: an error below, not here
	{"pcode = 'AF0001' AND confidence = 'high'", []string{"AF0001_2021-09-01"}},
	{"confidence = 'low' OR status = 'taliban'", []string{"AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"NOT status = 'taliban'", []string{"AF0001_2021-09-01", "AF0002_2021-09-03"}},
	{"NOT (pcode = 'AF0001' OR status = 'contested')", nil},
	{"status IN ('taliban', 'contested')", []string{"AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"status NOT IN ('taliban')", []string{"AF0001_2021-09-01", "AF0002_2021-09-03"}},
	{"valid_to IS NULL", []string{"AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"valid_to IS NOT NULL", []string{"AF0001_2021-09-01"}},
	{"valid_from >= DATE('2021-09-03')", []string{"AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"valid_from < '2021-09-03'", []string{"AF0001_2021-09-01"}},
	{"valid_from <= TIMESTAMP('2021-09-02T20:00:00Z')", []string{"AF0001_2021-09-01", "AF0002_2021-09-03"}}, // past midnight in Kabul
	{"T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2021-09-04'))", []string{"AF0001_2021-09-01", "AF0002_2021-09-03"}},
	{"T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2021-09-02'))", []string{"AF0001_2021-09-01"}},
	{"t_intersects(interval(valid_from, valid_to), Date('2021-09-02'))", []string{"AF0001_2021-09-01"}}, // keywords in any case (issue 27)
	{"T_INTERSECTS(INTERVAL(valid_from, valid_to), Timestamp('2021-09-02T10:00:00Z'))", []string{"AF0001_2021-09-01"}},
	{"T_INTERSECTS(valid_from, INTERVAL('2021-09-02', '..'))", []string{"AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2030-01-01', '..'))", []string{"AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"t_intersects(valid_to, DATE('2021-09-05'))", []string{"AF0001_2021-09-01"}},
	{`"status" = 'it''s'`, nil},
	{"((status = 'taliban'))", []string{"AF0001_2021-09-05"}},
	// The rest of Basic CQL2 (issue 24): TRUE and FALSE, a literal on the
	// left, a property against a property, two literals.
	{"TRUE", []string{"AF0001_2021-09-01", "AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"false OR status = 'taliban'", []string{"AF0001_2021-09-05"}},
	{"NOT TRUE", nil},
	{"'taliban' = status", []string{"AF0001_2021-09-05"}},
	{"DATE('2021-09-03') <= valid_from", []string{"AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"'2021-09-03' > valid_from", []string{"AF0001_2021-09-01"}},
	{"valid_from < valid_to", []string{"AF0001_2021-09-01"}},
	{"NOT (valid_from < valid_to)", nil},
	{"valid_from = valid_from", []string{"AF0001_2021-09-01", "AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"1 = 1 AND 'a' <> 'b'", []string{"AF0001_2021-09-01", "AF0001_2021-09-05", "AF0002_2021-09-03"}},
	{"valid_to > '2021-09-04T'", []string{"AF0001_2021-09-01"}}, // GDAL 3.6's form of a date
	// Three-valued logic, as SQL: a comparison with a null (an ongoing
	// interval's valid_to) is unknown, NOT of unknown is unknown, and only
	// true keeps a feature (issue 24).
	{"NOT (valid_to > DATE('2021-09-04'))", nil},
	{"NOT (valid_to < '2021-09-01')", []string{"AF0001_2021-09-01"}},
	{"valid_to > DATE('2021-09-04') OR status = 'contested'", []string{"AF0001_2021-09-01", "AF0002_2021-09-03"}},
	{"NOT (valid_to > DATE('2021-09-04') AND status = 'taliban')", []string{"AF0001_2021-09-01", "AF0002_2021-09-03"}},
	{"NOT (valid_to IN ('2021-09-05'))", nil},
}

func TestFilter(t *testing.T) {
	t.Parallel()
	c, err := fixture(t).Collection("control")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range filterTests {
		e, err := c.ParseFilter(tt.filter)
		if strings.HasPrefix(tt.filter, "STATUS") {
			if err == nil {
				t.Errorf("%s: accepted", tt.filter)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.filter, err)
			continue
		}
		idx, _ := c.match(context.Background(), nil, nil, e)
		var got []string
		for _, i := range idx {
			got = append(got, c.src.extent(i).id)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: got %v, want %v", tt.filter, got, tt.want)
		}
	}
}

// Bad filters are ErrFilter errors that name the problem.
func TestFilterErrors(t *testing.T) {
	t.Parallel()
	c, err := fixture(t).Collection("control")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ filter, want string }{
		{"party = 'taliban'", `unknown property "party"`},
		{"status = 3", "status is a string"},
		{"status = 'a' AND", "want a property, got the end"},
		{"status = 'a", "unterminated string"},
		{"status LIKE 'a%'", "want a comparison, IN or IS NULL"},
		{"status IN ('a'", `want ")"`},
		{"(status = 'a'", `want ")"`},
		{"status = 'a' status = 'b'", `unexpected "status"`},
		{"valid_from = DATE('2021-02-30')", "want an RFC 3339"},
		{"T_INTERSECTS(status, DATE('2021-09-01'))", "status is not a date"},
		{"T_INTERSECTS(valid_from)", `want ","`},
		{"", "want a property, got the end"},
		{"status = 'a' ; DROP", `unexpected ';'`},
		{"T_INTERSECTS('..', valid_from)", "'..' only in an INTERVAL"},
		{"status = valid_from", "do not compare"},
		{"'a' = 1", "do not compare"},
		{"TRUE = 'a'", "do not compare"},
		{"'taliban' IN ('a')", "IN wants a property"},
		{"status", `want a comparison, IN or IS NULL after status`},
		{"valid_from < 'soon'", "want an RFC 3339"},
	}
	for _, tt := range tests {
		_, err := c.ParseFilter(tt.filter)
		if !errors.Is(err, ErrFilter) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want an ErrFilter naming %q", tt.filter, err, tt.want)
		}
	}
}

func FuzzFilter(f *testing.F) {
	for _, s := range []string{"status = 'taliban'", "T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2021-09-06'))",
		"NOT (a IN (1,2))", "'", `"`, "((((", "status IN ()"} {
		f.Add(s)
	}
	c, _ := fixture(f).Collection("control")
	f.Fuzz(func(t *testing.T, filter string) {
		e, err := c.ParseFilter(filter)
		if err != nil {
			if !errors.Is(err, ErrFilter) {
				t.Fatalf("%q: error %v is not an ErrFilter", filter, err)
			}
			return
		}
		if _, err := c.match(context.Background(), nil, nil, e); err != nil {
			t.Fatalf("%q: %v", filter, err)
		}
	})
}

// A search whose request is gone stops with the context's error: a client
// that hung up buys no more CPU (issue 24).
func TestItemsStopWhenTheClientHasGone(t *testing.T) {
	t.Parallel()
	c, err := fixture(t).Collection("control")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := c.Items(ctx, "http://x", ItemsQuery{Limit: 10}, false); !errors.Is(err, context.Canceled) {
		t.Errorf("items of a cancelled request: err %v, want context.Canceled", err)
	}
	if _, _, err := c.Items(context.Background(), "http://x", ItemsQuery{Limit: 10}, false); err != nil {
		t.Errorf("items: %v", err)
	}
}
