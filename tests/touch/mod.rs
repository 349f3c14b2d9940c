//! Walkers that read every field of every view the crate hands out: every
//! public accessor and public field of every command, response and
//! greeting view, of their errors and of the typed extensions
//! (`view::ext`, each `from_raw` tried on every raw element), every lazy
//! list iterated (and its `len`, `first`, `get`, `starting_at` and `span`
//! asked), every string unescaped into a fixed stack buffer, with the
//! results folded into a checksum. Not called: builders and `parse`
//! constructors (they read no message), `Str::to_cow` (it allocates by
//! design), and `RawElement::tokens` past the first [`MAX_TOKENIZED`]
//! elements of a message.
//!
//! Shared by `tests/zero_alloc.rs` (the walk allocates nothing) and the
//! fuzz targets `command` and `response` (the walk never panics on what the
//! readers accept), which include this file by `#[path]`.
//!
//! While walking it checks what it reads, so a walk can fail:
//! - every [`Span`] lies inside the input, and every `&str` and every
//!   [`Str`] handed out (its raw text, and each borrowed piece of its
//!   unescaped value but the predefined entities' replacements) points
//!   inside the input, a `Str`'s span being exactly where its raw text is;
//! - a `Str` agrees with itself: `char_len`, `chars`, `is_empty`,
//!   `as_plain`/`has_escapes`, `eq_str` and `Display` give the value its
//!   chunks give;
//! - a list's `len`, `is_empty`, `first`, `get` and `starting_at` agree
//!   with its iterator;
//! - a raw element's text is the input at its span, its tokens start at
//!   its start tag and end at its end tag, and `Extensions::find` finds it.
//!
//! Data-carrying enums are matched without a wildcard arm, so a new variant
//! breaks the build; the crate's `#[non_exhaustive]` ones (`Command`,
//! `HostCommand`, `Access`, `Retention`, the error kinds, `RgpStatusValue`)
//! must have one, and theirs panics on a variant this walker does not know.

#![allow(dead_code, unreachable_pub)]

use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};

use epp_codec::Limits;
use epp_codec::view::command::contact::{self, ContactCommand, ContactStatus};
use epp_codec::view::command::domain::{self, DomainCommand, DomainStatus};
use epp_codec::view::command::host::{self, HostCommand, HostStatus};
use epp_codec::view::command::{
    Command, Extensions, Login, Poll, RawElement, Request, TransferOp, Verb,
};
use epp_codec::view::ext::{
    AddlEmail, AllocationToken, Bundle, BundledName, Bundling, CaseId, ChangeData, ClaimsNotice,
    CodeMark, Decimal, DsData, EncodedSignedMark, Fee, FeeApplied, FeeCheck, FeeCheckData,
    FeeCheckItem, FeeCommand, FeeCommandData, FeeCommandName, FeeCredit, FeeData, FeeExtension,
    FeeReason, FeeResult, FeeTransform, KeyData, LangText, Launch, LaunchApplication, LaunchCheck,
    LaunchCheckData, LaunchCheckResult, LaunchCreate, LaunchData, LaunchInfo, LaunchInfoData,
    LaunchMarks, LaunchPhase, LaunchStatus, LoginSec, LoginSecEvent, LowBalancePoll,
    MaintenanceData, MaintenanceDescription, MaintenanceEnvironment, MaintenanceId,
    MaintenanceInfo, MaintenanceIntervention, MaintenanceItem, MaintenanceListItem,
    MaintenanceSystem, Mark, MarkAddress, MarkKind, MarkParty, MarkProtection, MarkRecord,
    MonthDay, Namestore, NamestoreError, ReportText, RestoreOp, RestoreReport, RgpPoll, RgpStatus,
    RgpStatusValue, RgpUpdate, SecDns, SecDnsData, SecDnsRemove, SecDnsUpdate, SignedMark,
    SyncUpdate, Ttl, TtlExtension, UserAgent, ValidatorToken,
};
use epp_codec::view::response::greeting::{
    Access, Dcp, Expiry, Purposes, Recipients, Retention, Statement,
};
use epp_codec::view::response::object::{
    CheckItem, ObjectStatus, PendingData, PendingTransaction, StatusValue, Timestamp, TransferData,
};
use epp_codec::view::response::{
    contact as contact_data, domain as domain_data, host as host_data,
};
use epp_codec::view::{
    AuthInfo, CommandError, CommandErrorKind, ContactData, Date, DateTime, DomainData, E164,
    ElementName, EppResult, ExtValue, Greeting, HostData, IpVersion, List, ListItem, MessageQueue,
    Negotiation, Period, Response, ResponseError, ResponseErrorKind, ResultClass, ResultCode,
    ServerMessage, Str, Value, check_services,
};
use epp_codec::xml::{Chunk, Namespace, Ns, Span, Token, XmlErrorKind};

/// Unescaped values up to this many bytes are also compared whole with
/// `eq_str` and `Display`; longer ones (base64 signed marks) are checked
/// piece by piece only.
const VALUE_BUFFER: usize = 1024;

/// How many raw elements of one message have their tokens read: each
/// `RawElement::tokens` tokenizes the document from its start up to the
/// element, so reading them all would be quadratic on a fuzzed message
/// holding thousands of elements.
const MAX_TOKENIZED: usize = 16;

/// Reads everything, checks it lies inside `input`, and folds it into a
/// checksum to pass to `std::hint::black_box`.
#[derive(Debug)]
pub struct Touch<'i> {
    input: &'i [u8],
    limits: Limits,
    sum: u64,
    tokenized: usize,
}

impl<'i> Touch<'i> {
    /// A walker over views read from `input`.
    pub fn new(input: &'i [u8]) -> Self {
        Touch {
            input,
            limits: Limits::new(),
            sum: 0xcbf2_9ce4_8422_2325,
            tokenized: 0,
        }
    }

    /// Everything read so far, folded.
    pub fn checksum(&self) -> u64 {
        self.sum
    }

    // ------------------------------------------------------------------
    // Values: spans, text, strings, dates, lists.
    // ------------------------------------------------------------------

    fn fold(&mut self, v: u64) {
        self.sum = (self.sum ^ v).wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn flag(&mut self, b: bool) {
        self.fold(u64::from(b));
    }

    fn opt_flag(&mut self, b: Option<bool>) {
        self.fold(b.map_or(2, u64::from));
    }

    fn number(&mut self, n: Option<impl Into<u64>>) {
        match n {
            Some(n) => self.fold(n.into()),
            None => self.fold(u64::MAX),
        }
    }

    /// Folds any hashable value: what `host::Address::ip` returns whether
    /// it is an `IpAddr` or an `Option<IpAddr>`.
    fn hashed(&mut self, v: &impl Hash) {
        v.hash(&mut FoldHasher(&mut self.sum));
    }

    /// A static name (an enumeration's `as_str`): folded, not located.
    fn name(&mut self, s: &'static str) {
        self.fold(s.len() as u64);
    }

    /// Checks `span` lies inside the input.
    pub fn span(&mut self, span: Span) {
        assert!(
            span.start <= span.end && span.end <= self.input.len(),
            "{span:?} outside 0..{}",
            self.input.len()
        );
        self.fold(span.start as u64);
        self.fold(span.end as u64);
    }

    /// Where `s` starts in the input; panics unless it lies inside it.
    fn offset_of(&self, s: &str) -> usize {
        let at = (s.as_ptr() as usize).wrapping_sub(self.input.as_ptr() as usize);
        assert!(
            at <= self.input.len() && s.len() <= self.input.len() - at,
            "{s:?} does not lie inside the input"
        );
        at
    }

    /// Text borrowed from the input: checked to lie inside it, and read.
    pub fn text(&mut self, s: &str) {
        if !s.is_empty() {
            self.offset_of(s);
        }
        self.fold(s.len() as u64);
        for &b in s.as_bytes() {
            self.fold(u64::from(b));
        }
    }

    fn opt_text(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.text(s),
            None => self.fold(u64::MAX),
        }
    }

