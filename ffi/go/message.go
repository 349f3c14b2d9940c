package epp

/*
#include <stdlib.h>
#include <string.h>
#include "epp.h"
*/
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// Kind is what a Message holds (epp_kind).
type Kind uint32

// The kinds of message (EPP_KIND_*).
const (
	KindNone     Kind = 0
	KindCommand  Kind = 1
	KindResponse Kind = 2
	KindGreeting Kind = 3
	KindError    Kind = 4
)

// CommandKind is the command of a command message (epp_command_kind).
type CommandKind uint32

// The commands (EPP_COMMAND_KIND_*).
const (
	CommandNone     CommandKind = 0
	CommandHello    CommandKind = 1
	CommandLogin    CommandKind = 2
	CommandLogout   CommandKind = 3
	CommandPoll     CommandKind = 4
	CommandCheck    CommandKind = 5
	CommandInfo     CommandKind = 6
	CommandCreate   CommandKind = 7
	CommandDelete   CommandKind = 8
	CommandRenew    CommandKind = 9
	CommandTransfer CommandKind = 10
	CommandUpdate   CommandKind = 11
)

// Object is the object a command acts on (epp_object).
type Object uint32

// The objects (EPP_OBJECT_*).
const (
	ObjectNone    Object = 0
	ObjectDomain  Object = 1
	ObjectHost    Object = 2
	ObjectContact Object = 3
	ObjectOther   Object = 4
)

// PollOp is the op of a poll command (epp_poll_op): 0 none, 1 req, 2 ack.
type PollOp uint32

// TransferOp is the op of a transfer command (epp_transfer_op): 0 none,
// then request, query, approve, reject, cancel.
type TransferOp uint32

// ResDataKind is what a response's <resData> holds (epp_res_data_kind);
// the numbers are those of EPP_RES_DATA_KIND_* (1 domain chkData, 2
// domain infData, … 16 other).
type ResDataKind uint32

// Field names a string field (EPP_FIELD_*).
type Field uint32

// The fields (EPP_FIELD_*); see include/epp.h for what each one is.
const (
	FieldClTRID           Field = 0
	FieldSvTRID           Field = 1
	FieldLoginClientID    Field = 2
	FieldLoginPassword    Field = 3
	FieldLoginNewPassword Field = 4
	FieldLoginVersion     Field = 5
	FieldLoginLang        Field = 6
	FieldPollMessageID    Field = 7
	FieldMsgQID           Field = 8
	FieldMsgQDate         Field = 9
	FieldMsgQMessage      Field = 10
	FieldObjectName       Field = 11
	FieldROID             Field = 12
	FieldClientID         Field = 13
	FieldCreatorID        Field = 14
	FieldCreated          Field = 15
	FieldUpdaterID        Field = 16
	FieldUpdated          Field = 17
	FieldExpires          Field = 18
	FieldTransferred      Field = 19
	FieldRegistrant       Field = 20
	FieldAuthPassword     Field = 21
	FieldServerID         Field = 22
	FieldServerDate       Field = 23
	FieldEmail            Field = 24
	FieldVoice            Field = 25
	FieldCurrentExpiry    Field = 26
	FieldLast             Field = 26
)

// List names a repeated string list (EPP_LIST_*).
type List uint32

// The lists (EPP_LIST_*); see include/epp.h for what each one is.
const (
	ListNames                 List = 0
	ListStatuses              List = 1
	ListStatusesAdd           List = 2
	ListStatusesRemove        List = 3
	ListNameServers           List = 4
	ListContacts              List = 5
	ListHosts                 List = 6
	ListLoginObjectURIs       List = 7
	ListLoginExtensionURIs    List = 8
	ListGreetingVersions      List = 9
	ListGreetingLangs         List = 10
	ListGreetingObjectURIs    List = 11
	ListGreetingExtensionURIs List = 12
	ListContactTypes          List = 13
	ListAddresses             List = 14
	ListNameServersAdd        List = 15
	ListNameServersRemove     List = 16
	ListContactsAdd           List = 17
	ListContactsRemove        List = 18
	ListAddressesAdd          List = 19
	ListAddressesRemove       List = 20
	ListLast                  List = 20
)

