package data

import (
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name, file, in, want string
	}{
		{"in form already", ClaimsFile,
			"# a comment\ndate,pcodes,party,kind,status,sources,note\n2021-09-04,AF0001,taliban,claim,taliban,S2,\"North, theirs.\"\n",
			"# a comment\ndate,pcodes,party,kind,status,sources,note\n2021-09-04,AF0001,taliban,claim,taliban,S2,\"North, theirs.\"\n"},
		{"a row added at the end goes to its day, after that day's rows", ClaimsFile,
			"date,pcodes,party,kind,status,sources,note\n2021-09-04,AF0001,taliban,claim,taliban,S2,first\n2021-09-06,AF0002,independent,report,contested,S3,later\n2021-09-04,AF0002,resistance,denial,resistance,S1,second\n",
			"date,pcodes,party,kind,status,sources,note\n2021-09-04,AF0001,taliban,claim,taliban,S2,first\n2021-09-04,AF0002,resistance,denial,resistance,S1,second\n2021-09-06,AF0002,independent,report,contested,S3,later\n"},
		{"cells trimmed, quotes only where needed, CRLF to LF", ControlFile,
			"pcode,from,date_precision,status,confidence,sources,note\r\n AF0001 ,2021-09-01,day,resistance,high,S1,\"Held.\"\r\n",
			"pcode,from,date_precision,status,confidence,sources,note\nAF0001,2021-09-01,day,resistance,high,S1,Held.\n"},
		{"control by district, then date", ControlFile,
			"pcode,from,date_precision,status,confidence,sources,note\nAF0002,2021-09-03,day,contested,low,S1,b\nAF0001,2021-09-05,day,taliban,low,S2,a2\nAF0001,2021-09-01,day,resistance,high,S1,a1\n",
			"pcode,from,date_precision,status,confidence,sources,note\nAF0001,2021-09-01,day,resistance,high,S1,a1\nAF0001,2021-09-05,day,taliban,low,S2,a2\nAF0002,2021-09-03,day,contested,low,S1,b\n"},
		{"sources by number: S2 before S10", SourcesFile,
			"id,publisher\nS10,B\nS2,A\n", "id,publisher\nS2,A\nS10,B\n"},
		{"the editor's order kept", PeriodsFile,
			"id,title\nb,B\na,A\n", "id,title\nb,B\na,A\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Format(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			again, _ := Format(tt.file, got)
			if string(again) != string(got) {
				t.Error("formatting twice changes the file")
			}
		})
	}
}

func TestFormatRefusesABrokenRow(t *testing.T) {
	_, err := Format(ClaimsFile, []byte("# one\n# two\ndate,pcodes,party\n2021-09-04,AF0001\n"))
	if err == nil || !strings.Contains(err.Error(), "claims.csv:4:") || !strings.Contains(err.Error(), "2 cells where the header names 3") {
		t.Errorf("got %v, want the line (4) and the count", err)
	}
}
