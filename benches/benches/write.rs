//! Writing, into a reused buffer, against instant-epp's serializer:
//!
//! - `write_domain_create`: the RFC 5731 §3.2.1 `<domain:create>` command,
//!   written from the view read from the RFC's bytes and from values built
//!   by hand, unframed and framed (header reserved and patched in place);
//!   instant-epp serializing the same command from its own types;
//! - `write_domain_info_response`: the RFC 5731 §3.1.2 `<domain:info>`
//!   response written back from its view, unframed and framed.
//!
//! Throughput is counted in bytes of epp-codec's output.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use epp_codec::view::{read_command, read_response};
use epp_codec::write::{SliceSink, WriteOptions, write_framed, write_to_slice};
use epp_codec_benches::corpus_dir;
use epp_codec_benches::write::{
    instant_epp_contacts, instant_epp_create, instant_epp_hosts, serialize_instant_epp,
    with_epp_codec_create,
};

fn writes(c: &mut Criterion) {
    let options = WriteOptions::new();
    let mut buf = vec![0u8; 1 << 16];

    let create = std::fs::read(corpus_dir().join("rfc/5731/009-C-s3.2.1.xml"))
        .expect("read the RFC 5731 create command");
    let request = read_command(&create).expect("the RFC create command reads");
    let n = write_to_slice(&request, &mut buf, &options).expect("fits");
    let hosts = instant_epp_hosts();
    let contacts = instant_epp_contacts();
    let instant = instant_epp_create(&hosts, &contacts);
    assert!(serialize_instant_epp(&instant).contains("2fooBAR"));
    let mut g = c.benchmark_group("write_domain_create");
    g.throughput(Throughput::Bytes(n as u64));
    g.bench_function("epp_codec", |b| {
        b.iter(|| write_to_slice(black_box(&request), &mut buf, &options).unwrap())
    });
    g.bench_function("epp_codec_framed", |b| {
        b.iter(|| write_framed(black_box(&request), SliceSink::new(&mut buf), &options).unwrap())
    });
    with_epp_codec_create(|built| {
        assert_eq!(
            write_to_slice(built, &mut buf, &options).expect("fits"),
            n,
            "the hand-built create is the RFC's"
        );
        g.bench_function("epp_codec_built", |b| {
            b.iter(|| write_to_slice(black_box(built), &mut buf, &options).unwrap())
        });
        g.bench_function("epp_codec_built_framed", |b| {
            b.iter(|| write_framed(black_box(built), SliceSink::new(&mut buf), &options).unwrap())
        });
    });
    g.bench_function("instant_epp", |b| {
        b.iter(|| serialize_instant_epp(black_box(&instant)).len())
    });
    g.finish();

    let info = std::fs::read(corpus_dir().join("rfc/5731/005-S-s3.1.2.xml"))
        .expect("read the RFC 5731 info response");
    let response = read_response(&info).expect("the RFC info response reads");
    let n = write_to_slice(&response, &mut buf, &options).expect("fits");
    let mut g = c.benchmark_group("write_domain_info_response");
    g.throughput(Throughput::Bytes(n as u64));
    g.bench_function("epp_codec", |b| {
        b.iter(|| write_to_slice(black_box(&response), &mut buf, &options).unwrap())
    });
    g.bench_function("epp_codec_framed", |b| {
        b.iter(|| write_framed(black_box(&response), SliceSink::new(&mut buf), &options).unwrap())
    });
    g.finish();
}

criterion_group!(benches, writes);
criterion_main!(benches);
