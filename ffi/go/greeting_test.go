package epp

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGreetingPolicyAndResponseDetails(t *testing.T) {
	m, err := NewMessage()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	read := func(path string, f func([]byte) error) {
		data, err := os.ReadFile(filepath.Join(corpusDir(t), path))
		if err != nil {
			t.Fatal(err)
		}
		if err := f(data); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	read("rfc/5730/002-S-s2.4.xml", m.ReadGreeting)
	if a := m.DcpAccess(); a != DcpAccessAll {
		t.Errorf("access %d", a)
	}
	st := m.DcpStatements()
	if len(st) != 1 || st[0].Purposes != DcpPurposeAdmin|DcpPurposeProvisioning ||
		st[0].Recipients != DcpRecipientOurs|DcpRecipientPublic || st[0].Retention != DcpRetentionStated {
		t.Errorf("statements %+v", st)
	}
	if k, _ := m.DcpExpiry(); k != DcpExpiryAbsent {
		t.Errorf("expiry %d", k)
	}
	read("rfc/5730/006-S-s2.6.xml", m.ReadResponse)
	if v := m.ResultValues(0); len(v) != 1 {
		t.Errorf("values %q", v)
	}
	e := m.ResultExtValues(1)
	if len(e) != 1 || e[0].Reason != "Invalid character found." || e[0].HasLang {
		t.Errorf("ext values %+v", e)
	}
	read("rfc/5730/025-S-s2.9.2.3.xml", m.ReadResponse)
	if lang, ok := m.MsgQLang(); !ok || lang != "en" {
		t.Errorf("msgQ lang %q %v", lang, ok)
	}
}
