//! Two drivers timed in alternation, for a host whose speed moves.
//!
//! criterion times one driver after another, so on a shared VM whose
//! speed swings within seconds, the ratio between two drivers of one run
//! moves by a fifth or more. This driver runs short blocks of each in turn
//! (about 100 µs each, the order swapped every round) for many rounds,
//! and reports:
//!
//! - the ratio of the fastest blocks: noise on a shared host only ever
//!   adds time, so each driver's fastest block is closest to its own speed;
//! - the ratio of the 10th-percentile blocks, a check on the first;
//! - the median, first and third quartile of the per-round ratios, each
//!   from two blocks run back to back under the same conditions.
//!
//! It is a measuring aid beside the criterion benches (which report the
//! numbers), not a replacement for them.
//!
//! ```text
//! cargo run --profile bench -p epp-codec-benches --example interleave -- tokenize-info epp_codec xmlparser
//! cargo run --profile bench -p epp-codec-benches --example interleave -- command-create epp_codec roxmltree 5000
//! cargo run --profile bench -p epp-codec-benches --example interleave -- response-info epp_codec instant_epp
//! ```
//!
//! Arguments: the group, its two drivers, then the number of rounds
//! (default 10 000).
//!
//! | group | input | drivers |
//! |---|---|---|
//! | `tokenize-info`, `tokenize-check`, `tokenize-corpus` | the RFC 5731 info response, a 1 MiB check response, the whole corpus | the `tokenize` bench's (`TOKENIZE_DRIVERS`) |
//! | `command-create`, `command-check` | the RFC 5731 domain create, a 1 000-name check | `epp_codec`, `roxmltree`, `quick_xml` |
//! | `response-info`, `response-check` | the RFC 5731 info response, a 1 MiB check response | `epp_codec`, `instant_epp` |
//! | `tokenize-file` | the files named by `EPP_BENCH_FILES` (paths separated by `:`): your own messages (the command and response peers read only the fields of the messages above, so those groups take no files) | the `tokenize` bench's |
//!
//! ```text
//! EPP_BENCH_FILES=a.xml:b.xml cargo run --profile bench -p epp-codec-benches --example interleave -- tokenize-file epp_codec xmlparser
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use epp_codec::Limits;
use epp_codec_benches::{
    TOKENIZE_DRIVERS, command, corpus_files, domain_check_response, response,
    rfc5731_create_command, rfc5731_info_response,
};

/// One driver: reads every input once, returns a count to keep it honest.
type Driver = Box<dyn Fn() -> usize>;

/// The inputs of a group and the bytes they add up to.
struct Inputs {
    docs: Vec<String>,
    bytes: usize,
}

impl Inputs {
    fn new(docs: Vec<String>) -> Inputs {
        let bytes = docs.iter().map(String::len).sum();
        Inputs { docs, bytes }
    }
}

fn inputs(group: &str) -> Inputs {
    Inputs::new(match group {
        "tokenize-info" | "response-info" => vec![rfc5731_info_response().text],
        "tokenize-check" | "response-check" => vec![domain_check_response(1 << 20)],
        "tokenize-corpus" => corpus_files().into_iter().map(|f| f.text).collect(),
        "command-create" => vec![rfc5731_create_command()],
        "command-check" => vec![command::domain_check_command(1000)],
        "tokenize-file" => files_from_env(),
        other => panic!("unknown group {other:?} (see the example's documentation)"),
    })
}

/// The messages named by `EPP_BENCH_FILES`, for `tokenize-file`.
fn files_from_env() -> Vec<String> {
    let Ok(paths) = std::env::var("EPP_BENCH_FILES") else {
        panic!("tokenize-file reads the files named by EPP_BENCH_FILES (paths separated by ':')");
    };
    let docs: Vec<String> = paths
        .split(':')
        .filter(|p| !p.is_empty())
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}")))
        .collect();
    assert!(!docs.is_empty(), "EPP_BENCH_FILES names no file");
    docs
}