    /// A string value: its raw text located, its value unescaped into a
    /// fixed stack buffer and checked against every other way to read it.
    pub fn str(&mut self, s: Str<'_>) {
        let raw = s.raw();
        let span = s.span();
        self.span(span);
        if !raw.is_empty() {
            assert!(
                !s.is_plain(),
                "a value read from the input is marked hand-built: {raw:?}"
            );
            let at = self.offset_of(raw);
            assert_eq!(
                (span.start, span.end),
                (at, at + raw.len()),
                "the span of {raw:?} is not where its text is"
            );
        }
        let mut buf = [0u8; VALUE_BUFFER];
        let (mut used, mut chars, mut whole) = (0usize, 0usize, true);
        for chunk in s.chunks() {
            let mut one = [0u8; 4];
            let piece: &str = match chunk {
                // A run of the value, or what one of the five predefined
                // entities stands for (the crate's own one-byte strings).
                Chunk::Str(p) => {
                    if !matches!(p, "" | "&" | "<" | ">" | "'" | "\"") {
                        self.offset_of(p);
                    }
                    p
                }
                Chunk::Char(c) => c.encode_utf8(&mut one),
            };
            chars += piece.chars().count();
            for &b in piece.as_bytes() {
                self.fold(u64::from(b));
            }
            match buf.get_mut(used..used + piece.len()) {
                Some(dst) if whole => {
                    dst.copy_from_slice(piece.as_bytes());
                    used += piece.len();
                }
                _ => whole = false,
            }
        }
        assert_eq!(chars, s.char_len(), "char_len of {raw:?}");
        assert_eq!(chars, s.chars().count(), "chars of {raw:?}");
        assert_eq!(s.is_empty(), chars == 0, "is_empty of {raw:?}");
        match s.as_plain() {
            Some(plain) => {
                assert!(!s.has_escapes());
                assert_eq!(plain, raw);
            }
            None => assert!(s.has_escapes()),
        }
        if whole {
            let value = std::str::from_utf8(&buf[..used]).expect("unescaped pieces are UTF-8");
            assert!(s.eq_str(value), "eq_str of {raw:?}");
            let mut displayed = Compare {
                expected: value.as_bytes(),
                at: 0,
                same: true,
            };
            let _ = write!(displayed, "{s}");
            assert!(
                displayed.same && displayed.at == used,
                "Display of {raw:?} is not its value"
            );
        }
        self.fold(chars as u64);
    }

    fn opt_str(&mut self, s: Option<Str<'_>>) {
        match s {
            Some(s) => self.str(s),
            None => self.fold(u64::MAX),
        }
    }

    /// Every item of a lazy list, and every other way to ask the list.
    pub fn list<'a, T: ListItem<'a>>(
        &mut self,
        list: List<'a, T>,
        mut each: impl FnMut(&mut Self, T),
    ) {
        if let Some(span) = list.span() {
            self.span(span);
        }
        let len = list.len();
        let mut seen = 0usize;
        for item in list.iter() {
            each(self, item);
            seen += 1;
        }
        assert_eq!(seen, len, "a list's len is not its item count");
        assert_eq!(list.is_empty(), len == 0);
        assert_eq!(list.first().is_some(), len > 0);
        assert!(list.get(len).is_none());
        if len > 0 {
            assert!(list.get(len - 1).is_some());
        }
        assert_eq!(list.starting_at(1).len(), len.saturating_sub(1));
        self.fold(len as u64);
    }

    fn strs(&mut self, list: List<'_, Str<'_>>) {
        self.list(list, Self::str);
    }

    fn date(&mut self, d: Date) {
        let Date {
            year,
            month,
            day,
            offset,
        } = d;
        self.fold(u64::from(year));
        self.fold(u64::from(month));
        self.fold(u64::from(day));
        self.fold(offset.map_or(u64::MAX, |o| o as u64));
    }

    fn date_time(&mut self, d: Option<DateTime>) {
        match d {
            Some(DateTime {
                date,
                hour,
                minute,
                second,
                nanosecond,
            }) => {
                self.date(date);
                self.fold(u64::from(hour));
                self.fold(u64::from(minute));
                self.fold(u64::from(second));
                self.fold(u64::from(nanosecond));
            }
            None => self.fold(u64::MAX),
        }
    }

    fn timestamp(&mut self, t: Option<Timestamp<'_>>) {
        match t {
            Some(t) => {
                self.str(t.raw());
                self.date_time(t.parsed());
            }
            None => self.fold(u64::MAX),
        }
    }

    fn period(&mut self, p: Option<Period>) {
        match p {
            Some(Period { value, unit }) => {
                self.fold(u64::from(value));
                self.name(unit.as_str());
            }
            None => self.fold(u64::MAX),
        }
    }

    fn ip_version(&mut self, v: IpVersion) {
        self.fold(match v {
            IpVersion::V4 => 4,
            IpVersion::V6 => 6,
        });
    }

    fn namespace(&mut self, ns: Namespace<'_>) {
        match ns {
            Namespace::None => self.fold(0),
            Namespace::Known(k) => self.name(k.uri()),
            Namespace::Other(uri) => {
                self.text(uri.raw());
                for c in uri.unescaped().chars() {
                    self.fold(u64::from(c));
                }
            }
        }
    }

    fn result_code(&mut self, code: ResultCode) {
        self.fold(u64::from(code.as_u16()));
        assert_eq!(ResultCode::from_u16(code.as_u16()), code);
        self.name(code.text());
        self.flag(code.is_success());
        self.flag(code.closes_session());
        self.fold(match code.class() {
            ResultClass::Success => 1,
            ResultClass::ClientError => 2,
            ResultClass::ServerError => 3,
            ResultClass::Closing => 4,
            ResultClass::Unknown => 5,
        });
    }

    /// Folds what a value's `Display` writes, without allocating.
    fn displayed(&mut self, v: &impl fmt::Display) {
        let mut counter = Counter(0);
        let _ = write!(counter, "{v}");
        self.fold(counter.0 as u64);
    }

    // ------------------------------------------------------------------
    // Raw elements, extensions, and every typed view of one.
    // ------------------------------------------------------------------

    /// A raw element: where it is, its name, its text, its tokens.
    pub fn raw_element(&mut self, e: RawElement<'_>) {
        let span = e.span();
        self.span(span);
        let text = e.as_str();
        self.text(text);
        assert_eq!(
            text.as_bytes(),
            &self.input[span.start..span.end],
            "a raw element's text is not the input at its span"
        );
        self.text(e.local());
        let ns = e.namespace();
        self.namespace(ns);
        if let Some(known) = ns.known() {
            assert!(e.is(known, e.local()));
        }
        if self.tokenized < MAX_TOKENIZED {
            self.tokenized += 1;
            self.element_tokens(e);
        }
    }

    /// The element's tokens, start tag to end tag.
    fn element_tokens(&mut self, e: RawElement<'_>) {
        let mut tokens = e
            .tokens(&self.limits)
            .expect("a read element's document tokenizes up to it");
        assert_eq!(
            tokens.input().as_ptr(),
            self.input.as_ptr(),
            "a raw element's tokens are not of the input"
        );
        let outer = tokens.depth();
        let mut first = true;
        loop {
            let token = tokens
                .next_token()
                .expect("a read element tokenizes")
                .expect("a read element ends before its document");
            match token {
                Token::ElementStart(start) => {
                    if first {
                        assert_eq!(start.span().start, e.span().start);
                    }
                    self.span(start.span());
                    let name = start.name();
                    self.text(name.qualified());
                    self.text(name.local());
                    self.namespace(name.namespace());
                    self.flag(start.is_self_closing());
                    for a in tokens.attributes() {
                        self.text(a.name().qualified());
                        self.text(a.raw_value());
                        self.span(a.value_span());
                        self.fold(a.value().chars().count() as u64);
                    }
                }
                Token::ElementEnd(end) => {
                    self.span(end.span());
                    self.text(end.name().local());
                    if tokens.depth() <= outer {
                        assert_eq!(end.span().end, e.span().end);
                        break;
                    }
                }
                Token::Text(t) => {
                    self.span(t.span());
                    self.text(t.raw());
                    self.fold(t.unescaped().chars().count() as u64);
                }
                Token::Comment(c) => {
                    self.span(c.span());
                    self.text(c.text());
                }
                Token::ProcessingInstruction(pi) => {
                    self.span(pi.span());
                    self.text(pi.target());
                    self.opt_text(pi.content());
                }
                Token::Declaration(d) => panic!("a declaration inside an element: {d:?}"),
            }
            assert!(!first || matches!(token, Token::ElementStart(_)));
            first = false;
        }
    }

