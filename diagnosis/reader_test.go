package diagnosis

import (
	"cmp"
	"strings"
	"testing"
)

// TestLex table-tests the lexer on the string, comment and continuation
// syntaxes people paste: each case lists the tokens (strings quoted as
// «text», interpolations as {expr}).
func TestLex(t *testing.T) {
	tests := []struct{ in, want string }{
		{`key = 'a\'b'`, `key = «a'b»`},
		{`x = "a\"b"`, `x = «a"b»`},
		{`x = '''multi
line'''`, "x = «multi\nline»"},
		{`x = f"https://{name}.openai.azure.com/"`, "x = «https://{name}.openai.azure.com/»"},
		{`x = r"C:\path"`, `x = «C:\path»`},
		{`var s = @"a""b";`, `var s = «a"b» ;`},
		{`var s = $"https://{host}/x";`, "var s = «https://{host}/x» ;"},
		{`$u = "https://$res.openai.azure.com/"`, "{$u} = «https://{$res}.openai.azure.com/»"},
		{`$h = "$($env:KEY)"`, "{$h} = «{$env:KEY}»"},
		{`$l = 'no $expansion'`, "{$l} = «no $expansion»"},
		{"$s = @\"\nbody $x\n\"@", "{$s} = «body {$x}»"},
		{"$s = @'\nbody $x\n'@", "{$s} = «body $x»"},
		{`echo $'a\tb'`, "echo «a\tb»"},
		{"const u = `https://${r}.x/`;", "const u = «https://{r}.x/» ;"},
		{"a # comment\nb // c\n/* d */ e", "a ⏎ b ⏎ e"},
		{"REM note\n:: note\nset K=v", "set K = v"},
		{"curl -H \"a: b\" \\\n  https://x.y/z", "curl -H «a: b» https://x.y/z"},
		{"curl ^\n  -H x", "curl -H x"},
		{"Invoke-RestMethod `\n  -Uri u", "Invoke-RestMethod -Uri u"},
		{`set K=%AZURE_KEY%`, "set K = {$env:AZURE_KEY}"},
		{`u=https://h.example/a?b=1#f`, "u = https://h.example/a?b=1#f"},
		{`x = "unterminated`, "x = «unterminated»"},
		{`@{ 'a' = 1 }`, "@{ «a» = 1 }"},
		{"POST {{base}}/x?a=1", "POST {base}/x?a=1"},
		{"api-key: {{key}}", "api-key : {key}"},
		{"x = { a }", "x = { a }"},
		{`wstring k{ L"abc" };`, "wstring k { «abc» } ;"},
	}
	for _, tt := range tests {
		if got := showTokens(lex(tt.in)); got != tt.want {
			t.Errorf("lex(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func showTokens(ts []token) string {
	var out []string
	for _, t := range ts {
		var b strings.Builder
		switch t.kind {
		case tNL:
			out = append(out, "⏎")
			continue
		case tStr:
			b.WriteString("«")
		}
		if len(t.parts) == 0 {
			b.WriteString(t.text)
		}
		for _, p := range t.parts {
			if p.isExpr {
				b.WriteString("{" + p.expr + "}")
			} else {
				b.WriteString(p.lit)
			}
		}
		if t.kind == tStr {
			b.WriteString("»")
		}
		out = append(out, b.String())
	}
	return strings.Join(out, " ")
}

// TestResolve resolves one variable through the statements of a paste.
func TestResolve(t *testing.T) {
	tests := []struct {
		name, src, variable, want string
		ok                        bool
		env                       string
	}{
		{"literal", `key = "abc"`, "key", "abc", true, ""},
		{"concat", "a = \"https://x\"\nb = a + \"/y\"", "b", "https://x/y", true, ""},
		{"f-string", "r = \"eu\"\nu = f\"https://{r}.h/\"", "u", "https://eu.h/", true, ""},
		{"env read", `k = os.environ["AZURE_KEY"]`, "k", "", false, "AZURE_KEY"},
		{"env read defined", "AZURE_KEY=abc\nk = os.getenv(\"AZURE_KEY\")", "k", "abc", true, "AZURE_KEY"},
		{"env default is a guess", `r = os.getenv("R", "westus")`, "r", "westus", true, "R"},
		{"process.env", `const k = process.env.OPENAI_KEY`, "k", "", false, "OPENAI_KEY"},
		{"csharp env", `var k = Environment.GetEnvironmentVariable("SPEECH_KEY");`, "k", "", false, "SPEECH_KEY"},
		{"config section", "{\"Speech\": {\"Key\": \"abc\"}}\nvar k = configuration[\"Speech:Key\"];", "k", "abc", true, "Speech:Key"},
		{"powershell", "$r = \"pwsh\"\n$u = \"https://$r.x/\"", "u", "https://pwsh.x/", true, ""},
		{"shell default", `U="${REGION:-westus}"`, "U", "westus", true, "REGION"},
		{"an expression is not a value", `key = get_key(vault)`, "key", "", false, ""},
		{"identity call", `e = new Uri("https://h/")`, "e", "https://h/", true, ""},
		{"cycle", "a = b\nb = a", "a", "", false, ""},
	}
	for _, tt := range tests {
		p := readProgram(tt.src)
		r := newResolver(p)
		v := r.variable(tt.variable, len(tt.src))
		if v.text != tt.want || v.ok != tt.ok || v.env != tt.env {
			t.Errorf("%s: %s = {%q ok=%v env=%q}, want {%q ok=%v env=%q}", tt.name, tt.variable, v.text, v.ok, v.env, tt.want, tt.ok, tt.env)
		}
	}
}

// TestRecogniserKinds: every kind the recogniser tables name exists in
// the catalogue.
func TestRecogniserKinds(t *testing.T) {
	check := func(table, kind string) {
		if kind != "" && LookupKind(kind) == nil {
			t.Errorf("%s names kind %q, which the catalogue does not have", table, kind)
		}
	}
	for name, c := range ctors {
		check("ctors["+name+"]", c.kind)
	}
	for _, sw := range serviceWords {
		check("serviceWords", sw.kind)
	}
	for k, v := range resourceKinds {
		check("resourceKinds["+k+"]", v)
	}
	for k, v := range commandKinds {
		check("commandKinds["+k+"]", v)
	}
}

// TestRecognisers reads one call or setting per row and checks the
// field it gives.
func TestRecognisers(t *testing.T) {
	tests := []struct {
		src        string
		role       role
		want, kind string
	}{
		{`speechsdk.SpeechConfig(subscription="k1", region="westeurope")`, roleRegion, "westeurope", "speech"},
		{`SpeechConfig.FromSubscription("k2", "eastus")`, roleKey, "k2", "speech"},
		{`SpeechConfig.fromSubscription("k3", "eastus")`, roleRegion, "eastus", "speech"},
		{`SpeechConfig.FromEndpoint(new Uri("https://s.cognitiveservices.azure.com/"), "k")`, roleEndpoint, "https://s.cognitiveservices.azure.com/", "speech"},
		{`SpeechConfig.FromAuthorizationToken("t", "eastus")`, roleToken, "t", "speech"},
		{`TextTranslationClient(credential=AzureKeyCredential("k"), region="uksouth")`, roleRegion, "uksouth", "translator"},
		{`new TextTranslationClient(new AzureKeyCredential("k"), "uksouth")`, roleRegion, "uksouth", "translator"},
		{`ImageAnalysisClient(endpoint="https://v.cognitiveservices.azure.com/", credential=c)`, roleEndpoint, "https://v.cognitiveservices.azure.com/", "vision"},
		{`ComputerVisionClient("https://v.cognitiveservices.azure.com/", CognitiveServicesCredentials("k"))`, roleKey, "k", "vision"},
		{`new FaceClient(new ApiKeyServiceClientCredentials("k")) { Endpoint = "https://f.cognitiveservices.azure.com/" }`, roleEndpoint, "https://f.cognitiveservices.azure.com/", "face"},
		{`TextAnalyticsClient("https://l.cognitiveservices.azure.com/", AzureKeyCredential("k"))`, roleEndpoint, "https://l.cognitiveservices.azure.com/", "language"},
		{`DocumentAnalysisClient(endpoint="https://d.cognitiveservices.azure.com/", credential=AzureKeyCredential("k"))`, roleKey, "k", "document-intelligence"},
		{`AzureOpenAI(api_key="k", azure_endpoint="https://o.openai.azure.com/", api_version="2024-10-21")`, roleVersion, "2024-10-21", "openai"},
		{`OpenAI(base_url="https://o.openai.azure.com/openai/v1/", api_key="k")`, roleEndpoint, "https://o.openai.azure.com/openai/v1/", ""},
		{`new AzureOpenAIClient(new Uri("https://o.openai.azure.com/"), new AzureKeyCredential("k"))`, roleKey, "k", "openai"},
		{`new OpenAIClientBuilder().endpoint("https://j.openai.azure.com/").credential(new AzureKeyCredential("k")).buildClient()`, roleEndpoint, "https://j.openai.azure.com/", "openai"},
		{`azopenai.NewClientWithKeyCredential("https://g.openai.azure.com/", azcore.NewKeyCredential("k"), nil)`, roleKey, "k", "openai"},
		{`AzureChatOpenAI(azure_endpoint="https://lc.openai.azure.com/", openai_api_key="k")`, roleKey, "k", "openai"},
		{`new AzureChatOpenAI({ azureOpenAIApiKey: "k", azureOpenAIApiInstanceName: "inst" })`, roleResource, "inst", "openai"},
		{`createAzure({ resourceName: "res", apiKey: "k" })`, roleResource, "res", "openai"},
		{`AzureChatCompletion(deployment_name="d", endpoint="https://sk.openai.azure.com/", api_key="k")`, roleEndpoint, "https://sk.openai.azure.com/", "openai"},
		{`builder.AddAzureOpenAIChatCompletion("d", "https://sk.openai.azure.com/", "k")`, roleKey, "k", "openai"},
		{`ChatCompletionsClient(endpoint="https://f.services.ai.azure.com/models", credential=AzureKeyCredential("k"))`, roleEndpoint, "https://f.services.ai.azure.com/models", "ai-services"},
		{`get_bearer_token_provider(DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default")`, roleScope, "https://cognitiveservices.azure.com/.default", ""},
		{`new TokenRequestContext(new[] { "https://management.azure.com/.default" })`, roleScope, "https://management.azure.com/.default", ""},
		{`headers = {"Ocp-Apim-Subscription-Key": "k"}`, roleKey, "k", ""},
		{`request.Headers.Add("Ocp-Apim-Subscription-Region", "eastus")`, roleRegion, "eastus", ""},
		{`client.DefaultRequestHeaders.Add("api-key", "k")`, roleKey, "k", ""},
		{`xhr.setRequestHeader("Ocp-Apim-Subscription-Key", "k")`, roleKey, "k", ""},
		{`req.Header.Set("api-key", "k")`, roleKey, "k", ""},
		{`headers["api-key"] = "k"`, roleKey, "k", ""},
		{`curl -H "Ocp-Apim-Subscription-Key: k" https://x.cognitiveservices.azure.com/`, roleKey, "k", ""},
		{`curl https://x.cognitiveservices.azure.com/`, roleEndpoint, "https://x.cognitiveservices.azure.com/", ""},
		{`Invoke-RestMethod -Uri "https://x.cognitiveservices.azure.com/" -Headers @{ "api-key" = "k" }`, roleKey, "k", ""},
		{`az cognitiveservices account create --kind SpeechServices --location westus2`, roleKind, "speech", "speech"},
		{`spx config @region --set westus2`, roleRegion, "westus2", "speech"},
		{`bf luis:test -s k1`, roleKey, "k1", "luis-authoring"},
		{`AZURE_OPENAI_ENDPOINT=https://e.openai.azure.com/`, roleEndpoint, "https://e.openai.azure.com/", "openai"},
		{`SPEECH_REGION=westeurope`, roleRegion, "westeurope", "speech"},
		{"Translator:\n  Key: k", roleKey, "k", "translator"},
		{`https://x.cognitiveservices.azure.com/?Subscription-Key=k`, roleKey, "k", ""},
		// world batch: shapes from public threads (see testdata/snippets).
		{`new OpenAIModel({ azureEndpoint: "https://m.openai.azure.com/", azureApiKey: "k" })`, roleKey, "k", ""},
		{`request.setValue("k", forHTTPHeaderField: "Ocp-Apim-Subscription-Key")`, roleKey, "k", ""},
		{`request.setValue("uksouth", forHTTPHeaderField: "Ocp-Apim-Subscription-Region")`, roleRegion, "uksouth", ""},
		{`docker run -e AZURE_API_KEY=k1 -e AZURE_OPENAI_ENDPOINT="https://d.openai.azure.com/" img`, roleKey, "k1", ""},
		{`export A_KEY=k2 B_REGION=westeurope`, roleRegion, "westeurope", ""},
		{`SPEECH_KEY=k3 SPEECH_REGION=eastus python3 app.py`, roleKey, "k3", "speech"},
		{"@key = k4\nGET {{base}}/x\napi-key: {{key}}", roleKey, "k4", ""},
		{`translator = Translator('k5')`, roleKey, "k5", "translator"},
		{`{"key1": "k6", "key2": "k7"}`, roleKey, "k6", ""},
	}
	for _, tt := range tests {
		var got []hit
		for _, h := range collect(readProgram(tt.src)) {
			if h.role == tt.role && h.v.ok {
				got = append(got, h)
			}
		}
		if len(got) == 0 || got[0].v.text != tt.want || got[0].kind != tt.kind {
			t.Errorf("%s: role %d gave %+v, want %q (kind %q)", tt.src, tt.role, got, tt.want, tt.kind)
		}
	}
}

// TestRecogniserTables reads one generated paste per row of each
// recogniser table and checks the hit it gives: every client the ctors
// table names, every argument name, config word, service word, key
// header, query parameter, resource kind, command and header call.
func TestRecogniserTables(t *testing.T) {
	sample := map[role]string{roleKey: "k0", roleRegion: "eastus", roleEndpoint: "https://t.cognitiveservices.azure.com/",
		roleToken: "t0", roleVersion: "2024-10-21", roleScope: "https://cognitiveservices.azure.com/.default",
		roleResource: "res0", roleAuto: "https://t.cognitiveservices.azure.com/",
		roleHost: "t.cognitiveservices.azure.com", rolePath: "/language/:analyze-text?api-version=2023-04-01"}
	expect := func(src string, rl role, want, kind string) {
		t.Helper()
		for _, h := range collect(readProgram(src)) {
			if h.role == rl && h.v.ok && h.v.text == want && (kind == "" || h.kind == kind) {
				return
			}
		}
		t.Errorf("%s: no hit of role %d = %q (kind %q)", src, rl, want, kind)
	}
	for name, ct := range ctors {
		if ct.kind != "" {
			expect(name+"()", roleKind, ct.kind, ct.kind)
		}
		var args []string
		for _, rl := range ct.pos {
			args = append(args, `"`+cmp.Or(sample[rl], "x")+`"`)
		}
		for i, rl := range ct.pos {
			want := cmp.Or(sample[ct.pos[i]], "x")
			switch rl {
			case roleAuto:
				rl = roleEndpoint
			case roleHost: // the client adds the scheme
				rl, want = roleEndpoint, "https://"+want
			}
			if rl != roleNone {
				expect(name+"("+strings.Join(args, ", ")+")", rl, want, "")
			}
		}
	}
	for name, rl := range argRoles {
		if v, ok := sample[rl]; ok && rl != roleAuto {
			expect("AzureOpenAI("+name+`="`+v+`")`, rl, v, "openai")
		}
	}
	for _, cw := range configWords {
		if v, ok := sample[cw.role]; ok {
			expect("MY_"+strings.ToUpper(strings.ReplaceAll(cw.words, " ", "_"))+"="+v, cw.role, v, "")
		}
	}
	for _, sw := range serviceWords {
		expect(strings.ToUpper(sw.word)+"_KEY=k1", roleKey, "k1", sw.kind)
	}
	for name := range keyHeaders {
		expect(`h = {"`+name+`": "k2"}`, roleKey, "k2", "")
	}
	for _, name := range queryKeyParams {
		expect(`u = "https://q.cognitiveservices.azure.com/x?`+name+`=k3"`, roleKey, "k3", "")
	}
	for kind, id := range resourceKinds {
		expect("az cognitiveservices account create --kind "+kind, roleKind, id, id)
	}
	for cmd, kind := range commandKinds {
		expect(cmd+" config --key k4", roleKey, "k4", kind)
	}
	for _, name := range headerCalls {
		expect(`req.`+name+`("api-key", "k5")`, roleKey, "k5", "")
	}
}

// TestReaderHelpers table-tests the small rules of the world batch.
func TestReaderHelpers(t *testing.T) {
	for _, tt := range []struct {
		v    string
		want bool
	}{{"AZURE_OPENAI_API_KEY", true}, {"AZURE_OPENAI", true}, {"YOUR_SUBSCRIPTION_KEY", false}, {"0123abcdef", false}, {"KEY", false}} {
		if got := namesVariable(tt.v); got != tt.want {
			t.Errorf("namesVariable(%q) = %v", tt.v, got)
		}
	}
	for _, tt := range []struct {
		u    string
		want bool
	}{{"https://news.example.com/a/photo.JPG?x=1", true}, {"https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401", true},
		{"https://x.cognitiveservices.azure.com/vision/v3.2/analyze", false}} {
		if got := isDocOrData(hostOf(tt.u), tt.u); got != tt.want {
			t.Errorf("isDocOrData(%q) = %v", tt.u, got)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"status_code: 401", "401"}, {"statuscode: 403,", "403"}, {"http status code = 401.", "401"},
		{"with a status code of 404 and", "404"}, {"code: '401'", "401"}, {"code: 'permissiondenied'", ""}, {"status code: 200", ""},
	} {
		if got := statedStatus(tt.in); got != tt.want {
			t.Errorf("statedStatus(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in   string
		want bool
	}{{`console.writeline($"canceled: reason={e.reason}");`, true}, {`log.error("access denied")`, true},
		{`aiohttp.wsservererror: 401, url=url('wss://h/')`, false}, {`openai.authenticationerror: error code: 401 - {'error': 1}`, false}} {
		if got := isLogCall(tt.in); got != tt.want {
			t.Errorf("isLogCall(%q) = %v", tt.in, got)
		}
	}
	got := answerHits("for url 'https://a1.openai.azure.com/openai/x?api-version=1' audience (https://cognitiveservices.azure.com) see https://developer.mozilla.org/x")
	if len(got) != 1 || got[0].v.text != "https://a1.openai.azure.com/openai/x?api-version=1" || got[0].sure != Guessed {
		t.Errorf("answerHits = %+v", got)
	}
}

// TestRoute splits pastes into code and answer.
func TestRoute(t *testing.T) {
	tests := []struct {
		name, in, code, answer, status string
	}{
		{"json body", `{"error":{"code":"401","message":"Access denied"}}`, "", `{"error":{"code":"401","message":"Access denied"}}`, ""},
		{"status line", "HTTP/1.1 403 Forbidden\n\n{\"error\":{}}", "", `{"error":{}}`, "403"},
		{"curl -v", "> GET /x HTTP/1.1\n> Host: h\n< HTTP/2 401\n<\n{\"error\":1}", "Request URL: https://h/x\nHost: h", `{"error":1}`, "401"},
		{"code and traceback", "x = 1\nTraceback (most recent call last):\nopenai.AuthenticationError: Error code: 401", "x = 1", "Traceback (most recent call last):\nopenai.AuthenticationError: Error code: 401", ""},
		{"request", "POST /translate HTTP/1.1\nHost: api.cognitive.microsofttranslator.com\n\n[{}]", "Request URL: https://api.cognitive.microsofttranslator.com/translate\nHost: api.cognitive.microsofttranslator.com", "", ""},
		{"devtools", "Request URL: https://h/x\nStatus Code: 401 Unauthorized", "Request URL: https://h/x", "", "401"},
		{"code only", "key = 1\nprint(key)", "key = 1\nprint(key)", "", ""},
		{"log call is code", `Console.WriteLine($"CANCELED: {e.Reason}");`, `Console.WriteLine($"CANCELED: {e.Reason}");`, "", ""},
		{"stack continues", "OpenAIError: Access denied\n    at f (x.ts:1)\n  code: '401'\nnext = 1", "next = 1", "OpenAIError: Access denied\n    at f (x.ts:1)\n  code: '401'", ""},
		{"rest client", "POST {{base}}/x?a=1\napi-key: k", "Request URL: {{base}}/x?a=1\napi-key: k", "", ""},
	}
	for _, tt := range tests {
		r := routePaste(tt.in)
		if strings.TrimSpace(r.code) != tt.code || r.answer != tt.answer || r.status != tt.status {
			t.Errorf("%s: route = code %q answer %q status %q; want %q %q %q", tt.name, r.code, r.answer, r.status, tt.code, tt.answer, tt.status)
		}
	}
}

// TestGroup: fields go to the service their names say; a field that
// says none joins the nearest one.
func TestGroup(t *testing.T) {
	src := "SPEECH_KEY=a\nSPEECH_REGION=eastus\nTRANSLATOR_KEY=b\nTRANSLATOR_REGION=westeurope\n"
	all := ExtractServices(src)
	if len(all) != 2 || all[0].Kind.Value != "speech" || all[1].Kind.Value != "translator" ||
		all[0].Region.Value != "eastus" || all[1].Region.Value != "westeurope" {
		t.Fatalf("ExtractServices = %+v", all)
	}
	if one := ExtractServices("KEY=a\nREGION=eastus"); len(one) != 1 || one[0].Region.Value != "eastus" {
		t.Errorf("a paste without service names is one service: %+v", one)
	}
}

// TestOneWordApart is the rule of snippet-env-undefined.
func TestOneWordApart(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"AZURE_OPENAI_KEY", "AZURE_OPENAI_API_KEY", true},
		{"SPEECH_KEY", "AZURE_SPEECH_KEY", true},
		{"Translator:Key", "Translator:ApiKey", true},
		{"SPEECH_KEY", "SPEECH_REGION", true},
		{"OTHER_SERVICE_KEY", "AOAI_KEY", false},
		{"A_B_C", "A_B_C", false},
	}
	for _, tt := range tests {
		if got := oneWordApart(nameWords(tt.a), nameWords(tt.b)); got != tt.want && tt.a != tt.b {
			t.Errorf("oneWordApart(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}

// FuzzLex checks that no input makes the lexer, the statement reader or
// the resolver panic or loop, and that tokens stay inside the input.
func FuzzLex(f *testing.F) {
	for _, s := range []string{"x = f\"{a\"", "$s = @\"\n", "`${", "a = b\nb = a\nc = a", "@{ 'a' = @{ b = [", "/* x", "'''", "%A%B%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range lex(s) {
			if tk.pos < 0 || tk.end > len(s) || tk.pos > tk.end {
				t.Fatalf("lex(%q): token %q at %d..%d", s, tk.text, tk.pos, tk.end)
			}
		}
		p := readProgram(s)
		_ = collect(p)
		_ = ExtractServices(s)
	})
}

// TestNestingIsLinear: 64 KiB of open brackets is read quickly.
func TestNestingIsLinear(t *testing.T) {
	for _, open := range []string{"[", "{", "(", "f(", "@{ a = "} {
		ExtractServices(strings.Repeat(open, MaxSnippetLen/len(open)))
	}
}

// BenchmarkReadProgram1MB lexes and reads 1 MB of dense code, the whole
// text: Extract itself reads at most MaxSnippetLen (BenchmarkExtractJunk
// times Extract on 1 MB; its goal is under 50 ms). This one shows the
// reader stays linear.
func BenchmarkReadProgram1MB(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("headers = {'Ocp-Apim-Subscription-Key': os.environ['KEY'], 'x': f\"{a}\"}\n")
		sb.WriteString("curl -H \"api-key: $K\" https://x.openai.azure.com/openai/v1/ \\\n  -d '{}'\n")
		sb.WriteString("var c = new TextAnalyticsClient(new Uri(e), new AzureKeyCredential(k)); // c\n")
	}
	s := sb.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		collect(readProgram(s))
	}
}
