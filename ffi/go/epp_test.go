package epp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func corpusFile(t testing.TB, rel string) []byte {
	data, err := os.ReadFile(filepath.Join(corpusDir(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

const (
	domainInfoResponse = "rfc/5731/005-S-s3.1.2.xml"
	domainCreate       = "rfc/5731/009-C-s3.2.1.xml"
)

func newMessage(t testing.TB) *Message {
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func frame(xml []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(xml)+4))
	return append(out, xml...)
}

func TestVersion(t *testing.T) {
	if v := Version(); !strings.Contains(v, ".") {
		t.Fatalf("version %q", v)
	}
}

func TestDomainInfoResponse(t *testing.T) {
	m := newMessage(t)
	if err := m.ReadResponse(corpusFile(t, domainInfoResponse)); err != nil {
		t.Fatal(err)
	}
	if m.Kind() != KindResponse || m.ResDataKind() != 2 {
		t.Fatalf("kind %d, resData %d", m.Kind(), m.ResDataKind())
	}
	if r := m.Results(); len(r) != 1 || r[0].Code != 1000 || r[0].Msg != "Command completed successfully" {
		t.Fatalf("results %+v", r)
	}
	for f, want := range map[Field]string{
		FieldObjectName: "example.com", FieldROID: "EXAMPLE1-REP", FieldRegistrant: "jd1234",
		FieldClientID: "ClientX", FieldAuthPassword: "2fooBAR", FieldClTRID: "ABC-12345", FieldSvTRID: "54322-XYZ",
	} {
		if got, ok := m.Field(f); !ok || got != want {
			t.Errorf("field %d = %q, %v; want %q", f, got, ok, want)
		}
	}
	if got := m.List(ListHosts); !slicesEqual(got, []string{"ns1.example.com", "ns2.example.com"}) {
		t.Errorf("hosts %q", got)
	}
	if got := m.List(ListContactTypes); !slicesEqual(got, []string{"admin", "tech"}) {
		t.Errorf("contact types %q", got)
	}
	created, err := m.FieldTime(FieldCreated)
	if err != nil || !created.Equal(time.Date(1999, 4, 3, 22, 0, 0, 0, time.UTC)) {
		t.Errorf("created %v %v", created, err)
	}
	if _, err := m.FieldTime(FieldMsgQDate); !errors.Is(err, &Error{Result: ResultAbsent}) {
		t.Errorf("absent date: %v", err)
	}
	if _, ok := m.Field(FieldLoginClientID); ok {
		t.Error("a login field on a response")
	}
}

func slicesEqual(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

func TestCommandAndEscapes(t *testing.T) {
	m := newMessage(t)
	if err := m.ReadCommand(corpusFile(t, domainCreate)); err != nil {
		t.Fatal(err)
	}
	if m.CommandKind() != CommandCreate || m.Object() != ObjectDomain {
		t.Fatalf("command %d object %d", m.CommandKind(), m.Object())
	}
	// A reference in the text: the raw bytes keep it, the value expands it.
	xml := `<?xml version="1.0" encoding="UTF-8"?><epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><logout/><clTRID>A&amp;B&#233;</clTRID></command></epp>`
	if err := m.ReadCommand([]byte(xml)); err != nil {
		t.Fatal(err)
	}
	raw, _ := m.FieldBytes(FieldClTRID)
	value, _ := m.Field(FieldClTRID)
	if string(raw) != "A&amp;B&#233;" || value != "A&Bé" {
		t.Fatalf("raw %q value %q", raw, value)
	}
}

func TestReadErrorAndErrorResponse(t *testing.T) {
	m := newMessage(t)
	err := m.ReadCommand(corpusFile(t, domainInfoResponse))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrReadError) || e.Code != 2001 || e.Offset == 0 || e.Message == "" {
		t.Fatalf("error %#v", err)
	}
	if m.Kind() != KindError {
		t.Fatalf("kind %d", m.Kind())
	}
	out, err := m.AppendErrorResponse([]byte("prefix"), "SV-1", "CL-1", WriteFramed)
	if err != nil {
		t.Fatal(err)
	}
	body := out[len("prefix"):]
	if !bytes.HasPrefix(out, []byte("prefix")) || int(binary.BigEndian.Uint32(body)) != len(body) {
		t.Fatalf("bad framing: %q", out)
	}
	if err := m.ReadResponse(body[4:]); err != nil {
		t.Fatal(err)
	}
	if code, _ := m.ResultCode(0); code != 2001 {
		t.Fatalf("code %d", code)
	}
	if tr, _ := m.Field(FieldClTRID); tr != "CL-1" {
		t.Fatalf("clTRID %q", tr)
	}
}

func TestWriters(t *testing.T) {
	m := newMessage(t)
	check := func(out []byte, err error, kind CommandKind) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if err := m.ReadCommand(out); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if m.CommandKind() != kind {
			t.Fatalf("kind %d", m.CommandKind())
		}
	}
	out, err := AppendHello(nil, 0)
	check(out, err, CommandHello)
	out, err = AppendLogout(nil, "CL-2", 0)
	check(out, err, CommandLogout)
	out, err = AppendPollRequest(nil, "", 0)
	check(out, err, CommandPoll)
	out, err = AppendPollAck(nil, "12345", "CL-3", WriteNoDeclaration)
	check(out, err, CommandPoll)
	if id, _ := m.Field(FieldPollMessageID); id != "12345" || m.PollOp() != 2 {
		t.Fatalf("msgID %q op %d", id, m.PollOp())
	}
	names := []string{"example.com", "example.net", strings.Repeat("a", 60) + ".org"}
	out, err = AppendDomainCheck(make([]byte, 0, 8), names, "CL-4", 0) // grows past 8 bytes
	check(out, err, CommandCheck)
	if got := m.List(ListNames); !slicesEqual(got, names) {
		t.Fatalf("names %q", got)
	}
	out, err = AppendDomainInfo(nil, "example.com", "", 0)
	check(out, err, CommandInfo)
	if _, err := AppendDomainCheck(nil, nil, "", 0); !errors.Is(err, &Error{Result: ResultInvalidArgument}) {
		t.Fatalf("empty check: %v", err)
	}
	out, err = AppendResponse(nil, 1000, "", "CL-5", "SV-5", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.ReadResponse(out); err != nil {
		t.Fatal(err)
	}
	if msg, _ := m.ResultMsg(0); msg != "Command completed successfully" {
		t.Fatalf("msg %q", msg)
	}
	if _, err := AppendResponse(nil, 1000, "", "", "", 0); err == nil {
		t.Fatal("a response without svTRID")
	}
}

func TestDeframer(t *testing.T) {
	d, err := NewDeframer(0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	m := newMessage(t)
	stream := append(frame(corpusFile(t, domainCreate)), frame(corpusFile(t, domainInfoResponse))...)
	// Byte by byte through Push, then the whole stream through Fill.
	var names []string
	for _, b := range stream {
		if err := d.Push([]byte{b}); err != nil {
			t.Fatal(err)
		}
		f, err := d.Next()
		if errors.Is(err, ErrIncomplete) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := m.ReadCommandFrame(f); err != nil {
			if err := m.ReadResponseFrame(f); err != nil {
				t.Fatal(err)
			}
		}
		name, _ := m.Field(FieldObjectName)
		names = append(names, name)
	}
	if !slicesEqual(names, []string{"example.com", "example.com"}) || d.Needed() != 4 {
		t.Fatalf("names %q, needed %d", names, d.Needed())
	}
	r := bytes.NewReader(stream)
	frames := 0
	for {
		_, err := d.Fill(r)
		for {
			f, nerr := d.Next()
			if nerr != nil {
				if !errors.Is(nerr, ErrIncomplete) {
					t.Fatal(nerr)
				}
				break
			}
			frames++
			if f.Len() != len(f.Bytes()) || !bytes.HasPrefix(f.Bytes(), []byte("<?xml")) {
				t.Fatal("bad frame")
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if frames != 2 {
		t.Fatalf("%d frames", frames)
	}
	if err := d.Push([]byte{0, 0, 0, 2}); !errors.Is(err, ErrFrameInvalid) {
		t.Fatalf("bad header: %v", err)
	}
	small, _ := NewDeframer(64)
	defer small.Close()
	if err := small.Push([]byte{0, 0, 1, 0}); !errors.Is(err, ErrFrameTooLong) {
		t.Fatalf("long frame: %v", err)
	}
}

func TestCloseTwiceAndFinalizer(t *testing.T) {
	m, _ := NewMessage()
	m.Close()
	m.Close()
	d, _ := NewDeframer(0)
	d.Close()
	d.Close()
}

// Separate handles on separate goroutines are independent (run with -race).
func TestConcurrentHandles(t *testing.T) {
	data := corpusFile(t, domainInfoResponse)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, _ := NewMessage()
			defer m.Close()
			for range 200 {
				if err := m.ReadResponse(data); err != nil {
					t.Error(err)
					return
				}
				if n, _ := m.Field(FieldObjectName); n != "example.com" {
					t.Error(n)
					return
				}
			}
		}()
	}
	wg.Wait()
}
