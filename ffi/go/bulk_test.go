package epp

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// perField takes what Message.Fields takes, one cgo call per value.
func perField(m *Message) *Fields {
	f := &Fields{}
	for i := range FieldCount {
		f.values[i], f.present[i] = m.Field(Field(i))
	}
	for l := range ListCount {
		f.lists[l] = m.List(List(l))
	}
	if m.Kind() == KindResponse {
		f.Results = m.Results()
		if c := m.Checks(); len(c) > 0 {
			f.Checks = c
		}
	}
	return f
}

// The bulk path agrees with the single-value path on every value of every
// corpus message, read as a command, a response and a greeting.
func TestFieldsAgreeWithSingleValues(t *testing.T) {
	m := newMessage(t)
	dir := corpusDir(t)
	compared := 0
	for _, path := range corpusPaths(t) {
		data, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		for _, read := range []func([]byte) error{m.ReadCommand, m.ReadResponse, m.ReadGreeting} {
			err := read(data)
			bulk, berr := m.Fields()
			if err != nil {
				if !errors.Is(berr, &Error{Result: ResultWrongKind}) {
					t.Fatalf("%s: Fields after a failed read: %v", path, berr)
				}
				continue
			}
			if berr != nil {
				t.Fatalf("%s: %v", path, berr)
			}
			want := perField(m)
			if len(want.Results) == 0 && len(bulk.Results) == 0 {
				want.Results, bulk.Results = nil, nil
			}
			if !reflect.DeepEqual(bulk, want) {
				t.Fatalf("%s:\nbulk      %+v\nper field %+v", path, bulk, want)
			}
			compared++
		}
	}
	if compared < 250 {
		t.Fatalf("only %d messages compared", compared)
	}
}

func TestFieldsOfTheInfoResponse(t *testing.T) {
	m := newMessage(t)
	if _, err := m.Fields(); !errors.Is(err, &Error{Result: ResultWrongKind}) {
		t.Fatalf("Fields before any read: %v", err)
	}
	if err := m.ReadResponse(corpusFile(t, domainInfoResponse)); err != nil {
		t.Fatal(err)
	}
	f, err := m.Fields()
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := f.Field(FieldObjectName); !ok || v != "example.com" {
		t.Fatalf("name %q %v", v, ok)
	}
	if _, ok := f.Field(FieldLoginClientID); ok {
		t.Fatal("a login field in a response")
	}
	if _, ok := f.Field(Field(999)); ok {
		t.Fatal("an unknown field")
	}
	if got := f.List(ListContactTypes); !reflect.DeepEqual(got, []string{"admin", "tech"}) {
		t.Fatalf("contact types %q", got)
	}
	if f.List(List(999)) != nil {
		t.Fatal("an unknown list")
	}
	// The lists share a backing array: appending to one must not clobber
	// the next.
	types := f.List(ListContactTypes)
	_ = append(f.List(ListContacts), "x")
	if !reflect.DeepEqual(types, []string{"admin", "tech"}) {
		t.Fatalf("append clobbered: %q", types)
	}
	if len(f.Results) != 1 || f.Results[0].Code != 1000 || f.Results[0].Msg != "Command completed successfully" {
		t.Fatalf("results %+v", f.Results)
	}
	// Values stay valid after the next read (they are Go strings).
	if err := m.ReadCommand(corpusFile(t, domainCreate)); err != nil {
		t.Fatal(err)
	}
	if v, _ := f.Field(FieldClTRID); v != "ABC-12345" {
		t.Fatalf("clTRID %q after the next read", v)
	}
}

// Escaped values and library constants come through the slow path.
func TestFieldsUnescapeAndDetached(t *testing.T) {
	m := newMessage(t)
	resp := []byte(`<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>` +
		`<result code="1000"><msg>Fish &amp; chips</msg></result>` +
		`<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">` +
		`<domain:cd><domain:name avail="1">a.example</domain:name></domain:cd>` +
		`<domain:cd><domain:name avail="0">b.example</domain:name><domain:reason>In use</domain:reason></domain:cd>` +
		`</domain:chkData></resData>` +
		`<trID><clTRID>A&lt;B</clTRID><svTRID>S-1</svTRID></trID></response></epp>`)
	if err := m.ReadResponse(resp); err != nil {
		t.Fatal(err)
	}
	f, err := m.Fields()
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.Field(FieldClTRID); v != "A<B" {
		t.Fatalf("clTRID %q", v)
	}
	if f.Results[0].Msg != "Fish & chips" {
		t.Fatalf("msg %q", f.Results[0].Msg)
	}
	want := []Check{{Name: "a.example", Available: true}, {Name: "b.example", Reason: "In use", HasReason: true}}
	if !reflect.DeepEqual(f.Checks, want) {
		t.Fatalf("checks %+v", f.Checks)
	}
	if err := m.ReadCommand(corpusFile(t, "rfc/5732/009-C-s3.2.5.xml")); err != nil {
		t.Fatal(err)
	}
	if f, err = m.Fields(); err != nil {
		t.Fatal(err)
	}
	if got := f.List(ListStatusesAdd); !reflect.DeepEqual(got, []string{"clientUpdateProhibited"}) {
		t.Fatalf("host statuses %q", got)
	}
}

// A message with more list items than the buffers hold grows them.
func TestFieldsGrowsItsBuffers(t *testing.T) {
	m := newMessage(t)
	xml := `<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>` +
		`<domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">`
	var names []string
	for i := range 64 {
		n := string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".example"
		names = append(names, n)
		xml += "<domain:name>" + n + "</domain:name>"
	}
	xml += `</domain:check></check><clTRID>ABC-1</clTRID></command></epp>`
	if err := m.ReadCommand([]byte(xml)); err != nil {
		t.Fatal(err)
	}
	f, err := m.Fields()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.List(ListNames), names) {
		t.Fatalf("names %q", f.List(ListNames))
	}
}