    /// Every child of `<extension>` or `<resData>`, and every typed
    /// accessor of the list.
    pub fn extensions(&mut self, x: Extensions<'_>) {
        let len = x.len();
        assert_eq!(x.is_empty(), len == 0);
        let mut seen = 0usize;
        for e in x.iter() {
            seen += 1;
            self.raw_element(e);
            self.typed(e);
            if let Some(ns) = e.namespace().known() {
                assert!(x.find(ns).is_some(), "find misses a {ns:?} element");
            }
        }
        assert_eq!(seen, len);
        if let Some(s) = x.sec_dns() {
            self.sec_dns(s);
        }
        if let Some(r) = x.rgp() {
            self.rgp_update(r);
        }
        if let Some(list) = x.rgp_statuses() {
            self.list(list, Self::rgp_status);
        }
        if let Some(t) = x.allocation_token() {
            self.allocation_token(t);
        }
        if let Some(l) = x.login_sec() {
            self.login_sec(l);
        }
        if let Some(list) = x.login_sec_events() {
            self.list(list, Self::login_sec_event);
        }
        if let Some(c) = x.change_poll() {
            self.change_data(c);
        }
        if let Some(t) = x.ttl() {
            self.ttl_extension(t);
        }
        if let Some(f) = x.fee() {
            self.fee_extension(f);
        }
        if let Some(f) = x.fee_data() {
            self.fee_data(f);
        }
        if let Some(a) = x.addl_email() {
            self.addl_email(a);
        }
        if let Some(b) = x.bundling() {
            self.bundling(b);
        }
        if let Some(m) = x.maintenance() {
            self.maintenance_data(m);
        }
        if let Some(d) = x.sec_dns_info() {
            self.sec_dns_data(d);
        }
        if let Some(n) = x.verisign_namestore() {
            self.namestore(n);
        }
        if let Some(n) = x.verisign_namestore_error() {
            self.namestore_error(n);
        }
        if let Some(s) = x.verisign_sync() {
            self.sync_update(s);
        }
        if let Some(l) = x.verisign_low_balance() {
            self.low_balance(l);
        }
        if let Some(r) = x.verisign_rgp_poll() {
            self.rgp_poll(r);
        }
        if let Some(l) = x.launch() {
            self.launch(l);
        }
        if let Some(l) = x.launch_data() {
            self.launch_data(l);
        }
        self.fold(len as u64);
    }

    /// Every typed view the crate has, tried on one raw element.
    pub fn typed(&mut self, e: RawElement<'_>) {
        if let Some(d) = DomainData::from_raw(e) {
            self.domain_data(d);
        }
        if let Some(h) = HostData::from_raw(e) {
            self.host_data(h);
        }
        if let Some(c) = ContactData::from_raw(e) {
            self.contact_data(c);
        }
        if let Some(s) = SecDns::from_raw(e) {
            self.sec_dns(s);
        }
        if let Some(d) = SecDnsData::from_raw(e) {
            self.sec_dns_data(d);
        }
        if let Some(r) = RgpUpdate::from_raw(e) {
            self.rgp_update(r);
        }
        if let Some(t) = AllocationToken::from_raw(e) {
            self.allocation_token(t);
        }
        if let Some(l) = LoginSec::from_raw(e) {
            self.login_sec(l);
        }
        if let Some(t) = TtlExtension::from_raw(e) {
            self.ttl_extension(t);
        }
        if let Some(c) = ChangeData::from_raw(e) {
            self.change_data(c);
        }
        if let Some(n) = Namestore::from_raw(e) {
            self.namestore(n);
        }
        if let Some(n) = NamestoreError::from_raw(e) {
            self.namestore_error(n);
        }
        if let Some(s) = SyncUpdate::from_raw(e) {
            self.sync_update(s);
        }
        if let Some(l) = LowBalancePoll::from_raw(e) {
            self.low_balance(l);
        }
        if let Some(r) = RgpPoll::from_raw(e) {
            self.rgp_poll(r);
        }
        if let Some(f) = FeeExtension::from_raw(e) {
            self.fee_extension(f);
        }
        if let Some(f) = FeeData::from_raw(e) {
            self.fee_data(f);
        }
        if let Some(l) = Launch::from_raw(e) {
            self.launch(l);
        }
        if let Some(l) = LaunchData::from_raw(e) {
            self.launch_data(l);
        }
        if let Some(a) = AddlEmail::from_raw(e) {
            self.addl_email(a);
        }
        if let Some(b) = Bundling::from_raw(e) {
            self.bundling(b);
        }
        if let Some(m) = MaintenanceData::from_raw(e) {
            self.maintenance_data(m);
        }
        if let Some(m) = Mark::from_raw(e) {
            self.mark(m);
        }
        if let Some(s) = SignedMark::from_raw(e) {
            self.signed_mark(s);
        }
        if let Some(s) = EncodedSignedMark::from_raw(e) {
            self.encoded_signed_mark(s);
        }
    }

    fn auth_info(&mut self, a: AuthInfo<'_>) {
        match a {
            AuthInfo::Password { password, roid } => {
                self.str(password);
                self.opt_str(roid);
            }
            AuthInfo::Ext(e) => {
                self.raw_element(e);
                self.typed(e);
            }
            AuthInfo::Null => self.fold(0),
        }
    }

    fn opt_auth_info(&mut self, a: Option<AuthInfo<'_>>) {
        match a {
            Some(a) => self.auth_info(a),
            None => self.fold(u64::MAX),
        }
    }

    // ------------------------------------------------------------------
    // Commands.
    // ------------------------------------------------------------------

    /// A command, every field of it.
    pub fn request(&mut self, r: &Request<'_>) {
        self.span(r.span());
        self.opt_str(r.cl_trid());
        self.command(r.command());
        self.extensions(r.extensions());
    }

    fn verb(&mut self, v: Verb) {
        self.name(v.as_str());
        match v {
            Verb::Transfer(op) => self.transfer_op(op),
            Verb::Check | Verb::Create | Verb::Delete | Verb::Info | Verb::Renew | Verb::Update => {
                self.fold(0)
            }
        }
    }

    fn transfer_op(&mut self, op: TransferOp) {
        self.name(op.as_str());
    }

    fn command(&mut self, c: &Command<'_>) {
        match c {
            Command::Hello => self.fold(1),
            Command::Login(l) => self.login(l),
            Command::Logout => self.fold(2),
            Command::Poll(Poll::Request) => self.fold(3),
            Command::Poll(Poll::Acknowledge { message_id }) => self.str(*message_id),
            Command::Domain(d) => self.domain_command(d),
            Command::Host(h) => self.host_command(h),
            Command::Contact(c) => self.contact_command(c),
            Command::Other(o) => {
                self.verb(o.verb());
                self.raw_element(o.object());
                self.typed(o.object());
                self.command_error(&o.unimplemented());
            }
            Command::Maintenance(m) => match m {
                MaintenanceInfo::Item(id) => self.maintenance_id(id),
                MaintenanceInfo::List => self.fold(4),
            },
            other => panic!("a command this walker does not know: {other:?}"),
        }
    }

    fn login(&mut self, l: &Login<'_>) {
        self.str(l.client_id());
        self.str(l.password());
        self.opt_str(l.new_password());
        self.str(l.version());
        self.str(l.lang());
        self.strs(l.object_uris());
        self.strs(l.extension_uris());
        // A server offering nothing refuses the first service asked for.
        match check_services(l, &[], &[]) {
            Ok(()) => assert!(l.object_uris().is_empty() && l.extension_uris().is_empty()),
            Err(e) => self.command_error(&e),
        }
    }

