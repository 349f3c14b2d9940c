//! Responses and greetings: the views read by
//! [`read_server_message`](crate::view::read_server_message) written back,
//! and responses, greetings and error answers built by hand.

mod contact;
mod domain;
mod host;
mod object;

pub use contact::{ContactInfoData, ContactResData};
pub use domain::{DomainInfoData, DomainResData};
pub use host::{HostInfoData, HostResData};
pub use object::{CheckResult, PendingResult, TransferResult};

use super::raw::{
    RawPlan, plan_raw_element, write_planned, write_raw_children, write_raw_element,
    write_read_children,
};
use super::sink::Sink;
use super::xml::XmlWriter;
use super::{Writable, WriteError};
use crate::view::command::{Extension, Extensions, RawElement};
use crate::view::response::greeting::{
    Access, Expiry, OurRecipient, Purposes, Recipients, Retention,
};
use crate::view::{CommandError, Greeting, List, Response, ResultCode, Str};
use crate::xml::Ns;

fn start_epp<S: Sink>(w: &mut XmlWriter<S>) {
    w.declaration();
    w.start("epp");
    w.namespace("", Ns::Epp.uri());
}

/// `<resData>` or `<extension>`: elements built by hand, or what was read
/// (an element present with no child elements is written too).
fn write_extension_elements<S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    elements: Extensions<'_>,
) -> Result<(), WriteError> {
    if let Some((doc, content)) = elements.read_content() {
        w.start(name);
        write_read_children(w, doc, content, elements.read_len(), elements.ancestors())?;
        w.end(name);
    } else if !elements.built().is_empty() || !elements.typed().is_empty() {
        w.start(name);
        super::ext::write_typed(w, elements.typed())?;
        for raw in elements.built() {
            write_raw_element(w, raw.document(), raw.span())?;
        }
        w.end(name);
    }
    Ok(())
}

fn write_tr_id<S: Sink>(
    w: &mut XmlWriter<S>,
    cl_trid: Option<Str<'_>>,
    sv_trid: Str<'_>,
) -> Result<(), WriteError> {
    w.start("trID");
    if let Some(cl_trid) = cl_trid {
        w.leaf("clTRID", cl_trid)?;
    }
    w.leaf("svTRID", sv_trid)?;
    w.end("trID");
    Ok(())
}

fn write_code<S: Sink>(w: &mut XmlWriter<S>, code: ResultCode) -> Result<(), WriteError> {
    let mut digits = [0u8; 5];
    w.attr("code", code_text(code.as_u16(), &mut digits))
}

/// The decimal digits of `n`, at least four (`code` is four digits: a
/// code read as `0999` is written back as `0999`).
fn code_text(mut n: u16, buf: &mut [u8; 5]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if (n == 0 && i <= 1) || i == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[i..]).unwrap_or("0")
}

fn write_msg<S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    text: Str<'_>,
    lang: Option<Str<'_>>,
) -> Result<(), WriteError> {
    w.start(name);
    if let Some(lang) = lang {
        w.attr_str("lang", lang)?;
    }
    w.text_str(text)?;
    w.end(name);
    Ok(())
}

