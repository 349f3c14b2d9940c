//! RFC 5734 framing, end to end: every corpus message through `decode`,
//! `frames`, `Deframer` and `BytesDeframer`, in every 2-way split and in
//! random n-way splits of one pipelined stream; and the edges of the header:
//! empty payloads, lengths below 4, `u32::MAX`, the frame-length limit,
//! unframed text, and what the deframers keep after an error.

mod common;

use std::ops::Range;

use epp_codec::Limits;
use epp_codec::frame::{self, Decoded, EncodeError, FrameError, HEADER_LEN};

#[cfg(feature = "alloc")]
use epp_codec::frame::Deframer;

#[cfg(feature = "bytes")]
use bytes::BytesMut;
#[cfg(feature = "bytes")]
use epp_codec::frame::{BytesDeframer, decode_bytes};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

use common::{XorShift, corpus_payloads};

/// `payload` framed with `encode_into`, cross-checked against `encode_header`
/// and the RFC's definition of the header.
fn framed(payload: &[u8]) -> Vec<u8> {
    let total = HEADER_LEN + payload.len();
    let mut wire = vec![0xAA; total];
    assert_eq!(frame::encode_into(payload, &mut wire), Ok(total));
    let header = frame::encode_header(payload.len()).unwrap();
    assert_eq!(header, u32::try_from(total).unwrap().to_be_bytes());
    assert_eq!(wire[..HEADER_LEN], header);
    assert_eq!(&wire[HEADER_LEN..], payload);
    wire
}

/// A header announcing `total` octets.
fn header(total: u32) -> [u8; HEADER_LEN] {
    total.to_be_bytes()
}

/// Many framed payloads back to back, and where each frame starts
/// (`starts[i]`; the last entry is the length of the whole stream).
fn pipeline(payloads: &[Vec<u8>]) -> (Vec<u8>, Vec<usize>) {
    let mut wire = Vec::new();
    let mut starts = Vec::with_capacity(payloads.len() + 1);
    for p in payloads {
        starts.push(wire.len());
        wire.extend_from_slice(&framed(p));
    }
    starts.push(wire.len());
    (wire, starts)
}

/// What `needed()` must report when the first frame not yet taken out is
/// frame `next` and the stream has been received up to `pos`.
fn model_needed(starts: &[usize], next: usize, pos: usize) -> usize {
    let buffered = pos - starts[next];
    if buffered < HEADER_LEN {
        HEADER_LEN - buffered
    } else {
        (starts[next + 1] - starts[next]).saturating_sub(buffered)
    }
}

/// Random cut points over `0..len`: a mix of empty, tiny and large chunks,
/// with a per-call scale so that some runs are byte-level and some bulk.
fn random_chunks(rng: &mut XorShift, len: usize) -> Vec<Range<usize>> {
    const SCALES: [usize; 8] = [24, 64, 256, 1024, 4096, 16_384, 65_536, 300_000];
    let scale = SCALES[rng.below(SCALES.len())];
    let mut chunks = Vec::new();
    let mut pos = 0;
    while pos < len {
        let size = match rng.below(8) {
            0 => 0,
            1 | 2 => 1 + rng.below(6),
            _ => 1 + rng.below(scale),
        };
        let end = (pos + size).min(len);
        chunks.push(pos..end);
        pos = end;
    }
    chunks
}

/// Feeds `bytes` through `read_buf`/`commit`, checking the space offered.
#[cfg(feature = "alloc")]
fn feed_read_buf(d: &mut Deframer, mut bytes: &[u8]) -> Result<(), FrameError> {
    while !bytes.is_empty() {
        let needed = d.needed();
        let space = d.read_buf();
        assert!(
            space.len() >= needed.clamp(Deframer::MIN_READ, Deframer::MAX_AHEAD),
            "read_buf offered {} bytes, needed {needed}",
            space.len()
        );
        let n = space.len().min(bytes.len());
        space[..n].copy_from_slice(&bytes[..n]);
        d.commit(n)?;
        bytes = &bytes[n..];
    }
    Ok(())
}

/// Takes every complete frame out of `d`, checking each against `expected`
/// from index `*next` on.
#[cfg(feature = "alloc")]
fn drain_deframer(d: &mut Deframer, expected: &[Vec<u8>], next: &mut usize, ctx: &str) {
    while let Some(f) = d.next_frame().unwrap() {
        assert!(*next < expected.len(), "{ctx}: extra frame");
        assert_eq!(f, &expected[*next][..], "{ctx}: frame {next}");
        *next += 1;
    }
}

#[cfg(feature = "bytes")]
fn drain_bytes_deframer(d: &mut BytesDeframer, expected: &[Vec<u8>], next: &mut usize, ctx: &str) {
    while let Some(f) = d.next_frame().unwrap() {
        assert!(*next < expected.len(), "{ctx}: extra frame");
        assert_eq!(&f[..], &expected[*next][..], "{ctx}: frame {next}");
        *next += 1;
    }
}

// ---------------------------------------------------------------------------
// The corpus, one message at a time
// ---------------------------------------------------------------------------

#[test]
fn every_corpus_message_decodes_one_shot() {
    let limits = Limits::new();
    for payload in corpus_payloads() {
        let wire = framed(&payload);
        assert_eq!(
            frame::decode(&wire, &limits),
            Ok(Decoded::Frame {
                payload: &payload,
                consumed: wire.len()
            })
        );

        // Bytes after the frame (the start of the next one) change nothing.
        let mut longer = wire.clone();
        longer.extend_from_slice(&[0, 0, 0]);
        assert_eq!(
            frame::decode(&longer, &limits),
            Ok(Decoded::Frame {
                payload: &payload,
                consumed: wire.len()
            })
        );

        // Every proper prefix is incomplete, by exactly the bytes missing
        // once the header is in.
        for cut in 0..wire.len() {
            let needed = if cut < HEADER_LEN {
                HEADER_LEN - cut
            } else {
                wire.len() - cut
            };
            assert_eq!(
                frame::decode(&wire[..cut], &limits),
                Ok(Decoded::Incomplete { needed }),
                "cut at {cut} of {}",
                wire.len()
            );
        }

        // `frames` sees exactly one frame and nothing left.
        let mut it = frame::frames(&wire, &limits);
        assert_eq!(it.next(), Some(Ok(&payload[..])));
        assert_eq!(it.next(), None);
        assert_eq!(it.consumed(), wire.len());
        assert_eq!(it.remainder(), b"");
        assert_eq!(it.needed(), 0);

        // A destination one byte short is refused and left untouched.
        let mut short = vec![0x55; wire.len() - 1];
        assert_eq!(
            frame::encode_into(&payload, &mut short),
            Err(EncodeError::BufferTooSmall { needed: wire.len() })
        );
        assert!(short.iter().all(|&b| b == 0x55));
    }
}

