package epp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The cross-language agreement test: the same dump as the Rust dumper
// (ffi/examples/dump_fields.rs, whose doc comment gives the format),
// produced through this binding's API, compared line for line.

func corpusDir(t testing.TB) string {
	if dir := os.Getenv("EPP_CORPUS_DIR"); dir != "" {
		return dir
	}
	dir, err := filepath.Abs("../../../shared/corpus")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST.tsv")); err != nil {
		t.Fatalf("EPP corpus not found at %s (set EPP_CORPUS_DIR): %v", dir, err)
	}
	return dir
}

// corpusPaths lists MANIFEST.tsv's paths in order.
func corpusPaths(t testing.TB) []string {
	data, err := os.ReadFile(filepath.Join(corpusDir(t), "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	col := -1
	for i, h := range strings.Split(lines[0], "\t") {
		if h == "path" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("MANIFEST.tsv has no path column")
	}
	var paths []string
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) != "" {
			paths = append(paths, strings.Split(l, "\t")[col])
		}
	}
	if len(paths) < 290 {
		t.Fatalf("corpus looks truncated: %d messages", len(paths))
	}
	return paths
}

var escaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`)

func esc(s string) string { return escaper.Replace(s) }

func opt(s string, ok bool) string {
	if !ok {
		return `\-`
	}
	return esc(s)
}

func formatDateTime(d DateTime) string {
	s := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d.%06d", d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second, d.Nanosecond/1000)
	if d.HasOffset {
		sign, off := '+', d.OffsetMinutes
		if off < 0 {
			sign, off = '-', -off
		}
		s += fmt.Sprintf("%c%02d:%02d", sign, off/60, off%60)
	}
	return s
}

var dateFields = map[Field]bool{FieldMsgQDate: true, FieldCreated: true, FieldUpdated: true, FieldExpires: true, FieldTransferred: true, FieldServerDate: true}

func dumpMessage(m *Message) []string {
	var out []string
	for f := Field(0); f <= FieldLast; f++ {
		raw, ok := m.FieldBytes(f)
		if !ok {
			continue
		}
		value, vok := m.Field(f)
		out = append(out, fmt.Sprintf("field\t%d\t%s\t%s", f, esc(string(raw)), opt(value, vok)))
		if !dateFields[f] {
			continue
		}
		d, err := m.FieldDateTime(f)
		switch {
		case err == nil:
			out = append(out, fmt.Sprintf("date\t%d\t%s", f, formatDateTime(d)))
		case errors.Is(err, &Error{Result: ResultInvalidValue}):
			out = append(out, fmt.Sprintf("date\t%d\tinvalid", f))
		}
	}
	for l := List(0); l <= ListLast; l++ {
		for i := range m.ListLen(l) {
			raw, rok := m.ListItemBytes(l, i)
			value, vok := m.ListItem(l, i)
			out = append(out, fmt.Sprintf("list\t%d\t%d\t%s\t%s", l, i, opt(string(raw), rok), opt(value, vok)))
		}
	}
	for i, r := range m.Results() {
		raw, ok := m.ResultMsgBytes(i)
		out = append(out, fmt.Sprintf("result\t%d\t%d\t%s\t%s", i, r.Code, opt(string(raw), ok), opt(r.Msg, r.HasMessage)))
	}
	if c, ok := m.MsgQCount(); ok {
		out = append(out, fmt.Sprintf("msgq_count\t%d", c))
	}
	if k := m.ResDataKind(); k != 0 {
		xml, ok := m.ResDataXML()
		out = append(out, fmt.Sprintf("res_data\t%d\t%s", k, opt(xml, ok)))
	}
	for i, c := range m.Checks() {
		flag := "0"
		if c.Available {
			flag = "1"
		}
		out = append(out, fmt.Sprintf("check\t%d\t%s\t%s\t%s", i, esc(c.Name), flag, opt(c.Reason, c.HasReason)))
	}
	for i, e := range m.Extensions() {
		out = append(out, fmt.Sprintf("extension\t%d\t%s\t%s", i, esc(e.Namespace), esc(e.XML)))
	}
	out = append(out, dumpObjects(m)...)
	return append(out, dumpDetails(m)...)
}

// dumpCorpus produces the whole dump through the Go API.
func dumpCorpus(t testing.TB) []string {
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	dir := corpusDir(t)
	var lines []string
	readers := []struct {
		name string
		read func([]byte) error
	}{{"command", m.ReadCommand}, {"response", m.ReadResponse}, {"greeting", m.ReadGreeting}}
	for _, path := range corpusPaths(t) {
		data, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range readers {
			var out []string
			err := r.read(data)
			var e *Error
			switch {
			case err == nil:
				out = append(out, fmt.Sprintf("read\tok\t%d\t%d\t%d\t%d\t%d", m.Kind(), m.CommandKind(), m.Object(), m.PollOp(), m.TransferOp()))
				out = append(out, dumpMessage(m)...)
			case errors.As(err, &e) && e.Result == ResultReadError:
				out = append(out, fmt.Sprintf("read\terror\t%d\t%d\t%s", e.Code, e.Offset, esc(e.Message)))
				if r.name == "command" {
					xml, werr := m.AppendErrorResponse(nil, "SV-DUMP", "", 0)
					out = append(out, "error_response\t"+opt(string(xml), werr == nil))
				}
			case errors.As(err, &e):
				out = append(out, fmt.Sprintf("read\tfail\t%d", e.Result))
			default:
				t.Fatalf("%s: %v", path, err)
			}
			for _, l := range out {
				lines = append(lines, path+"\t"+r.name+"\t"+l)
			}
		}
	}
	return lines
}

// rustDump reads the Rust dumper's output: the file named by
// EPP_RUST_DUMP, or a fresh run of the example through cargo.
func rustDump(t *testing.T) []string {
	var data []byte
	var err error
	if path := os.Getenv("EPP_RUST_DUMP"); path != "" {
		data, err = os.ReadFile(path)
	} else {
		cmd := exec.Command("cargo", "run", "--quiet", "--release", "-p", "epp-codec-ffi", "--example", "dump_fields")
		cmd.Dir = "../.."
		cmd.Stderr = os.Stderr
		data, err = cmd.Output()
	}
	if err != nil {
		t.Fatalf("Rust dump: %v", err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

func TestDumpAgreesWithRust(t *testing.T) {
	want := rustDump(t)
	got := dumpCorpus(t)
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			t.Fatalf("line %d differs:\nrust: %s\ngo:   %s", i+1, want[i], got[i])
		}
	}
	if len(want) != len(got) {
		t.Fatalf("rust dump has %d lines, go dump %d", len(want), len(got))
	}
	paths := corpusPaths(t)
	seen := map[string]bool{}
	for _, l := range got {
		seen[strings.SplitN(l, "\t", 2)[0]] = true
	}
	if len(seen) != len(paths) {
		t.Fatalf("dump covers %d of %d corpus messages", len(seen), len(paths))
	}
	t.Logf("%d lines agree over %d corpus messages", len(got), len(paths))
}
