package epp

/*
#include "epp.h"
*/
import "C"

import "runtime"

// readBulk is epp_message_read_command_bulk or _response_bulk.
type readBulk func(*C.epp_message, *C.uint8_t, C.size_t, *C.epp_bulk) C.epp_result

func readCommandBulk(m *C.epp_message, p *C.uint8_t, n C.size_t, b *C.epp_bulk) C.epp_result {
	return C.epp_message_read_command_bulk(m, p, n, b)
}

func readResponseBulk(m *C.epp_message, p *C.uint8_t, n C.size_t, b *C.epp_bulk) C.epp_result {
	return C.epp_message_read_response_bulk(m, p, n, b)
}

// ReadCommandFields is [Message.ReadCommand] then [Message.Fields] in one
// cgo call: the fastest way to every value of a command. Errors as those
// two methods give them. The frame is copied, as ReadCommand copies it.
func (m *Message) ReadCommandFields(frame []byte) (*Fields, error) {
	defer runtime.KeepAlive(m)
	return m.readFields(readCommandBulk, frame)
}

// ReadResponseFields is [Message.ReadResponse] then [Message.Fields] in
// one cgo call (see [Message.ReadCommandFields]).
func (m *Message) ReadResponseFields(frame []byte) (*Fields, error) {
	defer runtime.KeepAlive(m)
	return m.readFields(readResponseBulk, frame)
}

func (m *Message) readFields(read readBulk, frame []byte) (*Fields, error) {
	p := m.copyFrame(frame)
	m.bulk.reset(p, len(frame))
	c := m.bulk.arrays()
	r := read(m.h, p, C.size_t(len(frame)), c)
	switch r {
	case C.EPP_RESULT_OK:
	case C.EPP_RESULT_READ_ERROR:
		return nil, m.readError()
	case C.EPP_RESULT_BUFFER_TOO_SMALL:
		// The message is read; the arrays were too small for it.
		m.bulk.growTo()
		var err error
		if c, err = m.takeBulk(); err != nil {
			return nil, err
		}
	default:
		return nil, check(r)
	}
	return m.fieldsFrom(c), nil
}
