//! DNSSEC, `urn:ietf:params:xml:ns:secDNS-1.1` (RFC 5910): the `<create>`
//! and `<update>` command extensions of a domain create or update, and the
//! `<infData>` of a domain info response.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, DomainCommand, RawElement};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::{
    check_bool, check_length, check_unsigned, parse_number, value_chars, value_error,
};
use crate::xml::{Ns, Span};

const NS: Ns = Ns::SecDns11;

/// A secDNS command extension.
#[derive(Clone, Copy, Debug)]
pub enum SecDns<'a> {
    /// `<secDNS:create>`, with a domain create: the DS or key data to publish.
    Create(SecDnsData<'a>),
    /// `<secDNS:update>`, with a domain update.
    Update(SecDnsUpdate<'a>),
}

impl<'a> SecDns<'a> {
    /// The secDNS extension among `raw`'s siblings' kind: `raw` read as one,
    /// if it is `<secDNS:create>` or `<secDNS:update>`.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        let child = element_of(raw)?;
        if raw.is(NS, "create") {
            Some(SecDns::Create(SecDnsData::read(child)))
        } else if raw.is(NS, "update") {
            Some(SecDns::Update(SecDnsUpdate {
                source: UpdateSource::Read(child),
            }))
        } else {
            None
        }
    }
}

fn element_of(raw: RawElement<'_>) -> Option<Child<'_>> {
    raw.element()
}

/// `dsOrKeyType`: the maximum signature lifetime and either DS data or key
/// data (`<secDNS:create>`, `<secDNS:add>`, `<secDNS:infData>`).
#[derive(Clone, Copy, Debug)]
pub struct SecDnsData<'a> {
    source: DataSource<'a>,
}

#[derive(Clone, Copy, Debug)]
enum DataSource<'a> {
    Read(Child<'a>),
    Built {
        max_sig_life: Option<u32>,
        ds_data: &'a [DsData<'a>],
        key_data: &'a [KeyData<'a>],
    },
}

impl<'a> SecDnsData<'a> {
    fn read(element: Child<'a>) -> Self {
        SecDnsData {
            source: DataSource::Read(element),
        }
    }

    /// `<secDNS:infData>` from a response's extension, read tolerantly:
    /// secDNS-1.1, or the obsolete secDNS-1.0 of RFC 4310 (its DS records
    /// read the same; its per-record `maxSigLife` is not kept).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        let known =
            raw.is(NS, "infData") || raw.is(NS, "create") || raw.is(Ns::SecDns10, "infData");
        known.then_some(())?;
        element_of(raw).map(Self::read)
    }

    /// DS data built by hand (the DS interface).
    pub const fn ds(ds_data: &'a [DsData<'a>]) -> Self {
        SecDnsData {
            source: DataSource::Built {
                max_sig_life: None,
                ds_data,
                key_data: &[],
            },
        }
    }

    /// Key data built by hand (the key interface).
    pub const fn keys(key_data: &'a [KeyData<'a>]) -> Self {
        SecDnsData {
            source: DataSource::Built {
                max_sig_life: None,
                ds_data: &[],
                key_data,
            },
        }
    }

    /// The same with `<secDNS:maxSigLife>` (seconds, at least 1; built by hand only).
    pub const fn with_max_sig_life(mut self, seconds: u32) -> Self {
        if let DataSource::Built { max_sig_life, .. } = &mut self.source {
            *max_sig_life = Some(seconds);
        }
        self
    }

    /// `<secDNS:maxSigLife>`: the signature lifetime the client asks for, in seconds.
    pub fn max_sig_life(&self) -> Option<u32> {
        match self.source {
            DataSource::Read(e) => e.child("maxSigLife").and_then(|c| number(c.token())),
            DataSource::Built { max_sig_life, .. } => max_sig_life,
        }
    }

    /// `<secDNS:dsData>`s (empty under the key interface).
    pub fn ds_data(&self) -> List<'a, DsData<'a>> {
        match self.source {
            DataSource::Read(e) => e.list("dsData"),
            DataSource::Built { ds_data, .. } => List::from_slice(ds_data),
        }
    }

    /// `<secDNS:keyData>`s (empty under the DS interface).
    pub fn key_data(&self) -> List<'a, KeyData<'a>> {
        match self.source {
            DataSource::Read(e) => e.list("keyData"),
            DataSource::Built { key_data, .. } => List::from_slice(key_data),
        }
    }
}