// DateTime is a date-time field as written (RFC 3339), field by field, so
// that nothing is lost: Second may be 60 (a leap second), and HasOffset
// tells whether the text gave a UTC offset.
type DateTime struct {
	Year                             int
	Month, Day, Hour, Minute, Second int
	Nanosecond                       int
	HasOffset                        bool
	OffsetMinutes                    int // east of UTC, when HasOffset
}

// Time converts to a time.Time in a fixed zone of the offset (UTC without
// one); a leap second becomes the next second, as time.Date normalizes it.
func (d DateTime) Time() time.Time {
	loc := time.UTC
	if d.HasOffset && d.OffsetMinutes != 0 {
		loc = time.FixedZone("", d.OffsetMinutes*60)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, d.Nanosecond, loc)
}

// Result is one <result> of a response.
type ResultEntry struct {
	Code       uint16
	Msg        string // the unescaped <msg>
	HasMessage bool
}

// Check is one <cd> entry of a check response's chkData.
type Check struct {
	Name      string
	Available bool
	Reason    string
	HasReason bool
}

// Extension is one element of a command's or response's <extension>.
type Extension struct {
	Namespace string
	XML       string // raw, start tag to end tag
}

// Message is a reusable message handle: read a frame, then its fields.
// Every value it hands out is valid until the next read or Close.
type Message struct {
	h       *C.epp_message
	frame   *C.uint8_t // C copy of the last frame given as a []byte
	cap     int
	scratch []byte    // Go buffer for *_unescaped calls (passed only during a call)
	bulk    bulkState // the frame of the last read and the bulk buffers (bulk.go)
}

// NewMessage makes a message handle. Close it when done.
func NewMessage() (*Message, error) {
	var h *C.epp_message
	if err := check(C.epp_message_new(&h)); err != nil {
		return nil, err
	}
	m := &Message{h: h, scratch: make([]byte, 256)}
	runtime.SetFinalizer(m, (*Message).Close)
	return m, nil
}

// Close frees the handle and its frame copy. Calling it again does nothing.
func (m *Message) Close() error {
	if m.h != nil {
		C.epp_message_free(m.h)
		m.h = nil
	}
	if m.frame != nil {
		C.free(unsafe.Pointer(m.frame))
		m.frame, m.cap = nil, 0
	}
	m.bulk.free()
	runtime.SetFinalizer(m, nil)
	return nil
}

type reader func(*C.epp_message, *C.uint8_t, C.size_t) C.epp_result

func readCommand(m *C.epp_message, p *C.uint8_t, n C.size_t) C.epp_result {
	return C.epp_message_read_command(m, p, n)
}
func readResponse(m *C.epp_message, p *C.uint8_t, n C.size_t) C.epp_result {
	return C.epp_message_read_response(m, p, n)
}
func readGreeting(m *C.epp_message, p *C.uint8_t, n C.size_t) C.epp_result {
	return C.epp_message_read_greeting(m, p, n)
}

// copyFrame copies frame into the handle's C buffer (grown as needed,
// then reused), since the library keeps a pointer to it after the call.
func (m *Message) copyFrame(frame []byte) *C.uint8_t {
	if len(frame) > m.cap || m.frame == nil {
		if m.frame != nil {
			C.free(unsafe.Pointer(m.frame))
		}
		size := max(len(frame), 4096)
		m.frame = (*C.uint8_t)(C.malloc(C.size_t(size)))
		if m.frame == nil {
			panic("epp: out of memory")
		}
		m.cap = size
	}
	if len(frame) > 0 {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(m.frame)), len(frame)), frame)
	}
	return m.frame
}

