//! Shared by the session tests: a server on loopback with its test PKI,
//! commands written as RFC-style XML, and a time limit on every await.

#![allow(dead_code, unreachable_pub)]

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use epp_codec::view::ResultCode;
use epp_codec_session::client::{Client, Reply};
use epp_codec_session::server::{OBJECT_URIS, Server, ServerConfig, ServerHandle};
use epp_codec_session::tls::TestPki;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

/// Every await in these tests gives up after this long instead of hanging.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub async fn bounded<F: Future>(f: F) -> F::Output {
    tokio::time::timeout(TIMEOUT, f)
        .await
        .expect("test step timed out")
}

pub const DOMAIN: &str = r#"xmlns:domain="urn:ietf:params:xml:ns:domain-1.0""#;
pub const HOST: &str = r#"xmlns:host="urn:ietf:params:xml:ns:host-1.0""#;
pub const CONTACT: &str = r#"xmlns:contact="urn:ietf:params:xml:ns:contact-1.0""#;

/// A running server and what a client needs to reach it.
pub struct Fixture {
    pub server: ServerHandle,
    pub pki: TestPki,
    pub tls: Arc<rustls::ClientConfig>,
}

impl Fixture {
    /// A server with two registrars (ClientX, ClientY), configured further by `tweak`.
    pub async fn start(tweak: impl FnOnce(&mut ServerConfig)) -> Fixture {
        let pki = TestPki::generate().unwrap();
        let mut config =
            ServerConfig::new(pki.server_config(false).unwrap()).with_client("ClientY", "bar-FOO2");
        tweak(&mut config);
        let server = Server::bind("127.0.0.1:0", config)
            .await
            .unwrap()
            .spawn()
            .unwrap();
        let tls = pki.client_config(false, &[]).unwrap();
        Fixture { server, pki, tls }
    }

    pub async fn connect(&self) -> Client {
        bounded(Client::connect(
            self.server.addr,
            self.tls.clone(),
            "127.0.0.1",
        ))
        .await
        .unwrap()
    }

    /// A client logged in as `who` (ClientX or ClientY).
    pub async fn login(&self, who: &str) -> Client {
        let mut c = self.connect().await;
        let pw = if who == "ClientX" {
            "foo-BAR2"
        } else {
            "bar-FOO2"
        };
        let reply = bounded(c.login(who, pw, &OBJECT_URIS, &[])).await.unwrap();
        assert_eq!(reply.code, ResultCode::Success, "{}", reply.text());
        c
    }

    /// A raw TLS stream, greeting not read.
    pub async fn raw_tls(&self) -> TlsStream<TcpStream> {
        bounded(epp_codec_session::client::connect_tls(
            self.server.addr,
            self.tls.clone(),
            "127.0.0.1",
        ))
        .await
        .unwrap()
    }
}

/// `xml` as an RFC 5734 data unit.
pub fn frame(xml: &str) -> Vec<u8> {
    let mut out = epp_codec::frame::encode_header(xml.len()).unwrap().to_vec();
    out.extend_from_slice(xml.as_bytes());
    out
}

/// A `<command>` holding `body`, with clTRID `cl_trid`.
pub fn command(body: &str, cl_trid: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command>{body}<clTRID>{cl_trid}</clTRID></command></epp>"#
    )
}

/// Sends `body` as a command, reads the answer, checks the clTRID echo.
pub async fn send(c: &mut Client, body: &str) -> Reply {
    let cl_trid = c.next_cl_trid();
    bounded(c.send_raw(&frame(&command(body, &cl_trid))))
        .await
        .unwrap();
    let reply = bounded(c.receive()).await.unwrap();
    assert_eq!(
        reply.cl_trid.as_deref(),
        Some(cl_trid.as_str()),
        "{}",
        reply.text()
    );
    reply
}

/// Sends `body` and asserts the result code; returns the response text.
pub async fn expect(c: &mut Client, body: &str, code: u16) -> String {
    let reply = send(c, body).await;
    let text = reply.text().into_owned();
    assert_eq!(reply.code.as_u16(), code, "{body}\n=> {text}");
    text
}

/// The text of element `<prefix:name>` in `xml` (first occurrence).
pub fn field<'x>(xml: &'x str, name: &str) -> Option<&'x str> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find('<')?;
    Some(&xml[start..start + end])
}

pub fn domain_create(name: &str, extra: &str) -> String {
    format!(
        r#"<create><domain:create {DOMAIN}><domain:name>{name}</domain:name>{extra}<domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create>"#
    )
}

pub fn contact_create(id: &str) -> String {
    format!(
        r#"<create><contact:create {CONTACT}><contact:id>{id}</contact:id><contact:postalInfo type="int"><contact:name>John Doe</contact:name><contact:org>Example Inc.</contact:org><contact:addr><contact:street>123 Example Dr.</contact:street><contact:city>Dulles</contact:city><contact:sp>VA</contact:sp><contact:pc>20166-6503</contact:pc><contact:cc>US</contact:cc></contact:addr></contact:postalInfo><contact:voice>+1.7035555555</contact:voice><contact:email>jdoe@example.com</contact:email><contact:authInfo><contact:pw>2fooBAR</contact:pw></contact:authInfo></contact:create></create>"#
    )
}

pub fn host_create(name: &str, addrs: &str) -> String {
    format!(
        r#"<create><host:create {HOST}><host:name>{name}</host:name>{addrs}</host:create></create>"#
    )
}
