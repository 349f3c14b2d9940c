//! maintenance-1.0 (RFC 9167): the RFC's info commands read as a typed
//! command, its info responses and poll message read typed and compared
//! with roxmltree field by field, strict errors in the command, tolerance
//! in responses, and every example rebuilt by hand and written.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::ext::{
    LangText, MaintenanceData, MaintenanceDescription, MaintenanceEnvironment, MaintenanceId,
    MaintenanceInfo, MaintenanceIntervention, MaintenanceItem, MaintenanceListItem,
    MaintenanceSystem,
};
use epp_codec::view::{Command, List, Request, ResultCode, Str, read_command, read_response};
use epp_codec::write::{MessageQueueData, ResData, ResponseData, ResultData, WriteOptions, to_vec};

const MAINT: &str = "urn:ietf:params:xml:ns:epp:maintenance-1.0";

fn example(name: &str) -> String {
    std::fs::read_to_string(common::corpus_dir().join("ext/examples/9167").join(name)).unwrap()
}

fn trim(s: Option<&str>) -> Option<String> {
    s.map(|s| s.trim().to_string())
}

fn show(s: Option<Str<'_>>) -> Option<String> {
    s.map(|s| s.to_string().trim().to_string())
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == local)
}

fn children<'a, 'i>(
    n: roxmltree::Node<'a, 'i>,
    local: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> + 'a {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == local)
}

fn rox_text(n: roxmltree::Node<'_, '_>, local: &str) -> Option<String> {
    child(n, local).map(|c| c.text().unwrap_or("").trim().to_string())
}

fn rox_id(n: roxmltree::Node<'_, '_>) -> String {
    let id = child(n, "id").unwrap();
    format!(
        "id {:?} {:?} {:?}",
        trim(id.text()),
        id.attribute("name"),
        id.attribute("lang")
    )
}

fn our_id(id: &MaintenanceId<'_>) -> String {
    format!(
        "id {:?} {:?} {:?}",
        show(Some(id.id)),
        id.name.map(|n| n.to_string()).as_deref(),
        id.lang.map(|n| n.to_string()).as_deref()
    )
}

/// The item as roxmltree sees it, one line per field.
fn rox_item(item: roxmltree::Node<'_, '_>) -> Vec<String> {
    let mut v = vec![rox_id(item)];
    for t in children(item, "type") {
        v.push(format!(
            "type {:?} {:?}",
            trim(t.text()),
            t.attribute("lang")
        ));
    }
    v.push(format!("pollType {:?}", rox_text(item, "pollType")));
    for s in children(child(item, "systems").unwrap(), "system") {
        v.push(format!(
            "system {:?} {:?} {:?}",
            rox_text(s, "name"),
            rox_text(s, "host"),
            rox_text(s, "impact")
        ));
    }
    let env = child(item, "environment").unwrap();
    v.push(format!(
        "environment {:?} {:?}",
        env.attribute("type"),
        env.attribute("name")
    ));
    for local in ["start", "end", "reason", "detail"] {
        v.push(format!("{local} {:?}", rox_text(item, local)));
    }
    for d in children(item, "description") {
        v.push(format!(
            "description {:?} {:?} {:?}",
            trim(d.text()),
            d.attribute("lang"),
            d.attribute("type")
        ));
    }
    if let Some(tlds) = child(item, "tlds") {
        for t in children(tlds, "tld") {
            v.push(format!("tld {:?}", trim(t.text())));
        }
    }
    if let Some(i) = child(item, "intervention") {
        v.push(format!(
            "intervention {:?} {:?}",
            rox_text(i, "connection").as_deref() == Some("true"),
            rox_text(i, "implementation").as_deref() == Some("true")
        ));
    }
    v.push(format!("crDate {:?}", rox_text(item, "crDate")));
    v.push(format!("upDate {:?}", rox_text(item, "upDate")));
    v
}

