package diagnosis

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestKeyHeaders checks that the headers a paste reads as key headers
// are the KeyWays sent as headers, by lower-case name.
func TestKeyHeaders(t *testing.T) {
	assert.Equal(t, map[string]string{
		"ocp-apim-subscription-key": HeaderSubscriptionKey, "api-key": HeaderAPIKey, "authorization": HeaderAuthorization,
		"training-key": HeaderTrainingKey, "prediction-key": HeaderPredictionKey,
	}, keyHeaders)
	assert.Equal(t, "Ocp-Apim-Subscription-Key", headerWire("no-such-way"))
}
