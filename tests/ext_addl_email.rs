//! addlEmail-1.0 (RFC 9873): contact create, update and info response
//! examples read typed and compared with roxmltree, strict errors in
//! commands, tolerance in responses, values built by hand and written.
//!
//! The corpus has no example file for RFC 9873 (its text was not
//! available either): the examples are written here after the RFC's
//! shape (the RFC 5733 contact examples with the extension element, as
//! the pre-publication schema defines it).

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::contact::{Change, Update};
use epp_codec::view::command::{Extension, Extensions};
use epp_codec::view::ext::AddlEmail;
use epp_codec::view::{Command, ContactCommand, Request, ResultCode, read_command, read_response};
use epp_codec::write::{WriteOptions, to_vec};

const ADDL: &str = "urn:ietf:params:xml:ns:epp:addlEmail-1.0";

const CREATE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <command>
    <create>
      <contact:create
       xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <contact:postalInfo type="int">
          <contact:name>John Doe</contact:name>
          <contact:org>Example Inc.</contact:org>
          <contact:addr>
            <contact:street>123 Example Dr.</contact:street>
            <contact:street>Suite 100</contact:street>
            <contact:city>Dulles</contact:city>
            <contact:sp>VA</contact:sp>
            <contact:pc>20166-6503</contact:pc>
            <contact:cc>US</contact:cc>
          </contact:addr>
        </contact:postalInfo>
        <contact:voice x="1234">+1.7035555555</contact:voice>
        <contact:fax>+1.7035555556</contact:fax>
        <contact:email>jdoe@example.com</contact:email>
        <contact:authInfo>
          <contact:pw>2fooBAR</contact:pw>
        </contact:authInfo>
      </contact:create>
    </create>
    <extension>
      <addlEmail:addlEmail
        xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0">
        <addlEmail:email>&#x4FE1;&#x606F;@&#x4F8B;&#x5B50;.example</addlEmail:email>
      </addlEmail:addlEmail>
    </extension>
    <clTRID>ABC-12345</clTRID>
  </command>
</epp>"#;

const CREATE_PRIMARY: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <command>
    <create>
      <contact:create
       xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <contact:postalInfo type="int">
          <contact:name>John Doe</contact:name>
          <contact:addr>
            <contact:city>Dulles</contact:city>
            <contact:cc>US</contact:cc>
          </contact:addr>
        </contact:postalInfo>
        <contact:email>jdoe@example.com</contact:email>
        <contact:authInfo>
          <contact:pw>2fooBAR</contact:pw>
        </contact:authInfo>
      </contact:create>
    </create>
    <extension>
      <addlEmail:addlEmail
        xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0">
        <addlEmail:email primary="true">info@例子.example</addlEmail:email>
      </addlEmail:addlEmail>
    </extension>
    <clTRID>ABC-12345</clTRID>
  </command>
</epp>"#;

const UPDATE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <command>
    <update>
      <contact:update
       xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <contact:chg>
          <contact:email>jdoe@example.org</contact:email>
        </contact:chg>
      </contact:update>
    </update>
    <extension>
      <addlEmail:addlEmail
        xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0">
        <addlEmail:email primary="false">info@例子.example</addlEmail:email>
      </addlEmail:addlEmail>
    </extension>
    <clTRID>ABC-12345</clTRID>
  </command>
</epp>"#;

/// An update that removes the additional address: an empty email.
const UPDATE_REMOVE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <command>
    <update>
      <contact:update
       xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <contact:chg>
          <contact:email>jdoe@example.org</contact:email>
        </contact:chg>
      </contact:update>
    </update>
    <extension>
      <addlEmail:addlEmail
        xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0">
        <addlEmail:email/>
      </addlEmail:addlEmail>
    </extension>
    <clTRID>ABC-12345</clTRID>
  </command>
</epp>"#;

const INFO_RESPONSE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <response>
    <result code="1000">
      <msg>Command completed successfully</msg>
    </result>
    <resData>
      <contact:infData
       xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <contact:roid>SH8013-REP</contact:roid>
        <contact:status s="linked"/>
        <contact:postalInfo type="int">
          <contact:name>John Doe</contact:name>
          <contact:addr>
            <contact:city>Dulles</contact:city>
            <contact:cc>US</contact:cc>
          </contact:addr>
        </contact:postalInfo>
        <contact:email>jdoe@example.com</contact:email>
        <contact:clID>ClientY</contact:clID>
        <contact:crID>ClientX</contact:crID>
        <contact:crDate>1999-04-03T22:00:00.0Z</contact:crDate>
      </contact:infData>
    </resData>
    <extension>
      <addlEmail:addlEmail
        xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0">
        <addlEmail:email primary="1">
          info@例子.example
        </addlEmail:email>
      </addlEmail:addlEmail>
    </extension>
    <trID>
      <clTRID>ABC-12345</clTRID>
      <svTRID>54322-XYZ</svTRID>
    </trID>
  </response>
