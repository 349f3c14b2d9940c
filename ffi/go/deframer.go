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

// FrameErrorKind is what was wrong with a frame header the deframer
// refused (epp_frame_error_kind).
type FrameErrorKind uint32

// The kinds of bad frame header (EPP_FRAME_ERROR_KIND_*).
const (
	// FrameErrorOther: a kind this binding does not name (the library
	// may add kinds); the other fields of the FrameError are still set.
	FrameErrorOther FrameErrorKind = 0
	// FrameLengthTooSmall: a total length below 4, the header's own size.
	FrameLengthTooSmall FrameErrorKind = 1
	// FrameLengthTooLarge: a total length above the deframer's maximum.
	FrameLengthTooLarge FrameErrorKind = 2
	// FrameUnframedText: printable text where the header should be: the
	// peer wrote a message without an RFC 5734 header, such as a server's
	// "Session limit exceeded".
	FrameUnframedText FrameErrorKind = 3
)

// FrameError is the error a Deframer gives once it has refused a frame
// header: what was wrong and where in the stream. errors.Is matches it
// with ErrFrameInvalid or ErrFrameTooLong (by Result), and errors.As
// finds the *Error it wraps.
type FrameError struct {
	// Result is ResultFrameTooLong for FrameLengthTooLarge, else
	// ResultFrameInvalid.
	Result Result
	Kind   FrameErrorKind
	// Length is the total length the header announced (its four bytes
	// read as a big-endian number, for text too).
	Length uint32
	// Max is the longest frame the deframer accepts, header included.
	Max uint32
	// Header is the four bytes where the header should have been (for
	// FrameUnframedText, the start of the peer's text).
	Header [4]byte
	// Offset is where the refused header starts: the bytes of the stream
	// before it.
	Offset uint64
	// Message is the library's description, naming the length and the
	// limit or showing the text, with the offset.
	Message string
}

// Error is "epp: " and the library's description, for example
// `epp: peer sent text without an EPP frame header: "Sess…", at stream
// offset 0`.
func (e *FrameError) Error() string {
	return "epp: " + e.Message
}

// Unwrap gives the *Error with the Result, for errors.Is and errors.As.
func (e *FrameError) Unwrap() error {
	return &Error{Result: e.Result}
}

// check is the package's check, with the details of a framing error
// (epp_deframer_error) in a *FrameError.
func (d *Deframer) check(r C.epp_result) error {
	if r != C.EPP_RESULT_FRAME_INVALID && r != C.EPP_RESULT_FRAME_TOO_LONG {
		return check(r)
	}
	var fe C.epp_frame_error
	if C.epp_deframer_error(d.h, &fe) != C.EPP_RESULT_OK {
		return check(r)
	}
	e := &FrameError{
		Result: Result(r),
		Kind:   FrameErrorKind(fe.kind),
		Length: uint32(fe.length),
		Max:    uint32(fe.max),
		Offset: uint64(fe.offset),
	}
	for i := range e.Header {
		e.Header[i] = byte(fe.header[i])
	}
	var p *C.char
	var n C.size_t
	if C.epp_deframer_error_message(d.h, &p, &n) == C.EPP_RESULT_OK {
		e.Message = C.GoStringN(p, C.int(n))
	} else {
		e.Message = Result(r).String()
	}
	return e
}

// Push appends received bytes (copied into the deframer; b is handed to
// C for the call only). A bad frame header fails with a *FrameError
// (errors.Is: ErrFrameInvalid or ErrFrameTooLong), and so does every
// later call; frames before it can still be taken out with Next.
func (d *Deframer) Push(b []byte) error {
	defer runtime.KeepAlive(d)
	if len(b) == 0 {
		return d.check(C.epp_deframer_push(d.h, nil, 0))
	}
	return d.check(C.epp_deframer_push(d.h, (*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b))))
}

// Fill reads once from r straight into the deframer's buffer (no
// copy) and commits what it got. It returns the byte count and r's error
// (io.EOF at the end of the stream) or a framing error (a *FrameError).
func (d *Deframer) Fill(r io.Reader) (int, error) {
	defer runtime.KeepAlive(d)
	var p *C.uint8_t
	var n C.size_t
	if err := d.check(C.epp_deframer_read_buf(d.h, &p, &n)); err != nil {
		return 0, err
	}
	got, rerr := r.Read(unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n)))
	if got > 0 {
		if err := d.check(C.epp_deframer_commit(d.h, C.size_t(got))); err != nil {
			return got, err
		}
	}
	return got, rerr
}

// Next takes out the next complete frame. It returns ErrIncomplete (test
// with errors.Is) when none is complete yet, or the framing error (a
// *FrameError) once every frame before a bad header has been taken out.
func (d *Deframer) Next() (Frame, error) {
	defer runtime.KeepAlive(d)
	var p *C.uint8_t
	var n C.size_t
	if err := d.check(C.epp_deframer_next(d.h, &p, &n)); err != nil {
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
