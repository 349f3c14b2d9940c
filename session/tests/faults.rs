//! Peers that misbehave: stalls mid-header and mid-frame, impossible
//! lengths, garbage, invalid XML, floods without reading, disconnects
//! mid-frame and mid-response, abandoned TLS handshakes. The server must
//! answer (2500 and close, or the strict reader's error), keep other
//! sessions working, and free every session (`soak.rs` checks the heap).

mod common;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use common::*;
use epp_codec::view::ResultCode;
use epp_codec_session::client::Client;
use epp_codec_session::workload::mixed_commands;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn short_timeouts(config: &mut epp_codec_session::server::ServerConfig) {
    config.login_timeout = Duration::from_millis(400);
    config.idle_timeout = Duration::from_millis(800);
    config.handshake_timeout = Duration::from_millis(400);
}

/// Reads until the server's 2500 and the end of the stream.
async fn expect_2500_and_close(c: &mut Client) -> String {
    let reply = bounded(c.receive()).await.unwrap();
    assert_eq!(
        reply.code,
        ResultCode::CommandFailedServerClosingConnection,
        "{}",
        reply.text()
    );
    let closed = bounded(c.receive_frame()).await;
    assert!(matches!(closed, Ok(None) | Err(_)), "closed after 2500");
    reply.text().into_owned()
}

/// A logged-in session that keeps working while the faults go on: it runs
/// a check every 50 ms on its own task, each answered 1000 in time.
struct Witness {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    task: tokio::task::JoinHandle<usize>,
}