</epp>"#;

const EXAMPLES: [&str; 5] = [CREATE, CREATE_PRIMARY, UPDATE, UPDATE_REMOVE, INFO_RESPONSE];

/// What roxmltree sees: the address (trimmed) and `primary`.
fn rox(xml: &str) -> (Option<String>, Option<bool>) {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let outer = doc
        .descendants()
        .find(|n| n.tag_name().namespace() == Some(ADDL) && n.tag_name().name() == "addlEmail")
        .unwrap();
    let email = outer
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "email");
    let primary = email
        .and_then(|e| e.attribute("primary"))
        .or(outer.attribute("primary"))
        .map(|p| p == "true" || p == "1");
    (
        email.map(|e| e.text().unwrap_or("").trim().to_string()),
        primary,
    )
}

fn ours(e: AddlEmail<'_>) -> (Option<String>, Option<bool>) {
    (e.email.map(|e| e.to_string()), e.primary)
}

#[test]
fn the_examples_read_typed() {
    for xml in EXAMPLES {
        let email = if let Ok(request) = read_command(xml.as_bytes()) {
            assert!(matches!(request.command(), Command::Contact(_)));
            request.extensions().addl_email()
        } else {
            read_response(xml.as_bytes())
                .unwrap()
                .extensions()
                .addl_email()
        };
        let email = email.unwrap_or_else(|| panic!("no addlEmail in {xml}"));
        assert_eq!(ours(email), rox(xml), "{xml}");
    }
    // Escaped characters are read as characters.
    let create = read_command(CREATE.as_bytes()).unwrap();
    assert_eq!(
        create
            .extensions()
            .addl_email()
            .unwrap()
            .email
            .unwrap()
            .to_string(),
        "信息@例子.example"
    );
    let removed = read_command(UPDATE_REMOVE.as_bytes()).unwrap();
    let removed = removed.extensions().addl_email().unwrap();
    assert!(removed.email.unwrap().is_empty() && !removed.is_primary());
    let info = read_response(INFO_RESPONSE.as_bytes()).unwrap();
    assert!(info.extensions().addl_email().unwrap().is_primary());
}