    fn domain_command(&mut self, d: &DomainCommand<'_>) {
        self.verb(d.verb());
        match d {
            DomainCommand::Check(c) => self.strs(c.names()),
            DomainCommand::Info(i) => {
                self.str(i.name());
                self.name(i.hosts().as_str());
                self.opt_str(i.hosts_raw());
                self.opt_auth_info(i.auth_info());
            }
            DomainCommand::Create(c) => {
                self.str(c.name());
                self.period(c.period());
                self.opt_str(c.period_raw());
                self.name_servers(c.ns());
                self.opt_str(c.registrant());
                self.list(c.contacts(), Self::domain_contact);
                self.auth_info(c.auth_info());
            }
            DomainCommand::Delete(d) => self.str(d.name()),
            DomainCommand::Renew(r) => {
                self.str(r.name());
                self.date(r.current_expiry());
                self.str(r.current_expiry_raw());
                self.period(r.period());
                self.opt_str(r.period_raw());
            }
            DomainCommand::Transfer { op, transfer } => {
                self.transfer_op(*op);
                self.str(transfer.name());
                self.period(transfer.period());
                self.opt_str(transfer.period_raw());
                self.opt_auth_info(transfer.auth_info());
            }
            DomainCommand::Update(u) => {
                self.str(u.name());
                for add_remove in [u.add(), u.remove()].into_iter().flatten() {
                    self.name_servers(add_remove.ns());
                    self.list(add_remove.contacts(), Self::domain_contact);
                    self.list(add_remove.statuses(), Self::domain_status);
                    self.flag(add_remove.is_empty());
                }
                if let Some(change) = u.change() {
                    match change.registrant() {
                        Some(domain::RegistrantChange::Set(id)) => self.str(id),
                        Some(domain::RegistrantChange::Remove) => self.fold(0),
                        None => self.fold(u64::MAX),
                    }
                    self.opt_auth_info(change.auth_info());
                    self.flag(change.is_empty());
                }
                self.flag(u.has_changes());
            }
        }
    }

    fn domain_contact(&mut self, c: domain::Contact<'_>) {
        self.str(c.id());
        if let Some(t) = c.contact_type() {
            self.name(t.as_str());
        }
        self.opt_str(c.type_raw());
    }

    fn domain_status_value(&mut self, s: DomainStatus) {
        self.name(s.as_str());
        self.flag(s.is_client_settable());
        assert_eq!(DomainStatus::from_str_exact(s.as_str()), Some(s));
    }

    fn domain_status(&mut self, s: domain::Status<'_>) {
        self.domain_status_value(s.value());
        self.str(s.raw());
        self.opt_str(s.lang());
        self.str(s.text());
    }

    fn name_servers(&mut self, ns: Option<domain::NameServers<'_>>) {
        let Some(ns) = ns else {
            return self.fold(u64::MAX);
        };
        self.fold(ns.len() as u64);
        self.flag(ns.is_empty());
        match ns {
            domain::NameServers::HostObjs(names) => {
                assert_eq!(ns.host_attrs().len(), 0);
                assert_eq!(ns.host_objs().len(), names.len());
                self.strs(names);
            }
            domain::NameServers::HostAttrs(hosts) => {
                assert_eq!(ns.host_objs().len(), 0);
                assert_eq!(ns.host_attrs().len(), hosts.len());
                self.list(hosts, |t, h| {
                    t.str(h.name());
                    t.list(h.addresses(), |t, a| {
                        t.hashed(&a.ip());
                        t.str(a.raw());
                        t.ip_version(a.version());
                        t.opt_str(a.version_raw());
                    });
                });
            }
        }
    }

    fn host_command(&mut self, h: &HostCommand<'_>) {
        match h {
            HostCommand::Check(c) => self.strs(c.names()),
            HostCommand::Info(i) => self.str(i.name()),
            HostCommand::Create(c) => {
                self.str(c.name());
                self.list(c.addresses(), Self::host_address);
            }
            HostCommand::Update(u) => {
                self.str(u.name());
                for add_remove in [u.add(), u.remove()] {
                    self.flag(add_remove.is_present());
                    self.list(add_remove.addresses(), Self::host_address);
                    self.list(add_remove.statuses(), |t, s| {
                        t.host_status_value(s.value());
                        t.opt_str(s.lang());
                        t.str(s.text());
                    });
                }
                self.opt_str(u.new_name());
            }
            HostCommand::Delete(d) => self.str(d.name()),
            other => panic!("a host command this walker does not know: {other:?}"),
        }
    }

    fn host_address(&mut self, a: host::Address<'_>) {
        self.flag(a.has_version_attribute());
        self.str(a.raw());
        self.ip_version(a.version());
        // `IpAddr` or `Option<IpAddr>`: folded either way.
        self.hashed(&a.ip());
    }

    fn host_status_value(&mut self, s: HostStatus) {
        self.name(s.as_str());
        self.flag(s.is_client_settable());
        assert_eq!(HostStatus::from_str_exact(s.as_str()), Some(s));
    }

    fn contact_command(&mut self, c: &ContactCommand<'_>) {
        self.verb(c.verb());
        match c {
            ContactCommand::Check(c) => self.strs(c.ids()),
            ContactCommand::Info(i) => {
                self.str(i.id());
                self.opt_auth_info(i.auth_info());
            }
            ContactCommand::Create(c) => {
                self.str(c.id());
                self.list(c.postal_infos(), Self::postal_info);
                self.phone(c.voice());
                self.phone(c.fax());
                self.str(c.email());
                self.auth_info(c.auth_info());
                self.disclose(c.disclose());
            }
            ContactCommand::Delete(d) => self.str(d.id()),
            ContactCommand::Transfer { op, transfer } => {
                self.transfer_op(*op);
                self.str(transfer.id());
                self.opt_auth_info(transfer.auth_info());
            }
            ContactCommand::Update(u) => {
                self.str(u.id());
                for statuses in [u.add(), u.remove()].into_iter().flatten() {
                    self.list(statuses, |t, s| {
                        t.contact_status_value(s.value());
                        t.str(s.raw());
                        t.opt_str(s.lang());
                        t.str(s.text());
                    });
                }
                if let Some(change) = u.change() {
                    self.list(change.postal_infos(), Self::postal_info);
                    self.phone(change.voice());
                    self.phone(change.fax());
                    self.opt_str(change.email());
                    self.opt_auth_info(change.auth_info());
                    self.disclose(change.disclose());
                }
            }
        }
    }

    fn contact_status_value(&mut self, s: ContactStatus) {
        self.name(s.as_str());
        self.flag(s.is_client_settable());
        assert_eq!(ContactStatus::from_str_exact(s.as_str()), Some(s));
    }

    fn postal_info(&mut self, p: contact::PostalInfo<'_>) {
        self.name(p.info_type().as_str());
        self.opt_str(p.name());
        self.opt_str(p.org());
        if let Some(a) = p.address() {
            self.list(a.streets(), |t, street| t.str(street.0));
            self.str(a.city());
            self.opt_str(a.state_province());
            self.opt_str(a.postal_code());
            self.str(a.country_code());
        }
    }

    fn phone(&mut self, p: Option<contact::Phone<'_>>) {
        let Some(p) = p else {
            return self.fold(u64::MAX);
        };
        self.str(p.number());
        if let Some(E164 {
            country_code,
            number,
        }) = p.e164()
        {
            self.text(country_code);
            self.text(number);
        }
        self.opt_str(p.extension());
    }

    fn disclose(&mut self, d: Option<contact::Disclose>) {
        let Some(contact::Disclose {
            flag,
            name,
            org,
            addr,
            voice,
            fax,
            email,
        }) = d
        else {
            return self.fold(u64::MAX);
        };
        for contact::IntLoc { int, loc } in [name, org, addr] {
            self.flag(int);
            self.flag(loc);
        }
        for b in [flag, voice, fax, email] {
            self.flag(b);
        }
    }

    /// A command that could not be read: every accessor of the error.
    pub fn command_error(&mut self, e: &CommandError<'_>) {
        assert!(
            e.offset() <= self.input.len(),
            "offset {} past the input",
            e.offset()
        );
        self.fold(e.offset() as u64);
        if let Some(span) = e.span() {
            self.span(span);
        }
        self.result_code(e.result_code());
        let kind = e.kind();
        assert_eq!(kind.result_code(), e.result_code());
        match kind {
            CommandErrorKind::Xml(x) => self.xml_error_kind(x),
            CommandErrorKind::LengthOutOfRange { min, max }
            | CommandErrorKind::ValueOutOfRange { min, max } => {
                self.fold(u64::from(min));
                self.fold(u64::from(max));
            }
            CommandErrorKind::TooMany { max } => self.fold(u64::from(max)),
            CommandErrorKind::InvalidValue { expected } => self.fold(expected.len() as u64),
            CommandErrorKind::NotACommand
            | CommandErrorKind::UnexpectedElement
            | CommandErrorKind::UnexpectedText
            | CommandErrorKind::UnexpectedAttribute
            | CommandErrorKind::MissingElement
            | CommandErrorKind::MissingAttribute
            | CommandErrorKind::UnknownCommand
            | CommandErrorKind::UnimplementedProtocolVersion
            | CommandErrorKind::UnimplementedCommand
            | CommandErrorKind::UnimplementedOption
            | CommandErrorKind::UnimplementedExtension
            | CommandErrorKind::UnimplementedObject => self.fold(0),
            other => panic!("a command error this walker does not know: {other:?}"),
        }
        if let Some(element) = e.element() {
            self.element_name(element);
        }
        if let Some(attribute) = e.attribute() {
            self.fold(attribute.len() as u64);
        }
        self.displayed(e);
    }