async fn witness(f: &Fixture) -> Witness {
    let mut c = f.login("ClientX").await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let task = tokio::spawn(async move {
        let mut answered = 0;
        while !flag.load(Ordering::Relaxed) {
            let started = Instant::now();
            still_works(&mut c).await;
            assert!(
                started.elapsed() < Duration::from_secs(2),
                "witness slowed down"
            );
            answered += 1;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bounded(c.logout()).await.unwrap();
        answered
    });
    Witness { stop, task }
}

impl Witness {
    /// Stops the witness; fails the test if any of its commands failed.
    async fn finish(self) {
        self.stop.store(true, Ordering::Relaxed);
        let answered = bounded(self.task)
            .await
            .expect("the witness session failed");
        assert!(answered > 0);
    }
}

async fn still_works(c: &mut Client) {
    let body = format!(
        r#"<check><domain:check {DOMAIN}><domain:name>ok.example</domain:name></domain:check></check>"#
    );
    expect(c, &body, 1000).await;
}

/// Waits until the server runs only `n` sessions.
async fn sessions_drop_to(f: &Fixture, n: usize) {
    bounded(async {
        while f.server.stats.active.load(Ordering::Relaxed) > n {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
}

/// The tests that measure resident memory run one at a time.
static MEMORY_TESTS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

#[tokio::test]
async fn stalls_mid_header_and_mid_frame_time_out() {
    let f = Fixture::start(short_timeouts).await;
    let w = witness(&f).await;
    // Half a header, before login: the login deadline closes it.
    let mut a = f.connect().await;
    bounded(a.send_raw(&[0, 0])).await.unwrap();
    // Half a frame, after login: the idle timeout closes it.
    let mut b = f.login("ClientY").await;
    let frame = frame(&command("<poll op=\"req\"/>", "HALF-1"));
    bounded(b.send_raw(&frame[..frame.len() / 2]))
        .await
        .unwrap();
    let started = Instant::now();
    assert!(
        expect_2500_and_close(&mut a)
            .await
            .contains("login deadline")
    );
    assert!(expect_2500_and_close(&mut b).await.contains("idle timeout"));
    assert!(started.elapsed() < Duration::from_secs(5));
    sessions_drop_to(&f, 1).await;
    w.finish().await;
}

#[tokio::test]
async fn a_trickled_frame_times_out_though_each_byte_is_in_time() {
    let f = Fixture::start(|config| {
        short_timeouts(config);
        config.frame_timeout = Duration::from_millis(1200);
    })
    .await;
    let w = witness(&f).await;
    // A session pipelining for longer than the frame timeout, each write
    // ending inside the next frame, is never closed: every frame arrives
    // whole in time, and the clock starts again with each.
    let mut steady = f.login("ClientX").await;
    let poll = |n: usize| frame(&command(r#"<poll op="req"/>"#, &format!("STEADY-{n}")));
    let started = Instant::now();
    let mut sent = 0;
    let mut tail = poll(0);
    while started.elapsed() < Duration::from_millis(2000) {
        let next = poll(sent + 1);
        let (head, rest) = next.split_at(next.len() / 2);
        let mut write = std::mem::take(&mut tail);
        write.extend_from_slice(head);
        bounded(steady.send_raw(&write)).await.unwrap();
        tail = rest.to_vec();
        sent += 1;
        let reply = bounded(steady.receive()).await.unwrap();
        assert_eq!(reply.code.as_u16(), 1300, "{}", reply.text());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(sent >= 8, "{sent} frames in 2 s");
    bounded(steady.send_raw(&tail)).await.unwrap();
    let reply = bounded(steady.receive()).await.unwrap();
    assert_eq!(reply.code.as_u16(), 1300, "{}", reply.text());
    drop(steady);
    // A byte every 300 ms keeps the idle timeout (800 ms) from firing, but
    // the data unit is not whole 1.2 s after its first byte: the server
    // answers 2500 and closes while the bytes still come.
    let mut trickle = f.login("ClientY").await;
    let slow = poll(0);
    let started = Instant::now();
    let mut answer = None;
    for byte in &slow[..slow.len() - 1] {
        if trickle.send_raw(&[*byte]).await.is_err() {
            break;
        }
        // (`receive` is cancel-safe: waiting 300 ms for it is the pause.)
        if let Ok(reply) = tokio::time::timeout(Duration::from_millis(300), trickle.receive()).await
        {
            answer = Some((reply.unwrap(), started.elapsed()));
            break;
        }
    }
    let (reply, at) = answer.expect("an answer while the bytes still came");
    assert_eq!(reply.code.as_u16(), 2500, "{}", reply.text());
    assert!(
        reply.text().contains("data unit not whole in time"),
        "{}",
        reply.text()
    );
    assert!(
        at >= Duration::from_millis(1200) && at < Duration::from_secs(3),
        "answered after {at:?}"
    );
    let closed = bounded(trickle.receive_frame()).await;
    assert!(matches!(closed, Ok(None) | Err(_)), "closed after 2500");
    sessions_drop_to(&f, 1).await;
    w.finish().await;
}

#[tokio::test]
async fn impossible_lengths_close_with_2500() {
    let f = Fixture::start(|_| {}).await;
    let w = witness(&f).await;
    // 4 GB, and 0..3 (below the header's own size), before and after login.
    let headers: [[u8; 4]; 5] = [
        u32::MAX.to_be_bytes(),
        0u32.to_be_bytes(),
        1u32.to_be_bytes(),
        2u32.to_be_bytes(),
        3u32.to_be_bytes(),
    ];
    for header in headers {
        for logged_in in [false, true] {
            let mut c = if logged_in {
                f.login("ClientY").await
            } else {
                f.connect().await
            };
            bounded(c.send_raw(&header)).await.unwrap();
            let text = expect_2500_and_close(&mut c).await;
            assert!(text.contains("framing"), "{text}");
        }
    }
    assert!(f.server.stats.framing_errors.load(Ordering::Relaxed) >= 10);
    sessions_drop_to(&f, 1).await;
    w.finish().await;
}

#[tokio::test]
async fn frame_cap_is_small_before_login_and_larger_after() {
    let f = Fixture::start(|_| {}).await;
    // 64 KiB of valid command (padded with white space): too large before login.
    let padded = |cl_trid: &str| {
        let body = format!(
            r#"<check><domain:check {DOMAIN}><domain:name>a.example</domain:name></domain:check></check>{}"#,
            " ".repeat(64 * 1024)
        );
        frame(&command(&body, cl_trid))
    };
    let mut c = f.connect().await;
    bounded(c.send_raw(&padded("BIG-1")[..4])).await.unwrap();
    expect_2500_and_close(&mut c).await;
    // After login the same frame is fine.
    let mut c = f.login("ClientX").await;
    bounded(c.send_raw(&padded("BIG-2"))).await.unwrap();
    let reply = bounded(c.receive()).await.unwrap();
    assert_eq!(reply.code, ResultCode::Success, "{}", reply.text());
    // But not one over the post-login cap (1 MiB).
    bounded(c.send_raw(&(2u32 * 1024 * 1024).to_be_bytes()))
        .await
        .unwrap();
    expect_2500_and_close(&mut c).await;
}

#[tokio::test]
async fn garbage_and_invalid_xml() {
    let f = Fixture::start(|_| {}).await;
    let w = witness(&f).await;
    // Text where a header should be (an HTTP request): 2500.
    let mut c = f.connect().await;
    bounded(c.send_raw(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        .await
        .unwrap();
    expect_2500_and_close(&mut c).await;
    // Valid frames of garbage and of invalid XML: answered, session goes on.
    let mut c = f.login("ClientY").await;
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for round in 0..50 {
        let payload: Vec<u8> = match round % 5 {
            0 => (0..200)
                .map(|_| {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    rng as u8
                })
                .collect(),
            1 => b"<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command>".to_vec(),
            2 => b"<epp><hello></epp>".to_vec(),
            3 => b"<!DOCTYPE epp [<!ENTITY a \"aaaa\">]><epp/>".to_vec(),
            _ => command("<check><domain:check/></check>", "X-1").into_bytes(),
        };
        let mut wire = epp_codec::frame::encode_header(payload.len())
            .unwrap()
            .to_vec();
        wire.extend_from_slice(&payload);
        bounded(c.send_raw(&wire)).await.unwrap();
        let reply = bounded(c.receive()).await.unwrap();
        assert!(
            (2000..2400).contains(&reply.code.as_u16()),
            "round {round}: {}",
            reply.text()
        );
    }
    still_works(&mut c).await;
    w.finish().await;
}

#[tokio::test]
async fn flood_without_reading_is_bounded() {
    let f = Fixture::start(|config| config.idle_timeout = Duration::from_millis(1500)).await;
    let w = witness(&f).await;
    let _alone = MEMORY_TESTS.lock().await;
    let rss_before = resident_bytes();
    // 4 000 pipelined commands, sent again and again, never reading.
    let (commands, _) = mixed_commands(7, 4000).unwrap();
    let chunk: Vec<u8> = commands.concat();
    let mut flooder = f.raw_tls().await;
    // The raw stream logs in by bytes: greeting unread, login, then the flood.
    let login = command(
        r#"<login><clID>ClientX</clID><pw>foo-BAR2</pw><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login>"#,
        "FLOOD-LOGIN",
    );
    flooder.write_all(&frame(&login)).await.unwrap();
    let limit = 200 * chunk.len();
    let mut sent = 0usize;
    let flood = async {
        while sent < limit {
            if flooder.write_all(&chunk).await.is_err() {
                break;
            }
            sent += chunk.len();
        }
    };
    // The server stops reading once its send buffer is full and the peer
    // does not read: the flood stalls, then the idle timeout closes it.
    let stalled = tokio::time::timeout(Duration::from_secs(20), flood).await;
    assert!(
        stalled.is_ok(),
        "the flooding session was not closed within 20 s"
    );
    assert!(
        sent < limit,
        "the flood was stopped ({sent} of {limit} bytes sent)"
    );
    let growth = resident_bytes().saturating_sub(rss_before);
    eprintln!(
        "flood: {sent} bytes sent before the server stopped reading and closed; resident memory grew by {growth} bytes"
    );
    assert!(
        growth < 64 * 1024 * 1024,
        "memory grew by {growth} bytes while {sent} bytes were flooded"
    );
    assert!(f.server.stats.timeouts.load(Ordering::Relaxed) >= 1);
    w.finish().await;
}

#[tokio::test]
async fn disconnects_mid_frame_and_mid_response() {
    let f = Fixture::start(|_| {}).await;
    let w = witness(&f).await;
    for _ in 0..20 {
        // Mid-frame.
        let mut c = f.login("ClientY").await;
        let wire = frame(&command("<poll op=\"req\"/>", "CUT-1"));
        bounded(c.send_raw(&wire[..wire.len() / 3])).await.unwrap();
        drop(c);
        // Mid-response: many commands sent, a few bytes read, gone.
        let mut raw = f.raw_tls().await;
        let login = command(
            r#"<login><clID>ClientY</clID><pw>bar-FOO2</pw><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login>"#,
            "CUT-2",
        );
        let (commands, _) = mixed_commands(9, 200).unwrap();
        bounded(raw.write_all(&frame(&login))).await.unwrap();
        bounded(raw.write_all(&commands.concat())).await.unwrap();
        let mut some = [0u8; 1000];
        bounded(raw.read_exact(&mut some)).await.unwrap();
        drop(raw);
    }
    sessions_drop_to(&f, 1).await;
    w.finish().await;
}

#[tokio::test]
async fn abandoned_tls_handshakes() {
    let f = Fixture::start(short_timeouts).await;
    let w = witness(&f).await;
    let mut idle = Vec::new();
    for i in 0..20 {
        let mut tcp = bounded(TcpStream::connect(f.server.addr)).await.unwrap();
        match i % 3 {
            // Nothing at all.
            0 => {}
            // Half a ClientHello record header.
            1 => bounded(tcp.write_all(&[0x16, 0x03, 0x01, 0x02]))
                .await
                .unwrap(),
            // Not TLS: the handshake fails at once.
            _ => bounded(tcp.write_all(b"\0\0\0\x20<epp/> not TLS at all......"))
                .await
                .unwrap(),
        }
        idle.push(tcp);
    }
    // The handshake timeout frees every one of them.
    sessions_drop_to(&f, 1).await;
    assert!(f.server.stats.failed_handshakes.load(Ordering::Relaxed) >= 20);
    for mut tcp in idle {
        let mut buf = [0u8; 64];
        let n = bounded(tcp.read(&mut buf)).await.unwrap_or(0);
        // Closed, perhaps after a TLS alert.
        assert!(n < 64);
    }
    w.finish().await;
}
