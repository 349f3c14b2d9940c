//! The main job: an EPP server and client on loopback over TLS, both on
//! epp-codec. Prints a short transcript of one session (greeting, login,
//! a few commands, logout), then pipelines commands from several sessions
//! at once and prints the throughput and latency percentiles.
//!
//! ```text
//! cargo run --release -p epp-codec-session --example loopback [SESSIONS [COMMANDS]]
//! ```
//!
//! Defaults: 8 sessions × 5 000 commands, at most 128 in flight per session.

use std::time::Instant;

use epp_codec::view::command::contact::{self, PostalInfoType};
use epp_codec::view::command::domain::{self, Contact as DomainContact, ContactType, NameServers};
use epp_codec::view::command::host;
use epp_codec::view::{
    AuthInfo, Command, ContactCommand, Date, DomainCommand, HostCommand, Poll, Request, Str,
    TransferOp,
};
use epp_codec_session::client::{Client, ClientError, Percentiles, Reply};
use epp_codec_session::server::{OBJECT_URIS, Server, ServerConfig};
use epp_codec_session::tls::TestPki;
use epp_codec_session::workload::mixed_commands;

const PW: AuthInfo<'static> = AuthInfo::Password {
    password: Str::new("2fooBAR"),
    roid: None,
};

#[tokio::main]
async fn main() -> Result<(), ClientError> {
    let mut args = std::env::args().skip(1);
    let sessions: usize = args.next().map_or(Ok(8), |s| s.parse())?;
    let per_session: usize = args.next().map_or(Ok(5000), |s| s.parse())?;

    let pki = TestPki::generate()?;
    let config = ServerConfig::new(pki.server_config(false)?).with_client("ClientY", "bar-FOO2");
    let server = Server::bind("127.0.0.1:0", config).await?.spawn()?;
    println!(
        "server on {} (TLS 1.2/1.3, test CA made at start-up)\n",
        server.addr
    );

    // ----- a short transcript -----
    let tls = pki.client_config(false, &[])?;
    let mut c = Client::connect(server.addr, tls.clone(), "127.0.0.1").await?;
    let g = c.greeting();
    println!(
        "S: greeting  svID={} objURIs={}",
        g.server_id().map(|s| s.to_string()).unwrap_or_default(),
        g.object_uris().len()
    );
    let reply = c.login("ClientX", "foo-BAR2", &OBJECT_URIS, &[]).await?;
    show("login ClientX", &reply);

    let street = [contact::Street(Str::new("123 Example Dr."))];
    let address = contact::Address::new(&street, "Dulles", "US");
    let postal = [contact::PostalInfo::new(
        PostalInfoType::Int,
        "John Doe",
        address,
    )];
    let contacts = [DomainContact::new("jd1234", ContactType::Admin)];
    let hosts = [Str::new("ns1.example.net")];
    let commands: Vec<(&str, Command<'_>)> = vec![
        (
            "contact create jd1234",
            Command::Contact(ContactCommand::Create(contact::Create::new(
                "jd1234",
                &postal,
                "jdoe@example.com",
                PW,
            ))),
        ),
        (
            "host create ns1.example.net",
            Command::Host(HostCommand::Create(host::Create::new("ns1.example.net"))),
        ),
        (
            "domain create example.com",
            Command::Domain(DomainCommand::Create(
                domain::Create::new("example.com", PW)
                    .with_registrant("jd1234")
                    .with_contacts(&contacts)
                    .with_name_servers(NameServers::objects(&hosts)),
            )),
        ),
        (
            "domain info example.com",
            Command::Domain(DomainCommand::Info(domain::Info::new("example.com"))),
        ),
        (
            "host delete ns1.example.net (linked)",
            Command::Host(HostCommand::Delete(host::Delete::new("ns1.example.net"))),
        ),
        (
            "contact delete jd1234 (linked)",
            Command::Contact(ContactCommand::Delete(contact::Delete::new("jd1234"))),
        ),
    ];
    let mut ex_date = None;
    for (label, command) in commands {
        let cl_trid = c.next_cl_trid();
        let reply = c
            .transact(&Request::new(command).with_cl_trid(&cl_trid))
            .await?;
        show(label, &reply);
        // Renew needs the current expiry date exactly: the server's, as
        // the info reported it (a year from today, which is not simply
        // next year's same day when today is 29 February).
        if let Some((_, rest)) = reply.text().split_once("<domain:exDate>") {
            ex_date = rest.get(..10).map(str::to_owned);
        }
    }
    let expiry = ex_date
        .as_deref()
        .and_then(Date::parse)
        .ok_or("no expiry date in the info reply")?;
    let cl_trid = c.next_cl_trid();
    let renew = domain::Renew::new("example.com", expiry);
    let reply = c
        .transact(
            &Request::new(Command::Domain(DomainCommand::Renew(renew))).with_cl_trid(&cl_trid),
        )
        .await?;
    show(
        &format!(
            "domain renew example.com (curExpDate {})",
            ex_date.as_deref().unwrap_or_default()
        ),
        &reply,
    );

    // A second registrar asks for the domain; the first gets a poll message.
    let mut other = Client::connect(server.addr, tls.clone(), "127.0.0.1").await?;
    other
        .login("ClientY", "bar-FOO2", &OBJECT_URIS, &[])
        .await?;
    let transfer = domain::Transfer::new("example.com").with_auth_info(PW);
    let cl_trid = other.next_cl_trid();
    let reply = other
        .transact(
            &Request::new(Command::Domain(DomainCommand::Transfer {
                op: TransferOp::Request,
                transfer,
            }))
            .with_cl_trid(&cl_trid),
        )
        .await?;
    show("ClientY: domain transfer request example.com", &reply);
    other.logout().await?;
    let cl_trid = c.next_cl_trid();
    let reply = c
        .transact(&Request::new(Command::Poll(Poll::Request)).with_cl_trid(&cl_trid))
        .await?;
    show("poll req", &reply);
    let bad = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check><domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"/></check><clTRID>BAD-1</clTRID></command></epp>"#;
    let mut framed_bad = epp_codec::frame::encode_header(bad.len())?.to_vec();
    framed_bad.extend_from_slice(bad);
    c.send_raw(&framed_bad).await?;
    let reply = c.receive().await?;
    show("domain check with no name (strict reader)", &reply);
    let reply = c.logout().await?;
    show("logout", &reply);

    // ----- throughput -----
    println!(
        "\npipelining: {sessions} sessions x {per_session} commands (domain create/check/info), window 128"
    );
    let started = Instant::now();
    let mut tasks = Vec::new();
    for s in 0..sessions {
        let tls = tls.clone();
        let addr = server.addr;
        tasks.push(tokio::spawn(async move {
            let (commands, ids) = mixed_commands(s, per_session)?;
            let mut client = Client::connect(addr, tls, "127.0.0.1").await?;
            let login = client
                .login("ClientX", "foo-BAR2", &OBJECT_URIS, &[])
                .await?;
            if login.code.as_u16() != 1000 {
                return Err::<_, ClientError>(format!("login: {}", login.code.as_u16()).into());
            }
            let report = client.pipeline(&commands, &ids, 128).await?;
            client.logout().await?;
            Ok(report)
        }));
    }
    let mut latencies = Vec::new();
    let mut failures = 0usize;
    let mut total = 0usize;
    for task in tasks {
        let report = task.await??;
        total += report.codes.len();
        failures += report
            .codes
            .iter()
            .filter(|c| c.is_none_or(|c| c.as_u16() != 1000))
            .count();
        latencies.extend(report.latencies);
    }
    let elapsed = started.elapsed();
    println!(
        "{total} commands in {elapsed:.2?}: {:.0} commands/s, {failures} not 1000; latency {}",
        total as f64 / elapsed.as_secs_f64(),
        Percentiles::of(&latencies)
    );
    println!(
        "server: {} connections, {} commands answered, {} domains held",
        server
            .stats
            .accepted
            .load(std::sync::atomic::Ordering::Relaxed),
        server
            .stats
            .commands
            .load(std::sync::atomic::Ordering::Relaxed),
        server.registry.domain_count()
    );
    if failures > 0 {
        return Err(format!("{failures} commands failed").into());
    }
    Ok(())
}

fn show(label: &str, reply: &Reply) {
    let response = epp_codec::view::read_response(&reply.xml).expect("read before");
    let message = response
        .results()
        .iter()
        .next()
        .and_then(|r| r.message())
        .map(|m| m.to_string())
        .unwrap_or_default();
    println!("C: {label:<52} S: {} {message}", reply.code.as_u16());
}