#[cfg(feature = "alloc")]
#[test]
fn every_two_way_split_through_deframer_push() {
    let limits = Limits::new();
    for payload in corpus_payloads() {
        let wire = framed(&payload);
        for cut in 0..=wire.len() {
            let mut d = Deframer::new(limits);
            d.push(&wire[..cut]).unwrap();
            assert_eq!(d.buffered(), &wire[..cut]);
            if cut < wire.len() {
                assert_eq!(d.next_frame(), Ok(None), "cut {cut}");
                let needed = if cut < HEADER_LEN {
                    HEADER_LEN - cut
                } else {
                    wire.len() - cut
                };
                assert_eq!(d.needed(), needed, "cut {cut}");
            }
            d.push(&wire[cut..]).unwrap();
            assert_eq!(d.needed(), 0, "a whole frame is in");
            assert_eq!(d.next_frame(), Ok(Some(&payload[..])), "cut {cut}");
            assert_eq!(d.next_frame(), Ok(None));
            assert_eq!(d.buffered(), b"");
            assert_eq!(d.needed(), HEADER_LEN);
            assert_eq!(d.error(), None);
        }
    }
}

#[cfg(feature = "alloc")]
#[test]
fn every_two_way_split_through_deframer_read_buf() {
    let limits = Limits::new();
    // One long-lived deframer takes every split of every message, one after
    // the other: each split starts with nothing buffered, as a fresh deframer
    // would, but over a buffer that has already served earlier frames.
    let mut d = Deframer::new(limits);
    // And a deframer `reset` before each of the splits around the header and
    // at the very end, where `read_buf` sizes its space differently.
    let mut fresh = Deframer::new(limits);
    for payload in corpus_payloads() {
        let wire = framed(&payload);
        for cut in 0..=wire.len() {
            assert_eq!((d.buffered(), d.needed()), (&b""[..], HEADER_LEN));
            feed_read_buf(&mut d, &wire[..cut]).unwrap();
            assert_eq!(d.buffered(), &wire[..cut]);
            if cut < wire.len() {
                assert_eq!(d.next_frame(), Ok(None), "cut {cut}");
            }
            feed_read_buf(&mut d, &wire[cut..]).unwrap();
            assert_eq!(d.next_frame(), Ok(Some(&payload[..])), "cut {cut}");
            assert_eq!(d.next_frame(), Ok(None));
            assert_eq!(d.buffered(), b"");

            if cut <= HEADER_LEN + 1 || cut + 2 >= wire.len() {
                fresh.reset();
                feed_read_buf(&mut fresh, &wire[..cut]).unwrap();
                feed_read_buf(&mut fresh, &wire[cut..]).unwrap();
                assert_eq!(fresh.next_frame(), Ok(Some(&payload[..])), "cut {cut}");
                assert_eq!(fresh.next_frame(), Ok(None));
            }
        }
    }
}

#[cfg(feature = "bytes")]
#[test]
fn every_two_way_split_through_bytes_deframer() {
    let limits = Limits::new();
    for payload in corpus_payloads() {
        let wire = framed(&payload);
        for cut in 0..=wire.len() {
            let mut d = BytesDeframer::new(limits);
            d.push(&wire[..cut]).unwrap();
            assert_eq!(d.buffered(), &wire[..cut]);
            if cut < wire.len() {
                assert_eq!(d.next_frame(), Ok(None), "cut {cut}");
            }
            d.push(&wire[cut..]).unwrap();
            assert_eq!(
                d.next_frame().unwrap().as_deref(),
                Some(&payload[..]),
                "cut {cut}"
            );
            assert_eq!(d.next_frame(), Ok(None));
            assert_eq!(d.buffered(), b"");
            assert_eq!(d.error(), None);
        }
    }
}

#[cfg(feature = "bytes")]
#[test]
fn every_two_way_split_through_decode_bytes_without_copying() {
    let limits = Limits::new();
    for payload in corpus_payloads() {
        let wire = framed(&payload);
        for cut in 0..=wire.len() {
            let mut buf = BytesMut::from(&wire[..cut]);
            if cut < wire.len() {
                assert_eq!(decode_bytes(&mut buf, &limits), Ok(None), "cut {cut}");
                assert_eq!(&buf[..], &wire[..cut], "an incomplete frame stays put");
                if cut >= HEADER_LEN {
                    assert!(buf.capacity() >= wire.len(), "room reserved for the frame");
                }
            }
            buf.extend_from_slice(&wire[cut..]);
            let base = buf.as_ptr() as usize;
            let got = decode_bytes(&mut buf, &limits).unwrap().unwrap();
            assert_eq!(&got[..], &payload[..], "cut {cut}");
            assert_eq!(
                got.as_ptr() as usize,
                base + HEADER_LEN,
                "the payload shares the receive buffer"
            );
            assert!(buf.is_empty());
        }
    }
}

// ---------------------------------------------------------------------------
// The whole corpus pipelined, random n-way splits
// ---------------------------------------------------------------------------

const SEEDS: u64 = 200;

#[cfg(feature = "alloc")]
#[test]
fn random_splits_of_the_pipelined_corpus_through_deframer() {
    let payloads = corpus_payloads();
    let (wire, starts) = pipeline(&payloads);
    for seed in 1..=SEEDS {
        let mut rng = XorShift::new(seed);
        let chunks = random_chunks(&mut rng, wire.len());
        let ctx = format!("seed {seed}");
        let mut d = Deframer::new(Limits::new());
        let mut next = 0;
        let mut use_push = rng.chance(2);
        for chunk in chunks {
            let bytes = &wire[chunk.clone()];
            // Interleave both ways of feeding on the same deframer, switching
            // now and then (each switch to `read_buf` zeroes fresh space).
            if rng.chance(16) {
                use_push = !use_push;
            }
            if use_push {
                d.push(bytes).unwrap();
            } else {
                feed_read_buf(&mut d, bytes).unwrap();
            }
            assert_eq!(d.buffered(), &wire[starts[next]..chunk.end], "{ctx}");
            assert_eq!(d.needed(), model_needed(&starts, next, chunk.end), "{ctx}");
            // Sometimes let complete frames pile up before taking them out.
            if !rng.chance(3) {
                drain_deframer(&mut d, &payloads, &mut next, &ctx);
            }
        }
        drain_deframer(&mut d, &payloads, &mut next, &ctx);
        assert_eq!(next, payloads.len(), "{ctx}");
        assert_eq!(d.buffered(), b"", "{ctx}");
    }
}

