//! The EPP server: RFC 5734 over TLS, one task per connection.
//!
//! A session runs as a plain loop over its TLS stream — read, answer every
//! complete frame, write — so that it never holds more than one receive
//! buffer (a frame cap plus one read) and one send buffer (a soft cap plus
//! one response): a client that pipelines without reading its responses
//! blocks the server's write, and so the server's reads, until the idle
//! timeout closes the connection.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use epp_codec::Limits;
use epp_codec::frame::{self, Decoded, FrameError};
use epp_codec::view::response::greeting::{Access, Purposes, Recipients, Retention};
use epp_codec::view::{Command, List, ResultCode, Str, check_services, read_command};
use epp_codec::write::{
    CommandErrorResponse, DcpData, GreetingData, ResponseData, ResultData, StatementData,
    WriteOptions, write_framed,
};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio::time::{Instant, timeout, timeout_at};
use tokio_rustls::TlsAcceptor;

use crate::registry::{Registry, rfc3339, unix_now, write_response};

/// The object services the server offers (RFC 5731-5733).
pub const OBJECT_URIS: [&str; 3] = [
    "urn:ietf:params:xml:ns:domain-1.0",
    "urn:ietf:params:xml:ns:host-1.0",
    "urn:ietf:params:xml:ns:contact-1.0",
];

/// How a server behaves: credentials, services, limits and timeouts.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The TLS configuration (certificate, client authentication).
    pub tls: Arc<rustls::ServerConfig>,
    /// Registrars allowed to log in: client id → password.
    pub clients: HashMap<String, String>,
    /// Object URIs offered in the greeting and accepted at login.
    pub objects: Vec<String>,
    /// Extension URIs offered in the greeting and accepted at login.
    pub extensions: Vec<String>,
    /// `<svID>`.
    pub server_id: String,
    /// A TLS handshake that takes longer is abandoned.
    pub handshake_timeout: Duration,
    /// A session that has not logged in by then is closed (connection hoarding).
    pub login_timeout: Duration,
    /// A session that sends nothing (or does not read) for this long is closed.
    pub idle_timeout: Duration,
    /// A data unit must arrive whole within this long of its first byte,
    /// or the session is closed: a peer trickling a byte now and then
    /// would otherwise hold a partial frame (up to `max_frame`) open for
    /// ever, each byte restarting the idle timeout.
    pub frame_timeout: Duration,
    /// Largest data unit (header included) accepted before login.
    pub pre_login_max_frame: u32,
    /// Largest data unit (header included) accepted after login.
    pub max_frame: u32,
    /// Responses are written out once this many bytes are waiting.
    pub send_buffer: usize,
    /// Failed logins tolerated before the server answers 2501 and closes.
    pub max_failed_logins: u32,
    /// Sessions one registrar may have logged in at once; a login beyond
    /// them is answered 2502 and the connection closed (RFC 5730 §3).
    pub max_sessions_per_client: u32,
}

impl ServerConfig {
    /// Defaults for `tls`: one registrar `ClientX`/`foo-BAR2`, the three
    /// standard objects, 10 s login deadline, 60 s idle timeout, 30 s for
    /// a data unit to arrive whole, 8 KiB
    /// frames before login and 1 MiB after, 3 failed logins, 100 sessions
    /// per registrar.
    pub fn new(tls: Arc<rustls::ServerConfig>) -> Self {
        ServerConfig {
            tls,
            clients: HashMap::from([("ClientX".to_owned(), "foo-BAR2".to_owned())]),
            objects: OBJECT_URIS.iter().map(|&s| s.to_owned()).collect(),
            extensions: Vec::new(),
            server_id: "epp-codec example server".to_owned(),
            handshake_timeout: Duration::from_secs(10),
            login_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            frame_timeout: Duration::from_secs(30),
            pre_login_max_frame: 8 * 1024,
            max_frame: 1024 * 1024,
            send_buffer: 64 * 1024,
            max_failed_logins: 3,
            max_sessions_per_client: 100,
        }
    }

