package epp

import (
	"encoding/xml"
	"fmt"
	"testing"
)

// The benchmarks read the RFC 5731 domain info response and domain create
// command and extract the same fields into Go strings, once through this
// binding and once with encoding/xml.Unmarshal into structs:
//
//	go test -run '^$' -bench . -benchmem
//
// The binding's side pays for everything a Go caller pays for: copying the
// frame into C memory, the cgo calls, and making each value a Go string.
// "epp" reads and takes every value with Message.ReadResponseFields /
// ReadCommandFields (one cgo call for the read and every value, the
// strings cut out of one Go copy of the frame); "epp_per_field" uses
// the single-value methods, one cgo call and one copy per value. Every
// iteration reads the frame anew.

// The structs match elements by local name, as most encoding/xml users
// write them (a namespace in a tag's path would be matched on every step).

// infoFields are the fields both sides extract from the info response.
type infoFields struct {
	Code                                     uint16
	Msg                                      string
	Name, ROID, Registrant                   string
	Statuses, Contacts, ContactTypes, NS     []string
	Hosts                                    []string
	ClID, CrID, CrDate, UpID, UpDate, ExDate string
	TrDate, AuthPW, ClTRID, SvTRID           string
}

// createFields are the fields both sides extract from the create command.
type createFields struct {
	Name, Registrant, AuthPW, ClTRID string
	NS, Contacts, ContactTypes       []string
}

type xmlContact struct {
	Type string `xml:"type,attr"`
	ID   string `xml:",chardata"`
}

type xmlInfoResponse struct {
	XMLName xml.Name `xml:"urn:ietf:params:xml:ns:epp-1.0 epp"`
	Result  struct {
		Code uint16 `xml:"code,attr"`
		Msg  string `xml:"msg"`
	} `xml:"response>result"`
	InfData struct {
		Name   string `xml:"name"`
		ROID   string `xml:"roid"`
		Status []struct {
			S string `xml:"s,attr"`
		} `xml:"status"`
		Registrant string       `xml:"registrant"`
		Contact    []xmlContact `xml:"contact"`
		HostObj    []string     `xml:"ns>hostObj"`
		Host       []string     `xml:"host"`
		ClID       string       `xml:"clID"`
		CrID       string       `xml:"crID"`
		CrDate     string       `xml:"crDate"`
		UpID       string       `xml:"upID"`
		UpDate     string       `xml:"upDate"`
		ExDate     string       `xml:"exDate"`
		TrDate     string       `xml:"trDate"`
		AuthPW     string       `xml:"authInfo>pw"`
	} `xml:"response>resData>infData"`
	ClTRID string `xml:"response>trID>clTRID"`
	SvTRID string `xml:"response>trID>svTRID"`
}

type xmlCreateCommand struct {
	XMLName xml.Name `xml:"urn:ietf:params:xml:ns:epp-1.0 epp"`
	Create  struct {
		Name       string       `xml:"name"`
		HostObj    []string     `xml:"ns>hostObj"`
		Registrant string       `xml:"registrant"`
		Contact    []xmlContact `xml:"contact"`
		AuthPW     string       `xml:"authInfo>pw"`
	} `xml:"command>create>create"`
	ClTRID string `xml:"command>clTRID"`
}