#[cfg(feature = "bytes")]
#[test]
fn random_splits_of_the_pipelined_corpus_through_bytes_deframer() {
    let payloads = corpus_payloads();
    let (wire, starts) = pipeline(&payloads);
    for seed in 1..=SEEDS {
        let mut rng = XorShift::new(seed);
        let chunks = random_chunks(&mut rng, wire.len());
        let ctx = format!("seed {seed}");
        let mut d = BytesDeframer::new(Limits::new());
        let mut next = 0;
        for chunk in chunks {
            d.push(&wire[chunk.clone()]).unwrap();
            assert_eq!(d.buffered(), &wire[starts[next]..chunk.end], "{ctx}");
            if !rng.chance(3) {
                drain_bytes_deframer(&mut d, &payloads, &mut next, &ctx);
            }
        }
        drain_bytes_deframer(&mut d, &payloads, &mut next, &ctx);
        assert_eq!(next, payloads.len(), "{ctx}");
        assert_eq!(d.buffered(), b"", "{ctx}");
    }
}

#[test]
fn random_splits_of_the_pipelined_corpus_through_frames_iterator() {
    let payloads = corpus_payloads();
    let (wire, starts) = pipeline(&payloads);
    let limits = Limits::new();
    for seed in 1..=SEEDS {
        let mut rng = XorShift::new(seed);
        let chunks = random_chunks(&mut rng, wire.len());
        let ctx = format!("seed {seed}");
        // The receive buffer: a growing prefix of the stream, drained by
        // `consumed()` after each pass.
        let mut pending: Vec<u8> = Vec::new();
        let mut next = 0;
        let pass = |pending: &mut Vec<u8>, next: &mut usize, pos: usize| {
            let mut it = frame::frames(pending, &limits);
            for f in it.by_ref() {
                let f = f.unwrap();
                assert!(*next < payloads.len(), "{ctx}: extra frame");
                assert_eq!(f, &payloads[*next][..], "{ctx}: frame {next}");
                *next += 1;
            }
            let consumed = it.consumed();
            assert_eq!(it.remainder(), &wire[starts[*next]..pos], "{ctx}");
            let needed = if it.remainder().is_empty() {
                0
            } else {
                model_needed(&starts, *next, pos)
            };
            assert_eq!(it.needed(), needed, "{ctx}");
            pending.drain(..consumed);
        };
        for chunk in chunks {
            pending.extend_from_slice(&wire[chunk.clone()]);
            if !rng.chance(3) {
                pass(&mut pending, &mut next, chunk.end);
            }
        }
        pass(&mut pending, &mut next, wire.len());
        assert_eq!(next, payloads.len(), "{ctx}");
        assert!(pending.is_empty(), "{ctx}");
    }
}

// ---------------------------------------------------------------------------
// Many small frames
// ---------------------------------------------------------------------------

#[test]
fn ten_thousand_small_pipelined_frames() {
    const N: usize = 10_000;
    let limits = Limits::new();
    let payloads: Vec<Vec<u8>> = (0..N)
        .map(|i| {
            let text = format!("<epp n=\"{i}\"/>");
            // Sizes 0..=20 bytes, including empty payloads.
            text.as_bytes()[..text.len().min(i % 21)].to_vec()
        })
        .collect();
    let (mut wire, _) = pipeline(&payloads);
    let whole = wire.len();

    // A trailing partial frame: header plus 3 of its 9 payload bytes.
    let partial = framed(b"<partial>");
    wire.extend_from_slice(&partial[..HEADER_LEN + 3]);

    let mut it = frame::frames(&wire, &limits);
    let mut count = 0;
    for (i, f) in it.by_ref().enumerate() {
        assert_eq!(f, Ok(&payloads[i][..]), "frame {i}");
        count += 1;
    }
    assert_eq!(count, N);
    assert_eq!(it.consumed(), whole);
    assert_eq!(it.remainder(), &partial[..HEADER_LEN + 3]);
    assert_eq!(it.needed(), 6);
    assert_eq!(it.next(), None, "stays at the partial frame");

    // Only two bytes of the trailing header: at least 2 more are needed.
    let mut it = frame::frames(&wire[..whole + 2], &limits);
    assert_eq!(it.by_ref().count(), N);
    assert_eq!(it.consumed(), whole);
    assert_eq!(it.remainder(), &partial[..2]);
    assert_eq!(it.needed(), 2);

    // Ending on a frame boundary: nothing needed, nothing left.
    let mut it = frame::frames(&wire[..whole], &limits);
    assert_eq!(it.by_ref().count(), N);
    assert_eq!(
        (it.consumed(), it.remainder(), it.needed()),
        (whole, &b""[..], 0)
    );
}

// ---------------------------------------------------------------------------
// Header edges
// ---------------------------------------------------------------------------

#[test]
fn zero_length_payload_is_a_frame_of_total_length_4() {
    let limits = Limits::new();
    assert_eq!(frame::encode_header(0), Ok(header(4)));
    assert_eq!(framed(b""), header(4));
    assert_eq!(
        frame::decode(&header(4), &limits),
        Ok(Decoded::Frame {
            payload: b"",
            consumed: 4
        })
    );
    let three: Vec<u8> = [header(4); 3].concat();
    let got: Vec<_> = frame::frames(&three, &limits).collect();
    assert_eq!(got, vec![Ok(&b""[..]); 3]);

    #[cfg(feature = "alloc")]
    {
        let mut d = Deframer::new(limits);
        d.push(&three).unwrap();
        for _ in 0..3 {
            assert_eq!(d.next_frame(), Ok(Some(&b""[..])));
        }
        assert_eq!(d.next_frame(), Ok(None));
        feed_read_buf(&mut d, &header(4)).unwrap();
        assert_eq!(d.next_frame(), Ok(Some(&b""[..])));
    }
    #[cfg(feature = "bytes")]
    {
        let mut d = BytesDeframer::new(limits);
        d.push(&three).unwrap();
        for _ in 0..3 {
            assert_eq!(d.next_frame().unwrap().as_deref(), Some(&b""[..]));
        }
        assert_eq!(d.next_frame(), Ok(None));
    }
}

