//! Load: concurrent sessions pipelining commands; every response must be
//! 1000 and paired with its command by clTRID. Then instant-epp's client
//! runs the same mix of commands against the same server, and both rates
//! are printed.
//!
//! The CI form is short (8 sessions × 1 000 commands, instant-epp 8 × 200);
//! the form is `EPP_LOAD_SESSIONS=64 EPP_LOAD_COMMANDS=10000`
//! (`EPP_LOAD_PEER_COMMANDS` sets instant-epp's share), best run with
//! `cargo test --release -p epp-codec-session --test load -- --nocapture`.

mod common;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use common::*;
use epp_codec::view::ResultCode;
use epp_codec_session::client::{ClientError, Percentiles};
use epp_codec_session::server::OBJECT_URIS;
use epp_codec_session::workload::mixed_commands;
use instant_epp::EppClient;
use instant_epp::client::RustlsConnector;
use instant_epp::domain::{DomainCheck, DomainCreate, DomainInfo, ONE_YEAR};
use instant_epp::login::Login;
use instant_epp::logout::Logout;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// The whole load test gives up after this long.
const LOAD_TIMEOUT: Duration = Duration::from_secs(600);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_sessions_then_instant_epp() {
    let sessions = env("EPP_LOAD_SESSIONS", 8);
    let per_session = env("EPP_LOAD_COMMANDS", 1000);
    let peer_per_session = env("EPP_LOAD_PEER_COMMANDS", 200);
    let f = Fixture::start(|_| {}).await;

    // ----- our client, pipelined -----
    let started = Instant::now();
    let mut tasks = Vec::new();
    for s in 0..sessions {
        let tls = f.tls.clone();
        let addr = f.server.addr;
        tasks.push(tokio::spawn(async move {
            let (commands, ids) = mixed_commands(s, per_session)?;
            let mut client =
                epp_codec_session::client::Client::connect(addr, tls, "127.0.0.1").await?;
            let login = client
                .login("ClientX", "foo-BAR2", &OBJECT_URIS, &[])
                .await?;
            assert_eq!(login.code, ResultCode::Success);
            let report = client.pipeline(&commands, &ids, 128).await?;
            client.logout().await?;
            Ok::<_, ClientError>(report)
        }));
    }
    let mut latencies = Vec::new();
    let mut total = 0;
    for task in tasks {
        let report = tokio::time::timeout(LOAD_TIMEOUT, task)
            .await
            .expect("load timed out")
            .unwrap()
            .unwrap();
        assert!(
            report.codes.iter().all(|c| *c == Some(ResultCode::Success)),
            "every command answered 1000 and paired"
        );
        total += report.codes.len();
        latencies.extend(report.latencies);
    }
    let ours = total as f64 / started.elapsed().as_secs_f64();
    assert_eq!(total, sessions * per_session);
    println!(
        "epp-codec client: {sessions} sessions x {per_session} pipelined commands: {ours:.0} commands/s; latency {}",
        Percentiles::of(&latencies)
    );

    // ----- instant-epp, one command at a time per session -----
    let started = Instant::now();
    let mut tasks = Vec::new();
    for s in 0..sessions {
        let tls = f.tls.clone();
        let port = f.server.addr.port();
        tasks.push(tokio::spawn(async move {
            let connector = RustlsConnector::builder(("127.0.0.1".to_owned(), port))
                .unwrap()
                .build_with_config(tls);
            let mut client = EppClient::new(connector, "load".to_owned(), Duration::from_secs(30))
                .await
                .unwrap();
            client
                .transact(&Login::new("ClientX", "foo-BAR2", None, None), "LOAD-LOGIN")
                .await
                .unwrap();
            let mut latencies = Vec::with_capacity(peer_per_session);
            for i in 0..peer_per_session {
                let name = format!("peer{s}-{}.example", i / 4);
                let names = [name.as_str()];
                let id = format!("P{s}-{i}");
                let at = Instant::now();
                match i % 4 {
                    0 => {
                        let create =
                            DomainCreate::new(&name, ONE_YEAR, None, None, "2fooBAR", None);
                        client.transact(&create, &id).await.unwrap();
                    }
                    1 | 3 => {
                        client
                            .transact(&DomainInfo::new(&name, None), &id)
                            .await
                            .unwrap();
                    }
                    _ => {
                        client
                            .transact(&DomainCheck { domains: &names }, &id)
                            .await
                            .unwrap();
                    }
                }
                latencies.push(at.elapsed());
            }
            client.transact(&Logout, "LOAD-LOGOUT").await.unwrap();
            latencies
        }));
    }
    let mut peer_latencies = Vec::new();
    for task in tasks {
        let latencies = tokio::time::timeout(LOAD_TIMEOUT, task)
            .await
            .expect("load timed out")
            .unwrap();
        peer_latencies.extend(latencies);
    }
    let peer = peer_latencies.len() as f64 / started.elapsed().as_secs_f64();
    println!(
        "instant-epp client: {sessions} sessions x {peer_per_session} commands, one at a time: {peer:.0} commands/s; latency {}",
        Percentiles::of(&peer_latencies)
    );
    println!("ratio: {:.1}x", ours / peer);
    // Every session was closed and freed.
    bounded(async {
        while f.server.stats.active.load(Ordering::Relaxed) > 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
}
