//! fee-1.0 (RFC 8748) and the fee-0.12 draft: every RFC example and
//! every draft message read with the fees typed and compared field by
//! field with roxmltree; strict errors on mutated RFC commands; tolerant
//! responses; the RFC examples rebuilt by hand and written back equal.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::{Extension, Extensions, Request};
use epp_codec::view::ext::{
    Decimal, Fee, FeeCheck, FeeCheckData, FeeCheckItem, FeeCommand, FeeCommandData, FeeCommandName,
    FeeCredit, FeeData, FeeExtension, FeeReason, FeeResult, FeeTransform,
};
use epp_codec::view::{Period, PeriodUnit, ResultCode, Str, read_command, read_response};
use epp_codec::write::{ResponseData, ResultData, WriteOptions, to_vec};
use epp_codec::xml::Ns;

const FEE10: &str = "urn:ietf:params:xml:ns:epp:fee-1.0";
const FEE_URIS: [&str; 4] = [
    FEE10,
    "urn:ietf:params:xml:ns:fee-0.12",
    "urn:ietf:params:xml:ns:fee-0.11",
    "urn:ietf:params:xml:ns:fee-0.6",
];

type Node<'a, 'i> = roxmltree::Node<'a, 'i>;

// ----- the roxmltree side -----

fn kid<'a, 'i>(n: Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == local)
}

fn kids<'a, 'i>(n: Node<'a, 'i>, local: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == local)
}

fn text(n: Node<'_, '_>) -> String {
    n.text().unwrap_or("").trim().to_string()
}

fn kid_text(n: Node<'_, '_>, local: &str) -> Option<String> {
    kid(n, local).map(text)
}

fn attr(n: Node<'_, '_>, name: &str) -> Option<String> {
    n.attribute(name).map(str::to_string)
}

fn rox_bool(v: Option<&str>) -> Option<bool> {
    v.map(|v| v.trim() == "1" || v.trim() == "true")
}

fn rox_period(n: Node<'_, '_>) -> Option<String> {
    kid(n, "period").map(|p| format!("{}{}", text(p), p.attribute("unit").unwrap()))
}

fn rox_fees(n: Node<'_, '_>) -> Vec<String> {
    let mut v: Vec<String> = kids(n, "fee")
        .map(|f| {
            format!(
                "fee {} {:?} {:?} {:?} {:?} {:?}",
                text(f),
                attr(f, "description"),
                attr(f, "lang"),
                rox_bool(f.attribute("refundable")),
                attr(f, "grace-period"),
                attr(f, "applied"),
            )
        })
        .collect();
    v.extend(kids(n, "credit").map(|c| {
        format!(
            "credit {} {:?} {:?}",
            text(c),
            attr(c, "description"),
            attr(c, "lang")
        )
    }));
    v
}

fn rox_reason(n: Node<'_, '_>) -> Option<String> {
    kid(n, "reason").map(|r| format!("{} {:?}", text(r), attr(r, "lang")))
}

fn rox_command(c: Node<'_, '_>) -> String {
    format!(
        "cmd {} {:?} {:?} {:?} {:?}",
        c.attribute("name").unwrap(),
        attr(c, "customName"),
        attr(c, "phase"),
        attr(c, "subphase"),
        rox_period(c)
    )
}

fn rox_command_data(c: Node<'_, '_>) -> String {
    format!(
        "{} std={:?} avail={:?} {:?} class={:?} reason={:?}",
        rox_command(c),
        rox_bool(c.attribute("standard")),
        rox_bool(c.attribute("avail")),
        rox_fees(c),
        kid_text(c, "class"),
        rox_reason(c)
    )
}

fn rox_item(cd: Node<'_, '_>) -> String {
    let id = kid_text(cd, "objID").or_else(|| {
        kid(cd, "object")
            .and_then(|o| o.children().find(|c| c.is_element()))
            .map(text)
    });
    format!(
        "cd {:?} el={:?} avail={:?} class={:?} cur={:?} {:?} reason={:?}",
        id.unwrap(),
        kid(cd, "objID").and_then(|i| attr(i, "element")),
        rox_bool(cd.attribute("avail")),
        kid_text(cd, "class"),
        kid_text(cd, "currency"),
        kids(cd, "command")
            .map(rox_command_data)
            .collect::<Vec<_>>(),
        rox_reason(cd)
    )
}

fn rox_result(n: Node<'_, '_>) -> String {
    format!(
        "{:?} {:?} {:?} bal={:?} lim={:?}",
        kid_text(n, "currency"),
        rox_period(n),
        rox_fees(n),
        kid_text(n, "balance"),
        kid_text(n, "creditLimit"),
    )
}