/// `<secDNS:dsData>`: a delegation signer record.
#[derive(Clone, Copy, Debug)]
pub struct DsData<'a> {
    source: DsSource<'a>,
}

#[derive(Clone, Copy, Debug)]
enum DsSource<'a> {
    /// Read from a message: every field taken in one pass over the
    /// children (numbers `None` when a response's value is not one).
    Read {
        key_tag: Option<u16>,
        alg: Option<u8>,
        digest_type: Option<u8>,
        digest: Str<'a>,
        key_data: Option<Child<'a>>,
    },
    Built {
        key_tag: u16,
        alg: u8,
        digest_type: u8,
        digest: Str<'a>,
        key_data: Option<KeyData<'a>>,
    },
}

impl<'a> DsData<'a> {
    /// A DS record built by hand; `digest` in hexadecimal.
    pub const fn new(key_tag: u16, alg: u8, digest_type: u8, digest: &'a str) -> Self {
        DsData {
            source: DsSource::Built {
                key_tag,
                alg,
                digest_type,
                digest: Str::new(digest),
                key_data: None,
            },
        }
    }

    /// The same with the key it was made from (built by hand only).
    pub const fn with_key_data(mut self, key: KeyData<'a>) -> Self {
        if let DsSource::Built { key_data, .. } = &mut self.source {
            *key_data = Some(key);
        }
        self
    }

    /// `<secDNS:keyTag>` (`None` only when a response's value is not a number).
    pub fn key_tag(&self) -> Option<u16> {
        match self.source {
            DsSource::Built { key_tag, .. } => Some(key_tag),
            DsSource::Read { key_tag, .. } => key_tag,
        }
    }

    /// `<secDNS:alg>`: the DNSSEC algorithm number.
    pub fn alg(&self) -> Option<u8> {
        match self.source {
            DsSource::Built { alg, .. } => Some(alg),
            DsSource::Read { alg, .. } => alg,
        }
    }

    /// `<secDNS:digestType>`.
    pub fn digest_type(&self) -> Option<u8> {
        match self.source {
            DsSource::Built { digest_type, .. } => Some(digest_type),
            DsSource::Read { digest_type, .. } => digest_type,
        }
    }

    /// `<secDNS:digest>`, hexadecimal as written.
    pub fn digest(&self) -> Str<'a> {
        match self.source {
            DsSource::Built { digest, .. } => digest,
            DsSource::Read { digest, .. } => digest,
        }
    }

    /// `<secDNS:keyData>` inside the DS record.
    pub fn key_data(&self) -> Option<KeyData<'a>> {
        match self.source {
            DsSource::Built { key_data, .. } => key_data,
            DsSource::Read { key_data, .. } => key_data.map(KeyData::from_child),
        }
    }
}

impl<'a> FromChild<'a> for DsData<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let (mut key_tag, mut alg, mut digest_type) = (None, None, None);
        let (mut digest, mut key_data) = (Str::default(), None);
        // The first of each name counts, as a lookup by name would find.
        let mut seen = 0u8;
        for c in child.children() {
            let bit = match c.local() {
                "keyTag" => 1,
                "alg" => 2,
                "digestType" => 4,
                "digest" => 8,
                "keyData" => 16,
                _ => continue,
            };
            if seen & bit != 0 {
                continue;
            }
            seen |= bit;
            match bit {
                1 => key_tag = number(c.token()).and_then(|n| u16::try_from(n).ok()),
                2 => alg = number(c.token()).and_then(|n| u8::try_from(n).ok()),
                4 => digest_type = number(c.token()).and_then(|n| u8::try_from(n).ok()),
                8 => digest = c.token(),
                _ => key_data = Some(c),
            }
        }
        DsData {
            source: DsSource::Read {
                key_tag,
                alg,
                digest_type,
                digest,
                key_data,
            },
        }
    }
}

/// `<secDNS:keyData>`: a DNSKEY record.
#[derive(Clone, Copy, Debug)]
pub struct KeyData<'a> {
    source: KeySource<'a>,
}

