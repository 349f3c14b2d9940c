//! Launch phases, `urn:ietf:params:xml:ns:launch-1.0` (RFC 8334): the
//! sunrise, landrush, claims and custom phases of a new TLD. Extends a
//! domain check (claims, availability or trademark check), info (of an
//! application), create (with marks, signed marks or claims notices),
//! update and delete (of an application); and their responses.
//!
//! The marks are typed by [`mark`](super::mark) (RFC 7848); signed marks
//! are kept raw and **their signatures are not verified** here.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, DomainCommand, RawElement};
use crate::view::error::CommandError;
use crate::view::ext::mark::{
    EncodedSignedMark, Mark, SignedMark, read_encoded_signed_mark, read_mark, read_signed_mark,
};
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, Indexed, List, Lookup};
use crate::view::str::Str;
use crate::view::value::{
    DateTime, check_bool, check_enum, check_length, plain_ascii, value_error,
};
use crate::xml::{Namespace, Ns, Span};

const NS: Ns = Ns::Launch;

/// `<launch:phase>`: a launch phase, and the name of a custom one (or of
/// a sub-phase).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaunchPhase<'a> {
    /// `sunrise`, `landrush`, `claims`, `open` or `custom`.
    pub value: Str<'a>,
    /// `name`: the custom phase's name (or a sub-phase).
    pub name: Option<Str<'a>>,
}

impl<'a> LaunchPhase<'a> {
    /// A standard phase built by hand (`sunrise`, `landrush`, `claims`, `open`).
    pub const fn new(value: &'a str) -> Self {
        LaunchPhase {
            value: Str::new(value),
            name: None,
        }
    }

    /// A `custom` phase called `name`, built by hand.
    pub const fn custom(name: &'a str) -> Self {
        LaunchPhase {
            value: Str::new("custom"),
            name: Some(Str::new(name)),
        }
    }

    /// The same with a `name` (a sub-phase of a standard phase).
    pub const fn with_name(mut self, name: &'a str) -> Self {
        self.name = Some(Str::new(name));
        self
    }
}

impl<'a> FromChild<'a> for LaunchPhase<'a> {
    fn from_child(c: Child<'a>) -> Self {
        LaunchPhase {
            value: c.token(),
            name: c.attr("name").map(Str::trimmed),
        }
    }
}

/// The `type` of `<launch:check>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaunchCheckType {
    /// `claims`: is there a trademark claim on the names (the default)?
    Claims,
    /// `avail`: are the names available in the phase?
    Avail,
    /// `trademark`: is there a trademark on the names, in any phase?
    Trademark,
}

const CHECK_TYPES: &[(&str, LaunchCheckType)] = &[
    ("claims", LaunchCheckType::Claims),
    ("avail", LaunchCheckType::Avail),
    ("trademark", LaunchCheckType::Trademark),
];

impl LaunchCheckType {
    /// The attribute value.
    pub const fn as_str(self) -> &'static str {
        match self {
            LaunchCheckType::Claims => "claims",
            LaunchCheckType::Avail => "avail",
            LaunchCheckType::Trademark => "trademark",
        }
    }
}

/// The `type` of `<launch:create>`: what the create makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaunchCreateType {
    /// `application`: an application, allocated later.
    Application,
    /// `registration`: a registration, at once.
    Registration,
}

const CREATE_TYPES: &[(&str, LaunchCreateType)] = &[
    ("application", LaunchCreateType::Application),
    ("registration", LaunchCreateType::Registration),
];

impl LaunchCreateType {
    /// The attribute value.
    pub const fn as_str(self) -> &'static str {
        match self {
            LaunchCreateType::Application => "application",
            LaunchCreateType::Registration => "registration",
        }
    }
}

fn table_value<T: Copy>(table: &[(&str, T)], value: Option<Str<'_>>) -> Option<T> {
    let value = value?.trimmed();
    table
        .iter()
        .find(|(name, _)| value.eq_str(name))
        .map(|(_, v)| *v)
}

fn is_true(value: Option<Str<'_>>) -> bool {
    value.is_some_and(|v| {
        let v = v.trimmed();
        v.eq_str("true") || v.eq_str("1")
    })
}

/// A value and the validator it belongs to: `<launch:code>`,
/// `<launch:noticeID>` or `<launch:claimKey>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValidatorToken<'a> {
    /// The code, notice ID or claims key.
    pub value: Str<'a>,
    /// `validatorID`: who validates it (the ICANN TMCH, `tmch`, when absent).
    pub validator_id: Option<Str<'a>>,
}

