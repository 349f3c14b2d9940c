package epp

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// readBack returns a function that reads a written command strictly.
func readBack(t *testing.T) func(xml []byte, err error) *Message {
	return func(xml []byte, err error) *Message { return readBackXML(t, xml, err) }
}

func readBackXML(t *testing.T, xml []byte, err error) *Message {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	if err := m.ReadCommand(xml); err != nil {
		t.Fatalf("%v\n%s", err, xml)
	}
	return m
}

func TestDomainWritersRoundTrip(t *testing.T) {
	m := readBack(t)(AppendDomainCreate(nil, DomainCreate{
		Name: "example.com", Period: Period{2, PeriodYears},
		NameServers: []string{"ns1.example.net", "ns2.example.net"}, Registrant: "jd1234",
		Contacts:     []DomainContact{{"admin", "sh8013"}, {"tech", "sh8014"}},
		AuthPassword: "2fooBAR",
	}, "ABC-1", 0))
	if p, _ := m.Period(); p != (Period{2, PeriodYears}) {
		t.Fatalf("period %v", p)
	}
	if got := m.List(ListContactTypes); !reflect.DeepEqual(got, []string{"admin", "tech"}) {
		t.Fatal(got)
	}
	if _, err := AppendDomainCreate(nil, DomainCreate{Name: "example.com", AuthPassword: "x", Contacts: []DomainContact{{"boss", "a"}}}, "", 0); err == nil {
		t.Fatal("an unknown contact type was written")
	}
	m = readBack(t)(AppendDomainUpdate(nil, DomainUpdate{
		Name: "example.com", Add: &DomainAddRemove{Statuses: []string{"clientHold"}, NameServers: []string{"ns1.example.net"}},
		Remove: &DomainAddRemove{Contacts: []DomainContact{{"tech", "sh8013"}}}, RemoveRegistrant: true, NewAuthPassword: "newpw",
	}, "", WriteNoDeclaration))
	if r, ok := m.ObjectField(ObjectNewRegistrant); !ok || r != "" {
		t.Fatalf("registrant %q %v", r, ok)
	}
	if got := m.List(ListStatusesAdd); !reflect.DeepEqual(got, []string{"clientHold"}) {
		t.Fatal(got)
	}
	m = readBack(t)(AppendDomainRenew(nil, "example.com", "2000-04-03", Period{5, PeriodMonths}, "", 0))
	if p, _ := m.Period(); p.Unit != PeriodMonths {
		t.Fatal(p)
	}
	m = readBack(t)(AppendDomainTransfer(nil, 1, "example.com", Period{}, "2fooBAR", "", 0))
	if m.TransferOp() != 1 {
		t.Fatal(m.TransferOp())
	}
	m = readBack(t)(AppendDomainDelete(nil, "example.com", "", 0))
	if m.CommandKind() != CommandDelete {
		t.Fatal(m.CommandKind())
	}
}

func TestHostWritersRoundTrip(t *testing.T) {
	m := readBack(t)(AppendHostCheck(nil, []string{"ns1.example.com", "ns2.example.com"}, "", 0))
	if len(m.List(ListNames)) != 2 {
		t.Fatal(m.List(ListNames))
	}
	m = readBack(t)(AppendHostCreate(nil, "ns1.example.com", []string{"192.0.2.2", "1080:0:0:0:8:800:200C:417A"}, "", 0))
	if m.AddressVersion(ListAddresses, 1) != 6 || m.AddressVersion(ListAddresses, 0) != 4 {
		t.Fatal("address versions")
	}
	framed, err := AppendHostUpdate(nil, "ns1.example.com", &HostAddRemove{Addresses: []string{"192.0.2.22"}, Statuses: []string{"clientUpdateProhibited"}},
		&HostAddRemove{Addresses: []string{"::1"}}, "ns2.example.com", "", WriteFramed|WriteNoDeclaration)
	m = readBackXML(t, framed[4:], err)
	if n, _ := m.ObjectField(ObjectNewName); n != "ns2.example.com" {
		t.Fatal(n)
	}
	for _, w := range []func([]byte, string, string, WriteFlags) ([]byte, error){AppendHostInfo, AppendHostDelete} {
		m = readBack(t)(w(nil, "ns1.example.com", "", 0))
		if n, _ := m.Field(FieldObjectName); n != "ns1.example.com" {
			t.Fatal(n)
		}
	}
}

