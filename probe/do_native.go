//go:build !(js && wasm)

package probe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

const inBrowser = false

// client never follows redirects (see exchange).
var client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// do sends an exchange with Go's HTTP client, until stop closes or the
// time runs out.
func do(stop Stop, limit time.Duration, ex exchange) (answer, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	go func() {
		select {
		case <-stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	a, err := doCtx(ctx, ex)
	if err != nil {
		select {
		case <-stop:
			return a, errCanceled
		default:
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return a, errTimeout
		}
	}
	return a, err
}

func doCtx(ctx context.Context, ex exchange) (answer, error) {
	var body io.Reader
	if ex.body != "" {
		body = strings.NewReader(ex.body)
	}
	req, err := http.NewRequestWithContext(ctx, ex.method, ex.url, body)
	if err != nil {
		return answer{}, err
	}
	for _, h := range ex.headers {
		if h.Name != "Content-Length" {
			req.Header.Set(h.Name, h.Value)
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	a := answer{status: resp.StatusCode, body: string(b), headers: map[string]string{}}
	for _, name := range shownHeaders {
		if v := resp.Header.Get(name); v != "" {
			a.headers[name] = v
		}
	}
	return a, nil
}