#[derive(Clone, Copy, Debug)]
enum KeySource<'a> {
    /// Read from a message, in one pass over the children.
    Read {
        flags: Option<u16>,
        protocol: Option<u8>,
        alg: Option<u8>,
        public_key: Str<'a>,
    },
    Built {
        flags: u16,
        protocol: u8,
        alg: u8,
        public_key: Str<'a>,
    },
}

impl<'a> KeyData<'a> {
    /// A key built by hand; `public_key` in base64.
    pub const fn new(flags: u16, protocol: u8, alg: u8, public_key: &'a str) -> Self {
        KeyData {
            source: KeySource::Built {
                flags,
                protocol,
                alg,
                public_key: Str::new(public_key),
            },
        }
    }

    /// `<secDNS:flags>` (257 for a KSK, 256 for a ZSK).
    pub fn flags(&self) -> Option<u16> {
        match self.source {
            KeySource::Built { flags, .. } => Some(flags),
            KeySource::Read { flags, .. } => flags,
        }
    }

    /// `<secDNS:protocol>` (3).
    pub fn protocol(&self) -> Option<u8> {
        match self.source {
            KeySource::Built { protocol, .. } => Some(protocol),
            KeySource::Read { protocol, .. } => protocol,
        }
    }

    /// `<secDNS:alg>`.
    pub fn alg(&self) -> Option<u8> {
        match self.source {
            KeySource::Built { alg, .. } => Some(alg),
            KeySource::Read { alg, .. } => alg,
        }
    }

    /// `<secDNS:pubKey>`, base64 as written (white space inside kept).
    pub fn public_key(&self) -> Str<'a> {
        match self.source {
            KeySource::Built { public_key, .. } => public_key,
            KeySource::Read { public_key, .. } => public_key,
        }
    }
}

impl<'a> FromChild<'a> for KeyData<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let (mut flags, mut protocol, mut alg) = (None, None, None);
        let mut public_key = Str::default();
        let mut seen = 0u8;
        for c in child.children() {
            let bit = match c.local() {
                "flags" => 1,
                "protocol" => 2,
                "alg" => 4,
                "pubKey" => 8,
                _ => continue,
            };
            if seen & bit != 0 {
                continue;
            }
            seen |= bit;
            match bit {
                1 => flags = number(c.token()).and_then(|n| u16::try_from(n).ok()),
                2 => protocol = number(c.token()).and_then(|n| u8::try_from(n).ok()),
                4 => alg = number(c.token()).and_then(|n| u8::try_from(n).ok()),
                _ => public_key = c.token(),
            }
        }
        KeyData {
            source: KeySource::Read {
                flags,
                protocol,
                alg,
                public_key,
            },
        }
    }
}

/// `<secDNS:update>`: what to remove, what to add, a new maximum signature
/// lifetime, and whether it is urgent.
#[derive(Clone, Copy, Debug)]
pub struct SecDnsUpdate<'a> {
    source: UpdateSource<'a>,
}

#[derive(Clone, Copy, Debug)]
enum UpdateSource<'a> {
    Read(Child<'a>),
    Built {
        urgent: bool,
        remove: Option<SecDnsRemove<'a>>,
        add: Option<SecDnsData<'a>>,
        max_sig_life: Option<u32>,
    },
}

/// `<secDNS:rem>`: everything, or the records listed.
#[derive(Clone, Copy, Debug)]
pub enum SecDnsRemove<'a> {
    /// `<secDNS:all>`: `true` removes every record (`false` removes none).
    All(bool),
    /// The DS or key records to remove.
    Records(SecDnsData<'a>),
}

impl<'a> SecDnsUpdate<'a> {
    /// An update changing nothing yet, not urgent, built by hand.
    pub const fn new() -> Self {
        SecDnsUpdate {
            source: UpdateSource::Built {
                urgent: false,
                remove: None,
                add: None,
                max_sig_life: None,
            },
        }
    }

    /// The same, urgent (built by hand only).
    pub const fn urgent(mut self) -> Self {
        if let UpdateSource::Built { urgent, .. } = &mut self.source {
            *urgent = true;
        }
        self
    }

    /// The same, removing `remove` (built by hand only).
    pub const fn with_remove(mut self, what: SecDnsRemove<'a>) -> Self {
        if let UpdateSource::Built { remove, .. } = &mut self.source {
            *remove = Some(what);
        }
        self
    }

