package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/testkeys"
)

// randomHexKey returns a fresh 32-hex key, so a search for it finds only
// what this test wrote.
func randomHexKey(t *testing.T) string {
	b := make([]byte, 16)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}

// secretForms are the ways a secret can be written into a URL: as is,
// URL-escaped once or twice.
func secretForms(s string) []string {
	once := url.QueryEscape(s)
	return []string{s, once, url.QueryEscape(once), url.PathEscape(s)}
}

// profileDir returns the browser's profile directory, as chrome://version
// shows it (the harness picks the user data directory).
func profileDir(b *browser) string {
	b.t.Helper()
	require.NoError(b.t, chromedp.Do(b.ctx, chromedp.Navigate("chrome://version")))
	dir := eval[string](b, `document.getElementById("profile_path").textContent`)
	require.DirExists(b.t, dir)
	return dir
}

// quit closes the browser the way a user does, so it writes its profile
// (the History database among it) to disk.
func quit(b *browser) {
	b.t.Helper()
	require.NoError(b.t, chromedp.Cancel(b.ctx))
}

// typeInto types text into a field key by key, as a user does: the page
// sees an input event per keystroke.
func typeInto(b *browser, id, text string) {
	b.t.Helper()
	before := b.revision()
	require.NoError(b.t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID(id), text)))
	b.waitFor(`document.getElementById(`+"`"+id+"`"+`).value.length >= `+strconv.Itoa(len(text)), "#"+id+" typed")
	b.waitFor(`+document.getElementById("verdict").dataset.revision > `+strconv.Itoa(before), "the diagnosis after typing into #"+id)
}

// TestKeyInWrongFieldStaysOffDisk types keys into the fields that are not
// the key field, and into every part of the endpoint URL, makes the
// share link, and closes the browser: no key is in the link, the address
// bar, the storage, or anywhere in the profile Chromium wrote to disk
// (its History database included).
func TestKeyInWrongFieldStaysOffDisk(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	keys := map[string]string{"userinfo": randomHexKey(t), "api_key": randomHexKey(t), "subscriptionKey": randomHexKey(t),
		"x-api-key": randomHexKey(t), "encoded name": randomHexKey(t), "fragment": randomHexKey(t),
		"region": randomHexKey(t), "region header": testkeys.CASK('T'), "jwt": testkeys.Expand("${jwt-entra}")}
	endpoint := "https://apikey:" + keys["userinfo"] + "@t1.cognitiveservices.azure.com/translator/text/v3.0/translate?to=de" +
		"&api_key=" + keys["api_key"] + "&subscriptionKey=" + keys["subscriptionKey"] + "&x-api-key=" + keys["x-api-key"] +
		"&subscription%2Dkey=" + keys["encoded name"] + "&token=" + keys["jwt"] + "#" + keys["fragment"]

	b.set("kind", "translator")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("more-toggle"))))
	b.waitFor(`!document.getElementById("more").hidden`, "the more section")
	typeInto(b, "endpoint", endpoint)
	typeInto(b, "region", keys["region"])
	typeInto(b, "region-header", keys["region header"])
	assert.Empty(t, eval[string](b, `document.getElementById("key").value`), "the key field stays empty")

	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("share"))))
	b.waitFor(`!!document.getElementById("share-link")`, "the share link")
	link := eval[string](b, `document.getElementById("share-link").value`)
	u, err := url.Parse(link)
	require.NoError(t, err)
	shared, err := url.ParseQuery(u.Fragment)
	require.NoError(t, err)
	assert.Equal(t, "https://t1.cognitiveservices.azure.com/translator/text/v3.0/translate?to=de", shared.Get("endpoint"),
		"the endpoint keeps what is not secret")
	assert.Equal(t, link, eval[string](b, `location.href`), "the address bar holds the share link")
	kept := link + "\n" + eval[string](b, `[location.href, document.cookie, JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})].join("\n")`)

	dir := profileDir(b)
	quit(b)
	history, err := os.ReadFile(filepath.Join(dir, "History"))
	require.NoError(t, err, "Chromium's History database")
	assert.Contains(t, string(history), "t1.cognitiveservices.azure.com", "the history holds the share link")
	disk := map[string][]byte{}
	require.NoError(t, filepath.Walk(filepath.Dir(dir), func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || fi.Size() > 64<<20 {
			return err
		}
		b, err := os.ReadFile(p)
		disk[p] = b
		return err
	}))
	for where, key := range keys {
		for _, f := range secretForms(key) {
			assert.NotContains(t, kept, f, "the key in the %s: link, address bar or storage", where)
			assert.False(t, strings.Contains(string(history), f), "the key in the %s is in the History database", where)
			for p, b := range disk {
				assert.False(t, strings.Contains(string(b), f), "the key in the %s is in %s", where, p)
			}
		}
	}
}