func TestContactWritersRoundTrip(t *testing.T) {
	info := PostalInfo{Type: PostalInt, Name: "John Doe", Org: "Example & Co.", Streets: []string{"123 Example Dr.", "Suite 100"},
		City: "Dulles", StateProvince: "VA", PostalCode: "20166-6503", CountryCode: "US"}
	m := readBack(t)(AppendContactCreate(nil, "sh8013", ContactDetails{
		PostalInfos: []PostalInfo{info}, Voice: "+1.7035555555", VoiceExtension: "1234",
		Email: "jdoe@example.com", AuthPassword: "2fooBAR", Disclose: &Disclose{Voice: true, Email: true},
	}, "ABC-12345", 0))
	if got := m.PostalInfos(); !reflect.DeepEqual(got, []PostalInfo{info}) {
		t.Fatalf("%+v", got)
	}
	if x, _ := m.ContactField(ContactVoiceExtension); x != "1234" {
		t.Fatal(x)
	}
	if d, _ := m.Disclose(); d != (Disclose{Voice: true, Email: true}) {
		t.Fatal(d)
	}
	m = readBack(t)(AppendContactUpdate(nil, "sh8013", []string{"clientDeleteProhibited"}, nil,
		&ContactDetails{PostalInfos: []PostalInfo{{Type: PostalLoc, Org: "Other"}}, Email: "new@example.com"}, "", 0))
	if o, _ := m.PostalInfoField(0, PostalOrg); o != "Other" {
		t.Fatal(o)
	}
	if e, _ := m.ContactField(ContactEmail); e != "new@example.com" {
		t.Fatal(e)
	}
	m = readBack(t)(AppendContactCheck(nil, []string{"sh8013", "sah8013"}, "", 0))
	if len(m.List(ListNames)) != 2 {
		t.Fatal(m.List(ListNames))
	}
	m = readBack(t)(AppendContactInfo(nil, "sh8013", "2fooBAR", "", 0))
	if pw, _ := m.Field(FieldAuthPassword); pw != "2fooBAR" {
		t.Fatal(pw)
	}
	m = readBack(t)(AppendContactTransfer(nil, 2, "sh8013", "", "", 0))
	if m.TransferOp() != 2 {
		t.Fatal(m.TransferOp())
	}
	m = readBack(t)(AppendContactDelete(nil, "sh8013", "", 0))
	if m.CommandKind() != CommandDelete {
		t.Fatal(m.CommandKind())
	}
}

func TestTypedExtensions(t *testing.T) {
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	data, err := os.ReadFile(filepath.Join(corpusDir(t), "ext/examples/5910/004-C-s5.2.1.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.ReadCommand(data); err != nil {
		t.Fatal(err)
	}
	if m.ExtKind(0) != 2 || m.ExtCount(0, ExtListDSData) != 1 {
		t.Fatal(m.ExtKind(0), m.ExtCount(0, ExtListDSData))
	}
	if tag, _ := m.ExtNumber(0, ExtListDSData, 0, ExtKeyTag); tag != 12345 {
		t.Fatal(tag)
	}
	if d, _ := m.ExtString(0, ExtListDSData, 0, ExtDigest); d != "49FD46E6C4B45C55D4AC" {
		t.Fatal(d)
	}
	if _, ok := m.ExtString(0, ExtListDSData, 0, ExtKeyTag); ok {
		t.Fatal("a number read as a string")
	}
}
