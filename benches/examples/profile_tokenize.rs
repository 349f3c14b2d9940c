//! A driver for profilers (`valgrind --tool=callgrind`, `perf record`):
//! tokenizes one input many times with one tokenizer.
//!
//! ```text
//! cargo build --profile bench -p epp-codec-benches --example profile_tokenize
//! valgrind --tool=callgrind target/release/examples/profile_tokenize epp_codec info 2000
//! ```
//!
//! Arguments: tokenizer (`epp_codec`, `xmlparser`, `xmlparser_ns`,
//! `quick_xml`, `roxmltree`, `epp_codec_by_value` / `xmlparser_by_value`,
//! and `epp_codec_fields` / `xmlparser_fields`,
//! which read a few fields of each token instead of `black_box`ing it), input (`info`, `check`, `corpus`), iterations.

use std::hint::black_box;

use epp_codec::Limits;
use epp_codec_benches::{
    TOKENIZE_DRIVERS, TokenizeDriver, corpus_files, domain_check_response, rfc5731_info_response,
    tokenize_epp_codec_fields, tokenize_xmlparser_fields,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("epp_codec", String::as_str);
    let input = args.get(2).map_or("info", String::as_str);
    let iterations: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let docs: Vec<String> = match input {
        "info" => vec![rfc5731_info_response().text],
        "check" => vec![domain_check_response(1024 * 1024)],
        "corpus" => corpus_files().into_iter().map(|f| f.text).collect(),
        other => panic!("unknown input {other:?}: info, check or corpus"),
    };
    let limits = Limits::new();
    let run: TokenizeDriver = match which {
        "epp_codec_fields" => tokenize_epp_codec_fields,
        "xmlparser_fields" => |d, _| tokenize_xmlparser_fields(d),
        other => match TOKENIZE_DRIVERS.iter().find(|(name, _)| *name == other) {
            Some(&(_, run)) => run,
            None => panic!("unknown tokenizer {other:?}"),
        },
    };
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..iterations {
        for d in &docs {
            n += run(black_box(d), &limits);
        }
    }
    let elapsed = start.elapsed();
    let bytes: usize = docs.iter().map(String::len).sum::<usize>() * iterations;
    eprintln!(
        "{which} on {input}: {n} tokens, {:.1} MiB/s",
        bytes as f64 / elapsed.as_secs_f64() / (1024.0 * 1024.0)
    );
}