impl Writable for Response<'_> {
    fn write_xml<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        start_epp(w);
        w.start("response");
        for result in self.results().iter() {
            w.start("result");
            write_code(w, result.code())?;
            let element = result.element();
            // Children in document order: <msg>, then <value> and <extValue>
            // mixed; any other (a foreign element) raw, as read.
            for child in element.all_children() {
                let field = element.holds_field(&child);
                match child.local() {
                    "msg" if field => write_msg(w, "msg", child.text(), child.attr("lang"))?,
                    // <value> is raw (any content, any attributes): as read.
                    "value" if field => write_raw_element(w, child.doc(), child.span())?,
                    "extValue" if field => {
                        w.start("extValue");
                        for part in child.all_children() {
                            match part.local() {
                                "reason" if child.holds_field(&part) => {
                                    write_msg(w, "reason", part.text(), part.attr("lang"))?
                                }
                                _ => write_raw_element(w, part.doc(), part.span())?,
                            }
                        }
                        w.end("extValue");
                    }
                    _ => write_raw_element(w, child.doc(), child.span())?,
                }
            }
            w.end("result");
        }
        if let Some(queue) = self.message_queue() {
            w.start("msgQ");
            if let Some(count) = queue.count_raw() {
                w.attr_str("count", count.trimmed())?;
            }
            if let Some(id) = queue.id() {
                w.attr_str("id", id)?;
            }
            let element = queue.element();
            for child in element.all_children() {
                let field = element.holds_field(&child);
                match child.local() {
                    "qDate" if field => w.leaf("qDate", child.token())?,
                    "msg" if field => {
                        w.start("msg");
                        if let Some(lang) = child.attr("lang") {
                            w.attr_str("lang", lang)?;
                        }
                        write_raw_children(w, child.doc(), child.content_span(), true)?;
                        w.end("msg");
                    }
                    _ => write_raw_element(w, child.doc(), child.span())?,
                }
            }
            w.end("msgQ");
        }
        write_extension_elements(w, "resData", self.res_data())?;
        write_extension_elements(w, "extension", self.extensions())?;
        write_tr_id(w, self.cl_trid(), self.sv_trid())?;
        w.end("response");
        w.end("epp");
        Ok(())
    }
}

// ----- greetings -----

fn write_list<'a, S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    values: List<'a, Str<'a>>,
) -> Result<(), WriteError> {
    for value in values.iter() {
        w.leaf(name, value)?;
    }
    Ok(())
}

fn write_svc_menu<S: Sink>(
    w: &mut XmlWriter<S>,
    versions: List<'_, Str<'_>>,
    langs: List<'_, Str<'_>>,
    object_uris: List<'_, Str<'_>>,
    extension_uris: List<'_, Str<'_>>,
) -> Result<(), WriteError> {
    w.start("svcMenu");
    write_list(w, "version", versions)?;
    write_list(w, "lang", langs)?;
    write_list(w, "objURI", object_uris)?;
    if !extension_uris.is_empty() {
        w.start("svcExtension");
        write_list(w, "extURI", extension_uris)?;
        w.end("svcExtension");
    }
    w.end("svcMenu");
    Ok(())
}

fn write_access<S: Sink>(w: &mut XmlWriter<S>, access: Access<'_>) {
    let name = match access {
        Access::All => "all",
        Access::None => "none",
        Access::Null => "null",
        Access::Personal => "personal",
        Access::PersonalAndOther => "personalAndOther",
        Access::Other => "other",
        Access::Unknown(name) => name,
    };
    w.start("access");
    w.empty(name);
    w.end("access");
}

fn write_statement<S: Sink>(
    w: &mut XmlWriter<S>,
    statement: &StatementData<'_>,
) -> Result<(), WriteError> {
    w.start("statement");
    let p = statement.purposes;
    w.start("purpose");
    for (on, name) in [
        (p.admin, "admin"),
        (p.contact, "contact"),
        (p.other, "other"),
        (p.provisioning, "prov"),
    ] {
        if on {
            w.empty(name);
        }
    }
    w.end("purpose");
    let r = statement.recipients;
    w.start("recipient");
    if r.other {
        w.empty("other");
    }
    if r.ours || !statement.ours.is_empty() {
        if statement.ours.is_empty() {
            w.empty("ours");
        }
        for ours in statement.ours.iter() {
            match ours.description() {
                Some(description) => {
                    w.start("ours");
                    w.leaf("recDesc", description)?;
                    w.end("ours");
                }
                None => w.empty("ours"),
            }
        }
    }
    for (on, name) in [
        (r.public, "public"),
        (r.same, "same"),
        (r.unrelated, "unrelated"),
    ] {
        if on {
            w.empty(name);
        }
    }
    w.end("recipient");
    if let Some(retention) = statement.retention {
        let name = match retention {
            Retention::Business => "business",
            Retention::Indefinite => "indefinite",
            Retention::Legal => "legal",
            Retention::None => "none",
            Retention::Stated => "stated",
            Retention::Unknown(name) => name,
        };
        w.start("retention");
        w.empty(name);
        w.end("retention");
    }
    w.end("statement");
    Ok(())
}