    /// The same, also accepting registrar `client_id` with `password`.
    pub fn with_client(mut self, client_id: &str, password: &str) -> Self {
        self.clients
            .insert(client_id.to_owned(), password.to_owned());
        self
    }
}

/// Counters a test or the example reads while the server runs.
#[derive(Debug, Default)]
pub struct ServerStats {
    /// Connections accepted so far.
    pub accepted: AtomicU64,
    /// Sessions now running (handshake included).
    pub active: AtomicUsize,
    /// Commands answered.
    pub commands: AtomicU64,
    /// Sessions closed because of a framing error or an oversize frame.
    pub framing_errors: AtomicU64,
    /// Sessions closed by the idle timeout or the login deadline.
    pub timeouts: AtomicU64,
    /// TLS handshakes that failed or were abandoned.
    pub failed_handshakes: AtomicU64,
}

/// A server bound to an address, not yet serving.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    config: ServerConfig,
    passwords: Mutex<HashMap<String, String>>,
    /// Logged-in sessions per registrar.
    sessions: Mutex<HashMap<String, u32>>,
    registry: Arc<Registry>,
    stats: Arc<ServerStats>,
}

/// A running server: its address, registry and counters. Dropping it stops
/// accepting (sessions already running finish on their own).
#[derive(Debug)]
pub struct ServerHandle {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its repository.
    pub registry: Arc<Registry>,
    /// Its counters.
    pub stats: Arc<ServerStats>,
    task: JoinHandle<()>,
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    /// Binds `addr` (use port 0 for any free port).
    ///
    /// # Errors
    ///
    /// When the address cannot be bound.
    pub async fn bind(addr: &str, config: ServerConfig) -> io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                passwords: Mutex::new(config.clients.clone()),
                sessions: Mutex::new(HashMap::new()),
                config,
                registry: Arc::new(Registry::new()),
                stats: Arc::new(ServerStats::default()),
            }),
        })
    }

    /// Where the server listens.
    ///
    /// # Errors
    ///
    /// As [`TcpListener::local_addr`].
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Accepts connections on a background task, one task per session.
    ///
    /// # Errors
    ///
    /// As [`TcpListener::local_addr`].
    pub fn spawn(self) -> io::Result<ServerHandle> {
        let addr = self.listener.local_addr()?;
        let registry = self.shared.registry.clone();
        let stats = self.shared.stats.clone();
        let task = tokio::spawn(self.run());
        Ok(ServerHandle {
            addr,
            registry,
            stats,
            task,
        })
    }

    /// Accepts connections until the task is dropped.
    pub async fn run(self) {
        let acceptor = TlsAcceptor::from(self.shared.config.tls.clone());
        loop {
            let Ok((stream, _peer)) = self.listener.accept().await else {
                // Out of file descriptors and the like: back off briefly.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            };
            let _ = stream.set_nodelay(true);
            let shared = self.shared.clone();
            let acceptor = acceptor.clone();
            shared.stats.accepted.fetch_add(1, Ordering::Relaxed);
            shared.stats.active.fetch_add(1, Ordering::Relaxed);
            tokio::spawn(async move {
                connection(stream, acceptor, &shared).await;
                shared.stats.active.fetch_sub(1, Ordering::Relaxed);
            });
        }
    }
}

async fn connection(stream: TcpStream, acceptor: TlsAcceptor, shared: &Shared) {
    let handshake = timeout(shared.config.handshake_timeout, acceptor.accept(stream)).await;
    let Ok(Ok(tls)) = handshake else {
        shared
            .stats
            .failed_handshakes
            .fetch_add(1, Ordering::Relaxed);
        return;
    };
    let mut session = Session::new(tls, shared);
    let _ = session.run().await;
}

/// Why a session ends.
enum End {
    /// The peer closed, or an I/O error.
    Closed,
    /// Logout, a framing error, a timeout: answered, then closed.
    Answered,
}

/// Bytes read per call: small enough to keep a session's memory low.
const READ_CHUNK: usize = 16 * 1024;

