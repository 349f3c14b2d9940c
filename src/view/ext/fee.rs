//! Fees, `urn:ietf:params:xml:ns:epp:fee-1.0` (RFC 8748): the fee check
//! of a domain check and its `<fee:chkData>`, the fees a client agrees to
//! with a domain create, renew, transfer or update, and the fees, credits
//! and balance of the responses (`creData`, `renData`, `trnData`,
//! `updData`, `delData`).
//!
//! Amounts stay as text ([`Str`]) as the server wrote them; [`Decimal`]
//! gives them a typed, float-free form, and strict reading checks them
//! against the schema's decimal types.
//!
//! # The drafts
//!
//! Servers still speak the pre-RFC drafts `fee-0.6`, `fee-0.11` and
//! `fee-0.12`. Their elements are read **tolerantly**, from responses and
//! from commands (where strict reading leaves them raw and never rejects
//! them), into the same views where the shapes agree:
//!
//! - **fee-0.12**: everything of RFC 8748's shape is exposed (currency,
//!   command name, phase and subphase, period, fees with their attributes,
//!   credits, balance, credit limit, reason); a `<fee:cd>`'s object is the
//!   text of the first element inside `<fee:object>`; a response
//!   command's `avail` and `class` are exposed
//!   ([`FeeCommandData::available`], [`FeeCommandData::class`]). Left raw:
//!   `<fee:date>` and `<fee:notAfter>`, and the `<fee:class>` of a check
//!   command.
//! - **fee-0.11**: the check names one command as text, with currency and
//!   period as its siblings; each `<fee:cd>` likewise holds one command
//!   flat. Both are exposed as a one-command list
//!   ([`FeeCheck::commands`], [`FeeCheckItem::commands`]), with the
//!   `cd`'s currency in [`FeeCheckItem::currency`]. Left raw: the
//!   check's `<fee:class>`.
//! - **fee-0.6**: a check's `<fee:domain>` entries are exposed as
//!   commands (name, phase, subphase, period), their domain name and
//!   currency left raw; a `<fee:cd>` reads flat as in 0.11, its object
//!   being `<fee:name>`. The transform elements read as in RFC 8748.
//!   Left raw: `<fee:info>` and `<fee:infData>`.
//!
//! Only fee-1.0 is written typed; draft elements round-trip raw.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, DomainCommand, RawElement, TransferOp, check_language};
use crate::view::error::{CommandError, ElementName};
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List, ListRun, Matching};
use crate::view::str::Str;
use crate::view::value::{
    Period, PeriodUnit, check_bool, check_enum, check_unsigned, parse_number, plain_ascii,
    value_chars, value_error,
};
use crate::xml::{Namespace, Ns, Span};

const NS: Ns = Ns::Fee10;

/// The fee namespaces read, RFC 8748 first.
const NAMESPACES: [Ns; 4] = [Ns::Fee10, Ns::Fee012, Ns::Fee011, Ns::Fee06];

/// Whether `raw` is in fee-1.0 or one of the drafts read tolerantly.
fn is_fee(raw: &RawElement<'_>) -> bool {
    NAMESPACES
        .iter()
        .any(|&ns| raw.namespace() == Namespace::Known(ns))
}

// ----- amounts -----

/// A decimal amount in a typed form: `units` and `fraction`, with `scale`
/// digits after the point (`12.50` is 12, 50, 2), and a sign. No floats:
/// the value is exactly what was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// Whether a `-` was written (also for `-0`).
    pub negative: bool,
    /// The integer part.
    pub units: u64,
    /// The digits after the point, as an integer.
    pub fraction: u64,
    /// How many digits there are after the point (at most 18).
    pub scale: u8,
}

impl Decimal {
    /// Parses an XML Schema decimal (`-5.00`, `+1`, `.5`, `10.`); `None`
    /// for anything else, or for more digits than a `u64` holds.
    pub fn parse(s: &str) -> Option<Decimal> {
        let syntax = decimal_syntax(s)?;
        let units = if syntax.units.is_empty() {
            0
        } else {
            syntax.units.parse().ok()?
        };
        let (fraction, scale) = if syntax.fraction.is_empty() {
            (0, 0)
        } else if syntax.fraction.len() > 18 {
            return None;
        } else {
            (syntax.fraction.parse().ok()?, syntax.fraction.len() as u8)
        };
        Some(Decimal {
            negative: syntax.negative,
            units,
            fraction,
            scale,
        })
    }

    /// Parses the amount `text` (white space around it is ignored).
    pub fn from_text(text: Str<'_>) -> Option<Decimal> {
        let mut buf = [0u8; 48];
        Decimal::parse(plain_ascii(&text.trimmed(), &mut buf))
    }

