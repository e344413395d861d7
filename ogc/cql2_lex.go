package ogc

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ErrFilter is a filter that is not CQL2 text this server understands, or
// names a property the collection does not have.
var ErrFilter = errors.New("bad CQL2 filter")

// token is a CQL2 text token: a word (keyword or property name), a quoted
// string, a number or a punctuation mark.
type token struct {
	kind byte // 'w' word, 's' string, 'n' number, 'p' punctuation, 0 end
	text string
	pos  int
}

// lex splits CQL2 text into tokens.
func lex(s string) ([]token, error) {
	var out []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'':
			str, n, err := lexString(s[i:])
			if err != nil {
				return nil, fmt.Errorf("%w: at %d: %v", ErrFilter, i+1, err)
			}
			out = append(out, token{'s', str, i})
			i += n
		case strings.IndexByte("(),", c) >= 0:
			out = append(out, token{'p', s[i : i+1], i})
			i++
		case strings.IndexByte("=<>", c) >= 0:
			n := 1
			if i+1 < len(s) && (s[i:i+2] == "<=" || s[i:i+2] == ">=" || s[i:i+2] == "<>") {
				n = 2
			}
			out = append(out, token{'p', s[i : i+n], i})
			i += n
		case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'):
			n := lexRun(s[i:], func(r rune) bool { return strings.ContainsRune("+-.eE", r) || unicode.IsDigit(r) })
			out = append(out, token{'n', s[i : i+n], i})
			i += n
		case c == '_' || c == '"' || unicode.IsLetter(rune(c)):
			n := lexRun(s[i:], func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) })
			if c == '"' { // a quoted property name
				end := strings.IndexByte(s[i+1:], '"')
				if end < 0 {
					return nil, fmt.Errorf("%w: at %d: unterminated quoted name", ErrFilter, i+1)
				}
				out = append(out, token{'w', s[i+1 : i+1+end], i})
				i += end + 2
				continue
			}
			out = append(out, token{'w', s[i : i+n], i})
			i += n
		default:
			return nil, fmt.Errorf("%w: at %d: unexpected %q", ErrFilter, i+1, rune(c))
		}
	}
	return append(out, token{pos: len(s)}), nil
}

// lexString reads a quoted string (” is a quote) and returns it and the
// bytes it took.
func lexString(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '\'' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return b.String(), i + 1, nil
	}
	return "", 0, errors.New("unterminated string")
}

func lexRun(s string, ok func(rune) bool) int {
	for i, r := range s {
		if i > 0 && !ok(r) {
			return i
		}
	}
	return len(s)
}
