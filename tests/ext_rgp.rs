//! rgp-1.0 (RFC 3915): restore requests and reports read strictly and
//! compared with roxmltree, grace-period statuses read from responses, and
//! the RFC's examples rebuilt by hand and written.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::domain::{DomainCommand, Update};
use epp_codec::view::command::{Command, Extension, Extensions, Request};
use epp_codec::view::ext::{
    ReportText, RestoreOp, RestoreReport, RgpStatus, RgpStatusValue, RgpUpdate,
};
use epp_codec::view::{ResultCode, read_command, read_response};
use epp_codec::write::{ResponseData, ResultData, WriteOptions, to_vec};

const RGP: &str = "urn:ietf:params:xml:ns:rgp-1.0";

fn rgp_kid<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| {
        c.is_element() && c.tag_name().name() == local && c.tag_name().namespace() == Some(RGP)
    })
}

fn trimmed(n: Option<roxmltree::Node<'_, '_>>) -> String {
    n.map(|n| {
        n.descendants()
            .filter(|d| d.is_text())
            .map(|d| d.text().unwrap())
            .collect::<String>()
            .trim()
            .to_string()
    })
    .unwrap_or_default()
}

#[test]
fn every_corpus_rgp_extension_reads_as_roxmltree_sees_it() {
    let (mut commands, mut responses) = (0, 0);
    for m in common::corpus_messages() {
        let Ok(text) = std::str::from_utf8(&m.bytes) else {
            continue;
        };
        let Ok(doc) = roxmltree::Document::parse(text) else {
            continue;
        };
        let Some(ext) = doc.descendants().find(|n| {
            n.is_element()
                && n.tag_name().namespace() == Some(RGP)
                && n.parent()
                    .is_some_and(|p| p.tag_name().name() == "extension")
        }) else {
            continue;
        };
        if let Ok(request) = read_command(&m.bytes) {
            commands += 1;
            let update = request
                .extensions()
                .rgp()
                .unwrap_or_else(|| panic!("{}", m.path));
            let restore = rgp_kid(ext, "restore").unwrap();
            let op = if restore.attribute("op") == Some("report") {
                RestoreOp::Report
            } else {
                RestoreOp::Request
            };
            assert_eq!(update.op(), op, "{}", m.path);
            match (update.report_data(), rgp_kid(restore, "report")) {
                (None, None) => {}
                (Some(r), Some(rox)) => {
                    assert_eq!(
                        r.pre_data().to_string().trim(),
                        trimmed(rgp_kid(rox, "preData")),
                        "{}",
                        m.path
                    );
                    assert_eq!(
                        r.post_data().to_string().trim(),
                        trimmed(rgp_kid(rox, "postData")),
                        "{}",
                        m.path
                    );
                    assert_eq!(r.deleted().to_string(), trimmed(rgp_kid(rox, "delTime")));
                    assert_eq!(r.restored().to_string(), trimmed(rgp_kid(rox, "resTime")));
                    assert_eq!(
                        r.reason().text.to_string().trim(),
                        trimmed(rgp_kid(rox, "resReason"))
                    );
                    let statements: Vec<String> = r
                        .statements()
                        .iter()
                        .map(|s| s.text.to_string().trim().to_string())
                        .collect();
                    let rox_statements: Vec<String> = rox
                        .children()
                        .filter(|c| c.is_element() && c.tag_name().name() == "statement")
                        .map(|c| trimmed(Some(c)))
                        .collect();
                    assert_eq!(statements, rox_statements, "{}", m.path);
                    assert_eq!(
                        r.other().map(|o| o.to_string().trim().to_string()),
                        rgp_kid(rox, "other").map(|o| trimmed(Some(o)))
                    );
                }
                other => panic!("{}: {other:?}", m.path),
            }
        } else if let Ok(response) = read_response(&m.bytes) {
            responses += 1;
            let statuses = response
                .extensions()
                .rgp_statuses()
                .unwrap_or_else(|| panic!("{}", m.path));
            let read: Vec<String> = statuses.iter().map(|s| s.raw.to_string()).collect();
            let rox: Vec<String> = ext
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "rgpStatus")
                .map(|c| c.attribute("s").unwrap().to_string())
                .collect();
            assert_eq!(read, rox, "{}", m.path);
            assert!(statuses.iter().all(|s| s.value.is_some()), "{}", m.path);
        }
    }
    assert!(commands >= 4, "{commands} commands");
    assert!(responses >= 4, "{responses} responses");
}

fn update_with(restore: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update>
      <domain:update xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name><domain:chg/></domain:update>
      </update><extension><rgp:update xmlns:rgp="{RGP}">{restore}</rgp:update></extension><clTRID>ABC-1</clTRID></command></epp>"#
    )
}

const REPORT: &str = "<rgp:report><rgp:preData>pre</rgp:preData><rgp:postData>post</rgp:postData><rgp:delTime>2003-07-10T22:00:00.0Z</rgp:delTime><rgp:resTime>2003-07-20T22:00:00.0Z</rgp:resTime><rgp:resReason>why</rgp:resReason><rgp:statement>one</rgp:statement></rgp:report>";