// eppInfo is the fast path: every value in one cgo call (Message.Fields).
func eppInfo(m *Message, data []byte) (f infoFields, err error) {
	v, err := m.ReadResponseFields(data)
	if err != nil {
		return f, err
	}
	if len(v.Results) > 0 {
		f.Code, f.Msg = v.Results[0].Code, v.Results[0].Msg
	}
	f.Name, _ = v.Field(FieldObjectName)
	f.ROID, _ = v.Field(FieldROID)
	f.Registrant, _ = v.Field(FieldRegistrant)
	f.Statuses = v.List(ListStatuses)
	f.Contacts = v.List(ListContacts)
	f.ContactTypes = v.List(ListContactTypes)
	f.NS = v.List(ListNameServers)
	f.Hosts = v.List(ListHosts)
	f.ClID, _ = v.Field(FieldClientID)
	f.CrID, _ = v.Field(FieldCreatorID)
	f.CrDate, _ = v.Field(FieldCreated)
	f.UpID, _ = v.Field(FieldUpdaterID)
	f.UpDate, _ = v.Field(FieldUpdated)
	f.ExDate, _ = v.Field(FieldExpires)
	f.TrDate, _ = v.Field(FieldTransferred)
	f.AuthPW, _ = v.Field(FieldAuthPassword)
	f.ClTRID, _ = v.Field(FieldClTRID)
	f.SvTRID, _ = v.Field(FieldSvTRID)
	return f, nil
}

// eppInfoPerField is the same through the single-value methods (one cgo
// call per value), for comparison.
func eppInfoPerField(m *Message, data []byte) (f infoFields, err error) {
	if err = m.ReadResponse(data); err != nil {
		return f, err
	}
	f.Code, _ = m.ResultCode(0)
	f.Msg, _ = m.ResultMsg(0)
	f.Name, _ = m.Field(FieldObjectName)
	f.ROID, _ = m.Field(FieldROID)
	f.Registrant, _ = m.Field(FieldRegistrant)
	f.Statuses = m.List(ListStatuses)
	f.Contacts = m.List(ListContacts)
	f.ContactTypes = m.List(ListContactTypes)
	f.NS = m.List(ListNameServers)
	f.Hosts = m.List(ListHosts)
	f.ClID, _ = m.Field(FieldClientID)
	f.CrID, _ = m.Field(FieldCreatorID)
	f.CrDate, _ = m.Field(FieldCreated)
	f.UpID, _ = m.Field(FieldUpdaterID)
	f.UpDate, _ = m.Field(FieldUpdated)
	f.ExDate, _ = m.Field(FieldExpires)
	f.TrDate, _ = m.Field(FieldTransferred)
	f.AuthPW, _ = m.Field(FieldAuthPassword)
	f.ClTRID, _ = m.Field(FieldClTRID)
	f.SvTRID, _ = m.Field(FieldSvTRID)
	return f, nil
}

func xmlInfo(data []byte) (f infoFields, err error) {
	var v xmlInfoResponse
	if err = xml.Unmarshal(data, &v); err != nil {
		return f, err
	}
	d := &v.InfData
	f = infoFields{
		Code: v.Result.Code, Msg: v.Result.Msg, Name: d.Name, ROID: d.ROID, Registrant: d.Registrant,
		NS: d.HostObj, Hosts: d.Host, ClID: d.ClID, CrID: d.CrID, CrDate: d.CrDate, UpID: d.UpID,
		UpDate: d.UpDate, ExDate: d.ExDate, TrDate: d.TrDate, AuthPW: d.AuthPW, ClTRID: v.ClTRID, SvTRID: v.SvTRID,
	}
	for _, s := range d.Status {
		f.Statuses = append(f.Statuses, s.S)
	}
	for _, c := range d.Contact {
		f.Contacts = append(f.Contacts, c.ID)
		f.ContactTypes = append(f.ContactTypes, c.Type)
	}
	return f, nil
}

func eppCreate(m *Message, data []byte) (f createFields, err error) {
	v, err := m.ReadCommandFields(data)
	if err != nil {
		return f, err
	}
	f.Name, _ = v.Field(FieldObjectName)
	f.Registrant, _ = v.Field(FieldRegistrant)
	f.AuthPW, _ = v.Field(FieldAuthPassword)
	f.ClTRID, _ = v.Field(FieldClTRID)
	f.NS = v.List(ListNameServers)
	f.Contacts = v.List(ListContacts)
	f.ContactTypes = v.List(ListContactTypes)
	return f, nil
}