#[test]
fn total_lengths_below_4_are_refused_once_the_header_is_in() {
    let limits = Limits::new();
    for length in 0u32..4 {
        let err = FrameError::LengthTooSmall { length };
        let h = header(length);
        assert_eq!(
            frame::decode(&h[..3], &limits),
            Ok(Decoded::Incomplete { needed: 1 }),
            "three bytes are not yet a header"
        );
        assert_eq!(frame::decode(&h, &limits), Err(err));
        assert_eq!(err.length(), length);
        let mut with_payload = h.to_vec();
        with_payload.extend_from_slice(b"<epp/>");
        assert_eq!(frame::decode(&with_payload, &limits), Err(err));

        let mut it = frame::frames(&with_payload, &limits);
        assert_eq!(it.next(), Some(Err(err)));
        assert_eq!(it.next(), None);
        assert_eq!((it.consumed(), it.needed()), (0, 0));

        #[cfg(feature = "alloc")]
        {
            let mut d = Deframer::new(limits);
            d.push(&h[..3]).unwrap();
            assert_eq!(d.needed(), 1);
            assert_eq!(d.push(&with_payload[3..]), Err(err));
            assert_eq!(d.buffered(), &h, "nothing after the header is stored");
            assert_eq!(d.error(), Some(err));
            assert_eq!(d.needed(), 0);
            assert_eq!(d.next_frame(), Err(err));

            let mut d = Deframer::new(limits);
            feed_read_buf(&mut d, &h[..3]).unwrap();
            assert_eq!(feed_read_buf(&mut d, &h[3..]), Err(err));
            assert_eq!(d.next_frame(), Err(err));
        }
        #[cfg(feature = "bytes")]
        {
            let mut d = BytesDeframer::new(limits);
            d.push(&h[..3]).unwrap();
            assert_eq!(d.next_frame(), Ok(None));
            assert_eq!(d.push(&with_payload[3..]), Err(err));
            assert_eq!(d.buffered(), &h);
            assert_eq!(d.error(), Some(err));
            assert_eq!(d.next_frame(), Err(err));

            let mut buf = BytesMut::from(&with_payload[..]);
            assert_eq!(decode_bytes(&mut buf, &limits), Err(err));
            assert_eq!(&buf[..], &with_payload[..], "left as it is");
        }
    }
}

#[test]
fn u32_max_total_length_without_overflow() {
    let h = header(u32::MAX);
    let refused = FrameError::LengthTooLarge {
        length: u32::MAX,
        max: Limits::DEFAULT_MAX_FRAME_LEN,
    };
    assert_eq!(frame::decode(&h, &Limits::new()), Err(refused));
    assert_eq!(frame::frames(&h, &Limits::new()).next(), Some(Err(refused)));

    let huge = Limits::new().with_max_frame_len(u32::MAX);
    let mut some = h.to_vec();
    some.extend_from_slice(&[b'x'; 10]);
    if addressable() < u32::MAX {
        // No slice can hold the frame on this target: refused, whatever the limit.
        let beyond = FrameError::LengthTooLarge {
            length: u32::MAX,
            max: addressable(),
        };
        assert_eq!(frame::decode(&h, &huge), Err(beyond));
        assert_eq!(frame::decode(&some, &huge), Err(beyond));
    } else {
        assert_eq!(
            frame::decode(&h, &huge),
            Ok(Decoded::Incomplete {
                needed: u32::MAX as usize - HEADER_LEN
            })
        );
        assert_eq!(
            frame::decode(&some, &huge),
            Ok(Decoded::Incomplete {
                needed: u32::MAX as usize - HEADER_LEN - 10
            })
        );
        let mut it = frame::frames(&some, &huge);
        assert_eq!(it.next(), None);
        assert_eq!(it.consumed(), 0);
        assert_eq!(it.needed(), u32::MAX as usize - HEADER_LEN - 10);
    }
    // Lengths below 4 are refused whatever the limit.
    assert_eq!(
        frame::decode(&header(3), &huge),
        Err(FrameError::LengthTooSmall { length: 3 })
    );

    #[cfg(feature = "alloc")]
    {
        let mut d = Deframer::new(Limits::new());
        assert_eq!(d.push(&some), Err(refused));
        assert_eq!(d.buffered(), &h);
    }
    #[cfg(feature = "bytes")]
    {
        let mut d = BytesDeframer::new(Limits::new());
        assert_eq!(d.push(&some), Err(refused));
        assert_eq!(d.buffered(), &h);
    }
}

/// The largest total length a slice can hold on this target, worked out here
/// rather than taken from the code under test: `u32::MAX` on 64-bit targets,
/// `isize::MAX` (2 GiB - 1) on 32-bit ones.
fn addressable() -> u32 {
    u32::try_from(isize::MAX).unwrap_or(u32::MAX)
}

/// Under a limit that lets them through, headers announcing large frames
/// make each deframer reserve no more than a bounded read-ahead: four bytes
/// from a peer must not commit gigabytes.
#[cfg(feature = "bytes")]
#[test]
fn a_huge_frame_header_reserves_only_a_bounded_read_ahead() {
    let huge = Limits::new().with_max_frame_len(u32::MAX);
    // The read-ahead cap, plus slack for the allocator's rounding.
    let bound = HEADER_LEN + BytesDeframer::MAX_AHEAD + 64 * 1024;
    for total in [
        u32::try_from(BytesDeframer::MAX_AHEAD).unwrap() * 4,
        100_000_000,
        addressable(),
    ] {
        let mut buf = BytesMut::from(&header(total)[..]);
        assert_eq!(decode_bytes(&mut buf, &huge), Ok(None), "total {total}");
        assert!(
            buf.capacity() <= bound,
            "decode_bytes reserved {} bytes for a header announcing {total}",
            buf.capacity()
        );

        let mut d = Deframer::new(huge);
        d.push(&header(total)).unwrap();
        assert!(d.read_buf().len() <= Deframer::MAX_AHEAD, "total {total}");
    }
}

/// A frame larger than the read-ahead cap, trickling into `decode_bytes`
/// (as `EppCodec` sees it): the buffer grows with what arrives, not with
/// what the header announced, and the frame comes out whole.
#[cfg(feature = "bytes")]
#[test]
fn decode_bytes_grows_a_large_frame_as_it_arrives() {
    let payload: Vec<u8> = (0..3 * BytesDeframer::MAX_AHEAD + 5)
        .map(|i| b"<epp/>"[i % 6])
        .collect();
    let wire = framed(&payload);
    let limits = Limits::new().with_max_frame_len(u32::try_from(wire.len()).unwrap());
    let mut buf = BytesMut::new();
    let mut got = None;
    for (i, piece) in wire.chunks(16 * 1024).enumerate() {
        assert!(got.is_none(), "a frame before its last byte");
        buf.extend_from_slice(piece);
        got = decode_bytes(&mut buf, &limits).unwrap();
        if got.is_none() {
            // Growth may double what has arrived, and add the read-ahead.
            assert!(
                buf.capacity() <= 2 * (buf.len() + BytesDeframer::MAX_AHEAD),
                "piece {i}: {} bytes reserved with {} in",
                buf.capacity(),
                buf.len()
            );
        }
    }
    assert_eq!(got.as_deref(), Some(&payload[..]));
    assert!(buf.is_empty());
}

