package epp

import (
	"errors"
	"fmt"
)

// dumpDetails prints the response details and the greeting's data
// collection policy as ffi/examples/dump_fields.rs does (dump_details).
func dumpDetails(m *Message) []string {
	var out []string
	for i := range m.Results() {
		lang, ok := m.ResultMsgLang(i)
		if ok {
			out = append(out, fmt.Sprintf("result_lang\t%d\t%s", i, esc(lang)))
		}
		for j, v := range m.ResultValues(i) {
			out = append(out, fmt.Sprintf("result_value\t%d\t%d\t%s", i, j, esc(v)))
		}
		for j, e := range m.ResultExtValues(i) {
			out = append(out, fmt.Sprintf("result_ext_value\t%d\t%d\t%s\t%s\t%s", i, j, opt(e.Value, e.HasValue), opt(e.Reason, e.HasReason), opt(e.ReasonLang, e.HasLang)))
		}
	}
	if lang, ok := m.MsgQLang(); ok {
		out = append(out, "msgq_lang\t"+esc(lang))
	}
	if xml, ok := m.MsgQXML(); ok {
		out = append(out, "msgq_xml\t"+esc(xml))
	}
	for i := range m.Checks() {
		if lang, ok := m.CheckReasonLang(i); ok {
			out = append(out, fmt.Sprintf("check_lang\t%d\t%s", i, esc(lang)))
		}
	}
	if a := m.DcpAccess(); a != DcpAccessAbsent {
		out = append(out, fmt.Sprintf("dcp_access\t%d", a))
	}
	for i, s := range m.DcpStatements() {
		out = append(out, fmt.Sprintf("dcp_statement\t%d\t%d\t%d\t%d", i, s.Purposes, s.Recipients, s.Retention))
		for d, text := range s.Descriptions {
			out = append(out, fmt.Sprintf("dcp_rec_desc\t%d\t%d\t%s", i, d, esc(text)))
		}
	}
	if form, newForm := m.AuthInfoForm(), m.NewAuthInfoForm(); form != AuthInfoNone || newForm != AuthInfoNone {
		ext, ok := m.AuthInfoExt()
		newExt, newOK := m.NewAuthInfoExt()
		out = append(out, fmt.Sprintf("auth_info\t%d\t%d\t%s\t%s", form, newForm, opt(ext, ok), opt(newExt, newOK)))
	}
	if kind, text := m.DcpExpiry(); kind != DcpExpiryAbsent {
		out = append(out, fmt.Sprintf("dcp_expiry\t%d\t%s", kind, esc(text)))
		d, err := m.DcpExpiryDateTime()
		switch {
		case err == nil:
			out = append(out, "dcp_expiry_date\t"+formatDateTime(d))
		case errors.Is(err, &Error{Result: ResultInvalidValue}):
			out = append(out, "dcp_expiry_date\tinvalid")
		}
	}
	return out
}
