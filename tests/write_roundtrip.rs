//! Round trip over the corpus: every message that reads, written back,
//! is the same document as XML (names, attributes, text), checked with
//! roxmltree; framed and unframed, compact and indented.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::{ServerMessage, read_command, read_server_message};
use epp_codec::write::{Writable, WriteOptions, to_vec, write_framed};

fn options() -> [WriteOptions; 2] {
    [WriteOptions::new(), WriteOptions::new().indent(2)]
}

fn check<M: Writable>(path: &str, original: &str, message: &M, failures: &mut Vec<String>) {
    for options in options() {
        let written = match to_vec(message, &options) {
            Ok(w) => w,
            Err(e) => {
                failures.push(format!("{path}: write failed: {e}"));
                return;
            }
        };
        let written = String::from_utf8(written).expect("UTF-8 output");
        if let Err(diff) = common::xml_equivalent(original, &written) {
            failures.push(format!("{path}: {diff}\n--- written:\n{written}"));
            return;
        }
        // Framed: the header says the length, the payload is the same.
        let mut framed = Vec::new();
        let n = write_framed(message, &mut framed, &options).unwrap();
        assert_eq!(n, framed.len());
        assert_eq!(
            u32::from_be_bytes(framed[..4].try_into().unwrap()) as usize,
            n
        );
        assert_eq!(
            &framed[4..],
            written.as_bytes(),
            "{path}: framed payload differs"
        );
    }
}

#[test]
fn every_corpus_command_round_trips() {
    let mut read = 0;
    let mut failures = Vec::new();
    for m in common::corpus_messages() {
        let Ok(request) = read_command(&m.bytes) else {
            continue;
        };
        read += 1;
        let original = std::str::from_utf8(&m.bytes).unwrap();
        check(&m.path, original, &request, &mut failures);
    }
    assert!(read >= 60, "only {read} corpus commands read");
    assert!(
        failures.is_empty(),
        "{} of {read} commands differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_corpus_response_and_greeting_round_trips() {
    let mut read = 0;
    let mut failures = Vec::new();
    for m in common::corpus_messages() {
        let Ok(message) = read_server_message(&m.bytes) else {
            continue;
        };
        read += 1;
        let original = std::str::from_utf8(&m.bytes).unwrap();
        match message {
            ServerMessage::Greeting(g) => check(&m.path, original, &g, &mut failures),
            ServerMessage::Response(r) => check(&m.path, original, &r, &mut failures),
        }
    }
    assert!(read >= 100, "only {read} corpus responses read");
    assert!(
        failures.is_empty(),
        "{} of {read} responses differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
