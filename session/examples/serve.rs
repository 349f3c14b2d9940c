//! The example server alone, for clients in other languages: the Go and
//! Python bindings' example clients run their session against it in CI.
//!
//! ```text
//! cargo run --release -p epp-codec-session --example serve -- CA_PEM_PATH [SECONDS]
//! ```
//!
//! It makes a throw-away CA and server certificate, writes the CA in PEM to
//! `CA_PEM_PATH`, listens on an ephemeral loopback port, prints
//! `listening on 127.0.0.1:PORT` on its own line, and serves (registrars
//! `ClientX` with password `foo-BAR2` and `ClientY` with `bar-FOO2`, the
//! second for the clients' transfer requests; no client certificate
//! required) until `SECONDS` (default 120) have passed or its standard
//! input closes, whichever comes first. It then prints the server's counters and exits,
//! so a test that forgets to stop it does not leave it running.

use std::io::Write;
use std::time::Duration;

use epp_codec_session::server::{Server, ServerConfig};
use epp_codec_session::tls::TestPki;
use tokio::io::AsyncReadExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut args = std::env::args().skip(1);
    let ca_path = args.next().ok_or("usage: serve CA_PEM_PATH [SECONDS]")?;
    let seconds: u64 = args.next().map_or(Ok(120), |s| s.parse())?;

    let pki = TestPki::generate()?;
    std::fs::write(&ca_path, &pki.ca_pem)?;
    let config = ServerConfig::new(pki.server_config(false)?).with_client("ClientY", "bar-FOO2");
    let server = Server::bind("127.0.0.1:0", config).await?.spawn()?;
    println!("listening on {}", server.addr);
    std::io::stdout().flush()?;

    let stdin_closed = async {
        let mut stdin = tokio::io::stdin();
        let mut buf = [0u8; 64];
        while stdin.read(&mut buf).await.is_ok_and(|n| n > 0) {}
    };
    tokio::select! {
        () = stdin_closed => {}
        () = tokio::time::sleep(Duration::from_secs(seconds)) => {
            eprintln!("serve: {seconds} s passed, stopping");
        }
    }
    println!("{:?}", server.stats);
    Ok(())
}
