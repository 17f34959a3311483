package wasmsize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// section frames a section's body with its ID and length (all lengths
// here are under 128, one LEB128 byte).
func section(id byte, body ...byte) []byte { return append([]byte{id, byte(len(body))}, body...) }

func str(s string) []byte { return append([]byte{byte(len(s))}, s...) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// module is a module with one imported function (index 0), a memory
// import, and two defined functions (1 and 2) of 3 and 5 bytes, named
// by a name section.
func module() []byte {
	imports := cat([]byte{2},
		str("go"), str("debug"), []byte{importFunc, 0},
		str("go"), str("mem"), []byte{2, 1, 1, 2})
	code := cat([]byte{2}, []byte{3, 0, 1, 0x0b}, []byte{5, 0, 1, 1, 1, 0x0b})
	names := cat([]byte{2}, []byte{1}, str("az401_diagnosis.parse"), []byte{2}, str("github.com_x_y.z.(*T).M"))
	return cat([]byte("\x00asm\x01\x00\x00\x00"),
		section(sectionImport, imports...),
		section(sectionCode, code...),
		section(sectionCustom, cat(str("name"), []byte{1, byte(len(names))}, names)...))
}

func TestFuncs(t *testing.T) {
	funcs, err := Funcs(module())
	require.NoError(t, err)
	assert.Equal(t, []Func{{"az401_diagnosis.parse", 3}, {"github.com_x_y.z.(*T).M", 5}}, funcs)
	assert.Equal(t, map[string]int{"az401_diagnosis": 3, "github.com_x_y": 5}, ByPackage(funcs))
}

func TestFuncsRefusesBrokenModules(t *testing.T) {
	m := module()
	for _, cut := range []int{0, 4, 9, 12, 20, len(m) - 1} {
		_, err := Funcs(m[:cut])
		assert.Error(t, err, "cut at %d", cut)
	}
}

func TestPackage(t *testing.T) {
	for name, want := range map[string]string{
		"az401_diagnosis.__reader_.callAt":                                "az401_diagnosis",
		"github.com_maxence_charriere_go_app_v10_pkg_app.rangeLoop.Slice": "github.com_maxence_charriere_go_app_v10_pkg_app",
		"net_url.Values.Encode":                                           "net_url",
		"type_.eq.az401_diagnosis.Segment":                                "type_",
		"wasm_pc_f_loop":                                                  "wasm_pc_f_loop",
		"slices.symMergeCmpFunc_go.shape.struct___az401_diagnosis.kind":   "slices",
	} {
		assert.Equal(t, want, Package(name), name)
	}
}

func TestCompare(t *testing.T) {
	got := Compare(map[string]int{"a": 10, "b": 5, "c": 7, "d": 1}, map[string]int{"b": 5, "c": 2, "d": 3})
	assert.Equal(t, []Delta{{"a", 10, 0, 10}, {"c", 7, 2, 5}}, got)
}

func FuzzFuncs(f *testing.F) {
	f.Add(module())
	f.Fuzz(func(t *testing.T, b []byte) {
		funcs, err := Funcs(b)
		if err == nil {
			for _, fn := range funcs {
				if fn.Size < 0 || fn.Size > len(b) {
					t.Fatalf("size %d out of a %d-byte module", fn.Size, len(b))
				}
			}
		}
	})
}
