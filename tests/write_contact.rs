//! Contact commands built by hand, written, and read back field by field.

#![cfg(feature = "alloc")]

use epp_codec::view::command::contact::{
    Address, Change, Check, ContactCommand, ContactStatus, Create, Delete, Disclose, Info, IntLoc,
    Phone, PostalInfo, PostalInfoType, Status, Street, Update,
};
use epp_codec::view::command::{Command, Request};
use epp_codec::view::{AuthInfo, Str, TransferOp, read_command};
use epp_codec::write::{Writable, WriteError, WriteOptions, to_vec};

fn round_trip(command: ContactCommand<'_>) -> Vec<u8> {
    let request = Request::new(Command::Contact(command)).with_cl_trid("ABC-12345");
    let xml = to_vec(&request, &WriteOptions::new().indent(2)).unwrap();
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(
        text.contains(r#"xmlns:contact="urn:ietf:params:xml:ns:contact-1.0""#),
        "{text}"
    );
    xml
}

fn contact(xml: &[u8]) -> ContactCommand<'_> {
    let request =
        read_command(xml).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(xml)));
    let Command::Contact(c) = *request.command() else {
        panic!("{:?}", request.command())
    };
    c
}

const PW: AuthInfo<'static> = AuthInfo::Password {
    password: Str::new("2fooBAR"),
    roid: None,
};

