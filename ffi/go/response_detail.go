package epp

/*
#include "epp.h"
*/
import "C"

import "runtime"

// strOut calls a C string getter and copies its (pointer, length) out.
func strOut(get func(p **C.char, n *C.size_t) C.epp_result) (string, bool) {
	var p *C.char
	var n C.size_t
	if get(&p, &n) != C.EPP_RESULT_OK {
		return "", false
	}
	return string(borrow(p, n)), true
}

// ResultMsgLang is the lang attribute of result i's <msg> (false when
// absent: English).
func (m *Message) ResultMsgLang(i int) (string, bool) {
	defer runtime.KeepAlive(m)
	return strOut(func(p **C.char, n *C.size_t) C.epp_result {
		return C.epp_message_result_msg_lang(m.h, C.size_t(i), p, n)
	})
}

// ResultValues are the <value> elements of result i, each the whole
// element as written (raw XML with the declarations on <value>).
func (m *Message) ResultValues(i int) []string {
	defer runtime.KeepAlive(m)
	count := int(C.epp_message_result_value_count(m.h, C.size_t(i)))
	values := make([]string, 0, count)
	for j := range count {
		v, _ := strOut(func(p **C.char, n *C.size_t) C.epp_result {
			return C.epp_message_result_value(m.h, C.size_t(i), C.size_t(j), p, n)
		})
		values = append(values, v)
	}
	return values
}

// ExtValue is one <extValue> of a result: the <value> element as written,
// the <reason> (unescaped) and its language.
type ExtValue struct {
	Value      string
	HasValue   bool
	Reason     string
	HasReason  bool
	ReasonLang string
	HasLang    bool
}

// ResultExtValues are the <extValue> elements of result i.
func (m *Message) ResultExtValues(i int) []ExtValue {
	defer runtime.KeepAlive(m)
	count := int(C.epp_message_result_ext_value_count(m.h, C.size_t(i)))
	out := make([]ExtValue, 0, count)
	for j := range count {
		var e ExtValue
		ri, rj := C.size_t(i), C.size_t(j)
		e.Value, e.HasValue = strOut(func(p **C.char, n *C.size_t) C.epp_result {
			return C.epp_message_result_ext_value(m.h, ri, rj, p, n)
		})
		raw, ok := strOut(func(p **C.char, n *C.size_t) C.epp_result {
			return C.epp_message_result_ext_value_reason(m.h, ri, rj, p, n)
		})
		e.Reason, e.HasReason = raw, ok
		if ok && needsUnescape([]byte(raw)) {
			e.Reason, e.HasReason = m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
				return C.epp_message_result_ext_value_reason_unescaped(m.h, ri, rj, b, c, n)
			})
		}
		e.ReasonLang, e.HasLang = strOut(func(p **C.char, n *C.size_t) C.epp_result {
			return C.epp_message_result_ext_value_reason_lang(m.h, ri, rj, p, n)
		})
		out = append(out, e)
	}
	return out
}

// MsgQLang is the lang attribute of <msgQ><msg> (false when absent).
func (m *Message) MsgQLang() (string, bool) {
	defer runtime.KeepAlive(m)
	return strOut(func(p **C.char, n *C.size_t) C.epp_result {
		return C.epp_message_msgq_lang(m.h, p, n)
	})
}

// MsgQXML is the content of <msgQ><msg> as written, markup included.
func (m *Message) MsgQXML() (string, bool) {
	defer runtime.KeepAlive(m)
	return strOut(func(p **C.char, n *C.size_t) C.epp_result {
		return C.epp_message_msgq_xml(m.h, p, n)
	})
}

// CheckReasonLang is the lang of check result i's <reason> (false when
// absent).
func (m *Message) CheckReasonLang(i int) (string, bool) {
	defer runtime.KeepAlive(m)
	return strOut(func(p **C.char, n *C.size_t) C.epp_result {
		return C.epp_message_check_reason_lang(m.h, C.size_t(i), p, n)
	})
}

// AuthInfoForm is the form of an <authInfo> (epp_auth_info_form).
type AuthInfoForm uint32

// The forms (EPP_AUTH_INFO_FORM_*).
const (
	AuthInfoNone     AuthInfoForm = 0
	AuthInfoPassword AuthInfoForm = 1
	AuthInfoExt      AuthInfoForm = 2
	AuthInfoNull     AuthInfoForm = 3
)

// AuthInfoForm is the form of the <authInfo> of a domain or contact
// create, info or transfer command, or of domain or contact infData.
func (m *Message) AuthInfoForm() AuthInfoForm {
	defer runtime.KeepAlive(m)
	return AuthInfoForm(C.epp_message_auth_info_form(m.h))
}

// NewAuthInfoForm is the form of an update's new <authInfo>.
func (m *Message) NewAuthInfoForm() AuthInfoForm {
	defer runtime.KeepAlive(m)
	return AuthInfoForm(C.epp_message_new_auth_info_form(m.h))
}

// AuthInfoExt is the <ext> form of AuthInfoForm's <authInfo>, raw.
func (m *Message) AuthInfoExt() (string, bool) {
	defer runtime.KeepAlive(m)
	return strOut(func(p **C.char, n *C.size_t) C.epp_result {
		return C.epp_message_auth_info_ext(m.h, p, n)
	})
}

// NewAuthInfoExt is the <ext> form of an update's new <authInfo>, raw.
func (m *Message) NewAuthInfoExt() (string, bool) {
	defer runtime.KeepAlive(m)
	return strOut(func(p **C.char, n *C.size_t) C.epp_result {
		return C.epp_message_new_auth_info_ext(m.h, p, n)
	})
}
