//! The door for extensions the crate does not type: the example
//! `registry_extension` (EURid authInfo-1.1) reads one with the crate's
//! tokenizer and writes one through `CustomExtension`; what it writes
//! reads back.

#![cfg(feature = "alloc")]

#[allow(unreachable_pub)]
#[path = "../examples/registry_extension.rs"]
mod example;

use epp_codec::view::read_command;

#[test]
fn a_registry_extension_is_read_and_written_from_outside_the_crate() {
    let written = example::demo();
    assert!(written.contains("<authInfo:cancel/>"), "{written}");
    let read = read_command(written.as_bytes()).unwrap();
    let raw = read.extensions().iter().next().unwrap();
    assert_eq!(
        example::AuthInfoRequest::read(raw).unwrap(),
        Some(example::AuthInfoRequest::Cancel)
    );
    // Layout applies to custom extensions like to any other.
    assert!(
        written.contains("\n      <authInfo:info xmlns:authInfo="),
        "{written}"
    );
}
