package diagnosis

// shownErrorLen is how much of a pasted error a snippet's fields show,
// on the page as in the CLI.
const shownErrorLen = 80

// Names of a snippet's fields, as output shows them.
const (
	fieldKey   = "key"
	fieldError = "error"
)

// SnippetField is one field of a snippet with the name output shows it
// under.
type SnippetField struct {
	// Name is "kind", "endpoint", "region", "key", "header",
	// "region-header", "status" or "error".
	Name string
	// Field points into the snippet.
	Field *Field
}

// Fields returns the snippet's fields in the form's order, named: the
// one list every output of a snippet ranges over.
func (s *Snippet) Fields() []SnippetField {
	return []SnippetField{{"kind", &s.Kind}, {"endpoint", &s.Endpoint}, {"region", &s.Region}, {fieldKey, &s.Key},
		{"header", &s.Header}, {"region-header", &s.RegionHeader}, {"status", &s.Status}, {fieldError, &s.Response}}
}

// Shown returns the field's value as output shows it (Field.Shown): the
// key masked, an error cut to its first shownErrorLen bytes.
func (f SnippetField) Shown() string {
	v := f.Field.Shown(f.Name == fieldKey)
	switch {
	case f.Name == fieldError:
		v = Truncate(v, shownErrorLen)
	case f.Name == "region-header" && v == NoRegionHeader:
		v = "not sent"
	}
	return v
}
