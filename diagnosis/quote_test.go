package diagnosis

import (
	"errors"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quoteTests hold what breaks out of naive quoting: PowerShell's
// typographic quotes (U+2018–U+201B end '…', U+201C–U+201E end "…"),
// expansion, escapes and line breaks; the exploit of issue 9 among them.
var quoteTests = []string{
	"westeurope", "", "'", `"`, "''", "`", "$", "$(calc)", "${x}", "$env:PATH", `\`, "`n", "`$",
	"\u2018", "\u2019", "\u201a", "\u201b", "\u201c", "\u201d", "\u201e", "\u2019\u2019", "\u201c\u201c",
	"westeurope\u2019 + $(Start-Process calc) + \u2019", "westeurope\u201d + $(Start-Process calc) + \u201d",
	"a\nb", "a\rb", "a'\n'b", "key=" + KeySlot, KeySlot, "Bearer " + KeySlot, "\u2019" + KeySlot + "\u201d$`",
	KeySlot + "`" + KeySlot,
}

// TestShArgRoundTrip runs each quoted value through sh: the shell must
// print exactly the value, with the key from $AZURE_KEY.
func TestShArgRoundTrip(t *testing.T) {
	sh, err := exec.LookPath("sh")
	require.NoError(t, err)
	const key = "KEYVALUE"
	for _, v := range quoteTests {
		cmd := exec.Command(sh, "-c", "printf %s "+shArg(v, "AZURE_KEY"))
		cmd.Env = []string{"AZURE_KEY=" + key}
		out, err := cmd.Output()
		require.NoError(t, err, "%q", v)
		assert.Equal(t, strings.ReplaceAll(v, KeySlot, key), string(out), "sh printed %q quoted as %s", v, shArg(v, "AZURE_KEY"))
	}
}

// TestPsArgTokenises reads each quoted value with a model of
// PowerShell's string tokeniser (pwsh is not installed here): one string
// token that holds exactly the value, the key only as $env:AZURE_KEY.
func TestPsArgTokenises(t *testing.T) {
	const key = "KEYVALUE"
	for _, v := range quoteTests {
		q := psArg(v, "AZURE_KEY")
		got, rest, err := psString(q, key)
		require.NoError(t, err, "%q quoted as %s", v, q)
		assert.Empty(t, rest, "%q quoted as %s: the string ends early", v, q)
		assert.Equal(t, strings.ReplaceAll(v, KeySlot, key), got, "quoted as %s", q)
	}
	// The model itself: the naive quoting of issue 9 is broken out of.
	_, rest, err := psString("'westeurope\u2019 + $(Start-Process calc) + \u2019'", key)
	require.NoError(t, err)
	assert.NotEmpty(t, rest)
	_, _, err = psString(`"$(calc)"`, key)
	assert.Error(t, err)
}

const (
	psSingle = "'\u2018\u2019\u201a\u201b"
	psDouble = "\"\u201c\u201d\u201e"
)

// psString tokenises one PowerShell string literal at the start of s:
// its value and what follows it. Expansion other than $env:AZURE_KEY is
// an error (it would run code or read variables).
func psString(s, key string) (string, string, error) {
	rs := []rune(s)
	if len(rs) == 0 {
		return "", "", errors.New("empty")
	}
	switch {
	case strings.ContainsRune(psSingle, rs[0]):
		var b strings.Builder
		for i := 1; i < len(rs); i++ {
			if strings.ContainsRune(psSingle, rs[i]) {
				if i+1 < len(rs) && strings.ContainsRune(psSingle, rs[i+1]) {
					b.WriteRune(rs[i+1])
					i++
					continue
				}
				return b.String(), string(rs[i+1:]), nil
			}
			b.WriteRune(rs[i])
		}
		return "", "", errors.New("unterminated '…'")
	case strings.ContainsRune(psDouble, rs[0]):
		return psExpandable(rs[1:], key)
	}
	return "", "", errors.New("not a string literal")
}

// psEscapes are the backtick escapes of a double-quoted string.
var psEscapes = map[rune]rune{'0': 0, 'a': 7, 'b': 8, 'e': 27, 'f': 12, 'n': '\n', 'r': '\r', 't': '\t', 'v': 11}

func psExpandable(rs []rune, key string) (string, string, error) {
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '`':
			if i+1 == len(rs) {
				return "", "", errors.New("backtick at the end")
			}
			i++
			if e, ok := psEscapes[rs[i]]; ok {
				b.WriteRune(e)
			} else {
				b.WriteRune(rs[i])
			}
		case strings.ContainsRune(psDouble, r):
			if i+1 < len(rs) && strings.ContainsRune(psDouble, rs[i+1]) {
				b.WriteRune(rs[i+1])
				i++
				continue
			}
			return b.String(), string(rs[i+1:]), nil
		case r == '$' && strings.HasPrefix(string(rs[i:]), "$env:AZURE_KEY") &&
			(i+14 == len(rs) || !isPSNameRune(rs[i+14])):
			b.WriteString(key)
			i += 13
		case r == '$' && i+1 < len(rs) && (isPSNameRune(rs[i+1]) || strings.ContainsRune("({?^$", rs[i+1])):
			return "", "", errors.New("expansion: " + string(rs[i:]))
		default:
			b.WriteRune(r)
		}
	}
	return "", "", errors.New(`unterminated "…"`)
}

