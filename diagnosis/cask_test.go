package diagnosis

import (
	"fmt"
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

// TestBase62Checksum checks the worked values of the reference's base62
// form ([S17] GetBase62ChecksumBytes): the little-endian checksum bytes
// read as one big-endian number, one '0' per leading zero byte, right
// padding, the first four characters kept.
func TestBase62Checksum(t *testing.T) {
	for _, c := range []struct {
		bytes [4]byte
		want  string
	}{
		{[4]byte{0xff, 0xff, 0xff, 0xff}, "4gfF"}, // 4294967295 = 4gfFC3
		{[4]byte{0x14, 0x10, 0xa2, 0xca}, "MmU1"},
		{[4]byte{0x00, 0x8d, 0x4c, 0xa0}, "0cqz"}, // "0" + cqzw, padded
		{[4]byte{0x00, 0x00, 0xd0, 0x46}, "00Dr"}, // "00" + Dry, padded
		{[4]byte{0, 0, 0, 61}, "000z"},
		{[4]byte{}, "0000"},
		{[4]byte{0x01, 0x00, 0x00, 0x00}, "18OW"}, // 16777216 = 18OWG
	} {
		assert.Equal(t, c.want, base62Checksum(c.bytes), "base62Checksum(% x)", c.bytes)
	}
}

// TestBase62Keys builds keys whose checksum is stored in the base62 form
// and checks they verify, among them keys whose checksum has leading zero
// bytes (the case the old left-padding rejected).
func TestBase62Keys(t *testing.T) {
	leading := 0
	for i := range 4000 {
		body := vectorRandom[:44] + fmt.Sprintf("%08d", i) + vectorMarker + vectorDate + vectorPlatform + "AAAB" + caskSignature
		key := AppendBase62Checksum(body)
		require.Len(t, key, caskLen)
		assert.True(t, caskChecksumValid(key), "caskChecksumValid(base62 key %d)", i)
		if cb, _ := bodyChecksum(body); cb[0] == 0 {
			leading++
		}
	}
	assert.Positive(t, leading, "some checksums start with a zero byte")
}

// TestMarvin32 checks the published vectors (skeeto/marvin32 and the
// .NET runtime's Marvin tests, as quoted by [S17]'s tests): Marvin's
// 64-bit result folded high XOR low.
func TestMarvin32(t *testing.T) {
	const seed0 = 0x004fb61a001bdbcc
	for _, c := range []struct {
		seed   uint64
		data   []byte
		hash64 uint64
	}{
		{seed0, nil, 0x30ed35c100cd3c7d},
		{seed0, []byte{175}, 0x48e73fc77d75ddc1},
		{seed0, []byte{231, 15}, 0xb5f6e1fc485dbff8},
		{seed0, []byte{55, 244, 149}, 0xf0b07c789b8cf7e8},
		{seed0, []byte{134, 66, 220, 89}, 0x7008f2e87e9cf556},
		{seed0, []byte{21, 63, 183, 152, 38}, 0xe6c08c6da2afa997},
		{seed0, []byte{9, 50, 230, 36, 108, 71}, 0x6f04bf1a5ea24060},
		{seed0, []byte{171, 66, 126, 168, 209, 15, 199}, 0xe11847e4f0678c41},
		{0xd53cd9cecd0893b7, []byte("abc"), 0x22c74339492769bf},
		{0xddddeeeeffff000, []byte("abcdefghijklmnopqrstuvwxyz"), 0xa128eb7e7260aca2},
	} {
		want := uint32(c.hash64>>32) ^ uint32(c.hash64)
		assert.Equal(t, want, marvin32(c.data, c.seed), "marvin32(% x, %#x)", c.data, c.seed)
	}
	assert.Equal(t, uint32(0x302009bc), marvin32(nil, seed0), "the folded value the security-utilities node tests state")
}
