//! The fuzz target `write`'s property over the corpus and mutations of it:
//! whatever reads is written; what is written reads again (commands pass
//! the strict reader) and writes again to the same bytes.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::{ServerMessage, read_command, read_server_message};
use epp_codec::write::{WriteOptions, to_vec};

/// Writes what `payload` reads as; `None` when it does not read.
fn write_back(payload: &[u8], options: &WriteOptions) -> Option<Vec<u8>> {
    if let Ok(request) = read_command(payload) {
        return Some(to_vec(&request, options).expect("a command read is written"));
    }
    let written = match read_server_message(payload).ok()? {
        ServerMessage::Greeting(g) => to_vec(&g, options),
        ServerMessage::Response(r) => to_vec(&r, options),
    };
    Some(written.expect("a response read is written"))
}

fn idempotent(path: &str, payload: &[u8]) -> bool {
    let mut any = false;
    for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
        let Some(first) = write_back(payload, &options) else {
            return false;
        };
        let second = write_back(&first, &options).unwrap_or_else(|| {
            panic!(
                "{path}: what was written does not read:\n{}",
                String::from_utf8_lossy(&first)
            )
        });
        assert_eq!(
            String::from_utf8_lossy(&first),
            String::from_utf8_lossy(&second),
            "{path}: writing what was written changed it"
        );
        any = true;
    }
    any
}

#[test]
fn writing_is_idempotent_over_the_corpus() {
    let mut checked = 0;
    for m in common::corpus_messages() {
        if idempotent(&m.path, &m.bytes) {
            checked += 1;
        } else {
            // Only the RFC examples whose elided marks a strict reader
            // refuses, and documents that are not EPP messages (a bare
            // extension, a signed mark), do not read.
            assert!(
                common::is_elided_mark_command(&m.path)
                    || matches!(m.kind.as_str(), "not-epp-root" | "bad-ns:extension"),
                "{} does not read",
                m.path
            );
        }
    }
    assert!(checked >= 285, "only {checked} messages read");
}

#[test]
fn writing_is_idempotent_over_mutated_messages() {
    let messages = common::corpus_messages();
    let mut rng = common::XorShift::new(0x5eed_57a7_e001);
    let mut checked = 0;
    for round in 0..4000 {
        let m = &messages[rng.below(messages.len())];
        let mut bytes = m.bytes.clone();
        // One small edit: a byte changed, dropped or duplicated.
        for _ in 0..=rng.below(3) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = b" <>&;/=\"'ax:-1#"[rng.below(15)],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, bytes[at]),
            }
        }
        if idempotent(&format!("{} (mutation {round})", m.path), &bytes) {
            checked += 1;
        }
    }
    assert!(checked >= 500, "only {checked} mutated messages read");
}

#[test]
fn found_by_the_fuzzer() {
    // A result code read as four digits with a leading zero is written as four.
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
      <result code="0999"><msg>x</msg></result><extension> [NAMESPACE-XML] </extension>
      <trID><svTRID>54322-XYZ</svTRID></trID></response></epp>"#;
    assert!(idempotent("code 0999", payload));
    let written = write_back(payload, &WriteOptions::new()).unwrap();
    assert!(
        String::from_utf8(written)
            .unwrap()
            .contains(r#"<result code="0999">"#)
    );
}

#[test]
fn tokens_with_markup_inside_are_trimmed_when_written() {
    // An svTRID holding elements, with white space around its text.
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
      <result code="1000"><msg>x</msg></result>
      <trID><svTRID>
        <b>54322</b>-XYZ &#x20;<!-- c -->
      </svTRID></trID></response></epp>"#;
    assert!(idempotent("svTRID with markup", payload));
    let written = String::from_utf8(write_back(payload, &WriteOptions::new()).unwrap()).unwrap();
    assert!(written.contains("<svTRID>54322-XYZ</svTRID>"), "{written}");
}
