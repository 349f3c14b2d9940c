package epp

import (
	"strings"
	"testing"
)

func readCorpus(t *testing.T, rel string, command bool) *Message {
	t.Helper()
	m := newMessage(t)
	read := m.ReadResponse
	if command {
		read = m.ReadCommand
	}
	if err := read(corpusFile(t, rel)); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestFeeCheckCommands(t *testing.T) {
	m := readCorpus(t, "ext/examples/8748/004-S-s5.1.1.xml", false)
	if m.ExtKind(0) != ExtKindFeeData {
		t.Fatalf("kind %d", m.ExtKind(0))
	}
	cmds := m.FeeCheckCommands(0)
	if len(cmds) < 5 {
		t.Fatalf("%d commands", len(cmds))
	}
	c := cmds[0]
	if c.Item != 0 || c.Name != "create" || c.Period != 2 || c.PeriodUnit != "y" || len(c.Fees) != 1 {
		t.Fatalf("%+v", c)
	}
	if f := c.Fees[0]; f.Amount != "10.00" || f.Description != "Registration Fee" || f.GracePeriod != "P5D" ||
		f.Refundable == nil || !*f.Refundable {
		t.Fatalf("%+v", f)
	}
	if last := cmds[len(cmds)-1]; last.Item == 0 {
		t.Fatalf("the last command's cd: %+v", last)
	}
	if x := m.FeeCheckItemExtras(0); len(x) < 2 || x[0].ObjectID != "example.com" {
		t.Fatalf("%+v", x)
	}
	if m.FeeCheckCommands(1) != nil {
		t.Fatal("commands past the extensions")
	}
}

func TestLaunchCreateDetails(t *testing.T) {
	m := readCorpus(t, "ext/examples/8334/012-C-s3.3.1.xml", true)
	d, ok := m.LaunchCreate(0)
	if !ok || len(d.CodeMarks) != 3 || d.CodeMarks[0].ValidatorID != "sample1" ||
		!strings.HasSuffix(d.CodeMarks[0].Code, "49FD46E6C4B45C55D4AC") || d.CodeMarks[1].ValidatorID != "" {
		t.Fatalf("%+v", d)
	}
	m = readCorpus(t, "ext/examples/8334/017-C-s3.3.2.xml", true)
	d, ok = m.LaunchCreate(0)
	if !ok || len(d.Notices) != 2 || d.Notices[0].ValidatorID != "tmch" ||
		!strings.HasPrefix(d.Notices[1].AcceptedDate, "2014-06-19T09:00:30.0Z") {
		t.Fatalf("%+v", d)
	}
	m = readCorpus(t, "ext/examples/8334/018-C-s3.3.3.xml", true)
	if d, ok := m.LaunchCreate(0); !ok || d.Type != "application" {
		t.Fatalf("%+v", d)
	}
}

func TestChangePoll(t *testing.T) {
	m := readCorpus(t, "ext/examples/8590/001-S-s3.1.2.xml", false)
	c, ok := m.ChangePoll(0)
	want := ChangePoll{State: "before", Operation: "update", Date: "2013-10-22T14:25:57.0Z", SvTRID: "12345-XYZ",
		Who: "URS Admin", CaseID: "urs123", CaseType: "urs", Reason: "URS Lock"}
	if !ok || c != want {
		t.Fatalf("%+v", c)
	}
	if _, ok := m.AddlEmail(0); ok {
		t.Fatal("a changePoll read as addlEmail")
	}
}

func TestVerisign(t *testing.T) {
	m := readCorpus(t, "instant-epp/response/poll/poll_low_balance.xml", false)
	v, ok := m.Verisign(ExtIndexData)
	if !ok || v.Kind != ExtKindVerisignLowBalance || v.RegistrarName != "Foobar, Inc." || v.CreditLimit != "0" ||
		v.CreditThreshold != "500" || v.ThresholdType != "FIXED" || v.AvailableCredit != "491.31" {
		t.Fatalf("%+v", v)
	}
	m = readCorpus(t, "instant-epp/response/poll/poll_rgp_restore.xml", false)
	v, ok = m.Verisign(ExtIndexData)
	if !ok || v.Name != "EXAMPLE.COM" || v.RGPStatus != "pendingRestore" || v.RequestDate != "2024-05-22T21:17:58Z" ||
		v.ReportDueDate != "2024-05-29T21:17:58Z" {
		t.Fatalf("%+v", v)
	}
	m = readCorpus(t, "instant-epp/request/extensions/consolidate.xml", true)
	if v, ok := m.Verisign(0); !ok || v.Kind != ExtKindVerisignSync || v.ExpMonthDay != "--05-31" {
		t.Fatalf("%+v", v)
	}
	m = readCorpus(t, "instant-epp/response/extensions/namestore.xml", false)
	found := false
	for i := range m.Extensions() {
		if v, ok := m.Verisign(i); ok && v.Kind == ExtKindVerisignNamestore && v.SubProduct == "com" {
			found = true
		}
	}
	if !found {
		t.Fatal("no namestore sub-product")
	}
}

func TestMaintenance(t *testing.T) {
	m := readCorpus(t, "ext/examples/9167/002-S-s4.1.1.1.xml", false)
	d, ok := m.Maintenance()
	it := d.Item
	if !ok || d.Kind != ExtKindMaintenanceItem || d.IsList || it.ID != "2e6df9b0-4092-4491-bcc8-9fb2166dcee6" ||
		it.Environment != "production" || it.Start != "2021-12-30T06:00:00Z" || it.Reason != "planned" ||
		len(it.Types) != 1 || it.Types[0] != (LangText{"Routine Maintenance", "en"}) ||
		len(it.Systems) != 1 || it.Systems[0].Name != "EPP" || it.Systems[0].Impact != "full" ||
		len(it.Descriptions) != 2 || len(it.TLDs) != 2 || it.TLDs[1] != "test" ||
		it.Connection == nil || *it.Connection || it.Created != "2021-11-08T22:10:00Z" {
		t.Fatalf("%+v", d)
	}
	m = readCorpus(t, "ext/examples/9167/004-S-s4.1.1.2.xml", false)
	if d, ok := m.Maintenance(); !ok || !d.IsList || len(d.List) == 0 || d.List[0].ID == "" {
		t.Fatalf("%+v", d)
	}
	m = readCorpus(t, "ext/examples/9167/006-S-s4.1.2.xml", false)
	if d, ok := m.Maintenance(); !ok || d.IsList || d.Item.PollType != "create" {
		t.Fatalf("%+v", d)
	}
	m = readCorpus(t, "ext/examples/9167/003-C-s4.1.1.2.xml", true)
	if d, ok := m.Maintenance(); !ok || d.Kind != ExtKindMaintenanceInfo {
		t.Fatalf("%+v", d)
	}
	m = readCorpus(t, "ext/examples/8590/001-S-s3.1.2.xml", false)
	if _, ok := m.Maintenance(); ok {
		t.Fatal("maintenance in a changePoll message")
	}
}

func TestBundling(t *testing.T) {
	m := readCorpus(t, "ext/examples/9095/002-S-s6.1.2.xml", false)
	b, ok := m.Bundling(0)
	if !ok || b.Data != "infData" || b.RDN.Name != "xn--fsq270a.example" || b.RDN.ULabel != "实例.example" ||
		len(b.Names) != 1 || b.Names[0].ULabel != "實例.example" {
		t.Fatalf("%+v", b)
	}
}

// launchCreateWith is a domain create with a launch create holding marks
// (the elements after the phase).
func launchCreateWith(marks string) []byte {
	return []byte(`<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>` +
		`<domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.test</domain:name>` +
		`<domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create><extension>` +
		`<launch:create xmlns:launch="urn:ietf:params:xml:ns:launch-1.0"><launch:phase>sunrise</launch:phase>` +
		marks + `</launch:create></extension><clTRID>ABC-12345</clTRID></command></epp>`)
}

func TestMarkRecords(t *testing.T) {
	smd := string(corpusFile(t, "ext/examples/7848/001-D-s2.3.xml"))
	signed := strings.TrimSpace(smd[strings.Index(smd, "<smd:signedMark"):])
	mark := signed[strings.Index(signed, "<mark:mark"):]
	mark = mark[:strings.Index(mark, "</mark:mark>")+len("</mark:mark>")]
	for _, marks := range []string{
		`<launch:codeMark><launch:code validatorID="v1">ABC-1</launch:code>` + mark + `</launch:codeMark>`,
		signed,
	} {
		m := newMessage(t)
		if err := m.ReadCommand(launchCreateWith(marks)); err != nil {
			t.Fatal(err)
		}
		d, ok := m.LaunchCreate(0)
		if !ok || len(d.Marks) != 1 {
			t.Fatalf("%+v", d)
		}
		r := d.Marks[0]
		if r.Kind != "trademark" || r.Name != "Test & Validate" || r.HolderOrg != "Ag corporation" ||
			r.Jurisdiction != "US" || r.RegistrationNumber != "1234" || len(r.Labels) != 10 ||
			len(r.Classes) != 1 || r.Classes[0] != "15" || len(r.Parties) != 2 || !r.Parties[0].Holder ||
			r.Parties[0].Role != "owner" || r.Parties[1].Name != "Tony Holland" || r.Parties[1].CC != "US" {
			t.Fatalf("%+v", r)
		}
		if strings.HasPrefix(marks, "<smd:") {
			if len(d.SignedMarks) != 1 || !strings.HasPrefix(d.SignedMarks[0].XML, "<smd:signedMark") ||
				d.SignedMarks[0].ID != "0000001751376056503931-65535" {
				t.Fatalf("%+v", d.SignedMarks)
			}
		} else if len(d.CodeMarks) != 1 || d.CodeMarks[0] != (LaunchCodeMark{"ABC-1", "v1"}) {
			t.Fatalf("%+v", d.CodeMarks)
		}
	}
}