/// The same lines from the typed view.
fn our_item(item: &MaintenanceItem<'_>) -> Vec<String> {
    let s = |v: Option<Str<'_>>| show(v);
    let a = |v: Option<Str<'_>>| v.map(|v| v.to_string());
    let mut v = vec![our_id(&item.id)];
    for t in item.types.iter() {
        v.push(format!(
            "type {:?} {:?}",
            s(Some(t.text)),
            a(t.lang).as_deref()
        ));
    }
    v.push(format!("pollType {:?}", s(item.poll_type)));
    for sys in item.systems.iter() {
        v.push(format!(
            "system {:?} {:?} {:?}",
            s(Some(sys.name)),
            s(sys.host),
            s(Some(sys.impact))
        ));
    }
    v.push(format!(
        "environment {:?} {:?}",
        a(Some(item.environment.env_type)).as_deref(),
        a(item.environment.name).as_deref()
    ));
    v.push(format!("start {:?}", s(Some(item.start))));
    v.push(format!("end {:?}", s(Some(item.end))));
    v.push(format!("reason {:?}", s(Some(item.reason))));
    v.push(format!("detail {:?}", s(item.detail)));
    for d in item.descriptions.iter() {
        v.push(format!(
            "description {:?} {:?} {:?}",
            s(Some(d.text)),
            a(d.lang).as_deref(),
            a(d.content_type).as_deref()
        ));
    }
    for t in item.tlds.iter() {
        v.push(format!("tld {:?}", s(Some(t))));
    }
    if let Some(i) = item.intervention {
        v.push(format!(
            "intervention {:?} {:?}",
            i.connection, i.implementation
        ));
    }
    v.push(format!("crDate {:?}", s(Some(item.created))));
    v.push(format!("upDate {:?}", s(item.updated)));
    v
}

fn rox_list(list: roxmltree::Node<'_, '_>) -> Vec<String> {
    children(list, "listItem")
        .map(|i| {
            format!(
                "{} {:?} {:?} {:?} {:?}",
                rox_id(i),
                rox_text(i, "start"),
                rox_text(i, "end"),
                rox_text(i, "crDate"),
                rox_text(i, "upDate")
            )
        })
        .collect()
}

fn our_list(list: List<'_, MaintenanceListItem<'_>>) -> Vec<String> {
    list.iter()
        .map(|i| {
            format!(
                "{} {:?} {:?} {:?} {:?}",
                our_id(&i.id),
                show(Some(i.start)),
                show(Some(i.end)),
                show(Some(i.created)),
                show(i.updated)
            )
        })
        .collect()
}

#[test]
fn the_rfc_examples_read_typed() {
    let mut commands = 0;
    let mut responses = 0;
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("9167"))
    {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let Some(node) = doc
            .descendants()
            .find(|n| n.tag_name().namespace() == Some(MAINT))
        else {
            // The plain <poll op="req"/>.
            assert!(read_command(&m.bytes).is_ok(), "{}", m.path);
            continue;
        };
        match node.tag_name().name() {
            "info" => {
                let request = read_command(&m.bytes).unwrap_or_else(|e| panic!("{}: {e}", m.path));
                let Command::Maintenance(info) = request.command() else {
                    panic!("{}: {:?}", m.path, request.command());
                };
                match (info, child(node, "id")) {
                    (MaintenanceInfo::Item(id), Some(_)) => {
                        assert_eq!(our_id(id), rox_id(node), "{}", m.path)
                    }
                    (MaintenanceInfo::List, None) => assert!(child(node, "list").is_some()),
                    other => panic!("{}: {other:?}", m.path),
                }
                commands += 1;
            }
            "infData" => {
                let response =
                    read_response(&m.bytes).unwrap_or_else(|e| panic!("{}: {e}", m.path));
                let data = response
                    .res_data()
                    .maintenance()
                    .unwrap_or_else(|| panic!("{}: no maintenance data", m.path));
                match data {
                    MaintenanceData::Item(item) => {
                        let rox = child(node, "item").unwrap();
                        assert_eq!(our_item(&item), rox_item(rox), "{}", m.path);
                    }
                    MaintenanceData::List(list) => {
                        let rox = child(node, "list").unwrap();
                        assert_eq!(our_list(list), rox_list(rox), "{}", m.path);
                        assert_eq!(list.len(), 2);
                    }
                }
                if response.message_queue().is_some() {
                    // The poll message says what happened to the event.
                    let MaintenanceData::Item(item) = data else {
                        panic!()
                    };
                    assert_eq!(item.poll_type.unwrap(), "create");
                }
                responses += 1;
            }
            other => panic!("{}: {other}", m.path),
        }
    }
    assert_eq!((commands, responses), (2, 3));
}

fn info_with(content: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><info>{content}</info><clTRID>ABC-12345</clTRID></command></epp>"#
    )
}

fn maint(content: &str) -> String {
    info_with(&format!(
        r#"<maint:info xmlns:maint="{MAINT}">{content}</maint:info>"#
    ))
}

