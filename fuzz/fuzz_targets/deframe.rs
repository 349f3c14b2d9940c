//! Differential fuzzing of the streaming deframers against one-shot framing.
//!
//! The input is split into a [`Limits`], a cycle of chunk sizes, and the byte
//! stream itself. The stream is fed, in those chunks, to
//!
//! - a [`Deframer`] through `push`,
//! - a [`Deframer`] through `read_buf` + `commit` (no copy through a slice),
//! - a [`BytesDeframer`] through `push`,
//! - a `BytesMut` read buffer through [`decode_bytes`] (what `EppCodec` does),
//!
//! and every frame each one yields, the error it ends with and the bytes it
//! still holds must match what [`frame::frames`] reads from the whole
//! stream at once: the same frames in order, then (at a bad header) the
//! same one error, or else the same partial frame left over.
//!
//! The frame-length limit is sometimes left as generated, up to `u32::MAX`,
//! so headers announce frames of gigabytes the stream never completes: the
//! deframers must then reserve only a bounded read-ahead (256 KiB), which
//! the `decode_bytes` check asserts and libFuzzer's malloc limit (the RSS
//! limit, 2 GiB by default) enforces for every deframer.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use bytes::BytesMut;
use epp_codec::Limits;
use epp_codec::frame::{self, BytesDeframer, Deframer, FrameError, HEADER_LEN, decode_bytes};
use libfuzzer_sys::fuzz_target;

/// Three inputs in four fold their frame-length limit into
/// `0..=MAX_FRAME_LEN` (twice the longest input scripts/fuzz.sh generates),
/// so that limits near the frames' sizes, and those below the header length,
/// are common; the fourth keeps the generated limit, however large.
const MAX_FRAME_LEN: u32 = 1 << 17;

/// At most this many chunk sizes, used in a cycle.
const MAX_SIZES: usize = 8;

/// The largest chunk.
const MAX_CHUNK: usize = 8192;

/// What one-shot framing reads from the whole stream.
struct Expected<'a> {
    frames: Vec<&'a [u8]>,
    error: Option<FrameError>,
    /// The bytes after the last frame: a partial frame, or the bad header and
    /// whatever follows it.
    rest: &'a [u8],
    /// `Frames::needed` for a partial frame; 0 when `rest` is empty.
    needed: usize,
}

fn expected<'a>(stream: &'a [u8], limits: &Limits) -> Expected<'a> {
    let mut it = frame::frames(stream, limits);
    let mut frames = Vec::new();
    let mut error = None;
    for item in it.by_ref() {
        match item {
            Ok(payload) => frames.push(payload),
            Err(e) => {
                assert!(error.is_none(), "Frames yielded a second error");
                error = Some(e);
            }
        }
    }
    // Fused: nothing after the end, whether that was an error or a partial frame.
    assert_eq!(it.next(), None, "Frames is not fused");
    Expected {
        frames,
        error,
        rest: it.remainder(),
        needed: it.needed(),
    }
}

/// Splits `stream` into chunks whose sizes cycle through `sizes`. A size of
/// 0 yields an empty chunk (pushing nothing must be harmless) and is then
/// taken as 1, so the split always makes progress.
fn chunks<'a>(mut stream: &'a [u8], sizes: &'a [usize]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut i = 0;
    let mut pending_empty = false;
    core::iter::from_fn(move || {
        if pending_empty {
            pending_empty = false;
            let (now, later) = stream.split_at(1.min(stream.len()));
            stream = later;
            return Some(now);
        }
        if stream.is_empty() {
            return None;
        }
        let size = sizes[i % sizes.len()];
        i += 1;
        if size == 0 {
            pending_empty = true;
            return Some(&stream[..0]);
        }
        let (now, later) = stream.split_at(size.min(stream.len()));
        stream = later;
        Some(now)
    })
}

/// What a streaming deframer produced.
#[derive(Default)]
struct Seen {
    frames: Vec<Vec<u8>>,
    error: Option<FrameError>,
}

impl Seen {
    /// Records the result of one `next_frame` call; `false` when there is no
    /// frame to take out now.
    fn take(&mut self, result: Result<Option<&[u8]>, FrameError>) -> bool {
        match result {
            Ok(Some(payload)) => {
                assert!(self.error.is_none(), "a frame after the error");
                self.frames.push(payload.to_vec());
                true
            }
            Ok(None) => false,
            Err(e) => {
                if let Some(first) = self.error {
                    assert_eq!(e, first, "next_frame changed its error");
                }
                self.error = Some(e);
                false
            }
        }
    }

