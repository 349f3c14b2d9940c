package epp

/*
#include "epp.h"
static const char epp_go_empty[1] = "";
static const char *epp_go_empty_ptr(void) { return epp_go_empty; }
*/
import "C"

import "runtime"

// MaxItems is the most items each list of a command writer takes
// (EPP_WRITE_MAX_ITEMS).
const MaxItems = 16

// DomainContact is a domain contact to write: Type is "admin", "billing"
// or "tech".
type DomainContact struct {
	Type, ID string
}

// DomainCreate is a <domain:create> to write. "" is absent; the zero
// Period is the server's default.
type DomainCreate struct {
	Name         string
	Period       Period
	NameServers  []string // host object names
	Registrant   string
	Contacts     []DomainContact
	AuthPassword string // required
}

// DomainAddRemove is what a domain update adds or removes.
type DomainAddRemove struct {
	NameServers []string
	Contacts    []DomainContact
	Statuses    []string // status values such as "clientHold"
}

// DomainUpdate is a <domain:update> to write; nil Add or Remove writes no
// <add>/<rem>.
type DomainUpdate struct {
	Name             string
	Add, Remove      *DomainAddRemove
	NewRegistrant    string
	RemoveRegistrant bool // write <domain:registrant/> (NewRegistrant must be "")
	NewAuthPassword  string
}

// HostAddRemove is what a host update adds or removes.
type HostAddRemove struct {
	Addresses []string // IPv4 or IPv6 literals
	Statuses  []string
}

// ContactDetails are the details of a contact to create, or to change in
// an update's <chg> ("" and nil are absent).
type ContactDetails struct {
	PostalInfos           []PostalInfo // 1 or 2 in a create
	Voice, VoiceExtension string
	Fax, FaxExtension     string
	Email                 string
	AuthPassword          string
	Disclose              *Disclose
}

// pins holds Go memory pinned while C reads the structures pointing to it.
type pins struct{ runtime.Pinner }

func (p *pins) str(s string) C.epp_str {
	c := cstr(s)
	if c.ptr != nil {
		p.Pin(c.ptr)
	}
	return c
}

// present passes "" as an empty (not absent) string.
func (p *pins) present(s string) C.epp_str {
	if s == "" {
		return C.epp_str{ptr: C.epp_go_empty_ptr(), len: 0}
	}
	return p.str(s)
}

func (p *pins) strs(list []string) (*C.epp_str, C.size_t) {
	if len(list) == 0 {
		return nil, 0
	}
	out := make([]C.epp_str, len(list))
	for i, s := range list {
		out[i] = p.str(s)
	}
	p.Pin(&out[0])
	return &out[0], C.size_t(len(out))
}

func (p *pins) contacts(list []DomainContact) (*C.epp_domain_contact, C.size_t) {
	if len(list) == 0 {
		return nil, 0
	}
	out := make([]C.epp_domain_contact, len(list))
	for i, c := range list {
		out[i] = C.epp_domain_contact{contact_type: p.str(c.Type), id: p.str(c.ID)}
	}
	p.Pin(&out[0])
	return &out[0], C.size_t(len(out))
}

func (p *pins) domainPart(part *DomainAddRemove) *C.epp_domain_add_remove {
	if part == nil {
		return nil
	}
	c := new(C.epp_domain_add_remove)
	c.name_servers, c.name_server_count = p.strs(part.NameServers)
	c.contacts, c.contact_count = p.contacts(part.Contacts)
	c.statuses, c.status_count = p.strs(part.Statuses)
	p.Pin(c)
	return c
}

func (p *pins) hostPart(part *HostAddRemove) *C.epp_host_add_remove {
	if part == nil {
		return nil
	}
	c := new(C.epp_host_add_remove)
	c.addresses, c.address_count = p.strs(part.Addresses)
	c.statuses, c.status_count = p.strs(part.Statuses)
	p.Pin(c)
	return c
}

func (p *pins) details(d *ContactDetails) *C.epp_contact_details {
	if d == nil {
		return nil
	}
	c := new(C.epp_contact_details)
	if len(d.PostalInfos) > 0 {
		infos := make([]C.epp_postal_info_in, len(d.PostalInfos))
		for i, pi := range d.PostalInfos {
			in := &infos[i]
			in.info_type = C.uint32_t(pi.Type)
			in.name, in.org = p.str(pi.Name), p.str(pi.Org)
			for j := 0; j < len(pi.Streets) && j < 3; j++ {
				in.streets[j] = p.str(pi.Streets[j])
			}
			in.city, in.state_province = p.str(pi.City), p.str(pi.StateProvince)
			in.postal_code, in.country_code = p.str(pi.PostalCode), p.str(pi.CountryCode)
		}
		p.Pin(&infos[0])
		c.postal_infos, c.postal_info_count = &infos[0], C.size_t(len(infos))
	}
	c.voice, c.voice_extension = p.str(d.Voice), p.str(d.VoiceExtension)
	c.fax, c.fax_extension = p.str(d.Fax), p.str(d.FaxExtension)
	c.email, c.auth_password = p.str(d.Email), p.str(d.AuthPassword)
	if d.Disclose != nil {
		dc := new(C.epp_disclose)
		*dc = d.Disclose.c()
		p.Pin(dc)
		c.disclose = dc
	}
	p.Pin(c)
	return c
}