#[test]
fn the_command_is_read_strictly() {
    for ok in [
        maint("<maint:list/>"),
        maint("<maint:list></maint:list>"),
        maint(r#"<maint:id name="Nightly" lang="de">abc</maint:id>"#),
    ] {
        read_command(ok.as_bytes()).unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    let named = maint(r#"<maint:id name=" Nightly " lang="de">abc</maint:id>"#);
    let request = read_command(named.as_bytes()).unwrap();
    let Command::Maintenance(MaintenanceInfo::Item(id)) = request.command() else {
        panic!()
    };
    assert_eq!(
        *id,
        MaintenanceId::new("abc").with_name("Nightly", Some("de"))
    );

    for (payload, code, element, attribute) in [
        // Neither child.
        (
            maint(""),
            ResultCode::RequiredParameterMissing,
            "info",
            None,
        ),
        // Both.
        (
            maint("<maint:id>a</maint:id><maint:list/>"),
            ResultCode::CommandSyntaxError,
            "list",
            None,
        ),
        // The list is empty.
        (
            maint("<maint:list><maint:id>a</maint:id></maint:list>"),
            ResultCode::CommandSyntaxError,
            "id",
            None,
        ),
        // Not an element of the mapping.
        (
            maint("<maint:item/>"),
            ResultCode::CommandSyntaxError,
            "item",
            None,
        ),
        (
            maint(r#"<maint:id lang="not a language">a</maint:id>"#),
            ResultCode::ParameterValueSyntaxError,
            "id",
            Some("lang"),
        ),
        (
            maint(r#"<maint:id type="x">a</maint:id>"#),
            ResultCode::CommandSyntaxError,
            "id",
            Some("type"),
        ),
        // The mapping has no other command than info.
        (
            format!(
                r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check><maint:info xmlns:maint="{MAINT}"><maint:list/></maint:info></check></command></epp>"#
            ),
            ResultCode::CommandSyntaxError,
            "info",
            None,
        ),
        (
            info_with(&format!(
                r#"<maint:check xmlns:maint="{MAINT}"><maint:list/></maint:check>"#
            )),
            ResultCode::CommandSyntaxError,
            "check",
            None,
        ),
    ] {
        let err = read_command(payload.as_bytes()).expect_err(&payload);
        assert_eq!(err.result_code(), code, "{payload}: {err}");
        let name = err.element().unwrap();
        assert!(name.namespace.eq_uri(MAINT), "{payload}: {err}");
        assert_eq!(name.local, element, "{payload}: {err}");
        assert_eq!(err.attribute(), attribute, "{payload}: {err}");
    }
}

#[test]
fn responses_are_read_tolerantly() {
    let payload = format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>ok</msg></result>
        <resData><maint:infData xmlns:maint="{MAINT}" xmlns:x="urn:example:x"><x:before/><maint:item>
          <x:note>foreign</x:note>
          <maint:id>m1</maint:id>
          <maint:pollType>someday</maint:pollType>
          <maint:systems><maint:system><maint:name>EPP</maint:name><maint:impact>catastrophic</maint:impact><x:more/></maint:system></maint:systems>
          <maint:environment type="moon"/>
          <maint:start>not a date</maint:start>
          <maint:reason>whim</maint:reason>
          <maint:intervention><maint:connection>maybe</maint:connection><maint:implementation>1</maint:implementation></maint:intervention>
          <maint:crDate>2021-11-08T22:10:00Z</maint:crDate>
        </maint:item></maint:infData></resData>
        <trID><svTRID>1</svTRID></trID></response></epp>"#
    );
    let response = read_response(payload.as_bytes()).unwrap();
    let Some(MaintenanceData::Item(item)) = response.res_data().maintenance() else {
        panic!()
    };
    assert_eq!(item.id.id, "m1");
    assert_eq!(item.poll_type.unwrap(), "someday");
    let system = item.systems.first().unwrap();
    assert_eq!(
        (system.name.to_string(), system.impact.to_string()),
        ("EPP".into(), "catastrophic".into())
    );
    assert_eq!(system.host, None);
    assert_eq!(item.environment.env_type, "moon");
    assert_eq!(item.start, "not a date");
    // Missing required elements read empty.
    assert!(item.end.is_empty());
    assert_eq!(item.reason, "whim");
    assert_eq!(
        item.intervention,
        Some(MaintenanceIntervention {
            connection: false,
            implementation: true
        })
    );
    assert!(item.tlds.is_empty() && item.descriptions.is_empty() && item.types.is_empty());

    // An infData with neither item nor list is no maintenance data.
    let empty = payload.replace("maint:item>", "maint:other>");
    assert!(
        read_response(empty.as_bytes())
            .unwrap()
            .res_data()
            .maintenance()
            .is_none()
    );
}

fn item_of_the_rfc<'a>(
    systems: &'a [MaintenanceSystem<'a>],
    tlds: &'a [Str<'a>],
) -> MaintenanceItem<'a> {
    let mut item = MaintenanceItem::new(
        MaintenanceId::new("2e6df9b0-4092-4491-bcc8-9fb2166dcee6"),
        systems,
        MaintenanceEnvironment::new("production"),
        "2021-12-30T06:00:00Z",
        "2021-12-30T07:00:00Z",
        "planned",
        "2021-11-08T22:10:00Z",
    );
    item.detail = Some(Str::new("https://www.registry.example/notice?123"));
    item.tlds = List::from_slice(tlds);
    item.intervention = Some(MaintenanceIntervention {
        connection: false,
        implementation: false,
    });
    item
}