func eppCreatePerField(m *Message, data []byte) (f createFields, err error) {
	if err = m.ReadCommand(data); err != nil {
		return f, err
	}
	f.Name, _ = m.Field(FieldObjectName)
	f.Registrant, _ = m.Field(FieldRegistrant)
	f.AuthPW, _ = m.Field(FieldAuthPassword)
	f.ClTRID, _ = m.Field(FieldClTRID)
	f.NS = m.List(ListNameServers)
	f.Contacts = m.List(ListContacts)
	f.ContactTypes = m.List(ListContactTypes)
	return f, nil
}

func xmlCreate(data []byte) (f createFields, err error) {
	var v xmlCreateCommand
	if err = xml.Unmarshal(data, &v); err != nil {
		return f, err
	}
	c := &v.Create
	f = createFields{Name: c.Name, Registrant: c.Registrant, AuthPW: c.AuthPW, ClTRID: v.ClTRID, NS: c.HostObj}
	for _, ct := range c.Contact {
		f.Contacts = append(f.Contacts, ct.ID)
		f.ContactTypes = append(f.ContactTypes, ct.Type)
	}
	return f, nil
}

// Both sides must extract the same values, or the comparison means nothing.
func TestBenchmarkSidesAgree(t *testing.T) {
	m := newMessage(t)
	a, err1 := eppInfo(m, corpusFile(t, domainInfoResponse))
	b, err2 := xmlInfo(corpusFile(t, domainInfoResponse))
	if err1 != nil || err2 != nil || fmtValue(a) != fmtValue(b) || a.Name != "example.com" {
		t.Fatalf("info:\nepp %+v %v\nxml %+v %v", a, err1, b, err2)
	}
	if p, err := eppInfoPerField(m, corpusFile(t, domainInfoResponse)); err != nil || fmtValue(p) != fmtValue(b) {
		t.Fatalf("info per field:\nepp %+v %v\nxml %+v", p, err, b)
	}
	c, err1 := eppCreate(m, corpusFile(t, domainCreate))
	d, err2 := xmlCreate(corpusFile(t, domainCreate))
	if err1 != nil || err2 != nil || fmtValue(c) != fmtValue(d) || c.AuthPW != "2fooBAR" {
		t.Fatalf("create:\nepp %+v %v\nxml %+v %v", c, err1, d, err2)
	}
	if p, err := eppCreatePerField(m, corpusFile(t, domainCreate)); err != nil || fmtValue(p) != fmtValue(d) {
		t.Fatalf("create per field:\nepp %+v %v\nxml %+v", p, err, d)
	}
}

var sink any

func BenchmarkDomainInfoResponse(b *testing.B) {
	data := corpusFile(b, domainInfoResponse)
	b.Run("epp", func(b *testing.B) {
		m := newMessage(b)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f, err := eppInfo(m, data)
			if err != nil {
				b.Fatal(err)
			}
			sink = f
		}
	})
	b.Run("epp_per_field", func(b *testing.B) {
		m := newMessage(b)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f, err := eppInfoPerField(m, data)
			if err != nil {
				b.Fatal(err)
			}
			sink = f
		}
	})
	b.Run("encoding_xml", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f, err := xmlInfo(data)
			if err != nil {
				b.Fatal(err)
			}
			sink = f
		}
	})
}

func BenchmarkDomainCreateCommand(b *testing.B) {
	data := corpusFile(b, domainCreate)
	b.Run("epp", func(b *testing.B) {
		m := newMessage(b)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f, err := eppCreate(m, data)
			if err != nil {
				b.Fatal(err)
			}
			sink = f
		}
	})
	b.Run("epp_per_field", func(b *testing.B) {
		m := newMessage(b)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f, err := eppCreatePerField(m, data)
			if err != nil {
				b.Fatal(err)
			}
			sink = f
		}
	})
	b.Run("encoding_xml", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f, err := xmlCreate(data)
			if err != nil {
				b.Fatal(err)
			}
			sink = f
		}
	})
}

func fmtValue(v any) string { return fmt.Sprintf("%#v", v) }