    fn check(&self, exp: &Expected<'_>, who: &str) {
        assert_eq!(self.frames.len(), exp.frames.len(), "{who}: frame count");
        for (i, (got, want)) in self.frames.iter().zip(&exp.frames).enumerate() {
            assert_eq!(got.as_slice(), *want, "{who}: frame {i}");
        }
        assert_eq!(self.error, exp.error, "{who}: final error");
    }
}

fn push_deframer(stream: &[u8], sizes: &[usize], limits: Limits, exp: &Expected<'_>) {
    let mut d = Deframer::new(limits);
    let mut seen = Seen::default();
    let mut push_error = None;
    for chunk in chunks(stream, sizes) {
        match d.push(chunk) {
            Ok(()) => assert!(push_error.is_none(), "push: Ok after an error"),
            Err(e) => {
                if let Some(first) = push_error {
                    assert_eq!(e, first, "push: the error changed");
                }
                push_error = Some(e);
            }
        }
        while seen.take(d.next_frame()) {}
    }
    seen.check(exp, "Deframer::push");
    assert_eq!(push_error, exp.error, "Deframer::push: push error");
    assert_eq!(d.error(), exp.error, "Deframer::push: error()");
    match exp.error {
        // The bytes after a bad header are not stored.
        Some(e) => {
            assert_eq!(
                d.buffered(),
                &exp.rest[..HEADER_LEN],
                "Deframer::push: kept bytes"
            );
            assert_eq!(d.needed(), 0, "Deframer::push: needed after an error");
            // Fused: more input is refused, and the error repeats.
            assert_eq!(d.push(b"\0\0\0\x05x"), Err(e));
            assert_eq!(d.next_frame(), Err(e));
        }
        None => {
            assert_eq!(d.buffered(), exp.rest, "Deframer::push: partial frame");
            if !exp.rest.is_empty() {
                assert_eq!(d.needed(), exp.needed, "Deframer::push: needed");
            }
            assert_eq!(d.next_frame(), Ok(None));
        }
    }
}

fn commit_deframer(stream: &[u8], sizes: &[usize], limits: Limits, exp: &Expected<'_>) {
    let mut d = Deframer::new(limits);
    let mut seen = Seen::default();
    let mut commit_error = None;
    'feed: for mut chunk in chunks(stream, sizes) {
        loop {
            let needed = d.needed();
            let buf = d.read_buf();
            assert!(
                buf.len() >= needed.clamp(Deframer::MIN_READ, Deframer::MAX_AHEAD),
                "read_buf: {} bytes offered, {needed} needed",
                buf.len()
            );
            // Everything written into read_buf here is committed, so the space
            // offered must never hold old bytes (of a frame already taken out).
            // Checking a short prefix keeps 1-byte chunks cheap.
            assert!(
                buf.iter().take(8).all(|&b| b == 0),
                "read_buf: offered space holds stale bytes"
            );
            let n = chunk.len().min(buf.len());
            buf[..n].copy_from_slice(&chunk[..n]);
            chunk = &chunk[n..];
            let result = d.commit(n);
            while seen.take(d.next_frame()) {}
            if let Err(e) = result {
                commit_error = Some(e);
                break 'feed;
            }
            if chunk.is_empty() {
                break;
            }
        }
    }
    seen.check(exp, "Deframer::commit");
    assert_eq!(commit_error, exp.error, "Deframer::commit: commit error");
    assert_eq!(d.error(), exp.error, "Deframer::commit: error()");
    match exp.error {
        // Committed bytes after the bad header may be kept, but nothing else.
        Some(e) => {
            let kept = d.buffered();
            assert!(
                kept.len() >= HEADER_LEN && exp.rest.starts_with(kept),
                "Deframer::commit: kept bytes are not the bad header and what followed"
            );
            assert_eq!(d.commit(1), Err(e));
            assert_eq!(d.next_frame(), Err(e));
        }
        None => {
            assert_eq!(d.buffered(), exp.rest, "Deframer::commit: partial frame");
            if !exp.rest.is_empty() {
                assert_eq!(d.needed(), exp.needed, "Deframer::commit: needed");
            }
        }
    }
}

