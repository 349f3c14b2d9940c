//! `<greeting>` (RFC 5730 §2.4): the server's identity, its service menu
//! and its data collection policy, read lazily from the checked payload.

use crate::view::scan::{Child, FromChild, List, Matching, Scope};
use crate::view::str::Str;
use crate::view::value::DateTime;
use crate::xml::Span;

/// A `<greeting>`.
#[derive(Clone, Copy, Debug)]
pub struct Greeting<'a> {
    element: Option<Child<'a>>,
    span: Span,
}

impl<'a> Greeting<'a> {
    /// The `<greeting>` at `span`, a child of the root `<epp>` whose
    /// start tag is `root`.
    pub(crate) fn new(doc: &'a str, root: Span, span: Span) -> Self {
        Greeting {
            element: Child::from_span(
                doc,
                span,
                Matching::SameNamespace,
                Scope::ROOT.within_tag(doc, root),
            ),
            span,
        }
    }

    fn child(&self, local: &str) -> Option<Child<'a>> {
        self.element.and_then(|g| g.child(local))
    }

    /// `<svID>`: the server's name.
    pub fn server_id(&self) -> Option<Str<'a>> {
        self.child("svID").map(|c| c.token())
    }

    /// `<svDate>`, as written.
    pub fn server_date_raw(&self) -> Option<Str<'a>> {
        self.child("svDate").map(|c| c.token())
    }

    /// `<svDate>`, parsed (`None` when absent or not a date-time).
    pub fn server_date(&self) -> Option<DateTime> {
        super::parse_date_time(self.server_date_raw()?)
    }

    fn menu_list(&self, local: &'a str) -> List<'a, Str<'a>> {
        self.child("svcMenu")
            .map_or(List::empty(), |menu| menu.list(local))
    }

    /// `<svcMenu><version>`: the protocol versions offered.
    pub fn versions(&self) -> List<'a, Str<'a>> {
        self.menu_list("version")
    }

    /// `<svcMenu><lang>`: the languages offered.
    pub fn langs(&self) -> List<'a, Str<'a>> {
        self.menu_list("lang")
    }

    /// `<svcMenu><objURI>`: the object services offered.
    pub fn object_uris(&self) -> List<'a, Str<'a>> {
        self.menu_list("objURI")
    }

    /// `<svcMenu><svcExtension><extURI>`: the extensions offered.
    pub fn extension_uris(&self) -> List<'a, Str<'a>> {
        self.child("svcMenu")
            .and_then(|menu| menu.child("svcExtension"))
            .map_or(List::empty(), |ext| ext.list("extURI"))
    }

    /// `<dcp>`: the data collection policy.
    pub fn dcp(&self) -> Option<Dcp<'a>> {
        self.child("dcp").map(|element| Dcp { element })
    }

    /// The `<greeting>` element in the payload.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// The name of the first child element of `e`, if any (`<all/>` → `"all"`).
fn first_child_name<'a>(e: Child<'a>) -> Option<&'a str> {
    e.children().next().map(|c| c.local())
}

/// `<dcp>`: the server's data collection policy (RFC 5730 §2.4).
#[derive(Clone, Copy, Debug)]
pub struct Dcp<'a> {
    element: Child<'a>,
}

/// `<access>`: which data the client may see.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access<'a> {
    /// `<all/>`.
    All,
    /// `<none/>`.
    None,
    /// `<null/>`: no personal data is collected.
    Null,
    /// `<personal/>`.
    Personal,
    /// `<personalAndOther/>`.
    PersonalAndOther,
    /// `<other/>`.
    Other,
    /// An element RFC 5730 does not define, by local name.
    Unknown(&'a str),
}

impl<'a> Dcp<'a> {
    /// `<access>`.
    pub fn access(&self) -> Option<Access<'a>> {
        let name = first_child_name(self.element.child("access")?)?;
        Some(match name {
            "all" => Access::All,
            "none" => Access::None,
            "null" => Access::Null,
            "personal" => Access::Personal,
            "personalAndOther" => Access::PersonalAndOther,
            "other" => Access::Other,
            other => Access::Unknown(other),
        })
    }

    /// Every `<statement>`.
    pub fn statements(&self) -> List<'a, Statement<'a>> {
        self.element.list("statement")
    }

    /// `<expiry>`: when the policy expires.
    pub fn expiry(&self) -> Option<Expiry<'a>> {
        let expiry = self.element.child("expiry")?;
        if let Some(absolute) = expiry.child("absolute") {
            return Some(Expiry::Absolute(absolute.token()));
        }
        expiry
            .child("relative")
            .map(|relative| Expiry::Relative(relative.token()))
    }
}

