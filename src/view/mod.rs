//! Typed, borrowed views of EPP messages.
//!
//! Commands are read **strictly**, as a server must ([`read_command`]): a
//! payload either gives a [`Request`] whose [`Command`] can be matched
//! exhaustively, or a [`CommandError`] carrying the EPP [`ResultCode`] to
//! answer, the element at fault and its byte offset.
//!
//! One pass checks structure (element order, presence, counts), lengths,
//! enumerations and typed values, and keeps spans; repeated children are
//! [`List`]s read lazily from the validated payload, so iterating cannot
//! fail. Strings are [`Str`]s: borrowed, unescaped lazily. Nothing allocates.

// Views are returned by value and never allocate, so a large variant cannot
// be boxed; the size is a copy of a few hundred bytes at most.
#![allow(clippy::large_enum_variant)]

pub mod command;
mod error;
pub mod ext;
mod negotiate;
mod reader;
pub mod response;
mod result_code;
pub(crate) mod scan;
mod str;
mod value;

pub use command::{
    AuthInfo, Command, ContactCommand, DomainCommand, Extensions, GeneratedPassword, HostCommand,
    Login, OtherCommand, Poll, RawElement, Request, TransferOp, Verb, read_command,
    read_command_with,
};
pub use error::{CommandError, CommandErrorKind, ElementName};
pub use negotiate::{Negotiation, check_services};
pub use response::{
    ContactData, DomainData, EppResult, ExtValue, Greeting, HostData, MessageQueue, Response,
    ResponseError, ResponseErrorKind, ServerMessage, Value, read_greeting, read_response,
    read_response_with, read_server_message, read_server_message_with,
};
pub use result_code::{ResultClass, ResultCode};
pub use scan::{List, ListItem, ListIter};
pub use str::{Chunks, Str};
pub use value::{Date, DateTime, E164, IpVersion, Period, PeriodUnit, UtcOffsetMinutes};

#[cfg(all(test, feature = "std"))]
mod fast_path_tests {
    extern crate std;

    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;
    use std::path::{Path, PathBuf};

    use super::command::read_command_with_fast_paths;
    use super::response::read_server_message_with_fast_paths;
    use crate::Limits;

    fn corpus_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("the corpus beside the repository") {
            let path = entry.expect("a readable corpus folder").path();
            if path.is_dir() {
                corpus_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "xml") {
                out.push(path);
            }
        }
    }

    /// What a leaf's value is replaced with.
    const LEAF_VALUES: &[&[u8]] = &[
        b"",
        b"x",
        b"  x  ",
        b"a&amp;b",
        b"a&#x41;b",
        b"a&bogus;b",
        b"a&#0;b",
        b"a&amp",
        b"a]]>b",
        b"a]b",
        b"a\rb",
        b"a\tb\n",
        b"a\x01b",
        "\u{e9}\u{20ac}".as_bytes(),
        b"a<!--c-->b",
        b"<![CDATA[x]]>",
        b"a<?pi x?>b",
        b"a<b>c</b>",
        b"a<b/>",
        b"a</wrong>",
        b"a</",
        b"a<",
    ];

    /// The value spans of `doc`'s leaves: a start tag's `>`, text without
    /// markup, then `</`.
    fn leaf_values(doc: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (at, &b) in doc.iter().enumerate() {
            if b != b'>' || at == 0 || matches!(doc[at - 1], b'/' | b'?' | b'-') {
                continue;
            }
            let start = at + 1;
            if let Some(len) = doc[start..].iter().position(|&c| c == b'<') {
                let end = start + len;
                if doc.get(end + 1) == Some(&b'/') && !doc[start..end].contains(&b'>') {
                    out.push((start, end));
                }
            }
        }
        out
    }

    /// What the command reader and the server-message reader make of
    /// `doc`, with the tokenizer's fast paths on, then off.
    fn both_ways(doc: &[u8], limits: &Limits) -> (String, String) {
        let read = |skip| {
            format!(
                "{:?}\n{:?}",
                read_command_with_fast_paths(doc, limits, skip),
                read_server_message_with_fast_paths(doc, limits, skip)
            )
        };
        (read(true), read(false))
    }

    /// The fast paths (layout stepped over, a leaf read in one step) change
    /// nothing the command reader or the server-message reader sees: every
    /// corpus message, every variant of it with a line feed and spaces
    /// put after one `>` or before one `<` (in a leaf's value, before an end
    /// tag, before a comment…), and every variant with one leaf's value
    /// replaced by something the one-step read must leave to the tokens (a
    /// reference, a bad reference, `]]>`, a control character, a comment,
    /// CDATA, a child, a mismatched or unclosed end tag, the end of the
    /// input), reads to the same view or the same error, offsets included.
    #[test]
    #[cfg_attr(
        miri,
        ignore = "reads the corpus from disk, which Miri's isolation forbids; the core has no unsafe code, and the plain test run covers this"
    )]
    fn fast_paths_change_no_read() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut files = Vec::new();
        corpus_files(&root, &mut files);
        assert!(files.len() > 100, "the corpus has {} messages", files.len());
        let limits = Limits::new();
        let (mut variants, mut commands, mut responses) = (0usize, 0usize, 0usize);
        let mut leaves = 0usize;
        for file in &files {
            let doc = std::fs::read(file).expect("a readable corpus message");
            let (skipped, yielded) = both_ways(&doc, &limits);
            assert_eq!(skipped, yielded, "{}", file.display());
            commands += usize::from(read_command_with_fast_paths(&doc, &limits, true).is_ok());
            responses +=
                usize::from(read_server_message_with_fast_paths(&doc, &limits, true).is_ok());
            for (at, &b) in doc.iter().enumerate() {
                let cut = match b {
                    b'>' => at + 1,
                    b'<' => at,
                    _ => continue,
                };
                for layout in [&b"\n  "[..], b"\n", b"\n    \t"] {
                    let mut variant = Vec::with_capacity(doc.len() + layout.len());
                    variant.extend_from_slice(&doc[..cut]);
                    variant.extend_from_slice(layout);
                    variant.extend_from_slice(&doc[cut..]);
                    let (skipped, yielded) = both_ways(&variant, &limits);
                    assert_eq!(skipped, yielded, "{} with layout at {cut}", file.display());
                    variants += 1;
                }
            }
            for (start, end) in leaf_values(&doc) {
                for value in LEAF_VALUES {
                    let mut variant = Vec::with_capacity(doc.len() + value.len());
                    variant.extend_from_slice(&doc[..start]);
                    variant.extend_from_slice(value);
                    variant.extend_from_slice(&doc[end..]);
                    let (fast, tokens) = both_ways(&variant, &limits);
                    assert_eq!(fast, tokens, "{} with {value:?} at {start}", file.display());
                    variants += 1;
                }
                // Cut short inside the leaf, and inside its end tag.
                for cut in [start + 1, end + 1, end + 3] {
                    if let Some(head) = doc.get(..cut) {
                        let (fast, tokens) = both_ways(head, &limits);
                        assert_eq!(fast, tokens, "{} cut at {cut}", file.display());
                        variants += 1;
                    }
                }
                leaves += 1;
            }
        }
        assert!(leaves > 2_000, "only {leaves} leaves");
        assert!(
            commands > 50,
            "only {commands} corpus messages read as commands"
        );
        assert!(responses > 50, "only {responses} read as responses");
        assert!(variants > 10_000, "only {variants} variants");
    }
}
