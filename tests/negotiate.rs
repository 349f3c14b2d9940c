//! Login negotiation: a client builds `<svcs>` from the greeting of every
//! corpus greeting; a server refuses services it does not offer with 2307
//! or 2103, naming the URI.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::{Command, Login, Request};
use epp_codec::view::{
    Negotiation, ResultCode, ServerMessage, check_services, read_command, read_server_message,
};
use epp_codec::write::{WriteOptions, to_vec};

const WANTED_OBJECTS: [&str; 3] = [
    "urn:ietf:params:xml:ns:domain-1.0",
    "urn:ietf:params:xml:ns:contact-1.0",
    "urn:example:none-1.0",
];
const WANTED_EXTENSIONS: [&str; 2] = ["urn:ietf:params:xml:ns:secDNS-1.1", "urn:example:ext-1.0"];

#[test]
fn every_corpus_greeting_negotiates_a_login_the_server_accepts() {
    let (mut greetings, mut logins) = (0, 0);
    for m in common::corpus_messages() {
        let Ok(ServerMessage::Greeting(greeting)) = read_server_message(&m.bytes) else {
            continue;
        };
        greetings += 1;
        let n: Negotiation<'_, 8> =
            Negotiation::new(&greeting, &WANTED_OBJECTS, &WANTED_EXTENSIONS);
        // Every wanted URI lands in exactly one list, according to the menu.
        for uri in WANTED_OBJECTS {
            let offered = greeting.object_uris().iter().any(|o| o.eq_str(uri));
            assert_eq!(
                n.objects.iter().any(|o| o.eq_str(uri)),
                offered,
                "{}: {uri}",
                m.path
            );
            assert_eq!(
                n.missing_objects.iter().any(|o| o.eq_str(uri)),
                !offered,
                "{}: {uri}",
                m.path
            );
        }
        for uri in WANTED_EXTENSIONS {
            let offered = greeting.extension_uris().iter().any(|o| o.eq_str(uri));
            assert_eq!(
                n.extensions.iter().any(|o| o.eq_str(uri)),
                offered,
                "{}: {uri}",
                m.path
            );
        }
        assert_eq!(n.overflowed, 0);
        if n.objects.is_empty() {
            continue;
        }
        // The login built from it passes the server's check against that menu.
        let login =
            Login::new("ClientX", "foo-BAR2", &n.objects).with_extension_uris(&n.extensions);
        let xml = to_vec(
            &Request::new(Command::Login(login)).with_cl_trid("ABC-1"),
            &WriteOptions::new(),
        )
        .unwrap();
        let read = read_command(&xml).unwrap();
        let Command::Login(l) = read.command() else {
            panic!()
        };
        let menu_objects: Vec<String> = greeting
            .object_uris()
            .iter()
            .map(|s| s.to_string())
            .collect();
        let menu_extensions: Vec<String> = greeting
            .extension_uris()
            .iter()
            .map(|s| s.to_string())
            .collect();
        let objects: Vec<&str> = menu_objects.iter().map(String::as_str).collect();
        let extensions: Vec<&str> = menu_extensions.iter().map(String::as_str).collect();
        check_services(l, &objects, &extensions).unwrap_or_else(|e| panic!("{}: {e}", m.path));
        logins += 1;
    }
    assert!(
        greetings >= 2 && logins >= 1,
        "{greetings} greetings, {logins} logins"
    );
}

#[test]
fn a_server_refuses_what_it_does_not_offer() {
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><login><clID>ClientX</clID><pw>foo-BAR2</pw>
      <options><version>1.0</version><lang>en</lang></options><svcs>
      <objURI>urn:ietf:params:xml:ns:domain-1.0</objURI><objURI>urn:ietf:params:xml:ns:host-1.0</objURI>
      <svcExtension><extURI>urn:ietf:params:xml:ns:rgp-1.0</extURI></svcExtension></svcs></login></command></epp>"#;
    let request = read_command(payload).unwrap();
    let Command::Login(login) = request.command() else {
        panic!()
    };
    let text = std::str::from_utf8(payload).unwrap();
    let err = check_services(
        login,
        &["urn:ietf:params:xml:ns:domain-1.0"],
        &["urn:ietf:params:xml:ns:rgp-1.0"],
    )
    .unwrap_err();
    assert_eq!(err.result_code(), ResultCode::UnimplementedObjectService);
    assert_eq!(
        err.offset(),
        text.find("urn:ietf:params:xml:ns:host-1.0").unwrap()
    );
    let err = check_services(
        login,
        &[
            "urn:ietf:params:xml:ns:domain-1.0",
            "urn:ietf:params:xml:ns:host-1.0",
        ],
        &[],
    )
    .unwrap_err();
    assert_eq!(err.result_code(), ResultCode::UnimplementedExtension);
    assert_eq!(err.element().unwrap().local, "extURI");
    assert!(
        check_services(
            login,
            &[
                "urn:ietf:params:xml:ns:domain-1.0",
                "urn:ietf:params:xml:ns:host-1.0"
            ],
            &["urn:ietf:params:xml:ns:rgp-1.0"]
        )
        .is_ok()
    );
}
