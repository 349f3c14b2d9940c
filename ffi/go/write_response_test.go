package epp

import "testing"

var okResponse = ResponseIn{Results: []ResultIn{{Code: 1000}}, ClTRID: "ABC-1", SvTRID: "SRV-1"}

func readResponseXML(t *testing.T, xml []byte) *Message {
	t.Helper()
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	if err := m.ReadResponse(xml); err != nil {
		t.Fatalf("%v\n%s", err, xml)
	}
	return m
}

func TestResponseWritersRoundTrip(t *testing.T) {
	r := ResponseIn{
		Results: []ResultIn{
			{Code: 2004, Values: []string{`<obj:e xmlns:obj="urn:example:obj">25</obj:e>`}},
			{Code: 2005, Msg: "Erreur", Lang: "fr", ExtValues: []ExtValueIn{{Value: `<obj:f xmlns:obj="urn:example:obj">x</obj:f>`, Reason: "a & b", ReasonLang: "fr"}}},
		},
		MsgQ:   &MsgQIn{Count: 4, ID: "12", Date: "2026-01-01T00:00:00Z", Message: "hello", Lang: "fr"},
		ClTRID: "ABC-1", SvTRID: "SRV-1",
	}
	xml, err := AppendResponseFull(nil, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := readResponseXML(t, xml)
	defer m.Close()
	if lang, _ := m.ResultMsgLang(1); lang != "fr" {
		t.Errorf("lang %q", lang)
	}
	if v := m.ResultValues(0); len(v) != 1 {
		t.Errorf("values %q", v)
	}
	if e := m.ResultExtValues(1); len(e) != 1 || e[0].Reason != "a & b" || e[0].ReasonLang != "fr" {
		t.Errorf("ext values %+v", e)
	}
	if c, ok := m.MsgQCount(); !ok || c != 4 {
		t.Errorf("msgQ count %d", c)
	}
	if lang, ok := m.MsgQLang(); !ok || lang != "fr" {
		t.Errorf("msgQ lang %q", lang)
	}
	if _, err := AppendResponseFull(nil, ResponseIn{Results: []ResultIn{{Code: 2004, Values: []string{"<a><b></a>"}}}, SvTRID: "S"}, 0); err == nil {
		t.Error("malformed value written")
	}

	xml, err = AppendCheckResponse(nil, okResponse, ObjectDomain, []CheckResultIn{{Name: "example.com", Reason: "In use", ReasonLang: "en"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	m2 := readResponseXML(t, xml)
	defer m2.Close()
	if c := m2.Checks(); len(c) != 1 || c[0].Name != "example.com" || c[0].Available {
		t.Errorf("checks %+v", c)
	}
	if lang, _ := m2.CheckReasonLang(0); lang != "en" {
		t.Errorf("reason lang %q", lang)
	}

	info := ObjectInfoIn{Name: "example.com", ROID: "D1-REP", Statuses: []string{"ok"}, ClientID: "ClientX", CreatorID: "ClientY", Created: "2026-01-01T00:00:00Z"}
	xml, err = AppendDomainInfoResponse(nil, okResponse, info, DomainInfoIn{Registrant: "jd1", NameServers: []string{"ns1.example.com"}, AuthPassword: "pw"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	m3 := readResponseXML(t, xml)
	defer m3.Close()
	if v, _ := m3.Field(FieldROID); v != "D1-REP" {
		t.Errorf("roid %q", v)
	}
	for _, f := range []func() ([]byte, error){
		func() ([]byte, error) {
			return AppendCreateResponse(nil, okResponse, ObjectHost, "ns1.example.com", "2026-01-01T00:00:00Z", "", 0)
		},
		func() ([]byte, error) {
			return AppendDomainRenewResponse(nil, okResponse, "example.com", "2027-01-01T00:00:00Z", 0)
		},
		func() ([]byte, error) {
			return AppendTransferResponse(nil, okResponse, ObjectContact, TransferIn{Name: "c1", Status: "pending", Requester: "A", Requested: "2026-01-01T00:00:00Z", Actor: "B", ActionDue: "2026-01-06T00:00:00Z"}, 0)
		},
		func() ([]byte, error) {
			return AppendPendingResponse(nil, okResponse, ObjectDomain, PendingIn{Name: "example.com", Result: true, SvTRID: "S-9", Date: "2026-01-01T00:00:00Z"}, 0)
		},
		func() ([]byte, error) {
			return AppendHostInfoResponse(nil, okResponse, ObjectInfoIn{Name: "ns1.example.com", ROID: "H1-REP", Statuses: []string{"ok"}, ClientID: "A", CreatorID: "A", Created: "2026-01-01T00:00:00Z"}, []string{"192.0.2.1"}, 0)
		},
		func() ([]byte, error) {
			return AppendContactInfoResponse(nil, okResponse, ObjectInfoIn{Name: "c1", ROID: "C1-REP", Statuses: []string{"ok"}, ClientID: "A", CreatorID: "A", Created: "2026-01-01T00:00:00Z"},
				ContactDetails{PostalInfos: []PostalInfo{{Type: PostalInt, Name: "J", City: "D", CountryCode: "US"}}, Email: "j@example.com"}, 0)
		},
	} {
		xml, err := f()
		if err != nil {
			t.Fatal(err)
		}
		readResponseXML(t, xml).Close()
	}
}

func TestGreetingWriterRoundTrip(t *testing.T) {
	g := GreetingIn{
		ServerID: "Example", ServerDate: "2026-01-01T00:00:00Z",
		Versions: []string{"1.0"}, Langs: []string{"en", "fr"}, ObjectURIs: []string{"urn:ietf:params:xml:ns:domain-1.0"},
		Access:     DcpAccessPersonal,
		Statements: []DcpStatementIn{{Purposes: DcpPurposeAdmin, Recipients: DcpRecipientOurs, Descriptions: []string{"Resellers"}, Retention: DcpRetentionLegal}},
		ExpiryKind: DcpExpiryRelative, Expiry: "P1M",
	}
	xml, err := AppendGreeting(nil, g, WriteFramed)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.ReadGreeting(xml[4:]); err != nil {
		t.Fatal(err)
	}
	st := m.DcpStatements()
	if m.DcpAccess() != DcpAccessPersonal || len(st) != 1 || st[0].Retention != DcpRetentionLegal || len(st[0].Descriptions) != 1 || st[0].Descriptions[0] != "Resellers" {
		t.Errorf("policy %d %+v", m.DcpAccess(), st)
	}
	if k, e := m.DcpExpiry(); k != DcpExpiryRelative || e != "P1M" {
		t.Errorf("expiry %d %q", k, e)
	}
	if langs := m.ListLen(ListGreetingLangs); langs != 2 {
		t.Errorf("langs %d", langs)
	}
}

func TestCommandExtensionsRoundTrip(t *testing.T) {
	create, err := AppendDomainCreate(nil, DomainCreate{Name: "example.com", AuthPassword: "2fooBAR"}, "ABC-1", 0)
	if err != nil {
		t.Fatal(err)
	}
	token := `<allocationToken:allocationToken xmlns:allocationToken="urn:ietf:params:xml:ns:allocationToken-1.0">abc</allocationToken:allocationToken>`
	xml, err := AppendCommandWithExtensions(nil, create, []string{token}, []DSDataIn{{KeyTag: 12345, Alg: 3, DigestType: 1, Digest: "49FD46E6C4B45C55D4AC"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.ReadCommand(xml); err != nil {
		t.Fatalf("%v\n%s", err, xml)
	}
	if e := m.Extensions(); len(e) != 2 || e[1].Namespace != "urn:ietf:params:xml:ns:secDNS-1.1" {
		t.Errorf("extensions %+v", e)
	}
	if _, err := AppendCommandWithExtensions(nil, create, []string{"<a:b/>"}, nil, 0); err == nil {
		t.Error("unbound prefix written")
	}
}

func TestHostAttrWritersRoundTrip(t *testing.T) {
	hosts := []HostAttrIn{{Name: "ns1.example.com", Addresses: []string{"192.0.2.2", "2001:db8::1"}}, {Name: "ns2.example.net"}}
	xml, err := AppendDomainCreateHostAttrs(nil, DomainCreate{Name: "example.com", AuthPassword: "2fooBAR"}, hosts, "ABC-1", 0)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.ReadCommand(xml); err != nil {
		t.Fatalf("%v\n%s", err, xml)
	}
	if f := m.NameServerForm(ListNameServers); f != NameServersAttributes {
		t.Errorf("form %d", f)
	}
	if a := m.NameServerAddresses(ListNameServers, 0); len(a) != 2 || a[1].Address != "2001:db8::1" || a[1].Version != 6 {
		t.Errorf("addresses %+v", a)
	}
	xml, err = AppendDomainUpdateHostAttrs(nil, DomainUpdate{Name: "example.com", Add: &DomainAddRemove{Statuses: []string{"clientHold"}}}, hosts[:1], hosts[1:], "ABC-2", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.ReadCommand(xml); err != nil {
		t.Fatalf("%v\n%s", err, xml)
	}
	if m.ListLen(ListNameServersAdd) != 1 || m.ListLen(ListNameServersRemove) != 1 || m.ListLen(ListStatusesAdd) != 1 {
		t.Errorf("update lists %d %d %d", m.ListLen(ListNameServersAdd), m.ListLen(ListNameServersRemove), m.ListLen(ListStatusesAdd))
	}
}
