package epp

/*
#include "epp.h"
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// WriteFlags choose how a writer writes (EPP_WRITE_*).
type WriteFlags uint32

const (
	// WriteFramed writes the 4-byte RFC 5734 length header first.
	WriteFramed WriteFlags = 1
	// WriteNoDeclaration leaves out the <?xml …?> declaration.
	WriteNoDeclaration WriteFlags = 2
)

// MaxCheckNames is the most names WriteDomainCheck takes.
const MaxCheckNames = 64

// cstr passes a Go string for the duration of a call: its bytes are Go
// memory with no pointers in them, which cgo allows. "" is absent.
func cstr(s string) C.epp_str {
	if s == "" {
		return C.epp_str{}
	}
	return C.epp_str{ptr: (*C.char)(unsafe.Pointer(unsafe.StringData(s))), len: C.size_t(len(s))}
}

// write calls a writer into dst's spare capacity (Go memory, for the call
// only), growing dst once when the library says how much it needs. It
// returns dst with the message appended, like append.
func write(dst []byte, call func(buf *C.uint8_t, cap C.size_t, outLen *C.size_t) C.epp_result) ([]byte, error) {
	for range 2 {
		spare := cap(dst) - len(dst)
		if spare == 0 {
			dst = append(dst, 0)[:len(dst)]
			spare = cap(dst) - len(dst)
		}
		buf := dst[len(dst):cap(dst)]
		var n C.size_t
		r := call((*C.uint8_t)(unsafe.Pointer(&buf[0])), C.size_t(spare), &n)
		switch r {
		case C.EPP_RESULT_OK:
			return dst[:len(dst)+int(n)], nil
		case C.EPP_RESULT_BUFFER_TOO_SMALL:
			grown := make([]byte, len(dst), len(dst)+int(n))
			copy(grown, dst)
			dst = grown
		default:
			return dst, check(r)
		}
	}
	return dst, &Error{Result: ResultBufferTooSmall}
}

// AppendErrorResponse appends the error response answering the failed
// command read m holds (after ReadCommand returned a read error): its
// result code and text, the offending element in <extValue> when it can
// be, and the transaction ids (clTRID may be "": absent).
func (m *Message) AppendErrorResponse(dst []byte, svTRID, clTRID string, flags WriteFlags) ([]byte, error) {
	defer runtime.KeepAlive(m)
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_error_response(m.h, cstr(svTRID), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendResponse appends a response with one result: code (1000 to 2999),
// msg ("" for the RFC 5730 text of the code), clTRID ("" absent), svTRID.
func AppendResponse(dst []byte, code uint16, msg, clTRID, svTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_response(C.uint16_t(code), cstr(msg), cstr(clTRID), cstr(svTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendHello appends <hello/>.
func AppendHello(dst []byte, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_hello(C.uint32_t(flags), b, c, n)
	})
}

// AppendLogout appends <logout/> with clTRID ("" absent).
func AppendLogout(dst []byte, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_logout(cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendPollRequest appends <poll op="req"/> with clTRID ("" absent).
func AppendPollRequest(dst []byte, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_poll_request(cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendPollAck appends <poll op="ack" msgID="…"/> with clTRID ("" absent).
func AppendPollAck(dst []byte, messageID, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_poll_ack(cstr(messageID), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendDomainCheck appends a <domain:check> of names (1 to
// MaxCheckNames). The names' bytes are pinned (runtime.Pinner) for the
// call, since the array handed to C holds pointers to them.
func AppendDomainCheck(dst []byte, names []string, clTRID string, flags WriteFlags) ([]byte, error) {
	if len(names) == 0 || len(names) > MaxCheckNames {
		return dst, &Error{Result: ResultInvalidArgument}
	}
	var pinner runtime.Pinner
	defer pinner.Unpin()
	strs := make([]C.epp_str, len(names))
	for i, name := range names {
		strs[i] = cstr(name)
		if strs[i].ptr != nil {
			pinner.Pin(strs[i].ptr)
		}
	}
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_domain_check(&strs[0], C.size_t(len(strs)), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendDomainInfo appends a <domain:info> of name with clTRID ("" absent).
func AppendDomainInfo(dst []byte, name, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_domain_info(cstr(name), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}
