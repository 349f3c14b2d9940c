package epp

/*
#include <stdlib.h>
#include "epp.h"
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// FieldCount is the number of fields (FieldLast + 1).
const FieldCount = int(FieldLast) + 1

// ListCount is the number of lists (ListLast + 1).
const ListCount = int(ListLast) + 1

// Span flags (EPP_SPAN_*).
const (
	spanPresent = C.EPP_SPAN_PRESENT
	spanPlain   = C.EPP_SPAN_PRESENT // present, neither escaped nor detached
)

// bulkState is what a Message keeps for [Message.Fields]: where the frame
// of the last read is (C memory), its Go copy once made, and the arrays
// epp_message_bulk fills. Those live in C memory, allocated on first use
// and grown as needed, since the epp_bulk struct that points to them is
// itself handed to C (cgo forbids Go memory holding Go pointers there).
type bulkState struct {
	frame  *C.uint8_t
	n      int
	text   string // the Go copy of the frame, when textOK
	textOK bool
	c      *C.epp_bulk // nil until the first Fields
}

// reset forgets the previous frame: a read is about to replace it.
func (b *bulkState) reset(frame *C.uint8_t, n int) {
	b.frame, b.n, b.text, b.textOK = frame, n, "", false
}

// frameText is the frame as one Go string, copied once per read.
func (b *bulkState) frameText() string {
	if !b.textOK {
		b.text = ""
		if b.n > 0 {
			b.text = string(unsafe.Slice((*byte)(unsafe.Pointer(b.frame)), b.n))
		}
		b.textOK = true
	}
	return b.text
}

// cAlloc allocates n zeroed values of T in C memory.
func cAlloc[T any](n int) *T {
	var zero T
	p := C.calloc(C.size_t(max(n, 1)), C.size_t(unsafe.Sizeof(zero)))
	if p == nil {
		panic("epp: out of memory")
	}
	return (*T)(p)
}

// arrays makes the C arrays, with room for typical messages.
func (b *bulkState) arrays() *C.epp_bulk {
	if b.c == nil {
		c := cAlloc[C.epp_bulk](1)
		c.fields, c.fields_cap = cAlloc[C.epp_span](C.EPP_FIELD_COUNT), C.EPP_FIELD_COUNT
		c.counts, c.counts_cap = cAlloc[C.uint32_t](C.EPP_LIST_COUNT), C.EPP_LIST_COUNT
		c.items, c.items_cap = cAlloc[C.epp_span](64), 64
		c.results, c.results_cap = cAlloc[C.epp_result_entry](4), 4
		c.checks, c.checks_cap = cAlloc[C.epp_check_entry](16), 16
		b.c = c
	}
	return b.c
}

// growTo makes room for the lengths the library asked for.
func (b *bulkState) growTo() {
	c := b.c
	if c.items_len > c.items_cap {
		C.free(unsafe.Pointer(c.items))
		c.items, c.items_cap = cAlloc[C.epp_span](int(c.items_len)), c.items_len
	}
	if c.results_len > c.results_cap {
		C.free(unsafe.Pointer(c.results))
		c.results, c.results_cap = cAlloc[C.epp_result_entry](int(c.results_len)), c.results_len
	}
	if c.checks_len > c.checks_cap {
		C.free(unsafe.Pointer(c.checks))
		c.checks, c.checks_cap = cAlloc[C.epp_check_entry](int(c.checks_len)), c.checks_len
	}
}

// free releases the C arrays (Message.Close).
func (b *bulkState) free() {
	if c := b.c; c != nil {
		C.free(unsafe.Pointer(c.fields))
		C.free(unsafe.Pointer(c.counts))
		C.free(unsafe.Pointer(c.items))
		C.free(unsafe.Pointer(c.results))
		C.free(unsafe.Pointer(c.checks))
		C.free(unsafe.Pointer(c))
		b.c = nil
	}
	b.reset(nil, 0)
}

// Fields is every value of a message at once: its string fields, its
// lists, and a response's results and check entries, taken by
// [Message.Fields] in one cgo call.
//
// The strings are substrings of one Go copy of the frame (a value that
// needs unescaping is copied on its own), so the first string made costs
// one copy of the frame and the others cost nothing; in exchange, any of
// them keeps that copy alive. Use strings.Clone on a value kept for long
// when the frame is large.
type Fields struct {
	values  [FieldCount]string
	present [FieldCount]bool
	lists   [ListCount][]string
	// Results is every <result> of a response (nil for other messages),
	// as [Message.Results] gives them.
	Results []ResultEntry
	// Checks is every <cd> entry of a check response, as
	// [Message.Checks] gives them (names and reasons raw).
	Checks []Check
}

// Field is the value of field f (references expanded, line ends
// normalized), as [Message.Field] gives it; ok is false when the message
// has no such field.
func (f *Fields) Field(field Field) (value string, ok bool) {
	if int(field) >= FieldCount {
		return "", false
	}
	return f.values[field], f.present[field]
}

// List is every value of list l (nil when the message has none), as
// [Message.List] gives it. The slices of one Fields share one backing
// array, each capped at its length, so appending to one copies it.
func (f *Fields) List(l List) []string {
	if int(l) >= ListCount {
		return nil
	}
	return f.lists[l]
}

// takeBulk runs epp_message_bulk (every bulk accessor, one cgo call) into
// the handle's arrays, growing them once when the message has more items
// than they hold.
func (m *Message) takeBulk() (*C.epp_bulk, error) {
	c := m.bulk.arrays()
	for range 2 {
		r := C.epp_message_bulk(m.h, c)
		if r != C.EPP_RESULT_BUFFER_TOO_SMALL {
			return c, check(r)
		}
		m.bulk.growTo()
	}
	return nil, &Error{Result: ResultBufferTooSmall}
}

// sub is the text of a span in the frame's copy.
func sub(text string, s C.epp_span) string {
	return text[s.offset : s.offset+s.len]
}

// Fields takes every field, list, result and check entry of the message
// read last, in one cgo call, into Go strings (see [Fields] for how they
// share memory). It is the fast path when a program reads more than a few
// values: the single-value methods cost a cgo call each. The error is an
// *Error with ResultWrongKind when the handle holds no message.
func (m *Message) Fields() (*Fields, error) {
	defer runtime.KeepAlive(m)
	c, err := m.takeBulk()
	if err != nil {
		return nil, err
	}
	return m.fieldsFrom(c), nil
}

// fieldsFrom makes the Go values of the bulk arrays c, just filled for
// the message read last.
func (m *Message) fieldsFrom(c *C.epp_bulk) *Fields {
	fields := unsafe.Slice(c.fields, C.EPP_FIELD_COUNT)
	counts := unsafe.Slice(c.counts, C.EPP_LIST_COUNT)
	text := m.bulk.frameText()
	f := &Fields{}
	// A span is the value itself when its flags are exactly "present";
	// otherwise (escaped, or a constant of the library) the *_unescaped
	// accessor copies the value.
	for i, s := range fields {
		switch s.flags {
		case 0:
		case spanPlain:
			f.values[i], f.present[i] = sub(text, s), true
		default:
			fi := C.uint32_t(i)
			f.values[i], f.present[i] = m.unescaped(func(buf *C.char, c C.size_t, n *C.size_t) C.epp_result {
				return C.epp_message_field_unescaped(m.h, fi, buf, c, n)
			})
		}
	}
	if total := int(c.items_len); total > 0 {
		items := unsafe.Slice(c.items, total)
		all := make([]string, total)
		at := 0
		for l, count := range counts {
			n := int(count)
			if n == 0 {
				continue
			}
			for i, s := range items[at : at+n] {
				if s.flags == spanPlain {
					all[at+i] = sub(text, s)
					continue
				}
				li, ii := C.uint32_t(l), C.size_t(i)
				all[at+i], _ = m.unescaped(func(buf *C.char, c C.size_t, n *C.size_t) C.epp_result {
					return C.epp_message_list_item_unescaped(m.h, li, ii, buf, c, n)
				})
			}
			f.lists[l] = all[at : at+n : at+n]
			at += n
		}
	}
	if n := int(c.results_len); n > 0 {
		f.Results = make([]ResultEntry, n)
		for i, e := range unsafe.Slice(c.results, n) {
			r := &f.Results[i]
			r.Code = uint16(e.code)
			switch e.msg.flags {
			case 0:
			case spanPlain:
				r.Msg, r.HasMessage = sub(text, e.msg), true
			default:
				ii := C.size_t(i)
				r.Msg, r.HasMessage = m.unescaped(func(buf *C.char, c C.size_t, n *C.size_t) C.epp_result {
					return C.epp_message_result_msg_unescaped(m.h, ii, buf, c, n)
				})
			}
		}
	}
	if n := int(c.checks_len); n > 0 {
		// Names and reasons raw, as Message.Checks gives them; check
		// entries are always in the frame.
		f.Checks = make([]Check, n)
		for i, e := range unsafe.Slice(c.checks, n) {
			c := &f.Checks[i]
			c.Name = sub(text, e.name)
			if e.reason.flags&spanPresent != 0 {
				c.Reason, c.HasReason = sub(text, e.reason), true
			}
			c.Available = e.available == 1
		}
	}
	return f
}
