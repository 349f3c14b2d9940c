//! Reads one message through the C ABI and takes every value out with
//! `epp_message_bulk` (or, with `packed`, reads and packs every value with
//! `epp_message_read_*_packed`), in a loop, for profilers (callgrind,
//! perf): what the Go and Python bindings' fast paths cost on the Rust side.
//!
//! ```text
//! cargo run --release -p epp-codec-ffi --example profile_bulk -- [create|info] ITERS [packed]
//! ```
//!
//! Instruction counts (`valgrind --tool=callgrind`, the difference between
//! two ITERS) are stable on a busy machine; wall time is not.

use std::time::Instant;

use epp::bulk::{EppBulk, EppCheckEntry, EppResultEntry, EppSpan, epp_message_bulk};
use epp::message::{
    EppMessage, epp_message_free, epp_message_new, epp_message_read_command,
    epp_message_read_response,
};
use epp::packed::{EppPacked, epp_message_read_command_packed, epp_message_read_response_packed};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("create", String::as_str);
    let iters: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let packed = args.get(3).is_some_and(|a| a == "packed");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let (file, command) = match which {
        "info" => ("rfc/5731/005-S-s3.1.2.xml", false),
        _ => ("rfc/5731/009-C-s3.2.1.xml", true),
    };
    let frame = std::fs::read(corpus.join(file)).expect("the corpus beside the repository");

    let mut message: *mut EppMessage = std::ptr::null_mut();
    // SAFETY: a valid out-pointer.
    assert_eq!(unsafe { epp_message_new(&mut message) } as u32, 0);
    let mut fields = [EppSpan::default(); 64];
    let mut counts = [0u32; 64];
    let mut items = [EppSpan::default(); 256];
    let mut results = [EppResultEntry::default(); 16];
    let mut checks = [EppCheckEntry::default(); 16];
    let mut text = [0u8; 4096];
    let mut table = [0u32; 256];
    let start = Instant::now();
    let mut sum = 0usize;
    for _ in 0..iters {
        if packed {
            let mut p = EppPacked {
                bulk: EppBulk {
                    fields: fields.as_mut_ptr(),
                    fields_cap: fields.len(),
                    counts: counts.as_mut_ptr(),
                    counts_cap: counts.len(),
                    items: items.as_mut_ptr(),
                    items_cap: items.len(),
                    results: results.as_mut_ptr(),
                    results_cap: results.len(),
                    checks: checks.as_mut_ptr(),
                    checks_cap: checks.len(),
                    items_len: 0,
                    results_len: 0,
                    checks_len: 0,
                },
                text: text.as_mut_ptr(),
                text_cap: text.len(),
                table: table.as_mut_ptr(),
                table_cap: table.len(),
                text_len: 0,
                table_len: 0,
            };
            // SAFETY: a live handle, a frame that outlives its use, every
            // array valid for its capacity.
            let r = unsafe {
                if command {
                    epp_message_read_command_packed(message, frame.as_ptr(), frame.len(), &mut p)
                } else {
                    epp_message_read_response_packed(message, frame.as_ptr(), frame.len(), &mut p)
                }
            };
            assert_eq!(r as u32, 0);
            sum += p.text_len;
            continue;
        }
        // SAFETY: a live handle and a frame that outlives its use.
        let read = unsafe {
            if command {
                epp_message_read_command(message, frame.as_ptr(), frame.len())
            } else {
                epp_message_read_response(message, frame.as_ptr(), frame.len())
            }
        };
        assert_eq!(read as u32, 0);
        let mut bulk = EppBulk {
            fields: fields.as_mut_ptr(),
            fields_cap: fields.len(),
            counts: counts.as_mut_ptr(),
            counts_cap: counts.len(),
            items: items.as_mut_ptr(),
            items_cap: items.len(),
            results: results.as_mut_ptr(),
            results_cap: results.len(),
            checks: checks.as_mut_ptr(),
            checks_cap: checks.len(),
            items_len: 0,
            results_len: 0,
            checks_len: 0,
        };
        // SAFETY: every array valid for its capacity.
        assert_eq!(unsafe { epp_message_bulk(message, &mut bulk) } as u32, 0);
        sum += bulk.items_len + fields.iter().map(|s| s.len as usize).sum::<usize>();
    }
    let per = start.elapsed().as_nanos() as f64 / iters as f64;
    let what = if packed {
        "read and packed"
    } else {
        "read and bulk"
    };
    println!("{which}: {per:.0} ns per {what} ({sum})");
    // SAFETY: made above, freed once.
    unsafe { epp_message_free(message) };
}
