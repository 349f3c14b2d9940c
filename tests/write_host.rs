//! Host commands built by hand, written, and read back field by field.

#![cfg(feature = "alloc")]

use epp_codec::view::command::host::{
    AddRemove, Address, Check, Create, Delete, HostCommand, HostStatus, Info, Status, Update,
};
use epp_codec::view::command::{Command, Request};
use epp_codec::view::{IpVersion, Str, read_command};
use epp_codec::write::{WriteError, WriteOptions, to_vec};

fn round_trip(command: HostCommand<'_>) -> Vec<u8> {
    let request = Request::new(Command::Host(command)).with_cl_trid("ABC-12345");
    let xml = to_vec(&request, &WriteOptions::new().indent(2)).unwrap();
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(
        text.contains(r#"xmlns:host="urn:ietf:params:xml:ns:host-1.0""#),
        "{text}"
    );
    xml
}

fn host(xml: &[u8]) -> HostCommand<'_> {
    let request =
        read_command(xml).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(xml)));
    assert_eq!(request.cl_trid().unwrap(), "ABC-12345");
    let Command::Host(h) = *request.command() else {
        panic!("{:?}", request.command())
    };
    h
}

#[test]
fn check_info_delete() {
    let names = [Str::new("ns1.example.com"), Str::new("ns2.example.com")];
    let xml = round_trip(HostCommand::Check(Check::new(&names)));
    let HostCommand::Check(c) = host(&xml) else {
        panic!()
    };
    let read: Vec<String> = c.names().iter().map(|n| n.to_string()).collect();
    assert_eq!(read, ["ns1.example.com", "ns2.example.com"]);

    let xml = round_trip(HostCommand::Info(Info::new("ns1.example.com")));
    let HostCommand::Info(i) = host(&xml) else {
        panic!()
    };
    assert_eq!(i.name(), "ns1.example.com");

    let xml = round_trip(HostCommand::Delete(Delete::new("ns1.example.com")));
    let HostCommand::Delete(d) = host(&xml) else {
        panic!()
    };
    assert_eq!(d.name(), "ns1.example.com");

    let none: [Str<'_>; 0] = [];
    let request = Request::new(Command::Host(HostCommand::Check(Check::new(&none))));
    assert!(matches!(
        to_vec(&request, &WriteOptions::new()),
        Err(WriteError::Invalid { .. })
    ));
}

#[test]
fn create_with_addresses() {
    let addresses = [
        Address::parse("192.0.2.2").unwrap(),
        Address::parse("1080:0:0:0:8:800:200C:417A").unwrap(),
    ];
    assert!(Address::parse("not an address").is_none());
    let xml = round_trip(HostCommand::Create(
        Create::new("ns1.example.com").with_addresses(&addresses),
    ));
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(
        text.contains(r#"<host:addr ip="v4">192.0.2.2</host:addr>"#),
        "{text}"
    );
    let HostCommand::Create(c) = host(&xml) else {
        panic!()
    };
    assert_eq!(c.name(), "ns1.example.com");
    let read: Vec<_> = c
        .addresses()
        .iter()
        .map(|a| (a.version(), a.ip(), a.raw().to_string()))
        .collect();
    assert_eq!(
        read,
        [
            (IpVersion::V4, addresses[0].ip(), "192.0.2.2".to_string()),
            (
                IpVersion::V6,
                addresses[1].ip(),
                "1080:0:0:0:8:800:200C:417A".to_string()
            ),
        ]
    );
}

#[test]
fn update_add_remove_change() {
    let add_addr = [Address::parse("192.0.2.22").unwrap()];
    let add_status = [Status::new(HostStatus::ClientUpdateProhibited)];
    let rem_addr = [Address::parse("1080::8:800:200C:417A").unwrap()];
    let rem_status =
        [Status::new(HostStatus::ClientDeleteProhibited)
            .with_text("by request & <now>", Some("fr"))];
    let update = Update::new("ns1.example.com")
        .with_add(
            AddRemove::new()
                .with_addresses(&add_addr)
                .with_statuses(&add_status),
        )
        .with_remove(
            AddRemove::new()
                .with_addresses(&rem_addr)
                .with_statuses(&rem_status),
        )
        .with_new_name("ns2.example.com");
    let xml = round_trip(HostCommand::Update(update));
    let HostCommand::Update(u) = host(&xml) else {
        panic!()
    };
    assert_eq!(u.name(), "ns1.example.com");
    assert_eq!(u.new_name().unwrap(), "ns2.example.com");
    let add = u.add();
    assert!(add.is_present());
    assert_eq!(add.addresses().first().unwrap().raw(), "192.0.2.22");
    assert_eq!(
        add.statuses().first().unwrap().value(),
        HostStatus::ClientUpdateProhibited
    );
    let rem = u.remove();
    assert_eq!(rem.addresses().first().unwrap().version(), IpVersion::V6);
    let status = rem.statuses().first().unwrap();
    assert_eq!(status.value(), HostStatus::ClientDeleteProhibited);
    assert_eq!(status.text().to_string(), "by request & <now>");
    assert_eq!(status.lang().unwrap(), "fr");
    // Only a change.
    let xml = round_trip(HostCommand::Update(
        Update::new("a.example").with_new_name("b.example"),
    ));
    let HostCommand::Update(u) = host(&xml) else {
        panic!()
    };
    assert!(!u.add().is_present() && !u.remove().is_present());
    assert_eq!(u.new_name().unwrap(), "b.example");
}

#[test]
fn a_forbidden_character_is_refused() {
    let request = Request::new(Command::Host(HostCommand::Info(Info::new(
        "ns1\u{1}.example",
    ))));
    assert_eq!(
        to_vec(&request, &WriteOptions::new()),
        Err(WriteError::ForbiddenCharacter { character: '\u{1}' })
    );
}
