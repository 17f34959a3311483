package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
)

// TestKindMenu checks that the kind menu offers every kind of the
// catalogue, once, under its group: a kind given a new group must not
// drop out of the page.
func TestKindMenu(t *testing.T) {
	html := selectHTML("kind", kindGroups(), "")
	for _, k := range diagnosis.Kinds() {
		option := `<option value="` + k.ID + `">` + escape(k.Label()) + `</option>`
		assert.Equal(t, 1, strings.Count(html, option), "kind menu: want one %s", option)
		group := `<optgroup label="` + escape(k.Group) + `">`
		i, j := strings.Index(html, group), strings.Index(html, option)
		assert.True(t, i >= 0 && i < j && !strings.Contains(html[i:j], "</optgroup>"),
			"kind menu: %s is not under %s", k.ID, group)
	}
	assert.Equal(t, len(diagnosis.Kinds())+1, strings.Count(html, "<option "), "kind menu: options")
}
