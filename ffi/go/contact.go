package epp

/*
#include "epp.h"
*/
import "C"

import "runtime"

// ContactField names a contact field (EPP_CONTACT_*) of a contact create
// command, of an update's <contact:chg>, or of contact infData.
type ContactField uint32

// The contact fields (EPP_CONTACT_*).
const (
	ContactVoice          ContactField = 0
	ContactVoiceExtension ContactField = 1
	ContactFax            ContactField = 2
	ContactFaxExtension   ContactField = 3
	ContactEmail          ContactField = 4
	ContactAuthPassword   ContactField = 5
	ContactLast           ContactField = 5
)

// PostalField names a field of a <contact:postalInfo> (EPP_POSTAL_*).
type PostalField uint32

// The postal information fields (EPP_POSTAL_*).
const (
	PostalType          PostalField = 0 // "int" or "loc"
	PostalName          PostalField = 1
	PostalOrg           PostalField = 2
	PostalStreet1       PostalField = 3
	PostalStreet2       PostalField = 4
	PostalStreet3       PostalField = 5
	PostalCity          PostalField = 6
	PostalStateProvince PostalField = 7
	PostalPostalCode    PostalField = 8
	PostalCountryCode   PostalField = 9
	PostalLast          PostalField = 9
)

// Disclose is a <contact:disclose>: the flag and the elements it applies to.
type Disclose struct {
	Flag             bool
	NameInt, NameLoc bool
	OrgInt, OrgLoc   bool
	AddrInt, AddrLoc bool
	Voice, Fax       bool
	Email            bool
}

// PostalInfo is a <contact:postalInfo>, read or to write. Type is
// PostalInt or PostalLoc; "" is absent for every other string.
type PostalInfo struct {
	Type          PostalInfoType
	Name, Org     string
	Streets       []string // at most 3
	City          string
	StateProvince string
	PostalCode    string
	CountryCode   string
}

// PostalInfoType is the type attribute of a <contact:postalInfo>.
type PostalInfoType uint32

// The postal information types (EPP_POSTAL_INT, EPP_POSTAL_LOC).
const (
	PostalInt PostalInfoType = 0
	PostalLoc PostalInfoType = 1
)

// ContactFieldBytes is contact field f as written, borrowed until the next read.
func (m *Message) ContactFieldBytes(f ContactField) ([]byte, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_contact_field(m.h, C.uint32_t(f), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// ContactField is the value of contact field f, copied.
func (m *Message) ContactField(f ContactField) (string, bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.ContactFieldBytes(f)
	if !ok || !needsUnescape(raw) {
		return string(raw), ok
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_contact_field_unescaped(m.h, C.uint32_t(f), b, c, n)
	})
}

// PostalInfoCount is the number of <contact:postalInfo>.
func (m *Message) PostalInfoCount() int {
	defer runtime.KeepAlive(m)
	return int(C.epp_message_postal_info_count(m.h))
}

// PostalInfoFieldBytes is field f of postal information i as written, borrowed.
func (m *Message) PostalInfoFieldBytes(i int, f PostalField) ([]byte, bool) {
	defer runtime.KeepAlive(m)
	var p *C.char
	var n C.size_t
	if C.epp_message_postal_info_field(m.h, C.size_t(i), C.uint32_t(f), &p, &n) != C.EPP_RESULT_OK {
		return nil, false
	}
	return borrow(p, n), true
}

// PostalInfoField is the value of field f of postal information i, copied.
func (m *Message) PostalInfoField(i int, f PostalField) (string, bool) {
	defer runtime.KeepAlive(m)
	raw, ok := m.PostalInfoFieldBytes(i, f)
	if !ok || !needsUnescape(raw) {
		return string(raw), ok
	}
	return m.unescaped(func(b *C.char, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_message_postal_info_field_unescaped(m.h, C.size_t(i), C.uint32_t(f), b, c, n)
	})
}

// PostalInfos is every <contact:postalInfo>, copied.
func (m *Message) PostalInfos() []PostalInfo {
	out := make([]PostalInfo, m.PostalInfoCount())
	for i := range out {
		p := &out[i]
		if t, _ := m.PostalInfoField(i, PostalType); t == "loc" {
			p.Type = PostalLoc
		}
		p.Name, _ = m.PostalInfoField(i, PostalName)
		p.Org, _ = m.PostalInfoField(i, PostalOrg)
		for f := PostalStreet1; f <= PostalStreet3; f++ {
			if s, ok := m.PostalInfoField(i, f); ok {
				p.Streets = append(p.Streets, s)
			}
		}
		p.City, _ = m.PostalInfoField(i, PostalCity)
		p.StateProvince, _ = m.PostalInfoField(i, PostalStateProvince)
		p.PostalCode, _ = m.PostalInfoField(i, PostalPostalCode)
		p.CountryCode, _ = m.PostalInfoField(i, PostalCountryCode)
	}
	return out
}

// Disclose is the <contact:disclose>, if any.
func (m *Message) Disclose() (Disclose, bool) {
	defer runtime.KeepAlive(m)
	var d C.epp_disclose
	if C.epp_message_contact_disclose(m.h, &d) != C.EPP_RESULT_OK {
		return Disclose{}, false
	}
	return Disclose{
		Flag: bool(d.flag), NameInt: bool(d.name_int), NameLoc: bool(d.name_loc),
		OrgInt: bool(d.org_int), OrgLoc: bool(d.org_loc),
		AddrInt: bool(d.addr_int), AddrLoc: bool(d.addr_loc),
		Voice: bool(d.voice), Fax: bool(d.fax), Email: bool(d.email),
	}, true
}

func (d *Disclose) c() C.epp_disclose {
	return C.epp_disclose{
		flag: C.bool(d.Flag), name_int: C.bool(d.NameInt), name_loc: C.bool(d.NameLoc),
		org_int: C.bool(d.OrgInt), org_loc: C.bool(d.OrgLoc),
		addr_int: C.bool(d.AddrInt), addr_loc: C.bool(d.AddrLoc),
		voice: C.bool(d.Voice), fax: C.bool(d.Fax), email: C.bool(d.Email),
	}
}
