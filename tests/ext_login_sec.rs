//! loginSec-1.0 (RFC 8807): the RFC's logins and login responses read with
//! the extension typed, the `[LOGIN-SECURITY]` rule, redaction, and a
//! login built by hand written like the RFC's.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::{Command, Extension, Extensions, Login, Request};
use epp_codec::view::ext::{LOGIN_SECURITY, LoginSec, LoginSecEvent, UserAgent};
use epp_codec::view::{ResultCode, Str, read_command, read_response};
use epp_codec::write::{ResponseData, ResultData, Writable, WriteOptions, to_vec};

const LS: &str = "urn:ietf:params:xml:ns:epp:loginSec-1.0";

fn example(name: &str) -> String {
    std::fs::read_to_string(common::corpus_dir().join("ext/examples/8807").join(name)).unwrap()
}

#[test]
fn the_rfc_examples_read_typed() {
    let (mut commands, mut responses) = (0, 0);
    for name in [
        "001-C-s4.1.xml",
        "002-C-s4.1.xml",
        "003-C-s4.1.xml",
        "004-S-s4.1.xml",
        "005-S-s4.1.xml",
        "006-S-s4.1.xml",
    ] {
        let text = example(name);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let rox = |local: &str| {
            doc.descendants()
                .find(|n| n.tag_name().namespace() == Some(LS) && n.tag_name().name() == local)
                .map(|n| n.text().unwrap().trim().to_string())
        };
        if name.contains("-C-") {
            let request = read_command(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
            let ls = request.extensions().login_sec().unwrap();
            assert_eq!(ls.password.map(|p| p.to_string()), rox("pw"), "{name}");
            assert_eq!(
                ls.new_password.map(|p| p.to_string()),
                rox("newPW"),
                "{name}"
            );
            let ua = ls.user_agent.unwrap_or_default();
            assert_eq!(ua.app.map(|p| p.to_string()), rox("app"), "{name}");
            assert_eq!(ua.tech.map(|p| p.to_string()), rox("tech"), "{name}");
            assert_eq!(ua.os.map(|p| p.to_string()), rox("os"), "{name}");
            commands += 1;
        } else {
            let response = read_response(text.as_bytes()).unwrap();
            let events: Vec<LoginSecEvent<'_>> = response
                .extensions()
                .login_sec_events()
                .unwrap()
                .iter()
                .collect();
            let rox_events: Vec<_> = doc
                .descendants()
                .filter(|n| n.tag_name().name() == "event")
                .collect();
            assert_eq!(events.len(), rox_events.len(), "{name}");
            for (e, r) in events.iter().zip(&rox_events) {
                assert_eq!(e.event_type, r.attribute("type").unwrap());
                assert_eq!(e.level, r.attribute("level").unwrap());
                assert_eq!(
                    e.expires.map(|v| v.to_string()),
                    r.attribute("exDate").map(str::to_string)
                );
                assert_eq!(
                    e.value.map(|v| v.to_string()),
                    r.attribute("value").map(str::to_string)
                );
                assert_eq!(
                    e.duration.map(|v| v.to_string()),
                    r.attribute("duration").map(str::to_string)
                );
                assert_eq!(
                    e.name.map(|v| v.to_string()),
                    r.attribute("name").map(str::to_string)
                );
                assert_eq!(e.text.to_string(), r.text().unwrap_or("").trim());
            }
            responses += 1;
        }
    }
    assert_eq!((commands, responses), (3, 3));
}

fn login(pw: &str, ext: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><login><clID>ClientX</clID><pw>{pw}</pw>
      <options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:obj1</objURI></svcs></login>
      <extension><loginSec:loginSec xmlns:loginSec="{LS}">{ext}</loginSec:loginSec></extension><clTRID>ABC-1</clTRID></command></epp>"#
    )
}

