//! The XML tokenizer against its peers, one criterion group per input:
//!
//! - `tokenize_rfc5731_info`: the RFC 5731 `<domain:info>` response;
//! - `tokenize_check_1mib`: a generated ~1 MiB `<domain:check>` response;
//! - `tokenize_corpus`: every message of `../shared/corpus/MANIFEST.tsv`,
//!   each tokenized separately per iteration.
//!
//! In each group: `epp_codec` (namespaces resolved, well-formedness checked,
//! attributes of every start tag read), `xmlparser` (no namespaces),
//! `xmlparser_ns` (xmlparser plus a minimal namespace stack, the fair
//! comparison), `quick_xml` (`NsReader`, borrowed events), `roxmltree`
//! (builds a tree: the slow reference) and a `memcpy` floor. Every token
//! goes to `black_box` by reference, where the tokenizer returned it;
//! `epp_codec_by_value` and `xmlparser_by_value` hand them over by value,
//! which adds a copy of every token out of the return slot (see
//! `tokenize_epp_codec_by_value`).
//! The drivers live in `epp_codec_benches` (benches/lib.rs).

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use epp_codec::Limits;
use epp_codec_benches::{
    TOKENIZE_DRIVERS, corpus_files, domain_check_response, memcpy, rfc5731_info_response,
    tokenize_epp_codec, tokenize_epp_codec_by_value, tokenize_xmlparser,
    tokenize_xmlparser_by_value,
};

/// Benches every tokenizer over `docs` (each document tokenized separately).
fn bench_input(c: &mut Criterion, group: &str, docs: &[&str]) {
    let limits = Limits::new();
    let total: usize = docs.iter().map(|d| d.len()).sum();
    let longest = docs.iter().map(|d| d.len()).max().unwrap_or(0);
    // Every driver must accept every document, or it would be timed on less
    // work; and each by-value driver must count what its twin counts.
    for d in docs {
        for (_, run) in TOKENIZE_DRIVERS {
            run(d, &limits);
        }
        assert_eq!(
            tokenize_epp_codec(d, &limits),
            tokenize_epp_codec_by_value(d, &limits)
        );
        assert_eq!(tokenize_xmlparser(d), tokenize_xmlparser_by_value(d));
    }

    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(total as u64));
    for (name, run) in TOKENIZE_DRIVERS {
        g.bench_function(name, |b| {
            b.iter(|| docs.iter().map(|d| run(d, &limits)).sum::<usize>())
        });
    }
    let mut dst = vec![0u8; longest];
    g.bench_function("memcpy", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| memcpy(d.as_bytes(), &mut dst))
                .sum::<usize>()
        })
    });
    g.finish();
}

fn bench_rfc5731_info(c: &mut Criterion) {
    let info = rfc5731_info_response();
    eprintln!(
        "tokenize_rfc5731_info: {} ({} bytes)",
        info.path,
        info.text.len()
    );
    bench_input(c, "tokenize_rfc5731_info", &[&info.text]);
}

fn bench_check_1mib(c: &mut Criterion) {
    let check = domain_check_response(1024 * 1024);
    bench_input(c, "tokenize_check_1mib", &[&check]);
}

fn bench_corpus(c: &mut Criterion) {
    let files = corpus_files();
    let docs: Vec<&str> = files.iter().map(|f| f.text.as_str()).collect();
    eprintln!(
        "tokenize_corpus: {} files, {} bytes",
        docs.len(),
        docs.iter().map(|d| d.len()).sum::<usize>()
    );
    bench_input(c, "tokenize_corpus", &docs);
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_rfc5731_info, bench_check_1mib, bench_corpus
}
criterion_main!(benches);