func (m *Message) read(read reader, p *C.uint8_t, n int) error {
	m.bulk.reset(p, n)
	r := read(m.h, p, C.size_t(n))
	if r == C.EPP_RESULT_READ_ERROR {
		return m.readError()
	}
	return check(r)
}

func (m *Message) readError() *Error {
	e := &Error{
		Result: ResultReadError,
		Code:   uint16(C.epp_message_error_code(m.h)),
		Offset: int(C.epp_message_error_offset(m.h)),
	}
	var p *C.char
	var n C.size_t
	if C.epp_message_error_message(m.h, &p, &n) == C.EPP_RESULT_OK {
		e.Message = C.GoStringN(p, C.int(n))
	}
	return e
}

// ReadCommand reads frame (the XML payload, without the 4-byte header) as
// a command, strictly, as a server must. A failure is an *Error with
// Result ResultReadError, the EPP result code to answer with, and the
// offset; [Message.WriteErrorResponse] writes the answer. The frame is
// copied: the caller may reuse it at once.
func (m *Message) ReadCommand(frame []byte) error {
	defer runtime.KeepAlive(m)
	return m.read(readCommand, m.copyFrame(frame), len(frame))
}

// ReadResponse reads frame as a response, tolerantly, as a client must.
// The frame is copied.
func (m *Message) ReadResponse(frame []byte) error {
	defer runtime.KeepAlive(m)
	return m.read(readResponse, m.copyFrame(frame), len(frame))
}

// ReadGreeting reads frame as a greeting, tolerantly. The frame is copied.
func (m *Message) ReadGreeting(frame []byte) error {
	defer runtime.KeepAlive(m)
	return m.read(readGreeting, m.copyFrame(frame), len(frame))
}

// ReadCommandFrame reads a frame from [Deframer.Next] as a command without
// copying it: the message borrows the deframer's memory, so its values are
// valid only until the next call on that deframer.
func (m *Message) ReadCommandFrame(f Frame) error {
	defer runtime.KeepAlive(m)
	defer runtime.KeepAlive(f.owner)
	return m.read(readCommand, f.p, f.n)
}

// ReadResponseFrame is ReadCommandFrame for a response.
func (m *Message) ReadResponseFrame(f Frame) error {
	defer runtime.KeepAlive(m)
	defer runtime.KeepAlive(f.owner)
	return m.read(readResponse, f.p, f.n)
}

// ReadGreetingFrame is ReadCommandFrame for a greeting.
func (m *Message) ReadGreetingFrame(f Frame) error {
	defer runtime.KeepAlive(m)
	defer runtime.KeepAlive(f.owner)
	return m.read(readGreeting, f.p, f.n)
}

// Kind is what the handle holds.
func (m *Message) Kind() Kind {
	defer runtime.KeepAlive(m)
	return Kind(C.epp_message_kind(m.h))
}

// CommandKind is the command of a command message (CommandNone otherwise).
func (m *Message) CommandKind() CommandKind {
	defer runtime.KeepAlive(m)
	return CommandKind(C.epp_message_command_kind(m.h))
}

// Object is the object a command acts on (ObjectNone otherwise).
func (m *Message) Object() Object {
	defer runtime.KeepAlive(m)
	return Object(C.epp_message_object(m.h))
}

// PollOp is the op of a poll command (0 otherwise).
func (m *Message) PollOp() PollOp {
	defer runtime.KeepAlive(m)
	return PollOp(C.epp_message_poll_op(m.h))
}

// TransferOp is the op of a transfer command (0 otherwise).
func (m *Message) TransferOp() TransferOp {
	defer runtime.KeepAlive(m)
	return TransferOp(C.epp_message_transfer_op(m.h))
}

// borrow views C memory as a byte slice (nil for an empty span).
func borrow(p *C.char, n C.size_t) []byte {
	if n == 0 {
		return []byte{}
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n))
}

// needsUnescape reports whether raw text differs from its value: only a
// reference (&) or a carriage return (line ends are normalized) changes it.
func needsUnescape(raw []byte) bool {
	for _, b := range raw {
		if b == '&' || b == '\r' {
			return true
		}
	}
	return false
}

