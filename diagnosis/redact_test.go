package diagnosis_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

func TestContainsSecret(t *testing.T) {
	storage := testkeys.Expand("${storage}")
	for in, want := range map[string]bool{
		"westeurope": false,
		"https://t1.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21": false,
		"api-version=3.0&to=de":                                 false,
		"<your-key>":                                            false,
		"8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90":                  false, // a subscription ID is not a secret
		testkeys.Legacy():                                       true,
		"foo=" + testkeys.Legacy():                              true,
		"https://h/" + testkeys.CASK('b') + "/x":                true,
		"Bearer " + testkeys.Expand("${jwt-entra}"):             true,
		"AccountName=st1;AccountKey=" + storage + ";x=y":        true,
		"x=" + storage:                                          true,
		"see%20" + testkeys.Legacy():                            true,
		"sv=2022-11-02&sig=q0b2mWj1%2Bk3Lr9Yt%2FZx8vN4eP6aQ%3D": true, // SAS, Azure Storage docs' shape
		testkeys.Expand("${openai}"):                            true,
	} {
		assert.Equal(t, want, diagnosis.ContainsSecret(in), "ContainsSecret(%q)", in)
	}
}