#[test]
fn the_frame_length_limit_is_inclusive() {
    for max in [4u32, 5, 100, 4096, 65_536, Limits::DEFAULT_MAX_FRAME_LEN] {
        let limits = Limits::new().with_max_frame_len(max);
        let at = framed(&vec![b'a'; max as usize - HEADER_LEN]);
        let over = framed(&vec![b'b'; max as usize + 1 - HEADER_LEN]);
        let err = FrameError::LengthTooLarge {
            length: max + 1,
            max,
        };

        assert_eq!(
            frame::decode(&at, &limits),
            Ok(Decoded::Frame {
                payload: &at[HEADER_LEN..],
                consumed: at.len()
            }),
            "max {max}"
        );
        assert_eq!(frame::decode(&over, &limits), Err(err), "max {max}");
        assert_eq!(
            frame::decode(&over[..HEADER_LEN], &limits),
            Err(err),
            "refused on the header alone"
        );

        let mut both = at.clone();
        both.extend_from_slice(&over);
        let got: Vec<_> = frame::frames(&both, &limits).take(8).collect();
        assert_eq!(got, vec![Ok(&at[HEADER_LEN..]), Err(err)], "max {max}");

        #[cfg(feature = "alloc")]
        {
            let mut d = Deframer::new(limits);
            assert_eq!(d.push(&both), Err(err), "max {max}");
            assert_eq!(d.buffered().len(), at.len() + HEADER_LEN);
            assert_eq!(d.next_frame(), Ok(Some(&at[HEADER_LEN..])));
            assert_eq!(d.next_frame(), Err(err));

            let mut d = Deframer::new(limits);
            assert_eq!(feed_read_buf(&mut d, &both), Err(err), "max {max}");
            assert_eq!(d.next_frame(), Ok(Some(&at[HEADER_LEN..])));
            assert_eq!(d.next_frame(), Err(err));
        }
        #[cfg(feature = "bytes")]
        {
            let mut d = BytesDeframer::new(limits);
            assert_eq!(d.push(&both), Err(err), "max {max}");
            assert_eq!(d.buffered().len(), at.len() + HEADER_LEN);
            assert_eq!(d.next_frame().unwrap().as_deref(), Some(&at[HEADER_LEN..]));
            assert_eq!(d.next_frame(), Err(err));

            let mut buf = BytesMut::from(&both[..]);
            assert_eq!(
                decode_bytes(&mut buf, &limits).unwrap().as_deref(),
                Some(&at[HEADER_LEN..])
            );
            assert_eq!(decode_bytes(&mut buf, &limits), Err(err));
        }
    }
}

#[test]
fn a_limit_below_4_refuses_every_frame() {
    let limits = Limits::new().with_max_frame_len(3);
    assert_eq!(
        frame::decode(&header(4), &limits),
        Err(FrameError::LengthTooLarge { length: 4, max: 3 })
    );
}

#[test]
fn the_largest_corpus_frame_sets_the_tightest_limit() {
    let payloads = corpus_payloads();
    let (wire, _) = pipeline(&payloads);
    let largest = payloads.iter().map(|p| p.len() + HEADER_LEN).max().unwrap();
    let largest = u32::try_from(largest).unwrap();

    let fits = Limits::new().with_max_frame_len(largest);
    assert_eq!(
        frame::frames(&wire, &fits).filter(Result::is_ok).count(),
        payloads.len()
    );

    let tight = Limits::new().with_max_frame_len(largest - 1);
    let first_too_big = payloads
        .iter()
        .position(|p| p.len() + HEADER_LEN > (largest - 1) as usize)
        .unwrap();
    let got: Vec<_> = frame::frames(&wire, &tight)
        .take(payloads.len() + 1)
        .collect();
    assert_eq!(got.len(), first_too_big + 1);
    assert_eq!(
        got[first_too_big],
        Err(FrameError::LengthTooLarge {
            length: largest,
            max: largest - 1
        })
    );
}

#[test]
fn header_claiming_100_mb_is_refused_on_its_four_bytes() {
    const HUNDRED_MB: u32 = 100_000_000;
    let limits = Limits::new();
    let err = FrameError::LengthTooLarge {
        length: HUNDRED_MB,
        max: Limits::DEFAULT_MAX_FRAME_LEN,
    };
    let mut wire = header(HUNDRED_MB).to_vec();
    wire.extend_from_slice(&vec![b'<'; 64 * 1024]);

    assert_eq!(frame::decode(&wire[..HEADER_LEN], &limits), Err(err));
    assert_eq!(frame::decode(&wire, &limits), Err(err));

    #[cfg(feature = "alloc")]
    {
        let mut d = Deframer::new(limits);
        assert_eq!(d.push(&wire), Err(err));
        assert_eq!(d.buffered().len(), HEADER_LEN, "no payload buffered");
        assert_eq!(d.needed(), 0);
        assert!(
            d.read_buf().len() < 1024 * 1024,
            "no room made for the announced payload"
        );

        // The same with the header trickling in.
        let mut d = Deframer::new(limits);
        for b in &wire[..HEADER_LEN - 1] {
            d.push(std::slice::from_ref(b)).unwrap();
        }
        assert_eq!(d.push(&wire[HEADER_LEN - 1..]), Err(err));
        assert_eq!(d.buffered().len(), HEADER_LEN);
    }
    #[cfg(feature = "bytes")]
    {
        let mut d = BytesDeframer::new(limits);
        assert_eq!(d.push(&wire), Err(err));
        assert_eq!(d.buffered().len(), HEADER_LEN, "no payload buffered");

        let mut buf = BytesMut::from(&wire[..HEADER_LEN]);
        let cap = buf.capacity();
        assert_eq!(decode_bytes(&mut buf, &limits), Err(err));
        assert_eq!(buf.capacity(), cap, "nothing reserved for a refused frame");
    }
}

// ---------------------------------------------------------------------------
// Errors fuse the deframers; earlier frames survive
// ---------------------------------------------------------------------------

