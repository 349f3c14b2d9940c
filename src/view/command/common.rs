//! Pieces shared by the domain, host and contact commands.

use super::{RawElement, is_other_namespace};
use crate::view::error::{CommandError, CommandErrorKind};
use crate::view::reader::{Elem, Reader};
use crate::view::str::Str;
use crate::view::value::{value_chars, value_error};
use crate::xml::{Namespace, Ns, Span};

/// Authorization information (`<authInfo>`, RFC 5731/5733 `authInfoType`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AuthInfo<'a> {
    /// `<pw>`: a password (possibly empty, as RFC 9154 asks on info and
    /// transfer query), optionally naming the object it belongs to by `roid`.
    Password {
        /// The password.
        password: Str<'a>,
        /// The `roid` attribute: the ROID of the object (a registrant or
        /// contact) whose password this is.
        roid: Option<Str<'a>>,
    },
    /// `<ext>`: authorization information of another namespace, kept raw
    /// (when read: a namespace, and not eppcom's, EPP's or the object's).
    Ext(RawElement<'a>),
    /// `<null/>` (domain `<chg>` only): remove the authorization information.
    Null,
}

/// Reads the content of an `<authInfo>` element of namespace `ns` (just
/// taken), through its end tag. `<null/>` is accepted only when `allow_null`.
pub(crate) fn read_auth_info<'a>(
    r: &mut Reader<'_, 'a>,
    ns: Ns,
    auth_info: Elem<'a>,
    allow_null: bool,
) -> Result<AuthInfo<'a>, CommandError<'a>> {
    r.check_attributes(auth_info, &[])?;
    let result = if let Some(pw) = r.optional(ns, "pw")? {
        r.check_attributes(pw, &["roid"])?;
        let roid = match r.attr("roid") {
            Some(roid) => Some(check_roid(roid.trimmed(), pw)?),
            None => None,
        };
        AuthInfo::Password {
            password: r.text(pw)?,
            roid,
        }
    } else if let Some(ext) = r.optional(ns, "ext")? {
        r.check_attributes(ext, &[])?;
        let Some(inner) = r.next()? else {
            return Err(r.missing_any(ext));
        };
        // extAuthInfoType's wildcard is `##other` in eppcom-1.0.xsd: a
        // namespace, and not eppcom's. Strict processing asks more: an
        // element of a namespace the crate reads must be one of that
        // schema's global elements, and EPP's and the object's own are
        // whole messages and commands, never authorization information;
        // they are refused too.
        let namespace = inner.name.namespace();
        if !is_other_namespace(namespace, Ns::EppCom)
            || namespace == Namespace::Known(Ns::Epp)
            || namespace == Namespace::Known(ns)
        {
            return Err(r.unexpected(inner));
        }
        let local = inner.name.local();
        let span = r.skip(inner)?;
        r.end()?;
        AuthInfo::Ext(RawElement::new(namespace, local, span, r.input()))
    } else if let Some(null) = if allow_null {
        r.optional(ns, "null")?
    } else {
        None
    } {
        r.check_attributes(null, &[])?;
        r.empty(null)?;
        AuthInfo::Null
    } else {
        // Something else where the choice stands is out of place (2001);
        // nothing at all is a missing password (2003).
        return Err(match r.peek()? {
            Some(other) => r.unexpected(other),
            None => r.missing(ns, "pw"),
        });
    };
    r.end()?;
    Ok(result)
}

/// `roidType`: `(\w|_){1,80}-\w{1,8}` (2005 otherwise), on the decoded
/// value. The attribute's element is `at` (just taken).
pub(crate) fn check_roid<'a>(roid: Str<'a>, at: Elem<'a>) -> Result<Str<'a>, CommandError<'a>> {
    // `-` is not a word character, so the first one splits the id from
    // the repository; `_` is (the pattern adds it) only in the id.
    let (mut id, mut repo, mut dash) = (0usize, 0usize, false);
    let mut ok = true;
    for c in value_chars(&roid) {
        match c {
            '-' if !dash => dash = true,
            '_' if !dash => id += 1,
            c if is_schema_word_char(c) => {
                if dash {
                    repo += 1;
                } else {
                    id += 1;
                }
            }
            _ => {
                ok = false;
                break;
            }
        }
    }
    if ok && (1..=80).contains(&id) && (1..=8).contains(&repo) {
        Ok(roid)
    } else {
        Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "a repository object id (ID-REPO)",
            },
            at.element_name(),
            roid,
            at.tag,
        )
        .with_attribute("roid"))
    }
}

/// XML Schema's `\w`: any character but punctuation, separators and
/// "other" (`[^\p{P}\p{Z}\p{C}]`). Exact for ASCII: letters, digits and
/// the symbols `$ + < = > ^ ` | ~` (not `_`, which is punctuation). Past
/// ASCII, letters and digits only: without Unicode's category tables (too
/// big for this core) marks and symbols cannot be told from punctuation,
/// so a `roid` using one is refused although the schema takes it.
fn is_schema_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
            || matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
    } else {
        c.is_alphanumeric()
    }
}

/// The span from `e`'s start tag to the reader's last end tag.
pub(crate) fn element_span(r: &Reader<'_, '_>, e: Elem<'_>) -> Span {
    Span {
        start: e.tag.start,
        end: r.last_end(),
    }
}

impl AuthInfo<'_> {
    /// An empty password: what RFC 9154 has a client send on an info or
    /// transfer query of an object it does not sponsor when it has no
    /// password to give.
    pub const fn empty() -> AuthInfo<'static> {
        AuthInfo::Password {
            password: Str::new(""),
            roid: None,
        }
    }
}

/// A password for `<authInfo>` with 128 bits of entropy, as RFC 9154
/// §4.1 asks: 22 characters of `A–Z a–z 0–9 - _` (6 bits each), made from
/// 16 random bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct GeneratedPassword {
    text: [u8; 22],
}

impl core::fmt::Debug for GeneratedPassword {
    /// Shown masked: it is a secret.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("GeneratedPassword(*****)")
    }
}

const PASSWORD_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

impl GeneratedPassword {
    /// The password for 16 bytes from the caller's random source (which
    /// must be a cryptographically secure one).
    pub fn from_entropy(random: &[u8; 16]) -> Self {
        let n = u128::from_le_bytes(*random);
        let mut text = [0u8; 22];
        for (i, c) in text.iter_mut().enumerate() {
            *c = PASSWORD_ALPHABET[((n >> (6 * i)) & 63) as usize];
        }
        GeneratedPassword { text }
    }

    /// A password from the operating system's random source
    /// (`/dev/urandom`; feature `std`, Unix).
    ///
    /// # Errors
    ///
    /// The I/O error reading the random source.
    #[cfg(all(feature = "std", unix))]
    pub fn generate() -> std::io::Result<Self> {
        use std::io::Read;
        let mut random = [0u8; 16];
        std::fs::File::open("/dev/urandom")?.read_exact(&mut random)?;
        Ok(Self::from_entropy(&random))
    }

    /// The password.
    pub fn as_str(&self) -> &str {
        // Only alphabet bytes, all ASCII.
        core::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// As authorization information for a create or update.
    pub fn auth_info(&self) -> AuthInfo<'_> {
        AuthInfo::Password {
            password: Str::new(self.as_str()),
            roid: None,
        }
    }
}
