//! The server under load on its own runtime thread (`epp-server`), the
//! pipelining clients on another (`epp-client`), so that a profiler can
//! tell the server's CPU from the clients' and measure the codec's share of
//! it:
//!
//! ```text
//! cargo build --release -p epp-codec-session --example server_share
//! perf record -F 999 -g -o server.data target/release/examples/server_share 16 5000
//! perf report -i server.data --comm epp-server --no-children --sort sym
//! ```
//!
//! Prints the commands/s and the server's CPU time (from
//! `/proc/self/task/*/stat`, Linux only).

use std::time::Instant;

use epp_codec_session::client::{Client, ClientError};
use epp_codec_session::server::{OBJECT_URIS, Server, ServerConfig};
use epp_codec_session::tls::TestPki;
use epp_codec_session::workload::mixed_commands;

/// CPU seconds used so far by this process's threads called `name`.
fn thread_cpu_seconds(name: &str) -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return f64::NAN;
    };
    let ticks = 100.0; // USER_HZ on Linux
    let mut total = 0.0;
    for task in tasks.flatten() {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if comm.trim() != name {
            continue;
        }
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        // Fields after the parenthesised command: utime is the 14th, stime the 15th.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let fields: Vec<&str> = after.split_whitespace().collect();
        let utime: f64 = fields.get(11).and_then(|f| f.parse().ok()).unwrap_or(0.0);
        let stime: f64 = fields.get(12).and_then(|f| f.parse().ok()).unwrap_or(0.0);
        total += (utime + stime) / ticks;
    }
    total
}

fn main() -> Result<(), ClientError> {
    let mut args = std::env::args().skip(1);
    let sessions: usize = args.next().map_or(Ok(16), |s| s.parse())?;
    let per_session: usize = args.next().map_or(Ok(5000), |s| s.parse())?;

    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("epp-server")
        .enable_all()
        .build()?;
    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("epp-client")
        .enable_all()
        .build()?;

    let pki = TestPki::generate()?;
    let config = ServerConfig::new(pki.server_config(false)?);
    let server = server_rt.block_on(async { Server::bind("127.0.0.1:0", config).await })?;
    let server = server_rt.block_on(async { server.spawn() })?;
    let addr = server.addr;
    let tls = pki.client_config(false, &[])?;

    let cpu_before = thread_cpu_seconds("epp-server");
    let started = Instant::now();
    let total = client_rt.block_on(async move {
        let mut tasks = Vec::new();
        for s in 0..sessions {
            let tls = tls.clone();
            tasks.push(tokio::spawn(async move {
                let (commands, ids) = mixed_commands(s, per_session)?;
                let mut client = Client::connect(addr, tls, "127.0.0.1").await?;
                client
                    .login("ClientX", "foo-BAR2", &OBJECT_URIS, &[])
                    .await?;
                let report = client.pipeline(&commands, &ids, 128).await?;
                client.logout().await?;
                Ok::<_, ClientError>(report.codes.len())
            }));
        }
        let mut total = 0usize;
        for task in tasks {
            total += task.await.map_err(|e| ClientError::from(e.to_string()))??;
        }
        Ok::<_, ClientError>(total)
    })?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds("epp-server") - cpu_before;
    println!(
        "{total} commands in {seconds:.2} s: {:.0} commands/s; server thread CPU {cpu:.2} s ({:.1} µs per command)",
        total as f64 / seconds,
        cpu * 1e6 / total as f64
    );
    drop(server);
    Ok(())
}