fn rox_fee_element(n: Node<'_, '_>) -> String {
    match n.tag_name().name() {
        "check" => format!(
            "check {:?} {:?}",
            kid_text(n, "currency"),
            kids(n, "command").map(rox_command).collect::<Vec<_>>()
        ),
        "chkData" => format!(
            "chkData {:?} {:?}",
            kid_text(n, "currency"),
            kids(n, "cd").map(rox_item).collect::<Vec<_>>()
        ),
        "create" | "renew" | "transfer" | "update" => format!(
            "{} {:?} {:?}",
            n.tag_name().name(),
            kid_text(n, "currency"),
            rox_fees(n)
        ),
        local => format!("{local} {}", rox_result(n)),
    }
}

// ----- the typed side -----

fn opt(s: Option<Str<'_>>) -> Option<String> {
    s.map(|s| s.to_string())
}

fn period(p: Option<Period>) -> Option<String> {
    p.map(|p| format!("{}{}", p.value, p.unit.as_str()))
}

fn fees(
    fees: epp_codec::view::List<'_, Fee<'_>>,
    credits: epp_codec::view::List<'_, FeeCredit<'_>>,
) -> Vec<String> {
    let mut v: Vec<String> = fees
        .iter()
        .map(|f| {
            format!(
                "fee {} {:?} {:?} {:?} {:?} {:?}",
                f.amount,
                opt(f.description),
                opt(f.lang),
                f.refundable,
                opt(f.grace_period),
                opt(f.applied)
            )
        })
        .collect();
    v.extend(credits.iter().map(|c| {
        format!(
            "credit {} {:?} {:?}",
            c.amount,
            opt(c.description),
            opt(c.lang)
        )
    }));
    v
}

fn reason(r: Option<FeeReason<'_>>) -> Option<String> {
    r.map(|r| format!("{} {:?}", r.text, opt(r.lang)))
}

fn command(c: &FeeCommand<'_>) -> String {
    format!(
        "cmd {} {:?} {:?} {:?} {:?}",
        c.name,
        opt(c.custom_name),
        opt(c.phase),
        opt(c.subphase),
        period(c.period)
    )
}

fn command_data(c: &FeeCommandData<'_>) -> String {
    format!(
        "{} std={:?} avail={:?} {:?} class={:?} reason={:?}",
        command(&c.command),
        c.standard,
        c.available,
        fees(c.fees, c.credits),
        opt(c.class),
        reason(c.reason)
    )
}

fn item(cd: &FeeCheckItem<'_>) -> String {
    format!(
        "cd {:?} el={:?} avail={:?} class={:?} cur={:?} {:?} reason={:?}",
        cd.object_id.to_string(),
        opt(cd.object_element),
        cd.available,
        opt(cd.class),
        opt(cd.currency),
        cd.commands
            .iter()
            .map(|c| command_data(&c))
            .collect::<Vec<_>>(),
        reason(cd.reason)
    )
}

fn result(r: &FeeResult<'_>) -> String {
    format!(
        "{:?} {:?} {:?} bal={:?} lim={:?}",
        opt(r.currency),
        period(r.period),
        fees(r.fees, r.credits),
        opt(r.balance),
        opt(r.credit_limit)
    )
}

fn ours_command(fee: &FeeExtension<'_>) -> String {
    let transform = |local: &str, t: &FeeTransform<'_>| {
        format!(
            "{local} {:?} {:?}",
            opt(t.currency),
            fees(t.fees, t.credits)
        )
    };
    match fee {
        FeeExtension::Check(c) => format!(
            "check {:?} {:?}",
            opt(c.currency),
            c.commands.iter().map(|c| command(&c)).collect::<Vec<_>>()
        ),
        FeeExtension::Create(t) => transform("create", t),
        FeeExtension::Renew(t) => transform("renew", t),
        FeeExtension::Transfer(t) => transform("transfer", t),
        FeeExtension::Update(t) => transform("update", t),
    }
}

fn ours_data(data: &FeeData<'_>) -> String {
    match data {
        FeeData::Check(c) => format!(
            "chkData {:?} {:?}",
            opt(c.currency),
            c.items.iter().map(|i| item(&i)).collect::<Vec<_>>()
        ),
        FeeData::Create(r) => format!("creData {}", result(r)),
        FeeData::Renew(r) => format!("renData {}", result(r)),
        FeeData::Transfer(r) => format!("trnData {}", result(r)),
        FeeData::Update(r) => format!("updData {}", result(r)),
        FeeData::Delete(r) => format!("delData {}", result(r)),
    }
}

