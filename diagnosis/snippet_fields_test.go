package diagnosis_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// TestSnippetFields: Fields lists every field of a snippet once, so no
// output can forget one; the key shows masked and an error cut, the
// same on the page and in the CLI.
func TestSnippetFields(t *testing.T) {
	var s diagnosis.Snippet
	want := map[*diagnosis.Field]bool{}
	v := reflect.ValueOf(&s).Elem()
	for i := range v.NumField() {
		if v.Type().Field(i).IsExported() && v.Field(i).Type() == reflect.TypeFor[diagnosis.Field]() {
			want[v.Field(i).Addr().Interface().(*diagnosis.Field)] = true
		}
	}
	got := map[*diagnosis.Field]bool{}
	var names []string
	for _, f := range s.Fields() {
		got[f.Field] = true
		names = append(names, f.Name)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, []string{"kind", "endpoint", "region", "key", "header", "region-header", "status", "error"}, names)

	key := testkeys.CASK('T')
	s.Key.Value, s.Response.Value = key, "Access denied due to invalid subscription key or wrong API endpoint. "+strings.Repeat("x", 100)
	s.RegionHeader.Value = diagnosis.NoRegionHeader
	for _, f := range s.Fields() {
		switch f.Name {
		case "region-header":
			assert.Equal(t, "not sent", f.Shown(), "in words, not the link's -")
		case "key":
			assert.Equal(t, diagnosis.Mask(key), f.Shown())
		case "error":
			assert.Equal(t, diagnosis.Truncate(s.Response.Value, 80), f.Shown())
			assert.Less(t, len(f.Shown()), 90)
		}
	}
}