struct Session<'s, S> {
    io: S,
    shared: &'s Shared,
    inbuf: Vec<u8>,
    start: usize,
    out: Vec<u8>,
    client: Option<String>,
    failed_logins: u32,
    login_deadline: Instant,
    /// When the first byte of the data unit not yet whole arrived (`None`
    /// when `inbuf` holds nothing past the frames answered).
    frame_started: Option<Instant>,
}

impl<S> Drop for Session<'_, S> {
    /// A logged-in session, however it ends, frees its registrar's slot.
    fn drop(&mut self) {
        if let Some(client) = &self.client {
            let mut sessions = self
                .shared
                .sessions
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(count) = sessions.get_mut(client) {
                *count = count.saturating_sub(1);
            }
        }
    }
}

impl<'s, S: AsyncRead + AsyncWrite + Unpin> Session<'s, S> {
    fn new(io: S, shared: &'s Shared) -> Self {
        Session {
            io,
            shared,
            inbuf: Vec::with_capacity(READ_CHUNK),
            start: 0,
            out: Vec::with_capacity(4096),
            client: None,
            failed_logins: 0,
            login_deadline: Instant::now() + shared.config.login_timeout,
            frame_started: None,
        }
    }

    fn limits(&self) -> Limits {
        let cap = if self.client.is_some() {
            self.shared.config.max_frame
        } else {
            self.shared.config.pre_login_max_frame
        };
        Limits::new().with_max_frame_len(cap)
    }

    async fn run(&mut self) -> io::Result<()> {
        self.greeting();
        self.flush().await?;
        let end = self.serve().await;
        if matches!(end, End::Answered) {
            // Best effort: the peer may be gone or not reading.
            let _ = timeout(Duration::from_secs(1), async {
                let _ = self.io.write_all(&self.out).await;
                let _ = self.io.shutdown().await;
            })
            .await;
        }
        Ok(())
    }

    async fn serve(&mut self) -> End {
        loop {
            // Answer every complete frame already received.
            loop {
                match self.next_frame() {
                    Ok(Some((from, to))) => {
                        // The bytes left after it start the next frame's clock.
                        self.frame_started = None;
                        let payload = std::mem::take(&mut self.inbuf);
                        let stop = self.answer(&payload[from..to]);
                        self.inbuf = payload;
                        self.shared.stats.commands.fetch_add(1, Ordering::Relaxed);
                        if stop {
                            return End::Answered;
                        }
                        if self.out.len() >= self.shared.config.send_buffer
                            && self.flush().await.is_err()
                        {
                            return End::Closed;
                        }
                    }
                    Ok(None) => break,
                    Err(_) => {
                        self.shared
                            .stats
                            .framing_errors
                            .fetch_add(1, Ordering::Relaxed);
                        self.fail_and_close("framing error or frame too large");
                        return End::Answered;
                    }
                }
            }
            if self.flush().await.is_err() {
                return End::Closed;
            }
            // Then wait for more.
            self.compact();
            if self.inbuf.is_empty() {
                self.frame_started = None;
            } else if self.frame_started.is_none() {
                // Now: just after the read that brought its first bytes.
                self.frame_started = Some(Instant::now());
            }
            let deadline = self.read_deadline();
            let filled = self.inbuf.len();
            self.inbuf.resize(filled + READ_CHUNK, 0);
            let read = timeout_at(deadline, self.io.read(&mut self.inbuf[filled..])).await;
            match read {
                Ok(Ok(0)) | Ok(Err(_)) => {
                    self.inbuf.truncate(filled);
                    return End::Closed;
                }
                Ok(Ok(n)) => self.inbuf.truncate(filled + n),
                Err(_) => {
                    self.inbuf.truncate(filled);
                    self.shared.stats.timeouts.fetch_add(1, Ordering::Relaxed);
                    let now = Instant::now();
                    let why = if self.client.is_none() && now >= self.login_deadline {
                        "login deadline passed"
                    } else if self
                        .frame_started
                        .is_some_and(|t| now >= t + self.shared.config.frame_timeout)
                    {
                        "data unit not whole in time"
                    } else {
                        "idle timeout"
                    };
                    self.fail_and_close(why);
                    return End::Answered;
                }
            }
        }
    }