    /// An element name of an error: its local name may be the crate's own
    /// (a missing element is named, not found), so it is read, not located.
    fn element_name(&mut self, n: ElementName<'_>) {
        let ElementName { namespace, local } = n;
        self.fold(local.len() as u64);
        match namespace {
            Namespace::Known(ns) => assert!(n.is(ns, local)),
            Namespace::None | Namespace::Other(_) => {}
        }
        self.namespace(namespace);
        self.displayed(&n);
    }

    fn xml_error_kind(&mut self, k: XmlErrorKind) {
        self.displayed(&k);
    }

    // ------------------------------------------------------------------
    // Responses and greetings.
    // ------------------------------------------------------------------

    /// A response or greeting, every field of it.
    pub fn server_message(&mut self, m: &ServerMessage<'_>) {
        match m {
            ServerMessage::Greeting(g) => self.greeting(g),
            ServerMessage::Response(r) => self.response(r),
        }
    }

    /// A server message that could not be read: every accessor of the error.
    pub fn response_error(&mut self, e: &ResponseError<'_>) {
        assert!(
            e.offset() <= self.input.len(),
            "offset {} past the input",
            e.offset()
        );
        self.fold(e.offset() as u64);
        match e.kind() {
            ResponseErrorKind::Xml(x) => self.xml_error_kind(x),
            ResponseErrorKind::NotAServerMessage
            | ResponseErrorKind::MissingElement
            | ResponseErrorKind::InvalidResultCode => self.fold(0),
            other => panic!("a response error this walker does not know: {other:?}"),
        }
        if let Some(element) = e.element() {
            self.element_name(element);
        }
        self.displayed(e);
    }

    fn response(&mut self, r: &Response<'_>) {
        self.span(r.span());
        self.result_code(r.code());
        let mut first = None;
        self.list(r.results(), |t, result| {
            first.get_or_insert(result.code());
            t.epp_result(result);
        });
        assert_eq!(
            first,
            Some(r.code()),
            "a response's code is its first result's"
        );
        if let Some(q) = r.message_queue() {
            self.message_queue(q);
        }
        self.extensions(r.res_data());
        self.extensions(r.extensions());
        self.opt_str(r.cl_trid());
        self.str(r.sv_trid());
    }

    fn epp_result(&mut self, result: EppResult<'_>) {
        self.span(result.span());
        self.result_code(result.code());
        self.opt_str(result.message());
        self.opt_str(result.message_lang());
        self.list(result.values(), Self::value);
        self.list(result.ext_values(), Self::ext_value);
    }

    fn value(&mut self, v: Value<'_>) {
        let span = v.span();
        self.span(span);
        let content = v.content();
        self.text(content);
        if !content.is_empty() {
            let at = self.offset_of(content);
            assert!(
                span.start <= at && at + content.len() <= span.end,
                "a value's content lies outside its element"
            );
        }
    }

    fn ext_value(&mut self, e: ExtValue<'_>) {
        self.span(e.span());
        if let Some(v) = e.value() {
            self.value(v);
        }
        self.opt_str(e.reason());
        self.opt_str(e.reason_lang());
        self.opt_text(e.unhandled_namespace());
        if let Some(element) = e.element() {
            self.raw_element(element);
            self.typed(element);
        }
    }

    fn message_queue(&mut self, q: MessageQueue<'_>) {
        self.opt_str(q.count_raw());
        self.number(q.count());
        self.opt_str(q.id());
        self.opt_str(q.date_raw());
        self.date_time(q.date());
        self.opt_text(q.message());
        self.opt_str(q.message_text());
        self.opt_str(q.message_lang());
    }

    fn greeting(&mut self, g: &Greeting<'_>) {
        self.span(g.span());
        self.opt_str(g.server_id());
        self.opt_str(g.server_date_raw());
        self.date_time(g.server_date());
        self.strs(g.versions());
        self.strs(g.langs());
        self.strs(g.object_uris());
        self.strs(g.extension_uris());
        if let Some(dcp) = g.dcp() {
            self.dcp(dcp);
        }
        let objects = [Ns::Domain.uri(), Ns::Host.uri(), Ns::Contact.uri()];
        let extensions = [Ns::SecDns11.uri(), Ns::Rgp.uri()];
        let n: Negotiation<'_, 2> = Negotiation::new(g, &objects, &extensions);
        assert_eq!(
            n.objects.len()
                + n.missing_objects.len()
                + n.extensions.len()
                + n.missing_extensions.len()
                + n.overflowed,
            objects.len() + extensions.len()
        );
        self.fold(n.objects.len() as u64);
    }

    fn dcp(&mut self, dcp: Dcp<'_>) {
        match dcp.access() {
            Some(Access::Unknown(name)) => self.text(name),
            Some(
                Access::All
                | Access::None
                | Access::Null
                | Access::Personal
                | Access::PersonalAndOther
                | Access::Other,
            ) => self.fold(1),
            Some(other) => panic!("an access this walker does not know: {other:?}"),
            None => self.fold(u64::MAX),
        }
        self.list(dcp.statements(), Self::statement);
        match dcp.expiry() {
            Some(expiry @ Expiry::Absolute(at)) => {
                self.str(at);
                self.date_time(expiry.absolute());
            }
            Some(expiry @ Expiry::Relative(duration)) => {
                self.str(duration);
                assert!(expiry.absolute().is_none());
            }
            None => self.fold(u64::MAX),
        }
    }

    fn statement(&mut self, s: Statement<'_>) {
        let Purposes {
            admin,
            contact,
            provisioning,
            other,
        } = s.purposes();
        for b in [admin, contact, provisioning, other] {
            self.flag(b);
        }
        let Recipients {
            other,
            ours,
            public,
            same,
            unrelated,
        } = s.recipients();
        for b in [other, ours, public, same, unrelated] {
            self.flag(b);
        }
        let mut described = 0usize;
        self.list(s.our_recipients(), |t, ours| {
            let description = ours.description();
            described += usize::from(description.is_some());
            t.opt_str(description);
        });
        let mut descriptions = 0usize;
        for d in s.our_recipient_descriptions() {
            descriptions += 1;
            self.str(d);
        }
        assert_eq!(descriptions, described);
        match s.retention() {
            Some(Retention::Unknown(name)) => self.text(name),
            Some(
                Retention::Business
                | Retention::Indefinite
                | Retention::Legal
                | Retention::None
                | Retention::Stated,
            ) => self.fold(1),
            Some(other) => panic!("a retention this walker does not know: {other:?}"),
            None => self.fold(u64::MAX),
        }
    }

    // ------------------------------------------------------------------
    // Domain, host and contact response data.
    // ------------------------------------------------------------------

    fn check_item(&mut self, c: CheckItem<'_>) {
        self.opt_str(c.name());
        self.opt_flag(c.available());
        self.opt_str(c.reason());
        self.opt_str(c.reason_lang());
    }

    fn object_status<S: StatusValue>(&mut self, s: ObjectStatus<'_, S>, value: fn(&mut Self, S)) {
        if let Some(v) = s.value() {
            value(self, v);
        }
        self.str(s.raw());
        self.opt_str(s.lang());
        self.str(s.text());
    }

    fn pending(&mut self, p: PendingData<'_>) {
        self.opt_str(p.name());
        self.opt_flag(p.result());
        if let Some(PendingTransaction { cl_trid, sv_trid }) = p.transaction() {
            self.opt_str(cl_trid);
            self.opt_str(sv_trid);
        }
        self.timestamp(p.date());
    }

    fn transfer(&mut self, t: TransferData<'_>) {
        self.opt_str(t.name());
        self.opt_str(t.status_raw());
        if let Some(s) = t.status() {
            self.name(s.as_str());
        }
        self.opt_str(t.requester());
        self.timestamp(t.requested());
        self.opt_str(t.actor());
        self.timestamp(t.action_due());
        self.timestamp(t.expires());
    }

