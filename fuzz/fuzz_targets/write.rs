//! Writing whatever reads: a command or response read from arbitrary bytes
//! is written (compact and indented, plain, framed and redacted) without a
//! panic; what is written reads again (a written command passes the strict
//! reader) and writes again to the same bytes; a buffer one byte short
//! says exactly how much was needed.

#![no_main]

use epp_codec::view::{ServerMessage, read_command, read_server_message};
use epp_codec::write::{Writable, WriteError, WriteOptions, to_vec, write_framed, write_to_slice};
use libfuzzer_sys::fuzz_target;

fn check<M: Writable>(message: &M, reread: impl Fn(&[u8], &WriteOptions) -> Vec<u8>) {
    for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
        let first = match to_vec(message, &options) {
            Ok(bytes) => bytes,
            // Only raw content that cannot be written back (a value read
            // with a character reference to a forbidden character) fails.
            Err(WriteError::ForbiddenCharacter { .. } | WriteError::InvalidRaw) => return,
            Err(e) => panic!("a message read could not be written: {e}"),
        };
        let second = reread(&first, &options);
        assert_eq!(
            String::from_utf8_lossy(&first),
            String::from_utf8_lossy(&second),
            "writing what was written changed it"
        );
        let mut framed = Vec::new();
        let n = write_framed(message, &mut framed, &options).expect("framed");
        assert_eq!(&framed[4..n], &first[..]);
        if !first.is_empty() {
            let mut short = vec![0u8; first.len() - 1];
            assert_eq!(
                write_to_slice(message, &mut short, &options),
                Err(WriteError::BufferTooSmall {
                    needed: first.len()
                })
            );
        }
    }
    let _ = message.redacted().to_string();
}

fuzz_target!(|data: &[u8]| {
    if let Ok(request) = read_command(data) {
        check(&request, |written, options| {
            let again = read_command(written).unwrap_or_else(|e| {
                panic!(
                    "a written command does not read: {e}\n{}",
                    String::from_utf8_lossy(written)
                )
            });
            to_vec(&again, options).expect("rewrite")
        });
    } else if let Ok(message) = read_server_message(data) {
        let reread = |written: &[u8], options: &WriteOptions| {
            match read_server_message(written).expect("a written response reads") {
                ServerMessage::Greeting(g) => to_vec(&g, options),
                ServerMessage::Response(r) => to_vec(&r, options),
            }
            .expect("rewrite")
        };
        match message {
            ServerMessage::Greeting(g) => check(&g, reread),
            ServerMessage::Response(r) => check(&r, reread),
        }
    }
});
