package epp

import (
	"errors"
	"io"
	"net"
	"reflect"
	"testing"
)

// A login written through the binding reads back, strictly, as the same login.
func TestAppendLoginRoundTrip(t *testing.T) {
	l := Login{
		ClientID:      "ClientX",
		Password:      "foo&BAR2",
		NewPassword:   "bar-FOO2",
		Lang:          "fr",
		ObjectURIs:    []string{"urn:ietf:params:xml:ns:domain-1.0", "urn:ietf:params:xml:ns:host-1.0"},
		ExtensionURIs: []string{"urn:ietf:params:xml:ns:secDNS-1.1"},
		ClTRID:        "ABC-12345",
	}
	out, err := AppendLogin(nil, l, 0)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.ReadCommand(out); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if m.CommandKind() != CommandLogin {
		t.Fatalf("kind %v", m.CommandKind())
	}
	for f, want := range map[Field]string{
		FieldLoginClientID: l.ClientID, FieldLoginPassword: l.Password, FieldLoginNewPassword: l.NewPassword,
		FieldLoginVersion: "1.0", FieldLoginLang: l.Lang, FieldClTRID: l.ClTRID,
	} {
		if got, _ := m.Field(f); got != want {
			t.Errorf("field %d: %q, want %q", f, got, want)
		}
	}
	if got := m.List(ListLoginObjectURIs); !reflect.DeepEqual(got, l.ObjectURIs) {
		t.Errorf("objURIs %q", got)
	}
	if got := m.List(ListLoginExtensionURIs); !reflect.DeepEqual(got, l.ExtensionURIs) {
		t.Errorf("extURIs %q", got)
	}
	// No object URI, or too many, is refused before C is called.
	for _, bad := range []Login{{ClientID: "a", Password: "bbbbbb"}, {ClientID: "a", Password: "bbbbbb", ObjectURIs: make([]string, MaxLoginURIs+1)}} {
		if _, err := AppendLogin(nil, bad, 0); !errors.Is(err, &Error{Result: ResultInvalidArgument}) {
			t.Errorf("%d object URIs: %v", len(bad.ObjectURIs), err)
		}
	}
}

// Client pairs a framed command with the framed response a peer sends,
// whole or split across reads, and reads the greeting first.
func TestClientOverAPipe(t *testing.T) {
	clientEnd, serverEnd := net.Pipe()
	defer clientEnd.Close()
	greeting := framed(corpusFile(t, "rfc/5730/002-S-s2.4.xml"))
	response := framed(corpusFile(t, domainInfoResponse))
	go func() {
		defer serverEnd.Close()
		serverEnd.Write(greeting[:3])
		serverEnd.Write(greeting[3:])
		// One command in, its response out in two pieces.
		header := make([]byte, 4)
		if _, err := io.ReadFull(serverEnd, header); err != nil {
			return
		}
		n := int(header[0])<<24 | int(header[1])<<16 | int(header[2])<<8 | int(header[3])
		if _, err := io.ReadFull(serverEnd, make([]byte, n-4)); err != nil {
			return
		}
		serverEnd.Write(response[:100])
		serverEnd.Write(response[100:])
	}()
	c, err := NewClient(clientEnd)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Message().Kind() != KindGreeting {
		t.Fatalf("kind %v", c.Message().Kind())
	}
	cmd, err := AppendDomainInfo(c.Buffer(), "example.com", "ABC-12345", WriteFramed)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Do(cmd)
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := r.ResultCode(0); code != 1000 {
		t.Errorf("code %d", code)
	}
	if name, _ := r.Field(FieldObjectName); name != "example.com" {
		t.Errorf("name %q", name)
	}
	// The peer has closed: the next command fails, it does not hang.
	if _, err := c.Do(cmd); err == nil {
		t.Error("a command after the peer closed succeeded")
	}
}

// framed prefixes payload with its RFC 5734 header.
func framed(payload []byte) []byte {
	n := len(payload) + 4
	return append([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}, payload...)
}
