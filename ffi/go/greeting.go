package epp

/*
#include "epp.h"
*/
import "C"

import "runtime"

// DcpAccess is a greeting's <dcp><access> (epp_dcp_access).
type DcpAccess uint32

// The access values (EPP_DCP_ACCESS_*).
const (
	DcpAccessAbsent           DcpAccess = 0
	DcpAccessAll              DcpAccess = 1
	DcpAccessNone             DcpAccess = 2
	DcpAccessNull             DcpAccess = 3
	DcpAccessPersonal         DcpAccess = 4
	DcpAccessPersonalAndOther DcpAccess = 5
	DcpAccessOther            DcpAccess = 6
	DcpAccessUnknown          DcpAccess = 7
)

// DcpRetention is a statement's <retention> (epp_dcp_retention).
type DcpRetention uint32

// The retention values (EPP_DCP_RETENTION_*).
const (
	DcpRetentionAbsent     DcpRetention = 0
	DcpRetentionBusiness   DcpRetention = 1
	DcpRetentionIndefinite DcpRetention = 2
	DcpRetentionLegal      DcpRetention = 3
	DcpRetentionNone       DcpRetention = 4
	DcpRetentionStated     DcpRetention = 5
	DcpRetentionUnknown    DcpRetention = 6
)

// DcpExpiryKind says how a policy expires (epp_dcp_expiry_kind).
type DcpExpiryKind uint32

// The expiry kinds (EPP_DCP_EXPIRY_KIND_*).
const (
	DcpExpiryAbsent   DcpExpiryKind = 0
	DcpExpiryAbsolute DcpExpiryKind = 1
	DcpExpiryRelative DcpExpiryKind = 2
)

// The purpose bits of DcpStatement.Purposes (EPP_DCP_PURPOSE_*).
const (
	DcpPurposeAdmin        = 1
	DcpPurposeContact      = 2
	DcpPurposeProvisioning = 4
	DcpPurposeOther        = 8
)

// The recipient bits of DcpStatement.Recipients (EPP_DCP_RECIPIENT_*).
const (
	DcpRecipientOther     = 1
	DcpRecipientOurs      = 2
	DcpRecipientPublic    = 4
	DcpRecipientSame      = 8
	DcpRecipientUnrelated = 16
)

// DcpStatement is one <statement> of a data collection policy.
type DcpStatement struct {
	Purposes     uint32 // DcpPurpose* bits
	Recipients   uint32 // DcpRecipient* bits
	Retention    DcpRetention
	Descriptions []string // <ours><recDesc>, as written
}

// DcpAccess is the greeting's <dcp><access> (DcpAccessAbsent when none).
func (m *Message) DcpAccess() DcpAccess {
	defer runtime.KeepAlive(m)
	return DcpAccess(C.epp_message_dcp_access(m.h))
}

// DcpStatements are the <statement>s of the greeting's policy.
func (m *Message) DcpStatements() []DcpStatement {
	defer runtime.KeepAlive(m)
	count := int(C.epp_message_dcp_statement_count(m.h))
	out := make([]DcpStatement, 0, count)
	for i := range count {
		var s C.epp_dcp_statement
		if C.epp_message_dcp_statement(m.h, C.size_t(i), &s) != C.EPP_RESULT_OK {
			continue
		}
		st := DcpStatement{Purposes: uint32(s.purposes), Recipients: uint32(s.recipients), Retention: DcpRetention(s.retention)}
		for d := range int(C.epp_message_dcp_recipient_description_count(m.h, C.size_t(i))) {
			text, _ := strOut(func(p **C.char, n *C.size_t) C.epp_result {
				return C.epp_message_dcp_recipient_description(m.h, C.size_t(i), C.size_t(d), p, n)
			})
			st.Descriptions = append(st.Descriptions, text)
		}
		out = append(out, st)
	}
	return out
}

// DcpExpiry is the policy's <expiry>: its kind and text as written.
func (m *Message) DcpExpiry() (DcpExpiryKind, string) {
	defer runtime.KeepAlive(m)
	var kind C.epp_dcp_expiry_kind
	text, ok := strOut(func(p **C.char, n *C.size_t) C.epp_result {
		return C.epp_message_dcp_expiry(m.h, &kind, p, n)
	})
	if !ok {
		return DcpExpiryAbsent, ""
	}
	return DcpExpiryKind(kind), text
}

// DcpExpiryDateTime is the absolute expiry, parsed; the error is an
// *Error (ResultAbsent, or ResultInvalidValue when it is not RFC 3339).
func (m *Message) DcpExpiryDateTime() (DateTime, error) {
	defer runtime.KeepAlive(m)
	var d C.epp_datetime
	if err := check(C.epp_message_dcp_expiry_datetime(m.h, &d)); err != nil {
		return DateTime{}, err
	}
	return dateTimeOf(d), nil
}