    /// Whether the value is zero (whatever its sign).
    pub const fn is_zero(&self) -> bool {
        self.units == 0 && self.fraction == 0
    }

    /// The value in units of 10^-`scale` (e.g. cents for 2), if it fits
    /// an `i128` and the written digits need no rounding.
    pub fn in_minor_units(&self, scale: u8) -> Option<i128> {
        if scale < self.scale || scale > 36 {
            return None;
        }
        let factor = 10i128.checked_pow(u32::from(scale))?;
        let fraction = i128::from(self.fraction)
            .checked_mul(10i128.checked_pow(u32::from(scale - self.scale))?)?;
        let magnitude = i128::from(self.units)
            .checked_mul(factor)?
            .checked_add(fraction)?;
        Some(if self.negative { -magnitude } else { magnitude })
    }
}

impl core::fmt::Display for Decimal {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        write!(f, "{}", self.units)?;
        if self.scale > 0 {
            write!(
                f,
                ".{:0width$}",
                self.fraction,
                width = usize::from(self.scale)
            )?;
        }
        Ok(())
    }
}

/// The parts of a decimal's lexical form.
struct DecimalSyntax<'s> {
    negative: bool,
    units: &'s str,
    fraction: &'s str,
}

/// XML Schema `decimal`: `[+-]?(digits(.digits?)?|.digits)`.
fn decimal_syntax(s: &str) -> Option<DecimalSyntax<'_>> {
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (units, fraction) = rest.split_once('.').unwrap_or((rest, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    (digits(units) && digits(fraction) && !(units.is_empty() && fraction.is_empty())).then_some(
        DecimalSyntax {
            negative,
            units,
            fraction,
        },
    )
}

/// XML Schema `duration`: `-?P(nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)?`,
/// with at least one part, and at least one after a `T`.
fn duration_syntax(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let Some(s) = s.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match s.split_once('T') {
        Some((date, time)) => {
            if time.is_empty() {
                return false;
            }
            (date, Some(time))
        }
        None => (s, None),
    };
    fn parts(mut s: &str, designators: &[u8], seconds: bool) -> Option<usize> {
        let mut count = 0;
        let mut next = 0;
        while !s.is_empty() {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            let mut len = digits;
            if seconds && s.as_bytes().get(len) == Some(&b'.') {
                let fraction = s[len + 1..].bytes().take_while(u8::is_ascii_digit).count();
                if fraction == 0 {
                    return None;
                }
                len += 1 + fraction;
                if s.as_bytes().get(len) != Some(&b'S') {
                    return None;
                }
            }
            if digits == 0 {
                return None;
            }
            let designator = *s.as_bytes().get(len)?;
            let at = designators[next..].iter().position(|&d| d == designator)?;
            next += at + 1;
            count += 1;
            s = &s[len + 1..];
        }
        Some(count)
    }
    let Some(date_count) = parts(date, b"YMD", false) else {
        return false;
    };
    match time {
        Some(time) => parts(time, b"HMS", true).is_some_and(|n| n > 0),
        None => date_count > 0,
    }
}

// ----- the typed views -----

/// The `name` of a `<fee:command>` (RFC 8748 `commandEnum`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FeeCommandName {
    /// `create`.
    Create,
    /// `delete`.
    Delete,
    /// `renew`.
    Renew,
    /// `update`.
    Update,
    /// `transfer`.
    Transfer,
    /// `restore` (RFC 3915).
    Restore,
    /// `custom`: named by `customName`.
    Custom,
}

const COMMAND_NAMES: &[(&str, FeeCommandName)] = &[
    ("create", FeeCommandName::Create),
    ("delete", FeeCommandName::Delete),
    ("renew", FeeCommandName::Renew),
    ("update", FeeCommandName::Update),
    ("transfer", FeeCommandName::Transfer),
    ("restore", FeeCommandName::Restore),
    ("custom", FeeCommandName::Custom),
];

impl FeeCommandName {
    /// The attribute value.
    pub fn as_str(self) -> &'static str {
        COMMAND_NAMES
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(s, _)| s)
    }
}

/// A `<fee:command>`: the command a fee is asked for (a check) or quoted
/// for (a response's `cd`), with its launch phase and period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeCommand<'a> {
    /// `name`: `create`, `delete`, `renew`, `update`, `transfer`,
    /// `restore` or `custom` (any text in the drafts).
    pub name: Str<'a>,
    /// `customName`, when `name` is `custom`.
    pub custom_name: Option<Str<'a>>,
    /// `phase`: a launch phase (e.g. `sunrise`).
    pub phase: Option<Str<'a>>,
    /// `subphase`.
    pub subphase: Option<Str<'a>>,
    /// `<fee:period>`; `None` when absent (or, read tolerantly, not a
    /// valid period).
    pub period: Option<Period>,
}