/// `<expiry>`: an absolute date-time or a relative duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry<'a> {
    /// `<absolute>`: a date-time, as written.
    Absolute(Str<'a>),
    /// `<relative>`: an XML Schema duration (e.g. `P1M`), as written.
    Relative(Str<'a>),
}

impl Expiry<'_> {
    /// The absolute expiry, parsed.
    pub fn absolute(&self) -> Option<DateTime> {
        match self {
            Expiry::Absolute(raw) => super::parse_date_time(*raw),
            Expiry::Relative(_) => None,
        }
    }
}

/// Flags for the children of `<purpose>`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purposes {
    /// `<admin/>`.
    pub admin: bool,
    /// `<contact/>`.
    pub contact: bool,
    /// `<prov/>`.
    pub provisioning: bool,
    /// `<other/>`.
    pub other: bool,
}

/// Flags for the children of `<recipient>`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recipients {
    /// `<other/>`.
    pub other: bool,
    /// `<ours>` (see [`Statement::our_recipients`]).
    pub ours: bool,
    /// `<public/>`.
    pub public: bool,
    /// `<same/>`.
    pub same: bool,
    /// `<unrelated/>`.
    pub unrelated: bool,
}

/// `<retention>`.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retention<'a> {
    /// `<business/>`.
    Business,
    /// `<indefinite/>`.
    Indefinite,
    /// `<legal/>`.
    Legal,
    /// `<none/>`.
    None,
    /// `<stated/>`.
    Stated,
    /// An element RFC 5730 does not define, by local name.
    Unknown(&'a str),
}

/// One `<statement>` of the data collection policy.
#[derive(Clone, Copy, Debug)]
pub struct Statement<'a> {
    element: Child<'a>,
}

impl<'a> Statement<'a> {
    /// `<purpose>`.
    pub fn purposes(&self) -> Purposes {
        let mut p = Purposes::default();
        for c in self
            .element
            .child("purpose")
            .iter()
            .flat_map(|e| e.children())
        {
            match c.local() {
                "admin" => p.admin = true,
                "contact" => p.contact = true,
                "prov" => p.provisioning = true,
                "other" => p.other = true,
                _ => {}
            }
        }
        p
    }

    /// `<recipient>`.
    pub fn recipients(&self) -> Recipients {
        let mut r = Recipients::default();
        for c in self
            .element
            .child("recipient")
            .iter()
            .flat_map(|e| e.children())
        {
            match c.local() {
                "other" => r.other = true,
                "ours" => r.ours = true,
                "public" => r.public = true,
                "same" => r.same = true,
                "unrelated" => r.unrelated = true,
                _ => {}
            }
        }
        r
    }

    /// Every `<recipient><ours>`: the schema lets a statement name several
    /// of "our" recipients, each with an optional `<recDesc>`.
    pub fn our_recipients(&self) -> List<'a, OurRecipient<'a>> {
        self.element
            .child("recipient")
            .map_or(List::empty(), |r| r.list("ours"))
    }

    /// The `<recDesc>` of every `<ours>` that has one, in document order.
    pub fn our_recipient_descriptions(&self) -> impl Iterator<Item = Str<'a>> + 'a {
        self.our_recipients()
            .iter()
            .filter_map(|ours| ours.description())
    }

    /// `<retention>`.
    pub fn retention(&self) -> Option<Retention<'a>> {
        let name = first_child_name(self.element.child("retention")?)?;
        Some(match name {
            "business" => Retention::Business,
            "indefinite" => Retention::Indefinite,
            "legal" => Retention::Legal,
            "none" => Retention::None,
            "stated" => Retention::Stated,
            other => Retention::Unknown(other),
        })
    }
}

/// One `<ours>` recipient of a statement: read from a greeting, or built
/// by hand to write one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OurRecipient<'a> {
    description: Option<Str<'a>>,
}

impl<'a> OurRecipient<'a> {
    /// An `<ours>` with `<recDesc>description</recDesc>`, or bare (`None`).
    pub const fn new(description: Option<Str<'a>>) -> Self {
        OurRecipient { description }
    }

    /// `<recDesc>`: what the recipient is.
    pub fn description(&self) -> Option<Str<'a>> {
        self.description
    }
}

impl<'a> FromChild<'a> for OurRecipient<'a> {
    fn from_child(child: Child<'a>) -> Self {
        OurRecipient {
            // `recDesc` is a `token`: its surrounding white space is layout.
            description: child.child("recDesc").map(|d| d.token()),
        }
    }
}

impl<'a> FromChild<'a> for Statement<'a> {
    fn from_child(child: Child<'a>) -> Self {
        Statement { element: child }
    }
}