fn write_expiry<S: Sink>(w: &mut XmlWriter<S>, expiry: Expiry<'_>) -> Result<(), WriteError> {
    w.start("expiry");
    match expiry {
        Expiry::Absolute(when) => w.leaf("absolute", when)?,
        Expiry::Relative(duration) => w.leaf("relative", duration)?,
    }
    w.end("expiry");
    Ok(())
}

impl Writable for Greeting<'_> {
    fn write_xml<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        start_epp(w);
        w.start("greeting");
        if let Some(id) = self.server_id() {
            w.leaf("svID", id)?;
        }
        if let Some(date) = self.server_date_raw() {
            w.leaf("svDate", date)?;
        }
        write_svc_menu(
            w,
            self.versions(),
            self.langs(),
            self.object_uris(),
            self.extension_uris(),
        )?;
        if let Some(dcp) = self.dcp() {
            w.start("dcp");
            if let Some(access) = dcp.access() {
                write_access(w, access);
            }
            for statement in dcp.statements().iter() {
                write_statement(
                    w,
                    &StatementData {
                        purposes: statement.purposes(),
                        recipients: statement.recipients(),
                        ours: statement.our_recipients(),
                        retention: statement.retention(),
                    },
                )?;
            }
            if let Some(expiry) = dcp.expiry() {
                write_expiry(w, expiry)?;
            }
            w.end("dcp");
        }
        w.end("greeting");
        w.end("epp");
        Ok(())
    }
}

/// A greeting built by hand (RFC 5730 §2.4), for a server to send.
#[derive(Clone, Copy, Debug)]
pub struct GreetingData<'a> {
    /// `<svID>`: the server's name.
    pub server_id: &'a str,
    /// `<svDate>`: the server's current date and time (RFC 3339, UTC).
    pub server_date: &'a str,
    /// `<version>`s (`1.0`).
    pub versions: &'a [Str<'a>],
    /// `<lang>`s (`en` at least).
    pub langs: &'a [Str<'a>],
    /// `<objURI>`s: the object namespaces served.
    pub object_uris: &'a [Str<'a>],
    /// `<extURI>`s: the extension namespaces served.
    pub extension_uris: &'a [Str<'a>],
    /// `<dcp>`: the data collection policy.
    pub dcp: DcpData<'a>,
}

/// A data collection policy built by hand.
#[derive(Clone, Copy, Debug)]
pub struct DcpData<'a> {
    /// `<access>`.
    pub access: Access<'a>,
    /// `<statement>`s (at least one).
    pub statements: &'a [StatementData<'a>],
    /// `<expiry>`.
    pub expiry: Option<Expiry<'a>>,
}

/// A `<statement>` of a data collection policy.
#[derive(Clone, Copy, Debug)]
pub struct StatementData<'a> {
    /// `<purpose>`.
    pub purposes: Purposes,
    /// `<recipient>`.
    pub recipients: Recipients,
    /// Each `<ours>` with its optional `<recDesc>`; empty with
    /// `recipients.ours` set writes one bare `<ours/>`.
    pub ours: List<'a, OurRecipient<'a>>,
    /// `<retention>`.
    pub retention: Option<Retention<'a>>,
}

impl Writable for GreetingData<'_> {
    fn write_xml<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        if self.statements_missing() {
            return Err(WriteError::Invalid {
                element: "dcp",
                reason: "a data collection policy needs at least one statement",
            });
        }
        start_epp(w);
        w.start("greeting");
        w.leaf_text("svID", self.server_id)?;
        w.leaf_text("svDate", self.server_date)?;
        write_svc_menu(
            w,
            List::from_slice(self.versions),
            List::from_slice(self.langs),
            List::from_slice(self.object_uris),
            List::from_slice(self.extension_uris),
        )?;
        w.start("dcp");
        write_access(w, self.dcp.access);
        for statement in self.dcp.statements {
            write_statement(w, statement)?;
        }
        if let Some(expiry) = self.dcp.expiry {
            write_expiry(w, expiry)?;
        }
        w.end("dcp");
        w.end("greeting");
        w.end("epp");
        Ok(())
    }
}

impl GreetingData<'_> {
    fn statements_missing(&self) -> bool {
        self.dcp.statements.is_empty()
    }
}

// ----- responses built by hand -----