fn bytes_deframer(stream: &[u8], sizes: &[usize], limits: Limits, exp: &Expected<'_>) {
    let mut d = BytesDeframer::new(limits);
    let mut seen = Seen::default();
    let mut push_error = None;
    for chunk in chunks(stream, sizes) {
        match d.push(chunk) {
            Ok(()) => assert!(push_error.is_none(), "push: Ok after an error"),
            Err(e) => {
                if let Some(first) = push_error {
                    assert_eq!(e, first, "push: the error changed");
                }
                push_error = Some(e);
            }
        }
        loop {
            let frame = d.next_frame();
            let view = match &frame {
                Ok(Some(payload)) => Ok(Some(&payload[..])),
                Ok(None) => Ok(None),
                Err(e) => Err(*e),
            };
            if !seen.take(view) {
                break;
            }
        }
    }
    seen.check(exp, "BytesDeframer");
    assert_eq!(push_error, exp.error, "BytesDeframer: push error");
    assert_eq!(d.error(), exp.error, "BytesDeframer: error()");
    match exp.error {
        Some(e) => {
            assert_eq!(
                d.buffered(),
                &exp.rest[..HEADER_LEN],
                "BytesDeframer: kept bytes"
            );
            assert_eq!(d.push(b"\0\0\0\x05x"), Err(e));
            assert_eq!(d.next_frame(), Err(e));
        }
        None => {
            assert_eq!(d.buffered(), exp.rest, "BytesDeframer: partial frame");
            assert_eq!(d.next_frame(), Ok(None));
        }
    }
}

/// Feeds the stream, in chunks, into a `BytesMut` as a `FramedRead` would,
/// taking frames out with `decode_bytes` after each read.
fn decode_bytes_stream(stream: &[u8], sizes: &[usize], limits: Limits, exp: &Expected<'_>) {
    let mut buf = BytesMut::new();
    let mut seen = Seen::default();
    'feed: for chunk in chunks(stream, sizes) {
        buf.extend_from_slice(chunk);
        loop {
            match decode_bytes(&mut buf, &limits) {
                Ok(Some(payload)) => {
                    seen.take(Ok(Some(&payload[..])));
                }
                Ok(None) => break,
                Err(e) => {
                    seen.take(Err(e));
                    // `EppCodec` stops here: it is fused after an error.
                    break 'feed;
                }
            }
        }
        // What a header may reserve is bounded by the read-ahead cap, not by
        // the length it announces. `BytesMut` grows by doubling, so the
        // capacity can reach twice (the bytes fed in plus that cap); a
        // 4-byte header reserving its whole frame would be far beyond.
        assert!(
            buf.capacity() <= 2 * (stream.len() + BytesDeframer::MAX_AHEAD),
            "decode_bytes: {} bytes reserved for a {}-byte stream",
            buf.capacity(),
            stream.len()
        );
    }
    seen.check(exp, "decode_bytes");
    match exp.error {
        // Left as it is at the bad header: the header and what came with it.
        Some(_) => assert!(
            buf.len() >= HEADER_LEN && exp.rest.starts_with(&buf),
            "decode_bytes: kept bytes are not the bad header and what followed"
        ),
        None => assert_eq!(&buf[..], exp.rest, "decode_bytes: partial frame"),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(limits) = Limits::arbitrary(&mut u) else {
        return;
    };
    let Ok(keep_huge_limit) = u.ratio(1u8, 4) else {
        return;
    };
    let limits = if keep_huge_limit {
        limits
    } else {
        limits.with_max_frame_len(limits.max_frame_len() % (MAX_FRAME_LEN + 1))
    };
    let Ok(count) = u.int_in_range(1..=MAX_SIZES) else {
        return;
    };
    let mut sizes = Vec::with_capacity(count);
    for _ in 0..count {
        let Ok(size) = u.int_in_range(0..=MAX_CHUNK) else {
            return;
        };
        sizes.push(size);
    }
    let stream = u.take_rest();

    let exp = expected(stream, &limits);
    push_deframer(stream, &sizes, limits, &exp);
    commit_deframer(stream, &sizes, limits, &exp);
    bytes_deframer(stream, &sizes, limits, &exp);
    decode_bytes_stream(stream, &sizes, limits, &exp);
});