fn driver(group: &str, name: &str, docs: &'static [String]) -> Driver {
    /// `read` run over every document.
    fn each(docs: &'static [String], read: impl Fn(&str) -> usize + 'static) -> Driver {
        Box::new(move || docs.iter().map(|d| read(black_box(d))).sum())
    }
    match (group.split('-').next().unwrap_or(""), name) {
        ("tokenize", _) => {
            let Some(&(_, run)) = TOKENIZE_DRIVERS.iter().find(|(n, _)| *n == name) else {
                panic!("unknown tokenizer {name:?}");
            };
            let limits = Limits::new();
            each(docs, move |d| run(d, &limits))
        }
        ("command", "epp_codec") => each(docs, |d| command::extract_epp_codec(d.as_bytes())),
        ("command", "roxmltree") => each(docs, command::extract_roxmltree),
        ("command", "quick_xml") => each(docs, command::extract_quick_xml),
        ("response", "epp_codec") => each(docs, |d| response::read_epp_codec(d.as_bytes())),
        ("response", "instant_epp") if group == "response-info" => {
            each(docs, response::parse_instant_epp_domain_info)
        }
        ("response", "instant_epp") => each(docs, response::parse_instant_epp_domain_check),
        _ => panic!("unknown driver {name:?} for {group:?}"),
    }
}

/// The time of one block of `reps` runs of `run`.
fn time_block(run: &Driver, reps: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..reps {
        black_box(run());
    }
    start.elapsed().as_secs_f64()
}

/// The value at fraction `p` of the sorted `values`.
fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    values[((values.len() - 1) as f64 * p) as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(group), Some(a_name), Some(b_name)) = (args.get(1), args.get(2), args.get(3)) else {
        panic!(
            "usage: interleave GROUP DRIVER_A DRIVER_B [ROUNDS] (see the example's documentation)"
        );
    };
    let rounds: usize = args.get(4).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let Inputs { docs, bytes } = inputs(group);
    let docs: &'static [String] = Vec::leak(docs);
    let (a, b) = (driver(group, a_name, docs), driver(group, b_name, docs));

    // A block of about 100 µs of the faster driver: long enough for the
    // clock, short enough that most blocks escape the host's pauses.
    let warm_up = Instant::now();
    let mut reps_in_warm_up = 0;
    while warm_up.elapsed() < Duration::from_millis(200) {
        black_box(a());
        black_box(b());
        reps_in_warm_up += 1;
    }
    let per_pair = warm_up.elapsed().as_secs_f64() / reps_in_warm_up as f64;
    let reps = ((100e-6 / (per_pair / 2.0)) as usize).max(1);

    let (mut times_a, mut times_b) = (Vec::with_capacity(rounds), Vec::with_capacity(rounds));
    for round in 0..rounds {
        if round % 2 == 0 {
            times_a.push(time_block(&a, reps));
            times_b.push(time_block(&b, reps));
        } else {
            times_b.push(time_block(&b, reps));
            times_a.push(time_block(&a, reps));
        }
    }
    let mut ratios: Vec<f64> = times_a
        .iter()
        .zip(&times_b)
        .map(|(ta, tb)| tb / ta)
        .collect();
    let mib_per_s = |t: f64| (bytes * reps) as f64 / t / (1024.0 * 1024.0);
    let (fastest_a, fastest_b) = (percentile(&mut times_a, 0.0), percentile(&mut times_b, 0.0));
    let (p10_a, p10_b) = (percentile(&mut times_a, 0.1), percentile(&mut times_b, 0.1));
    println!(
        "{group}: {a_name} vs {b_name}, {rounds} rounds of {reps} runs over {bytes} bytes\n  \
         fastest blocks:     {:8.1} vs {:8.1} MiB/s  {:.2}x\n  \
         10th percentile:    {:8.1} vs {:8.1} MiB/s  {:.2}x\n  \
         per-round ratio:    median {:.2}x (quartiles {:.2}x, {:.2}x)",
        mib_per_s(fastest_a),
        mib_per_s(fastest_b),
        fastest_b / fastest_a,
        mib_per_s(p10_a),
        mib_per_s(p10_b),
        p10_b / p10_a,
        percentile(&mut ratios, 0.5),
        percentile(&mut ratios, 0.25),
        percentile(&mut ratios, 0.75),
    );
}
