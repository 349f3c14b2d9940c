//! Login security, `urn:ietf:params:xml:ns:epp:loginSec-1.0` (RFC 8807):
//! long passwords and the client's user agent on `<login>`, and the
//! security events a server reports in the login response.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, RawElement};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::{check_length, value_error};
use crate::xml::{Ns, Span};

const NS: Ns = Ns::LoginSec;

/// What a login's `<pw>` (and `<newPW>`) must say when the password
/// travels in the loginSec extension instead (RFC 8807 §3.2).
pub const LOGIN_SECURITY: &str = "[LOGIN-SECURITY]";

/// `<loginSec:userAgent>`: the client software, each part optional (but
/// not all absent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UserAgent<'a> {
    /// `<loginSec:app>`: the client application.
    pub app: Option<Str<'a>>,
    /// `<loginSec:tech>`: the technology (language, library).
    pub tech: Option<Str<'a>>,
    /// `<loginSec:os>`: the operating system.
    pub os: Option<Str<'a>>,
}

/// `<loginSec:loginSec>`, with a `<login>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginSec<'a> {
    /// `<loginSec:userAgent>`.
    pub user_agent: Option<UserAgent<'a>>,
    /// `<loginSec:pw>`: the password (6 characters or more, no upper bound).
    pub password: Option<Str<'a>>,
    /// `<loginSec:newPW>`: a new password.
    pub new_password: Option<Str<'a>>,
}

impl<'a> LoginSec<'a> {
    /// The loginSec element `raw`, read.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(NS, "loginSec").then_some(())?;
        let e = raw.element()?;
        let user_agent = e.child("userAgent").map(|ua| UserAgent {
            app: ua.child("app").map(|c| c.token()),
            tech: ua.child("tech").map(|c| c.token()),
            os: ua.child("os").map(|c| c.token()),
        });
        Some(LoginSec {
            user_agent,
            password: e.child("pw").map(|c| c.token()),
            new_password: e.child("newPW").map(|c| c.token()),
        })
    }
}

/// An `<loginSec:event>` of a login response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginSecEvent<'a> {
    /// `type`: `password`, `certificate`, `cipher`, `tlsProtocol`, `newPW`, `stat` or `custom`.
    pub event_type: Str<'a>,
    /// `name`: the event's name, for `stat` and `custom` events.
    pub name: Option<Str<'a>>,
    /// `level`: `warning` or `error`.
    pub level: Str<'a>,
    /// `exDate`: when what the event warns of expires (RFC 3339).
    pub expires: Option<Str<'a>>,
    /// `value`: the value at fault (a cipher, a protocol, a statistic).
    pub value: Option<Str<'a>>,
    /// `duration`: the period a statistic covers (`xs:duration`).
    pub duration: Option<Str<'a>>,
    /// `lang`: the language of the text.
    pub lang: Option<Str<'a>>,
    /// The human-readable text.
    pub text: Str<'a>,
}

impl<'a> FromChild<'a> for LoginSecEvent<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let attr = |name: &str| c.attr(name).map(Str::trimmed);
        LoginSecEvent {
            event_type: attr("type").unwrap_or_default(),
            name: attr("name"),
            level: attr("level").unwrap_or_default(),
            expires: attr("exDate"),
            value: attr("value"),
            duration: attr("duration"),
            lang: attr("lang"),
            text: c.token(),
        }
    }
}

/// The events of a `<loginSec:loginSecData>` response extension, read tolerantly.
pub fn events_from_raw(raw: RawElement<'_>) -> Option<List<'_, LoginSecEvent<'_>>> {
    raw.is(NS, "loginSecData").then_some(())?;
    Some(raw.element()?.list("event"))
}

// ----- strict reading, inside read_command -----

fn element_span(r: &Reader<'_, '_>, e: Elem<'_>) -> Span {
    Span {
        start: e.tag.start,
        end: r.last_end(),
    }
}

/// Reads `<loginSec:loginSec>` (`e`, just taken) strictly; it extends a
/// login only, and a login whose password it carries must say
/// `[LOGIN-SECURITY]` in `<pw>` (and in `<newPW>` for a new one).
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    let Command::Login(login) = command else {
        return Err(r.unexpected(e));
    };
    if e.name.local() != "loginSec" {
        return Err(r.unexpected(e));
    }
    r.check_attributes(e, &[])?;
    if let Some(ua) = r.optional(NS, "userAgent")? {
        r.check_attributes(ua, &[])?;
        let mut any = false;
        for local in ["app", "tech", "os"] {
            if let Some(part) = r.optional(NS, local)? {
                r.check_attributes(part, &[])?;
                r.token(part)?;
                any = true;
            }
        }
        if !any {
            return Err(r.missing_any(ua));
        }
        r.end()?;
    }
    for (local, login_value) in [
        ("pw", Some(login.password())),
        ("newPW", login.new_password()),
    ] {
        if let Some(pw) = r.optional(NS, local)? {
            r.check_attributes(pw, &[])?;
            let value = r.token(pw)?;
            check_length(value, 6, u32::MAX, pw.element_name(), element_span(r, pw))?;
            check_placeholder(local, login_value, pw)?;
        }
    }
    r.end()
}

/// The login's own `<pw>`/`<newPW>` must be the placeholder.
fn check_placeholder<'a>(
    local: &'static str,
    value: Option<Str<'a>>,
    at: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    match value {
        Some(v) if v.eq_str(LOGIN_SECURITY) => Ok(()),
        Some(v) => Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "[LOGIN-SECURITY] when loginSec carries the password",
            },
            crate::view::ElementName::known(Ns::Epp, local),
            v,
            v.span(),
        )),
        // A new password in loginSec without <newPW> in the login.
        None => Err(
            CommandError::new(CommandErrorKind::MissingElement, at.offset())
                .with_element(crate::view::ElementName::known(Ns::Epp, local)),
        ),
    }
}