fn fee_node<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Node<'a, 'i> {
    doc.descendants()
        .find(|n| {
            n.tag_name()
                .namespace()
                .is_some_and(|u| FEE_URIS.contains(&u))
                && n.parent()
                    .is_some_and(|p| p.tag_name().name() == "extension")
        })
        .unwrap()
}

#[test]
fn the_rfc_and_draft_examples_read_typed() {
    let (mut rfc, mut draft) = (0, 0);
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("8748"))
    {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let node = fee_node(&doc);
        let ours = if m.kind == "command" {
            let request = read_command(&m.bytes).unwrap_or_else(|e| panic!("{}: {e}", m.path));
            assert!(request.extensions().fee_data().is_none());
            ours_command(&request.extensions().fee().unwrap())
        } else {
            let response = read_response(&m.bytes).unwrap_or_else(|e| panic!("{}: {e}", m.path));
            assert!(response.extensions().fee().is_none());
            ours_data(&response.extensions().fee_data().unwrap())
        };
        assert_eq!(ours, rox_fee_element(node), "{}", m.path);
        if node.tag_name().namespace() == Some(FEE10) {
            rfc += 1;
        } else {
            draft += 1;
        }
    }
    assert_eq!((rfc, draft), (12, 12));
}

#[test]
fn amounts_are_typed_without_floats() {
    let bytes =
        std::fs::read(common::corpus_dir().join("ext/examples/8748/007-S-s5.2.1.xml")).unwrap();
    let response = read_response(&bytes).unwrap();
    let Some(FeeData::Create(r)) = response.extensions().fee_data() else {
        panic!()
    };
    let fee = r.fees.first().unwrap();
    assert_eq!(fee.decimal().unwrap().in_minor_units(2), Some(500));
    let balance = r.balance_decimal().unwrap();
    assert!(balance.negative);
    assert_eq!(balance.to_string(), "-5.00");
    assert_eq!(
        r.credit_limit_decimal().unwrap().in_minor_units(2),
        Some(100_000)
    );
    assert_eq!(
        Decimal::parse("12.345").unwrap(),
        Decimal {
            negative: false,
            units: 12,
            fraction: 345,
            scale: 3
        }
    );
}

// ----- strictness -----

fn corpus_text(name: &str) -> String {
    std::fs::read_to_string(common::corpus_dir().join("ext/examples/8748").join(name)).unwrap()
}

fn assert_refused(payload: &str, code: ResultCode, element: &str, attribute: Option<&str>) {
    let err = read_command(payload.as_bytes()).expect_err(payload);
    assert_eq!(err.result_code(), code, "{err}\n{payload}");
    let named = err.element().unwrap();
    assert!(named.namespace.eq_uri(FEE10), "{err}");
    assert_eq!(named.local, element, "{err}");
    assert_eq!(err.attribute(), attribute, "{err}");
}