    fn domain_data(&mut self, d: DomainData<'_>) {
        match d {
            DomainData::Check(items) => self.list(items, Self::check_item),
            DomainData::Info(i) => self.domain_info(i),
            DomainData::Create(c) => {
                self.opt_str(c.name());
                self.timestamp(c.created());
                self.timestamp(c.expires());
            }
            DomainData::Pending(p) => self.pending(p),
            DomainData::Renew(r) => {
                self.opt_str(r.name());
                self.timestamp(r.expires());
            }
            DomainData::Transfer(t) => self.transfer(t),
        }
    }

    fn domain_info(&mut self, i: domain_data::InfoData<'_>) {
        self.opt_str(i.name());
        self.opt_str(i.roid());
        self.list(i.statuses(), |t, s| {
            t.object_status(s, Self::domain_status_value)
        });
        self.opt_str(i.registrant());
        self.list(i.contacts(), Self::domain_contact);
        self.name_servers(i.ns());
        self.strs(i.hosts());
        self.opt_str(i.client_id());
        self.opt_str(i.creator_id());
        self.timestamp(i.created());
        self.opt_str(i.updater_id());
        self.timestamp(i.updated());
        self.timestamp(i.expires());
        self.timestamp(i.transferred());
        self.opt_str(i.password());
        self.opt_str(i.password_roid());
        self.opt_text(i.auth_info_ext());
    }

    fn host_data(&mut self, h: HostData<'_>) {
        match h {
            HostData::Check(items) => self.list(items, Self::check_item),
            HostData::Info(i) => self.host_info(i),
            HostData::Create(c) => {
                self.opt_str(c.name());
                self.timestamp(c.created());
            }
            HostData::Pending(p) => self.pending(p),
        }
    }

    fn host_info(&mut self, i: host_data::InfoData<'_>) {
        self.opt_str(i.name());
        self.opt_str(i.roid());
        self.list(i.statuses(), |t, s| {
            t.object_status(s, Self::host_status_value)
        });
        self.list(i.addresses(), Self::host_address);
        self.opt_str(i.client_id());
        self.opt_str(i.creator_id());
        self.timestamp(i.created());
        self.opt_str(i.updater_id());
        self.timestamp(i.updated());
        self.timestamp(i.transferred());
    }

    fn contact_data(&mut self, c: ContactData<'_>) {
        match c {
            ContactData::Check(items) => self.list(items, Self::check_item),
            ContactData::Info(i) => self.contact_info(i),
            ContactData::Create(c) => {
                self.opt_str(c.id());
                self.timestamp(c.created());
            }
            ContactData::Pending(p) => self.pending(p),
            ContactData::Transfer(t) => self.transfer(t),
        }
    }

    fn contact_info(&mut self, i: contact_data::InfoData<'_>) {
        self.opt_str(i.id());
        self.opt_str(i.roid());
        self.list(i.statuses(), |t, s| {
            t.object_status(s, Self::contact_status_value)
        });
        self.list(i.postal_infos(), Self::postal_info);
        self.phone(i.voice());
        self.phone(i.fax());
        self.opt_str(i.email());
        self.opt_str(i.client_id());
        self.opt_str(i.creator_id());
        self.timestamp(i.created());
        self.opt_str(i.updater_id());
        self.timestamp(i.updated());
        self.timestamp(i.transferred());
        self.opt_str(i.password());
        self.opt_str(i.password_roid());
        self.opt_text(i.auth_info_ext());
        self.disclose(i.disclose());
    }

    // ------------------------------------------------------------------
    // Typed extensions (`view::ext`).
    // ------------------------------------------------------------------

    fn sec_dns(&mut self, s: SecDns<'_>) {
        match s {
            SecDns::Create(d) => self.sec_dns_data(d),
            SecDns::Update(u) => self.sec_dns_update(u),
        }
    }

    fn sec_dns_update(&mut self, u: SecDnsUpdate<'_>) {
        self.flag(u.is_urgent());
        match u.remove() {
            Some(SecDnsRemove::All(all)) => self.flag(all),
            Some(SecDnsRemove::Records(r)) => self.sec_dns_data(r),
            None => self.fold(u64::MAX),
        }
        if let Some(add) = u.add() {
            self.sec_dns_data(add);
        }
        self.number(u.max_sig_life());
        self.flag(u.has_change());
    }

    fn sec_dns_data(&mut self, d: SecDnsData<'_>) {
        self.number(d.max_sig_life());
        self.list(d.ds_data(), Self::ds_data);
        self.list(d.key_data(), Self::key_data);
    }

    fn ds_data(&mut self, ds: DsData<'_>) {
        self.number(ds.key_tag());
        self.number(ds.alg());
        self.number(ds.digest_type());
        self.str(ds.digest());
        if let Some(k) = ds.key_data() {
            self.key_data(k);
        }
    }

    fn key_data(&mut self, k: KeyData<'_>) {
        self.number(k.flags());
        self.number(k.protocol());
        self.number(k.alg());
        self.str(k.public_key());
    }

    fn rgp_update(&mut self, r: RgpUpdate<'_>) {
        match r.op() {
            op @ (RestoreOp::Request | RestoreOp::Report) => self.name(op.as_str()),
        }
        if let Some(report) = r.report_data() {
            self.restore_report(report);
        }
    }

    fn restore_report(&mut self, r: RestoreReport<'_>) {
        self.str(r.pre_data());
        self.str(r.post_data());
        for local in ["preData", "postData", "other"] {
            self.opt_text(r.raw_content(local));
        }
        self.str(r.deleted());
        self.str(r.restored());
        self.report_text(r.reason());
        self.list(r.statements(), Self::report_text);
        self.opt_str(r.other());
    }

    fn report_text(&mut self, r: ReportText<'_>) {
        let ReportText { text, lang } = r;
        self.str(text);
        self.opt_str(lang);
    }

    fn rgp_status(&mut self, s: RgpStatus<'_>) {
        let RgpStatus {
            value,
            raw,
            lang,
            text,
        } = s;
        match value {
            Some(
                v @ (RgpStatusValue::AddPeriod
                | RgpStatusValue::AutoRenewPeriod
                | RgpStatusValue::RenewPeriod
                | RgpStatusValue::TransferPeriod
                | RgpStatusValue::PendingDelete
                | RgpStatusValue::PendingRestore
                | RgpStatusValue::RedemptionPeriod),
            ) => self.name(v.as_str()),
            Some(other) => panic!("an RGP status this walker does not know: {other:?}"),
            None => self.fold(u64::MAX),
        }
        self.str(raw);
        self.opt_str(lang);
        self.str(text);
    }

    fn allocation_token(&mut self, t: AllocationToken<'_>) {
        match t {
            AllocationToken::Token(token) => self.str(token),
            AllocationToken::Info => self.fold(0),
        }
    }

    fn login_sec(&mut self, l: LoginSec<'_>) {
        let LoginSec {
            user_agent,
            password,
            new_password,
        } = l;
        if let Some(UserAgent { app, tech, os }) = user_agent {
            self.opt_str(app);
            self.opt_str(tech);
            self.opt_str(os);
        }
        self.opt_str(password);
        self.opt_str(new_password);
    }

    fn login_sec_event(&mut self, e: LoginSecEvent<'_>) {
        let LoginSecEvent {
            event_type,
            name,
            level,
            expires,
            value,
            duration,
            lang,
            text,
        } = e;
        self.str(event_type);
        self.opt_str(name);
        self.str(level);
        self.opt_str(expires);
        self.opt_str(value);
        self.opt_str(duration);
        self.opt_str(lang);
        self.str(text);
    }

    fn change_data(&mut self, c: ChangeData<'_>) {
        let ChangeData {
            state,
            operation,
            operation_op,
            date,
            sv_trid,
            who,
            case_id,
            reason,
            reason_lang,
        } = c;
        self.opt_str(state);
        self.str(operation);
        self.opt_str(operation_op);
        self.str(date);
        self.str(sv_trid);
        self.str(who);
        if let Some(CaseId {
            case_type,
            name,
            id,
        }) = case_id
        {
            self.str(case_type);
            self.opt_str(name);
            self.str(id);
        }
        self.opt_str(reason);
        self.opt_str(reason_lang);
    }