/// A response built by hand (RFC 5730 §2.6), for a server to send.
///
/// ```
/// use epp_codec::view::{ResultCode, read_response};
/// use epp_codec::write::{ResponseData, ResultData, WriteOptions, to_vec};
///
/// let results = [ResultData::new(ResultCode::Success)];
/// let response = ResponseData::new(&results, "54321-XYZ").with_cl_trid("ABC-12345");
/// let xml = to_vec(&response, &WriteOptions::new()).unwrap();
/// let read = read_response(&xml).unwrap();
/// assert_eq!(read.code(), ResultCode::Success);
/// assert_eq!(read.sv_trid(), "54321-XYZ");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ResponseData<'a> {
    /// `<result>`s (at least one).
    pub results: &'a [ResultData<'a>],
    /// `<msgQ>`.
    pub message_queue: Option<MessageQueueData<'a>>,
    /// `<resData>`.
    pub res_data: ResData<'a>,
    /// The children of `<extension>`.
    pub extensions: Extensions<'a>,
    /// `<clTRID>`: the client's transaction id, echoed.
    pub cl_trid: Option<Str<'a>>,
    /// `<svTRID>`: the server's transaction id.
    pub sv_trid: Str<'a>,
}

impl<'a> ResponseData<'a> {
    /// A response with `results` and server transaction id `sv_trid`, nothing else.
    pub const fn new(results: &'a [ResultData<'a>], sv_trid: &'a str) -> Self {
        ResponseData {
            results,
            message_queue: None,
            res_data: ResData::None,
            extensions: Extensions::from_slice(&[]),
            cl_trid: None,
            sv_trid: Str::new(sv_trid),
        }
    }

    /// The same, echoing client transaction id `cl_trid`.
    pub const fn with_cl_trid(mut self, cl_trid: &'a str) -> Self {
        self.cl_trid = Some(Str::new(cl_trid));
        self
    }

    /// The same, with `<resData>`.
    pub const fn with_res_data(mut self, res_data: ResData<'a>) -> Self {
        self.res_data = res_data;
        self
    }

    /// The same, with `<msgQ>`.
    pub const fn with_message_queue(mut self, queue: MessageQueueData<'a>) -> Self {
        self.message_queue = Some(queue);
        self
    }

    /// The same, with `extensions`.
    pub const fn with_extensions(mut self, extensions: Extensions<'a>) -> Self {
        self.extensions = extensions;
        self
    }
}

/// The `<resData>` of a response built by hand.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum ResData<'a> {
    /// No `<resData>`.
    None,
    /// Elements given as XML (any object mapping).
    Raw(&'a [RawElement<'a>]),
    /// Domain data (RFC 5731).
    Domain(DomainResData<'a>),
    /// Host data (RFC 5732).
    Host(HostResData<'a>),
    /// Contact data (RFC 5733).
    Contact(ContactResData<'a>),
    /// Typed elements of other mappings, such as Verisign's poll messages
    /// ([`Extension::VerisignLowBalancePoll`], [`Extension::VerisignRgpPoll`]).
    Typed(&'a [Extension<'a>]),
    /// Registry maintenance data (RFC 9167): an info response or a poll message.
    Maintenance(crate::view::ext::MaintenanceData<'a>),
}

/// One `<result>` built by hand.
#[derive(Clone, Copy, Debug)]
pub struct ResultData<'a> {
    /// `code`.
    pub code: ResultCode,
    /// `<msg>`: by default the RFC's text for the code.
    pub message: Str<'a>,
    /// `<msg lang>`, when not English.
    pub lang: Option<Str<'a>>,
    /// `<value>`s, each holding one element.
    pub values: &'a [RawElement<'a>],
    /// `<extValue>`s.
    pub ext_values: &'a [ExtValueData<'a>],
    /// Extension elements held back because the client did not ask for
    /// their namespace at login (RFC 9038): each written as an
    /// `<extValue>` whose reason is "`URI` not in login services".
    pub unhandled: &'a [RawElement<'a>],
}

impl<'a> ResultData<'a> {
    /// A result with the RFC's message for `code`.
    pub const fn new(code: ResultCode) -> Self {
        ResultData {
            code,
            message: Str::new(code.text()),
            lang: None,
            values: &[],
            ext_values: &[],
            unhandled: &[],
        }
    }

