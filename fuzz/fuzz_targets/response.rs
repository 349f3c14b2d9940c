//! Reading arbitrary payloads as greetings or responses: never a panic; on
//! success the payload is well-formed (roxmltree agrees, but for the
//! undeclared prefixes a client tolerates), every span lies
//! inside it and every field can be read; on error the offset lies inside.

#![no_main]

use epp_codec::view::{ServerMessage, read_server_message};
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
    match read_server_message(data) {
        Ok(message) => {
            let text = std::str::from_utf8(data).expect("a response read from non-UTF-8");
            // Responses tolerate undeclared prefixes (echoed `<value>`s);
            // roxmltree does not, and is right to refuse anything else.
            match roxmltree::Document::parse(text) {
                Ok(_) | Err(roxmltree::Error::UnknownNamespace(..)) => {}
                Err(e) => panic!("a response roxmltree refuses: {e}"),
            }
            match message {
                ServerMessage::Response(r) => {
                    inside(r.span(), len);
                    inside(r.sv_trid().span(), len);
                    for result in r.results().iter() {
                        inside(result.span(), len);
                        let _ = (result.code(), result.message().map(|m| m.to_string()));
                        for v in result.values().iter() {
                            inside(v.span(), len);
                            let _ = v.content().len();
                        }
                        for e in result.ext_values().iter() {
                            inside(e.span(), len);
                            let _ = (e.reason().map(|r| r.to_string()), e.value());
                        }
                    }
                    if let Some(q) = r.message_queue() {
                        let _ = (q.count(), q.id(), q.date(), q.message(), q.message_text());
                    }
                    for e in r.res_data().iter().chain(r.extensions().iter()) {
                        inside(e.span(), len);
                        let _ = e.namespace();
                    }
                }
                ServerMessage::Greeting(g) => {
                    inside(g.span(), len);
                    let _ = (g.server_id(), g.server_date());
                    let _ = format!(
                        "{:?}{:?}{:?}",
                        g.versions(),
                        g.object_uris(),
                        g.extension_uris()
                    );
                    if let Some(dcp) = g.dcp() {
                        let _ = (dcp.access(), dcp.expiry());
                        for s in dcp.statements().iter() {
                            let _ = (s.purposes(), s.recipients(), s.retention());
                            let _ = format!("{:?}", s.our_recipients());
                            let _ = s.our_recipient_descriptions().count();
                        }
                    }
                }
            }
        }
        Err(e) => {
            assert!(e.offset() <= len);
            let _ = e.to_string();
        }
    }
});
