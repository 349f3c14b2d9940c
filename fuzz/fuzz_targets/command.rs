//! Reading arbitrary payloads as commands: never a panic. On success the
//! payload is well-formed (roxmltree agrees), and the walker shared with
//! `tests/zero_alloc.rs` (`tests/touch/mod.rs`) reads every field of the
//! request: every accessor of the command view, its domain, host or
//! contact object (postal info, addresses and statuses included), and every
//! typed extension; every lazy list iterated; every string unescaped. It
//! checks that every span lies inside the payload and every string and
//! `&str` handed out points inside it (a string's span exactly where its
//! raw text is), that each string's accessors agree with its unescaped
//! value, each list's `len`, `get` and `first` with its iterator, and a raw
//! element's text and tokens with its span. `Debug` formatting of the
//! request must not panic either. On error the walker reads every accessor
//! of the error: its offset and span lie inside the payload.

#![no_main]

use std::fmt::Write;

use epp_codec::view::read_command;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/touch/mod.rs"]
mod touch;

fuzz_target!(|data: &[u8]| {
    let mut touch = touch::Touch::new(data);
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
            touch.request(&request);
            let mut out = String::new();
            let _ = write!(out, "{request:?}");
        }
        Err(e) => touch.command_error(&e),
    }
    std::hint::black_box(touch.checksum());
});