#[test]
fn commands_are_read_strictly() {
    read_command(update_with(r#"<rgp:restore op="request"/>"#).as_bytes()).unwrap();
    read_command(
        update_with(&format!(
            r#"<rgp:restore op="report">{REPORT}</rgp:restore>"#
        ))
        .as_bytes(),
    )
    .unwrap();
    let cases = [
        (r#"<rgp:restore op="undo"/>"#.to_string(), ResultCode::ParameterValueSyntaxError, "restore"),
        ("<rgp:restore/>".to_string(), ResultCode::RequiredParameterMissing, "restore"),
        (r#"<rgp:restore op="report"/>"#.to_string(), ResultCode::RequiredParameterMissing, "report"),
        (format!(r#"<rgp:restore op="report">{}</rgp:restore>"#, REPORT.replace("2003-07-10T22:00:00.0Z", "yesterday")), ResultCode::ParameterValueSyntaxError, "delTime"),
        (format!(r#"<rgp:restore op="report">{}</rgp:restore>"#, REPORT.replace("<rgp:resReason>why</rgp:resReason>", "")), ResultCode::RequiredParameterMissing, "resReason"),
        (format!(r#"<rgp:restore op="report">{}</rgp:restore>"#, REPORT.replace("<rgp:statement>one</rgp:statement>", "<rgp:statement>1</rgp:statement><rgp:statement>2</rgp:statement><rgp:statement>3</rgp:statement>")), ResultCode::ParameterValueRangeError, "statement"),
        (format!(r#"<rgp:restore op="report">{}</rgp:restore>"#, REPORT.replace("<rgp:resReason>", r#"<rgp:resReason lang="!!">"#)), ResultCode::ParameterValueSyntaxError, "resReason"),
    ];
    for (restore, code, element) in &cases {
        let payload = update_with(restore);
        let err = read_command(payload.as_bytes()).expect_err(restore);
        assert_eq!(
            (err.result_code(), err.element().map(|e| e.local)),
            (*code, Some(*element)),
            "{restore}: {err}"
        );
    }
}

#[test]
fn the_rfc_3915_report_rebuilt_by_hand() {
    let original =
        std::fs::read_to_string(common::corpus_dir().join("rfc/3915/006-C-s4.2.5.xml")).unwrap();
    // Take the texts from the RFC's own example, as a registrar would fill them in.
    let doc = roxmltree::Document::parse(&original).unwrap();
    let text = |local: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| n.tag_name().namespace() == Some(RGP) && n.tag_name().name() == local)
            .map(|n| n.text().unwrap().to_string())
            .collect()
    };
    let (pre, post, reason, statements, other) = (
        text("preData"),
        text("postData"),
        text("resReason"),
        text("statement"),
        text("other"),
    );
    let statements: Vec<ReportText<'_>> = statements.iter().map(|s| ReportText::new(s)).collect();
    let report = RestoreReport::new(
        &pre[0],
        &post[0],
        "2003-07-10T22:00:00.0Z",
        "2003-07-20T22:00:00.0Z",
        ReportText::new(&reason[0]),
        &statements,
    )
    .with_other(&other[0]);
    let ext = [Extension::Rgp(RgpUpdate::report(report))];
    let name = doc
        .descendants()
        .find(|n| n.tag_name().name() == "name")
        .unwrap()
        .text()
        .unwrap();
    let update = Update::new(name).with_change(epp_codec::view::command::domain::Change::new());
    let request = Request::new(Command::Domain(DomainCommand::Update(update)))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("ABC-12345");
    let written =
        String::from_utf8(to_vec(&request, &WriteOptions::new().indent(2)).unwrap()).unwrap();
    common::xml_equivalent(&original, &written).unwrap();
    let read = read_command(written.as_bytes()).unwrap();
    let update = read.extensions().rgp().unwrap();
    assert_eq!(update.op(), RestoreOp::Report);
    assert_eq!(update.report_data().unwrap().statements().len(), 2);
}

#[test]
fn responses_carry_grace_period_statuses() {
    let statuses = [
        RgpStatus::new(RgpStatusValue::RedemptionPeriod),
        RgpStatus::new(RgpStatusValue::PendingRestore),
    ];
    let results = [ResultData::new(ResultCode::Success)];
    for ext in [
        [Extension::RgpInfo(&statuses)],
        [Extension::RgpUpdated(&statuses)],
    ] {
        let response =
            ResponseData::new(&results, "SV-1").with_extensions(Extensions::from_typed(&ext));
        let xml = to_vec(&response, &WriteOptions::new()).unwrap();
        let read = read_response(&xml).unwrap();
        let got: Vec<_> = read
            .extensions()
            .rgp_statuses()
            .unwrap()
            .iter()
            .map(|s| s.value)
            .collect();
        assert_eq!(
            got,
            [
                Some(RgpStatusValue::RedemptionPeriod),
                Some(RgpStatusValue::PendingRestore)
            ]
        );
    }
}
