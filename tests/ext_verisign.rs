//! Verisign's namestoreExt-1.1, sync-1.0 (ConsoliDate), low-balance and
//! restore poll messages: the instant-epp fixtures read typed and compared
//! with roxmltree, commands read strictly, responses tolerantly, and each
//! fixture rebuilt by hand and written.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::domain::{Change, Check, DomainCommand, Update};
use epp_codec::view::command::{Command, Extension, Extensions, Request};
use epp_codec::view::ext::{
    LowBalancePoll, MonthDay, Namestore, NamestoreError, RgpPoll, SyncUpdate,
};
use epp_codec::view::{ResultCode, Str, read_command, read_response};
use epp_codec::write::{MessageQueueData, ResData, ResponseData, ResultData, WriteOptions, to_vec};

const NAMESTORE: &str = "http://www.verisign-grs.com/epp/namestoreExt-1.1";
const SYNC: &str = "http://www.verisign.com/epp/sync-1.0";
const LOW_BALANCE: &str = "http://www.verisign.com/epp/lowbalance-poll-1.0";
const RGP_POLL: &str = "http://www.verisign.com/epp/rgp-poll-1.0";

fn fixture(path: &str) -> String {
    std::fs::read_to_string(common::corpus_dir().join("instant-epp").join(path)).unwrap()
}

/// The trimmed text of the first element `local` in namespace `ns`.
fn rox_text(doc: &roxmltree::Document<'_>, ns: &str, local: &str) -> Option<String> {
    doc.descendants()
        .find(|n| n.tag_name().namespace() == Some(ns) && n.tag_name().name() == local)
        .map(|n| n.text().unwrap_or("").trim().to_string())
}

fn rox_attr(doc: &roxmltree::Document<'_>, ns: &str, local: &str, attr: &str) -> Option<String> {
    doc.descendants()
        .find(|n| n.tag_name().namespace() == Some(ns) && n.tag_name().name() == local)
        .and_then(|n| n.attribute(attr))
        .map(str::to_string)
}