    fn ttl_extension(&mut self, t: TtlExtension<'_>) {
        match t {
            TtlExtension::Create(list)
            | TtlExtension::Update(list)
            | TtlExtension::InfoData(list) => self.list(list, Self::ttl),
            TtlExtension::Info { policy } => self.flag(policy),
        }
    }

    fn ttl(&mut self, t: Ttl<'_>) {
        let Ttl {
            record_type,
            custom,
            seconds,
            min,
            default,
            max,
        } = t;
        self.str(record_type);
        self.opt_str(custom);
        for n in [seconds, min, default, max] {
            self.number(n);
        }
    }

    fn namestore(&mut self, n: Namestore<'_>) {
        let Namestore { sub_product } = n;
        self.str(sub_product);
    }

    fn namestore_error(&mut self, n: NamestoreError<'_>) {
        let NamestoreError { code, message } = n;
        self.opt_str(code);
        self.str(message);
        self.number(n.code_number());
    }

    fn sync_update(&mut self, s: SyncUpdate<'_>) {
        let SyncUpdate { exp_month_day } = s;
        self.str(exp_month_day);
        if let Some(MonthDay { month, day }) = s.month_day() {
            self.fold(u64::from(month));
            self.fold(u64::from(day));
        }
    }

    fn low_balance(&mut self, l: LowBalancePoll<'_>) {
        let LowBalancePoll {
            registrar_name,
            credit_limit,
            credit_threshold,
            threshold_type,
            available_credit,
        } = l;
        for s in [
            registrar_name,
            credit_limit,
            credit_threshold,
            threshold_type,
            available_credit,
        ] {
            self.str(s);
        }
        self.flag(l.is_percent());
    }

    fn rgp_poll(&mut self, r: RgpPoll<'_>) {
        let RgpPoll {
            name,
            status,
            request_date,
            report_due_date,
        } = r;
        for s in [name, status, request_date, report_due_date] {
            self.str(s);
        }
        self.date_time(r.request_date_time());
        self.date_time(r.report_due_date_time());
    }

    fn decimal(&mut self, d: Option<Decimal>) {
        let Some(d) = d else {
            return self.fold(u64::MAX);
        };
        let Decimal {
            negative,
            units,
            fraction,
            scale,
        } = d;
        self.flag(negative);
        self.fold(units);
        self.fold(fraction);
        self.fold(u64::from(scale));
        self.flag(d.is_zero());
        self.hashed(&d.in_minor_units(2));
    }

    fn fee(&mut self, f: Fee<'_>) {
        let Fee {
            amount,
            description,
            lang,
            refundable,
            grace_period,
            applied,
        } = f;
        self.str(amount);
        self.opt_str(description);
        self.opt_str(lang);
        self.opt_flag(refundable);
        self.opt_str(grace_period);
        self.opt_str(applied);
        self.decimal(f.decimal());
        self.decimal(Decimal::from_text(amount));
        match f.applied_kind() {
            Some(FeeApplied::Immediate) => self.fold(1),
            Some(FeeApplied::Delayed) => self.fold(2),
            None => self.fold(u64::MAX),
        }
    }

    fn fee_credit(&mut self, c: FeeCredit<'_>) {
        let FeeCredit {
            amount,
            description,
            lang,
        } = c;
        self.str(amount);
        self.opt_str(description);
        self.opt_str(lang);
        self.decimal(c.decimal());
    }

    fn fee_command(&mut self, c: FeeCommand<'_>) {
        let FeeCommand {
            name,
            custom_name,
            phase,
            subphase,
            period,
        } = c;
        self.str(name);
        self.opt_str(custom_name);
        self.opt_str(phase);
        self.opt_str(subphase);
        self.period(period);
        match c.kind() {
            Some(
                kind @ (FeeCommandName::Create
                | FeeCommandName::Delete
                | FeeCommandName::Renew
                | FeeCommandName::Update
                | FeeCommandName::Transfer
                | FeeCommandName::Restore
                | FeeCommandName::Custom),
            ) => self.name(kind.as_str()),
            None => self.fold(u64::MAX),
        }
    }

    fn fee_reason(&mut self, r: Option<FeeReason<'_>>) {
        if let Some(FeeReason { text, lang }) = r {
            self.str(text);
            self.opt_str(lang);
        }
    }

    fn fee_extension(&mut self, f: FeeExtension<'_>) {
        match f {
            FeeExtension::Check(FeeCheck { currency, commands }) => {
                self.opt_str(currency);
                self.list(commands, Self::fee_command);
            }
            FeeExtension::Create(t)
            | FeeExtension::Renew(t)
            | FeeExtension::Transfer(t)
            | FeeExtension::Update(t) => {
                let FeeTransform {
                    currency,
                    fees,
                    credits,
                } = t;
                self.opt_str(currency);
                self.list(fees, Self::fee);
                self.list(credits, Self::fee_credit);
            }
        }
    }

    fn fee_data(&mut self, f: FeeData<'_>) {
        match f {
            FeeData::Check(FeeCheckData { currency, items }) => {
                self.opt_str(currency);
                self.list(items, Self::fee_check_item);
            }
            FeeData::Create(r)
            | FeeData::Renew(r)
            | FeeData::Transfer(r)
            | FeeData::Update(r)
            | FeeData::Delete(r) => self.fee_result(r),
        }
    }

    fn fee_check_item(&mut self, i: FeeCheckItem<'_>) {
        let FeeCheckItem {
            object_id,
            object_element,
            available,
            class,
            currency,
            commands,
            reason,
        } = i;
        self.str(object_id);
        self.opt_str(object_element);
        self.opt_flag(available);
        self.opt_str(class);
        self.opt_str(currency);
        self.list(commands, Self::fee_command_data);
        self.fee_reason(reason);
        self.flag(i.is_available());
    }

    fn fee_command_data(&mut self, c: FeeCommandData<'_>) {
        let FeeCommandData {
            command,
            standard,
            available,
            fees,
            credits,
            class,
            reason,
        } = c;
        self.fee_command(command);
        self.opt_flag(standard);
        self.opt_flag(available);
        self.list(fees, Self::fee);
        self.list(credits, Self::fee_credit);
        self.opt_str(class);
        self.fee_reason(reason);
    }

    fn fee_result(&mut self, r: FeeResult<'_>) {
        let FeeResult {
            currency,
            period,
            fees,
            credits,
            balance,
            credit_limit,
        } = r;
        self.opt_str(currency);
        self.period(period);
        self.list(fees, Self::fee);
        self.list(credits, Self::fee_credit);
        self.opt_str(balance);
        self.opt_str(credit_limit);
        self.decimal(r.balance_decimal());
        self.decimal(r.credit_limit_decimal());
    }

    fn launch_phase(&mut self, p: LaunchPhase<'_>) {
        let LaunchPhase { value, name } = p;
        self.str(value);
        self.opt_str(name);
    }

    fn launch_application(&mut self, a: LaunchApplication<'_>) {
        let LaunchApplication {
            phase,
            application_id,
        } = a;
        self.launch_phase(phase);
        self.str(application_id);
    }

    fn validator_token(&mut self, v: ValidatorToken<'_>) {
        let ValidatorToken {
            value,
            validator_id,
        } = v;
        self.str(value);
        self.opt_str(validator_id);
    }

    fn launch(&mut self, l: Launch<'_>) {
        match l {
            Launch::Check(LaunchCheck { check_type, phase }) => {
                if let Some(t) = check_type {
                    self.name(t.as_str());
                }
                if let Some(p) = phase {
                    self.launch_phase(p);
                }
            }
            Launch::Info(LaunchInfo {
                include_mark,
                phase,
                application_id,
            }) => {
                self.opt_flag(include_mark);
                self.launch_phase(phase);
                self.opt_str(application_id);
            }
            Launch::Create(LaunchCreate {
                create_type,
                phase,
                marks,
                notices,
            }) => {
                if let Some(t) = create_type {
                    self.name(t.as_str());
                }
                self.launch_phase(phase);
                match marks {
                    LaunchMarks::None => self.fold(0),
                    LaunchMarks::CodeMarks(marks) => {
                        self.list(marks, |t, CodeMark { code, mark }| {
                            if let Some(code) = code {
                                t.validator_token(code);
                            }
                            if let Some(mark) = mark {
                                t.mark(mark);
                            }
                        })
                    }
                    LaunchMarks::SignedMarks(marks) => self.list(marks, Self::signed_mark),
                    LaunchMarks::EncodedSignedMarks(marks) => {
                        self.list(marks, Self::encoded_signed_mark)
                    }
                }
                self.list(notices, Self::claims_notice);
            }
            Launch::Update(a) | Launch::Delete(a) => self.launch_application(a),
        }
    }

