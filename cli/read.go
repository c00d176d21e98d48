package cli

import (
	"context"
	"fmt"
	"io"
	"os"
)

// Reading a file or standard input can block for as long as the other end
// likes: a FIFO nobody writes to, a terminal, /dev/zero that never ends. So
// every read scribe's commands make is bounded, and waits for Ctrl+C or
// SIGTERM beside the read: an interrupted command ends at once, leaving the
// blocked read to die with the process.

// readBounded reads all of r, at most max bytes, giving up when ctx ends.
// what names the source in messages ("standard input", "--template FILE").
func readBounded(ctx context.Context, r io.Reader, max int64, what string) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(r, max+1))
		done <- result{data, err}
	}()
	select {
	case <-ctx.Done():
		return nil, fmt.Errorf("read %s: %w", what, ctx.Err())
	case res := <-done:
		if res.err != nil {
			return nil, fmt.Errorf("read %s: %w", what, res.err)
		}
		if int64(len(res.data)) > max {
			return nil, fmt.Errorf("%s is longer than %s: scribe reads at most %s", what, byteSize(max), byteSize(max))
		}
		return res.data, nil
	}
}

// readFileBounded reads the file at path, at most max bytes: a regular
// file's size is checked before anything is read, and opening (which
// blocks on a FIFO until someone writes to it) gives up when ctx ends.
func readFileBounded(ctx context.Context, path string, max int64, what string) ([]byte, error) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() > max {
		return nil, fmt.Errorf("%s is %s: scribe reads at most %s", what, byteSize(fi.Size()), byteSize(max))
	}
	type result struct {
		f   *os.File
		err error
	}
	opened := make(chan result, 1)
	go func() {
		f, err := os.Open(path)
		opened <- result{f, err}
	}()
	var f *os.File
	select {
	case <-ctx.Done():
		go func() {
			// Close the file should the open succeed after all.
			if res := <-opened; res.f != nil {
				res.f.Close()
			}
		}()
		return nil, fmt.Errorf("open %s: %w", what, ctx.Err())
	case res := <-opened:
		if res.err != nil {
			return nil, fmt.Errorf("read %s: %w", what, res.err)
		}
		f = res.f
	}
	defer f.Close()
	return readBounded(ctx, f, max, what)
}

// byteSize renders a size for messages: "1 MiB", "300 KiB", "12 bytes".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
