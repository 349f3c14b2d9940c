package epp

/*
#include "epp.h"
*/
import "C"

// MaxResults is the most results, values, extValues and extension
// elements one response takes, each (EPP_WRITE_MAX_RESULTS).
const MaxResults = 16

// ExtValueIn is one <extValue> to write: Value is one well-formed XML
// element that declares its prefixes.
type ExtValueIn struct {
	Value, Reason, ReasonLang string
}

// ResultIn is one <result> to write. Msg "" is the RFC's text for Code;
// each of Values is one well-formed XML element.
type ResultIn struct {
	Code      uint16
	Msg, Lang string
	Values    []string
	ExtValues []ExtValueIn
}

// MsgQIn is a <msgQ> to write ("" is absent).
type MsgQIn struct {
	Count             uint64
	ID, Date, Message string
	// Lang is <msg lang>, "" for none (RFC 5730 omits it for "en").
	Lang string
}

// ResponseIn is what every response holds besides its <resData>.
// Extensions are the children of <extension>, each one element.
type ResponseIn struct {
	Results        []ResultIn
	MsgQ           *MsgQIn
	Extensions     []string
	ClTRID, SvTRID string
}

// CheckResultIn is one <cd> of a check response.
type CheckResultIn struct {
	Name               string
	Available          bool
	Reason, ReasonLang string
}

// TransferIn is a <trnData> to write; Status is "pending",
// "clientApproved", ….
type TransferIn struct {
	Name, Status, Requester, Requested, Actor, ActionDue, Expires string
}

// PendingIn is a <panData> to write.
type PendingIn struct {
	Name                 string
	Result               bool
	ClTRID, SvTRID, Date string
}

// ObjectInfoIn is what infData of every object holds ("" is absent).
type ObjectInfoIn struct {
	Name, ROID                                                    string
	Statuses                                                      []string
	ClientID, CreatorID, Created, UpdaterID, Updated, Transferred string
}

// DomainInfoIn is what domain infData holds besides ObjectInfoIn.
type DomainInfoIn struct {
	Registrant            string
	Contacts              []DomainContact
	NameServers, Hosts    []string
	Expires, AuthPassword string
}

func (p *pins) response(r *ResponseIn) *C.epp_response_in {
	c := new(C.epp_response_in)
	if len(r.Results) > 0 {
		results := make([]C.epp_result_in, len(r.Results))
		for i, res := range r.Results {
			in := &results[i]
			in.code = C.uint16_t(res.Code)
			in.msg, in.lang = p.str(res.Msg), p.str(res.Lang)
			in.values, in.value_count = p.strs(res.Values)
			if len(res.ExtValues) > 0 {
				ext := make([]C.epp_ext_value_in, len(res.ExtValues))
				for j, e := range res.ExtValues {
					ext[j] = C.epp_ext_value_in{value: p.str(e.Value), reason: p.str(e.Reason), reason_lang: p.str(e.ReasonLang)}
				}
				p.Pin(&ext[0])
				in.ext_values, in.ext_value_count = &ext[0], C.size_t(len(ext))
			}
		}
		p.Pin(&results[0])
		c.results, c.result_count = &results[0], C.size_t(len(results))
	}
	if r.MsgQ != nil {
		q := &C.epp_msgq_in{count: C.uint64_t(r.MsgQ.Count), id: p.str(r.MsgQ.ID), date: p.str(r.MsgQ.Date), message: p.str(r.MsgQ.Message), lang: p.str(r.MsgQ.Lang)}
		p.Pin(q)
		c.msgq = q
	}
	c.extensions, c.extension_count = p.strs(r.Extensions)
	c.cl_trid, c.sv_trid = p.str(r.ClTRID), p.str(r.SvTRID)
	p.Pin(c)
	return c
}