impl<'a> ValidatorToken<'a> {
    /// A value built by hand, for the default validator.
    pub const fn new(value: &'a str) -> Self {
        ValidatorToken {
            value: Str::new(value),
            validator_id: None,
        }
    }

    /// The same for validator `id`.
    pub const fn with_validator(mut self, id: &'a str) -> Self {
        self.validator_id = Some(Str::new(id));
        self
    }
}

impl<'a> FromChild<'a> for ValidatorToken<'a> {
    fn from_child(c: Child<'a>) -> Self {
        ValidatorToken {
            value: c.token(),
            validator_id: c.attr("validatorID").map(Str::trimmed),
        }
    }
}

/// `<launch:notice>`: the claims notice the registrant accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimsNotice<'a> {
    /// `<launch:noticeID>`.
    pub id: ValidatorToken<'a>,
    /// `<launch:notAfter>`: when the notice expires (`dateTime`).
    pub not_after: Str<'a>,
    /// `<launch:acceptedDate>`: when the registrant accepted it (`dateTime`).
    pub accepted_date: Str<'a>,
}

impl<'a> ClaimsNotice<'a> {
    /// A notice built by hand.
    pub const fn new(id: ValidatorToken<'a>, not_after: &'a str, accepted_date: &'a str) -> Self {
        ClaimsNotice {
            id,
            not_after: Str::new(not_after),
            accepted_date: Str::new(accepted_date),
        }
    }
}

impl<'a> FromChild<'a> for ClaimsNotice<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let token = |local: &str| c.child(local).map(|e| e.token()).unwrap_or_default();
        ClaimsNotice {
            id: c
                .child("noticeID")
                .map_or(ValidatorToken::new(""), ValidatorToken::from_child),
            not_after: token("notAfter"),
            accepted_date: token("acceptedDate"),
        }
    }
}

/// `<launch:codeMark>`: a mark code, a mark, or both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CodeMark<'a> {
    /// `<launch:code>`.
    pub code: Option<ValidatorToken<'a>>,
    /// `<mark:mark>`.
    pub mark: Option<Mark<'a>>,
}

impl<'a> FromChild<'a> for CodeMark<'a> {
    fn from_child(c: Child<'a>) -> Self {
        // One pass over the children: a mark is large to skip twice.
        let mut code = None;
        let mut mark = None;
        // `<mark:mark>` is of its own namespace: every child is looked at.
        for child in c.all_children() {
            match child.local() {
                "code" if code.is_none() && c.holds_field(&child) => {
                    code = Some(ValidatorToken::from_child(child));
                }
                "mark" if mark.is_none() && c.holds_field_in(&child, Ns::Mark) => {
                    mark = Some(Mark::from_child(child));
                }
                _ => {}
            }
        }
        CodeMark { code, mark }
    }
}

/// The marks of a create: one of the schema's three forms, or none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LaunchMarks<'a> {
    /// No mark (a landrush or claims create).
    None,
    /// `<launch:codeMark>`s.
    CodeMarks(List<'a, CodeMark<'a>>),
    /// `<smd:signedMark>`s.
    SignedMarks(List<'a, SignedMark<'a>>),
    /// `<smd:encodedSignedMark>`s.
    EncodedSignedMarks(List<'a, EncodedSignedMark<'a>>),
}

/// `<launch:create>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaunchCreate<'a> {
    /// `type`: an application or a registration (server's choice when absent).
    pub create_type: Option<LaunchCreateType>,
    /// `<launch:phase>`.
    pub phase: LaunchPhase<'a>,
    /// The marks.
    pub marks: LaunchMarks<'a>,
    /// `<launch:notice>`s.
    pub notices: List<'a, ClaimsNotice<'a>>,
}

impl<'a> LaunchCreate<'a> {
    /// A create in `phase` with no mark and no notice, built by hand.
    pub const fn new(phase: LaunchPhase<'a>) -> Self {
        LaunchCreate {
            create_type: None,
            phase,
            marks: LaunchMarks::None,
            notices: List::empty(),
        }
    }

    /// The same with a `type`.
    pub const fn with_type(mut self, create_type: LaunchCreateType) -> Self {
        self.create_type = Some(create_type);
        self
    }

    /// The same with marks.
    pub const fn with_marks(mut self, marks: LaunchMarks<'a>) -> Self {
        self.marks = marks;
        self
    }

    /// The same with claims notices.
    pub const fn with_notices(mut self, notices: &'a [ClaimsNotice<'a>]) -> Self {
        self.notices = List::from_slice(notices);
        self
    }
}

