//! Registry grace period, `urn:ietf:params:xml:ns:rgp-1.0` (RFC 3915): the
//! restore request and report of a domain update, and the grace-period
//! statuses of a domain info or update response.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, DomainCommand, RawElement, check_language};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::{DateTime, check_enum, plain_ascii, value_error};
use crate::xml::{Ns, Span};

const NS: Ns = Ns::Rgp;

/// The `op` of `<rgp:restore>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RestoreOp {
    /// `request`: restore a domain in its redemption period.
    Request,
    /// `report`: the restore report that completes a request.
    Report,
}

impl RestoreOp {
    /// The attribute value.
    pub const fn as_str(self) -> &'static str {
        match self {
            RestoreOp::Request => "request",
            RestoreOp::Report => "report",
        }
    }
}

/// `<rgp:update><rgp:restore op="…">`, with a domain update.
#[derive(Clone, Copy, Debug)]
pub struct RgpUpdate<'a> {
    source: UpdateSource<'a>,
}

#[derive(Clone, Copy, Debug)]
enum UpdateSource<'a> {
    Read(Child<'a>),
    Built {
        op: RestoreOp,
        report: Option<RestoreReport<'a>>,
    },
}

impl<'a> RgpUpdate<'a> {
    /// A restore request, built by hand.
    pub const fn request() -> Self {
        RgpUpdate {
            source: UpdateSource::Built {
                op: RestoreOp::Request,
                report: None,
            },
        }
    }

    /// A restore report, built by hand.
    pub const fn report(report: RestoreReport<'a>) -> Self {
        RgpUpdate {
            source: UpdateSource::Built {
                op: RestoreOp::Report,
                report: Some(report),
            },
        }
    }

    /// `<rgp:update>` read from a command's extension.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(NS, "update").then_some(())?;
        Some(RgpUpdate {
            source: UpdateSource::Read(raw.element()?),
        })
    }

    fn restore(&self) -> Option<Child<'a>> {
        match self.source {
            UpdateSource::Read(e) => e.child("restore"),
            UpdateSource::Built { .. } => None,
        }
    }

    /// The `op` of `<rgp:restore>`.
    pub fn op(&self) -> RestoreOp {
        match self.source {
            UpdateSource::Built { op, .. } => op,
            UpdateSource::Read(_) => match self.restore().and_then(|r| r.attr("op")) {
                Some(op) if op.trimmed().eq_str("report") => RestoreOp::Report,
                _ => RestoreOp::Request,
            },
        }
    }

    /// `<rgp:report>`.
    pub fn report_data(&self) -> Option<RestoreReport<'a>> {
        match self.source {
            UpdateSource::Built { report, .. } => report,
            UpdateSource::Read(_) => self
                .restore()?
                .child("report")
                .map(|element| RestoreReport {
                    source: ReportSource::Read(element),
                }),
        }
    }
}

/// `<rgp:report>`: why and how a deleted domain is restored (RFC 3915 §4.2.5).
#[derive(Clone, Copy, Debug)]
pub struct RestoreReport<'a> {
    source: ReportSource<'a>,
}

#[derive(Clone, Copy, Debug)]
enum ReportSource<'a> {
    Read(Child<'a>),
    Built {
        pre_data: &'a str,
        post_data: &'a str,
        deleted: Str<'a>,
        restored: Str<'a>,
        reason: ReportText<'a>,
        statements: &'a [ReportText<'a>],
        other: Option<&'a str>,
    },
}

/// A text of a restore report (`<rgp:resReason>`, `<rgp:statement>`) and its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportText<'a> {
    /// The text (its markup, if any, as written: the schema allows any content).
    pub text: Str<'a>,
    /// The `lang` attribute (`en` when absent).
    pub lang: Option<Str<'a>>,
}

impl<'a> ReportText<'a> {
    /// A text in English, built by hand.
    pub const fn new(text: &'a str) -> Self {
        ReportText {
            text: Str::new(text),
            lang: None,
        }
    }
}

impl<'a> FromChild<'a> for ReportText<'a> {
    fn from_child(child: Child<'a>) -> Self {
        ReportText {
            text: child.text(),
            lang: child.attr("lang").map(Str::trimmed),
        }
    }
}

