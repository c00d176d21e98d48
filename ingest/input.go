package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"scribe/incident"
)

// The limits of what an import reads. Text is a timeline someone wrote or
// pasted: 64 MiB is hundreds of thousands of lines, and small enough that
// a mistaken `import big.iso` fails at once. A scribe JSON document is
// what `export --format json` writes, about 250 bytes an event: 512 MiB
// holds an export of two million events, so any export scribe can make of
// a real incident imports back.
const (
	MaxInput    = 64 << 20
	MaxDocument = 512 << 20
)

// LimitFor is the limit that applies to an input starting with head: a
// JSON document's when it opens with a brace (head is only the start of
// a document, which cannot be parsed yet), and a Slack export's zip's.
func LimitFor(head []byte) int64 {
	if opensWithBrace(head) || IsZip(head) {
		return MaxDocument
	}
	return MaxInput
}

// IsZip reports whether data starts as a zip archive does (a Slack
// export's zip, which may come on stdin).
func IsZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// ReadInput reads what an import is given, name naming it in messages
// ("stdin", "notes.md"). size is the input's size when known (a regular
// file), else -1. It never holds more than the limit that applies (see
// LimitFor): a known size over it is refused before anything is read, and
// an unknown one is read through a limit, so /dev/zero or an endless pipe
// fails within bounded memory. It returns when ctx is done, even while a
// read blocks (a FIFO with no writer), with ctx's error.
func ReadInput(ctx context.Context, r io.Reader, size int64, name string) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := readLimited(r, size, name)
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		// The read goroutine stays blocked until the process exits, which
		// is what follows an interrupted import.
		return nil, fmt.Errorf("read %s: %w", name, ctx.Err())
	}
}

func readLimited(r io.Reader, size int64, name string) ([]byte, error) {
	if size > MaxDocument {
		return nil, tooLarge(name, size, MaxDocument)
	}
	br := bufio.NewReaderSize(r, 4096)
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if bytes.IndexByte(head, 0) >= 0 && !IsZip(head) {
		// Text has no NUL bytes: this is a binary file or a device such as
		// /dev/zero, refused before it is read.
		return nil, incident.Errorf(incident.EINVALID, "%s holds NUL bytes, so it is binary, not text: import a timeline (text) or a scribe JSON export", name)
	}
	limit := LimitFor(head)
	if size > limit {
		return nil, tooLarge(name, size, limit)
	}
	data, err := readUpTo(br, size, limit+1)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, -1, limit)
	}
	return data, nil
}

// readUpTo reads r to its end or to max bytes, whichever comes first.
// With the size known, one buffer of that size; else chunks joined at the
// end, so an endless input costs the limit and no more (io.ReadAll's
// doubling leaves two and a half times the limit to the collector).
func readUpTo(r io.Reader, size, max int64) ([]byte, error) {
	if size >= 0 && size < max {
		buf := make([]byte, size+1)
		n, err := io.ReadFull(r, buf)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, err
		}
		if n <= int(size) {
			return buf[:n], nil
		}
		// The file grew since it was measured: read the rest in chunks.
		rest, err := readUpTo(r, -1, max-int64(n))
		return append(buf[:n], rest...), err
	}
	const chunk = 1 << 20
	var chunks [][]byte
	total := int64(0)
	for total < max {
		c := make([]byte, min(chunk, max-total))
		n, err := io.ReadFull(r, c)
		chunks, total = append(chunks, c[:n]), total+int64(n)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	return bytes.Join(chunks, nil), nil
}

func tooLarge(name string, size, limit int64) error {
	what := "is larger than"
	if size > 0 {
		what = fmt.Sprintf("is %d MiB, more than", (size+(1<<20)-1)>>20)
	}
	return incident.Errorf(incident.EINVALID, "%s %s the %d MiB an import reads: import a timeline (text up to %d MiB) or a scribe JSON export (up to %d MiB), not an archive or a device",
		name, what, limit>>20, MaxInput>>20, MaxDocument>>20)
}