    /// The same, adding `records` (built by hand only).
    pub const fn with_add(mut self, records: SecDnsData<'a>) -> Self {
        if let UpdateSource::Built { add, .. } = &mut self.source {
            *add = Some(records);
        }
        self
    }

    /// The same, changing the maximum signature lifetime (built by hand only).
    pub const fn with_max_sig_life(mut self, seconds: u32) -> Self {
        if let UpdateSource::Built { max_sig_life, .. } = &mut self.source {
            *max_sig_life = Some(seconds);
        }
        self
    }

    /// The `urgent` attribute (`false` when absent).
    pub fn is_urgent(&self) -> bool {
        match self.source {
            UpdateSource::Built { urgent, .. } => urgent,
            UpdateSource::Read(e) => e.attr("urgent").is_some_and(|u| {
                let u = u.trimmed();
                u.eq_str("true") || u.eq_str("1")
            }),
        }
    }

    /// `<secDNS:rem>`.
    pub fn remove(&self) -> Option<SecDnsRemove<'a>> {
        match self.source {
            UpdateSource::Built { remove, .. } => remove,
            UpdateSource::Read(e) => {
                let rem = e.child("rem")?;
                match rem.child("all") {
                    Some(all) => {
                        let v = all.token();
                        Some(SecDnsRemove::All(v.eq_str("true") || v.eq_str("1")))
                    }
                    None => Some(SecDnsRemove::Records(SecDnsData::read(rem))),
                }
            }
        }
    }

    /// `<secDNS:add>`.
    pub fn add(&self) -> Option<SecDnsData<'a>> {
        match self.source {
            UpdateSource::Built { add, .. } => add,
            UpdateSource::Read(e) => e.child("add").map(SecDnsData::read),
        }
    }

    /// `<secDNS:chg><secDNS:maxSigLife>`.
    pub fn max_sig_life(&self) -> Option<u32> {
        match self.source {
            UpdateSource::Built { max_sig_life, .. } => max_sig_life,
            UpdateSource::Read(e) => e
                .child("chg")
                .and_then(|c| c.child("maxSigLife"))
                .and_then(|m| number(m.token())),
        }
    }

    /// Whether `<secDNS:chg>` is present (possibly empty).
    pub fn has_change(&self) -> bool {
        match self.source {
            UpdateSource::Built { max_sig_life, .. } => max_sig_life.is_some(),
            UpdateSource::Read(e) => e.child("chg").is_some(),
        }
    }
}

impl Default for SecDnsUpdate<'_> {
    fn default() -> Self {
        Self::new()
    }
}

/// A decimal number as read (tolerantly: `None` when it is not one).
fn number(value: Str<'_>) -> Option<u32> {
    parse_number(&value)
}

// ----- strict reading, inside read_command -----

/// Reads a secDNS element (`e`, just taken) of a command's `<extension>`
/// strictly, through its end tag. `command` is the command it extends.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    match (e.name.local(), command) {
        ("create", Command::Domain(DomainCommand::Create(_))) => {
            r.check_attributes(e, &[])?;
            read_ds_or_key(r, e, true)?;
            r.end()
        }
        ("update", Command::Domain(DomainCommand::Update(_))) => {
            r.check_attributes(e, &["urgent"])?;
            if let Some(urgent) = r.attr("urgent") {
                check_bool(urgent, e.element_name(), e.tag)
                    .map_err(|err| err.with_attribute("urgent"))?;
            }
            let mut any = false;
            if let Some(rem) = r.optional(NS, "rem")? {
                r.check_attributes(rem, &[])?;
                if let Some(all) = r.optional(NS, "all")? {
                    r.check_attributes(all, &[])?;
                    let value = r.token(all)?;
                    check_bool(value, all.element_name(), element_span(r, all))?;
                } else {
                    read_records(r, rem)?;
                }
                r.end()?;
                any = true;
            }
            if let Some(add) = r.optional(NS, "add")? {
                r.check_attributes(add, &[])?;
                read_ds_or_key(r, add, true)?;
                r.end()?;
                any = true;
            }
            if let Some(chg) = r.optional(NS, "chg")? {
                r.check_attributes(chg, &[])?;
                if let Some(m) = r.optional(NS, "maxSigLife")? {
                    read_max_sig_life(r, m)?;
                }
                r.end()?;
                any = true;
            }
            let _ = any;
            r.end()
        }
        // secDNS with another command, or an element secDNS has no command for.
        _ => Err(r.unexpected(e)),
    }
}

