package epp

import (
	"errors"
	"fmt"
)

// dumpObjects is the contact and object part of the dump (see
// ffi/examples/dump_fields.rs, dump_objects).
func dumpObjects(m *Message) []string {
	var out []string
	for f := ContactField(0); f <= ContactLast; f++ {
		raw, ok := m.ContactFieldBytes(f)
		if !ok {
			continue
		}
		value, vok := m.ContactField(f)
		out = append(out, fmt.Sprintf("contact\t%d\t%s\t%s", f, esc(string(raw)), opt(value, vok)))
	}
	for i := range m.PostalInfoCount() {
		for f := PostalField(0); f <= PostalLast; f++ {
			raw, ok := m.PostalInfoFieldBytes(i, f)
			if !ok {
				continue
			}
			value, vok := m.PostalInfoField(i, f)
			out = append(out, fmt.Sprintf("postal\t%d\t%d\t%s\t%s", i, f, esc(string(raw)), opt(value, vok)))
		}
	}
	if d, ok := m.Disclose(); ok {
		digits := ""
		for _, b := range []bool{d.Flag, d.NameInt, d.NameLoc, d.OrgInt, d.OrgLoc, d.AddrInt, d.AddrLoc, d.Voice, d.Fax, d.Email} {
			if b {
				digits += "1"
			} else {
				digits += "0"
			}
		}
		out = append(out, "disclose\t"+digits)
	}
	if p, ok := m.Period(); ok {
		out = append(out, fmt.Sprintf("period\t%d\t%d", p.Value, p.Unit))
	}
	for _, l := range []List{ListAddresses, ListAddressesAdd, ListAddressesRemove} {
		for i := range m.ListLen(l) {
			out = append(out, fmt.Sprintf("address_version\t%d\t%d\t%d", l, i, m.AddressVersion(l, i)))
		}
	}
	for _, l := range []List{ListNameServers, ListNameServersAdd, ListNameServersRemove} {
		form := m.NameServerForm(l)
		if form == NameServersNone {
			continue
		}
		out = append(out, fmt.Sprintf("ns_form\t%d\t%d", l, form))
		for i := range m.ListLen(l) {
			for a, addr := range m.NameServerAddresses(l, i) {
				out = append(out, fmt.Sprintf("ns_address\t%d\t%d\t%d\t%s\t%d", l, i, a, esc(addr.Address), addr.Version))
			}
		}
	}
	for f := ObjectField(0); f <= ObjectFieldLast; f++ {
		raw, ok := m.ObjectFieldBytes(f)
		if !ok {
			continue
		}
		value, vok := m.ObjectField(f)
		out = append(out, fmt.Sprintf("object\t%d\t%s\t%s", f, esc(string(raw)), opt(value, vok)))
		if f == ObjectRequested || f == ObjectActionDue || f == ObjectTransferExpires || f == ObjectPendingDate {
			d, err := m.ObjectFieldDateTime(f)
			switch {
			case err == nil:
				out = append(out, fmt.Sprintf("object_date\t%d\t%s", f, formatDateTime(d)))
			case errors.Is(err, &Error{Result: ResultInvalidValue}):
				out = append(out, fmt.Sprintf("object_date\t%d\tinvalid", f))
			}
		}
	}
	for _, l := range []List{ListStatuses, ListStatusesAdd, ListStatusesRemove} {
		for i := range m.ListLen(l) {
			lang, lok := m.StatusLang(l, i)
			raw, tok := m.StatusTextBytes(l, i)
			if !lok && !tok {
				continue
			}
			value, vok := m.StatusText(l, i)
			out = append(out, fmt.Sprintf("status\t%d\t%d\t%s\t%s\t%s", l, i, opt(lang, lok), opt(string(raw), tok), opt(value, vok)))
		}
	}
	// The data outside <extension> the ext accessors type too.
	indexes := make([]int, len(m.Extensions()))
	for i := range indexes {
		indexes[i] = i
	}
	if k := m.ExtKind(ExtIndexData); k != ExtKindNone && k != ExtKindRaw {
		indexes = append(indexes, ExtIndexData)
	}
	for _, i := range indexes {
		// The dump names the data index as the C ABI does (EPP_EXT_INDEX_DATA).
		shown := uint64(i)
		if i == ExtIndexData {
			shown = 4294967295
		}
		out = append(out, fmt.Sprintf("ext_kind\t%d\t%d", shown, m.ExtKind(i)))
		for l := ExtList(0); l <= ExtListLast; l++ {
			for item := range m.ExtCount(i, l) {
				for f := ExtField(0); f <= ExtFieldLast; f++ {
					if n, ok := m.ExtNumber(i, l, item, f); ok {
						out = append(out, fmt.Sprintf("ext_number\t%d\t%d\t%d\t%d\t%d", shown, l, item, f, n))
					}
					raw, ok := m.ExtStringBytes(i, l, item, f)
					if !ok {
						continue
					}
					value, vok := m.ExtString(i, l, item, f)
					out = append(out, fmt.Sprintf("ext_string\t%d\t%d\t%d\t%d\t%s\t%s", shown, l, item, f, esc(string(raw)), opt(value, vok)))
				}
			}
		}
	}
	return out
}
