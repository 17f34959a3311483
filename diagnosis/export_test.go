package diagnosis

// Debug exposes the reader's stages to the external debug test.
func Debug(text string) {
	rt := route(text)
	println("answer=", rt.answer, "status=", rt.status)
	p := readProgram(rt.code)
	for _, c := range p.calls {
		println("call", c.full, "root", c.root, "args", len(c.args), "named", len(c.named), c.cmd)
	}
	for _, pr := range p.pairs {
		println("pair", pr.name, "path", len(pr.path), "raw", pr.raw, "cfg", pr.cfg, "val", len(pr.val))
	}
	for _, h := range collect(p) {
		println("hit", h.role, Truncate(h.v.text, 60), h.v.ok, h.v.env, h.kind, h.from, h.sure)
	}
}

// DebugLex prints tokens.
func DebugLex(text string) {
	for _, t := range lex(route(text).code) {
		println(t.kind, t.text)
	}
}
