//! The EPP client: connects over TLS, reads the greeting, negotiates its
//! login from the greeting's service menu, then runs commands one at a
//! time or pipelined, pairing each response with its command by `<clTRID>`.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use epp_codec::Limits;
use epp_codec::frame::{self, Decoded};
use epp_codec::view::{
    Command, Greeting, Login, Negotiation, Request, ResultCode, read_greeting, read_response,
};
use epp_codec::write::{WriteOptions, write_framed};
use rustls::pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadHalf, WriteHalf};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, mpsc};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

/// The client's errors: I/O, or a peer that does not speak EPP as expected.
pub type ClientError = Box<dyn std::error::Error + Send + Sync>;

/// Frames the client accepts from the server: 16 MiB, as a registry's info
/// responses can be large.
const MAX_FRAME: u32 = 16 * 1024 * 1024;

/// Reads EPP frames out of a byte stream.
#[derive(Debug)]
pub struct FrameReader<R> {
    io: R,
    /// Received bytes in `start..end`; past `end`, room for the next read.
    buf: Vec<u8>,
    start: usize,
    end: usize,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// Reads frames from `io`.
    pub fn new(io: R) -> Self {
        FrameReader {
            io,
            buf: Vec::with_capacity(64 * 1024),
            start: 0,
            end: 0,
        }
    }

    /// The next frame's payload, `None` at a clean end of stream.
    ///
    /// Cancel-safe: dropped while it waits (in a `select!` or a
    /// `timeout`), it loses nothing; the next call goes on from the bytes
    /// received so far.
    ///
    /// # Errors
    ///
    /// I/O errors, a bad frame header, or a stream cut mid-frame.
    pub async fn next(&mut self) -> Result<Option<&[u8]>, ClientError> {
        let limits = Limits::new().with_max_frame_len(MAX_FRAME);
        loop {
            if let Decoded::Frame { consumed, .. } =
                frame::decode(&self.buf[self.start..self.end], &limits)?
            {
                let from = self.start + frame::HEADER_LEN;
                let to = self.start + consumed;
                self.start = to;
                return Ok(Some(&self.buf[from..to]));
            }
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buf.len() < self.end + 64 * 1024 {
                self.buf.resize(self.end + 64 * 1024, 0);
            }
            // The only await: nothing above it is undone by a cancel, and
            // `end` moves only once the read has returned.
            let n = self.io.read(&mut self.buf[self.end..]).await?;
            if n == 0 {
                return if self.end == 0 {
                    Ok(None)
                } else {
                    Err("connection closed mid-frame".into())
                };
            }
            self.end += n;
        }
    }
}

/// Connects TCP then TLS to `addr`, checking the certificate for `server_name`.
///
/// # Errors
///
/// Connection or handshake failures.
pub async fn connect_tls(
    addr: SocketAddr,
    tls: Arc<rustls::ClientConfig>,
    server_name: &str,
) -> Result<TlsStream<TcpStream>, ClientError> {
    let tcp = TcpStream::connect(addr).await?;
    tcp.set_nodelay(true)?;
    let name = ServerName::try_from(server_name.to_owned())?;
    Ok(TlsConnector::from(tls).connect(name, tcp).await?)
}

/// A connected, greeted client.
#[derive(Debug)]
pub struct Client<S = TlsStream<TcpStream>> {
    reader: FrameReader<ReadHalf<S>>,
    writer: WriteHalf<S>,
    greeting: Vec<u8>,
    next_trid: u64,
}

/// One response, kept as its payload with the fields a caller checks.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The result code.
    pub code: ResultCode,
    /// The `<clTRID>` echoed, if any.
    pub cl_trid: Option<String>,
    /// The whole payload.
    pub xml: Vec<u8>,
}

impl Reply {
    fn read(payload: &[u8]) -> Result<Reply, ClientError> {
        let response = read_response(payload).map_err(|e| format!("bad response: {e}"))?;
        Ok(Reply {
            code: response.code(),
            cl_trid: response.cl_trid().map(|s| s.to_cow().into_owned()),
            xml: payload.to_vec(),
        })
    }

    /// The payload as text.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.xml)
    }
}

