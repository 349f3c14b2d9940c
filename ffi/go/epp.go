// Package epp is the Go binding of epp-codec, a zero-copy EPP (RFC
// 5730-5734) codec written in Rust, over its C ABI (include/epp.h).
//
// It links the static library target/release/libepp.a built by
//
//	cargo build --release -p epp-codec-ffi
//
// from the repository root (cgo needs CGO_ENABLED=1 and a C compiler).
//
// # Handles
//
// A [Deframer] splits a byte stream into RFC 5734 frames; a [Message] reads
// one frame at a time as a command, response or greeting and is reused for
// message after message (reading allocates nothing in the library). Both
// hold C memory: call Close when done. A finalizer frees a forgotten handle,
// but only as a safety net: a handle the garbage collector never gets to is
// never freed. A handle is not safe for concurrent use; it may move between
// goroutines.
//
// # Memory and cgo's pointer rules
//
// Go memory is passed to C only for the duration of a call (the bytes given
// to [Deframer.Push], writer buffers, string arguments), or pinned with
// [runtime.Pinner] for that call when a slice of strings is passed. The
// library never keeps a Go pointer: [Message.ReadCommand] and friends copy
// the frame into C memory owned by the Message. Strings returned as Go
// strings are copies; the *Bytes methods ([Message.FieldBytes],
// [Frame.Bytes], …) return borrowed slices of C memory, valid only until the
// next read on the Message (or the next call on the Deframer for a frame).
package epp

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#cgo LDFLAGS: ${SRCDIR}/../../target/release/libepp.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
#include <stdlib.h>
#include "epp.h"
*/
import "C"

import "fmt"

// Result is an epp_result: what a library call did. The numbers are stable.
type Result uint32

// The results of the C ABI (EPP_RESULT_*).
const (
	ResultOK              Result = 0
	ResultNullArgument    Result = 1
	ResultInvalidArgument Result = 2
	ResultIndexOutOfRange Result = 3
	ResultAbsent          Result = 4
	ResultWrongKind       Result = 5
	ResultIncomplete      Result = 6
	ResultFrameInvalid    Result = 7
	ResultFrameTooLong    Result = 8
	ResultReadError       Result = 9
	ResultBufferTooSmall  Result = 10
	ResultWriteError      Result = 11
	ResultInvalidUTF8     Result = 12
	ResultPanic           Result = 13
	ResultInvalidValue    Result = 14
)

// String is the library's description of the result (epp_result_str).
func (r Result) String() string {
	return C.GoString(C.epp_result_str(C.uint32_t(r)))
}

// Error is a failed call: its [Result], and after a failed read
// ([ResultReadError]) the EPP result code a server answers with (Code, 0
// for a failed response or greeting read), the byte offset in the frame
// where the error was found, and the library's description.
type Error struct {
	Result  Result
	Code    uint16
	Offset  int
	Message string
}

// Error describes the failure.
func (e *Error) Error() string {
	if e.Result == ResultReadError {
		return fmt.Sprintf("epp: read error (EPP code %d) at byte %d: %s", e.Code, e.Offset, e.Message)
	}
	return "epp: " + e.Result.String()
}

// Is reports whether target is an *Error with the same Result, so that
// errors.Is(err, epp.ErrIncomplete) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Result == e.Result
}

// Sentinels for errors.Is.
var (
	// ErrIncomplete: the deframer holds no complete frame; push more bytes.
	ErrIncomplete = &Error{Result: ResultIncomplete}
	// ErrReadError: a message could not be read (see the *Error's Code and Offset).
	ErrReadError = &Error{Result: ResultReadError}
	// ErrFrameInvalid: the stream is not RFC 5734 framed; close the
	// connection. The deframer's error is a *FrameError saying what and where.
	ErrFrameInvalid = &Error{Result: ResultFrameInvalid}
	// ErrFrameTooLong: a frame is longer than the deframer's maximum; close
	// the connection. The deframer's error is a *FrameError saying what and where.
	ErrFrameTooLong = &Error{Result: ResultFrameTooLong}
)

// check turns a result into nil or an *Error.
func check(r C.epp_result) error {
	if r == C.EPP_RESULT_OK {
		return nil
	}
	return &Error{Result: Result(r)}
}

// Version is the library version, such as "0.1.0".
func Version() string {
	return C.GoString(C.epp_version())
}
