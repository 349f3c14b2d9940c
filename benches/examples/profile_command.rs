//! Runs one command-reading driver in a loop, for profilers (callgrind, perf):
//! `cargo run --release -p epp-codec-benches --example profile_command -- [create|check] ITERS [ours|rox|quick]`.

use epp_codec_benches::command::{
    domain_check_command, extract_epp_codec, extract_quick_xml, extract_roxmltree,
};
use epp_codec_benches::rfc5731_create_command;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("create", String::as_str);
    let iters: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let driver = args.get(3).map_or("ours", String::as_str);
    let doc = match which {
        "check" => domain_check_command(1000),
        _ => rfc5731_create_command(),
    };
    let mut sum = 0usize;
    for _ in 0..iters {
        sum += match driver {
            "rox" => extract_roxmltree(&doc),
            "quick" => extract_quick_xml(&doc),
            _ => extract_epp_codec(doc.as_bytes()),
        };
    }
    println!("{sum}");
}
