package epp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"
)

// A server that answers with plain text after a frame: Push fails with a
// *FrameError that shows the text, the length it spells, the limit and
// where it starts; it is still ErrFrameInvalid and an *Error, and Next
// gives the same details once the frame before it is out.
func TestDeframerShowsUnframedText(t *testing.T) {
	d, err := NewDeframer(0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	stream := framed([]byte("<epp><greeting/></epp>"))
	at := uint64(len(stream))
	stream = append(stream, "Session limit exceeded\r\n"...)

	err = d.Push(stream)
	want := FrameError{
		Result:  ResultFrameInvalid,
		Kind:    FrameUnframedText,
		Length:  binary.BigEndian.Uint32([]byte("Sess")),
		Max:     1 << 20,
		Header:  [4]byte{'S', 'e', 's', 's'},
		Offset:  at,
		Message: fmt.Sprintf("peer sent text without an EPP frame header: \"Sess…\", at stream offset %d", at),
	}
	var fe *FrameError
	if !errors.As(err, &fe) || *fe != want {
		t.Fatalf("Push: %#v, want %#v", err, want)
	}
	if got := err.Error(); got != "epp: "+want.Message {
		t.Errorf("Error() = %q", got)
	}
	var e *Error
	if !errors.Is(err, ErrFrameInvalid) || errors.Is(err, ErrFrameTooLong) ||
		!errors.As(err, &e) || e.Result != ResultFrameInvalid {
		t.Errorf("errors.Is/As: %v", err)
	}

	f, err := d.Next()
	if err != nil || string(f.Bytes()) != "<epp><greeting/></epp>" {
		t.Fatalf("the frame before the text: %q, %v", f.Bytes(), err)
	}
	_, err = d.Next()
	if !errors.As(err, &fe) || *fe != want {
		t.Fatalf("Next: %#v", err)
	}
	if err := d.Push([]byte("more")); !errors.As(err, &fe) || *fe != want {
		t.Fatalf("Push after the error: %#v", err)
	}
}

// A header over the limit, arriving through Fill after two frames, and one
// below 4 arriving byte by byte: the length, the limit and the offset.
func TestDeframerNamesLengthErrors(t *testing.T) {
	d, err := NewDeframer(64)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	stream := append(framed([]byte("<a/>")), framed(bytes.Repeat([]byte("x"), 60))...)
	at := uint64(len(stream))
	stream = binary.BigEndian.AppendUint32(stream, 1000)
	r := bytes.NewReader(append(stream, "<epp>"...))
	for err == nil {
		_, err = d.Fill(r)
	}
	var fe *FrameError
	if !errors.As(err, &fe) {
		t.Fatalf("Fill: %v", err)
	}
	if fe.Result != ResultFrameTooLong || fe.Kind != FrameLengthTooLarge || fe.Length != 1000 ||
		fe.Max != 64 || fe.Header != [4]byte{0, 0, 3, 0xe8} || fe.Offset != at {
		t.Errorf("Fill: %#v", fe)
	}
	want := fmt.Sprintf("epp: EPP frame header announces a total length of 1000 octets, above the limit of 64, at stream offset %d", at)
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	if !errors.Is(err, ErrFrameTooLong) || errors.Is(err, ErrFrameInvalid) {
		t.Errorf("errors.Is: %v", err)
	}

	short, err := NewDeframer(0)
	if err != nil {
		t.Fatal(err)
	}
	defer short.Close()
	stream = append(framed([]byte("<b/>")), 0, 0, 0, 2)
	for _, b := range stream {
		err = short.Push([]byte{b})
		if err != nil {
			break
		}
	}
	if !errors.As(err, &fe) || fe.Kind != FrameLengthTooSmall || fe.Length != 2 ||
		fe.Max != 1<<20 || fe.Header != [4]byte{0, 0, 0, 2} || fe.Offset != 8 ||
		!errors.Is(err, ErrFrameInvalid) {
		t.Fatalf("byte by byte: %#v", err)
	}
}

// Errors that are not about framing stay plain *Errors.
func TestDeframerOtherErrorsAreNotFrameErrors(t *testing.T) {
	d, err := NewDeframer(0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	_, err = d.Next()
	var fe *FrameError
	if !errors.Is(err, ErrIncomplete) || errors.As(err, &fe) {
		t.Fatalf("Next on an empty deframer: %#v", err)
	}
}