#[test]
fn the_check_is_read_strictly() {
    let check = corpus_text("003-C-s5.1.1.xml");
    read_command(check.as_bytes()).unwrap();
    let with = |from: &str, to: &str| {
        assert!(check.contains(from), "{from}");
        check.replacen(from, to, 1)
    };
    use ResultCode as R;
    for (payload, code, element, attribute) in [
        (
            with(r#"<fee:command name="renew"/>"#, "<fee:command/>"),
            R::RequiredParameterMissing,
            "command",
            Some("name"),
        ),
        (
            with(r#"name="renew""#, r#"name="check""#),
            R::ParameterValueSyntaxError,
            "command",
            Some("name"),
        ),
        (
            with(r#"name="renew""#, r#"name="custom""#),
            R::RequiredParameterMissing,
            "command",
            Some("customName"),
        ),
        (
            with(r#"name="renew""#, r#"name="renew" customName="x""#),
            R::CommandSyntaxError,
            "command",
            Some("customName"),
        ),
        (
            with(r#"name="renew""#, r#"name="renew" colour="red""#),
            R::CommandSyntaxError,
            "command",
            Some("colour"),
        ),
        (
            with(r#"unit="y">2<"#, r#"unit="d">2<"#),
            R::ParameterValueSyntaxError,
            "period",
            Some("unit"),
        ),
        (
            with(r#"unit="y">2<"#, r#"unit="y">100<"#),
            R::ParameterValueRangeError,
            "period",
            None,
        ),
        (
            with(r#"unit="y">2<"#, r#"unit="y">0<"#),
            R::ParameterValueRangeError,
            "period",
            None,
        ),
        (
            with(">USD<", ">usd<"),
            R::ParameterValueSyntaxError,
            "currency",
            None,
        ),
        (
            with(">USD<", ">US<"),
            R::ParameterValueSyntaxError,
            "currency",
            None,
        ),
        (
            with(
                r#"<fee:command name="renew"/>"#,
                r#"<fee:command name="renew"><fee:fee>1.00</fee:fee></fee:command>"#,
            ),
            R::CommandSyntaxError,
            "fee",
            None,
        ),
        (
            with("</fee:check>", "<fee:extra/></fee:check>"),
            R::CommandSyntaxError,
            "extra",
            None,
        ),
        (
            // The currency after the commands: out of order.
            with("<fee:currency>USD</fee:currency>", "").replacen(
                "</fee:check>",
                "<fee:currency>USD</fee:currency></fee:check>",
                1,
            ),
            R::CommandSyntaxError,
            "currency",
            None,
        ),
    ] {
        assert_refused(&payload, code, element, attribute);
    }
    // No command at all.
    let start = check.find("<fee:command name=\"create\">").unwrap();
    let end = check.find("</fee:check>").unwrap();
    let none = format!("{}{}", &check[..start], &check[end..]);
    assert_refused(&none, ResultCode::RequiredParameterMissing, "command", None);
    // A custom command with its name is fine.
    read_command(
        with(
            r#"name="renew""#,
            r#"name="custom" customName="premium-unlock""#,
        )
        .as_bytes(),
    )
    .unwrap();
}

#[test]
fn the_transforms_are_read_strictly() {
    use ResultCode as R;
    for file in [
        "006-C-s5.2.1.xml",
        "009-C-s5.2.3.xml",
        "011-C-s5.2.4.xml",
        "013-C-s5.2.5.xml",
    ] {
        let original = corpus_text(file);
        read_command(original.as_bytes()).unwrap();
        let fee = "<fee:fee>5.00</fee:fee>";
        assert!(original.contains(fee), "{file}");
        let with = |to: &str| original.replacen(fee, to, 1);
        for (payload, code, element, attribute) in [
            (
                with("<fee:fee>-5.00</fee:fee>"),
                R::ParameterValueRangeError,
                "fee",
                None,
            ),
            (
                with("<fee:fee>5,00</fee:fee>"),
                R::ParameterValueSyntaxError,
                "fee",
                None,
            ),
            (
                with("<fee:fee>1e3</fee:fee>"),
                R::ParameterValueSyntaxError,
                "fee",
                None,
            ),
            (
                with("<fee:fee></fee:fee>"),
                R::ParameterValueSyntaxError,
                "fee",
                None,
            ),
            (with(""), R::RequiredParameterMissing, "fee", None),
            (
                with(r#"<fee:fee refundable="maybe">5.00</fee:fee>"#),
                R::ParameterValueSyntaxError,
                "fee",
                Some("refundable"),
            ),
            (
                with(r#"<fee:fee grace-period="5 days">5.00</fee:fee>"#),
                R::ParameterValueSyntaxError,
                "fee",
                Some("grace-period"),
            ),
            (
                with(r#"<fee:fee applied="later">5.00</fee:fee>"#),
                R::ParameterValueSyntaxError,
                "fee",
                Some("applied"),
            ),
            (
                with(r#"<fee:fee lang="not a language">5.00</fee:fee>"#),
                R::ParameterValueSyntaxError,
                "fee",
                Some("lang"),
            ),
            (
                with(r#"<fee:fee standard="1">5.00</fee:fee>"#),
                R::CommandSyntaxError,
                "fee",
                Some("standard"),
            ),
            (
                with("<fee:fee>5.00</fee:fee><fee:credit>5.00</fee:credit>"),
                R::ParameterValueRangeError,
                "credit",
                None,
            ),
            (
                with("<fee:credit>-5.00</fee:credit><fee:fee>5.00</fee:fee>"),
                R::CommandSyntaxError,
                "credit",
                None,
            ),
            (
                with("<fee:fee>5.00</fee:fee><fee:balance>5.00</fee:balance>"),
                R::CommandSyntaxError,
                "balance",
                None,
            ),
        ] {
            assert_refused(&payload, code, element, attribute);
        }
        // Every attribute of the schema, and a credit, are accepted.
        read_command(
            with(
                r#"<fee:fee description="Fee" lang="en" refundable="0" grace-period="P1DT2H" applied="delayed">0</fee:fee><fee:credit description="c" lang="fr">-0.50</fee:credit>"#,
            )
            .as_bytes(),
        )
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    }
}

#[test]
fn fee_elements_only_go_with_their_command() {
    use ResultCode as R;
    let create = corpus_text("006-C-s5.2.1.xml");
    let renew = corpus_text("009-C-s5.2.3.xml");
    let transfer = corpus_text("011-C-s5.2.4.xml");
    let check = corpus_text("003-C-s5.1.1.xml");
    for (payload, element) in [
        (create.replace("fee:create", "fee:renew"), "renew"),
        (create.replace("fee:create", "fee:check"), "check"),
        (renew.replace("fee:renew", "fee:update"), "update"),
        (
            transfer.replace(r#"op="request""#, r#"op="query""#),
            "transfer",
        ),
        (check.replace("fee:check", "fee:create"), "create"),
        (create.replace("fee:create", "fee:creData"), "creData"),
    ] {
        assert_refused(&payload, R::CommandSyntaxError, element, None);
    }
}

#[test]
fn draft_elements_in_commands_stay_raw_and_are_not_rejected() {
    let dir = common::corpus_dir().join("rfc/8748-draft-ietf-regext-epp-fees-00");
    let check = std::fs::read_to_string(dir.join("check-command.xml")).unwrap();
    // What fee-1.0 would refuse (no name, a date) is left to the draft.
    let odd = check.replacen(
        r#"<fee:command name="create" />"#,
        "<fee:command><fee:odd/></fee:command>",
        1,
    );
    let request = read_command(odd.as_bytes()).unwrap();
    let Some(FeeExtension::Check(c)) = request.extensions().fee() else {
        panic!()
    };
    assert_eq!(c.commands.len(), 4);
    assert_eq!(c.commands.get(1).unwrap().phase.unwrap(), "sunrise");
    // fee-0.11: one command named by its text, its period a sibling.
    let v011 = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>
      <domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:check></check>
      <extension><fee:check xmlns:fee="urn:ietf:params:xml:ns:fee-0.11">
        <fee:command phase="sunrise">create</fee:command><fee:currency>EUR</fee:currency>
        <fee:period unit="y">2</fee:period><fee:class>premium</fee:class>
      </fee:check></extension></command></epp>"#;
    let request = read_command(v011.as_bytes()).unwrap();
    let Some(FeeExtension::Check(c)) = request.extensions().fee() else {
        panic!()
    };
    assert_eq!(c.currency.unwrap(), "EUR");
    let only = c.commands.first().unwrap();
    assert_eq!(c.commands.len(), 1);
    assert_eq!(only.name, "create");
    assert_eq!(only.kind(), Some(FeeCommandName::Create));
    assert_eq!(only.phase.unwrap(), "sunrise");
    assert_eq!(
        only.period,
        Some(Period {
            value: 2,
            unit: PeriodUnit::Years
        })
    );
    // fee-0.6: one command per domain.
    let v06 = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>
      <domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:check></check>
      <extension><fee:check xmlns:fee="urn:ietf:params:xml:ns:fee-0.6">
        <fee:domain><fee:name>example.com</fee:name><fee:currency>USD</fee:currency>
          <fee:command>renew</fee:command><fee:period unit="y">1</fee:period></fee:domain>
        <fee:domain><fee:name>example.net</fee:name><fee:command phase="claims">create</fee:command></fee:domain>
      </fee:check></extension></command></epp>"#;
    let request = read_command(v06.as_bytes()).unwrap();
    let Some(FeeExtension::Check(c)) = request.extensions().fee() else {
        panic!()
    };
    let names: Vec<String> = c.commands.iter().map(|c| command(&c)).collect();
    assert_eq!(
        names,
        [
            r#"cmd renew None None None Some("1y")"#,
            r#"cmd create None Some("claims") None None"#
        ]
    );
}

// ----- tolerance -----

#[test]
fn responses_are_read_tolerantly() {
    let original = corpus_text("004-S-s5.1.1.xml");
    let odd = original
        .replacen(
            "<fee:currency>USD</fee:currency>",
            r#"<fee:currency>usd</fee:currency><x:note xmlns:x="urn:example:x">hello</x:note>"#,
            1,
        )
        .replacen(
            r#"<fee:cd avail="1">"#,
            r#"<fee:cd avail="maybe" extra="1">"#,
            1,
        )
        .replacen(r#"name="restore""#, r#"name="frobnicate""#, 1)
        .replacen(
            r#"grace-period="P5D">10.00"#,
            r#"grace-period="soon" applied="later">ten"#,
            1,
        )
        .replacen(
            r#"<fee:period unit="y">1</fee:period>"#,
            r#"<fee:period unit="w">1</fee:period>"#,
            1,
        );
    let response = read_response(odd.as_bytes()).unwrap();
    let Some(FeeData::Check(data)) = response.extensions().fee_data() else {
        panic!()
    };
    assert_eq!(data.currency.unwrap(), "usd");
    assert_eq!(data.items.len(), 3);
    let first = data.items.first().unwrap();
    assert_eq!(first.available, None);
    assert!(first.is_available());
    assert_eq!(first.object_id, "example.com");
    let commands: Vec<FeeCommandData<'_>> = first.commands.iter().collect();
    assert_eq!(commands.len(), 4);
    let fee = commands[0].fees.first().unwrap();
    assert_eq!(fee.amount, "ten");
    assert_eq!(fee.decimal(), None);
    assert_eq!(fee.applied_kind(), None);
    assert_eq!(commands[1].command.period, None);
    assert_eq!(commands[3].command.name, "frobnicate");
    assert_eq!(commands[3].command.kind(), None);
    let last = data.items.get(2).unwrap();
    assert!(!last.is_available());
    assert!(last.commands.first().unwrap().reason.is_some());

    // A transform result with foreign elements and a balance only.
    let delete = corpus_text("008-S-s5.2.2.xml").replacen(
        "<fee:balance>",
        r#"<y:z xmlns:y="urn:example:y"><fee:fee>9</fee:fee></y:z><fee:balance>"#,
        1,
    );
    let response = read_response(delete.as_bytes()).unwrap();
    let Some(FeeData::Delete(r)) = response.extensions().fee_data() else {
        panic!()
    };
    assert_eq!(r.credits.len(), 1);
    assert_eq!(r.balance.unwrap(), "1005.00");
    // Unknown fee elements are not typed.
    let unknown = corpus_text("014-S-s5.2.5.xml").replace("fee:updData", "fee:futureData");
    let response = read_response(unknown.as_bytes()).unwrap();
    assert!(response.extensions().fee_data().is_none());
    assert!(response.extensions().find(Ns::Fee10).is_some());
}

#[test]
fn draft_0_11_check_data_reads_flat_commands() {
    let payload = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
      <result code="1000"><msg>ok</msg></result>
      <extension><fee:chkData xmlns:fee="urn:ietf:params:xml:ns:fee-0.11"
          xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
        <fee:cd avail="1">
          <fee:object><domain:name>example.com</domain:name></fee:object>
          <fee:command phase="sunrise">create</fee:command>
          <fee:currency>USD</fee:currency>
          <fee:period unit="y">1</fee:period>
          <fee:fee description="Registration Fee" refundable="1" grace-period="P5D">5.00</fee:fee>
          <fee:class>premium</fee:class>
        </fee:cd>
        <fee:cd avail="0">
          <fee:object><domain:name>example.net</domain:name></fee:object>
          <fee:command>renew</fee:command><fee:currency>USD</fee:currency>
          <fee:reason>no</fee:reason>
        </fee:cd>
      </fee:chkData></extension>
      <trID><svTRID>S-1</svTRID></trID></response></epp>"#;
    let response = read_response(payload.as_bytes()).unwrap();
    let Some(FeeData::Check(data)) = response.extensions().fee_data() else {
        panic!()
    };
    let items: Vec<String> = data.items.iter().map(|i| item(&i)).collect();
    assert_eq!(
        items,
        [
            r#"cd "example.com" el=None avail=Some(true) class=Some("premium") cur=Some("USD") ["cmd create None Some(\"sunrise\") None Some(\"1y\") std=None avail=None [\"fee 5.00 Some(\\\"Registration Fee\\\") None Some(true) Some(\\\"P5D\\\") None\"] class=None reason=None"] reason=None"#,
            r#"cd "example.net" el=None avail=Some(false) class=None cur=Some("USD") ["cmd renew None None None None std=None avail=None [] class=None reason=None"] reason=Some("no None")"#,
        ]
    );
}

// ----- writing -----

fn response_element(ext: &[Extension<'_>]) -> String {
    let results = [ResultData::new(ResultCode::Success)];
    let response = ResponseData::new(&results, "SV-1").with_extensions(Extensions::from_typed(ext));
    let xml = to_vec(&response, &WriteOptions::new().indent(2)).unwrap();
    let text = String::from_utf8(xml).unwrap();
    let again = read_response(text.as_bytes()).unwrap();
    again
        .extensions()
        .iter()
        .next()
        .unwrap()
        .as_str()
        .to_string()
}

#[test]
fn every_rfc_example_read_then_written_typed_is_the_same() {
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("ext/examples/8748"))
    {
        if m.kind == "command" {
            let request = read_command(&m.bytes).unwrap();
            let ext = [Extension::Fee(request.extensions().fee().unwrap())];
            let rebuilt = Request::new(*request.command())
                .with_extensions(Extensions::from_typed(&ext))
                .with_cl_trid("ABC-12345");
            let xml = String::from_utf8(to_vec(&rebuilt, &WriteOptions::new()).unwrap()).unwrap();
            common::xml_equivalent(std::str::from_utf8(&m.bytes).unwrap(), &xml)
                .unwrap_or_else(|e| panic!("{}: {e}", m.path));
        } else {
            let response = read_response(&m.bytes).unwrap();
            let ext = [Extension::FeeData(
                response.extensions().fee_data().unwrap(),
            )];
            let original = response.extensions().find(Ns::Fee10).unwrap();
            common::xml_equivalent(original.as_str(), &response_element(&ext))
                .unwrap_or_else(|e| panic!("{}: {e}", m.path));
        }
    }
}

const YEARS: PeriodUnit = PeriodUnit::Years;

fn years(value: u8) -> Period {
    Period { value, unit: YEARS }
}

/// Checks a command rebuilt with `fee` against the RFC's `file`.
fn command_equals(file: &str, fee: FeeExtension<'_>) {
    let original = corpus_text(file);
    let request = read_command(original.as_bytes()).unwrap();
    let ext = [Extension::Fee(fee)];
    let rebuilt = Request::new(*request.command())
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("ABC-12345");
    let xml = String::from_utf8(to_vec(&rebuilt, &WriteOptions::new().indent(2)).unwrap()).unwrap();
    common::xml_equivalent(&original, &xml).unwrap_or_else(|e| panic!("{file}: {e}\n{xml}"));
    // And read back strictly.
    let again = read_command(xml.as_bytes()).unwrap();
    assert_eq!(
        ours_command(&again.extensions().fee().unwrap()),
        ours_command(&fee)
    );
}

/// Checks a response extension built by hand against the RFC's `file`.
fn response_equals(file: &str, data: FeeData<'_>) {
    let original = corpus_text(file);
    let response = read_response(original.as_bytes()).unwrap();
    let element = response.extensions().find(Ns::Fee10).unwrap();
    let written = response_element(&[Extension::FeeData(data)]);
    common::xml_equivalent(element.as_str(), &written)
        .unwrap_or_else(|e| panic!("{file}: {e}\n{written}"));
}

#[test]
fn the_rfc_commands_built_by_hand() {
    let commands = [
        FeeCommand::new("create").with_period(years(2)),
        FeeCommand::new("renew"),
        FeeCommand::new("transfer"),
        FeeCommand::new("restore"),
    ];
    command_equals(
        "003-C-s5.1.1.xml",
        FeeExtension::Check(FeeCheck::new(Some("USD"), &commands)),
    );
    let fees = [Fee::new("5.00")];
    let agreed = FeeTransform::new(Some("USD"), &fees);
    command_equals("006-C-s5.2.1.xml", FeeExtension::Create(agreed));
    command_equals("009-C-s5.2.3.xml", FeeExtension::Renew(agreed));
    command_equals("011-C-s5.2.4.xml", FeeExtension::Transfer(agreed));
    command_equals("013-C-s5.2.5.xml", FeeExtension::Update(agreed));
}

/// The four commands of the RFC's check, with `fees`.
fn four<'a>(fees: &'a [[Fee<'a>; 1]; 4], standard: Option<bool>) -> Vec<FeeCommandData<'a>> {
    [
        FeeCommand::new("create").with_period(years(2)),
        FeeCommand::new("renew").with_period(years(1)),
        FeeCommand::new("transfer").with_period(years(1)),
        FeeCommand::new("restore"),
    ]
    .into_iter()
    .zip(fees.iter())
    .map(|(command, fees)| FeeCommandData {
        standard,
        ..FeeCommandData::new(command, fees)
    })
    .collect()
}

#[test]
fn the_rfc_responses_built_by_hand() {
    let fee = |description, amount| {
        Fee::new(amount)
            .with_description(description)
            .with_refund(true, Some("P5D"))
    };
    // §5.1.1: the check response.
    let premium = [
        [fee("Registration Fee", "10.00")],
        [fee("Renewal Fee", "10.00")],
        [fee("Transfer Fee", "10.00")],
        [Fee::new("15.00").with_description("Redemption Fee")],
    ];
    let standard = [
        [fee("Registration Fee", "5.00")],
        [fee("Renewal Fee", "5.00")],
        [fee("Transfer Fee", "5.00")],
        [Fee::new("5.00").with_description("Redemption Fee")],
    ];
    let (premium, standard) = (four(&premium, None), four(&standard, Some(true)));
    let refused = [FeeCommandData {
        reason: Some(FeeReason::new(
            "Only 1 year registration periods are\n              valid.",
        )),
        ..FeeCommandData::new(FeeCommand::new("create").with_period(years(2)), &[])
    }];
    let items = [
        FeeCheckItem {
            class: Some(Str::new("Premium")),
            ..FeeCheckItem::new("example.com", true, &premium)
        },
        FeeCheckItem {
            class: Some(Str::new("standard")),
            ..FeeCheckItem::new("example.net", true, &standard)
        },
        FeeCheckItem::new("example.xyz", false, &refused),
    ];
    response_equals(
        "004-S-s5.1.1.xml",
        FeeData::Check(FeeCheckData::new("USD", &items)),
    );
    // §5.1.2: a transfer query.
    let five = [Fee::new("5.00")];
    response_equals(
        "005-S-s5.1.2.xml",
        FeeData::Transfer(FeeResult {
            period: Some(years(1)),
            ..FeeResult::new(Some("USD"), &five)
        }),
    );
    // §5.2.1: create.
    let registration = [Fee {
        lang: Some(Str::new("en")),
        ..fee("Registration Fee", "5.00")
    }];
    response_equals(
        "007-S-s5.2.1.xml",
        FeeData::Create(
            FeeResult::new(Some("USD"), &registration)
                .with_balance("-5.00")
                .with_credit_limit("1000.00"),
        ),
    );
    // §5.2.2: delete.
    let credits = [FeeCredit {
        lang: Some(Str::new("en")),
        ..FeeCredit::new("-5.00").with_description("AGP Credit")
    }];
    response_equals(
        "008-S-s5.2.2.xml",
        FeeData::Delete(
            FeeResult::new(Some("USD"), &[])
                .with_credits(&credits)
                .with_balance("1005.00"),
        ),
    );
    // §5.2.3: renew; §5.2.4: transfer; §5.2.5: update.
    let refundable = [Fee::new("5.00").with_refund(true, Some("P5D"))];
    response_equals(
        "010-S-s5.2.3.xml",
        FeeData::Renew(FeeResult::new(Some("USD"), &refundable).with_balance("1000.00")),
    );
    response_equals(
        "012-S-s5.2.4.xml",
        FeeData::Transfer(FeeResult::new(Some("USD"), &refundable)),
    );
    response_equals(
        "014-S-s5.2.5.xml",
        FeeData::Update(FeeResult::new(Some("USD"), &five)),
    );
}

#[test]
fn writing_refuses_what_the_schema_needs() {
    let (create, check) = (
        corpus_text("006-C-s5.2.1.xml"),
        corpus_text("003-C-s5.1.1.xml"),
    );
    let (create, check) = (
        read_command(create.as_bytes()).unwrap(),
        read_command(check.as_bytes()).unwrap(),
    );
    let no_fee = [Extension::Fee(FeeExtension::Create(FeeTransform::new(
        Some("USD"),
        &[],
    )))];
    let request = Request::new(*create.command()).with_extensions(Extensions::from_typed(&no_fee));
    assert!(to_vec(&request, &WriteOptions::new()).is_err());
    let no_command = [Extension::Fee(FeeExtension::Check(FeeCheck::new(
        None,
        &[],
    )))];
    let request =
        Request::new(*check.command()).with_extensions(Extensions::from_typed(&no_command));
    assert!(to_vec(&request, &WriteOptions::new()).is_err());
}

#[test]
fn a_custom_command_in_a_phase_written_and_read_back_strictly() {
    let check = corpus_text("003-C-s5.1.1.xml");
    let check = read_command(check.as_bytes()).unwrap();
    let commands = [
        FeeCommand {
            custom_name: Some(Str::new("unlock & keep")),
            subphase: Some(Str::new("landrush")),
            ..FeeCommand::new("custom").with_phase("sunrise")
        },
        FeeCommand::new("delete").with_period(Period {
            value: 6,
            unit: PeriodUnit::Months,
        }),
    ];
    let ext = [Extension::Fee(FeeExtension::Check(FeeCheck::new(
        None, &commands,
    )))];
    let request = Request::new(*check.command()).with_extensions(Extensions::from_typed(&ext));
    let xml = to_vec(&request, &WriteOptions::new()).unwrap();
    let again = read_command(&xml).unwrap();
    let Some(FeeExtension::Check(read)) = again.extensions().fee() else {
        panic!()
    };
    assert_eq!(read.currency, None);
    let read: Vec<String> = read.commands.iter().map(|c| command(&c)).collect();
    let built: Vec<String> = commands.iter().map(command).collect();
    assert_eq!(read, built);
    assert_eq!(commands[0].kind(), Some(FeeCommandName::Custom));
    assert_eq!(FeeCommandName::Restore.as_str(), "restore");
}
