package diagnosis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseKeyAge reads a key age as people write it: Go durations ("5m",
// "2h30m") or days ("40d").
func ParseKeyAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > 36500 {
			return 0, fmt.Errorf("key age %q: want a number of days like 40d, or a duration like 5m or 2h", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("key age %q: want a duration like 5m or 2h, or days like 40d", s)
	}
	return d, nil
}

// ParseDay reads a YYYY-MM-DD date.
func ParseDay(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD, e.g. 2026-01-31", s)
	}
	return t, nil
}
