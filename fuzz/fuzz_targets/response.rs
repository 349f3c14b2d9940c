//! Reading arbitrary payloads as greetings or responses: never a panic. On
//! success the payload is well-formed (roxmltree agrees, but for the
//! undeclared prefixes a client tolerates), and the walker shared with
//! `tests/zero_alloc.rs` (`tests/touch/mod.rs`) reads every field: the
//! results (values, extValues and the elements inside them), the message
//! queue, every resData and extension child as every typed view the crate
//! has (domain, host and contact data, and each `view::ext` extension),
//! the greeting's service menu and data collection policy; every lazy list
//! iterated; every string unescaped. It checks that every span lies inside
//! the payload and every string and `&str` handed out points inside it (a
//! string's span exactly where its raw text is), that each string's
//! accessors agree with its unescaped value, each list's `len`, `get` and
//! `first` with its iterator, and a raw element's text and tokens with its
//! span. `Debug` formatting of the message must not panic either. On error
//! the walker reads every accessor of the error: its offset lies inside
//! the payload.

#![no_main]

use std::fmt::Write;

use epp_codec::view::read_server_message;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/touch/mod.rs"]
mod touch;

fuzz_target!(|data: &[u8]| {
    let mut touch = touch::Touch::new(data);
    match read_server_message(data) {
        Ok(message) => {
            let text = std::str::from_utf8(data).expect("a response read from non-UTF-8");
            // Responses tolerate undeclared prefixes (echoed `<value>`s);
            // roxmltree does not, and is right to refuse anything else.
            match roxmltree::Document::parse(text) {
                Ok(_) | Err(roxmltree::Error::UnknownNamespace(..)) => {}
                Err(e) => panic!("a response roxmltree refuses: {e}"),
            }
            touch.server_message(&message);
            let mut out = String::new();
            let _ = write!(out, "{message:?}");
        }
        Err(e) => touch.response_error(&e),
    }
    std::hint::black_box(touch.checksum());
});