// AppendResponseFull appends a response without <resData>.
func AppendResponseFull(dst []byte, r ResponseIn, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr := p.response(&r)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_response_full(cr, C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendCheckResponse appends a check response of object (ObjectDomain,
// ObjectHost, ObjectContact).
func AppendCheckResponse(dst []byte, r ResponseIn, object Object, items []CheckResultIn, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr := p.response(&r)
		var ci *C.epp_check_result_in
		if len(items) > 0 {
			in := make([]C.epp_check_result_in, len(items))
			for i, it := range items {
				in[i] = C.epp_check_result_in{name: p.str(it.Name), available: C.bool(it.Available), reason: p.str(it.Reason), reason_lang: p.str(it.ReasonLang)}
			}
			p.Pin(&in[0])
			ci = &in[0]
		}
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_check_response(cr, C.uint32_t(object), ci, C.size_t(len(items)), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendCreateResponse appends a create response of object; expires is
// for domains only ("" absent).
func AppendCreateResponse(dst []byte, r ResponseIn, object Object, name, created, expires string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr := p.response(&r)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_create_response(cr, C.uint32_t(object), p.str(name), p.str(created), p.str(expires), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendDomainRenewResponse appends a domain renew response.
func AppendDomainRenewResponse(dst []byte, r ResponseIn, name, expires string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr := p.response(&r)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_domain_renew_response(cr, p.str(name), p.str(expires), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendTransferResponse appends a transfer response of a domain or contact.
func AppendTransferResponse(dst []byte, r ResponseIn, object Object, t TransferIn, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr := p.response(&r)
		ct := &C.epp_transfer_in{name: p.str(t.Name), status: p.str(t.Status), requester: p.str(t.Requester),
			requested: p.str(t.Requested), actor: p.str(t.Actor), action_due: p.str(t.ActionDue), expires: p.str(t.Expires)}
		p.Pin(ct)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_transfer_response(cr, C.uint32_t(object), ct, C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendPendingResponse appends a response with <panData> of object.
func AppendPendingResponse(dst []byte, r ResponseIn, object Object, pd PendingIn, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr := p.response(&r)
		cp := &C.epp_pending_in{name: p.str(pd.Name), result: C.bool(pd.Result), cl_trid: p.str(pd.ClTRID), sv_trid: p.str(pd.SvTRID), date: p.str(pd.Date)}
		p.Pin(cp)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_pending_response(cr, C.uint32_t(object), cp, C.uint32_t(flags), b, c, n)
		}
	})
}

func (p *pins) objectInfo(i *ObjectInfoIn) *C.epp_object_info_in {
	c := &C.epp_object_info_in{name: p.str(i.Name), roid: p.str(i.ROID), client_id: p.str(i.ClientID),
		creator_id: p.str(i.CreatorID), created: p.str(i.Created), updater_id: p.str(i.UpdaterID),
		updated: p.str(i.Updated), transferred: p.str(i.Transferred)}
	c.statuses, c.status_count = p.strs(i.Statuses)
	p.Pin(c)
	return c
}

// AppendDomainInfoResponse appends a domain info response.
func AppendDomainInfoResponse(dst []byte, r ResponseIn, info ObjectInfoIn, d DomainInfoIn, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr, ci := p.response(&r), p.objectInfo(&info)
		cd := &C.epp_domain_info_in{registrant: p.str(d.Registrant), expires: p.str(d.Expires), auth_password: p.str(d.AuthPassword)}
		cd.contacts, cd.contact_count = p.contacts(d.Contacts)
		cd.name_servers, cd.name_server_count = p.strs(d.NameServers)
		cd.hosts, cd.host_count = p.strs(d.Hosts)
		p.Pin(cd)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_domain_info_response(cr, ci, cd, C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendHostInfoResponse appends a host info response.
func AppendHostInfoResponse(dst []byte, r ResponseIn, info ObjectInfoIn, addresses []string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr, ci := p.response(&r), p.objectInfo(&info)
		a, an := p.strs(addresses)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_host_info_response(cr, ci, a, an, C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendContactInfoResponse appends a contact info response (info.Name is
// the contact id).
func AppendContactInfoResponse(dst []byte, r ResponseIn, info ObjectInfoIn, d ContactDetails, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		cr, ci, cd := p.response(&r), p.objectInfo(&info), p.details(&d)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_contact_info_response(cr, ci, cd, C.uint32_t(flags), b, c, n)
		}
	})
}

// DcpStatementIn is one <statement> of a policy to write.
type DcpStatementIn struct {
	Purposes, Recipients uint32 // DcpPurpose*, DcpRecipient* bits
	Descriptions         []string
	Retention            DcpRetention // DcpRetentionAbsent leaves it out
}

// GreetingIn is a greeting to write.
type GreetingIn struct {
	ServerID, ServerDate                       string
	Versions, Langs, ObjectURIs, ExtensionURIs []string
	Access                                     DcpAccess
	Statements                                 []DcpStatementIn
	ExpiryKind                                 DcpExpiryKind
	Expiry                                     string
}

// AppendGreeting appends a greeting.
func AppendGreeting(dst []byte, g GreetingIn, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		dcp := &C.epp_dcp_in{access: C.uint32_t(g.Access), expiry_kind: C.uint32_t(g.ExpiryKind), expiry: p.str(g.Expiry)}
		if len(g.Statements) > 0 {
			st := make([]C.epp_dcp_statement_in, len(g.Statements))
			for i, s := range g.Statements {
				st[i].purposes, st[i].recipients = C.uint32_t(s.Purposes), C.uint32_t(s.Recipients)
				st[i].recipient_descriptions, st[i].recipient_description_count = p.strs(s.Descriptions)
				st[i].retention = C.uint32_t(s.Retention)
			}
			p.Pin(&st[0])
			dcp.statements, dcp.statement_count = &st[0], C.size_t(len(st))
		}
		p.Pin(dcp)
		v, vn := p.strs(g.Versions)
		l, ln := p.strs(g.Langs)
		o, on := p.strs(g.ObjectURIs)
		e, en := p.strs(g.ExtensionURIs)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_greeting(p.str(g.ServerID), p.str(g.ServerDate), v, vn, l, ln, o, on, e, en, dcp, C.uint32_t(flags), b, c, n)
		}
	})
}

// DSDataIn is a secDNS-1.1 <dsData> to write (Digest in hexadecimal).
type DSDataIn struct {
	KeyTag          uint16
	Alg, DigestType uint8
	Digest          string
}

// AppendCommandWithExtensions appends command (one unframed command, as
// the Append* command writers write it without WriteFramed) again with
// extensions: each one well-formed XML element, then a <secDNS:create>
// with ds (a domain create only) when ds is not empty.
func AppendCommandWithExtensions(dst, command []byte, extensions []string, ds []DSDataIn, flags WriteFlags) ([]byte, error) {
	if len(command) == 0 {
		return dst, &Error{Result: ResultInvalidArgument}
	}
	return appendWith(dst, func(p *pins) writer {
		p.Pin(&command[0])
		e, en := p.strs(extensions)
		var cd *C.epp_ds_data_in
		if len(ds) > 0 {
			in := make([]C.epp_ds_data_in, len(ds))
			for i, d := range ds {
				in[i] = C.epp_ds_data_in{key_tag: C.uint16_t(d.KeyTag), alg: C.uint8_t(d.Alg), digest_type: C.uint8_t(d.DigestType), digest: p.str(d.Digest)}
			}
			p.Pin(&in[0])
			cd = &in[0]
		}
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_command_with_extensions((*C.uint8_t)(&command[0]), C.size_t(len(command)), e, en, cd, C.size_t(len(ds)), C.uint32_t(flags), b, c, n)
		}
	})
}

// HostAttrIn is one <domain:hostAttr> to write: a name and, for a host
// inside the domain, its addresses (IPv4 or IPv6 literals).
type HostAttrIn struct {
	Name      string
	Addresses []string
}

func (p *pins) hostAttrs(hosts []HostAttrIn) (*C.epp_host_attr_in, C.size_t) {
	if len(hosts) == 0 {
		return nil, 0
	}
	out := make([]C.epp_host_attr_in, len(hosts))
	for i, h := range hosts {
		out[i].name = p.str(h.Name)
		out[i].addresses, out[i].address_count = p.strs(h.Addresses)
	}
	p.Pin(&out[0])
	return &out[0], C.size_t(len(out))
}

// AppendDomainCreateHostAttrs appends a <domain:create> whose name servers
// are host attributes (d.NameServers must be empty).
func AppendDomainCreateHostAttrs(dst []byte, d DomainCreate, hosts []HostAttrIn, clTRID string, flags WriteFlags) ([]byte, error) {
	if len(d.NameServers) > 0 {
		return dst, &Error{Result: ResultInvalidArgument}
	}
	return appendWith(dst, func(p *pins) writer {
		h, hn := p.hostAttrs(hosts)
		cs, csn := p.contacts(d.Contacts)
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_domain_create_host_attrs(p.str(d.Name), C.uint32_t(d.Period.Value), C.uint32_t(d.Period.Unit),
				h, hn, p.str(d.Registrant), cs, csn, p.str(d.AuthPassword), p.str(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}

// AppendDomainUpdateHostAttrs appends a <domain:update> adding addHosts
// and removing removeHosts as host attributes; u.Add and u.Remove give
// contacts and statuses only (their NameServers must be empty).
func AppendDomainUpdateHostAttrs(dst []byte, u DomainUpdate, addHosts, removeHosts []HostAttrIn, clTRID string, flags WriteFlags) ([]byte, error) {
	return appendWith(dst, func(p *pins) writer {
		ah, ahn := p.hostAttrs(addHosts)
		rh, rhn := p.hostAttrs(removeHosts)
		add, rem := p.domainPart(u.Add), p.domainPart(u.Remove)
		registrant := p.str(u.NewRegistrant)
		if u.RemoveRegistrant {
			registrant = p.present("")
		}
		return func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
			return C.epp_write_domain_update_host_attrs(p.str(u.Name), add, ah, ahn, rem, rh, rhn, registrant,
				p.str(u.NewAuthPassword), p.str(clTRID), C.uint32_t(flags), b, c, n)
		}
	})
}
