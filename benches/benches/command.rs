//! Reading commands, against the same extraction done with the peers:
//!
//! - `command_domain_create`: the RFC 5731 `<domain:create>` command
//!   (`../shared/corpus/rfc/5731/009-C-s3.2.1.xml`), every field touched;
//! - `command_domain_check_1000`: a `<domain:check>` of 1 000 names, every
//!   name read.
//!
//! `epp_codec` validates the command strictly (order, counts, lengths,
//! typed values) and then reads every field through the views; `roxmltree`
//! builds a tree and walks it; `quick_xml` streams `NsReader` events with
//! namespace resolution. The peers validate nothing beyond well-formedness.

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use epp_codec_benches::command::{
    domain_check_command, extract_epp_codec, extract_quick_xml, extract_roxmltree,
};
use epp_codec_benches::rfc5731_create_command;

fn bench_command(c: &mut Criterion, group: &str, doc: &str) {
    // The three drivers must agree on what they extracted.
    let ours = extract_epp_codec(doc.as_bytes());
    assert_eq!(
        ours,
        extract_roxmltree(doc),
        "roxmltree extracted something else"
    );
    assert_eq!(
        ours,
        extract_quick_xml(doc),
        "quick-xml extracted something else"
    );

    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.bench_function("epp_codec", |b| {
        b.iter(|| extract_epp_codec(doc.as_bytes()))
    });
    g.bench_function("roxmltree", |b| b.iter(|| extract_roxmltree(doc)));
    g.bench_function("quick_xml", |b| b.iter(|| extract_quick_xml(doc)));
    g.finish();
}

fn commands(c: &mut Criterion) {
    let create = rfc5731_create_command();
    bench_command(c, "command_domain_create", &create);
    bench_command(c, "command_domain_check_1000", &domain_check_command(1000));
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = commands
}
criterion_main!(benches);