#[test]
fn the_rfc_examples_rebuilt_by_hand() {
    let options = WriteOptions::new().indent(2);
    // The commands.
    for (file, info) in [
        (
            "001-C-s4.1.1.1.xml",
            MaintenanceInfo::Item(MaintenanceId::new("2e6df9b0-4092-4491-bcc8-9fb2166dcee6")),
        ),
        ("003-C-s4.1.1.2.xml", MaintenanceInfo::List),
    ] {
        let request = Request::new(Command::Maintenance(info)).with_cl_trid("ABC-12345");
        let written = String::from_utf8(to_vec(&request, &options).unwrap()).unwrap();
        common::xml_equivalent(&example(file), &written).unwrap_or_else(|e| panic!("{file}: {e}"));
        let read = read_command(written.as_bytes()).unwrap();
        assert!(matches!(read.command(), Command::Maintenance(i) if *i == info));
    }

    let systems = [MaintenanceSystem::new("EPP", "full").with_host("epp.registry.example")];
    let tlds = [Str::new("example"), Str::new("test")];
    let results = [ResultData::new(ResultCode::Success)];

    // The info response of one item.
    let types = [LangText::new("Routine Maintenance", Some("en"))];
    let descriptions = [
        MaintenanceDescription::new("free-text", Some("en")),
        MaintenanceDescription::new("Freitext", Some("de")),
    ];
    let mut item = item_of_the_rfc(&systems, &tlds);
    item.types = List::from_slice(&types);
    item.descriptions = List::from_slice(&descriptions);
    let response = ResponseData::new(&results, "54321-XYZ")
        .with_cl_trid("ABC-12345")
        .with_res_data(ResData::Maintenance(MaintenanceData::Item(item)));
    let written = String::from_utf8(to_vec(&response, &options).unwrap()).unwrap();
    common::xml_equivalent(&example("002-S-s4.1.1.1.xml"), &written).unwrap();
    let read = read_response(written.as_bytes()).unwrap();
    let Some(MaintenanceData::Item(back)) = read.res_data().maintenance() else {
        panic!()
    };
    assert_eq!(our_item(&back), our_item(&item));

    // The list.
    let items = [
        MaintenanceListItem::new(
            MaintenanceId::new("2e6df9b0-4092-4491-bcc8-9fb2166dcee6"),
            "2021-12-30T06:00:00Z",
            "2021-12-30T07:00:00Z",
            "2021-11-08T22:10:00Z",
        ),
        MaintenanceListItem::new(
            MaintenanceId::new("91e9dabf-c4e9-4c19-a56c-78e3e89c2e2f"),
            "2021-12-15T04:30:00Z",
            "2021-12-15T05:30:00Z",
            "2021-11-08T22:11:00Z",
        )
        .with_updated("2021-11-17T15:00:00Z"),
    ];
    let response = ResponseData::new(&results, "54321-XYZ")
        .with_cl_trid("ABC-12345")
        .with_res_data(ResData::Maintenance(MaintenanceData::List(
            List::from_slice(&items),
        )));
    let written = String::from_utf8(to_vec(&response, &options).unwrap()).unwrap();
    common::xml_equivalent(&example("004-S-s4.1.1.2.xml"), &written).unwrap();
    let Some(MaintenanceData::List(list)) = read_response(written.as_bytes())
        .unwrap()
        .res_data()
        .maintenance()
    else {
        panic!()
    };
    assert_eq!(list.iter().collect::<Vec<_>>(), items);

    // The poll message: the same item, with its poll type, in a message
    // queue (compared from <resData> down: the RFC's <msg> has a lang the
    // hand-built queue does not carry).
    let mut item = item_of_the_rfc(&systems, &tlds);
    item.poll_type = Some(Str::new("create"));
    let results = [ResultData::new(ResultCode::SuccessAckToDequeue)];
    let response = ResponseData::new(&results, "54321-XYZ")
        .with_cl_trid("ABC-12345")
        .with_message_queue(MessageQueueData {
            count: 1,
            id: Str::new("12345"),
            date: Some(Str::new("2021-11-08T22:10:00Z")),
            message: Some(Str::new("Registry Maintenance Notification")),
            lang: None,
        })
        .with_res_data(ResData::Maintenance(MaintenanceData::Item(item)));
    let written = String::from_utf8(to_vec(&response, &options).unwrap()).unwrap();
    let original = example("006-S-s4.1.2.xml");
    common::xml_equivalent(&res_data_of(&original), &res_data_of(&written)).unwrap();
    let read = read_response(written.as_bytes()).unwrap();
    assert_eq!(read.code(), ResultCode::SuccessAckToDequeue);
    assert_eq!(read.message_queue().unwrap().id().unwrap(), "12345");
    let Some(MaintenanceData::Item(back)) = read.res_data().maintenance() else {
        panic!()
    };
    assert_eq!(our_item(&back), our_item(&item));
}