impl<'a> FeeCommand<'a> {
    /// A command built by hand, named `name` (`create`, `renew`, …).
    pub const fn new(name: &'a str) -> Self {
        FeeCommand {
            name: Str::new(name),
            custom_name: None,
            phase: None,
            subphase: None,
            period: None,
        }
    }

    /// The same with a period.
    pub const fn with_period(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    /// The same in launch `phase`.
    pub const fn with_phase(mut self, phase: &'a str) -> Self {
        self.phase = Some(Str::new(phase));
        self
    }

    /// `name` typed; `None` for a name RFC 8748 does not define.
    pub fn kind(&self) -> Option<FeeCommandName> {
        COMMAND_NAMES
            .iter()
            .find(|(s, _)| self.name.eq_str(s))
            .map(|&(_, v)| v)
    }
}

/// A `<fee:period>` read tolerantly.
fn period_of(c: Option<Child<'_>>) -> Option<Period> {
    let c = c?;
    let unit = c.attr("unit")?.trimmed();
    let unit = if unit.eq_str("y") {
        PeriodUnit::Years
    } else if unit.eq_str("m") {
        PeriodUnit::Months
    } else {
        return None;
    };
    let value: u8 = parse_number(&c.token())?;
    (1..=99).contains(&value).then_some(Period { value, unit })
}

fn boolean(s: Option<Str<'_>>) -> Option<bool> {
    let s = s?.trimmed();
    if s.eq_str("1") || s.eq_str("true") {
        Some(true)
    } else if s.eq_str("0") || s.eq_str("false") {
        Some(false)
    } else {
        None
    }
}

fn token_of(c: Option<Child<'_>>) -> Option<Str<'_>> {
    c.map(|c| c.token())
}

impl<'a> FromChild<'a> for FeeCommand<'a> {
    /// A `<fee:command>`, or (fee-0.6 and 0.11) the element holding one
    /// flat: the command named by its `<fee:command>` text, with the
    /// period its sibling.
    fn from_child(c: Child<'a>) -> Self {
        let command = if c.local() == "command" {
            Some(c)
        } else {
            c.child("command")
        };
        let [name, custom_name, phase, subphase] = command.map_or([None; 4], |e| {
            e.attrs(["name", "customName", "phase", "subphase"])
                .map(|a| a.map(Str::trimmed))
        });
        FeeCommand {
            name: name
                .or_else(|| command.map(|e| e.token()))
                .unwrap_or_default(),
            custom_name,
            phase,
            subphase,
            period: period_of(c.child("period")),
        }
    }
}

/// When a fee is charged (`applied`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FeeApplied {
    /// `immediate`.
    Immediate,
    /// `delayed`.
    Delayed,
}

/// A `<fee:fee>`: an amount (non-negative) and what it is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fee<'a> {
    /// The amount as written (see [`Fee::decimal`]).
    pub amount: Str<'a>,
    /// `description`: what the fee is for.
    pub description: Option<Str<'a>>,
    /// `lang`: the description's language (`en` when absent).
    pub lang: Option<Str<'a>>,
    /// `refundable`.
    pub refundable: Option<bool>,
    /// `grace-period`: an XML Schema duration (e.g. `P5D`).
    pub grace_period: Option<Str<'a>>,
    /// `applied`: `immediate` or `delayed`, as written.
    pub applied: Option<Str<'a>>,
}

impl<'a> Fee<'a> {
    /// A fee of `amount` (e.g. `"5.00"`), built by hand.
    pub const fn new(amount: &'a str) -> Self {
        Fee {
            amount: Str::new(amount),
            description: None,
            lang: None,
            refundable: None,
            grace_period: None,
            applied: None,
        }
    }

    /// The same with a description.
    pub const fn with_description(mut self, description: &'a str) -> Self {
        self.description = Some(Str::new(description));
        self
    }

    /// The same, refundable or not, within `grace_period` (e.g. `P5D`).
    pub const fn with_refund(mut self, refundable: bool, grace_period: Option<&'a str>) -> Self {
        self.refundable = Some(refundable);
        self.grace_period = match grace_period {
            Some(g) => Some(Str::new(g)),
            None => None,
        };
        self
    }

    /// The amount typed (`None` if it is not a decimal).
    pub fn decimal(&self) -> Option<Decimal> {
        Decimal::from_text(self.amount)
    }

    /// `applied` typed (`None` when absent or unknown).
    pub fn applied_kind(&self) -> Option<FeeApplied> {
        let a = self.applied?;
        if a.eq_str("immediate") {
            Some(FeeApplied::Immediate)
        } else if a.eq_str("delayed") {
            Some(FeeApplied::Delayed)
        } else {
            None
        }
    }
}

