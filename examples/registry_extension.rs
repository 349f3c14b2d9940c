//! A registry's own extension, read and written from outside the crate:
//! EURid's `authInfo-1.1` (`.eu`), which the crate does not type. A
//! registrar asks for a domain's transfer code with
//! `<authInfo:info><authInfo:request/></authInfo:info>` on a domain info (or
//! withdraws it with `<authInfo:cancel/>`); the response says until when the
//! code is valid in `<authInfo:infData><authInfo:validUntil>`. Both are done
//! here with the crate's tokenizer and writer, no fork needed.
//!
//! `cargo run --example registry_extension`

use epp_codec::Limits;
use epp_codec::view::command::{Command, Extension, Extensions, RawElement, Request};
use epp_codec::view::{DateTime, DomainCommand, read_command, read_response};
use epp_codec::write::{CustomExtension, Sink, WriteError, WriteOptions, XmlWriter, to_vec};
use epp_codec::xml::{Token, XmlError};

const AUTH_INFO: &str = "http://www.eurid.eu/xml/epp/authInfo-1.1";

/// `<authInfo:info>` of a domain info: what to do with the transfer code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthInfoRequest {
    /// `<authInfo:request/>`: create a transfer code and return it.
    Request,
    /// `<authInfo:cancel/>`: withdraw the current transfer code.
    Cancel,
}

impl AuthInfoRequest {
    /// Reads the command extension from a raw element with the crate's
    /// tokenizer (prefixes declared anywhere above it resolve).
    pub fn read(raw: RawElement<'_>) -> Result<Option<Self>, XmlError> {
        if !(raw.namespace().eq_uri(AUTH_INFO) && raw.local() == "info") {
            return Ok(None);
        }
        let mut tokens = raw.tokens(&Limits::new())?;
        while let Some(token) = tokens.next_token()? {
            if let Token::ElementStart(start) = token {
                if !start.name().namespace().eq_uri(AUTH_INFO) {
                    continue;
                }
                match start.name().local() {
                    "request" => return Ok(Some(AuthInfoRequest::Request)),
                    "cancel" => return Ok(Some(AuthInfoRequest::Cancel)),
                    _ => {}
                }
            }
        }
        Ok(None)
    }
}

impl CustomExtension for AuthInfoRequest {
    fn write_extension(&self, w: &mut XmlWriter<&mut dyn Sink>) -> Result<(), WriteError> {
        w.start("authInfo:info");
        w.namespace("authInfo", AUTH_INFO);
        w.empty(match self {
            AuthInfoRequest::Request => "authInfo:request",
            AuthInfoRequest::Cancel => "authInfo:cancel",
        });
        w.end("authInfo:info");
        Ok(())
    }
}

/// The `<authInfo:validUntil>` of a domain info response's
/// `<authInfo:infData>`, read with the tokenizer and typed with the crate's
/// RFC 3339 parser.
pub fn valid_until(raw: RawElement<'_>) -> Result<Option<DateTime>, XmlError> {
    if !(raw.namespace().eq_uri(AUTH_INFO) && raw.local() == "infData") {
        return Ok(None);
    }
    let mut tokens = raw.tokens(&Limits::new())?;
    let mut inside = false;
    while let Some(token) = tokens.next_token()? {
        match token {
            Token::ElementStart(start) => {
                inside = start.name().namespace().eq_uri(AUTH_INFO)
                    && start.name().local() == "validUntil";
            }
            Token::Text(text) if inside => return Ok(DateTime::parse(text.raw().trim())),
            _ => {}
        }
    }
    Ok(None)
}

/// Reads a domain info asking for a transfer code, writes one cancelling
/// it, and reads the validity out of a response; returns what was written.
pub fn demo() -> String {
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><info>
      <domain:info xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.eu</domain:name></domain:info></info>
      <extension><authInfo:info xmlns:authInfo="http://www.eurid.eu/xml/epp/authInfo-1.1"><authInfo:request/></authInfo:info></extension>
      <clTRID>ABC-12345</clTRID></command></epp>"#;
    let request = read_command(payload).expect("a valid info");
    let raw = request.extensions().iter().next().expect("an extension");
    let asked = AuthInfoRequest::read(raw).expect("well formed");
    assert_eq!(asked, Some(AuthInfoRequest::Request));

    let response = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>Command completed successfully</msg></result>
      <extension><authInfo:infData xmlns:authInfo="http://www.eurid.eu/xml/epp/authInfo-1.1"><authInfo:validUntil>2026-12-24T10:00:00.000Z</authInfo:validUntil></authInfo:infData></extension>
      <trID><clTRID>ABC-12345</clTRID><svTRID>eurid-488059</svTRID></trID></response></epp>"#;
    let response = read_response(response).expect("a valid response");
    let raw = response.extensions().iter().next().expect("an extension");
    let until = valid_until(raw).expect("well formed").expect("a date");
    assert_eq!(
        (until.date.year, until.date.month, until.date.day),
        (2026, 12, 24)
    );

    let Command::Domain(DomainCommand::Info(info)) = *request.command() else {
        unreachable!("an info")
    };
    let ext = [Extension::Custom(&AuthInfoRequest::Cancel)];
    let rewritten = Request::new(Command::Domain(DomainCommand::Info(info)))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("ABC-12346");
    let xml = to_vec(&rewritten, &WriteOptions::new().indent(2)).expect("writes");
    String::from_utf8(xml).expect("UTF-8")
}

#[allow(dead_code)] // the test includes this file for `demo` alone
fn main() {
    println!("{}", demo());
}