/// The `<maint:infData>` element of a message, as text.
fn res_data_of(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let node = doc
        .descendants()
        .find(|n| n.tag_name().namespace() == Some(MAINT) && n.tag_name().name() == "infData")
        .unwrap();
    xml[node.range()].to_string()
}

#[test]
fn the_rfc_examples_written_back() {
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("9167"))
    {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let written = if let Ok(request) = read_command(&m.bytes) {
            to_vec(&request, &WriteOptions::default()).unwrap()
        } else {
            to_vec(&read_response(&m.bytes).unwrap(), &WriteOptions::default()).unwrap()
        };
        common::xml_equivalent(text, std::str::from_utf8(&written).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", m.path));
    }
}

#[test]
fn an_item_without_systems_is_not_written() {
    let item = MaintenanceItem::new(
        MaintenanceId::new("x"),
        &[],
        MaintenanceEnvironment::custom("marketing"),
        "2021-12-30T06:00:00Z",
        "2021-12-30T07:00:00Z",
        "planned",
        "2021-11-08T22:10:00Z",
    );
    let results = [ResultData::new(ResultCode::Success)];
    let response = ResponseData::new(&results, "1")
        .with_res_data(ResData::Maintenance(MaintenanceData::Item(item)));
    assert!(to_vec(&response, &WriteOptions::default()).is_err());
}

#[test]
fn mutations_of_the_rfc_commands() {
    let item = example("001-C-s4.1.1.1.xml");
    let list = example("003-C-s4.1.1.2.xml");
    let id = "<maint:id>2e6df9b0-4092-4491-bcc8-9fb2166dcee6</maint:id>";
    assert!(item.contains(id) && list.contains("<maint:list/>"));
    for (payload, code, element) in [
        (
            item.replace(id, ""),
            ResultCode::RequiredParameterMissing,
            "info",
        ),
        (
            item.replace(id, &format!("{id}{id}")),
            ResultCode::CommandSyntaxError,
            "id",
        ),
        (
            item.replace("<maint:id>", r#"<maint:id lang="en_US">"#),
            ResultCode::ParameterValueSyntaxError,
            "id",
        ),
        (
            list.replace("<maint:list/>", "<maint:list><maint:all/></maint:list>"),
            ResultCode::CommandSyntaxError,
            "all",
        ),
        (
            list.replace("<maint:list/>", "<maint:list/><maint:list/>"),
            ResultCode::CommandSyntaxError,
            "list",
        ),
        (
            list.replace("<info>", "<delete>")
                .replace("</info>", "</delete>"),
            ResultCode::CommandSyntaxError,
            "info",
        ),
    ] {
        let err = read_command(payload.as_bytes()).expect_err(&payload);
        assert_eq!(err.result_code(), code, "{payload}: {err}");
        let name = err.element().unwrap();
        assert!(name.namespace.eq_uri(MAINT), "{payload}: {err}");
        assert_eq!(name.local, element, "{payload}: {err}");
    }
    // Text in the empty list is refused too.
    let text = list.replace("<maint:list/>", "<maint:list>all</maint:list>");
    let err = read_command(text.as_bytes()).unwrap_err();
    assert_eq!(err.result_code(), ResultCode::CommandSyntaxError);
}