    fn read_deadline(&self) -> Instant {
        let mut deadline = Instant::now() + self.shared.config.idle_timeout;
        if self.client.is_none() {
            deadline = deadline.min(self.login_deadline);
        }
        if let Some(started) = self.frame_started {
            deadline = deadline.min(started + self.shared.config.frame_timeout);
        }
        deadline
    }

    /// The span of the next complete frame's payload in `inbuf`, consumed.
    fn next_frame(&mut self) -> Result<Option<(usize, usize)>, FrameError> {
        let limits = self.limits();
        match frame::decode(&self.inbuf[self.start..], &limits)? {
            Decoded::Frame { payload, consumed } => {
                let from = self.start + frame::HEADER_LEN;
                let to = from + payload.len();
                self.start += consumed;
                Ok(Some((from, to)))
            }
            Decoded::Incomplete { .. } => Ok(None),
        }
    }

    /// Drops the frames already answered from the front of `inbuf`.
    fn compact(&mut self) {
        if self.start > 0 {
            self.inbuf.drain(..self.start);
            self.start = 0;
        }
    }

    async fn flush(&mut self) -> io::Result<()> {
        if self.out.is_empty() {
            return Ok(());
        }
        // A peer that does not read blocks this write: give up after the
        // idle timeout rather than wait (or buffer) for ever.
        let idle = self.shared.config.idle_timeout;
        let written = timeout(idle, async {
            self.io.write_all(&self.out).await?;
            self.io.flush().await
        })
        .await;
        self.out.clear();
        if self.out.capacity() > 4 * self.shared.config.send_buffer {
            self.out.shrink_to(self.shared.config.send_buffer);
        }
        match written {
            Ok(result) => result,
            Err(_) => {
                self.shared.stats.timeouts.fetch_add(1, Ordering::Relaxed);
                Err(io::Error::new(io::ErrorKind::TimedOut, "peer not reading"))
            }
        }
    }

    fn greeting(&mut self) {
        let config = &self.shared.config;
        let objects: Vec<Str<'_>> = config.objects.iter().map(|s| Str::new(s)).collect();
        let extensions: Vec<Str<'_>> = config.extensions.iter().map(|s| Str::new(s)).collect();
        let statements = [StatementData {
            purposes: Purposes {
                admin: true,
                provisioning: true,
                ..Purposes::default()
            },
            recipients: Recipients {
                ours: true,
                public: true,
                ..Recipients::default()
            },
            ours: List::empty(),
            retention: Some(Retention::Stated),
        }];
        let date = rfc3339(unix_now());
        let greeting = GreetingData {
            server_id: &config.server_id,
            server_date: &date,
            versions: &[Str::new("1.0")],
            langs: &[Str::new("en")],
            object_uris: &objects,
            extension_uris: &extensions,
            dcp: DcpData {
                access: Access::All,
                statements: &statements,
                expiry: None,
            },
        };
        let _ = write_framed(&greeting, &mut self.out, &WriteOptions::new());
    }

    /// Answers a 2500 and marks the session for closing.
    fn fail_and_close(&mut self, why: &str) {
        let sv_trid = self.shared.registry.next_sv_trid();
        let results = [
            ResultData::new(ResultCode::CommandFailedServerClosingConnection)
                .with_message(why, None),
        ];
        write_response(&mut self.out, &ResponseData::new(&results, &sv_trid));
    }

