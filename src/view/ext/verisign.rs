//! Verisign's extensions for `.com`, `.net` and the other registries it
//! runs, which their registrars cannot do without:
//!
//! - NameStore, `http://www.verisign-grs.com/epp/namestoreExt-1.1`: the
//!   sub-product (`dotCOM`, `dotNET`, …) a domain or host command is for,
//!   echoed in responses, and `<nsExtErrData>` explaining a refusal;
//! - ConsoliDate (sync), `http://www.verisign.com/epp/sync-1.0`: a domain
//!   update that moves the expiry to a month and day (`--MM-DD`);
//! - the low-balance poll message,
//!   `http://www.verisign.com/epp/lowbalance-poll-1.0`;
//! - the grace-period (restore) poll message,
//!   `http://www.verisign.com/epp/rgp-poll-1.0`.
//!
//! Verisign publishes these schemas with its SDK; the element names and
//! types here follow them. Commands are read strictly, poll messages and
//! response extensions tolerantly.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, DomainCommand, RawElement};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::str::Str;
use crate::view::value::{DateTime, check_length, parse_number, plain_ascii, value_error};
use crate::xml::{Ns, Span};

/// `<namestoreExt:namestoreExt>`: the sub-product a domain or host command
/// is for (in commands; echoed in responses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Namestore<'a> {
    /// `<namestoreExt:subProduct>`: `dotCOM`, `dotNET`, `com`, …
    pub sub_product: Str<'a>,
}

impl<'a> Namestore<'a> {
    /// A sub-product built by hand.
    pub const fn new(sub_product: &'a str) -> Self {
        Namestore {
            sub_product: Str::new(sub_product),
        }
    }

    /// `<namestoreExt:namestoreExt>` read tolerantly.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(Ns::VerisignNamestoreExt, "namestoreExt")
            .then_some(())?;
        let e = raw.element()?;
        Some(Namestore {
            sub_product: e.child("subProduct").map(|c| c.token()).unwrap_or_default(),
        })
    }
}

/// `<namestoreExt:nsExtErrData>`: why the server refused a command's
/// sub-product (with result 2306 or 2001).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NamestoreError<'a> {
    /// The `code` of `<namestoreExt:msg>` (`1`: the sub-product does not
    /// exist), as written.
    pub code: Option<Str<'a>>,
    /// The text of `<namestoreExt:msg>`.
    pub message: Str<'a>,
}

impl<'a> NamestoreError<'a> {
    /// An error built by hand.
    pub const fn new(code: &'a str, message: &'a str) -> Self {
        NamestoreError {
            code: Some(Str::new(code)),
            message: Str::new(message),
        }
    }

    /// The code as a number, when it is one.
    pub fn code_number(&self) -> Option<u32> {
        parse_number(&self.code?)
    }

    /// `<namestoreExt:nsExtErrData>` read tolerantly.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(Ns::VerisignNamestoreExt, "nsExtErrData")
            .then_some(())?;
        let e = raw.element()?;
        let msg = e.child("msg");
        Some(NamestoreError {
            code: msg.and_then(|m| m.attr("code")).map(Str::trimmed),
            message: msg.map(|m| m.text()).unwrap_or_default(),
        })
    }
}

/// A month and day of the year (`--MM-DD`, XML Schema `gMonthDay`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MonthDay {
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length (29 for February: the schema allows it).
    pub day: u8,
}

impl MonthDay {
    /// Parses `--MM-DD` (no time-zone suffix: ConsoliDate has none).
    pub fn parse(s: &str) -> Option<MonthDay> {
        let b = s.as_bytes();
        if b.len() != 7 || &b[..2] != b"--" || b[4] != b'-' {
            return None;
        }
        let two = |i: usize| -> Option<u8> {
            let (h, l) = (b[i], b[i + 1]);
            (h.is_ascii_digit() && l.is_ascii_digit()).then(|| (h - b'0') * 10 + (l - b'0'))
        };
        let (month, day) = (two(2)?, two(5)?);
        let last = match month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return None,
        };
        (1..=last).contains(&day).then_some(MonthDay { month, day })
    }
}

/// `<sync:update>`: a domain update (ConsoliDate) moving the domain's expiry
/// to a month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncUpdate<'a> {
    /// `<sync:expMonthDay>` as written (`--05-31`).
    pub exp_month_day: Str<'a>,
}

impl<'a> SyncUpdate<'a> {
    /// An update built by hand from `--MM-DD` text.
    pub const fn new(exp_month_day: &'a str) -> Self {
        SyncUpdate {
            exp_month_day: Str::new(exp_month_day),
        }
    }

    /// The month and day (`None` if the text is not `--MM-DD`).
    pub fn month_day(&self) -> Option<MonthDay> {
        let mut buf = [0u8; 16];
        MonthDay::parse(plain_ascii(&self.exp_month_day, &mut buf).trim())
    }

    /// `<sync:update>` read tolerantly.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(Ns::VerisignSync, "update").then_some(())?;
        let e = raw.element()?;
        Some(SyncUpdate {
            exp_month_day: e
                .child("expMonthDay")
                .map(|c| c.token())
                .unwrap_or_default(),
        })
    }
}

/// `<lowbalance-poll:pollData>`: a poll message saying the registrar's
/// available credit fell below its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LowBalancePoll<'a> {
    /// `<lowbalance-poll:registrarName>`.
    pub registrar_name: Str<'a>,
    /// `<lowbalance-poll:creditLimit>`: an amount, as written.
    pub credit_limit: Str<'a>,
    /// `<lowbalance-poll:creditThreshold>`: an amount or a percentage.
    pub credit_threshold: Str<'a>,
    /// The `type` of the threshold: `FIXED` or `PERCENT`.
    pub threshold_type: Str<'a>,
    /// `<lowbalance-poll:availableCredit>`: an amount, as written.
    pub available_credit: Str<'a>,
}