    fn claims_notice(&mut self, n: ClaimsNotice<'_>) {
        let ClaimsNotice {
            id,
            not_after,
            accepted_date,
        } = n;
        self.validator_token(id);
        self.str(not_after);
        self.str(accepted_date);
    }

    fn launch_data(&mut self, l: LaunchData<'_>) {
        match l {
            LaunchData::CheckData(LaunchCheckData { phase, results }) => {
                if let Some(p) = phase {
                    self.launch_phase(p);
                }
                self.list(results, |t, r| {
                    let LaunchCheckResult {
                        name,
                        exists,
                        claim_keys,
                    } = r;
                    t.str(name);
                    t.flag(exists);
                    t.list(claim_keys, Self::validator_token);
                });
            }
            LaunchData::CreateData(a) => self.launch_application(a),
            LaunchData::InfoData(LaunchInfoData {
                phase,
                application_id,
                status,
                marks,
            }) => {
                self.launch_phase(phase);
                self.opt_str(application_id);
                if let Some(LaunchStatus {
                    value,
                    name,
                    lang,
                    text,
                }) = status
                {
                    self.str(value);
                    self.opt_str(name);
                    self.opt_str(lang);
                    self.str(text);
                }
                self.list(marks, Self::mark);
            }
        }
    }

    fn signed_mark(&mut self, s: SignedMark<'_>) {
        self.raw_element(s.raw());
        self.opt_str(s.id_attribute());
        self.opt_str(s.smd_id());
        self.opt_str(s.issuer_id());
        self.opt_str(s.issuer_org());
        self.opt_str(s.not_before());
        self.opt_str(s.not_after());
        if let Some(mark) = s.mark() {
            self.mark(mark);
        }
    }

    fn encoded_signed_mark(&mut self, s: EncodedSignedMark<'_>) {
        let EncodedSignedMark { encoding, data } = s;
        self.opt_str(encoding);
        self.str(data);
    }

    fn mark(&mut self, m: Mark<'_>) {
        let Mark {
            trademarks,
            treaties_or_statutes,
            courts,
        } = m;
        let records = trademarks.len() + treaties_or_statutes.len() + courts.len();
        assert_eq!(m.len(), records);
        assert_eq!(m.is_empty(), records == 0);
        self.list(trademarks, Self::mark_record);
        self.list(treaties_or_statutes, Self::mark_record);
        self.list(courts, Self::mark_record);
    }

    fn mark_record(&mut self, r: MarkRecord<'_>) {
        let MarkRecord {
            kind,
            id,
            mark_name,
            holders,
            contacts,
            jurisdiction,
            classes,
            protections,
            labels,
            goods_and_services,
            application_id,
            application_date,
            registration_number,
            registration_date,
            expiration_date,
            reference_number,
            protection_date,
            title,
            execution_date,
            country,
            regions,
            court_name,
        } = r;
        match kind {
            MarkKind::Trademark | MarkKind::TreatyOrStatute | MarkKind::Court => {
                self.name(kind.as_str())
            }
        }
        self.str(id);
        self.str(mark_name);
        self.list(holders, Self::mark_party);
        self.list(contacts, Self::mark_party);
        self.opt_str(jurisdiction);
        self.strs(classes);
        self.list(protections, |t, p| {
            let MarkProtection {
                cc,
                region,
                rulings,
            } = p;
            t.str(cc);
            t.opt_str(region);
            t.strs(rulings);
        });
        self.strs(labels);
        self.str(goods_and_services);
        for s in [
            application_id,
            application_date,
            registration_number,
            registration_date,
            expiration_date,
            reference_number,
            protection_date,
            title,
            execution_date,
            country,
        ] {
            self.opt_str(s);
        }
        self.strs(regions);
        self.opt_str(court_name);
    }

    fn mark_party(&mut self, p: MarkParty<'_>) {
        let MarkParty {
            role,
            name,
            org,
            address,
            voice,
            fax,
            email,
        } = p;
        self.opt_str(role);
        self.opt_str(name);
        self.opt_str(org);
        let MarkAddress {
            street,
            city,
            sp,
            pc,
            cc,
        } = address;
        self.strs(street);
        self.str(city);
        self.opt_str(sp);
        self.opt_str(pc);
        self.str(cc);
        self.phone(voice);
        self.phone(fax);
        self.opt_str(email);
    }

    fn addl_email(&mut self, a: AddlEmail<'_>) {
        let AddlEmail { email, primary } = a;
        self.opt_str(email);
        self.opt_flag(primary);
        self.flag(a.is_primary());
    }

    fn bundled_name(&mut self, b: BundledName<'_>) {
        let BundledName { name, u_label } = b;
        self.str(name);
        self.opt_str(u_label);
    }

    fn bundling(&mut self, b: Bundling<'_>) {
        match b {
            Bundling::Create(rdn) => {
                if let Some(rdn) = rdn {
                    self.bundled_name(rdn);
                }
                assert!(b.bundle().is_none());
            }
            Bundling::Data(kind, bundle) => {
                self.name(kind.as_str());
                let Bundle { rdn, bdns } = bundle;
                self.bundled_name(rdn);
                self.list(bdns, Self::bundled_name);
                assert!(b.bundle().is_some());
            }
        }
    }

    fn maintenance_id(&mut self, id: &MaintenanceId<'_>) {
        let MaintenanceId { id, name, lang } = *id;
        self.str(id);
        self.opt_str(name);
        self.opt_str(lang);
    }

    fn maintenance_data(&mut self, m: MaintenanceData<'_>) {
        match m {
            MaintenanceData::Item(item) => self.maintenance_item(item),
            MaintenanceData::List(list) => self.list(list, |t, i| {
                let MaintenanceListItem {
                    id,
                    start,
                    end,
                    created,
                    updated,
                } = i;
                t.maintenance_id(&id);
                t.str(start);
                t.str(end);
                t.str(created);
                t.opt_str(updated);
            }),
        }
    }

    fn maintenance_item(&mut self, i: MaintenanceItem<'_>) {
        let MaintenanceItem {
            id,
            types,
            poll_type,
            systems,
            environment,
            start,
            end,
            reason,
            detail,
            descriptions,
            tlds,
            intervention,
            created,
            updated,
        } = i;
        self.maintenance_id(&id);
        self.list(types, |t, LangText { text, lang }| {
            t.str(text);
            t.opt_str(lang);
        });
        self.opt_str(poll_type);
        self.list(systems, |t, s| {
            let MaintenanceSystem { name, host, impact } = s;
            t.str(name);
            t.opt_str(host);
            t.str(impact);
        });
        let MaintenanceEnvironment { env_type, name } = environment;
        self.str(env_type);
        self.opt_str(name);
        self.str(start);
        self.str(end);
        self.str(reason);
        self.opt_str(detail);
        self.list(descriptions, |t, d| {
            let MaintenanceDescription {
                text,
                lang,
                content_type,
            } = d;
            t.str(text);
            t.opt_str(lang);
            t.opt_str(content_type);
        });
        self.strs(tlds);
        if let Some(MaintenanceIntervention {
            connection,
            implementation,
        }) = intervention
        {
            self.flag(connection);
            self.flag(implementation);
        }
        self.str(created);
        self.opt_str(updated);
    }
}

/// A `Hasher` that folds what it is fed into the walker's checksum.
struct FoldHasher<'s>(&'s mut u64);

impl Hasher for FoldHasher<'_> {
    fn finish(&self) -> u64 {
        *self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            *self.0 = (*self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A `fmt::Write` that only counts bytes.
struct Counter(usize);

impl fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

/// A `fmt::Write` that compares what is written with `expected`.
struct Compare<'e> {
    expected: &'e [u8],
    at: usize,
    same: bool,
}

impl fmt::Write for Compare<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.at + s.len();
        self.same &= self.expected.get(self.at..end) == Some(s.as_bytes());
        self.at = end;
        Ok(())
    }
}