func isPSNameRune(r rune) bool {
	return r == '_' || r == ':' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// TestRoleCommandsRoundTrip runs each role command in sh with az as a
// function that prints its arguments: a token's oid, an aad# resource ID
// or a resource name built to break out (the review's `x ; touch …`,
// `$(touch …)`) runs nothing and reaches az as one argument or not at
// all; no command holds a control character.
func TestRoleCommandsRoundTrip(t *testing.T) {
	sh, err := exec.LookPath("sh")
	require.NoError(t, err)
	dir := t.TempDir()
	pwned := dir + "/pwned"
	const (
		oid = "0f8fad5b-d9cb-469f-a165-70867728950e"
		id  = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-1.(a)_b/providers/microsoft.cognitiveservices/accounts/sp1"
	)
	for _, tt := range []struct{ oid, id, name, wantAssignee, wantScope string }{
		{oid, id, "", oid, id},
		{"x ; touch " + pwned + " #", id, "", "SIGNED-IN", id},
		{oid + "\n", id, "", "SIGNED-IN", id},
		{"{" + oid + "}", id, "", "SIGNED-IN", id},
		{oid, id + "$(touch " + pwned + ")", "", oid, "RESOURCE"},
		{oid, "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a$(touch " + pwned + ")", "", oid, "RESOURCE"},
		{oid, id + "\x1b[2J", "", oid, "RESOURCE"},
		{oid, strings.Replace(id, "rg-1", "rg'1", 1), "", oid, "RESOURCE"},
		{oid, "", "a;touch " + pwned, oid, "RESOURCE"},
		{oid, "", "aoai1", oid, "RESOURCE"},
	} {
		for _, c := range RoleCommands(tt.oid, "Cognitive Services User", tt.id, tt.name) {
			for _, r := range c.Cmd {
				require.False(t, IsControl(r), "%q: control character in %q", tt.oid+tt.id, c.Cmd)
			}
			if !strings.HasPrefix(c.Cmd, "az ") {
				checkPSRoleCommand(t, c.Cmd, tt.wantAssignee, tt.wantScope)
				continue
			}
			script := `az() { case "$1 $2" in "ad signed-in-user") printf SIGNED-IN;; "resource list") printf RESOURCE;; *) printf '%s\n' "$@";; esac; }; ` + c.Cmd
			out, err := exec.Command(sh, "-c", script).Output()
			require.NoError(t, err, c.Cmd)
			args := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			assert.Equal(t, tt.wantAssignee, argAfter(args, "--assignee"), c.Cmd)
			assert.Equal(t, tt.wantScope, argAfter(args, "--scope"), c.Cmd)
			assert.NoFileExists(t, pwned, c.Cmd)
		}
	}
}

// checkPSRoleCommand reads an Az PowerShell role command with the
// string tokeniser model: -ObjectId and -Scope are one string literal
// each holding exactly the value, or the lookups used when a value was
// not of its shape (SIGNED-IN, RESOURCE).
func checkPSRoleCommand(t *testing.T, cmd, assignee, scope string) {
	t.Helper()
	literal := func(flag string) (string, bool) {
		_, after, ok := strings.Cut(cmd, " "+flag+" ")
		if !ok {
			return "", false
		}
		v, rest, err := psString(after, "")
		require.NoError(t, err, cmd)
		require.True(t, rest == "" || strings.HasPrefix(rest, " -"), "%s: the value ends early in %q", flag, cmd)
		return v, true
	}
	if v, ok := literal("-ObjectId"); ok {
		assert.Equal(t, assignee, v, cmd)
	} else {
		assert.Equal(t, "SIGNED-IN", assignee, cmd)
		assert.Contains(t, cmd, "-SignInName (Get-AzContext).Account.Id")
	}
	if scope == "RESOURCE" {
		assert.Contains(t, cmd, " -Scope (Get-AzResource -Name '", cmd)
		return
	}
	v, ok := literal("-Scope")
	require.True(t, ok, cmd)
	assert.Equal(t, scope, v, cmd)
}

// TestRoleCommandsQuoteQueries: a JMESPath query with brackets or an
// asterisk is quoted, else zsh takes it for a glob and stops with "no
// matches found" (fresh-eyes review).
func TestRoleCommandsQuoteQueries(t *testing.T) {
	query := regexp.MustCompile(`--query (\S+)`)
	for _, c := range RoleCommands("", "", "", "aoai1")[:2] { // the az ones
		for _, m := range query.FindAllStringSubmatch(c.Cmd, -1) {
			if strings.ContainsAny(m[1], "[]*?") {
				assert.True(t, strings.HasPrefix(m[1], "'") || strings.HasPrefix(m[1], `"`), "unquoted query %s in %q", m[1], c.Cmd)
			}
		}
		assert.Contains(t, c.Cmd, `--query '[0].id'`)
	}
}

// argAfter returns the argument after flag, or "".
func argAfter(args []string, flag string) string {
	for i, a := range args {
		if a == flag && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}