#[test]
fn commands_are_read_strictly() {
    read_command(
        login(
            LOGIN_SECURITY,
            "<loginSec:pw>this is a long password</loginSec:pw>",
        )
        .as_bytes(),
    )
    .unwrap();
    read_command(
        login(
            "foo-BAR2",
            "<loginSec:userAgent><loginSec:os>Linux</loginSec:os></loginSec:userAgent>",
        )
        .as_bytes(),
    )
    .unwrap();
    for (pw, ext, code, element) in [
        (
            "foo-BAR2",
            "<loginSec:pw>this is a long password</loginSec:pw>",
            ResultCode::ParameterValueSyntaxError,
            "pw",
        ),
        (
            LOGIN_SECURITY,
            "<loginSec:pw>short</loginSec:pw>",
            ResultCode::ParameterValueRangeError,
            "pw",
        ),
        (
            LOGIN_SECURITY,
            "<loginSec:newPW>another long one</loginSec:newPW>",
            ResultCode::RequiredParameterMissing,
            "newPW",
        ),
        (
            LOGIN_SECURITY,
            "<loginSec:userAgent/>",
            ResultCode::RequiredParameterMissing,
            "userAgent",
        ),
        (
            LOGIN_SECURITY,
            "<loginSec:pw>long enough pw</loginSec:pw><loginSec:userAgent><loginSec:os>x</loginSec:os></loginSec:userAgent>",
            ResultCode::CommandSyntaxError,
            "userAgent",
        ),
    ] {
        let payload = login(pw, ext);
        let err = read_command(payload.as_bytes()).expect_err(ext);
        assert_eq!(
            (err.result_code(), err.element().map(|e| e.local)),
            (code, Some(element)),
            "{ext}: {err}"
        );
        assert!(err.offset() > 0, "{ext}: {err}");
    }
}

#[test]
fn a_login_built_by_hand_is_the_rfcs_and_redacts() {
    let original = example("001-C-s4.1.xml");
    let objects = [
        Str::new("urn:ietf:params:xml:ns:obj1"),
        Str::new("urn:ietf:params:xml:ns:obj2"),
        Str::new("urn:ietf:params:xml:ns:obj3"),
    ];
    let ext_uris = [Str::new("urn:ietf:params:xml:ns:epp:loginSec-1.0")];
    let ext = [Extension::LoginSec(LoginSec {
        user_agent: Some(UserAgent {
            app: Some(Str::new("EPP SDK 1.0.0")),
            tech: Some(Str::new("Vendor Java 11.0.6")),
            os: Some(Str::new("x86_64 Mac OS X 10.15.2")),
        }),
        password: Some(Str::new("this is a long password")),
        new_password: None,
    })];
    let request = Request::new(Command::Login(
        Login::new("ClientX", LOGIN_SECURITY, &objects).with_extension_uris(&ext_uris),
    ))
    .with_extensions(Extensions::from_typed(&ext))
    .with_cl_trid("ABC-12345");
    let written =
        String::from_utf8(to_vec(&request, &WriteOptions::new().indent(2)).unwrap()).unwrap();
    common::xml_equivalent(&original, &written).unwrap();
    let read = read_command(written.as_bytes()).unwrap();
    assert_eq!(
        read.extensions().login_sec().unwrap().password.unwrap(),
        "this is a long password"
    );
    let shown = request.redacted().to_string();
    assert!(!shown.contains("this is a long password"), "{shown}");
    assert!(
        shown.contains("<loginSec:pw>*****</loginSec:pw>"),
        "{shown}"
    );

    let events = [LoginSecEvent {
        event_type: Str::new("password"),
        name: None,
        level: Str::new("warning"),
        expires: Some(Str::new("2020-04-01T22:00:00.0Z")),
        value: None,
        duration: None,
        lang: Some(Str::new("en")),
        text: Str::new("Password expiring in a week"),
    }];
    let results = [ResultData::new(ResultCode::Success)];
    let ext = [Extension::LoginSecData(&events)];
    let response = ResponseData::new(&results, "54321-XYZ")
        .with_cl_trid("ABC-12345")
        .with_extensions(Extensions::from_typed(&ext));
    let written =
        String::from_utf8(to_vec(&response, &WriteOptions::new().indent(2)).unwrap()).unwrap();
    common::xml_equivalent(&example("004-S-s4.1.xml"), &written).unwrap();
}