    /// The same, holding back `elements` as unhandled namespaces (RFC 9038).
    pub const fn with_unhandled(mut self, elements: &'a [RawElement<'a>]) -> Self {
        self.unhandled = elements;
        self
    }

    /// The same with message `text` in language `lang` (`None`: English).
    pub const fn with_message(mut self, text: &'a str, lang: Option<&'a str>) -> Self {
        self.message = Str::new(text);
        self.lang = match lang {
            Some(lang) => Some(Str::new(lang)),
            None => None,
        };
        self
    }
}

/// An `<extValue>`: the element at fault and why.
#[derive(Clone, Copy, Debug)]
pub struct ExtValueData<'a> {
    /// `<value>`: the element at fault.
    pub value: RawElement<'a>,
    /// `<reason>`.
    pub reason: Str<'a>,
    /// `<reason lang>`, when not English.
    pub lang: Option<Str<'a>>,
}

/// A `<msgQ>` built by hand.
#[derive(Clone, Copy, Debug)]
pub struct MessageQueueData<'a> {
    /// `count`: messages queued.
    pub count: u64,
    /// `id`: the message's id.
    pub id: Str<'a>,
    /// `<qDate>`: when it was queued (RFC 3339), with a message.
    pub date: Option<Str<'a>>,
    /// `<msg>`: the message's text, when the response carries one.
    pub message: Option<Str<'a>>,
    /// `<msg lang>`: the message's language (RFC 5730 omits it for `en`).
    pub lang: Option<Str<'a>>,
}

impl Writable for ResponseData<'_> {
    fn write_xml<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        if self.results.is_empty() {
            return Err(WriteError::Invalid {
                element: "response",
                reason: "a response needs at least one result",
            });
        }
        start_epp(w);
        w.start("response");
        for result in self.results {
            w.start("result");
            write_code(w, result.code)?;
            write_msg(w, "msg", result.message, result.lang)?;
            for value in result.values {
                w.start("value");
                write_raw_element(w, value.document(), value.span())?;
                w.end("value");
            }
            for ext in result.ext_values {
                w.start("extValue");
                w.start("value");
                write_raw_element(w, ext.value.document(), ext.value.span())?;
                w.end("value");
                write_msg(w, "reason", ext.reason, ext.lang)?;
                w.end("extValue");
            }
            for element in result.unhandled {
                w.start("extValue");
                w.start("value");
                write_raw_element(w, element.document(), element.span())?;
                w.end("value");
                w.start("reason");
                match element.namespace() {
                    crate::xml::Namespace::Known(ns) => w.text(ns.uri())?,
                    crate::xml::Namespace::Other(uri) => {
                        for chunk in uri.unescaped() {
                            let mut buf = [0u8; 4];
                            w.text(match chunk {
                                crate::xml::Chunk::Str(s) => s,
                                crate::xml::Chunk::Char(c) => c.encode_utf8(&mut buf),
                            })?;
                        }
                    }
                    crate::xml::Namespace::None => {
                        return Err(WriteError::Invalid {
                            element: "extValue",
                            reason: "an unhandled extension element needs a namespace",
                        });
                    }
                }
                w.text(" not in login services")?;
                w.end("reason");
                w.end("extValue");
            }
            w.end("result");
        }
        if let Some(queue) = self.message_queue {
            w.start("msgQ");
            let mut digits = [0u8; 20];
            w.attr("count", u64_text(queue.count, &mut digits))?;
            w.attr_str("id", queue.id)?;
            if let Some(date) = queue.date {
                w.leaf("qDate", date)?;
            }
            if let Some(message) = queue.message {
                if queue.lang.is_some() {
                    write_msg(w, "msg", message, queue.lang)?;
                } else {
                    w.leaf("msg", message)?;
                }
            }
            w.end("msgQ");
        }
        match self.res_data {
            ResData::None => {}
            ResData::Raw(elements) => {
                w.start("resData");
                for raw in elements {
                    write_raw_element(w, raw.document(), raw.span())?;
                }
                w.end("resData");
            }
            ResData::Domain(data) => {
                w.start("resData");
                data.write(w)?;
                w.end("resData");
            }
            ResData::Host(data) => {
                w.start("resData");
                data.write(w)?;
                w.end("resData");
            }
            ResData::Contact(data) => {
                w.start("resData");
                data.write(w)?;
                w.end("resData");
            }
            ResData::Typed(elements) => {
                w.start("resData");
                super::ext::write_typed(w, elements)?;
                w.end("resData");
            }
            ResData::Maintenance(data) => {
                w.start("resData");
                super::ext_maintenance::write_data(w, &data)?;
                w.end("resData");
            }
        }
        write_extension_elements(w, "extension", self.extensions)?;
        write_tr_id(w, self.cl_trid, self.sv_trid)?;
        w.end("response");
        w.end("epp");
        Ok(())
    }
}