#[cfg(feature = "alloc")]
#[test]
fn deframer_is_fused_after_a_bad_header_but_keeps_earlier_frames() {
    let limits = Limits::new();
    let a = framed(b"<epp>a</epp>");
    let b = framed(b"<epp>b</epp>");
    let err = FrameError::LengthTooSmall { length: 2 };
    let mut wire = [a.clone(), b.clone()].concat();
    let bad_at = wire.len();
    wire.extend_from_slice(&header(2));
    wire.extend_from_slice(&framed(b"<epp>c</epp>"));

    // All in one push.
    let mut d = Deframer::new(limits);
    assert_eq!(d.push(&wire), Err(err));
    assert_eq!(d.buffered(), &wire[..bad_at + HEADER_LEN]);
    assert_eq!(d.push(b"anything"), Err(err), "fused");
    assert_eq!(d.push(&[]), Err(err), "fused, even for nothing");
    assert_eq!(d.next_frame(), Ok(Some(&b"<epp>a</epp>"[..])));
    assert_eq!(d.push(&a), Err(err), "still fused between frames");
    assert_eq!(d.next_frame(), Ok(Some(&b"<epp>b</epp>"[..])));
    assert_eq!(d.next_frame(), Err(err));
    assert_eq!(d.next_frame(), Err(err));
    assert_eq!(d.commit(1), Err(err));
    assert_eq!(d.error(), Some(err));
    assert_eq!(d.buffered(), &header(2), "the bad header is kept");

    // Byte by byte, taking frames out as they complete.
    let mut d = Deframer::new(limits);
    let mut got = Vec::new();
    let mut failed_at = None;
    for (i, byte) in wire.iter().enumerate() {
        if let Err(e) = d.push(std::slice::from_ref(byte)) {
            assert_eq!(e, err);
            failed_at = Some(i);
            break;
        }
        while let Some(f) = d.next_frame().unwrap() {
            got.push(f.to_vec());
        }
    }
    assert_eq!(
        failed_at,
        Some(bad_at + HEADER_LEN - 1),
        "on the 4th header byte"
    );
    assert_eq!(
        got,
        vec![a[HEADER_LEN..].to_vec(), b[HEADER_LEN..].to_vec()]
    );
    assert_eq!(d.next_frame(), Err(err));

    // Through read_buf/commit: the commit that completes the header fails.
    let mut d = Deframer::new(limits);
    feed_read_buf(&mut d, &wire[..bad_at + 3]).unwrap();
    assert_eq!(feed_read_buf(&mut d, &wire[bad_at + 3..]), Err(err));
    assert_eq!(d.next_frame(), Ok(Some(&b"<epp>a</epp>"[..])));
    assert_eq!(d.next_frame(), Ok(Some(&b"<epp>b</epp>"[..])));
    assert_eq!(d.next_frame(), Err(err));
    assert_eq!(feed_read_buf(&mut d, &a), Err(err));

    // reset() revives it.
    d.reset();
    assert_eq!(d.error(), None);
    d.push(&a).unwrap();
    assert_eq!(d.next_frame(), Ok(Some(&b"<epp>a</epp>"[..])));
}

#[cfg(feature = "bytes")]
#[test]
fn bytes_deframer_is_fused_after_a_bad_header_but_keeps_earlier_frames() {
    let limits = Limits::new().with_max_frame_len(64);
    let a = framed(b"<epp>a</epp>");
    let b = framed(b"<epp>b</epp>");
    let err = FrameError::LengthTooLarge {
        length: 65,
        max: 64,
    };
    let mut wire = [a.clone(), b.clone()].concat();
    let bad_at = wire.len();
    wire.extend_from_slice(&header(65));
    wire.extend_from_slice(&[b'z'; 61]);

    let mut d = BytesDeframer::new(limits);
    assert_eq!(d.push(&wire), Err(err));
    assert_eq!(d.buffered(), &wire[..bad_at + HEADER_LEN]);
    assert_eq!(d.push(&a), Err(err), "fused");
    assert_eq!(
        d.next_frame().unwrap().as_deref(),
        Some(&b"<epp>a</epp>"[..])
    );
    assert_eq!(d.push(b"x"), Err(err));
    assert_eq!(
        d.next_frame().unwrap().as_deref(),
        Some(&b"<epp>b</epp>"[..])
    );
    assert_eq!(d.next_frame(), Err(err));
    assert_eq!(d.next_frame(), Err(err));
    assert_eq!(d.error(), Some(err));

    // Byte by byte, taking frames out as they complete.
    let mut d = BytesDeframer::new(limits);
    let mut got = Vec::new();
    let mut failed_at = None;
    for (i, byte) in wire.iter().enumerate() {
        if let Err(e) = d.push(std::slice::from_ref(byte)) {
            assert_eq!(e, err);
            failed_at = Some(i);
            break;
        }
        while let Some(f) = d.next_frame().unwrap() {
            got.push(f.to_vec());
        }
    }
    assert_eq!(
        failed_at,
        Some(bad_at + HEADER_LEN - 1),
        "on the 4th header byte"
    );
    assert_eq!(
        got,
        vec![a[HEADER_LEN..].to_vec(), b[HEADER_LEN..].to_vec()]
    );
    assert_eq!(d.buffered(), &header(65));
    assert_eq!(d.next_frame(), Err(err));
}

// ---------------------------------------------------------------------------
// Unframed text and other bad headers
// ---------------------------------------------------------------------------

const TEXTS: [&str; 5] = [
    "Session limit exceeded\r\n",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>",
    "<html><body><h1>503 Service Unavailable</h1></body></html>",
    "HTTP/1.1 400 Bad Request\r\n\r\n",
    "\r\n\r\nclosing",
];

/// How `Display` shows the four bytes of an `UnframedText` header.
fn escaped(header: &[u8]) -> String {
    header
        .iter()
        .map(|&b| match b {
            b'\r' => "\\r".to_string(),
            b'\n' => "\\n".to_string(),
            b'\t' => "\\t".to_string(),
            b'"' => "\\\"".to_string(),
            _ => char::from(b).to_string(),
        })
        .collect()
}