    /// Answers one command; true when the session must end.
    fn answer(&mut self, payload: &[u8]) -> bool {
        let shared = self.shared;
        let request = match read_command(payload) {
            Ok(request) => request,
            Err(error) => {
                let sv_trid = shared.registry.next_sv_trid();
                let cl_trid = sniff_cl_trid(payload);
                let mut answer = CommandErrorResponse::new(&error, payload, &sv_trid);
                if let Some(cl_trid) = cl_trid {
                    answer = answer.with_cl_trid(cl_trid);
                }
                if write_framed(&answer, &mut self.out, &WriteOptions::new()).is_err() {
                    self.fail_and_close("unreadable command");
                    return true;
                }
                return false;
            }
        };
        let cl_trid = request.cl_trid();
        let simple = |out: &mut Vec<u8>, code: ResultCode, why: Option<&str>| {
            let sv_trid = shared.registry.next_sv_trid();
            let mut result = ResultData::new(code);
            if let Some(why) = why {
                result = result.with_message(why, None);
            }
            let results = [result];
            let mut response = ResponseData::new(&results, &sv_trid);
            response.cl_trid = cl_trid;
            write_response(out, &response);
        };
        match request.command() {
            Command::Hello => {
                self.greeting();
                false
            }
            Command::Logout => {
                simple(&mut self.out, ResultCode::SuccessEndingSession, None);
                true
            }
            Command::Login(login) => {
                if self.client.is_some() {
                    simple(
                        &mut self.out,
                        ResultCode::CommandUseError,
                        Some("already logged in"),
                    );
                    return false;
                }
                if !login.version().eq_str("1.0") {
                    simple(
                        &mut self.out,
                        ResultCode::UnimplementedProtocolVersion,
                        None,
                    );
                    return false;
                }
                if !login.lang().eq_str("en") {
                    simple(
                        &mut self.out,
                        ResultCode::UnimplementedOption,
                        Some("lang en only"),
                    );
                    return false;
                }
                let client_id = login.client_id().to_cow().into_owned();
                let mut passwords = shared
                    .passwords
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let authenticated = passwords
                    .get(&client_id)
                    .is_some_and(|pw| login.password().eq_str(pw));
                if !authenticated {
                    drop(passwords);
                    self.failed_logins += 1;
                    if self.failed_logins >= shared.config.max_failed_logins {
                        simple(
                            &mut self.out,
                            ResultCode::AuthenticationErrorServerClosingConnection,
                            None,
                        );
                        return true;
                    }
                    simple(&mut self.out, ResultCode::AuthenticationError, None);
                    return false;
                }
                let objects: Vec<&str> = shared.config.objects.iter().map(String::as_str).collect();
                let extensions: Vec<&str> = shared
                    .config
                    .extensions
                    .iter()
                    .map(String::as_str)
                    .collect();
                if let Err(error) = check_services(login, &objects, &extensions) {
                    drop(passwords);
                    let sv_trid = shared.registry.next_sv_trid();
                    let mut answer = CommandErrorResponse::new(&error, payload, &sv_trid);
                    if let Some(cl_trid) = cl_trid {
                        answer = answer.with_cl_trid(cl_trid.raw());
                    }
                    let _ = write_framed(&answer, &mut self.out, &WriteOptions::new());
                    return false;
                }
                {
                    let mut sessions = shared
                        .sessions
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    let count = sessions.entry(client_id.clone()).or_insert(0);
                    if *count >= shared.config.max_sessions_per_client {
                        drop(sessions);
                        drop(passwords);
                        simple(
                            &mut self.out,
                            ResultCode::SessionLimitExceededServerClosingConnection,
                            None,
                        );
                        return true;
                    }
                    *count += 1;
                }
                if let Some(new_password) = login.new_password() {
                    passwords.insert(client_id.clone(), new_password.to_cow().into_owned());
                }
                drop(passwords);
                self.client = Some(client_id);
                simple(&mut self.out, ResultCode::Success, None);
                false
            }
            _ => match &self.client {
                None => {
                    simple(
                        &mut self.out,
                        ResultCode::CommandUseError,
                        Some("login first"),
                    );
                    false
                }
                Some(client) => {
                    shared.registry.execute(client, &request, &mut self.out);
                    false
                }
            },
        }
    }
}

/// The `<clTRID>` of a command the strict reader refused, when it can be
/// found by a plain search, so that the error still pairs with its command.
fn sniff_cl_trid(payload: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(payload).ok()?;
    let start = text.find("<clTRID>")? + "<clTRID>".len();
    let len = text[start..].find("</clTRID>")?;
    let value = text[start..start + len].trim();
    let plain = (3..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
    plain.then_some(value)
}