/// A phase and an application: `<launch:update>`, `<launch:delete>`,
/// `<launch:creData>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaunchApplication<'a> {
    /// `<launch:phase>`.
    pub phase: LaunchPhase<'a>,
    /// `<launch:applicationID>`.
    pub application_id: Str<'a>,
}

impl<'a> LaunchApplication<'a> {
    /// An application reference built by hand.
    pub const fn new(phase: LaunchPhase<'a>, application_id: &'a str) -> Self {
        LaunchApplication {
            phase,
            application_id: Str::new(application_id),
        }
    }

    fn read(c: Child<'a>) -> Self {
        LaunchApplication {
            phase: phase_of(c),
            application_id: c
                .child("applicationID")
                .map(|e| e.token())
                .unwrap_or_default(),
        }
    }
}

fn phase_of(c: Child<'_>) -> LaunchPhase<'_> {
    c.child("phase")
        .map_or(LaunchPhase::new(""), LaunchPhase::from_child)
}

/// `<launch:check>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaunchCheck<'a> {
    /// `type` as given (`claims` when absent).
    pub check_type: Option<LaunchCheckType>,
    /// `<launch:phase>`.
    pub phase: Option<LaunchPhase<'a>>,
}

/// `<launch:info>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaunchInfo<'a> {
    /// `includeMark` as given (false when absent): return the marks too.
    pub include_mark: Option<bool>,
    /// `<launch:phase>`.
    pub phase: LaunchPhase<'a>,
    /// `<launch:applicationID>`.
    pub application_id: Option<Str<'a>>,
}

/// A launch-1.0 command extension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Launch<'a> {
    /// `<launch:check>`, with a domain check.
    Check(LaunchCheck<'a>),
    /// `<launch:info>`, with a domain info.
    Info(LaunchInfo<'a>),
    /// `<launch:create>`, with a domain create.
    Create(LaunchCreate<'a>),
    /// `<launch:update>`, with a domain update.
    Update(LaunchApplication<'a>),
    /// `<launch:delete>`, with a domain delete.
    Delete(LaunchApplication<'a>),
}

fn launch_element(raw: RawElement<'_>) -> Option<Child<'_>> {
    if raw.namespace() != Namespace::Known(NS) {
        return None;
    }
    raw.element()
}

impl<'a> Launch<'a> {
    /// The launch command element `raw`, read tolerantly.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        let e = launch_element(raw)?;
        Some(match raw.local() {
            "check" => Launch::Check(LaunchCheck {
                check_type: table_value(CHECK_TYPES, e.attr("type")),
                phase: e.child("phase").map(LaunchPhase::from_child),
            }),
            "info" => Launch::Info(LaunchInfo {
                include_mark: e.attr("includeMark").map(|v| is_true(Some(v))),
                phase: phase_of(e),
                application_id: e.child("applicationID").map(|c| c.token()),
            }),
            "create" => {
                // Indexed in one pass: marks are large to scan once per field.
                let index = Indexed::new(e);
                // The signed marks are of their own namespace.
                let marks = if index.child("codeMark").is_some() {
                    LaunchMarks::CodeMarks(index.list("codeMark"))
                } else if index.child_in(Ns::SignedMark, "signedMark").is_some() {
                    LaunchMarks::SignedMarks(index.list_in(Ns::SignedMark, "signedMark"))
                } else if index
                    .child_in(Ns::SignedMark, "encodedSignedMark")
                    .is_some()
                {
                    LaunchMarks::EncodedSignedMarks(
                        index.list_in(Ns::SignedMark, "encodedSignedMark"),
                    )
                } else {
                    LaunchMarks::None
                };
                Launch::Create(LaunchCreate {
                    create_type: table_value(CREATE_TYPES, e.attr("type")),
                    phase: index
                        .child("phase")
                        .map_or(LaunchPhase::new(""), LaunchPhase::from_child),
                    marks,
                    notices: index.list("notice"),
                })
            }
            "update" => Launch::Update(LaunchApplication::read(e)),
            "delete" => Launch::Delete(LaunchApplication::read(e)),
            _ => return None,
        })
    }
}

/// `<launch:cd>` of a check response: one name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaunchCheckResult<'a> {
    /// `<launch:name>`.
    pub name: Str<'a>,
    /// `exists`: whether a trademark claim (or mark) exists for the name.
    pub exists: bool,
    /// `<launch:claimKey>`s: the keys to fetch the claims notices with.
    pub claim_keys: List<'a, ValidatorToken<'a>>,
}

impl<'a> LaunchCheckResult<'a> {
    /// A result built by hand.
    pub const fn new(name: &'a str, exists: bool, claim_keys: &'a [ValidatorToken<'a>]) -> Self {
        LaunchCheckResult {
            name: Str::new(name),
            exists,
            claim_keys: List::from_slice(claim_keys),
        }
    }
}

impl<'a> FromChild<'a> for LaunchCheckResult<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let name = c.child("name");
        LaunchCheckResult {
            name: name.map(|n| n.token()).unwrap_or_default(),
            exists: is_true(name.and_then(|n| n.attr("exists"))),
            claim_keys: c.list("claimKey"),
        }
    }
}

/// `<launch:chkData>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaunchCheckData<'a> {
    /// `<launch:phase>`.
    pub phase: Option<LaunchPhase<'a>>,
    /// `<launch:cd>`s.
    pub results: List<'a, LaunchCheckResult<'a>>,
}

/// `<launch:status>` of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaunchStatus<'a> {
    /// `s`: `pendingValidation`, `validated`, `invalid`,
    /// `pendingAllocation`, `allocated`, `rejected` or `custom`.
    pub value: Str<'a>,
    /// `name`: a custom status's name.
    pub name: Option<Str<'a>>,
    /// `lang` of the text (`en` when absent).
    pub lang: Option<Str<'a>>,
    /// The text, as written (may be empty).
    pub text: Str<'a>,
}

