package wire

import "strings"

// Fill writes a phrase of the page's words (web/static/i18n): each
// {name} replaced by its value, vars given as name, value pairs, as the
// page's t() does. The previews (server) and the pictures (export) write
// the page's phrases with it.
func Fill(phrase string, vars ...string) string {
	for i := 0; i+1 < len(vars); i += 2 {
		phrase = strings.ReplaceAll(phrase, "{"+vars[i]+"}", vars[i+1])
	}
	return phrase
}
