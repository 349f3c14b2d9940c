//! DNS time-to-live values, `urn:ietf:params:xml:ns:epp:ttl-1.0`
//! (RFC 9803): set on a domain or host create or update, asked for (with
//! the server's policy) on info, reported in the info response.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, DomainCommand, HostCommand, RawElement};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::{
    check_bool, check_enum, check_unsigned, parse_number, value_chars, value_error,
};
use crate::xml::{Ns, Span};

const NS: Ns = Ns::Ttl;

/// The largest TTL the schema allows (2³¹ − 1 seconds).
pub const MAX_TTL: u32 = 2_147_483_647;

/// One `<ttl:ttl for="…">`: a resource record type and its TTL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ttl<'a> {
    /// `for`: `NS`, `DS`, `DNAME`, `A`, `AAAA` or `custom`.
    pub record_type: Str<'a>,
    /// `custom`: the record type, when `for` is `custom`.
    pub custom: Option<Str<'a>>,
    /// The TTL in seconds; `None` for an empty element (in an update:
    /// return to the server's default).
    pub seconds: Option<u32>,
    /// `min` (responses): the least the server accepts.
    pub min: Option<u32>,
    /// `default` (responses): the server's default.
    pub default: Option<u32>,
    /// `max` (responses): the most the server accepts.
    pub max: Option<u32>,
}

impl<'a> Ttl<'a> {
    /// A TTL built by hand, for a standard record type (`NS`, `DS`, …).
    pub const fn new(record_type: &'a str, seconds: u32) -> Self {
        Ttl {
            record_type: Str::new(record_type),
            custom: None,
            seconds: Some(seconds),
            min: None,
            default: None,
            max: None,
        }
    }
}

fn number(s: Option<Str<'_>>) -> Option<u32> {
    parse_number(&s?)
}

impl<'a> FromChild<'a> for Ttl<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let value = c.token();
        Ttl {
            record_type: c.attr("for").map(Str::trimmed).unwrap_or_default(),
            custom: c.attr("custom").map(Str::trimmed),
            seconds: if value.is_empty() {
                None
            } else {
                number(Some(value))
            },
            min: number(c.attr("min")),
            default: number(c.attr("default")),
            max: number(c.attr("max")),
        }
    }
}

/// A ttl-1.0 extension element.
#[derive(Clone, Copy, Debug)]
pub enum TtlExtension<'a> {
    /// `<ttl:create>`: TTLs for a new domain or host.
    Create(List<'a, Ttl<'a>>),
    /// `<ttl:update>`: TTLs to change.
    Update(List<'a, Ttl<'a>>),
    /// `<ttl:info policy="…"/>`: ask for the TTLs (and with `policy`, the
    /// server's limits).
    Info {
        /// `policy`: whether to include `min`, `default` and `max`.
        policy: bool,
    },
    /// `<ttl:infData>` of an info response.
    InfoData(List<'a, Ttl<'a>>),
}

impl<'a> TtlExtension<'a> {
    /// The ttl element `raw`, read tolerantly.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        if raw.namespace() != crate::xml::Namespace::Known(NS) {
            return None;
        }
        let e = raw.element()?;
        Some(match raw.local() {
            "create" => TtlExtension::Create(e.list("ttl")),
            "update" => TtlExtension::Update(e.list("ttl")),
            "infData" => TtlExtension::InfoData(e.list("ttl")),
            "info" => TtlExtension::Info {
                policy: e.attr("policy").is_some_and(|p| {
                    let p = p.trimmed();
                    p.eq_str("true") || p.eq_str("1")
                }),
            },
            _ => return None,
        })
    }
}

// ----- strict reading, inside read_command -----

const RR_TYPES: &[(&str, bool)] = &[
    ("NS", false),
    ("DS", false),
    ("DNAME", false),
    ("A", false),
    ("AAAA", false),
    ("custom", true),
];

/// Reads a ttl element (`e`, just taken) of a command's `<extension>`
/// strictly: `<create>` with a domain or host create, `<update>` with an
/// update, `<info/>` with an info.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    let fits = matches!(
        (e.name.local(), command),
        (
            "create",
            Command::Domain(DomainCommand::Create(_)) | Command::Host(HostCommand::Create(_))
        ) | (
            "update",
            Command::Domain(DomainCommand::Update(_)) | Command::Host(HostCommand::Update(_))
        ) | (
            "info",
            Command::Domain(DomainCommand::Info(_)) | Command::Host(HostCommand::Info(_))
        )
    );
    if !fits {
        return Err(r.unexpected(e));
    }
    if e.name.local() == "info" {
        r.check_attributes(e, &["policy"])?;
        if let Some(policy) = r.attr("policy") {
            check_bool(policy, e.element_name(), e.tag)
                .map_err(|err| err.with_attribute("policy"))?;
        }
        return r.empty(e);
    }
    r.check_attributes(e, &[])?;
    // Record types seen, for the schema's uniqueness of `for` (custom
    // types by name).
    let mut seen: heapless::Vec<Str<'a>, 16> = heapless::Vec::new();
    r.run(NS, "ttl", 1, u32::MAX, |r, t| read_ttl(r, t, &mut seen))?;
    r.end()
}

fn read_ttl<'a>(
    r: &mut Reader<'_, 'a>,
    t: Elem<'a>,
    seen: &mut heapless::Vec<Str<'a>, 16>,
) -> Result<(), CommandError<'a>> {
    r.check_attributes(t, &["for", "custom"])?;
    let record = r.required_attr(t, "for")?.trimmed();
    let custom = check_enum(
        record,
        RR_TYPES,
        "a record type (NS, DS, DNAME, A, AAAA, custom)",
        t.element_name(),
        t.tag,
    )
    .map_err(|err| err.with_attribute("for"))?;
    let name = match (custom, r.attr("custom")) {
        (true, Some(c)) => {
            let c = c.trimmed();
            if !custom_pattern(c) {
                return Err(value_error(
                    CommandErrorKind::InvalidValue {
                        expected: "a record type name (A or [A-Z][A-Z0-9-]*[A-Z0-9])",
                    },
                    t.element_name(),
                    c,
                    t.tag,
                )
                .with_attribute("custom"));
            }
            c
        }
        (true, None) => {
            return Err(
                CommandError::new(CommandErrorKind::MissingAttribute, t.offset())
                    .with_element(t.element_name())
                    .with_attribute("custom"),
            );
        }
        (false, Some(_)) => {
            return Err(
                CommandError::new(CommandErrorKind::UnexpectedAttribute, t.offset())
                    .with_element(t.element_name())
                    .with_attribute("custom"),
            );
        }
        (false, None) => record,
    };
    if seen.contains(&name) {
        return Err(
            CommandError::new(CommandErrorKind::UnexpectedElement, t.offset())
                .with_element(t.element_name())
                .with_attribute("for"),
        );
    }
    let _ = seen.push(name);
    let value = r.token(t)?;
    if !value.is_empty() {
        let span = Span {
            start: t.tag.start,
            end: r.last_end(),
        };
        check_unsigned(value, 0, MAX_TTL, t.element_name(), span)?;
    }
    Ok(())
}

/// `customRRType`: `A|[A-Z][A-Z0-9\-]*[A-Z0-9]`, on the decoded value
/// (unbounded, so matched character by character).
fn custom_pattern(s: Str<'_>) -> bool {
    let (mut len, mut last) = (0usize, '\0');
    for c in value_chars(&s) {
        let ok = if len == 0 {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'
        };
        if !ok {
            return false;
        }
        (len, last) = (len + 1, c);
    }
    (len == 1 && last == 'A') || (len >= 2 && last != '-')
}
