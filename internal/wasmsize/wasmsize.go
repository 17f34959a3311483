// Package wasmsize measures what each Go package adds to a WebAssembly
// module: the size of its functions' code, read from the module's code
// section and named by its name section (present when the module is
// built without -ldflags=-s). It reads the binary format only
// (https://webassembly.github.io/spec/core/binary/modules.html).
package wasmsize

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Func is one function of a module and its code size in bytes.
type Func struct {
	Name string
	Size int
}

// Section IDs and import kinds of the binary format.
const (
	sectionCustom = 0
	sectionImport = 2
	sectionCode   = 10
	importFunc    = 0
)

// Funcs lists the module's defined functions with their code sizes and
// names ("" when the module has no name for one).
func Funcs(module []byte) ([]Func, error) {
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module: it does not start with \\0asm")
	}
	r := reader{b: module, p: 8}
	var imported int
	var sizes []int
	names := map[int]string{}
	for r.p < len(r.b) {
		id := r.byte()
		body := r.sub(int(r.uint()))
		var err error
		switch id {
		case sectionImport:
			imported, err = countFuncImports(body)
		case sectionCode:
			sizes, err = codeSizes(body)
		case sectionCustom:
			err = readNames(body, names)
		}
		if err == nil {
			err = body.err
		}
		if err == nil {
			err = r.err
		}
		if err != nil {
			return nil, fmt.Errorf("section %d: %w", id, err)
		}
	}
	funcs := make([]Func, len(sizes))
	for i, n := range sizes {
		funcs[i] = Func{Name: names[imported+i], Size: n}
	}
	return funcs, nil
}

// countFuncImports counts the imported functions, which come first in
// the function index space.
func countFuncImports(r *reader) (int, error) {
	funcs := 0
	for n := r.uint(); n > 0 && r.err == nil; n-- {
		r.skip(int(r.uint())) // module
		r.skip(int(r.uint())) // name
		switch kind := r.byte(); kind {
		case importFunc:
			r.uint()
			funcs++
		case 1: // table: reference type, limits
			r.byte()
			r.limits()
		case 2: // memory: limits
			r.limits()
		case 3: // global: value type, mutability
			r.skip(2)
		default:
			return 0, fmt.Errorf("unknown import kind %d", kind)
		}
	}
	return funcs, r.err
}

// codeSizes returns each function body's size.
func codeSizes(r *reader) ([]int, error) {
	n := r.uint()
	if n > uint64(len(r.b)) {
		return nil, errors.New("more bodies than bytes")
	}
	sizes := make([]int, 0, n)
	for ; n > 0 && r.err == nil; n-- {
		size := int(r.uint())
		r.skip(size)
		sizes = append(sizes, size)
	}
	return sizes, r.err
}

// readNames reads the function names of a "name" custom section.
func readNames(r *reader, names map[int]string) error {
	if string(r.bytes(int(r.uint()))) != "name" {
		return r.err
	}
	for r.p < len(r.b) && r.err == nil {
		id := r.byte()
		sub := r.sub(int(r.uint()))
		if id != 1 { // function names
			continue
		}
		for n := sub.uint(); n > 0 && sub.err == nil; n-- {
			i := int(sub.uint())
			names[i] = string(sub.bytes(int(sub.uint())))
		}
		if sub.err != nil {
			return sub.err
		}
	}
	return r.err
}

// Package returns the Go package a function name belongs to. The Go
// linker writes names with '/', '(', '*' and ')' turned into '_'
// ("az401_diagnosis.__reader_.callAt"), so the package is what comes
// before the first dot that is not part of a host name
// ("github.com_maxence_charriere_go_app_v10_pkg_app").
func Package(name string) string {
	rest := name
	for _, tld := range []string{".com_", ".org_", ".io_", ".in_", ".net_"} {
		if i := strings.Index(name, tld); i > 0 && !strings.Contains(name[:i], ".") {
			rest = name[i+len(tld):]
			break
		}
	}
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		return name[:len(name)-len(rest)+i]
	}
	return name
}

// ByPackage sums code sizes per package.
func ByPackage(funcs []Func) map[string]int {
	m := map[string]int{}
	for _, f := range funcs {
		m[Package(f.Name)] += f.Size
	}
	return m
}

// Delta is one package's code in a module and in a baseline.
type Delta struct {
	Package          string
	Size, Base, Adds int
}

// Compare lists what each package adds to module over base, the largest
// addition first; packages that add nothing are left out.
func Compare(module, base map[string]int) []Delta {
	var ds []Delta
	for p, n := range module {
		if add := n - base[p]; add > 0 {
			ds = append(ds, Delta{Package: p, Size: n, Base: base[p], Adds: add})
		}
	}
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].Adds != ds[j].Adds {
			return ds[i].Adds > ds[j].Adds
		}
		return ds[i].Package < ds[j].Package
	})
	return ds
}

// reader reads LEB128 numbers and byte runs; the first read past the
// end sets err, and every later read returns zero.
type reader struct {
	b   []byte
	p   int
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("unexpected end of module")
	}
	r.p = len(r.b)
}

func (r *reader) byte() byte {
	if r.p >= len(r.b) {
		r.fail()
		return 0
	}
	r.p++
	return r.b[r.p-1]
}

func (r *reader) uint() uint64 {
	v, n := binary.Uvarint(r.b[r.p:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.p += n
	return v
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || n > len(r.b)-r.p {
		r.fail()
		return nil
	}
	r.p += n
	return r.b[r.p-n : r.p]
}

func (r *reader) skip(n int) { r.bytes(n) }

// sub returns a reader of the next n bytes, and moves past them.
func (r *reader) sub(n int) *reader {
	b := r.bytes(n)
	s := &reader{b: b}
	if b == nil && n > 0 {
		s.err = r.err
	}
	return s
}

// limits skips a table's or memory's limits: a flag, a minimum, and a
// maximum when the flag's low bit is set.
func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.uint()
	}
	r.uint()
}
