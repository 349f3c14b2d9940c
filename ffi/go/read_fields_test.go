package epp

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// ReadCommandFields and ReadResponseFields give what the read then Fields
// give, on every corpus message; read errors come back the same.
func TestReadFieldsAgreesWithReadThenFields(t *testing.T) {
	one, two := newMessage(t), newMessage(t)
	dir := corpusDir(t)
	compared := 0
	for _, path := range corpusPaths(t) {
		data, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		pairs := []struct {
			fast func([]byte) (*Fields, error)
			read func([]byte) error
		}{{one.ReadCommandFields, two.ReadCommand}, {one.ReadResponseFields, two.ReadResponse}}
		for _, p := range pairs {
			got, gerr := p.fast(data)
			if err := p.read(data); err != nil {
				var e1, e2 *Error
				if !errors.As(gerr, &e1) || !errors.As(err, &e2) || *e1 != *e2 {
					t.Fatalf("%s: errors differ: %v / %v", path, gerr, err)
				}
				continue
			}
			want, err := two.Fields()
			if gerr != nil || err != nil {
				t.Fatalf("%s: %v %v", path, gerr, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s:\none call %+v\ntwo      %+v", path, got, want)
			}
			compared++
		}
	}
	if compared < 250 {
		t.Fatalf("compared %d", compared)
	}
}

// A message with more list items than the arrays hold at first: the one
// call grows them and still gives every value.
func TestReadFieldsGrows(t *testing.T) {
	m := newMessage(t)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>` +
		`<domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">`)
	for i := range 200 {
		b.WriteString("<domain:name>d" + strings.Repeat("x", i%7) + ".example</domain:name>")
	}
	b.WriteString(`</domain:check></check><clTRID>T-1</clTRID></command></epp>`)
	f, err := m.ReadCommandFields([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if names := f.List(ListNames); len(names) != 200 || names[199] != "dxxx.example" {
		t.Fatalf("names %d %q", len(names), names[len(names)-1])
	}
	if v, ok := f.Field(FieldClTRID); !ok || v != "T-1" {
		t.Fatalf("clTRID %q %v", v, ok)
	}
}