impl<'a> LaunchStatus<'a> {
    /// A status with no text, built by hand.
    pub const fn new(value: &'a str) -> Self {
        LaunchStatus {
            value: Str::new(value),
            name: None,
            lang: None,
            text: Str::new(""),
        }
    }
}

impl<'a> FromChild<'a> for LaunchStatus<'a> {
    fn from_child(c: Child<'a>) -> Self {
        LaunchStatus {
            value: c.attr("s").map(Str::trimmed).unwrap_or_default(),
            name: c.attr("name").map(Str::trimmed),
            lang: c.attr("lang").map(Str::trimmed),
            text: c.text(),
        }
    }
}

/// `<launch:infData>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaunchInfoData<'a> {
    /// `<launch:phase>`.
    pub phase: LaunchPhase<'a>,
    /// `<launch:applicationID>`.
    pub application_id: Option<Str<'a>>,
    /// `<launch:status>`.
    pub status: Option<LaunchStatus<'a>>,
    /// `<mark:mark>`s (when the info asked for them).
    pub marks: List<'a, Mark<'a>>,
}

/// A launch-1.0 response extension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LaunchData<'a> {
    /// `<launch:chkData>`, of a check.
    CheckData(LaunchCheckData<'a>),
    /// `<launch:creData>`, of a create: the application made.
    CreateData(LaunchApplication<'a>),
    /// `<launch:infData>`, of an info (or a poll message).
    InfoData(LaunchInfoData<'a>),
}

impl<'a> LaunchData<'a> {
    /// The launch response element `raw`, read tolerantly.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        let e = launch_element(raw)?;
        Some(match raw.local() {
            "chkData" => LaunchData::CheckData(LaunchCheckData {
                phase: e.child("phase").map(LaunchPhase::from_child),
                results: e.list("cd"),
            }),
            "creData" => LaunchData::CreateData(LaunchApplication::read(e)),
            "infData" => {
                let index = Indexed::new(e);
                LaunchData::InfoData(LaunchInfoData {
                    phase: index
                        .child("phase")
                        .map_or(LaunchPhase::new(""), LaunchPhase::from_child),
                    application_id: index.child("applicationID").map(|c| c.token()),
                    status: index.child("status").map(LaunchStatus::from_child),
                    // `<mark:mark>`s, of their own namespace.
                    marks: index.list_in(Ns::Mark, "mark"),
                })
            }
            _ => return None,
        })
    }
}

// ----- strict reading, inside read_command -----

const PHASES: &[(&str, ())] = &[
    ("sunrise", ()),
    ("landrush", ()),
    ("claims", ()),
    ("open", ()),
    ("custom", ()),
];

/// Reads a launch element (`e`, just taken) of a command's `<extension>`
/// strictly; each goes with the domain command of the same name.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    let fits = matches!(
        (e.name.local(), command),
        ("check", Command::Domain(DomainCommand::Check(_)))
            | ("info", Command::Domain(DomainCommand::Info(_)))
            | ("create", Command::Domain(DomainCommand::Create(_)))
            | ("update", Command::Domain(DomainCommand::Update(_)))
            | ("delete", Command::Domain(DomainCommand::Delete(_)))
    );
    if !fits {
        return Err(r.unexpected(e));
    }
    match e.name.local() {
        "check" => {
            r.check_attributes(e, &["type"])?;
            attribute_enum(
                r,
                e,
                "type",
                CHECK_TYPES,
                "a check type (claims, avail, trademark)",
            )?;
            if let Some(phase) = r.optional(NS, "phase")? {
                read_phase(r, phase)?;
            }
        }
        "info" => {
            r.check_attributes(e, &["includeMark"])?;
            if let Some(include) = r.attr("includeMark") {
                check_bool(include, e.element_name(), e.tag)
                    .map_err(|err| err.with_attribute("includeMark"))?;
            }
            let phase = r.required(NS, "phase")?;
            read_phase(r, phase)?;
            if let Some(id) = r.optional(NS, "applicationID")? {
                read_token(r, id)?;
            }
        }
        "create" => {
            r.check_attributes(e, &["type"])?;
            attribute_enum(
                r,
                e,
                "type",
                CREATE_TYPES,
                "a create type (application, registration)",
            )?;
            let phase = r.required(NS, "phase")?;
            read_phase(r, phase)?;
            // One form of marks at most: a second form is out of place
            // and caught by the end below.
            match r.peek()? {
                Some(m) if m.is(NS, "codeMark") => {
                    r.run(NS, "codeMark", 1, u32::MAX, read_code_mark)?;
                }
                Some(m) if m.is(Ns::SignedMark, "signedMark") => {
                    r.run(Ns::SignedMark, "signedMark", 1, u32::MAX, read_signed_mark)?;
                }
                Some(m) if m.is(Ns::SignedMark, "encodedSignedMark") => {
                    r.run(
                        Ns::SignedMark,
                        "encodedSignedMark",
                        1,
                        u32::MAX,
                        read_encoded_signed_mark,
                    )?;
                }
                _ => {}
            }
            r.run(NS, "notice", 0, u32::MAX, read_notice)?;
        }
        // update, delete
        _ => {
            r.check_attributes(e, &[])?;
            let phase = r.required(NS, "phase")?;
            read_phase(r, phase)?;
            let id = r.required(NS, "applicationID")?;
            read_token(r, id)?;
        }
    }
    r.end()
}

