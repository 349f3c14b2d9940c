//! RFC 5734 framing: `decode`, the `frames` iterator, the `Deframer`, and a
//! `memcpy` floor of the same bytes.
//!
//! `decode` of a complete frame only reads the header and slices, so it is
//! O(1) whatever the frame size: its "throughput" on a big frame is not a
//! memory speed. The `Deframer` copies every byte once into its receive
//! buffer, so `deframer_1mib` against `memcpy_1mib` is the honest comparison
//! with memory speed.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use epp_codec::Limits;
use epp_codec::frame::{self, Decoded, Deframer};
use epp_codec_benches::{frame_of_total_len, pipelined_frames};

const KIB: usize = 1024;
const MIB: usize = 1024 * KIB;
/// The size of one `push` into the deframer, as from a socket read.
const CHUNK: usize = 16 * KIB;

fn decode_payload_len(buf: &[u8], limits: &Limits) -> usize {
    match frame::decode(black_box(buf), limits) {
        Ok(Decoded::Frame { payload, consumed }) => black_box(payload).len() + consumed,
        other => panic!("expected a whole frame, got {other:?}"),
    }
}

/// Pushes `input` in `CHUNK`s, taking frames out after each push; returns the
/// sum of the payload lengths.
fn deframe(d: &mut Deframer, input: &[u8]) -> usize {
    let mut sum = 0;
    for chunk in input.chunks(CHUNK) {
        d.push(black_box(chunk)).expect("valid frames");
        while let Some(payload) = d.next_frame().expect("valid frames") {
            sum += black_box(payload).len();
        }
    }
    sum
}

fn bench_frame(c: &mut Criterion) {
    let limits = Limits::new();
    let mut g = c.benchmark_group("frame");

    // One 1 KiB frame.
    let one_k = frame_of_total_len(KIB);
    g.throughput(Throughput::Bytes(one_k.len() as u64));
    g.bench_function("decode_1kib", |b| {
        b.iter(|| decode_payload_len(&one_k, &limits))
    });

    // One 64 KiB frame, and the memcpy of the same bytes.
    let k64 = frame_of_total_len(64 * KIB);
    let mut dst = vec![0u8; MIB];
    g.throughput(Throughput::Bytes(k64.len() as u64));
    g.bench_function("decode_64kib", |b| {
        b.iter(|| decode_payload_len(&k64, &limits))
    });
    g.bench_function("memcpy_64kib", |b| {
        b.iter(|| epp_codec_benches::memcpy(&k64, &mut dst))
    });

    // 1 000 pipelined small frames in one buffer.
    let pipelined = pipelined_frames(1000);
    let expected: usize = frame::frames(&pipelined, &limits)
        .map(|f| f.expect("valid frames").len())
        .sum();
    g.throughput(Throughput::Bytes(pipelined.len() as u64));
    g.bench_function("frames_1000", |b| {
        b.iter(|| {
            let sum: usize = frame::frames(black_box(&pipelined), &limits)
                .map(|f| black_box(f.expect("valid frames")).len())
                .sum();
            assert_eq!(sum, expected);
            sum
        })
    });
    // The same bytes through a Deframer, pushed as 16 KiB reads. The
    // deframer is reused across iterations, as on a connection.
    let mut d = Deframer::new(limits);
    assert_eq!(deframe(&mut d, &pipelined), expected);
    g.bench_function("deframer_1000", |b| b.iter(|| deframe(&mut d, &pipelined)));

    // One frame of exactly 1 MiB (the default limit), decode against memcpy,
    // and the Deframer (one copy into its buffer) against memcpy.
    let m1 = frame_of_total_len(MIB);
    let mut dst = vec![0u8; MIB];
    let mut d = Deframer::new(limits);
    assert_eq!(deframe(&mut d, &m1), MIB - frame::HEADER_LEN);
    g.throughput(Throughput::Bytes(m1.len() as u64));
    g.bench_function("decode_1mib", |b| {
        b.iter(|| decode_payload_len(&m1, &limits))
    });
    g.bench_function("deframer_1mib", |b| b.iter(|| deframe(&mut d, &m1)));
    g.bench_function("memcpy_1mib", |b| {
        b.iter(|| epp_codec_benches::memcpy(&m1, &mut dst))
    });

    g.finish();
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
    targets = bench_frame
}
criterion_main!(benches);
