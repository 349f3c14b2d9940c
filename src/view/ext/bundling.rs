//! Strict bundling of domain names, `urn:ietf:params:xml:ns:epp:b-dn`
//! (RFC 9095): a domain create names the registered domain name (RDN) with
//! its U-label; every domain response but check reports the bundle, the
//! RDN and the bundled domain names (BDNs) the registry made from it.

use crate::view::command::{Command, DomainCommand, RawElement};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::check_length;
use crate::xml::{Ns, Span};

const NS: Ns = Ns::BundlingDn;

/// `<b-dn:rdn>` or `<b-dn:bdn>`: a domain name (ASCII or A-label) with its
/// U-label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BundledName<'a> {
    /// The name (ASCII or A-label form).
    pub name: Str<'a>,
    /// `uLabel`: the name in U-label form.
    pub u_label: Option<Str<'a>>,
}

impl<'a> BundledName<'a> {
    /// A name built by hand, with its U-label when it is an IDN.
    pub const fn new(name: &'a str, u_label: Option<&'a str>) -> Self {
        BundledName {
            name: Str::new(name),
            u_label: match u_label {
                Some(u) => Some(Str::new(u)),
                None => None,
            },
        }
    }
}

impl<'a> FromChild<'a> for BundledName<'a> {
    fn from_child(c: Child<'a>) -> Self {
        BundledName {
            name: c.token(),
            u_label: c.attr("uLabel").map(Str::trimmed),
        }
    }
}

/// `<b-dn:bundle>`: the registered name and the names bundled with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bundle<'a> {
    /// `<b-dn:rdn>`: the registered domain name.
    pub rdn: BundledName<'a>,
    /// `<b-dn:bdn>`s: the bundled domain names (usually one).
    pub bdns: List<'a, BundledName<'a>>,
}

impl<'a> Bundle<'a> {
    /// A bundle built by hand.
    pub const fn new(rdn: BundledName<'a>, bdns: &'a [BundledName<'a>]) -> Self {
        Bundle {
            rdn,
            bdns: List::from_slice(bdns),
        }
    }
}

/// Which domain response a bundle answers: the element holding it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BundleDataKind {
    /// `<b-dn:infData>`: an info response.
    Info,
    /// `<b-dn:creData>`: a create response.
    Create,
    /// `<b-dn:delData>`: a delete response.
    Delete,
    /// `<b-dn:renData>`: a renew response.
    Renew,
    /// `<b-dn:trnData>`: a transfer response.
    Transfer,
    /// `<b-dn:upData>`: an update response.
    Update,
}

const KINDS: [(BundleDataKind, &str); 6] = [
    (BundleDataKind::Info, "infData"),
    (BundleDataKind::Create, "creData"),
    (BundleDataKind::Delete, "delData"),
    (BundleDataKind::Renew, "renData"),
    (BundleDataKind::Transfer, "trnData"),
    (BundleDataKind::Update, "upData"),
];

impl BundleDataKind {
    /// The element's local name (`infData` …).
    pub const fn as_str(self) -> &'static str {
        match self {
            BundleDataKind::Info => "infData",
            BundleDataKind::Create => "creData",
            BundleDataKind::Delete => "delData",
            BundleDataKind::Renew => "renData",
            BundleDataKind::Transfer => "trnData",
            BundleDataKind::Update => "upData",
        }
    }
}

/// A b-dn extension element.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bundling<'a> {
    /// `<b-dn:create>` of a domain create: the RDN with its U-label
    /// (`None`: an empty `<b-dn:create/>`).
    Create(Option<BundledName<'a>>),
    /// `<b-dn:infData>`, `<b-dn:creData>` … of a domain response.
    Data(BundleDataKind, Bundle<'a>),
}

impl<'a> Bundling<'a> {
    /// The b-dn element `raw`, read tolerantly (a response's bundle
    /// without an `<rdn>` has an empty one).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        if raw.namespace() != crate::xml::Namespace::Known(NS) {
            return None;
        }
        let element = raw.element()?;
        if raw.local() == "create" {
            return Some(Bundling::Create(
                element.child("rdn").map(BundledName::from_child),
            ));
        }
        let (kind, _) = KINDS.into_iter().find(|(_, name)| *name == raw.local())?;
        let bundle = element.child("bundle")?;
        Some(Bundling::Data(
            kind,
            Bundle {
                rdn: bundle
                    .child("rdn")
                    .map(BundledName::from_child)
                    .unwrap_or(BundledName::new("", None)),
                bdns: bundle.list("bdn"),
            },
        ))
    }

    /// The bundle of a response element.
    pub fn bundle(&self) -> Option<Bundle<'a>> {
        match self {
            Bundling::Data(_, bundle) => Some(*bundle),
            Bundling::Create(_) => None,
        }
    }
}

// ----- strict reading, inside read_command -----

/// Reads a b-dn element (`e`, just taken) of a command's `<extension>`
/// strictly: `<b-dn:create>` with a domain create, holding at most one
/// `<b-dn:rdn>`.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    if e.name.local() != "create" || !matches!(command, Command::Domain(DomainCommand::Create(_))) {
        return Err(r.unexpected(e));
    }
    r.check_attributes(e, &[])?;
    if let Some(rdn) = r.optional(NS, "rdn")? {
        r.check_attributes(rdn, &["uLabel"])?;
        if let Some(u_label) = r.attr("uLabel") {
            // eppcom:labelType: a token of 1 to 255 characters.
            check_length(u_label.trimmed(), 1, 255, rdn.element_name(), rdn.tag)
                .map_err(|err| err.with_attribute("uLabel"))?;
        }
        let name = r.token(rdn)?;
        let span = Span {
            start: rdn.tag.start,
            end: r.last_end(),
        };
        check_length(name, 1, 255, rdn.element_name(), span)?;
    }
    r.end()
}
