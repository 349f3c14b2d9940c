//! Reading responses, against instant-epp parsing the same bytes:
//!
//! - `response_domain_info`: the RFC 5731 `<domain:info>` response
//!   (`../shared/corpus/rfc/5731/005-S-s3.1.2.xml`), every field touched;
//! - `response_domain_check_1mib`: a generated ~1 MiB `<domain:chkData>`
//!   response, every name read;
//! - `response_corpus`: every response and greeting of the corpus (epp-codec
//!   only: instant-epp needs the type of each message up front).

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use epp_codec_benches::response::{
    parse_instant_epp_domain_check, parse_instant_epp_domain_info, read_epp_codec,
};
use epp_codec_benches::{corpus_dir, corpus_files, domain_check_response};

fn responses(c: &mut Criterion) {
    let info = std::fs::read_to_string(corpus_dir().join("rfc/5731/005-S-s3.1.2.xml"))
        .expect("read the RFC 5731 info response");
    let check = domain_check_response(1 << 20);
    for (group, doc, instant) in [
        (
            "response_domain_info",
            &info,
            parse_instant_epp_domain_info as fn(&str) -> usize,
        ),
        (
            "response_domain_check_1mib",
            &check,
            parse_instant_epp_domain_check,
        ),
    ] {
        assert!(read_epp_codec(doc.as_bytes()) > 0);
        assert!(instant(doc) > 0);
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_function("epp_codec", |b| b.iter(|| read_epp_codec(doc.as_bytes())));
        g.bench_function("instant_epp", |b| b.iter(|| instant(doc)));
        g.finish();
    }

    let corpus: Vec<String> = corpus_files()
        .into_iter()
        .map(|f| f.text)
        .filter(|doc| epp_codec::view::read_server_message(doc.as_bytes()).is_ok())
        .collect();
    assert!(corpus.len() >= 151, "every response and greeting reads");
    let total: usize = corpus.iter().map(String::len).sum();
    let mut g = c.benchmark_group("response_corpus");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("epp_codec", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|d| read_epp_codec(d.as_bytes()))
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = responses
}
criterion_main!(benches);