impl Client<TlsStream<TcpStream>> {
    /// Connects to `addr` over TLS and reads the greeting.
    ///
    /// # Errors
    ///
    /// Connection, handshake or greeting failures.
    pub async fn connect(
        addr: SocketAddr,
        tls: Arc<rustls::ClientConfig>,
        server_name: &str,
    ) -> Result<Self, ClientError> {
        let stream = connect_tls(addr, tls, server_name).await?;
        Client::over(stream).await
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Client<S> {
    /// Greets over an established stream: reads the server's greeting.
    ///
    /// # Errors
    ///
    /// When the first frame is not a greeting.
    pub async fn over(stream: S) -> Result<Self, ClientError> {
        let (read, writer) = tokio::io::split(stream);
        let mut reader = FrameReader::new(read);
        let greeting = reader
            .next()
            .await?
            .ok_or("connection closed before the greeting")?
            .to_vec();
        read_greeting(&greeting).map_err(|e| format!("bad greeting: {e}"))?;
        Ok(Client {
            reader,
            writer,
            greeting,
            next_trid: 0,
        })
    }

    /// The server's greeting.
    pub fn greeting(&self) -> Greeting<'_> {
        read_greeting(&self.greeting).expect("checked when connecting")
    }

    /// A fresh client transaction id.
    pub fn next_cl_trid(&mut self) -> String {
        self.next_trid += 1;
        format!("CL-{}", self.next_trid)
    }

    /// Logs in as `client_id`, asking for the `objects` and `extensions` the
    /// greeting offers (those it does not are left out).
    ///
    /// # Errors
    ///
    /// I/O errors, or a server that offers none of `objects`.
    pub async fn login(
        &mut self,
        client_id: &str,
        password: &str,
        objects: &[&str],
        extensions: &[&str],
    ) -> Result<Reply, ClientError> {
        self.next_trid += 1;
        let cl_trid = format!("CL-{}", self.next_trid);
        // The greeting's URIs are borrowed only while the login is written.
        let out = {
            let greeting =
                read_greeting(&self.greeting).map_err(|e| format!("bad greeting: {e}"))?;
            let negotiation: Negotiation<'_, 16> = Negotiation::new(&greeting, objects, extensions);
            if negotiation.objects.is_empty() {
                return Err("the server offers none of the objects asked for".into());
            }
            let object_uris: Vec<_> = negotiation.objects.iter().copied().collect();
            let extension_uris: Vec<_> = negotiation.extensions.iter().copied().collect();
            let login =
                Login::new(client_id, password, &object_uris).with_extension_uris(&extension_uris);
            framed(&Request::new(Command::Login(login)).with_cl_trid(&cl_trid))?
        };
        self.send_raw(&out).await?;
        self.receive().await
    }

    /// Writes `request` (with its clTRID set) and waits for its response.
    ///
    /// # Errors
    ///
    /// I/O errors or an unreadable response.
    pub fn transact(
        &mut self,
        request: &Request<'_>,
    ) -> impl Future<Output = Result<Reply, ClientError>> + Send + '_
    where
        S: Send,
    {
        // Written before the future starts, so that the future does not
        // hold the (not `Send`) request across an await.
        let bytes = framed(request);
        async move {
            self.send_raw(&bytes?).await?;
            self.receive().await
        }
    }

    /// Writes raw bytes (already framed, or deliberately not).
    ///
    /// # Errors
    ///
    /// I/O errors.
    pub async fn send_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer.write_all(bytes).await?;
        self.writer.flush().await
    }

    /// The next frame, as a response.
    ///
    /// # Errors
    ///
    /// I/O errors, end of stream, or an unreadable response.
    pub async fn receive(&mut self) -> Result<Reply, ClientError> {
        let payload = self
            .reader
            .next()
            .await?
            .ok_or("connection closed by the server")?;
        Reply::read(payload)
    }

    /// The next frame as it came (a greeting or a response).
    ///
    /// # Errors
    ///
    /// I/O errors.
    pub async fn receive_frame(&mut self) -> Result<Option<Vec<u8>>, ClientError> {
        Ok(self.reader.next().await?.map(<[u8]>::to_vec))
    }

    /// Logs out and waits for the server to close.
    ///
    /// # Errors
    ///
    /// I/O errors or an answer other than 1500.
    pub async fn logout(mut self) -> Result<Reply, ClientError>
    where
        S: Send,
    {
        let cl_trid = self.next_cl_trid();
        let bytes = framed(&Request::new(Command::Logout).with_cl_trid(&cl_trid))?;
        self.send_raw(&bytes).await?;
        let reply = self.receive().await?;
        if reply.code != ResultCode::SuccessEndingSession {
            return Err(format!("logout answered {}", reply.code.as_u16()).into());
        }
        Ok(reply)
    }

