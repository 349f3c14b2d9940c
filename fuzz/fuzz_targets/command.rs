//! Reading arbitrary payloads as commands: never a panic; on success the
//! payload is well-formed (roxmltree agrees), every span handed out lies
//! inside it, and every field can be read (formatting the request walks
//! every view and lazy list); on error the offset and span lie inside it.

#![no_main]

use std::fmt::Write;

use epp_codec::view::{Command, DomainCommand, read_command};
use epp_codec::xml::Span;
use libfuzzer_sys::fuzz_target;

fn inside(span: Span, len: usize) {
    assert!(
        span.start <= span.end && span.end <= len,
        "{span:?} outside 0..{len}"
    );
}

fuzz_target!(|data: &[u8]| {
    let len = data.len();
    match read_command(data) {
        Ok(request) => {
            let text = std::str::from_utf8(data).expect("a command read from non-UTF-8");
            // roxmltree refuses the `xml` prefix on an element name
            // (`<xml:a/>`), which is bound by definition; an unmodelled
            // extension may hold one.
            match roxmltree::Document::parse(text) {
                Ok(_) => {}
                Err(roxmltree::Error::UnknownNamespace(prefix, _)) if prefix == "xml" => {}
                Err(e) => panic!("a command that roxmltree finds not well-formed: {e}"),
            }
            inside(request.span(), len);
            if let Some(id) = request.cl_trid() {
                inside(id.span(), len);
            }
            for ext in request.extensions().iter() {
                inside(ext.span(), len);
                assert_eq!(ext.as_str().len(), ext.span().end - ext.span().start);
            }
            if let Command::Domain(DomainCommand::Check(check)) = request.command() {
                if let Some(span) = check.names().span() {
                    inside(span, len);
                }
                for name in check.names().iter() {
                    inside(name.span(), len);
                }
            }
            let mut out = String::new();
            let _ = write!(out, "{request:?}");
        }
        Err(e) => {
            assert!(e.offset() <= len, "offset {} past {len}", e.offset());
            if let Some(span) = e.span() {
                inside(span, len);
            }
            let _ = e.to_string();
        }
    }
});