impl<'a> FromChild<'a> for Fee<'a> {
    fn from_child(c: Child<'a>) -> Self {
        // One pass over the attributes: most are absent, and a lookup of
        // each read every attribute of the tag to find that out.
        let [description, lang, refundable, grace_period, applied] = c.attrs([
            "description",
            "lang",
            "refundable",
            "grace-period",
            "applied",
        ]);
        Fee {
            amount: c.token(),
            description,
            lang: lang.map(Str::trimmed),
            refundable: boolean(refundable),
            grace_period: grace_period.map(Str::trimmed),
            applied: applied.map(Str::trimmed),
        }
    }
}

/// A `<fee:credit>`: an amount (zero or negative) credited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeCredit<'a> {
    /// The amount as written (see [`FeeCredit::decimal`]).
    pub amount: Str<'a>,
    /// `description`.
    pub description: Option<Str<'a>>,
    /// `lang`: the description's language.
    pub lang: Option<Str<'a>>,
}

impl<'a> FeeCredit<'a> {
    /// A credit of `amount` (e.g. `"-5.00"`), built by hand.
    pub const fn new(amount: &'a str) -> Self {
        FeeCredit {
            amount: Str::new(amount),
            description: None,
            lang: None,
        }
    }

    /// The same with a description.
    pub const fn with_description(mut self, description: &'a str) -> Self {
        self.description = Some(Str::new(description));
        self
    }

    /// The amount typed.
    pub fn decimal(&self) -> Option<Decimal> {
        Decimal::from_text(self.amount)
    }
}

impl<'a> FromChild<'a> for FeeCredit<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let [description, lang] = c.attrs(["description", "lang"]);
        FeeCredit {
            amount: c.token(),
            description,
            lang: lang.map(Str::trimmed),
        }
    }
}

/// A `<fee:reason>`: why no fee can be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeReason<'a> {
    /// The text, trimmed (white space inside kept as written).
    pub text: Str<'a>,
    /// `lang` (`en` when absent).
    pub lang: Option<Str<'a>>,
}

impl<'a> FeeReason<'a> {
    /// A reason in English, built by hand.
    pub const fn new(text: &'a str) -> Self {
        FeeReason {
            text: Str::new(text),
            lang: None,
        }
    }
}

fn reason_of(c: Option<Child<'_>>) -> Option<FeeReason<'_>> {
    c.map(|c| FeeReason {
        text: c.token(),
        lang: c.attr("lang").map(Str::trimmed),
    })
}

/// `<fee:check>`, with a domain check: the fees asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeeCheck<'a> {
    /// `<fee:currency>`: the currency the client wants (ISO 4217).
    pub currency: Option<Str<'a>>,
    /// The `<fee:command>`s (at least one).
    pub commands: List<'a, FeeCommand<'a>>,
}

impl<'a> FeeCheck<'a> {
    /// A check built by hand.
    pub const fn new(currency: Option<&'a str>, commands: &'a [FeeCommand<'a>]) -> Self {
        FeeCheck {
            currency: match currency {
                Some(c) => Some(Str::new(c)),
                None => None,
            },
            commands: List::from_slice(commands),
        }
    }

    fn read(e: Child<'a>, ns: Namespace<'a>) -> Self {
        let commands = if ns == Namespace::Known(Ns::Fee011) {
            // One command, flat in the check.
            e.as_list()
        } else if ns == Namespace::Known(Ns::Fee06) {
            // One command per domain.
            e.list("domain")
        } else {
            e.list("command")
        };
        FeeCheck {
            currency: token_of(e.child("currency")),
            commands,
        }
    }
}

/// `<fee:create>`, `<fee:renew>`, `<fee:transfer>` or `<fee:update>`: the
/// fees the client agrees to pay for the command.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeeTransform<'a> {
    /// `<fee:currency>`.
    pub currency: Option<Str<'a>>,
    /// `<fee:fee>`s (at least one).
    pub fees: List<'a, Fee<'a>>,
    /// `<fee:credit>`s.
    pub credits: List<'a, FeeCredit<'a>>,
}

