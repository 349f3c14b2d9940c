//! Runs one extension driver in a loop, for profilers (callgrind, perf):
//! `cargo run --release -p epp-codec-benches --example profile_extensions -- [create|info] ITERS [ours|rox|read]`
//! (`read`: epp-codec's reading alone, no field touched).

use epp_codec_benches::extensions::{
    extract_epp_codec, extract_roxmltree, heavy_create_command, heavy_info_response,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("create", String::as_str);
    let iters: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let driver = args.get(3).map_or("ours", String::as_str);
    let doc = match which {
        "info" => heavy_info_response(),
        _ => heavy_create_command(),
    };
    let mut sum = 0usize;
    for _ in 0..iters {
        sum += match driver {
            "rox" => extract_roxmltree(&doc),
            "read" => match epp_codec::view::read_command(doc.as_bytes()) {
                Ok(r) => r.extensions().len(),
                Err(_) => epp_codec::view::read_response(doc.as_bytes())
                    .map(|r| r.extensions().len())
                    .unwrap_or(0),
            },
            _ => extract_epp_codec(doc.as_bytes()),
        };
    }
    println!("{sum}");
}
