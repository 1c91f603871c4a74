package layout

// Tokens is a counting semaphore of cores, shared by the typesettings of a build and
// whoever schedules them: a goroutine that holds a token may keep a core busy. A
// typesetting borrows tokens for its helpers (see Options.Helpers) only when it can take
// them at once, so a scheduler that gives a token back whenever it has nothing to start
// lends that core to the editions still being set.
type Tokens struct{ free chan struct{} }

// NewTokens returns a semaphore with n tokens, all free.
func NewTokens(n int) *Tokens {
	t := &Tokens{free: make(chan struct{}, n)}
	for range n {
		t.free <- struct{}{}
	}
	return t
}

// Acquire takes a token, waiting until one is free.
func (t *Tokens) Acquire() { <-t.free }

// TryAcquire takes a token if one is free and reports whether it did; it never waits.
func (t *Tokens) TryAcquire() bool {
	select {
	case <-t.free:
		return true
	default:
		return false
	}
}

// Release gives back a token taken by Acquire or TryAcquire.
func (t *Tokens) Release() {
	select {
	case t.free <- struct{}{}:
	default:
		panic("layout: Tokens.Release without a token taken")
	}
}