#[test]
fn commands_are_read_strictly() {
    let extension = |ext: &str| {
        CREATE.replace(
            r#"<addlEmail:email>&#x4FE1;&#x606F;@&#x4F8B;&#x5B50;.example</addlEmail:email>"#,
            ext,
        )
    };
    // The primary flag may stand on the outer element (as RFC 9873's text
    // may have it) instead of the email.
    let outer = CREATE.replace(
        r#"<addlEmail:addlEmail
"#,
        r#"<addlEmail:addlEmail primary="true"
"#,
    );
    let request = read_command(outer.as_bytes()).unwrap();
    assert!(request.extensions().addl_email().unwrap().is_primary());
    let both = outer.replace("<addlEmail:email>", r#"<addlEmail:email primary="false">"#);

    let update_of_host = UPDATE.replace(
        r#"<contact:update
       xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <contact:chg>
          <contact:email>jdoe@example.org</contact:email>
        </contact:chg>
      </contact:update>"#,
        r#"<host:update xmlns:host="urn:ietf:params:xml:ns:host-1.0"><host:name>ns1.example.com</host:name><host:chg><host:name>ns2.example.com</host:name></host:chg></host:update>"#,
    );
    let info = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><info><contact:info xmlns:contact="urn:ietf:params:xml:ns:contact-1.0"><contact:id>sh8013</contact:id></contact:info></info>
      <extension><addlEmail:addlEmail xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0"><addlEmail:email>a@b.example</addlEmail:email></addlEmail:addlEmail></extension></command></epp>"#;
    for (payload, code, element, attribute) in [
        (
            extension(""),
            ResultCode::RequiredParameterMissing,
            "email",
            None,
        ),
        (
            extension(r#"<addlEmail:email primary="yes">a@b.example</addlEmail:email>"#),
            ResultCode::ParameterValueSyntaxError,
            "email",
            Some("primary"),
        ),
        (
            extension(r#"<addlEmail:email kind="x">a@b.example</addlEmail:email>"#),
            ResultCode::CommandSyntaxError,
            "email",
            Some("kind"),
        ),
        (
            extension(
                r#"<addlEmail:email>a@b.example</addlEmail:email><addlEmail:email>c@d.example</addlEmail:email>"#,
            ),
            ResultCode::CommandSyntaxError,
            "email",
            None,
        ),
        (
            extension(r#"<addlEmail:email><addlEmail:x/></addlEmail:email>"#),
            ResultCode::CommandSyntaxError,
            "x",
            None,
        ),
        (
            both,
            ResultCode::CommandSyntaxError,
            "email",
            Some("primary"),
        ),
        (
            update_of_host,
            ResultCode::CommandSyntaxError,
            "addlEmail",
            None,
        ),
        (
            info.to_string(),
            ResultCode::CommandSyntaxError,
            "addlEmail",
            None,
        ),
        (
            CREATE.replace("addlEmail:addlEmail", "addlEmail:other"),
            ResultCode::CommandSyntaxError,
            "other",
            None,
        ),
    ] {
        let err = read_command(payload.as_bytes()).expect_err(&payload);
        assert_eq!(err.result_code(), code, "{payload}: {err}");
        let name = err.element().unwrap();
        assert!(name.namespace.eq_uri(ADDL), "{payload}: {err}");
        assert_eq!(name.local, element, "{payload}: {err}");
        assert_eq!(err.attribute(), attribute, "{payload}: {err}");
    }
}

#[test]
fn responses_are_read_tolerantly() {
    let odd = INFO_RESPONSE
        .replace(r#"primary="1""#, r#"primary="perhaps""#)
        .replace(
            "<addlEmail:email ",
            r#"<x:note xmlns:x="urn:example:x">foreign</x:note><addlEmail:email "#,
        );
    let response = read_response(odd.as_bytes()).unwrap();
    let email = response.extensions().addl_email().unwrap();
    assert_eq!(email.email.unwrap(), "info@例子.example");
    assert_eq!(email.primary, None);
    assert!(!email.is_primary());

    let without = INFO_RESPONSE.replace(
        r#"<addlEmail:email primary="1">
          info@例子.example
        </addlEmail:email>"#,
        "",
    );
    let response = read_response(without.as_bytes()).unwrap();
    assert_eq!(
        response.extensions().addl_email(),
        Some(AddlEmail {
            email: None,
            primary: None
        })
    );
}

#[test]
fn built_by_hand_and_written() {
    let options = WriteOptions::new().indent(2);
    for (xml, email) in [
        (CREATE, AddlEmail::new("信息@例子.example")),
        (
            CREATE_PRIMARY,
            AddlEmail::new("info@例子.example").with_primary(true),
        ),
        (
            UPDATE,
            AddlEmail::new("info@例子.example").with_primary(false),
        ),
        (UPDATE_REMOVE, AddlEmail::remove()),
    ] {
        // The contact command read back, the extension built by hand.
        let read = read_command(xml.as_bytes()).unwrap();
        let ext = [Extension::AddlEmail(email)];
        let request = Request::new(*read.command())
            .with_extensions(Extensions::from_typed(&ext))
            .with_cl_trid("ABC-12345");
        let written = String::from_utf8(to_vec(&request, &options).unwrap()).unwrap();
        common::xml_equivalent(xml, &written).unwrap_or_else(|e| panic!("{e}\n{written}"));
        let back = read_command(written.as_bytes()).unwrap();
        assert_eq!(ours(back.extensions().addl_email().unwrap()), ours(email));
    }

    // An update built entirely by hand.
    let update = Update::new("sh8013").with_change(Change::new().with_email("jdoe@example.org"));
    let ext = [Extension::AddlEmail(AddlEmail::remove())];
    let request = Request::new(Command::Contact(ContactCommand::Update(update)))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("ABC-12345");
    let written = String::from_utf8(to_vec(&request, &options).unwrap()).unwrap();
    common::xml_equivalent(UPDATE_REMOVE, &written).unwrap();
}

#[test]
fn read_then_written_back() {
    for xml in EXAMPLES {
        let written = if let Ok(request) = read_command(xml.as_bytes()) {
            to_vec(&request, &WriteOptions::default()).unwrap()
        } else {
            to_vec(
                &read_response(xml.as_bytes()).unwrap(),
                &WriteOptions::default(),
            )
            .unwrap()
        };
        common::xml_equivalent(xml, std::str::from_utf8(&written).unwrap()).unwrap();
    }
}
