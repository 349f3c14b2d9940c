package epp

/*
#include "epp.h"
*/
import "C"

import (
	"io"
	"runtime"
	"unsafe"
)

// Deframer splits a byte stream into RFC 5734 frames (a 4-byte
// big-endian length, header included, then the XML). It owns its receive
// buffer (C memory), which grows to the largest frame and is then reused.
type Deframer struct {
	h *C.epp_deframer
}

// Frame is one frame's payload (the XML, without the header), borrowed
// from the deframer: valid until the next call on it. Read it with
// [Message.ReadCommandFrame] (no copy) or copy [Frame.Bytes].
type Frame struct {
	p     *C.uint8_t
	n     int
	owner *Deframer
}

// Len is the payload's length in bytes.
func (f Frame) Len() int { return f.n }

// Bytes is the payload, borrowed (valid until the next call on the
// deframer): copy it to keep it.
func (f Frame) Bytes() []byte {
	if f.n == 0 {
		return []byte{}
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(f.p)), f.n)
}

// NewDeframer makes a deframer refusing frames longer than maxFrameLen
// bytes (header included; 0 means the library default, 1 MiB).
func NewDeframer(maxFrameLen uint32) (*Deframer, error) {
	var h *C.epp_deframer
	if err := check(C.epp_deframer_new(C.uint32_t(maxFrameLen), &h)); err != nil {
		return nil, err
	}
	d := &Deframer{h: h}
	runtime.SetFinalizer(d, (*Deframer).Close)
	return d, nil
}

// Close frees the deframer (and every frame it handed out). Calling it
// again does nothing.
func (d *Deframer) Close() error {
	if d.h != nil {
		C.epp_deframer_free(d.h)
		d.h = nil
	}
	runtime.SetFinalizer(d, nil)
	return nil
}

// Push appends received bytes (copied into the deframer; b is handed to
// C for the call only). A bad frame header fails with ErrFrameInvalid or
// ErrFrameTooLong; frames before it can still be taken out with Next.
func (d *Deframer) Push(b []byte) error {
	defer runtime.KeepAlive(d)
	if len(b) == 0 {
		return check(C.epp_deframer_push(d.h, nil, 0))
	}
	return check(C.epp_deframer_push(d.h, (*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b))))
}

// Fill reads once from r straight into the deframer's buffer (no
// copy) and commits what it got. It returns the byte count and r's error
// (io.EOF at the end of the stream) or a framing error.
func (d *Deframer) Fill(r io.Reader) (int, error) {
	defer runtime.KeepAlive(d)
	var p *C.uint8_t
	var n C.size_t
	if err := check(C.epp_deframer_read_buf(d.h, &p, &n)); err != nil {
		return 0, err
	}
	got, rerr := r.Read(unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n)))
	if got > 0 {
		if err := check(C.epp_deframer_commit(d.h, C.size_t(got))); err != nil {
			return got, err
		}
	}
	return got, rerr
}

// Next takes out the next complete frame. It returns ErrIncomplete (test
// with errors.Is) when none is complete yet, or the framing error once
// every frame before a bad header has been taken out.
func (d *Deframer) Next() (Frame, error) {
	defer runtime.KeepAlive(d)
	var p *C.uint8_t
	var n C.size_t
	if err := check(C.epp_deframer_next(d.h, &p, &n)); err != nil {
		return Frame{}, err
	}
	return Frame{p: p, n: int(n), owner: d}, nil
}

// Needed is how many more bytes complete the next frame (0 when one can
// be taken out now or after an error).
func (d *Deframer) Needed() int {
	defer runtime.KeepAlive(d)
	return int(C.epp_deframer_needed(d.h))
}
