//go:build !(js && wasm)

package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPasteRegionFromHost pastes a Speech call whose only region is its
// host: the region field fills in, said to be a guess.
func TestPasteRegionFromHost(t *testing.T) {
	p := &diagnosePage{}
	p.applyPaste(`curl -X POST "https://eastus.tts.speech.microsoft.com/cognitiveservices/v1" -H "Ocp-Apim-Subscription-Key: $SPEECH_KEY" -H "Content-Type: application/ssml+xml"`)
	assert.Equal(t, "eastus", p.form.Region)
	var region filledField
	for _, f := range p.filled {
		if f.field == "region" {
			region = f
		}
	}
	assert.Equal(t, "eastus", region.value)
	assert.Contains(t, region.from, "eastus.tts.speech.microsoft.com, a guess")
}
