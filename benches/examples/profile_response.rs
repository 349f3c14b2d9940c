//! Reads one response in a loop, for profilers (callgrind, perf):
//! `cargo run --release -p epp-codec-benches --example profile_response -- [info|check] ITERS`,
//! or `-- pending ITERS KIB`: a response of KIB KiB of `<domain:panData>`s
//! whose paTRID ids are bound to EPP's namespace on `<epp>` alone, each
//! read (the cost of resolving a namespace bound far above).

use std::time::Instant;

use epp_codec_benches::response::{read_epp_codec, read_pending_transactions};
use epp_codec_benches::{corpus_dir, domain_check_response, pending_response};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("info", String::as_str);
    let iters: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let kib: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1024);
    let read = match which {
        "pending" => read_pending_transactions,
        _ => read_epp_codec,
    };
    let doc = match which {
        "check" => domain_check_response(1 << 20),
        "pending" => pending_response(kib << 10),
        _ => std::fs::read_to_string(corpus_dir().join("rfc/5731/005-S-s3.1.2.xml")).unwrap(),
    };
    let start = Instant::now();
    let mut sum = 0usize;
    for _ in 0..iters {
        sum += read(doc.as_bytes());
    }
    let per = start.elapsed().as_nanos() as f64 / iters as f64;
    println!("{} bytes: {per:.0} ns per read ({sum})", doc.len());
}
