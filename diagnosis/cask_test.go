package diagnosis

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fact sheet's synthetic vectors (sources §1.2), kept in pieces so no
// whole key stands in the repository.
const (
	vectorRandom   = "SyntheticTestVectorNotARealKey0000000000000000000000"
	vectorMarker   = "JQQJ99"
	vectorDate     = "BF"
	vectorPlatform = "ACHYHv6XJ3w3"
)

var caskVectors = []struct {
	provider, checksum string
	service            byte
}{
	{"AAAA", "MmrT", 'A'}, // AIServices
	{"AAAB", "KPTD", 'B'}, // AzureOpenAI
	{"AAAY", "B2Kx", 'Y'}, // SpeechServices
	{"AAAb", "XjxS", 'b'}, // TextTranslation
}

func vectorKey(provider, checksum string) string {
	return vectorRandom + vectorMarker + vectorDate + vectorPlatform + provider + caskSignature + checksum
}

func TestCASKVectors(t *testing.T) {
	for _, v := range caskVectors {
		key := vectorKey(v.provider, v.checksum)
		require.Len(t, key, caskLen)
		assert.Equal(t, key, AppendChecksum(key[:80]), "AppendChecksum(%s…)", v.provider)
		k := decodeCASK(key)
		assert.True(t, k.checksumOK, "decodeCASK(%s).checksumOK", v.provider)
		assert.Equal(t, v.service, k.service)
		assert.Equal(t, 2025, k.year)
		assert.Equal(t, 6, k.month)
		assert.Equal(t, byte('9'), k.marker)
	}
}

// TestCASKMutations changes every character of a valid key to several
// others: no single-character change may keep the checksum valid.
func TestCASKMutations(t *testing.T) {
	key := vectorKey("AAAB", "KPTD")
	for i := range caskLen {
		for _, r := range "0aZ9zA" {
			if key[i] == byte(r) {
				continue
			}
			m := key[:i] + string(r) + key[i+1:]
			assert.False(t, caskChecksumValid(m), "caskChecksumValid(key with %q at %d)", r, i)
		}
	}
	assert.False(t, caskChecksumValid(strings.ToLower(key)), "lower-cased key")
	assert.False(t, caskChecksumValid(strings.ToUpper(key)), "upper-cased key")
}

func TestBase62Checksum(t *testing.T) {
	// 0x00000000 → "000000"; 0x0000003D (61) → "00000z".
	assert.Equal(t, "0000", base62Checksum([4]byte{}))
	assert.Equal(t, "0000", base62Checksum([4]byte{0, 0, 0, 61}))
	assert.Equal(t, "4gfF", base62Checksum([4]byte{0xff, 0xff, 0xff, 0xff})) // 4294967295 = 4gfFC3
}

func TestMarvin32(t *testing.T) {
	// The empty input and the seed alone must still mix (tail block 0x80).
	assert.NotEqual(t, marvin32(nil, marvinSeed), marvin32([]byte{0}, marvinSeed))
	assert.NotEqual(t, marvin32([]byte("abc"), marvinSeed), marvin32([]byte("abd"), marvinSeed))
}
