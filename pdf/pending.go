package pdf

import (
	"bytes"

	"github.com/fpc/bindery/internal/deflate"
)

// Streams of at least asyncMin bytes are compressed in a goroutine of their own while the
// writer goes on with the next page; the file is written strictly in the order of the calls,
// so its bytes are those of compressing each stream in turn. At most maxPending compressions
// are waited for at a time: then the writer waits for the oldest.
const (
	asyncMin   = 4 << 10
	maxPending = 4
)

// queued is output in the order it is to be written: bytes, or a stream whose data may still
// be being compressed.
type queued struct {
	r      ref // the object the output starts, 0 for none
	data   []byte
	stream bool   // data is a stream's, written with its dictionary extra
	extra  string // for a stream
	job    *zjob  // the compression of data, when it is in flight
}

// zjob is one stream being compressed: a copy of its data in, the compressed data out.
type zjob struct {
	done    chan struct{}
	in, out []byte
}

// compressAsync starts compressing a copy of data, in buffers of the writer's that the queue
// hands back once it has written the result.
func (w *Writer) compressAsync(data []byte) *zjob {
	j := &zjob{done: make(chan struct{}), in: append(w.buffer(), data...), out: w.buffer()}
	go func() {
		defer close(j.done)
		j.out = deflate.AppendZlib(j.out, j.in)
	}()
	return j
}

// buffer returns an empty buffer from those written out, or nil.
func (w *Writer) buffer() []byte {
	if n := len(w.bufs); n > 0 {
		b := w.bufs[n-1]
		w.bufs = w.bufs[:n-1]
		return b[:0]
	}
	return nil
}

// emit writes output, or queues it (with a copy of its data, which the caller may reuse)
// behind a stream still being compressed, and writes what is ready of the queue.
func (w *Writer) emit(q queued) {
	if len(w.queue) == 0 && q.job == nil {
		w.put(&q)
		return
	}
	if q.job == nil {
		q.data = bytes.Clone(q.data)
	}
	w.queue = append(w.queue, q)
	w.drain(false)
}

// drain writes the queue's output in order while it is ready; with wait, or while more than
// maxPending compressions are queued, it waits for them.
func (w *Writer) drain(wait bool) {
	for len(w.queue) > 0 {
		q := &w.queue[0]
		if q.job != nil {
			if !wait && w.jobs <= maxPending {
				select {
				case <-q.job.done:
				default:
					return
				}
			}
			<-q.job.done
			j := q.job
			q.data, q.job = j.out, nil
			w.jobs--
			w.put(q)
			w.bufs = append(w.bufs, j.in, j.out)
		} else {
			w.put(q)
		}
		*q = queued{}
		w.queue = w.queue[1:]
	}
	w.queue = w.queue[:0]
}

// put writes one piece of output, noting where its object starts.
func (w *Writer) put(q *queued) {
	if q.r != 0 {
		w.offsets[q.r] = w.n
	}
	if !q.stream {
		w.write(q.data)
		return
	}
	w.write(appendStreamHead(w.obj[:0], q.r, q.extra, len(q.data)))
	w.write(q.data)
	w.write([]byte("\nendstream\nendobj\n"))
}