impl<'a> FeeTransform<'a> {
    /// Fees agreed to, built by hand.
    pub const fn new(currency: Option<&'a str>, fees: &'a [Fee<'a>]) -> Self {
        FeeTransform {
            currency: match currency {
                Some(c) => Some(Str::new(c)),
                None => None,
            },
            fees: List::from_slice(fees),
            credits: List::empty(),
        }
    }

    fn read(e: Child<'a>) -> Self {
        FeeTransform {
            currency: token_of(e.child("currency")),
            fees: e.list("fee"),
            credits: e.list("credit"),
        }
    }
}

/// A fee command extension: `<fee:check>` or a transform.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FeeExtension<'a> {
    /// `<fee:check>` (a domain check).
    Check(FeeCheck<'a>),
    /// `<fee:create>` (a domain create).
    Create(FeeTransform<'a>),
    /// `<fee:renew>` (a domain renew).
    Renew(FeeTransform<'a>),
    /// `<fee:transfer>` (a domain transfer request).
    Transfer(FeeTransform<'a>),
    /// `<fee:update>` (a domain update).
    Update(FeeTransform<'a>),
}

impl<'a> FeeExtension<'a> {
    /// The fee element `raw` of a command, read tolerantly: fee-1.0 or a
    /// draft (0.6, 0.11, 0.12).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        is_fee(&raw).then_some(())?;
        let e = raw.element()?;
        Some(match raw.local() {
            "check" => FeeExtension::Check(FeeCheck::read(e, raw.namespace())),
            "create" => FeeExtension::Create(FeeTransform::read(e)),
            "renew" => FeeExtension::Renew(FeeTransform::read(e)),
            "transfer" => FeeExtension::Transfer(FeeTransform::read(e)),
            "update" => FeeExtension::Update(FeeTransform::read(e)),
            _ => return None,
        })
    }
}

/// A `<fee:command>` of a `<fee:cd>`: the fees of one command for one
/// object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeeCommandData<'a> {
    /// The command, phase and period.
    pub command: FeeCommand<'a>,
    /// `standard`: whether the fee is the standard one (`0` when absent).
    pub standard: Option<bool>,
    /// `avail` of the command (fee-0.12 only; fee-1.0 has it on the `cd`;
    /// not written).
    pub available: Option<bool>,
    /// `<fee:fee>`s.
    pub fees: List<'a, Fee<'a>>,
    /// `<fee:credit>`s.
    pub credits: List<'a, FeeCredit<'a>>,
    /// `<fee:class>` of the command (fee-0.12; fee-1.0 has it on the `cd`;
    /// not written).
    pub class: Option<Str<'a>>,
    /// `<fee:reason>`: why there is no fee.
    pub reason: Option<FeeReason<'a>>,
}

impl<'a> FeeCommandData<'a> {
    /// A command's fees built by hand.
    pub const fn new(command: FeeCommand<'a>, fees: &'a [Fee<'a>]) -> Self {
        FeeCommandData {
            command,
            standard: None,
            available: None,
            fees: List::from_slice(fees),
            credits: List::empty(),
            class: None,
            reason: None,
        }
    }
}

impl<'a> FromChild<'a> for FeeCommandData<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let [standard, available] = if c.local() == "command" {
            c.attrs(["standard", "avail"])
        } else {
            [None; 2]
        };
        FeeCommandData {
            command: FeeCommand::from_child(c),
            standard: boolean(standard),
            available: boolean(available),
            fees: c.list("fee"),
            credits: c.list("credit"),
            class: if c.local() == "command" {
                token_of(c.child("class"))
            } else {
                None
            },
            reason: if c.local() == "command" {
                reason_of(c.child("reason"))
            } else {
                None
            },
        }
    }
}

/// A `<fee:cd>`: the fees for one object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeeCheckItem<'a> {
    /// `<fee:objID>`: the object (in the drafts, the text of the element
    /// in `<fee:object>`, or `<fee:name>`).
    pub object_id: Str<'a>,
    /// `element` of `<fee:objID>`: the object's element (`name` when absent).
    pub object_element: Option<Str<'a>>,
    /// `avail`: whether fees can be given (`1` when absent).
    pub available: Option<bool>,
    /// `<fee:class>`: the object's fee class (e.g. `premium`).
    pub class: Option<Str<'a>>,
    /// `<fee:currency>` of the `cd` (the drafts 0.6 and 0.11 only; not
    /// written).
    pub currency: Option<Str<'a>>,
    /// The `<fee:command>`s.
    pub commands: List<'a, FeeCommandData<'a>>,
    /// `<fee:reason>`: why fees cannot be given.
    pub reason: Option<FeeReason<'a>>,
}

impl<'a> FeeCheckItem<'a> {
    /// An object's fees built by hand.
    pub const fn new(
        object_id: &'a str,
        available: bool,
        commands: &'a [FeeCommandData<'a>],
    ) -> Self {
        FeeCheckItem {
            object_id: Str::new(object_id),
            object_element: None,
            available: Some(available),
            class: None,
            currency: None,
            commands: List::from_slice(commands),
            reason: None,
        }
    }

    /// Whether fees can be given (`avail`, true when absent).
    pub fn is_available(&self) -> bool {
        self.available.unwrap_or(true)
    }
}