fn u64_text(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[i..]).unwrap_or("0")
}

// ----- answering a command that could not be read -----

/// The response a server sends for a command it could not read: the
/// error's result code, the RFC's message for it, and an `<extValue>`
/// echoing the element at fault (when the payload was well formed enough
/// to have one) with the error as the reason.
///
/// ```
/// use epp_codec::view::read_command;
/// use epp_codec::write::{CommandErrorResponse, WriteOptions, to_vec};
///
/// let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><poll op="list"/>
///   <clTRID>ABC-1</clTRID></command></epp>"#;
/// let error = read_command(payload).unwrap_err();
/// let answer = CommandErrorResponse::new(&error, payload, "SRV-1").with_cl_trid("ABC-1");
/// let xml = String::from_utf8(to_vec(&answer, &WriteOptions::new()).unwrap()).unwrap();
/// assert!(xml.contains(r#"<result code="2005">"#) || xml.contains(r#"<result code="2004">"#));
/// assert!(xml.contains("<clTRID>ABC-1</clTRID>"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CommandErrorResponse<'e, 'a> {
    error: &'e CommandError<'a>,
    payload: &'a [u8],
    cl_trid: Option<Str<'e>>,
    sv_trid: Str<'e>,
}

impl<'e, 'a> CommandErrorResponse<'e, 'a> {
    /// The answer to `error`, raised reading `payload`, with server
    /// transaction id `sv_trid`.
    pub const fn new(error: &'e CommandError<'a>, payload: &'a [u8], sv_trid: &'e str) -> Self {
        CommandErrorResponse {
            error,
            payload,
            cl_trid: None,
            sv_trid: Str::new(sv_trid),
        }
    }

    /// The same, echoing the client's transaction id (when it could be read).
    pub const fn with_cl_trid(mut self, cl_trid: &'e str) -> Self {
        self.cl_trid = Some(Str::new(cl_trid));
        self
    }

    /// The element at fault, when it can be echoed: a whole, well-formed
    /// element of a payload that is UTF-8.
    fn offending(&self) -> Option<RawPlan<'a>> {
        let doc = core::str::from_utf8(self.payload).ok()?;
        plan_raw_element(doc, self.error.span()?).ok()
    }
}

impl Writable for CommandErrorResponse<'_, '_> {
    fn write_xml<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        let code = self.error.result_code();
        let mut reason: heapless::String<256> = heapless::String::new();
        // A reason longer than the buffer is cut, never an error.
        let _ = core::fmt::write(
            &mut TruncatingString(&mut reason),
            format_args!("{}", self.error),
        );
        start_epp(w);
        w.start("response");
        w.start("result");
        write_code(w, code)?;
        match self.offending() {
            Some(element) => {
                w.leaf_text("msg", code.text())?;
                w.start("extValue");
                w.start("value");
                write_planned(w, &element, false)?;
                w.end("value");
                w.leaf_text("reason", &reason)?;
                w.end("extValue");
            }
            // <extValue> needs an element to echo; without one the
            // description goes in <msg>.
            None => w.leaf_text("msg", &reason)?,
        }
        w.end("result");
        write_tr_id(w, self.cl_trid, self.sv_trid)?;
        w.end("response");
        w.end("epp");
        Ok(())
    }
}

/// A `fmt::Write` into a fixed string that drops what does not fit.
struct TruncatingString<'s, const N: usize>(&'s mut heapless::String<N>);

impl<const N: usize> core::fmt::Write for TruncatingString<'_, N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for c in s.chars() {
            if self.0.push(c).is_err() {
                break;
            }
        }
        Ok(())
    }
}