#[test]
fn check_info_delete_transfer() {
    let ids = [Str::new("sh8013"), Str::new("sah8013")];
    let xml = round_trip(ContactCommand::Check(Check::new(&ids)));
    let ContactCommand::Check(c) = contact(&xml) else {
        panic!()
    };
    assert_eq!(
        c.ids().iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["sh8013", "sah8013"]
    );

    let xml = round_trip(ContactCommand::Info(Info::new("sh8013").with_auth_info(PW)));
    let ContactCommand::Info(i) = contact(&xml) else {
        panic!()
    };
    assert_eq!(i.id(), "sh8013");
    assert_eq!(i.auth_info(), Some(PW));

    let xml = round_trip(ContactCommand::Delete(Delete::new("sh8013")));
    let ContactCommand::Delete(d) = contact(&xml) else {
        panic!()
    };
    assert_eq!(d.id(), "sh8013");

    let xml = round_trip(ContactCommand::Transfer {
        op: TransferOp::Request,
        transfer: Info::new("sh8013").with_auth_info(PW),
    });
    assert!(String::from_utf8_lossy(&xml).contains(r#"<transfer op="request">"#));
    let ContactCommand::Transfer { op, transfer } = contact(&xml) else {
        panic!()
    };
    assert_eq!(op, TransferOp::Request);
    assert_eq!(transfer.id(), "sh8013");
}

#[test]
fn create_with_everything() {
    let streets = [
        Street(Str::new("123 Example Dr.")),
        Street(Str::new("Suite 100")),
    ];
    let int_address = Address::new(&streets, "Dulles", "US")
        .with_state_province("VA")
        .with_postal_code("20166-6503");
    let loc_streets = [Street(Str::new("Rue de l'Église & <Cie>"))];
    let loc_address = Address::new(&loc_streets, "Montréal 日本", "CA");
    let infos = [
        PostalInfo::new(PostalInfoType::Int, "John Doe", int_address).with_org("Example Inc."),
        PostalInfo::new(PostalInfoType::Loc, "Jöhn Dœ", loc_address),
    ];
    let disclose = Disclose {
        flag: false,
        voice: true,
        email: true,
        name: IntLoc {
            int: true,
            loc: false,
        },
        ..Disclose::default()
    };
    let create = Create::new("sh8013", &infos, "jdoe@example.com", PW)
        .with_voice(Phone::new("+1.7035555555").with_extension("1234"))
        .with_fax(Phone::new("+1.7035555556"))
        .with_disclose(disclose);
    let xml = round_trip(ContactCommand::Create(create));
    let ContactCommand::Create(c) = contact(&xml) else {
        panic!()
    };
    assert_eq!(c.id(), "sh8013");
    assert_eq!(c.email(), "jdoe@example.com");
    assert_eq!(c.auth_info(), PW);
    assert_eq!(c.disclose(), Some(disclose));
    let voice = c.voice().unwrap();
    assert_eq!(
        (voice.number(), voice.extension().unwrap()),
        (Str::new("+1.7035555555"), Str::new("1234"))
    );
    assert_eq!(c.fax().unwrap().number(), "+1.7035555556");
    let read: Vec<PostalInfo<'_>> = c.postal_infos().iter().collect();
    assert_eq!(read.len(), 2);
    // Read and built compare by value.
    assert_eq!(read[0], infos[0]);
    assert_eq!(read[1], infos[1]);
    let loc = read[1].address().unwrap();
    assert_eq!(
        loc.streets().first().unwrap().0.to_string(),
        "Rue de l'Église & <Cie>"
    );
    assert_eq!(loc.city().to_string(), "Montréal 日本");
    assert_eq!(
        read[0].address().unwrap().postal_code().unwrap(),
        "20166-6503"
    );

    let none: [PostalInfo<'_>; 0] = [];
    let bad = Request::new(Command::Contact(ContactCommand::Create(Create::new(
        "x1", &none, "a@b", PW,
    ))));
    assert!(matches!(
        to_vec(&bad, &WriteOptions::new()),
        Err(WriteError::Invalid { .. })
    ));
}

#[test]
fn update_add_remove_change() {
    let add = [Status::new(ContactStatus::ClientDeleteProhibited)];
    let rem =
        [Status::new(ContactStatus::ClientUpdateProhibited).with_text("no longer", Some("en"))];
    let streets = [Street(Str::new("124 Example Dr."))];
    let changes = [PostalInfo::change(PostalInfoType::Int)
        .with_org("")
        .with_address(Address::new(&streets, "Dulles", "US"))];
    let change = Change::new()
        .with_postal_infos(&changes)
        .with_voice(Phone::new("+1.7034444444"))
        .with_email("new@example.com")
        .with_auth_info(AuthInfo::Password {
            password: Str::new("2fooBAR"),
            roid: None,
        })
        .with_disclose(Disclose {
            flag: true,
            ..Disclose::default()
        });
    let update = Update::new("sh8013")
        .with_add(&add)
        .with_remove(&rem)
        .with_change(change);
    let xml = round_trip(ContactCommand::Update(update));
    let ContactCommand::Update(u) = contact(&xml) else {
        panic!()
    };
    assert_eq!(u.id(), "sh8013");
    assert_eq!(
        u.add().unwrap().first().unwrap().value(),
        ContactStatus::ClientDeleteProhibited
    );
    let r = u.remove().unwrap().first().unwrap();
    assert_eq!(
        (r.value(), r.text().to_string()),
        (ContactStatus::ClientUpdateProhibited, "no longer".into())
    );
    let c = u.change().unwrap();
    let info = c.postal_infos().first().unwrap();
    assert!(info.name().is_none());
    assert_eq!(info.org().unwrap(), "");
    assert_eq!(
        info.address().unwrap().streets().first().unwrap().0,
        "124 Example Dr."
    );
    assert_eq!(c.voice().unwrap().number(), "+1.7034444444");
    assert_eq!(c.email().unwrap(), "new@example.com");
    assert!(c.disclose().unwrap().flag);
}

#[test]
fn redaction_hides_the_contact_password() {
    let streets = [Street(Str::new("1 Main St"))];
    let infos = [PostalInfo::new(
        PostalInfoType::Int,
        "A B",
        Address::new(&streets, "X", "US"),
    )];
    let secret = AuthInfo::Password {
        password: Str::new("very-secret-pw"),
        roid: None,
    };
    let request = Request::new(Command::Contact(ContactCommand::Create(Create::new(
        "ab12",
        &infos,
        "a@b.example",
        secret,
    ))))
    .with_cl_trid("ABC-1");
    let shown = request.redacted().to_string();
    assert!(!shown.contains("very-secret-pw"), "{shown}");
    assert!(shown.contains("<contact:pw>*****</contact:pw>"), "{shown}");
}
