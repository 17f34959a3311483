package e2e

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/testkeys"
)

// maxScreenshots caps the pictures' total size, so the repository stays
// small.
const maxScreenshots = 1500 * 1000

// shot is one picture of the page: how to get there, and what to take:
// an element (sel), or the window scrolled to top (an element's top).
type shot struct {
	name     string
	setup    func(b *browser)
	sel, top string
}

// shots are the page's main states, with synthetic keys only: the key
// field is a password field, and the page shows a key masked.
var shots = []shot{
	{name: "empty"},
	{name: "findings", setup: (*browser).fill, top: "#verdict"},
	{name: "key-card", setup: func(b *browser) {
		b.set("kind", "translator")
		b.set("key", testkeys.CASK('Y'))
		b.waitFor(`!!document.getElementById("key-anatomy")`, "the key's fields")
	}, sel: "#key-card"},
	{name: "paste", setup: func(b *browser) {
		b.set("paste", `curl -X POST "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de" `+
			`-H "Ocp-Apim-Subscription-Key: $TRANSLATOR_KEY" -H "Content-Type: application/json" -d "[{'Text':'Hallo'}]"`)
		b.waitFor(`!!document.getElementById("paste-filled")`, "what the paste filled")
	}, top: ".paste"},
	{name: "test-call", setup: func(b *browser) {
		b.set("kind", "vision")
		b.set("endpoint", "https://contoso-vision.cognitiveservices.azure.com/vision/v3.2/analyze?visualFeatures=Tags")
		b.set("key", testkeys.CASK('V'))
		b.waitFor(`!!document.getElementById("probe-send")`, "the test call")
	}, sel: "#probe"},
}

// TestScreenshots writes docs/img's pictures of the page (make
// screenshots): each state at a desktop width and a phone's. It runs
// only when AZ401_SCREENSHOTS names the directory, so make test does not
// rewrite them.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("AZ401_SCREENSHOTS")
	if dir == "" {
		t.Skip("set AZ401_SCREENSHOTS=DIR to write the pictures (make screenshots)")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	s := serve(t, siteDir)
	total := 0
	for _, width := range []int64{1000, 390} {
		for _, sh := range shots {
			t.Run(sh.name, func(t *testing.T) {
				b := newBrowser(t)
				b.view(width, "light")
				b.open(s.page())
				if sh.setup != nil {
					sh.setup(b)
				}
				// No caret blinking, no focus ring, no scroll bar in the pictures.
				eval[bool](b, `(document.activeElement && document.activeElement.blur(), true)`)
				b.waitFor(`document.fonts.status === "loaded"`, "the fonts")
				var img []byte
				var err error
				switch {
				case sh.sel != "":
					img, err = chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.CSS(sh.sel)))
				default:
					if sh.top != "" { // scrolled to only when it is not in the upper half already
						eval[bool](b, `(() => { const el = document.querySelector(`+jsString(sh.top)+`);
							if (el.getBoundingClientRect().top > innerHeight / 2) el.scrollIntoView({block: "start"}); return true; })()`)
					}
					img, err = chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
				}
				require.NoError(t, err)
				img = recompress(t, img)
				total += len(img)
				name := map[int64]string{1000: "desktop", 390: "phone"}[width] + "-" + sh.name + ".png"
				require.NoError(t, os.WriteFile(filepath.Join(dir, name), img, 0o644))
			})
		}
	}
	assert.Less(t, total, maxScreenshots, "the pictures' total size")
}

// recompress encodes a PNG again at the best compression.
func recompress(t *testing.T, b []byte) []byte {
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img))
	if out.Len() > len(b) {
		return b
	}
	return out.Bytes()
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}
