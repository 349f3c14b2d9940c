//! `EppCodec` over real async streams: an in-memory `tokio::io::duplex` pipe
//! and a TCP loopback connection, with `FramedWrite`/`FramedRead`. Every
//! corpus message goes through in order, some as codec frames and some as
//! raw bytes dribbled in small chunks, so the decoder sees partial reads. Bad
//! headers end the stream with the right `CodecError`.

#![cfg(feature = "tokio-util")]

mod common;

use std::future::Future;
use std::time::Duration;

use bytes::Bytes;
use epp_codec::Limits;
use epp_codec::frame::{self, CodecError, EppCodec, FrameError, HEADER_LEN};
use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{Decoder, Encoder, FramedRead, FramedWrite};

/// Every test gives up after this long instead of hanging.
const TIMEOUT: Duration = Duration::from_secs(60);

async fn bounded<F: Future>(f: F) -> F::Output {
    tokio::time::timeout(TIMEOUT, f)
        .await
        .expect("test timed out")
}

use common::{XorShift, corpus_payloads};

fn framed(payload: &[u8]) -> Vec<u8> {
    let mut wire = frame::encode_header(payload.len()).unwrap().to_vec();
    wire.extend_from_slice(payload);
    wire
}

/// Sends every payload through a `FramedWrite`, varying how: as `Bytes`,
/// `&[u8]` or `&str` items, flushed one by one or batched, or as raw encoded
/// bytes written in small chunks around the codec. Shuts the writer down at
/// the end.
async fn send_all<W: AsyncWrite + Unpin>(io: W, payloads: &[Vec<u8>], seed: u64) {
    let mut rng = XorShift::new(seed);
    let mut sink = FramedWrite::new(io, EppCodec::default());
    for payload in payloads {
        match rng.below(5) {
            0 => sink.send(Bytes::copy_from_slice(payload)).await.unwrap(),
            1 => sink.send(&payload[..]).await.unwrap(),
            2 => match std::str::from_utf8(payload) {
                Ok(text) => sink.send(text).await.unwrap(),
                Err(_) => sink.send(&payload[..]).await.unwrap(),
            },
            // Queued without flushing: several frames leave in one write.
            3 => sink.feed(&payload[..]).await.unwrap(),
            _ => {
                // Raw bytes must follow whatever the codec has queued.
                SinkExt::<Bytes>::flush(&mut sink).await.unwrap();
                let wire = framed(payload);
                let mut rest = &wire[..];
                while !rest.is_empty() {
                    let n = (1 + rng.below(64)).min(rest.len());
                    sink.get_mut().write_all(&rest[..n]).await.unwrap();
                    sink.get_mut().flush().await.unwrap();
                    rest = &rest[n..];
                    // Let the reader run and see the partial frame.
                    tokio::task::yield_now().await;
                }
            }
        }
    }
    SinkExt::<Bytes>::flush(&mut sink).await.unwrap();
    sink.get_mut().shutdown().await.unwrap();
}

/// Reads frames until the stream ends and checks they are `payloads`, in order.
async fn receive_all<R: AsyncRead + Unpin>(io: R, payloads: &[Vec<u8>]) {
    let mut frames = FramedRead::new(io, EppCodec::default());
    let mut n = 0;
    while let Some(frame) = frames.next().await {
        let frame = frame.unwrap_or_else(|e| panic!("frame {n}: {e}"));
        assert!(n < payloads.len(), "extra frame");
        assert_eq!(&frame[..], &payloads[n][..], "frame {n}");
        n += 1;
    }
    assert_eq!(n, payloads.len(), "every frame arrived");
    assert!(frames.read_buffer().is_empty());
}