type writer = func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result

// appendWith runs build (which pins what it passes) then the writer.
func appendWith(dst []byte, build func(p *pins) writer) ([]byte, error) {
	var p pins
	defer p.Unpin()
	return write(dst, build(&p))
}

// AppendDomainCreate appends a <domain:create>.
func AppendDomainCreate(dst []byte, d DomainCreate, clTRID string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		ns, nsn := p.strs(d.NameServers)
		cs, csn := p.contacts(d.Contacts)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_domain_create(p.str(d.Name), C.uint32_t(d.Period.Value), C.uint32_t(d.Period.Unit),
				ns, nsn, p.str(d.Registrant), cs, csn, p.str(d.AuthPassword), p.str(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendDomainDelete appends a <domain:delete> of name.
func AppendDomainDelete(dst []byte, name, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_domain_delete(cstr(name), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendDomainRenew appends a <domain:renew> of name, whose current expiry
// date is curExpDate (YYYY-MM-DD).
func AppendDomainRenew(dst []byte, name, curExpDate string, period Period, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_domain_renew(cstr(name), cstr(curExpDate), C.uint32_t(period.Value), C.uint32_t(period.Unit),
			cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendDomainTransfer appends a <transfer op="…"><domain:transfer> of name
// (authPassword "" absent).
func AppendDomainTransfer(dst []byte, op TransferOp, name string, period Period, authPassword, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_domain_transfer(C.uint32_t(op), cstr(name), C.uint32_t(period.Value), C.uint32_t(period.Unit),
			cstr(authPassword), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendDomainUpdate appends a <domain:update>.
func AppendDomainUpdate(dst []byte, u DomainUpdate, clTRID string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		add, rem := p.domainPart(u.Add), p.domainPart(u.Remove)
		registrant := p.str(u.NewRegistrant)
		if u.RemoveRegistrant {
			registrant = p.present("")
		}
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_domain_update(p.str(u.Name), add, rem, registrant, p.str(u.NewAuthPassword),
				p.str(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendHostCheck appends a <host:check> of names (1 to MaxCheckNames).
func AppendHostCheck(dst []byte, names []string, clTRID string, flags WriteFlags) ([]byte, error) {
	if len(names) == 0 || len(names) > MaxCheckNames {
		return dst, &Error{Result: ResultInvalidArgument}
	}
	return appendWith(dst, func(p *pins) writer {
		s, sn := p.strs(names)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_host_check(s, sn, cstr(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendHostInfo appends a <host:info> of name.
func AppendHostInfo(dst []byte, name, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_host_info(cstr(name), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendHostDelete appends a <host:delete> of name.
func AppendHostDelete(dst []byte, name, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_host_delete(cstr(name), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendHostCreate appends a <host:create> of name with addresses.
func AppendHostCreate(dst []byte, name string, addresses []string, clTRID string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		a, an := p.strs(addresses)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_host_create(cstr(name), a, an, cstr(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendHostUpdate appends a <host:update> of name (newName "" absent).
func AppendHostUpdate(dst []byte, name string, add, remove *HostAddRemove, newName, clTRID string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		a, r := p.hostPart(add), p.hostPart(remove)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_host_update(cstr(name), a, r, cstr(newName), cstr(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendContactCheck appends a <contact:check> of ids (1 to MaxCheckNames).
func AppendContactCheck(dst []byte, ids []string, clTRID string, flags WriteFlags) ([]byte, error) {
	if len(ids) == 0 || len(ids) > MaxCheckNames {
		return dst, &Error{Result: ResultInvalidArgument}
	}
	return appendWith(dst, func(p *pins) writer {
		s, sn := p.strs(ids)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_contact_check(s, sn, cstr(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendContactInfo appends a <contact:info> of id (authPassword "" absent).
func AppendContactInfo(dst []byte, id, authPassword, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_contact_info(cstr(id), cstr(authPassword), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendContactDelete appends a <contact:delete> of id.
func AppendContactDelete(dst []byte, id, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_contact_delete(cstr(id), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendContactTransfer appends a <transfer op="…"><contact:transfer> of id.
func AppendContactTransfer(dst []byte, op TransferOp, id, authPassword, clTRID string, flags WriteFlags) ([]byte, error) {
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_contact_transfer(C.uint32_t(op), cstr(id), cstr(authPassword), cstr(clTRID), C.uint32_t(flags), b, c, n)
	})
}

// AppendContactCreate appends a <contact:create> of id with d.
func AppendContactCreate(dst []byte, id string, d ContactDetails, clTRID string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		details := p.details(&d)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_contact_create(cstr(id), details, cstr(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendContactUpdate appends a <contact:update> of id: statuses to add and
// remove, and a <chg> of change when it is not nil.
func AppendContactUpdate(dst []byte, id string, add, remove []string, change *ContactDetails, clTRID string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		a, an := p.strs(add)
		r, rn := p.strs(remove)
		chg := p.details(change)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_contact_update(cstr(id), a, an, r, rn, chg, cstr(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}
