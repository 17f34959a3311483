package diagnosis

import (
	"encoding/base64"
	"strings"
)

// The 84-character "common annotated security key" (CASK) layout of new
// Azure AI services keys (sources §1.2, [S17] LegacyCommonAnnotatedSecurityKey):
//
//	0–51 random · 52–57 JQQJ99 · 58–59 year, month · 60–71 platform ·
//	72–75 AAA + service · 76–79 provider signature · 80–83 checksum
const (
	caskLen         = 84
	caskLongLen     = 88
	caskMarkerAt    = 52
	caskDateAt      = 58
	caskPlatformAt  = 60
	caskServiceAt   = 75
	caskSignatureAt = 76
	caskChecksumAt  = 80
	caskSignature   = "ACOG"
)

// services maps the character at offset 75 to the AzureCognitiveService
// enum of [S17] (sources §1.2): base64 alphabet position = enum value. An
// array, not a map: static data costs the WebAssembly build no code.
var services = [128]string{
	'A': "Azure AI services (multi-service)", 'B': "Azure OpenAI",
	'C': "Anomaly Detector (EE)", 'D': "Anomaly Detector",
	'E': "Cognitive Services (multi-service)", 'F': "Computer Vision",
	'G': "Content Moderator", 'H': "Content Safety",
	'I': "Custom Vision Prediction", 'J': "Custom Vision Training",
	'K': "Face", 'L': "Document Intelligence (Form Recognizer)",
	'M': "Health Decision Support", 'N': "Health Insights",
	'O': "Immersive Reader", 'P': "internal all-in-one",
	'Q': "Knowledge", 'R': "LUIS authoring", 'S': "LUIS prediction",
	'T': "Metrics Advisor", 'U': "Personalizer", 'V': "QnA Maker",
	'W': "QnA Maker v2", 'X': "Speaker Recognition", 'Y': "Speech",
	'Z': "Speech Translation", 'a': "Language (Text Analytics)",
	'b': "Translator", 'c': "a dummy test service", 'd': "Transcription Intelligence",
	'e': "Video Intelligence", 'f': "Bing Autosuggest", 'g': "Bing Autosuggest v7",
	'h': "Bing Custom Search", 'i': "Bing Custom Visual Search",
	'j': "Bing Entity Search", 'k': "Bing Search", 'l': "Bing Search v7",
	'm': "Bing Speech", 'n': "Bing Spell Check", 'o': "Bing Spell Check v7",
}

// foreignSignatures names the products whose CASK keys carry another
// signature at offset 76 ([S17] LegacyCaskProviderSignatures; AWPS observed).
var foreignSignatures = [...]struct{ sig, name string }{
	{"AZDO", "an Azure DevOps personal access token"},
	{"AZEG", "an Event Grid key"},
	{"AZAC", "an App Configuration key"},
	{"AZFR", "a Fluid Relay key"},
	{"AZMR", "a Mixed Reality key"},
	{"AZMP", "an Azure Maps key"},
	{"AZCS", "a Communication Services key"},
	{"msql", "a SQL key"},
	{"AWPS", "a Web PubSub access key"},
}

// foreignProduct names the product of a CASK signature, or "".
func foreignProduct(sig string) string {
	for _, f := range foreignSignatures {
		if f.sig == sig {
			return f.name
		}
	}
	return ""
}

// caskKey is a decoded 84-character key.
type caskKey struct {
	marker     byte // the character at 57: '9' access key, 'D' derived, 'H' hashed
	year       int
	month      int
	service    byte
	signature  string
	checksumOK bool
}

// hasCASKMarker reports whether s has the CASK shape: base62 with the
// JQQJ9 marker at offset 52.
func hasCASKMarker(s string) bool {
	return len(s) > caskMarkerAt+6 && strings.HasPrefix(s[caskMarkerAt:], "JQQJ9") && isBase62(s[:caskMarkerAt])
}

