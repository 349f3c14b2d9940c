package epp

/*
#include "epp.h"
*/
import "C"

import "runtime"

// PeriodUnit is the unit of a registration period (epp_period_unit).
type PeriodUnit uint32

// The period units (EPP_PERIOD_UNIT_*).
const (
	PeriodNone   PeriodUnit = 0
	PeriodYears  PeriodUnit = 1
	PeriodMonths PeriodUnit = 2
)

// Period is a registration period; the zero value is "none" (the
// server's default).
type Period struct {
	Value int
	Unit  PeriodUnit
}

// IPVersion is the version of a host address (epp_ip_version): 4 or 6,
// 0 for none.
type IPVersion uint32

// NameServerForm is how a <domain:ns> names its servers
// (epp_name_server_form): 0 none, 1 host objects, 2 host attributes.
type NameServerForm uint32

// The name server forms (EPP_NAME_SERVER_FORM_*).
const (
	NameServersNone       NameServerForm = 0
	NameServersObjects    NameServerForm = 1
	NameServersAttributes NameServerForm = 2
)

// HostAddress is one <domain:hostAddr> of a host attribute.
type HostAddress struct {
	Address string
	Version IPVersion
}

// ObjectField names an object field (EPP_OBJECT_*): update changes,
// authInfo roid, the hosts filter, transfer and pending-action data.
type ObjectField uint32

// The object fields (EPP_OBJECT_*); see include/epp.h.
const (
	ObjectNewName         ObjectField = 0
	ObjectNewRegistrant   ObjectField = 1
	ObjectNewAuthPassword ObjectField = 2
	ObjectAuthROID        ObjectField = 3
	ObjectHostsFilter     ObjectField = 4
	ObjectTransferStatus  ObjectField = 5
	ObjectRequesterID     ObjectField = 6
	ObjectRequested       ObjectField = 7
	ObjectActorID         ObjectField = 8
	ObjectActionDue       ObjectField = 9
	ObjectTransferExpires ObjectField = 10
	ObjectPendingResult   ObjectField = 11
	ObjectPendingClTRID   ObjectField = 12
	ObjectPendingSvTRID   ObjectField = 13
	ObjectPendingDate     ObjectField = 14
	ObjectFieldLast       ObjectField = 14
)

// Period is the <period> of a domain create, renew or transfer command.
func (m *Message) Period() (Period, bool) {
	defer runtime.KeepAlive(m)
	var p C.epp_period
	if C.epp_message_period(m.h, &p) != C.EPP_RESULT_OK {
		return Period{}, false
	}
	return Period{Value: int(p.value), Unit: PeriodUnit(p.unit)}, true
}

// AddressVersion is the IP version of item i of an address list
// (ListAddresses, ListAddressesAdd, ListAddressesRemove); 0 past the end.
func (m *Message) AddressVersion(l List, i int) IPVersion {
	defer runtime.KeepAlive(m)
	return IPVersion(C.epp_message_address_version(m.h, C.uint32_t(l), C.size_t(i)))
}

// NameServerForm is how name server list l (ListNameServers, ListNameServersAdd,
// ListNameServersRemove) gives its servers.
func (m *Message) NameServerForm(l List) NameServerForm {
	defer runtime.KeepAlive(m)
	return NameServerForm(C.epp_message_name_server_form(m.h, C.uint32_t(l)))
}

// NameServerAddresses is the addresses of name server i of list l (a host
// attribute; none for a host object), copied.
func (m *Message) NameServerAddresses(l List, i int) []HostAddress {
	defer runtime.KeepAlive(m)
	n := int(C.epp_message_name_server_address_count(m.h, C.uint32_t(l), C.size_t(i)))
	out := make([]HostAddress, 0, n)
	for a := range n {
		var p *C.char
		var size C.size_t
		var v C.epp_ip_version
		if C.epp_message_name_server_address(m.h, C.uint32_t(l), C.size_t(i), C.size_t(a), &p, &size, &v) != C.EPP_RESULT_OK {
			continue
		}
		out = append(out, HostAddress{Address: string(borrow(p, size)), Version: IPVersion(v)})
	}
	return out
}

// ObjectFieldBytes is object field f as written, borrowed until the next read.
func (m *Message) ObjectFieldBytes(f ObjectField) ([]byte, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_object_field(m.h, C.uint32_t(f), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// ObjectField is the value of object field f, copied.
func (m *Message) ObjectField(f ObjectField) (string, bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.ObjectFieldBytes(f)
	if !ok || !needsUnescape(raw) {
		return string(raw), ok
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_object_field_unescaped(m.h, C.uint32_t(f), b, c, n)
	})
}

// ObjectFieldDateTime parses date-time object field f (ObjectRequested,
// ObjectActionDue, ObjectTransferExpires, ObjectPendingDate); the error is
// an *Error (ResultAbsent, or ResultInvalidValue for text that is not RFC 3339).
func (m *Message) ObjectFieldDateTime(f ObjectField) (DateTime, error) {
	defer runtime.KeepAlive(m)
	var d C.epp_datetime
	if err := check(C.epp_message_object_field_datetime(m.h, C.uint32_t(f), &d)); err != nil {
		return DateTime{}, err
	}
	return dateTimeOf(d), nil
}

// StatusTextBytes is the text of status i of list l (ListStatuses,
// ListStatusesAdd, ListStatusesRemove) as written, borrowed; ok is false
// when the status has none.
func (m *Message) StatusTextBytes(l List, i int) ([]byte, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_status_text(m.h, C.uint32_t(l), C.size_t(i), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// StatusText is the value of the text of status i of list l, copied.
func (m *Message) StatusText(l List, i int) (string, bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.StatusTextBytes(l, i)
	if !ok || !needsUnescape(raw) {
		return string(raw), ok
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_status_text_unescaped(m.h, C.uint32_t(l), C.size_t(i), b, c, n)
	})
}

// StatusLang is the lang attribute of status i of list l, if any.
func (m *Message) StatusLang(l List, i int) (string, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_status_lang(m.h, C.uint32_t(l), C.size_t(i), &p, &n) != C.EPP_RESULT_OK {
		return "", false
	}
	return string(borrow(p, n)), true
}