// unescaped runs an *_unescaped accessor into the Go scratch buffer (Go
// memory handed to C for the call only), growing it once if needed.
func (m *Message) unescaped(call func(buf *C.char, cap C.size_t, outLen *C.size_t) C.epp_result) (string, bool) {
	for range 2 {
		var n C.size_t
		r := call((*C.char)(unsafe.Pointer(&m.scratch[0])), C.size_t(len(m.scratch)), &n)
		switch r {
		case C.EPP_RESULT_OK:
			return string(m.scratch[:n]), true
		case C.EPP_RESULT_BUFFER_TOO_SMALL:
			m.scratch = make([]byte, int(n)+1)
		default:
			return "", false
		}
	}
	return "", false
}

// FieldBytes is field f as written in the frame (raw: references not
// expanded), borrowed: valid until the next read or Close. ok is false
// when the message has no such field.
func (m *Message) FieldBytes(f Field) (raw []byte, ok bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_field(m.h, C.uint32_t(f), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// Field is the value of field f (references expanded, line ends
// normalized), copied. ok is false when the message has no such field.
func (m *Message) Field(f Field) (value string, ok bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.FieldBytes(f)
	if !ok {
		return "", false
	}
	if !needsUnescape(raw) {
		return string(raw), true
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_field_unescaped(m.h, C.uint32_t(f), b, c, n)
	})
}

// dateTimeOf is the Go form of a parsed epp_datetime.
func dateTimeOf(d C.epp_datetime) DateTime {
	return DateTime{
		Year: int(d.year), Month: int(d.month), Day: int(d.day),
		Hour: int(d.hour), Minute: int(d.minute), Second: int(d.second),
		Nanosecond: int(d.nanosecond), HasOffset: bool(d.has_offset),
		OffsetMinutes: int(d.offset_minutes),
	}
}

// FieldDateTime parses date-time field f (FieldCreated, FieldUpdated,
// FieldExpires, FieldTransferred, FieldMsgQDate, FieldServerDate). The
// error is an *Error: ResultAbsent, or ResultInvalidValue when the text is
// not an RFC 3339 date-time.
func (m *Message) FieldDateTime(f Field) (DateTime, error) {
	defer runtime.KeepAlive(m)
	var d C.epp_datetime
	if err := check(C.epp_message_field_datetime(m.h, C.uint32_t(f), &d)); err != nil {
		return DateTime{}, err
	}
	return dateTimeOf(d), nil
}

// FieldTime is FieldDateTime as a time.Time.
func (m *Message) FieldTime(f Field) (time.Time, error) {
	d, err := m.FieldDateTime(f)
	if err != nil {
		return time.Time{}, err
	}
	return d.Time(), nil
}

// ListLen is the number of items of list l (0 when the message has none).
func (m *Message) ListLen(l List) int {
	defer runtime.KeepAlive(m)
	return int(C.epp_message_list_count(m.h, C.uint32_t(l)))
}

// ListItemBytes is item i of list l as written, borrowed (valid until
// the next read or Close).
func (m *Message) ListItemBytes(l List, i int) ([]byte, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_list_item(m.h, C.uint32_t(l), C.size_t(i), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// ListItem is the value of item i of list l, copied.
func (m *Message) ListItem(l List, i int) (string, bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.ListItemBytes(l, i)
	if !ok {
		return "", false
	}
	if !needsUnescape(raw) {
		return string(raw), true
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_list_item_unescaped(m.h, C.uint32_t(l), C.size_t(i), b, c, n)
	})
}

// List is every value of list l (nil when the message has none).
func (m *Message) List(l List) []string {
	n := m.ListLen(l)
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i := range n {
		v, _ := m.ListItem(l, i)
		out = append(out, v)
	}
	return out
}

// ResultCount is the number of <result>s of a response.
func (m *Message) ResultCount() int {
	defer runtime.KeepAlive(m)
	return int(C.epp_message_result_count(m.h))
}

// ResultCode is the code of result i (e.g. 1000).
func (m *Message) ResultCode(i int) (uint16, bool) {
	defer runtime.KeepAlive(m)
	var code C.uint16_t
	if C.epp_message_result_code(m.h, C.size_t(i), &code) != C.EPP_RESULT_OK {
		return 0, false
	}
	return uint16(code), true
}

// ResultMsgBytes is the <msg> of result i as written, borrowed (valid
// until the next read or Close).
func (m *Message) ResultMsgBytes(i int) ([]byte, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_result_msg(m.h, C.size_t(i), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// ResultMsg is the unescaped <msg> of result i, copied.
func (m *Message) ResultMsg(i int) (string, bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.ResultMsgBytes(i)
	if !ok {
		return "", false
	}
	if !needsUnescape(raw) {
		return string(raw), true
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_result_msg_unescaped(m.h, C.size_t(i), b, c, n)
	})
}

// Results is every <result> of a response.
func (m *Message) Results() []ResultEntry {
	n := m.ResultCount()
	out := make([]ResultEntry, 0, n)
	for i := range n {
		code, ok := m.ResultCode(i)
		if !ok {
			continue
		}
		msg, has := m.ResultMsg(i)
		out = append(out, ResultEntry{Code: code, Msg: msg, HasMessage: has})
	}
	return out
}

// MsgQCount is the count of a response's <msgQ> (ok false without one).
func (m *Message) MsgQCount() (count uint64, ok bool) {
	defer runtime.KeepAlive(m)
	var c C.uint64_t
	if C.epp_message_msgq_count(m.h, &c) != C.EPP_RESULT_OK {
		return 0, false
	}
	return uint64(c), true
}

// ResDataKind is what the first child of a response's <resData> is.
func (m *Message) ResDataKind() ResDataKind {
	defer runtime.KeepAlive(m)
	return ResDataKind(C.epp_message_res_data_kind(m.h))
}

// ResDataXML is the raw XML of the first child of <resData>, copied.
func (m *Message) ResDataXML() (string, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_res_data_xml(m.h, &p, &n) != C.EPP_RESULT_OK {
		return "", false
	}
	return C.GoStringN(p, C.int(n)), true
}

// Checks is every entry of a check response's chkData (names raw, as
// the C ABI hands them out).
func (m *Message) Checks() []Check {
	defer runtime.KeepAlive(m)
	n := int(C.epp_message_check_count(m.h))
	out := make([]Check, 0, n)
	for i := range n {
		var c Check
		var p *C.char
		var l C.size_t
		if C.epp_message_check_name(m.h, C.size_t(i), &p, &l) == C.EPP_RESULT_OK {
			c.Name = C.GoStringN(p, C.int(l))
		}
		var avail C.bool
		if C.epp_message_check_available(m.h, C.size_t(i), &avail) == C.EPP_RESULT_OK {
			c.Available = bool(avail)
		}
		if C.epp_message_check_reason(m.h, C.size_t(i), &p, &l) == C.EPP_RESULT_OK {
			c.Reason, c.HasReason = C.GoStringN(p, C.int(l)), true
		}
		out = append(out, c)
	}
	return out
}

// Extensions is every element of the message's <extension>.
func (m *Message) Extensions() []Extension {
	defer runtime.KeepAlive(m)
	n := int(C.epp_message_extension_count(m.h))
	out := make([]Extension, 0, n)
	for i := range n {
		var e Extension
		var p *C.char
		var l C.size_t
		if C.epp_message_extension_namespace(m.h, C.size_t(i), &p, &l) == C.EPP_RESULT_OK {
			e.Namespace = C.GoStringN(p, C.int(l))
		}
		if C.epp_message_extension_xml(m.h, C.size_t(i), &p, &l) == C.EPP_RESULT_OK {
			e.XML = C.GoStringN(p, C.int(l))
		}
		out = append(out, e)
	}
	return out
}