    /// Sends `commands` (framed, each with a distinct clTRID, `ids[i]` for
    /// `commands[i]`) pipelined with at most `window` in flight, reads the
    /// responses concurrently and pairs them by clTRID.
    ///
    /// # Errors
    ///
    /// I/O errors, an unreadable response, a clTRID that matches no
    /// command in flight, or a command left unanswered.
    pub async fn pipeline(
        &mut self,
        commands: &[Vec<u8>],
        ids: &[String],
        window: usize,
    ) -> Result<PipelineReport, ClientError>
    where
        S: Send,
    {
        let window = Arc::new(Semaphore::new(window.max(1)));
        let (sent_tx, mut sent_rx) = mpsc::unbounded_channel::<(usize, Instant)>();
        let started = Instant::now();
        let writer = &mut self.writer;
        let reader = &mut self.reader;
        let send = async {
            let mut batch = Vec::with_capacity(64 * 1024);
            for (i, command) in commands.iter().enumerate() {
                let permit = window.acquire().await.map_err(|e| e.to_string())?;
                permit.forget();
                batch.extend_from_slice(command);
                let _ = sent_tx.send((i, Instant::now()));
                // Coalesce writes while the window allows, then flush.
                if batch.len() >= 16 * 1024
                    || window.available_permits() == 0
                    || i + 1 == commands.len()
                {
                    writer.write_all(&batch).await?;
                    writer.flush().await?;
                    batch.clear();
                }
            }
            Ok::<(), ClientError>(())
        };
        let receive = async {
            let by_id: HashMap<&str, usize> = ids
                .iter()
                .enumerate()
                .map(|(i, s)| (s.as_str(), i))
                .collect();
            let mut sent_at: Vec<Option<Instant>> = vec![None; commands.len()];
            let mut report = PipelineReport {
                codes: vec![None; commands.len()],
                latencies: Vec::with_capacity(commands.len()),
                elapsed: Duration::ZERO,
            };
            for _ in 0..commands.len() {
                let payload = reader
                    .next()
                    .await?
                    .ok_or("connection closed mid-pipeline")?;
                let response = read_response(payload).map_err(|e| format!("bad response: {e}"))?;
                let cl_trid = response.cl_trid().ok_or("response without clTRID")?;
                let cl_trid = cl_trid.to_cow();
                let &i = by_id
                    .get(cl_trid.as_ref())
                    .ok_or_else(|| format!("unknown clTRID {cl_trid}"))?;
                while let Ok((j, at)) = sent_rx.try_recv() {
                    sent_at[j] = Some(at);
                }
                if report.codes[i].is_some() {
                    return Err(format!("clTRID {cl_trid} answered twice").into());
                }
                report.codes[i] = Some(response.code());
                if let Some(at) = sent_at[i] {
                    report.latencies.push(at.elapsed());
                }
                window.add_permits(1);
            }
            report.elapsed = started.elapsed();
            Ok::<PipelineReport, ClientError>(report)
        };
        let (sent, report) = tokio::join!(send, receive);
        sent?;
        report
    }
}

/// What a pipelined run measured.
#[derive(Debug, Clone)]
pub struct PipelineReport {
    /// The result code of each command, by position.
    pub codes: Vec<Option<ResultCode>>,
    /// Time from sending a command to reading its response.
    pub latencies: Vec<Duration>,
    /// The whole run.
    pub elapsed: Duration,
}

impl PipelineReport {
    /// Commands answered per second.
    pub fn commands_per_second(&self) -> f64 {
        self.codes.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Latency percentiles of a set of samples.
#[derive(Debug, Clone, Copy)]
pub struct Percentiles {
    /// Median.
    pub p50: Duration,
    /// 90th percentile.
    pub p90: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Slowest.
    pub max: Duration,
}

impl Percentiles {
    /// The percentiles of `samples` (all zero when empty).
    pub fn of(samples: &[Duration]) -> Self {
        let mut sorted = samples.to_vec();
        sorted.sort_unstable();
        let at = |q: f64| {
            if sorted.is_empty() {
                Duration::ZERO
            } else {
                sorted[((sorted.len() - 1) as f64 * q).round() as usize]
            }
        };
        Percentiles {
            p50: at(0.5),
            p90: at(0.9),
            p99: at(0.99),
            max: at(1.0),
        }
    }
}

impl std::fmt::Display for Percentiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "p50 {:.0?}, p90 {:.0?}, p99 {:.0?}, max {:.0?}",
            self.p50, self.p90, self.p99, self.max
        )
    }
}

/// Frames `request` into a fresh buffer.
///
/// # Errors
///
/// When the request cannot be written (an invalid value).
pub fn framed(request: &Request<'_>) -> Result<Vec<u8>, ClientError> {
    let mut out = Vec::new();
    write_framed(request, &mut out, &WriteOptions::new())?;
    Ok(out)
}