#[test]
fn unframed_text_is_named_and_shown() {
    let limits = Limits::new();
    for text in TEXTS {
        let bytes = text.as_bytes();
        let head: [u8; HEADER_LEN] = bytes[..HEADER_LEN].try_into().unwrap();
        let err = FrameError::UnframedText { header: head };

        assert_eq!(frame::decode(bytes, &limits), Err(err), "{text:?}");
        assert_eq!(err.length(), u32::from_be_bytes(head));
        let shown = err.to_string();
        assert!(
            shown.contains(&escaped(&head)),
            "{shown:?} should show {text:?}"
        );
        assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown:?}");

        let got: Vec<_> = frame::frames(bytes, &limits).take(8).collect();
        assert_eq!(got, vec![Err(err)]);

        #[cfg(feature = "alloc")]
        {
            let mut d = Deframer::new(limits);
            assert_eq!(d.push(bytes), Err(err));
            assert_eq!(d.error(), Some(err));
            assert_eq!(d.buffered(), &head, "the text the peer sent");
            assert_eq!(d.next_frame(), Err(err));
        }
        #[cfg(feature = "bytes")]
        {
            let mut d = BytesDeframer::new(limits);
            assert_eq!(d.push(bytes), Err(err));
            assert_eq!(d.buffered(), &head);
            assert_eq!(d.next_frame(), Err(err));
        }
    }
    // The classic one, spelled out.
    let e = frame::decode(b"Session limit exceeded\r\n", &limits).unwrap_err();
    assert_eq!(e, FrameError::UnframedText { header: *b"Sess" });
    assert!(e.to_string().contains("Sess"), "{e}");
    let e = frame::decode(b"<html>", &limits).unwrap_err();
    assert!(e.to_string().contains("<htm"), "{e}");
    let e = frame::decode(b"<?xml version=", &limits).unwrap_err();
    assert!(e.to_string().contains("<?xm"), "{e}");
}

#[test]
fn unframed_text_after_good_frames() {
    let limits = Limits::new();
    let good = framed(b"<epp><hello/></epp>");
    let mut wire = good.clone();
    wire.extend_from_slice(b"Session limit exceeded\r\n");
    let err = FrameError::UnframedText { header: *b"Sess" };
    let got: Vec<_> = frame::frames(&wire, &limits).take(8).collect();
    assert_eq!(got, vec![Ok(&good[HEADER_LEN..]), Err(err)]);

    #[cfg(feature = "alloc")]
    {
        let mut d = Deframer::new(limits);
        assert_eq!(d.push(&wire), Err(err));
        assert_eq!(d.next_frame(), Ok(Some(&good[HEADER_LEN..])));
        assert_eq!(d.next_frame(), Err(err));
        assert_eq!(d.buffered(), b"Sess");
    }
}

#[test]
fn non_text_bad_headers_are_length_errors() {
    let limits = Limits::new();
    let max = Limits::DEFAULT_MAX_FRAME_LEN;
    let cases: [([u8; 4], FrameError); 8] = [
        ([0, 0, 0, 0], FrameError::LengthTooSmall { length: 0 }),
        ([0, 0, 0, 3], FrameError::LengthTooSmall { length: 3 }),
        (
            [0xFF; 4],
            FrameError::LengthTooLarge {
                length: u32::MAX,
                max,
            },
        ),
        (
            [0, 0x10, 0, 1],
            FrameError::LengthTooLarge {
                length: max + 1,
                max,
            },
        ),
        // One non-text byte is enough to make it a length.
        (
            *b"Ses\0",
            FrameError::LengthTooLarge {
                length: u32::from_be_bytes(*b"Ses\0"),
                max,
            },
        ),
        (
            [0x7F, b'a', b'b', b'c'],
            FrameError::LengthTooLarge {
                length: u32::from_be_bytes([0x7F, b'a', b'b', b'c']),
                max,
            },
        ),
        (
            [0xC3, 0xA9, b't', b'e'],
            FrameError::LengthTooLarge {
                length: u32::from_be_bytes([0xC3, 0xA9, b't', b'e']),
                max,
            },
        ),
        (
            [b'\x1b', b'[', b'0', b'm'],
            FrameError::LengthTooLarge {
                length: u32::from_be_bytes(*b"\x1b[0m"),
                max,
            },
        ),
    ];
    for (h, err) in cases {
        assert_eq!(frame::decode(&h, &limits), Err(err), "{h:?}");
        assert_eq!(err.length(), u32::from_be_bytes(h));
        let shown = err.to_string();
        assert!(
            shown.contains(&u32::from_be_bytes(h).to_string()),
            "{shown}"
        );
    }
    // Whitespace is text too.
    assert_eq!(
        frame::decode(b"\t\n\r ", &limits),
        Err(FrameError::UnframedText {
            header: *b"\t\n\r "
        })
    );
    assert!(
        FrameError::UnframedText {
            header: *b"\t\n\r "
        }
        .to_string()
        .contains("\\t\\n\\r ")
    );
}

#[test]
fn text_within_the_limit_is_just_a_length() {
    // "Sess" is 1 399 157 619 octets: only an error when above the limit.
    let limits = Limits::new().with_max_frame_len(u32::MAX);
    let text = b"Session limit exceeded\r\n";
    assert_eq!(
        frame::decode(text, &limits),
        Ok(Decoded::Incomplete {
            needed: u32::from_be_bytes(*b"Sess") as usize - text.len()
        })
    );
}

// ---------------------------------------------------------------------------
// Where in the stream: the offset of the refused header
// ---------------------------------------------------------------------------

/// The frame-length limit of the offset tests: small, so that a header
/// over it is short to write.
const OFFSET_LIMIT: u32 = 200;

/// A stream ending in a bad header, and the error it must give.
type BadStream = (Vec<u8>, FrameError);

/// Four valid frames of different sizes (an empty payload among them),
/// then a bad header of each kind and what a peer might send after it;
/// with the error each must give.
fn streams_ending_in_a_bad_header() -> (Vec<Vec<u8>>, Vec<BadStream>) {
    let payloads: Vec<Vec<u8>> = [0usize, 1, 37, 150]
        .iter()
        .map(|&n| (0..n).map(|i| b'a' + (i % 26) as u8).collect())
        .collect();
    let bad: [(&[u8], FrameError); 3] = [
        (
            b"\x00\x00\x00\x02<epp/>",
            FrameError::LengthTooSmall { length: 2 },
        ),
        (
            b"\x00\x00\x03\xe8<epp>",
            FrameError::LengthTooLarge {
                length: 1000,
                max: OFFSET_LIMIT,
            },
        ),
        (
            b"Session limit exceeded\r\n",
            FrameError::UnframedText { header: *b"Sess" },
        ),
    ];
    let cases = bad
        .iter()
        .map(|&(tail, err)| {
            let mut wire = pipeline(&payloads).0;
            wire.extend_from_slice(tail);
            (wire, err)
        })
        .collect();
    (payloads, cases)
}

/// Where the bad header starts: the sum of the valid frames' lengths.
fn bad_header_offset(payloads: &[Vec<u8>]) -> u64 {
    payloads.iter().map(|p| (HEADER_LEN + p.len()) as u64).sum()
}

