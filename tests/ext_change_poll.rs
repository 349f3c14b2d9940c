//! changePoll-1.0 (RFC 8590): every RFC example's change data read typed
//! and compared with roxmltree, and written back element for element.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::{Extension, Extensions};
use epp_codec::view::ext::{CaseId, ChangeData};
use epp_codec::view::{ResultCode, Str, read_response};
use epp_codec::write::{ResponseData, ResultData, WriteOptions, to_vec};

const CP: &str = "urn:ietf:params:xml:ns:changePoll-1.0";

#[test]
fn the_rfc_examples_read_typed_and_write_back() {
    let mut seen = 0;
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("8590"))
    {
        let response = read_response(&m.bytes).unwrap_or_else(|e| panic!("{}: {e}", m.path));
        let change = response
            .extensions()
            .change_poll()
            .unwrap_or_else(|| panic!("{}: no changeData", m.path));
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let node = doc
            .descendants()
            .find(|n| n.tag_name().namespace() == Some(CP) && n.tag_name().name() == "changeData")
            .unwrap();
        let kid = |local: &str| node.children().find(|c| c.tag_name().name() == local);
        let text_of = |local: &str| kid(local).map(|c| c.text().unwrap_or("").trim().to_string());
        assert_eq!(
            change.state.map(|s| s.to_string()),
            node.attribute("state").map(str::to_string),
            "{}",
            m.path
        );
        assert_eq!(
            Some(change.operation.to_string()),
            text_of("operation"),
            "{}",
            m.path
        );
        assert_eq!(
            change.operation_op.map(|s| s.to_string()),
            kid("operation")
                .and_then(|o| o.attribute("op"))
                .map(str::to_string)
        );
        assert_eq!(Some(change.date.to_string()), text_of("date"));
        assert_eq!(Some(change.sv_trid.to_string()), text_of("svTRID"));
        assert_eq!(
            Some(change.who.to_string().trim().to_string()),
            text_of("who")
        );
        assert_eq!(change.case_id.map(|c| c.id.to_string()), text_of("caseId"));
        assert_eq!(
            change.case_id.map(|c| c.case_type.to_string()),
            kid("caseId")
                .and_then(|c| c.attribute("type"))
                .map(str::to_string)
        );
        assert_eq!(
            change.reason.map(|r| r.to_string().trim().to_string()),
            text_of("reason"),
            "{}",
            m.path
        );
        // Written back from the typed value, the element is the same.
        let results = [ResultData::new(ResultCode::SuccessAckToDequeue)];
        let ext = [Extension::ChangePoll(change)];
        let written =
            ResponseData::new(&results, "SV-1").with_extensions(Extensions::from_typed(&ext));
        let xml = to_vec(&written, &WriteOptions::new()).unwrap();
        let again = read_response(&xml).unwrap();
        let written_element = again.extensions().iter().next().unwrap();
        let original_element = response
            .extensions()
            .find(epp_codec::xml::Ns::ChangePoll)
            .unwrap();
        common::xml_equivalent(original_element.as_str(), written_element.as_str())
            .unwrap_or_else(|e| panic!("{}: {e}", m.path));
        seen += 1;
    }
    assert!(seen >= 6, "{seen}");
}

#[test]
fn a_change_built_by_hand() {
    let change = ChangeData {
        state: Some(Str::new("before")),
        case_id: Some(CaseId {
            case_type: Str::new("udrp"),
            name: None,
            id: Str::new("case-1 & 2"),
        }),
        reason: Some(Str::new("Court order")),
        ..ChangeData::new("update", "2013-10-22T14:25:57.0Z", "12345-XYZ", "URS Admin")
    };
    let results = [ResultData::new(ResultCode::SuccessAckToDequeue)];
    let ext = [Extension::ChangePoll(change)];
    let response =
        ResponseData::new(&results, "SV-1").with_extensions(Extensions::from_typed(&ext));
    let xml = to_vec(&response, &WriteOptions::new()).unwrap();
    let read = read_response(&xml)
        .unwrap()
        .extensions()
        .change_poll()
        .unwrap();
    assert_eq!(read.case_id.unwrap().id.to_string(), "case-1 & 2");
    assert_eq!(read.state.unwrap(), "before");
    assert_eq!(read.who, "URS Admin");
}