impl<'a> RestoreReport<'a> {
    /// A report built by hand; `pre_data`, `post_data` (and `other`) are
    /// text, escaped when written.
    pub const fn new(
        pre_data: &'a str,
        post_data: &'a str,
        deleted: &'a str,
        restored: &'a str,
        reason: ReportText<'a>,
        statements: &'a [ReportText<'a>],
    ) -> Self {
        RestoreReport {
            source: ReportSource::Built {
                pre_data,
                post_data,
                deleted: Str::new(deleted),
                restored: Str::new(restored),
                reason,
                statements,
                other: None,
            },
        }
    }

    /// The same with `<rgp:other>` content (built by hand only).
    pub const fn with_other(mut self, content: &'a str) -> Self {
        if let ReportSource::Built { other, .. } = &mut self.source {
            *other = Some(content);
        }
        self
    }

    fn child(&self, local: &str) -> Option<Child<'a>> {
        match self.source {
            ReportSource::Read(e) => e.child(local),
            ReportSource::Built { .. } => None,
        }
    }

    /// `<rgp:preData>`: the registration data before deletion (its text;
    /// [`raw_content`](Self::raw_content) has any XML in it).
    pub fn pre_data(&self) -> Str<'a> {
        match self.source {
            ReportSource::Built { pre_data, .. } => Str::new(pre_data),
            ReportSource::Read(_) => self.child("preData").map(|c| c.text()).unwrap_or_default(),
        }
    }

    /// `<rgp:postData>`: the data after the restore (its text).
    pub fn post_data(&self) -> Str<'a> {
        match self.source {
            ReportSource::Built { post_data, .. } => Str::new(post_data),
            ReportSource::Read(_) => self.child("postData").map(|c| c.text()).unwrap_or_default(),
        }
    }

    /// The content of `<rgp:{local}>` (`preData`, `postData`, `other`) as
    /// written, XML included, when the report was read.
    pub fn raw_content(&self, local: &str) -> Option<&'a str> {
        self.child(local).map(|c| c.content_str())
    }

    /// `<rgp:delTime>`.
    pub fn deleted(&self) -> Str<'a> {
        match self.source {
            ReportSource::Built { deleted, .. } => deleted,
            ReportSource::Read(_) => self.child("delTime").map(|c| c.token()).unwrap_or_default(),
        }
    }

    /// `<rgp:resTime>`.
    pub fn restored(&self) -> Str<'a> {
        match self.source {
            ReportSource::Built { restored, .. } => restored,
            ReportSource::Read(_) => self.child("resTime").map(|c| c.token()).unwrap_or_default(),
        }
    }

    /// `<rgp:resReason>`.
    pub fn reason(&self) -> ReportText<'a> {
        match self.source {
            ReportSource::Built { reason, .. } => reason,
            ReportSource::Read(_) => self
                .child("resReason")
                .map_or(ReportText::new(""), ReportText::from_child),
        }
    }

    /// `<rgp:statement>`s (one or two).
    pub fn statements(&self) -> List<'a, ReportText<'a>> {
        match self.source {
            ReportSource::Built { statements, .. } => List::from_slice(statements),
            ReportSource::Read(e) => e.list("statement"),
        }
    }

    /// `<rgp:other>` (its text).
    pub fn other(&self) -> Option<Str<'a>> {
        match self.source {
            ReportSource::Built { other, .. } => other.map(Str::new),
            ReportSource::Read(_) => self.child("other").map(|c| c.text()),
        }
    }
}

/// A grace-period status value (RFC 3915 §2.1).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RgpStatusValue {
    /// `addPeriod`.
    AddPeriod,
    /// `autoRenewPeriod`.
    AutoRenewPeriod,
    /// `renewPeriod`.
    RenewPeriod,
    /// `transferPeriod`.
    TransferPeriod,
    /// `pendingDelete`.
    PendingDelete,
    /// `pendingRestore`.
    PendingRestore,
    /// `redemptionPeriod`.
    RedemptionPeriod,
}

const STATUSES: &[(&str, RgpStatusValue)] = &[
    ("addPeriod", RgpStatusValue::AddPeriod),
    ("autoRenewPeriod", RgpStatusValue::AutoRenewPeriod),
    ("renewPeriod", RgpStatusValue::RenewPeriod),
    ("transferPeriod", RgpStatusValue::TransferPeriod),
    ("pendingDelete", RgpStatusValue::PendingDelete),
    ("pendingRestore", RgpStatusValue::PendingRestore),
    ("redemptionPeriod", RgpStatusValue::RedemptionPeriod),
];