#[test]
fn frames_consumed_is_where_the_refused_header_starts() {
    let limits = Limits::new().with_max_frame_len(OFFSET_LIMIT);
    let (payloads, cases) = streams_ending_in_a_bad_header();
    let at = bad_header_offset(&payloads);
    assert_eq!(at, 4 * 4 + 1 + 37 + 150);
    for (wire, err) in cases {
        let mut it = frame::frames(&wire, &limits);
        for _ in &payloads {
            assert!(matches!(it.next(), Some(Ok(_))));
        }
        assert_eq!(it.next(), Some(Err(err)));
        assert_eq!(it.consumed() as u64, at, "{err:?}");
        assert_eq!(it.next(), None);
        assert_eq!(it.consumed() as u64, at, "{err:?}, fused");
    }
}

#[cfg(feature = "alloc")]
#[test]
fn deframer_stream_offset_is_where_the_refused_header_starts() {
    let limits = Limits::new().with_max_frame_len(OFFSET_LIMIT);
    let (payloads, cases) = streams_ending_in_a_bad_header();
    let at = bad_header_offset(&payloads);
    for (wire, err) in cases {
        // One push, no frame taken out yet: the offset counts frames
        // received, not frames taken out.
        let mut d = Deframer::new(limits);
        assert_eq!(d.push(&wire), Err(err));
        assert_eq!(d.stream_offset(), at, "one push, {err:?}");
        let mut next = 0;
        drain_deframer_until_error(&mut d, &payloads, &mut next, err);
        assert_eq!(d.stream_offset(), at, "one push, drained, {err:?}");

        // Byte by byte, taking frames out as they complete (so the buffer
        // is compacted between pushes).
        let mut d = Deframer::new(limits);
        let mut next = 0;
        let mut result = Ok(());
        for byte in &wire {
            result = d.push(std::slice::from_ref(byte));
            if result.is_err() {
                break;
            }
            drain_deframer(&mut d, &payloads, &mut next, "byte by byte");
        }
        assert_eq!(result, Err(err));
        assert_eq!(next, payloads.len());
        assert_eq!(d.stream_offset(), at, "byte by byte, {err:?}");
        assert_eq!(d.push(b"more"), Err(err));
        assert_eq!(d.stream_offset(), at, "fused, {err:?}");

        // Through read_buf/commit, in pieces of 7 bytes.
        let mut d = Deframer::new(limits);
        let mut next = 0;
        let mut result = Ok(());
        for piece in wire.chunks(7) {
            result = feed_read_buf(&mut d, piece);
            if result.is_err() {
                break;
            }
            drain_deframer(&mut d, &payloads, &mut next, "read_buf");
        }
        assert_eq!(result, Err(err));
        assert_eq!(d.stream_offset(), at, "read_buf, {err:?}");
        drain_deframer_until_error(&mut d, &payloads, &mut next, err);
        assert_eq!(d.stream_offset(), at, "read_buf, drained, {err:?}");

        // reset() starts a new stream.
        d.reset();
        assert_eq!(d.stream_offset(), 0);
    }
}

/// Takes out the frames left before the error, then checks the error.
#[cfg(feature = "alloc")]
fn drain_deframer_until_error(
    d: &mut Deframer,
    expected: &[Vec<u8>],
    next: &mut usize,
    err: FrameError,
) {
    while let Ok(Some(f)) = d.next_frame() {
        assert_eq!(f, &expected[*next][..]);
        *next += 1;
    }
    assert_eq!(*next, expected.len());
    assert_eq!(d.next_frame(), Err(err));
}

#[cfg(feature = "bytes")]
#[test]
fn bytes_deframer_stream_offset_is_where_the_refused_header_starts() {
    let limits = Limits::new().with_max_frame_len(OFFSET_LIMIT);
    let (payloads, cases) = streams_ending_in_a_bad_header();
    let at = bad_header_offset(&payloads);
    for (wire, err) in cases {
        let mut d = BytesDeframer::new(limits);
        assert_eq!(d.push(&wire), Err(err));
        assert_eq!(d.stream_offset(), at, "one push, {err:?}");
        let mut next = 0;
        while let Ok(Some(_)) = d.next_frame() {
            next += 1;
        }
        assert_eq!(next, payloads.len());
        assert_eq!(d.next_frame(), Err(err));
        assert_eq!(d.stream_offset(), at, "one push, drained, {err:?}");

        let mut d = BytesDeframer::new(limits);
        let mut next = 0;
        let mut result = Ok(());
        for byte in &wire {
            result = d.push(std::slice::from_ref(byte));
            if result.is_err() {
                break;
            }
            drain_bytes_deframer(&mut d, &payloads, &mut next, "byte by byte");
        }
        assert_eq!(result, Err(err));
        assert_eq!(next, payloads.len());
        assert_eq!(d.stream_offset(), at, "byte by byte, {err:?}");
    }
}

/// On a valid stream, received byte by byte, the offset is where the frame
/// being received starts (or, between frames, where the next one will):
/// frames taken out or not, it moves only when a frame is whole.
#[cfg(feature = "alloc")]
#[test]
fn stream_offset_counts_whole_frames_received() {
    let limits = Limits::new();
    let payloads: Vec<Vec<u8>> = corpus_payloads().into_iter().take(6).collect();
    let (wire, starts) = pipeline(&payloads);
    // The start of the last frame begun by `pos` bytes: frames wholly in
    // `..pos` count, the one `pos` is inside does not.
    let expected = |pos: usize| starts.iter().rev().find(|&&s| s <= pos).copied().unwrap() as u64;
    for take_out in [false, true] {
        {
            let mut d = Deframer::new(limits);
            assert_eq!(d.stream_offset(), 0);
            for (i, byte) in wire.iter().enumerate() {
                d.push(std::slice::from_ref(byte)).unwrap();
                if take_out {
                    while d.next_frame().unwrap().is_some() {}
                }
                assert_eq!(d.stream_offset(), expected(i + 1), "Deframer at {}", i + 1);
            }
        }
        #[cfg(feature = "bytes")]
        {
            let mut d = BytesDeframer::new(limits);
            for (i, byte) in wire.iter().enumerate() {
                d.push(std::slice::from_ref(byte)).unwrap();
                if take_out {
                    while d.next_frame().unwrap().is_some() {}
                }
                assert_eq!(
                    d.stream_offset(),
                    expected(i + 1),
                    "BytesDeframer at {}",
                    i + 1
                );
            }
        }
    }
}