impl<'a> LowBalancePoll<'a> {
    /// A low-balance message built by hand.
    pub const fn new(
        registrar_name: &'a str,
        credit_limit: &'a str,
        credit_threshold: &'a str,
        threshold_type: &'a str,
        available_credit: &'a str,
    ) -> Self {
        LowBalancePoll {
            registrar_name: Str::new(registrar_name),
            credit_limit: Str::new(credit_limit),
            credit_threshold: Str::new(credit_threshold),
            threshold_type: Str::new(threshold_type),
            available_credit: Str::new(available_credit),
        }
    }

    /// Whether the threshold is a percentage of the credit limit.
    pub fn is_percent(&self) -> bool {
        self.threshold_type.eq_str("PERCENT")
    }

    /// `<lowbalance-poll:pollData>` read tolerantly (from a poll
    /// response's `<resData>`).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(Ns::VerisignLowBalancePoll, "pollData")
            .then_some(())?;
        let e = raw.element()?;
        let token = |local: &str| e.child(local).map(|c| c.token()).unwrap_or_default();
        let threshold = e.child("creditThreshold");
        Some(LowBalancePoll {
            registrar_name: e
                .child("registrarName")
                .map(|c| c.text())
                .unwrap_or_default(),
            credit_limit: token("creditLimit"),
            credit_threshold: threshold.map(|c| c.token()).unwrap_or_default(),
            threshold_type: threshold
                .and_then(|c| c.attr("type"))
                .map(Str::trimmed)
                .unwrap_or_default(),
            available_credit: token("availableCredit"),
        })
    }
}

/// `<rgp-poll:pollData>`: a poll message about a domain's restore (the
/// report that is due after a restore request).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RgpPoll<'a> {
    /// `<rgp-poll:name>`: the domain.
    pub name: Str<'a>,
    /// The `s` of `<rgp-poll:rgpStatus>` (`pendingRestore`, …).
    pub status: Str<'a>,
    /// `<rgp-poll:reqDate>`: when the restore was requested (RFC 3339).
    pub request_date: Str<'a>,
    /// `<rgp-poll:reportDueDate>`: when the restore report is due.
    pub report_due_date: Str<'a>,
}

impl<'a> RgpPoll<'a> {
    /// A restore poll message built by hand.
    pub const fn new(
        name: &'a str,
        status: &'a str,
        request_date: &'a str,
        report_due_date: &'a str,
    ) -> Self {
        RgpPoll {
            name: Str::new(name),
            status: Str::new(status),
            request_date: Str::new(request_date),
            report_due_date: Str::new(report_due_date),
        }
    }

    /// The request date, typed (`None` if it is not RFC 3339).
    pub fn request_date_time(&self) -> Option<DateTime> {
        parse_date_time(self.request_date)
    }

    /// The report due date, typed (`None` if it is not RFC 3339).
    pub fn report_due_date_time(&self) -> Option<DateTime> {
        parse_date_time(self.report_due_date)
    }

    /// `<rgp-poll:pollData>` read tolerantly (from a poll response's
    /// `<resData>`).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(Ns::VerisignRgpPoll, "pollData").then_some(())?;
        let e = raw.element()?;
        let token = |local: &str| e.child(local).map(|c| c.token()).unwrap_or_default();
        Some(RgpPoll {
            name: token("name"),
            status: e
                .child("rgpStatus")
                .and_then(|c| c.attr("s"))
                .map(Str::trimmed)
                .unwrap_or_default(),
            request_date: token("reqDate"),
            report_due_date: token("reportDueDate"),
        })
    }
}

fn parse_date_time(s: Str<'_>) -> Option<DateTime> {
    let mut buf = [0u8; 64];
    DateTime::parse(plain_ascii(&s.trimmed(), &mut buf))
}

// ----- strict reading, inside read_command -----

/// Reads a `namestoreExt` element (`e`, just taken) of a command's
/// `<extension>` strictly: one non-empty `<subProduct>`, with a domain or
/// host command.
pub(crate) fn read_namestore<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    if e.name.local() != "namestoreExt" || !matches!(command, Command::Domain(_) | Command::Host(_))
    {
        return Err(r.unexpected(e));
    }
    r.check_attributes(e, &[])?;
    let p = r.required(Ns::VerisignNamestoreExt, "subProduct")?;
    r.check_attributes(p, &[])?;
    let value = r.token(p)?;
    let span = Span {
        start: p.tag.start,
        end: r.last_end(),
    };
    check_length(value, 1, u32::MAX, p.element_name(), span)?;
    r.end()
}

/// Reads a `sync:update` element (`e`, just taken) strictly: one
/// `<expMonthDay>` of the form `--MM-DD`, with a domain update.
pub(crate) fn read_sync<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    if e.name.local() != "update" || !matches!(command, Command::Domain(DomainCommand::Update(_))) {
        return Err(r.unexpected(e));
    }
    r.check_attributes(e, &[])?;
    let d = r.required(Ns::VerisignSync, "expMonthDay")?;
    r.check_attributes(d, &[])?;
    let value = r.token(d)?;
    let mut buf = [0u8; 16];
    if MonthDay::parse(plain_ascii(&value, &mut buf)).is_none() {
        let span = Span {
            start: d.tag.start,
            end: r.last_end(),
        };
        return Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "a month and day (--MM-DD)",
            },
            d.element_name(),
            value,
            span,
        ));
    }
    r.end()
}