impl<'a> FromChild<'a> for FeeCheckItem<'a> {
    fn from_child(c: Child<'a>) -> Self {
        // Every field from one scan of the children: the first of each
        // name, and the run of commands. A lookup for each field scanned
        // them seven times, each time past every command and its fees.
        let (mut id, mut object, mut name, mut currency, mut class, mut reason) =
            (None, None, None, None, None, None);
        let mut first_command = None;
        let mut commands = ListRun::default();
        for k in c.children() {
            let first = |seen: &mut Option<Child<'a>>| {
                if seen.is_none() {
                    *seen = Some(k);
                }
            };
            match k.local() {
                "objID" => first(&mut id),
                "object" => first(&mut object),
                "name" => first(&mut name),
                "currency" => first(&mut currency),
                "class" => first(&mut class),
                "reason" => first(&mut reason),
                "command" => {
                    first(&mut first_command);
                    commands.note(&k);
                }
                _ => {}
            }
        }
        let object_id = id
            .map(|i| i.token())
            .or_else(|| {
                object
                    .and_then(|o| o.all_children().find(|id| is_object_id(&o, id)))
                    .map(|o| o.token())
            })
            .or_else(|| token_of(name))
            .unwrap_or_default();
        // The drafts 0.6 and 0.11 hold one command flat in the cd, with
        // the currency (which fee-1.0 and 0.12 never put there), the
        // command named by its text.
        let flat = currency.is_some()
            || first_command.is_some_and(|command| {
                command.attr("name").is_none()
                    && command.children().next().is_none()
                    && !command.token().is_empty()
            });
        FeeCheckItem {
            object_id,
            object_element: id.and_then(|i| i.attr("element")).map(Str::trimmed),
            available: boolean(c.attr("avail")),
            class: token_of(class),
            currency: token_of(currency),
            commands: if flat {
                c.as_list()
            } else {
                commands.into_list(&c, "command")
            },
            reason: reason_of(reason),
        }
    }
}

/// Whether `id`, a child of a draft's `<fee:object>` (one element of any
/// other namespace), is the object's identifier: in a command, the one
/// child; in a response, read tolerantly, the first child that is not of
/// the fee namespace and whose own start tag, or the object's, does not
/// bind it to another namespace than an EPP object's (a prefix bound
/// further up, as `domain` usually is, cannot be told from here).
fn is_object_id(object: &Child<'_>, id: &Child<'_>) -> bool {
    if object.matching() == Matching::ByLocal {
        return true;
    }
    !object.holds_field(id)
        && object
            .declared_namespace(id)
            .is_none_or(|ns| matches!(ns, Namespace::Known(Ns::Domain | Ns::Host | Ns::Contact)))
}

/// `<fee:chkData>`: the fees of a domain check response.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeeCheckData<'a> {
    /// `<fee:currency>`.
    pub currency: Option<Str<'a>>,
    /// The `<fee:cd>`s, one per object.
    pub items: List<'a, FeeCheckItem<'a>>,
}

impl<'a> FeeCheckData<'a> {
    /// Check data built by hand.
    pub const fn new(currency: &'a str, items: &'a [FeeCheckItem<'a>]) -> Self {
        FeeCheckData {
            currency: Some(Str::new(currency)),
            items: List::from_slice(items),
        }
    }
}

/// The fees of a transform response (`creData`, `renData`, `trnData`,
/// `updData`, `delData`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeeResult<'a> {
    /// `<fee:currency>`.
    pub currency: Option<Str<'a>>,
    /// `<fee:period>` (a transfer query's).
    pub period: Option<Period>,
    /// `<fee:fee>`s charged.
    pub fees: List<'a, Fee<'a>>,
    /// `<fee:credit>`s given.
    pub credits: List<'a, FeeCredit<'a>>,
    /// `<fee:balance>`: the account balance after the command.
    pub balance: Option<Str<'a>>,
    /// `<fee:creditLimit>`.
    pub credit_limit: Option<Str<'a>>,
}

impl<'a> FeeResult<'a> {
    /// Fees charged, built by hand.
    pub const fn new(currency: Option<&'a str>, fees: &'a [Fee<'a>]) -> Self {
        FeeResult {
            currency: match currency {
                Some(c) => Some(Str::new(c)),
                None => None,
            },
            period: None,
            fees: List::from_slice(fees),
            credits: List::empty(),
            balance: None,
            credit_limit: None,
        }
    }

    /// The same with the balance after the command.
    pub const fn with_balance(mut self, balance: &'a str) -> Self {
        self.balance = Some(Str::new(balance));
        self
    }

    /// The same with the credit limit.
    pub const fn with_credit_limit(mut self, limit: &'a str) -> Self {
        self.credit_limit = Some(Str::new(limit));
        self
    }

    /// The same with credits given.
    pub const fn with_credits(mut self, credits: &'a [FeeCredit<'a>]) -> Self {
        self.credits = List::from_slice(credits);
        self
    }

    /// The balance typed.
    pub fn balance_decimal(&self) -> Option<Decimal> {
        Decimal::from_text(self.balance?)
    }

