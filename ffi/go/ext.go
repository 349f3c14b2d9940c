package epp

/*
#include "epp.h"
*/
import "C"

import "runtime"

// ExtKind is what a typed extension element is (epp_ext_kind): 0 none,
// 1 raw (not typed), 2 secDNS create, 3 secDNS update, 4 secDNS infData,
// 5 rgp update, 6 rgp statuses, 7 allocation token, 8 allocation token
// info, 9 ttl, 10 loginSec, 11 loginSec data, 12 fee command, 13 fee
// data, 14 launch command, 15 launch data.
type ExtKind uint32

// ExtList names a list of a typed extension element (EPP_EXT_LIST_*).
type ExtList uint32

// The extension lists (EPP_EXT_LIST_*).
const (
	ExtListSelf               ExtList = 0
	ExtListDSData             ExtList = 1
	ExtListKeyData            ExtList = 2
	ExtListRemoveDSData       ExtList = 3
	ExtListRemoveKeyData      ExtList = 4
	ExtListRGPStatuses        ExtList = 5
	ExtListTTLs               ExtList = 6
	ExtListFees               ExtList = 7
	ExtListCredits            ExtList = 8
	ExtListFeeCheckItems      ExtList = 9
	ExtListFeeCommands        ExtList = 10
	ExtListLoginSecEvents     ExtList = 11
	ExtListLaunchCheckResults ExtList = 12
	ExtListLast               ExtList = 29
)

// ExtField names a field of an extension item (EPP_EXT_*); include/epp.h
// says which are numbers and which strings.
type ExtField uint32

// A few of the extension fields (EPP_EXT_*); every number from 0 to
// ExtFieldLast is one.
const (
	ExtMaxSigLife    ExtField = 0
	ExtKeyTag        ExtField = 3
	ExtAlg           ExtField = 4
	ExtDigestType    ExtField = 5
	ExtDigest        ExtField = 6
	ExtPublicKey     ExtField = 10
	ExtRestoreOp     ExtField = 11
	ExtStatus        ExtField = 12
	ExtToken         ExtField = 15
	ExtRecordType    ExtField = 16
	ExtSeconds       ExtField = 18
	ExtCurrency      ExtField = 22
	ExtAmount        ExtField = 23
	ExtDescription   ExtField = 24
	ExtObjectID      ExtField = 30
	ExtAvailable     ExtField = 31
	ExtPhase         ExtField = 34
	ExtApplicationID ExtField = 36
	ExtFieldLast     ExtField = 120
)

// extIndex is element index i as the C ABI takes it.
func extIndex(i int) C.size_t {
	if i == ExtIndexData {
		return C.size_t(C.EPP_EXT_INDEX_DATA)
	}
	return C.size_t(i)
}

// ExtKind is what extension element i is.
func (m *Message) ExtKind(i int) ExtKind {
	defer runtime.KeepAlive(m)
	return ExtKind(C.epp_message_ext_kind(m.h, extIndex(i)))
}

// ExtCount is the number of items of list l of extension element i (1
// for ExtListSelf).
func (m *Message) ExtCount(i int, l ExtList) int {
	defer runtime.KeepAlive(m)
	return int(C.epp_message_ext_count(m.h, extIndex(i), C.uint32_t(l)))
}

// ExtNumber is number field f of item of list l of extension element i.
func (m *Message) ExtNumber(i int, l ExtList, item int, f ExtField) (uint64, bool) {
	defer runtime.KeepAlive(m)
	var n C.uint64_t
	if C.epp_message_ext_number(m.h, extIndex(i), C.uint32_t(l), C.size_t(item), C.uint32_t(f), &n) != C.EPP_RESULT_OK {
		return 0, false
	}
	return uint64(n), true
}

// ExtStringBytes is string field f of an extension item as written, borrowed.
func (m *Message) ExtStringBytes(i int, l ExtList, item int, f ExtField) ([]byte, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_ext_string(m.h, extIndex(i), C.uint32_t(l), C.size_t(item), C.uint32_t(f), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// ExtString is the value of string field f of an extension item, copied.
func (m *Message) ExtString(i int, l ExtList, item int, f ExtField) (string, bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.ExtStringBytes(i, l, item, f)
	if !ok || !needsUnescape(raw) {
		return string(raw), ok
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_ext_string_unescaped(m.h, extIndex(i), C.uint32_t(l), C.size_t(item), C.uint32_t(f), b, c, n)
	})
}
