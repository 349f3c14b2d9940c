//! Conformance: every corpus message tokenizes to the end, and every one the
//! manifest calls malformed is refused.

mod common;

use epp_codec::Limits;
use epp_codec::xml::{Token, Tokenizer};

#[test]
fn every_wellformed_corpus_message_tokenizes_to_the_end() {
    let limits = Limits::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for msg in common::corpus_messages() {
        let result = Tokenizer::from_bytes(&msg.bytes, &limits).and_then(|mut t| {
            let mut starts = 0usize;
            let mut ends = 0usize;
            while let Some(token) = t.next_token()? {
                match token {
                    Token::ElementStart(_) => starts += 1,
                    Token::ElementEnd(_) => ends += 1,
                    _ => {}
                }
            }
            Ok((starts, ends))
        });
        match (msg.wellformed, result) {
            (true, Ok((starts, ends))) => {
                assert_eq!(starts, ends, "{}", msg.path);
                assert!(starts > 0, "{}", msg.path);
            }
            (false, Err(_)) => {}
            (wf, r) => failures.push(format!("{} (wellformed={wf}): {r:?}", msg.path)),
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