    /// The credit limit typed.
    pub fn credit_limit_decimal(&self) -> Option<Decimal> {
        Decimal::from_text(self.credit_limit?)
    }

    fn read(e: Child<'a>) -> Self {
        FeeResult {
            currency: token_of(e.child("currency")),
            period: period_of(e.child("period")),
            fees: e.list("fee"),
            credits: e.list("credit"),
            balance: token_of(e.child("balance")),
            credit_limit: token_of(e.child("creditLimit")),
        }
    }
}

/// A fee response extension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FeeData<'a> {
    /// `<fee:chkData>` (a domain check response).
    Check(FeeCheckData<'a>),
    /// `<fee:creData>` (a domain create response).
    Create(FeeResult<'a>),
    /// `<fee:renData>` (a domain renew response).
    Renew(FeeResult<'a>),
    /// `<fee:trnData>` (a domain transfer response, request or query).
    Transfer(FeeResult<'a>),
    /// `<fee:updData>` (a domain update response).
    Update(FeeResult<'a>),
    /// `<fee:delData>` (a domain delete response).
    Delete(FeeResult<'a>),
}

impl<'a> FeeData<'a> {
    /// The fee element `raw` of a response, read tolerantly: fee-1.0 or a
    /// draft (0.6, 0.11, 0.12).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        is_fee(&raw).then_some(())?;
        let e = raw.element()?;
        Some(match raw.local() {
            "chkData" => FeeData::Check(FeeCheckData {
                currency: token_of(e.child("currency")),
                items: e.list("cd"),
            }),
            "creData" => FeeData::Create(FeeResult::read(e)),
            "renData" => FeeData::Renew(FeeResult::read(e)),
            "trnData" => FeeData::Transfer(FeeResult::read(e)),
            "updData" => FeeData::Update(FeeResult::read(e)),
            "delData" => FeeData::Delete(FeeResult::read(e)),
            _ => return None,
        })
    }
}

// ----- strict reading, inside read_command -----

fn element_span(r: &Reader<'_, '_>, e: Elem<'_>) -> Span {
    Span {
        start: e.tag.start,
        end: r.last_end(),
    }
}

/// Reads a fee-1.0 element (`e`, just taken) of a command's `<extension>`
/// strictly: `<check>` with a domain check, `<create>`, `<renew>`,
/// `<transfer>` and `<update>` with the domain command of that verb (a
/// transfer request).
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    let fits = matches!(
        (e.name.local(), command),
        ("check", Command::Domain(DomainCommand::Check(_)))
            | ("create", Command::Domain(DomainCommand::Create(_)))
            | ("renew", Command::Domain(DomainCommand::Renew(_)))
            | (
                "transfer",
                Command::Domain(DomainCommand::Transfer {
                    op: TransferOp::Request,
                    ..
                })
            )
            | ("update", Command::Domain(DomainCommand::Update(_)))
    );
    if !fits {
        return Err(r.unexpected(e));
    }
    r.check_attributes(e, &[])?;
    read_currency(r)?;
    if e.name.local() == "check" {
        r.run(NS, "command", 1, u32::MAX, read_fee_command)?;
    } else {
        r.run(NS, "fee", 1, u32::MAX, read_fee)?;
        r.run(NS, "credit", 0, u32::MAX, read_credit)?;
    }
    r.end()
}

fn read_currency<'a>(r: &mut Reader<'_, 'a>) -> Result<(), CommandError<'a>> {
    let Some(e) = r.optional(NS, "currency")? else {
        return Ok(());
    };
    r.check_attributes(e, &[])?;
    // `string` with pattern [A-Z]{3}: no white space allowed around it.
    let value = r.text(e)?;
    let mut letters = 0usize;
    let ok = value_chars(&value).all(|c| {
        letters += 1;
        c.is_ascii_uppercase()
    }) && letters == 3;
    if !ok {
        return Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "a currency code (three capital letters, ISO 4217)",
            },
            e.element_name(),
            value,
            element_span(r, e),
        ));
    }
    Ok(())
}

fn read_fee_command<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["name", "customName", "phase", "subphase"])?;
    let name = r.required_attr(e, "name")?.trimmed();
    let name = check_enum(
        name,
        COMMAND_NAMES,
        "a command name (create, delete, renew, update, transfer, restore, custom)",
        e.element_name(),
        e.tag,
    )
    .map_err(|err| err.with_attribute("name"))?;
    match (name == FeeCommandName::Custom, r.attr("customName")) {
        (true, None) => {
            return Err(
                CommandError::new(CommandErrorKind::MissingAttribute, e.offset())
                    .with_element(e.element_name())
                    .with_attribute("customName"),
            );
        }
        (false, Some(_)) => {
            return Err(
                CommandError::new(CommandErrorKind::UnexpectedAttribute, e.offset())
                    .with_element(e.element_name())
                    .with_attribute("customName"),
            );
        }
        _ => {}
    }
    if let Some(p) = r.optional(NS, "period")? {
        r.check_attributes(p, &["unit"])?;
        let unit = r.required_attr(p, "unit")?.trimmed();
        check_enum(
            unit,
            &[("y", ()), ("m", ())],
            "a period unit (y, m)",
            p.element_name(),
            p.tag,
        )
        .map_err(|err| err.with_attribute("unit"))?;
        let value = r.token(p)?;
        check_unsigned(value, 1, 99, p.element_name(), element_span(r, p))?;
    }
    r.end()
}