/// Writes `bytes` into a fresh duplex pipe, closes it, and collects what
/// `FramedRead` yields: frames, then the first error, and whatever comes
/// after it (bounded).
async fn read_stream(
    codec: EppCodec,
    bytes: Vec<u8>,
) -> (Vec<Bytes>, Option<CodecError>, usize, usize) {
    let (mut tx, rx) = tokio::io::duplex(1024);
    let writer = async move {
        // The reader may stop early; a closed pipe is fine then.
        let _ = tx.write_all(&bytes).await;
        let _ = tx.shutdown().await;
    };
    let reader = async move {
        let mut frames = FramedRead::new(rx, codec);
        let mut ok = Vec::new();
        let mut error = None;
        while let Some(item) = frames.next().await {
            match item {
                Ok(f) => ok.push(f),
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        let capacity = frames.read_buffer().capacity();
        // After the error: no frame, ever (a few more polls to make sure).
        let mut after = 0;
        for _ in 0..4 {
            match frames.next().await {
                Some(Ok(f)) => panic!("frame after an error: {f:?}"),
                Some(Err(_)) => after += 1,
                None => {}
            }
        }
        drop(frames);
        (ok, error, capacity, after)
    };
    let ((), out) = tokio::join!(writer, reader);
    out
}

#[tokio::test]
async fn corpus_through_duplex() {
    bounded(async {
        let payloads = corpus_payloads();
        // Small pipes force partial reads and writer back-pressure.
        for (seed, capacity) in [(1, 7), (2, 64), (3, 1000), (4, 64 * 1024)] {
            let (client, server) = tokio::io::duplex(capacity);
            tokio::join!(
                send_all(client, &payloads, seed),
                receive_all(server, &payloads)
            );
        }
    })
    .await;
}

#[tokio::test]
async fn corpus_through_tcp_loopback_and_back() {
    bounded(async {
        let payloads = corpus_payloads();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (client, accepted) = tokio::join!(TcpStream::connect(addr), listener.accept());
        let client = client.unwrap();
        let (server, _) = accepted.unwrap();
        client.set_nodelay(true).unwrap();
        server.set_nodelay(true).unwrap();

        // The server echoes every frame it reads, through the codec both ways.
        let echo = async {
            let (rd, wr) = server.into_split();
            let mut frames = FramedRead::new(rd, EppCodec::default());
            let mut out = FramedWrite::new(wr, EppCodec::default());
            let mut n = 0;
            while let Some(frame) = frames.next().await {
                let frame = frame.unwrap();
                assert_eq!(&frame[..], &payloads[n][..], "server, frame {n}");
                out.send(frame).await.unwrap();
                n += 1;
            }
            assert_eq!(n, payloads.len());
            out.get_mut().shutdown().await.unwrap();
        };
        let (rd, wr) = client.into_split();
        tokio::join!(
            send_all(wr, &payloads, 42),
            receive_all(rd, &payloads),
            echo
        );
    })
    .await;
}

#[tokio::test]
async fn tcp_frame_at_the_limit_passes_one_over_does_not() {
    bounded(async {
        let max = 1000u32;
        let limits = Limits::new().with_max_frame_len(max);
        let at = vec![b'a'; max as usize - HEADER_LEN];
        let over = vec![b'b'; max as usize + 1 - HEADER_LEN];

        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (client, accepted) = tokio::join!(TcpStream::connect(addr), listener.accept());
        let (server, _) = accepted.unwrap();

        let writer = async {
            // The sender's codec does not apply the receiver's limit.
            let mut sink = FramedWrite::new(client.unwrap(), EppCodec::default());
            sink.send(&at[..]).await.unwrap();
            sink.send(&over[..]).await.unwrap();
            sink.send(&at[..]).await.unwrap();
            sink.get_mut().shutdown().await.unwrap();
        };
        let reader = async {
            let mut frames = FramedRead::new(server, EppCodec::new(limits));
            assert_eq!(frames.decoder().limits(), &limits);
            let first = frames.next().await.unwrap().unwrap();
            assert_eq!(&first[..], &at[..]);
            match frames.next().await {
                Some(Err(CodecError::Frame(FrameError::LengthTooLarge { length, max: m }))) => {
                    assert_eq!((length, m), (max + 1, max));
                }
                other => panic!("expected LengthTooLarge, got {other:?}"),
            }
            // The frame after the bad one is never delivered.
            for _ in 0..3 {
                assert!(!matches!(frames.next().await, Some(Ok(_))));
            }
        };
        tokio::join!(writer, reader);
    })
    .await;
}

#[tokio::test]
async fn oversize_header_ends_the_stream() {
    bounded(async {
        let mut wire = framed(b"<epp>one</epp>");
        wire.extend_from_slice(&framed(b"<epp>two</epp>"));
        // 1 MiB + 1: one octet over the default limit.
        wire.extend_from_slice(&(Limits::DEFAULT_MAX_FRAME_LEN + 1).to_be_bytes());
        wire.extend_from_slice(&[b'x'; 3000]);
        wire.extend_from_slice(&framed(b"<epp>never</epp>"));

        let (ok, error, _, _) = read_stream(EppCodec::default(), wire).await;
        assert_eq!(ok, vec![&b"<epp>one</epp>"[..], &b"<epp>two</epp>"[..]]);
        match error {
            Some(CodecError::Frame(e)) => assert_eq!(
                e,
                FrameError::LengthTooLarge {
                    length: Limits::DEFAULT_MAX_FRAME_LEN + 1,
                    max: Limits::DEFAULT_MAX_FRAME_LEN
                }
            ),
            other => panic!("expected a frame error, got {other:?}"),
        }
    })
    .await;
}

#[tokio::test]
async fn header_claiming_100_mb_is_refused_without_buffering_for_it() {
    bounded(async {
        let mut wire = 100_000_000u32.to_be_bytes().to_vec();
        wire.extend_from_slice(&vec![b'<'; 256 * 1024]);
        let (ok, error, capacity, _) = read_stream(EppCodec::default(), wire).await;
        assert!(ok.is_empty());
        assert!(
            matches!(
                error,
                Some(CodecError::Frame(FrameError::LengthTooLarge {
                    length: 100_000_000,
                    ..
                }))
            ),
            "{error:?}"
        );
        assert!(
            capacity < 1024 * 1024,
            "read buffer grew to {capacity} for a refused frame"
        );
    })
    .await;
}

#[tokio::test]
async fn unframed_text_is_reported() {
    bounded(async {
        let cases: [(&[u8], &[u8]); 3] = [
            (b"", b"Session limit exceeded\r\n"),
            (b"<epp><greeting/></epp>", b"<html><body>503</body></html>"),
            (b"", b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp/>"),
        ];
        for (before, text) in cases {
            let mut wire = Vec::new();
            if !before.is_empty() {
                wire.extend_from_slice(&framed(before));
            }
            wire.extend_from_slice(text);
            let (ok, error, _, _) = read_stream(EppCodec::default(), wire).await;
            let expected: Vec<&[u8]> = if before.is_empty() {
                vec![]
            } else {
                vec![before]
            };
            assert_eq!(ok, expected);
            let head: [u8; 4] = text[..4].try_into().unwrap();
            match error {
                Some(CodecError::Frame(e)) => {
                    assert_eq!(e, FrameError::UnframedText { header: head });
                    let shown = CodecError::Frame(e).to_string();
                    let head = std::str::from_utf8(&head).unwrap();
                    assert!(shown.contains(head), "{shown:?} should show {head:?}");
                }
                other => panic!("expected UnframedText, got {other:?}"),
            }
        }
    })
    .await;
}

#[tokio::test]
async fn truncated_last_frame_is_an_io_error_at_eof() {
    bounded(async {
        let mut wire = framed(b"<epp>whole</epp>");
        let cut = framed(b"<epp>cut short</epp>");
        wire.extend_from_slice(&cut[..cut.len() - 3]);
        let (ok, error, _, _) = read_stream(EppCodec::default(), wire).await;
        assert_eq!(ok, vec![&b"<epp>whole</epp>"[..]]);
        assert!(matches!(error, Some(CodecError::Io(_))), "{error:?}");
    })
    .await;
}

#[test]
fn codec_encodes_as_encode_into_and_decodes_what_it_encodes() {
    let mut codec = EppCodec::default();
    let mut buf = bytes::BytesMut::new();
    for payload in corpus_payloads() {
        Encoder::<&[u8]>::encode(&mut codec, &payload, &mut buf).unwrap();
        assert_eq!(&buf[..], &framed(&payload)[..]);
        let got = codec.decode(&mut buf).unwrap().unwrap();
        assert_eq!(&got[..], &payload[..]);
        assert!(buf.is_empty());
    }
    // Fused after an error, even if valid bytes follow.
    let mut buf = bytes::BytesMut::from(&[0u8, 0, 0, 1][..]);
    assert!(matches!(
        codec.decode(&mut buf),
        Err(CodecError::Frame(FrameError::LengthTooSmall { length: 1 }))
    ));
    let mut good = bytes::BytesMut::from(&framed(b"<epp/>")[..]);
    assert!(matches!(
        codec.decode(&mut good),
        Err(CodecError::Frame(FrameError::LengthTooSmall { length: 1 }))
    ));
}

/// Three frames, then a bad header of each kind; the offset the codec gives
/// after the error is where that header starts (the three frames' length),
/// read through a pipe 7 bytes wide so the frames arrive in pieces, and
/// decoded from a buffer growing byte by byte.
#[tokio::test]
async fn stream_offset_is_where_the_refused_header_starts() {
    bounded(async {
        let limits = Limits::new().with_max_frame_len(200);
        let payloads: [&[u8]; 3] = [b"", b"<epp><hello/></epp>", &[b'z'; 150]];
        let at: u64 = payloads.iter().map(|p| (HEADER_LEN + p.len()) as u64).sum();
        let bad: [(&[u8], FrameError); 3] = [
            (
                b"\x00\x00\x00\x03<epp/>",
                FrameError::LengthTooSmall { length: 3 },
            ),
            (
                b"\x00\x01\x00\x00<epp>",
                FrameError::LengthTooLarge {
                    length: 0x1_0000,
                    max: 200,
                },
            ),
            (
                b"Session limit exceeded\r\n",
                FrameError::UnframedText { header: *b"Sess" },
            ),
        ];
        for (tail, err) in bad {
            let mut wire: Vec<u8> = payloads.iter().flat_map(|p| framed(p)).collect();
            wire.extend_from_slice(tail);

            let (mut tx, rx) = tokio::io::duplex(7);
            let bytes = wire.clone();
            let writer = async move {
                let _ = tx.write_all(&bytes).await;
                let _ = tx.shutdown().await;
            };
            let reader = async move {
                let mut frames = FramedRead::new(rx, EppCodec::new(limits));
                let mut n = 0;
                loop {
                    match frames.next().await {
                        Some(Ok(_)) => n += 1,
                        Some(Err(CodecError::Frame(e))) => {
                            assert_eq!(e, err);
                            break;
                        }
                        other => panic!("expected {err:?}, got {other:?}"),
                    }
                }
                assert_eq!(n, payloads.len());
                frames.decoder().stream_offset()
            };
            let ((), offset) = tokio::join!(writer, reader);
            assert_eq!(offset, at, "FramedRead, {err:?}");

            let mut codec = EppCodec::new(limits);
            assert_eq!(codec.stream_offset(), 0);
            let mut src = bytes::BytesMut::new();
            let mut n = 0;
            let mut failed = None;
            for &byte in &wire {
                src.extend_from_slice(&[byte]);
                match codec.decode(&mut src) {
                    Ok(Some(_)) => n += 1,
                    Ok(None) => {}
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            assert_eq!(n, payloads.len());
            assert!(
                matches!(failed, Some(CodecError::Frame(e)) if e == err),
                "{failed:?}"
            );
            assert_eq!(codec.stream_offset(), at, "byte by byte, {err:?}");
            assert!(codec.decode(&mut src).is_err(), "fused");
            assert_eq!(codec.stream_offset(), at, "fused, {err:?}");
        }
    })
    .await;
}