impl RgpStatusValue {
    /// The `s` attribute.
    pub fn as_str(self) -> &'static str {
        STATUSES
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(s, _)| s)
    }
}

/// `<rgp:rgpStatus s="…" lang="…">text</rgp:rgpStatus>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RgpStatus<'a> {
    /// The value; `None` for one this crate does not know (kept in `raw`).
    pub value: Option<RgpStatusValue>,
    /// The `s` attribute as written.
    pub raw: Str<'a>,
    /// The `lang` attribute.
    pub lang: Option<Str<'a>>,
    /// The human-readable text.
    pub text: Str<'a>,
}

impl RgpStatus<'static> {
    /// A status built by hand, with no text.
    pub fn new(value: RgpStatusValue) -> Self {
        RgpStatus {
            value: Some(value),
            raw: Str::new(value.as_str()),
            lang: None,
            text: Str::new(""),
        }
    }
}

impl<'a> FromChild<'a> for RgpStatus<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let raw = child.attr("s").map(Str::trimmed).unwrap_or_default();
        RgpStatus {
            value: STATUSES
                .iter()
                .find(|(s, _)| raw.eq_str(s))
                .map(|&(_, v)| v),
            raw,
            lang: child.attr("lang").map(Str::trimmed),
            text: child.text(),
        }
    }
}

/// The `rgpStatus`es of an `<rgp:infData>` or `<rgp:upData>` response
/// extension, read tolerantly.
pub fn statuses_from_raw(raw: RawElement<'_>) -> Option<List<'_, RgpStatus<'_>>> {
    (raw.is(NS, "infData") || raw.is(NS, "upData")).then_some(())?;
    Some(raw.element()?.list("rgpStatus"))
}

// ----- strict reading, inside read_command -----

fn element_span(r: &Reader<'_, '_>, e: Elem<'_>) -> Span {
    Span {
        start: e.tag.start,
        end: r.last_end(),
    }
}

/// Reads an rgp element (`e`, just taken) of a command's `<extension>`
/// strictly, through its end tag.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    if !(e.name.local() == "update" && matches!(command, Command::Domain(DomainCommand::Update(_))))
    {
        return Err(r.unexpected(e));
    }
    r.check_attributes(e, &[])?;
    let restore = r.required(NS, "restore")?;
    r.check_attributes(restore, &["op"])?;
    let op = r.required_attr(restore, "op")?;
    let op = check_enum(
        op.trimmed(),
        &[
            ("request", RestoreOp::Request),
            ("report", RestoreOp::Report),
        ],
        "a restore op (request, report)",
        restore.element_name(),
        restore.tag,
    )
    .map_err(|err| err.with_attribute("op"))?;
    match r.optional(NS, "report")? {
        Some(report) => {
            r.check_attributes(report, &[])?;
            for local in ["preData", "postData"] {
                let d = r.required(NS, local)?;
                r.skip(d)?;
            }
            for local in ["delTime", "resTime"] {
                let t = r.required(NS, local)?;
                r.check_attributes(t, &[])?;
                let value = r.token(t)?;
                let mut buf = [0u8; 64];
                if DateTime::parse(plain_ascii(&value, &mut buf)).is_none() {
                    return Err(value_error(
                        CommandErrorKind::InvalidValue {
                            expected: "a date and time (RFC 3339)",
                        },
                        t.element_name(),
                        value,
                        element_span(r, t),
                    ));
                }
            }
            let reason = r.required(NS, "resReason")?;
            read_text(r, reason)?;
            r.run(NS, "statement", 1, 2, read_text)?;
            if let Some(other) = r.optional(NS, "other")? {
                r.skip(other)?;
            }
            r.end()?;
        }
        None if op == RestoreOp::Report => return Err(r.missing(NS, "report")),
        None => {}
    }
    r.end()?;
    r.end()
}

/// A `reportTextType`: any content, a `lang` attribute.
fn read_text<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["lang"])?;
    if let Some(lang) = r.attr("lang") {
        check_language(lang.trimmed(), e, "lang")?;
    }
    r.skip(e)?;
    Ok(())
}