fn element_span(r: &Reader<'_, '_>, e: Elem<'_>) -> Span {
    Span {
        start: e.tag.start,
        end: r.last_end(),
    }
}

fn read_max_sig_life<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    let value = r.token(e)?;
    check_unsigned(
        value,
        1,
        i32::MAX as u32,
        e.element_name(),
        element_span(r, e),
    )?;
    Ok(())
}

/// `dsOrKeyType`: `maxSigLife?`, then `dsData+` or `keyData+`.
fn read_ds_or_key<'a>(
    r: &mut Reader<'_, 'a>,
    parent: Elem<'a>,
    allow_max_sig_life: bool,
) -> Result<(), CommandError<'a>> {
    if allow_max_sig_life {
        if let Some(m) = r.optional(NS, "maxSigLife")? {
            read_max_sig_life(r, m)?;
        }
    }
    read_records(r, parent)
}

/// `dsData+` or `keyData+` (a choice: not both).
fn read_records<'a>(r: &mut Reader<'_, 'a>, parent: Elem<'a>) -> Result<(), CommandError<'a>> {
    match r.peek()? {
        Some(e) if e.is(NS, "dsData") => {
            r.run(NS, "dsData", 1, u32::MAX, read_ds_data)?;
        }
        Some(e) if e.is(NS, "keyData") => {
            r.run(NS, "keyData", 1, u32::MAX, read_key_data)?;
        }
        Some(other) => return Err(r.unexpected(other)),
        None => return Err(r.missing_any(parent)),
    }
    Ok(())
}

fn read_number<'a>(
    r: &mut Reader<'_, 'a>,
    local: &'static str,
    max: u32,
) -> Result<(), CommandError<'a>> {
    let e = r.required(NS, local)?;
    r.check_attributes(e, &[])?;
    let value = r.token(e)?;
    check_unsigned(value, 0, max, e.element_name(), element_span(r, e))?;
    Ok(())
}

fn read_ds_data<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    read_number(r, "keyTag", u16::MAX.into())?;
    read_number(r, "alg", u8::MAX.into())?;
    read_number(r, "digestType", u8::MAX.into())?;
    let digest = r.required(NS, "digest")?;
    r.check_attributes(digest, &[])?;
    let value = r.token(digest)?;
    let span = element_span(r, digest);
    // hexBinary has no length bound: matched character by character.
    let mut digits = 0usize;
    let hex = value_chars(&value).all(|c| {
        digits += 1;
        c.is_ascii_hexdigit()
    }) && digits.is_multiple_of(2);
    if !hex {
        return Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "hexadecimal (hexBinary)",
            },
            digest.element_name(),
            value,
            span,
        ));
    }
    if let Some(key) = r.optional(NS, "keyData")? {
        read_key_data(r, key)?;
    }
    r.end()
}

fn read_key_data<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    read_number(r, "flags", u16::MAX.into())?;
    read_number(r, "protocol", u8::MAX.into())?;
    read_number(r, "alg", u8::MAX.into())?;
    let key = r.required(NS, "pubKey")?;
    r.check_attributes(key, &[])?;
    let value = r.token(key)?;
    let span = element_span(r, key);
    check_length(value, 1, u32::MAX, key.element_name(), span)?;
    if !is_base64(value) {
        return Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "base64 (base64Binary)",
            },
            key.element_name(),
            value,
            span,
        ));
    }
    r.end()
}

/// `base64Binary`: base64 characters in groups of four, white space allowed
/// between them, `=` padding only at the end.
fn is_base64(value: Str<'_>) -> bool {
    let mut count = 0usize;
    let mut padding = 0usize;
    for c in value.chars() {
        match c {
            ' ' | '\t' | '\n' | '\r' => {}
            '=' => {
                padding += 1;
                count += 1;
            }
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' if padding == 0 => count += 1,
            _ => return false,
        }
    }
    count.is_multiple_of(4) && padding <= 2
}