#[test]
fn the_command_fixtures_read_typed() {
    for path in [
        "request/extensions/namestore.xml",
        "request/extensions/consolidate.xml",
        "request/extensions/consolidate_namestore.xml",
    ] {
        let text = fixture(path);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let request = read_command(text.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
        let ext = request.extensions();
        assert_eq!(
            ext.verisign_namestore().map(|n| n.sub_product.to_string()),
            rox_text(&doc, NAMESTORE, "subProduct"),
            "{path}"
        );
        let sync = ext.verisign_sync();
        assert_eq!(
            sync.map(|s| s.exp_month_day.to_string()),
            rox_text(&doc, SYNC, "expMonthDay"),
            "{path}"
        );
        if let Some(sync) = sync {
            assert_eq!(sync.month_day(), Some(MonthDay { month: 5, day: 31 }));
        }
    }
}

#[test]
fn the_response_fixtures_read_typed() {
    let text = fixture("response/extensions/namestore.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let response = read_response(text.as_bytes()).unwrap();
    assert_eq!(
        response
            .extensions()
            .verisign_namestore()
            .map(|n| n.sub_product.to_string()),
        rox_text(&doc, NAMESTORE, "subProduct")
    );

    let text = fixture("response/poll/poll_low_balance.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let response = read_response(text.as_bytes()).unwrap();
    let poll = response.res_data().verisign_low_balance().unwrap();
    let t = |local: &str| rox_text(&doc, LOW_BALANCE, local).unwrap();
    assert_eq!(poll.registrar_name.to_string(), t("registrarName"));
    assert_eq!(poll.credit_limit.to_string(), t("creditLimit"));
    assert_eq!(poll.credit_threshold.to_string(), t("creditThreshold"));
    assert_eq!(
        Some(poll.threshold_type.to_string()),
        rox_attr(&doc, LOW_BALANCE, "creditThreshold", "type")
    );
    assert!(!poll.is_percent());
    assert_eq!(poll.available_credit.to_string(), t("availableCredit"));
    assert!(response.res_data().verisign_rgp_poll().is_none());

    let text = fixture("response/poll/poll_rgp_restore.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let response = read_response(text.as_bytes()).unwrap();
    let poll = response.res_data().verisign_rgp_poll().unwrap();
    let t = |local: &str| rox_text(&doc, RGP_POLL, local).unwrap();
    assert_eq!(poll.name.to_string(), t("name"));
    assert_eq!(
        Some(poll.status.to_string()),
        rox_attr(&doc, RGP_POLL, "rgpStatus", "s")
    );
    assert_eq!(poll.request_date.to_string(), t("reqDate"));
    assert_eq!(poll.report_due_date.to_string(), t("reportDueDate"));
    let due = poll.report_due_date_time().unwrap();
    assert_eq!(
        (due.date.year, due.date.month, due.date.day, due.hour),
        (2024, 5, 29, 21)
    );
    assert!(poll.request_date_time().is_some());
}

fn update_with(ext: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update><domain:update xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
      <domain:name>example.com</domain:name><domain:chg/></domain:update></update>
      <extension>{ext}</extension></command></epp>"#
    )
}

fn contact_info_with(ext: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><info><contact:info xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
      <contact:id>sh8013</contact:id></contact:info></info>
      <extension>{ext}</extension></command></epp>"#
    )
}

#[test]
fn commands_are_read_strictly() {
    let ns = format!(r#"xmlns:n="{NAMESTORE}""#);
    let sync = format!(r#"xmlns:s="{SYNC}""#);
    read_command(
        update_with(&format!(
            "<s:update {sync}><s:expMonthDay>--02-29</s:expMonthDay></s:update>\
             <n:namestoreExt {ns}><n:subProduct>dotCOM</n:subProduct></n:namestoreExt>"
        ))
        .as_bytes(),
    )
    .unwrap();
    let cases = [
        (
            update_with(&format!("<n:namestoreExt {ns}></n:namestoreExt>")),
            ResultCode::RequiredParameterMissing,
            NAMESTORE,
        ),
        (
            update_with(&format!(
                "<n:namestoreExt {ns}><n:subProduct> </n:subProduct></n:namestoreExt>"
            )),
            ResultCode::ParameterValueRangeError,
            NAMESTORE,
        ),
        (
            update_with(&format!(
                "<n:namestoreExt {ns}><n:subProduct>com</n:subProduct><n:subProduct>net</n:subProduct></n:namestoreExt>"
            )),
            ResultCode::CommandSyntaxError,
            NAMESTORE,
        ),
        (
            update_with(&format!(
                r#"<n:namestoreExt {ns} extra="1"><n:subProduct>com</n:subProduct></n:namestoreExt>"#
            )),
            ResultCode::CommandSyntaxError,
            NAMESTORE,
        ),
        (
            contact_info_with(&format!(
                "<n:namestoreExt {ns}><n:subProduct>com</n:subProduct></n:namestoreExt>"
            )),
            ResultCode::CommandSyntaxError,
            NAMESTORE,
        ),
        (
            update_with(&format!("<n:nsExtErrData {ns}/>")),
            ResultCode::CommandSyntaxError,
            NAMESTORE,
        ),
        (
            update_with(&format!(
                "<s:update {sync}><s:expMonthDay>--13-01</s:expMonthDay></s:update>"
            )),
            ResultCode::ParameterValueSyntaxError,
            SYNC,
        ),
        (
            update_with(&format!(
                "<s:update {sync}><s:expMonthDay>--04-31</s:expMonthDay></s:update>"
            )),
            ResultCode::ParameterValueSyntaxError,
            SYNC,
        ),
        (
            update_with(&format!(
                "<s:update {sync}><s:expMonthDay>05-31</s:expMonthDay></s:update>"
            )),
            ResultCode::ParameterValueSyntaxError,
            SYNC,
        ),
        (
            update_with(&format!("<s:update {sync}/>")),
            ResultCode::RequiredParameterMissing,
            SYNC,
        ),
        (
            contact_info_with(&format!(
                "<s:update {sync}><s:expMonthDay>--05-31</s:expMonthDay></s:update>"
            )),
            ResultCode::CommandSyntaxError,
            SYNC,
        ),
    ];
    for (payload, code, ns) in cases {
        let err = read_command(payload.as_bytes()).expect_err(&payload);
        assert_eq!(err.result_code(), code, "{payload}: {err}");
        assert!(
            err.element().is_some_and(|e| e.namespace.eq_uri(ns)),
            "{payload}: {err}"
        );
    }
}

#[test]
fn responses_are_read_tolerantly() {
    let text = fixture("response/poll/poll_low_balance.xml")
        .replace(
            "<lowbalance-poll:creditLimit>",
            "<lowbalance-poll:future>x</lowbalance-poll:future><lowbalance-poll:creditLimit>",
        )
        .replace(r#" type="FIXED""#, r#" type="PERCENT""#);
    let response = read_response(text.as_bytes()).unwrap();
    let poll = response.res_data().verisign_low_balance().unwrap();
    assert!(poll.is_percent());
    assert_eq!(poll.credit_limit, "0");

    let text =
        fixture("response/poll/poll_rgp_restore.xml").replace("2024-05-29T21:17:58Z", "tomorrow");
    let response = read_response(text.as_bytes()).unwrap();
    let poll = response.res_data().verisign_rgp_poll().unwrap();
    assert_eq!(poll.report_due_date, "tomorrow");
    assert!(poll.report_due_date_time().is_none());

    // The error data Verisign sends with 2306 when the sub-product is wrong.
    let text = format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="2306"><msg>Parameter value policy error</msg></result>
        <extension><ns:nsExtErrData xmlns:ns="{NAMESTORE}"><ns:msg code="1">Specified sub-product does not exist</ns:msg></ns:nsExtErrData></extension>
        <trID><svTRID>54321-XYZ</svTRID></trID></response></epp>"#
    );
    let response = read_response(text.as_bytes()).unwrap();
    let error = response.extensions().verisign_namestore_error().unwrap();
    assert_eq!(error.code_number(), Some(1));
    assert_eq!(error.message, "Specified sub-product does not exist");
    assert!(response.extensions().verisign_namestore().is_none());
}

#[test]
fn month_days_are_checked_like_the_schema() {
    assert_eq!(
        MonthDay::parse("--01-31"),
        Some(MonthDay { month: 1, day: 31 })
    );
    assert_eq!(
        MonthDay::parse("--02-29"),
        Some(MonthDay { month: 2, day: 29 })
    );
    for bad in [
        "--02-30", "--00-10", "--12-00", "--1-01", "--01-1", "-01-01", "--01-01Z", "",
    ] {
        assert_eq!(MonthDay::parse(bad), None, "{bad}");
    }
}

#[test]
fn the_fixtures_rebuilt_by_hand() {
    // consolidate_namestore.xml: a domain update with sync and namestore.
    let ext = [
        Extension::VerisignSync(SyncUpdate::new("--05-31")),
        Extension::VerisignNamestore(Namestore::new("com")),
    ];
    let request = Request::new(Command::Domain(DomainCommand::Update(
        Update::new("eppdev.com").with_change(Change::new()),
    )))
    .with_extensions(Extensions::from_typed(&ext))
    .with_cl_trid("cltrid:1626454866");
    let written = to_vec(&request, &WriteOptions::default()).unwrap();
    let written = String::from_utf8(written).unwrap();
    common::xml_equivalent(
        &fixture("request/extensions/consolidate_namestore.xml"),
        &written,
    )
    .unwrap();
    // What is written reads back, strictly.
    let back = read_command(written.as_bytes()).unwrap();
    assert_eq!(
        back.extensions().verisign_sync(),
        Some(SyncUpdate::new("--05-31"))
    );

    // namestore.xml: a check with namestore.
    let names = [
        Str::new("example1.com"),
        Str::new("example2.com"),
        Str::new("example3.com"),
    ];
    let ext = [Extension::VerisignNamestore(Namestore::new("com"))];
    let request = Request::new(Command::Domain(DomainCommand::Check(Check::new(&names))))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("cltrid:1626454866");
    let written = String::from_utf8(to_vec(&request, &WriteOptions::default()).unwrap()).unwrap();
    common::xml_equivalent(&fixture("request/extensions/namestore.xml"), &written).unwrap();

    // poll_low_balance.xml and poll_rgp_restore.xml: poll responses.
    let poll = |file: &str, id: &str, count: u64, date: &str, msg: &str, data: Extension<'_>| {
        let results = [ResultData::new(ResultCode::SuccessAckToDequeue)
            .with_message("Command completed successfully; ack to dequeue", None)];
        let typed = [data];
        let (cl, sv) = {
            let doc_text = fixture(file);
            let doc = roxmltree::Document::parse(&doc_text).unwrap();
            let epp = "urn:ietf:params:xml:ns:epp-1.0";
            (
                rox_text(&doc, epp, "clTRID").unwrap(),
                rox_text(&doc, epp, "svTRID").unwrap(),
            )
        };
        let response = ResponseData::new(&results, &sv)
            .with_cl_trid(&cl)
            .with_message_queue(MessageQueueData {
                count,
                id: Str::new(id),
                date: Some(Str::new(date)),
                message: Some(Str::new(msg)),
                lang: None,
            })
            .with_res_data(ResData::Typed(&typed));
        let written =
            String::from_utf8(to_vec(&response, &WriteOptions::default()).unwrap()).unwrap();
        common::xml_equivalent(&fixture(file), &written).unwrap_or_else(|e| panic!("{file}: {e}"));
        written
    };
    let written = poll(
        "response/poll/poll_low_balance.xml",
        "123456789",
        41,
        "2023-01-02T05:02:37Z",
        "Low Account Balance(COM/NET)",
        Extension::VerisignLowBalancePoll(LowBalancePoll::new(
            "Foobar, Inc.",
            "0",
            "500",
            "FIXED",
            "491.31",
        )),
    );
    assert!(
        read_response(written.as_bytes())
            .unwrap()
            .res_data()
            .verisign_low_balance()
            .is_some()
    );
    poll(
        "response/poll/poll_rgp_restore.xml",
        "178607543",
        1,
        "2024-05-27T07:00:13Z",
        "Restore Request Pending",
        Extension::VerisignRgpPoll(RgpPoll::new(
            "EXAMPLE.COM",
            "pendingRestore",
            "2024-05-22T21:17:58Z",
            "2024-05-29T21:17:58Z",
        )),
    );

    // The namestore error, written and read back.
    let results = [ResultData::new(ResultCode::ParameterValuePolicyError)];
    let ext = [Extension::VerisignNamestoreError(NamestoreError::new(
        "1",
        "Specified sub-product does not exist",
    ))];
    let response =
        ResponseData::new(&results, "54321-XYZ").with_extensions(Extensions::from_typed(&ext));
    let written = to_vec(&response, &WriteOptions::default()).unwrap();
    let back = read_response(&written).unwrap();
    assert_eq!(
        back.extensions().verisign_namestore_error(),
        Some(NamestoreError::new(
            "1",
            "Specified sub-product does not exist"
        ))
    );
}