// decodeCASK decodes an 84-character base62 key with the JQQJ9 marker.
func decodeCASK(s string) caskKey {
	k := caskKey{
		marker:    s[caskMarkerAt+5],
		service:   s[caskServiceAt],
		signature: s[caskSignatureAt:caskChecksumAt],
	}
	// Creation date: year = 2024 + (c58 − 'A'), month = c59 − 'A' + 1.
	if y := s[caskDateAt]; y >= 'A' && y <= 'Z' {
		k.year = 2024 + int(y-'A')
	}
	if m := s[caskDateAt+1]; m >= 'A' && m <= 'L' {
		k.month = int(m-'A') + 1
	}
	k.checksumOK = caskChecksumValid(s)
	return k
}

// caskChecksumValid verifies the checksum at 80–83: Marvin32 of the
// base64-decoded first 80 characters, stored either as the standard
// base64 of its first three little-endian bytes, or as the start of its
// base62 form (sources §1.2, [S17] TryValidateCommonAnnotatedKey).
func caskChecksumValid(s string) bool {
	cb, ok := bodyChecksum(s[:caskChecksumAt])
	if !ok {
		return false
	}
	var enc [4]byte
	base64.StdEncoding.Encode(enc[:], cb[:3])
	want := s[caskChecksumAt:caskLen]
	return string(enc[:]) == want || base62Checksum(cb) == want
}

const base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62Checksum returns the checksum's base62 form as a key stores it
// ([S17] IdentifiableSecrets.GetBase62ChecksumBytes and Base62.cs): the
// four little-endian checksum bytes read as one big-endian number, written
// in base62 without a fixed width, after one '0' per leading zero byte (at
// most three), then right-padded with '0' to six characters; a key keeps
// the first four.
func base62Checksum(cb [4]byte) string {
	var d [12]byte
	n := 0
	for n < 3 && cb[n] == 0 {
		d[n] = '0'
		n++
	}
	v := uint32(cb[0])<<24 | uint32(cb[1])<<16 | uint32(cb[2])<<8 | uint32(cb[3])
	var rev [6]byte
	m := 0
	for v > 0 || m == 0 {
		rev[m] = base62Alphabet[v%62]
		v /= 62
		m++
	}
	for m > 0 {
		m--
		d[n] = rev[m]
		n++
	}
	for n < 6 {
		d[n] = '0'
		n++
	}
	return string(d[:4])
}

// ServiceName returns what a service character stands for, or "" if the
// character is not in the table.
func ServiceName(c byte) string {
	if c >= 128 {
		return ""
	}
	return services[c]
}

func isBase62(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// AppendChecksum completes the first 80 characters of a new-format key
// with their checksum in its base64 form, for tools and tests that build
// keys. It returns "" if body is not 80 base62 characters.
func AppendChecksum(body string) string {
	cb, ok := bodyChecksum(body)
	if !ok {
		return ""
	}
	return body + base64.StdEncoding.EncodeToString(cb[:3])
}

// AppendBase62Checksum is AppendChecksum with the checksum in its base62
// form, the one newer generators write ([S17] GetBase62EncodedChecksum).
func AppendBase62Checksum(body string) string {
	cb, ok := bodyChecksum(body)
	if !ok {
		return ""
	}
	return body + base62Checksum(cb)
}

// bodyChecksum is the Marvin32 checksum of a key's first 80 characters,
// base64-decoded, as little-endian bytes.
func bodyChecksum(body string) ([4]byte, bool) {
	if len(body) != caskChecksumAt || !isBase62(body) {
		return [4]byte{}, false
	}
	var raw [60]byte
	if _, err := base64.StdEncoding.Decode(raw[:], []byte(body)); err != nil {
		return [4]byte{}, false
	}
	c := marvin32(raw[:], marvinSeed)
	return [4]byte{byte(c), byte(c >> 8), byte(c >> 16), byte(c >> 24)}, true
}
