//! A registry's own extension, read and written from outside the crate:
//! Verisign's `namestoreExt` (the sub-product a `.com`/`.net` command is
//! for), with the crate's tokenizer and writer, no fork needed.
//!
//! `cargo run --example registry_extension`

use epp_codec::Limits;
use epp_codec::view::command::{Command, Extension, Extensions, RawElement, Request};
use epp_codec::view::{DomainCommand, read_command};
use epp_codec::write::{CustomExtension, Sink, WriteError, WriteOptions, XmlWriter, to_vec};
use epp_codec::xml::{Token, XmlError};

const NAMESTORE: &str = "http://www.verisign-grs.com/epp/namestoreExt-1.1";

/// `<namestoreExt:namestoreExt><namestoreExt:subProduct>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Namestore<'a> {
    /// `com`, `net`, …
    pub sub_product: &'a str,
}

impl<'a> Namestore<'a> {
    /// Reads the extension from a raw element, with the crate's tokenizer
    /// (prefixes declared anywhere above it resolve).
    pub fn read(raw: RawElement<'a>) -> Result<Option<Self>, XmlError> {
        if !(raw.namespace().eq_uri(NAMESTORE) && raw.local() == "namestoreExt") {
            return Ok(None);
        }
        let mut tokens = raw.tokens(&Limits::new())?;
        let depth = tokens.depth();
        let mut in_sub_product = false;
        while let Some(token) = tokens.next_token()? {
            match token {
                Token::ElementStart(start) => {
                    in_sub_product = start.name().namespace().eq_uri(NAMESTORE)
                        && start.name().local() == "subProduct";
                }
                Token::Text(text) if in_sub_product => {
                    return Ok(Some(Namestore {
                        sub_product: text.raw().trim(),
                    }));
                }
                Token::ElementEnd(_) if tokens.depth() == depth => break,
                _ => {}
            }
        }
        Ok(None)
    }
}

impl CustomExtension for Namestore<'_> {
    fn write_extension(&self, w: &mut XmlWriter<&mut dyn Sink>) -> Result<(), WriteError> {
        w.start("namestoreExt:namestoreExt");
        w.namespace("namestoreExt", NAMESTORE);
        w.leaf_text("namestoreExt:subProduct", self.sub_product)?;
        w.end("namestoreExt:namestoreExt");
        Ok(())
    }
}

/// Reads a check carrying the extension, then writes the same check for
/// `.net`; returns what was written.
pub fn demo() -> String {
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>
      <domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:check></check>
      <extension><namestoreExt xmlns="http://www.verisign-grs.com/epp/namestoreExt-1.1"><subProduct>com</subProduct></namestoreExt></extension>
      <clTRID>ABC-12345</clTRID></command></epp>"#;
    let request = read_command(payload).expect("a valid check");
    let raw = request.extensions().iter().next().expect("an extension");
    let namestore = Namestore::read(raw)
        .expect("well formed")
        .expect("namestoreExt");
    assert_eq!(namestore.sub_product, "com");

    let Command::Domain(DomainCommand::Check(check)) = *request.command() else {
        unreachable!("a check")
    };
    let ext = [Extension::Custom(&Namestore { sub_product: "net" })];
    let rewritten = Request::new(Command::Domain(DomainCommand::Check(check)))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("ABC-12346");
    let xml = to_vec(&rewritten, &WriteOptions::new().indent(2)).expect("writes");
    String::from_utf8(xml).expect("UTF-8")
}

#[allow(dead_code)] // the test includes this file for `demo` alone
fn main() {
    println!("{}", demo());
}
