//! Extension-heavy messages, read and written:
//!
//! - `ext_domain_create`: RFC 5731's domain create carrying secDNS-1.1 (two
//!   DS records with keys), fee-1.0 (two fees) and launch-1.0 (a code and
//!   RFC 7848's full mark): read strictly with every extension field
//!   touched, against roxmltree walking the same fields; and written back
//!   from the view into a buffer;
//! - `ext_domain_info_response`: RFC 5731's domain info response carrying
//!   secDNS-1.1, rgp-1.0 and launch-1.0 (with the same mark): read with
//!   every extension field touched, against roxmltree; and written back.
//!
//! instant-epp is not in these groups: it reads none of fee, launch or
//! marks, and fails on a response carrying an extension it does not model.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use epp_codec::view::{read_command, read_response};
use epp_codec::write::{WriteOptions, write_to_slice};
use epp_codec_benches::extensions::{
    extract_epp_codec, extract_roxmltree, heavy_create_command, heavy_info_response,
};

fn extensions(c: &mut Criterion) {
    let options = WriteOptions::new();
    let mut buf = vec![0u8; 1 << 16];
    for (group, doc) in [
        ("ext_domain_create", heavy_create_command()),
        ("ext_domain_info_response", heavy_info_response()),
    ] {
        let ours = extract_epp_codec(doc.as_bytes());
        assert!(ours > 0);
        assert_eq!(
            ours,
            extract_roxmltree(&doc),
            "{group}: the drivers disagree"
        );
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_function("epp_codec", |b| {
            b.iter(|| extract_epp_codec(black_box(doc.as_bytes())))
        });
        g.bench_function("roxmltree", |b| {
            b.iter(|| extract_roxmltree(black_box(&doc)))
        });
        if let Ok(request) = read_command(doc.as_bytes()) {
            write_to_slice(&request, &mut buf, &options).expect("fits");
            g.bench_function("epp_codec_write", |b| {
                b.iter(|| write_to_slice(black_box(&request), &mut buf, &options).unwrap())
            });
        } else {
            let response = read_response(doc.as_bytes()).expect("a response");
            write_to_slice(&response, &mut buf, &options).expect("fits");
            g.bench_function("epp_codec_write", |b| {
                b.iter(|| write_to_slice(black_box(&response), &mut buf, &options).unwrap())
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = extensions
}
criterion_main!(benches);
