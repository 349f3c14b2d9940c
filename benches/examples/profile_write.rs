//! Writes one message in a loop, for profilers (callgrind, perf) and a quick
//! time per write: `cargo run --release -p epp-codec-benches --example
//! profile_write -- [create|built|info|login] ITERS`.

use std::time::Instant;

use epp_codec::view::{read_command, read_response};
use epp_codec::write::{Writable, WriteOptions, write_to_slice};
use epp_codec_benches::corpus_dir;

fn run<M: Writable>(message: &M, iters: usize) {
    let mut buf = vec![0u8; 1 << 16];
    let options = WriteOptions::new();
    let n = write_to_slice(message, &mut buf, &options).expect("writes");
    let start = Instant::now();
    let mut sum = 0usize;
    for _ in 0..iters {
        sum += write_to_slice(std::hint::black_box(message), &mut buf, &options).unwrap();
    }
    let per = start.elapsed().as_nanos() as f64 / iters as f64;
    println!(
        "{n} bytes: {per:.0} ns per write, {:.0} MiB/s ({sum})",
        n as f64 / per * 1e9 / 1048576.0
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("create", String::as_str);
    let iters: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let file = match which {
        "info" => "rfc/5731/005-S-s3.1.2.xml",
        "login" => "rfc/5730/013-C-s2.9.1.1.xml",
        _ => "rfc/5731/009-C-s3.2.1.xml",
    };
    let bytes = std::fs::read(corpus_dir().join(file)).expect("corpus file");
    if which == "built" {
        epp_codec_benches::write::with_epp_codec_create(|request| run(request, iters));
        return;
    }
    if which == "info" {
        run(&read_response(&bytes).expect("reads"), iters);
    } else {
        run(&read_command(&bytes).expect("reads"), iters);
    }
}