fn read_fee<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(
        e,
        &[
            "description",
            "lang",
            "refundable",
            "grace-period",
            "applied",
        ],
    )?;
    if let Some(lang) = r.attr("lang") {
        check_language(lang.trimmed(), e, "lang")?;
    }
    if let Some(refundable) = r.attr("refundable") {
        check_bool(refundable, e.element_name(), e.tag)
            .map_err(|err| err.with_attribute("refundable"))?;
    }
    if let Some(grace) = r.attr("grace-period") {
        let grace = grace.trimmed();
        let mut buf = [0u8; 64];
        if !duration_syntax(plain_ascii(&grace, &mut buf)) {
            return Err(value_error(
                CommandErrorKind::InvalidValue {
                    expected: "a duration (e.g. P5D)",
                },
                e.element_name(),
                grace,
                e.tag,
            )
            .with_attribute("grace-period"));
        }
    }
    if let Some(applied) = r.attr("applied") {
        check_enum(
            applied.trimmed(),
            &[("immediate", ()), ("delayed", ())],
            "immediate or delayed",
            e.element_name(),
            e.tag,
        )
        .map_err(|err| err.with_attribute("applied"))?;
    }
    let amount = r.token(e)?;
    check_amount(amount, false, e.element_name(), element_span(r, e))
}

fn read_credit<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["description", "lang"])?;
    if let Some(lang) = r.attr("lang") {
        check_language(lang.trimmed(), e, "lang")?;
    }
    let amount = r.token(e)?;
    check_amount(amount, true, e.element_name(), element_span(r, e))
}

/// A decimal (2005 otherwise) on the right side of zero (2004 otherwise):
/// `nonNegativeDecimal` for a fee, `negativeDecimal` (at most 0) for a
/// credit.
fn check_amount<'a>(
    amount: Str<'a>,
    credit: bool,
    element: ElementName<'a>,
    span: Span,
) -> Result<(), CommandError<'a>> {
    let mut buf = [0u8; 64];
    let Some(syntax) = decimal_syntax(plain_ascii(&amount, &mut buf)) else {
        return Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "a decimal amount",
            },
            element,
            amount,
            span,
        ));
    };
    let zero = syntax
        .units
        .bytes()
        .chain(syntax.fraction.bytes())
        .all(|b| b == b'0');
    let wrong_side = !zero && syntax.negative != credit;
    if wrong_side {
        // The error kind's bounds are unsigned: 0..=0 for a credit says
        // "not above zero" as near as they can.
        let (min, max) = if credit { (0, 0) } else { (0, u32::MAX) };
        return Err(value_error(
            CommandErrorKind::ValueOutOfRange { min, max },
            element,
            amount,
            span,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        let d = Decimal::parse("-5.00").unwrap();
        assert_eq!((d.negative, d.units, d.fraction, d.scale), (true, 5, 0, 2));
        assert_eq!(d.in_minor_units(2), Some(-500));
        assert_eq!(d.in_minor_units(1), None);
        assert_eq!(Decimal::parse(".5").unwrap().in_minor_units(3), Some(500));
        assert_eq!(Decimal::parse("10.").unwrap().scale, 0);
        assert!(Decimal::parse("1000.05").is_some());
        for bad in ["", ".", "-", "1e3", "1,5", "1.2.3", " 1", "+-1", "0x10"] {
            assert!(Decimal::parse(bad).is_none(), "{bad}");
        }
        assert!(Decimal::parse("99999999999999999999").is_none());
        assert!(decimal_syntax("99999999999999999999.5").is_some());
    }

    #[test]
    fn durations() {
        for good in [
            "P5D",
            "P1Y2M3DT4H5M6.7S",
            "PT1H",
            "-P1D",
            "P0D",
            "PT0.5S",
            "P1M",
        ] {
            assert!(duration_syntax(good), "{good}");
        }
        for bad in [
            "", "P", "PT", "5D", "P5", "PD", "P1DT", "P1D2Y", "PT1.S", "P1.5D", "P5d",
        ] {
            assert!(!duration_syntax(bad), "{bad}");
        }
    }
}