fn attribute_enum<'a, T: Copy>(
    r: &Reader<'_, 'a>,
    e: Elem<'a>,
    attribute: &'static str,
    table: &[(&str, T)],
    expected: &'static str,
) -> Result<(), CommandError<'a>> {
    if let Some(value) = r.attr(attribute) {
        check_enum(value.trimmed(), table, expected, e.element_name(), e.tag)
            .map_err(|err| err.with_attribute(attribute))?;
    }
    Ok(())
}

fn element_span<'a>(r: &Reader<'_, 'a>, e: Elem<'a>) -> Span {
    Span {
        start: e.tag.start,
        end: r.last_end(),
    }
}

fn read_token<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<Str<'a>, CommandError<'a>> {
    r.check_attributes(e, &[])?;
    r.token(e)
}

fn read_phase<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["name"])?;
    let value = r.token(e)?;
    check_enum(
        value,
        PHASES,
        "a launch phase (sunrise, landrush, claims, open, custom)",
        e.element_name(),
        element_span(r, e),
    )?;
    Ok(())
}

/// A `codeType` / `noticeIDType`: a token of at least one character with
/// an optional non-empty `validatorID`.
fn read_validator_token<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["validatorID"])?;
    if let Some(id) = r.attr("validatorID") {
        check_length(id.trimmed(), 1, u32::MAX, e.element_name(), e.tag)
            .map_err(|err| err.with_attribute("validatorID"))?;
    }
    let value = r.token(e)?;
    check_length(value, 1, u32::MAX, e.element_name(), element_span(r, e))?;
    Ok(())
}

fn read_code_mark<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    if let Some(code) = r.optional(NS, "code")? {
        read_validator_token(r, code)?;
    }
    if let Some(mark) = r.optional(Ns::Mark, "mark")? {
        read_mark(r, mark)?;
    }
    r.end()
}

fn read_notice<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    let id = r.required(NS, "noticeID")?;
    read_validator_token(r, id)?;
    for local in ["notAfter", "acceptedDate"] {
        let date = r.required(NS, local)?;
        let value = read_token(r, date)?;
        let mut buf = [0u8; 64];
        if DateTime::parse(plain_ascii(&value, &mut buf)).is_none() {
            return Err(value_error(
                CommandErrorKind::InvalidValue {
                    expected: "a date and time (RFC 3339)",
                },
                date.element_name(),
                value,
                element_span(r, date),
            ));
        }
    }
    r.end()
}
