package diagnosis

// choose returns a if cond holds, else b.
func choose[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}
