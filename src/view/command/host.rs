//! Host commands (RFC 5732): check, info, create, update, delete.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::Verb;
use super::common::element_span;
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::{IpVersion, check_enum, check_ip, check_length, plain_ascii};
use crate::xml::Ns;

const NS: Ns = Ns::Host;

/// A host command, by verb.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum HostCommand<'a> {
    /// `<host:check>`: are these names available?
    Check(Check<'a>),
    /// `<host:info>`.
    Info(Info<'a>),
    /// `<host:create>`.
    Create(Create<'a>),
    /// `<host:update>`.
    Update(Update<'a>),
    /// `<host:delete>`.
    Delete(Delete<'a>),
}

/// `<host:check>`: one or more host names.
#[derive(Clone, Copy, Debug)]
pub struct Check<'a> {
    names: List<'a, Str<'a>>,
}

impl<'a> Check<'a> {
    /// A check of `names`, built by hand.
    pub const fn new(names: &'a [Str<'a>]) -> Self {
        Check {
            names: List::from_slice(names),
        }
    }

    /// The names to check (1–255 characters each).
    pub fn names(&self) -> List<'a, Str<'a>> {
        self.names
    }
}

/// `<host:info>`.
#[derive(Clone, Copy, Debug)]
pub struct Info<'a> {
    name: Str<'a>,
}

impl<'a> Info<'a> {
    /// An info of host `name`, built by hand.
    pub const fn new(name: &'a str) -> Self {
        Info {
            name: Str::new(name),
        }
    }

    /// The host name.
    pub fn name(&self) -> Str<'a> {
        self.name
    }
}

/// `<host:delete>`.
#[derive(Clone, Copy, Debug)]
pub struct Delete<'a> {
    name: Str<'a>,
}

impl<'a> Delete<'a> {
    /// A delete of host `name`, built by hand.
    pub const fn new(name: &'a str) -> Self {
        Delete {
            name: Str::new(name),
        }
    }

    /// The host name.
    pub fn name(&self) -> Str<'a> {
        self.name
    }
}

/// `<host:create>`: a name and its addresses.
#[derive(Clone, Copy, Debug)]
pub struct Create<'a> {
    name: Str<'a>,
    addresses: List<'a, Address<'a>>,
}

impl<'a> Create<'a> {
    /// A create of host `name` with no addresses, built by hand.
    pub const fn new(name: &'a str) -> Self {
        Create {
            name: Str::new(name),
            addresses: List::empty(),
        }
    }

    /// The same with `addresses`.
    pub const fn with_addresses(mut self, addresses: &'a [Address<'a>]) -> Self {
        self.addresses = List::from_slice(addresses);
        self
    }

    /// The host name.
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// `<host:addr>`: the host's IP addresses (needed when the host is in
    /// a zone the registry serves).
    pub fn addresses(&self) -> List<'a, Address<'a>> {
        self.addresses
    }
}

/// `<host:update>`: addresses and statuses to add and remove, and a new name.
#[derive(Clone, Copy, Debug)]
pub struct Update<'a> {
    name: Str<'a>,
    add: AddRemove<'a>,
    remove: AddRemove<'a>,
    new_name: Option<Str<'a>>,
}

impl<'a> Update<'a> {
    /// An update of host `name` changing nothing yet, built by hand.
    pub const fn new(name: &'a str) -> Self {
        Update {
            name: Str::new(name),
            add: AddRemove::ABSENT,
            remove: AddRemove::ABSENT,
            new_name: None,
        }
    }

    /// The same, adding `add`.
    pub const fn with_add(mut self, add: AddRemove<'a>) -> Self {
        self.add = add;
        self
    }

    /// The same, removing `remove`.
    pub const fn with_remove(mut self, remove: AddRemove<'a>) -> Self {
        self.remove = remove;
        self
    }

    /// The same, renaming the host to `new_name`.
    pub const fn with_new_name(mut self, new_name: &'a str) -> Self {
        self.new_name = Some(Str::new(new_name));
        self
    }

    /// The host name.
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// `<host:add>`: what to add (empty lists when absent).
    pub fn add(&self) -> AddRemove<'a> {
        self.add
    }

    /// `<host:rem>`: what to remove (empty lists when absent).
    pub fn remove(&self) -> AddRemove<'a> {
        self.remove
    }

    /// `<host:chg><host:name>`: the new name, if the host is renamed.
    pub fn new_name(&self) -> Option<Str<'a>> {
        self.new_name
    }
}

/// The content of `<host:add>` or `<host:rem>`.
#[derive(Clone, Copy, Debug)]
pub struct AddRemove<'a> {
    present: bool,
    addresses: List<'a, Address<'a>>,
    statuses: List<'a, Status<'a>>,
}

impl Default for AddRemove<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> AddRemove<'a> {
    const ABSENT: AddRemove<'static> = AddRemove {
        present: false,
        addresses: List::empty(),
        statuses: List::empty(),
    };

    /// An empty `<host:add>` or `<host:rem>`, built by hand.
    pub const fn new() -> Self {
        AddRemove {
            present: true,
            addresses: List::empty(),
            statuses: List::empty(),
        }
    }

    /// The same with `addresses`.
    pub const fn with_addresses(mut self, addresses: &'a [Address<'a>]) -> Self {
        self.addresses = List::from_slice(addresses);
        self
    }

    /// The same with `statuses`.
    pub const fn with_statuses(mut self, statuses: &'a [Status<'a>]) -> Self {
        self.statuses = List::from_slice(statuses);
        self
    }

    /// Whether the element was present (it may be present and empty).
    pub fn is_present(&self) -> bool {
        self.present
    }

    /// The addresses.
    pub fn addresses(&self) -> List<'a, Address<'a>> {
        self.addresses
    }

    /// The statuses (at most 7).
    pub fn statuses(&self) -> List<'a, Status<'a>> {
        self.statuses
    }
}

/// An IP address of a host (`<host:addr>`, also `<domain:hostAddr>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Address<'a> {
    raw: Str<'a>,
    version: IpVersion,
    /// Whether the `ip` attribute is written (it was, or the value was built).
    version_written: bool,
    /// `None` when `raw` is not a literal of `version` (only in a response).
    ip: Option<IpAddr>,
}

impl<'a> Address<'a> {
    /// An address built by hand from its text (IPv4 dotted quad or IPv6);
    /// `None` when `text` is neither.
    pub fn parse(text: &'a str) -> Option<Self> {
        let ip: IpAddr = text.parse().ok()?;
        let version = match ip {
            IpAddr::V4(_) => IpVersion::V4,
            IpAddr::V6(_) => IpVersion::V6,
        };
        Some(Address {
            raw: Str::new(text),
            version,
            version_written: true,
            ip: Some(ip),
        })
    }

    /// Whether the `ip` attribute was present (or the address was built by
    /// hand): `false` only for an address read without one (`v4` then).
    pub fn has_version_attribute(&self) -> bool {
        self.version_written
    }

    /// The address as written (3–45 characters).
    pub fn raw(&self) -> Str<'a> {
        self.raw
    }

    /// The `ip` attribute (`v4` when absent).
    pub fn version(&self) -> IpVersion {
        self.version
    }

    /// The address, parsed as the [`version`](Self::version) says: `None`
    /// when the text is not a literal of that version (an IPv6 literal
    /// without `ip="v6"`, or not an address at all; [`raw`](Self::raw)
    /// keeps it). Never `None` in a command the strict reader accepted (it
    /// refuses such an address, 2005) nor for an address built by hand; a
    /// response, read tolerantly, can hold anything.
    pub fn ip(&self) -> Option<IpAddr> {
        self.ip
    }
}

const IP_VERSIONS: &[(&str, IpVersion)] = &[("v4", IpVersion::V4), ("v6", IpVersion::V6)];

impl<'a> FromChild<'a> for Address<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let attribute = child.attr("ip");
        let version = match attribute {
            Some(v) if v.trimmed().eq_str("v6") => IpVersion::V6,
            _ => IpVersion::V4,
        };
        let raw = child.token();
        let mut buf = [0u8; 64];
        let text = plain_ascii(&raw, &mut buf);
        // Checked when a command is read; a response's may be anything.
        let ip = match version {
            IpVersion::V4 => text.parse::<Ipv4Addr>().ok().map(IpAddr::V4),
            IpVersion::V6 => text.parse::<Ipv6Addr>().ok().map(IpAddr::V6),
        };
        Address {
            raw,
            version,
            version_written: attribute.is_some(),
            ip,
        }
    }
}

/// Reads one address element (`e`, just taken) of namespace `ns`: the `ip`
/// attribute, the length (3–45) and the literal.
pub(crate) fn read_address<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["ip"])?;
    let version = match r.attr("ip") {
        Some(v) => check_enum(
            v.trimmed(),
            IP_VERSIONS,
            "v4 or v6",
            e.element_name(),
            e.tag,
        )
        .map_err(|err| err.with_attribute("ip"))?,
        None => IpVersion::V4,
    };
    let value = r.token(e)?;
    let span = element_span(r, e);
    check_length(value, 3, 45, e.element_name(), span)?;
    check_ip(value, version, e.element_name(), span)?;
    Ok(())
}

macro_rules! status_values {
    ($(#[$doc:meta])* $name:ident { $( $variant:ident = $text:literal, )* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( #[doc = concat!("`", $text, "`")] $variant, )*
        }

        impl $name {
            /// Every value, in schema order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The value as written in the `s` attribute.
            pub const fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )* }
            }

            const TABLE: &'static [(&'static str, $name)] = &[ $( ($text, $name::$variant), )* ];

            /// The status written `s`.
            pub fn from_str_exact(s: &str) -> Option<$name> {
                Self::TABLE.iter().find(|(t, _)| *t == s).map(|&(_, v)| v)
            }
        }
    };
}

status_values! {
    /// A host status (RFC 5732 §2.3).
    HostStatus {
        ClientDeleteProhibited = "clientDeleteProhibited",
        ClientUpdateProhibited = "clientUpdateProhibited",
        Linked = "linked",
        Ok = "ok",
        PendingCreate = "pendingCreate",
        PendingDelete = "pendingDelete",
        PendingTransfer = "pendingTransfer",
        PendingUpdate = "pendingUpdate",
        ServerDeleteProhibited = "serverDeleteProhibited",
        ServerUpdateProhibited = "serverUpdateProhibited",
    }
}

impl HostStatus {
    /// Whether a client may add or remove this status (the `client*` ones).
    pub const fn is_client_settable(self) -> bool {
        matches!(
            self,
            HostStatus::ClientDeleteProhibited | HostStatus::ClientUpdateProhibited
        )
    }
}

/// `<host:status s="…" lang="…">text</host:status>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status<'a> {
    value: HostStatus,
    raw: Str<'a>,
    lang: Option<Str<'a>>,
    text: Str<'a>,
}

impl<'a> Status<'a> {
    /// A status built by hand, with no text.
    pub const fn new(value: HostStatus) -> Self {
        Status {
            value,
            raw: Str::new(value.as_str()),
            lang: None,
            text: Str::new(""),
        }
    }

    /// The same with human-readable `text` in language `lang` (`None`: English).
    pub const fn with_text(mut self, text: &'a str, lang: Option<&'a str>) -> Self {
        self.text = Str::new(text);
        self.lang = match lang {
            Some(lang) => Some(Str::new(lang)),
            None => None,
        };
        self
    }

    /// The `s` attribute.
    pub fn value(&self) -> HostStatus {
        self.value
    }

    /// The `s` attribute as written (trimmed), as domain and contact
    /// statuses give it; for a status built by hand, its name
    /// ([`HostStatus::as_str`]).
    pub fn raw(&self) -> Str<'a> {
        self.raw
    }

    /// The `lang` attribute of the text (`en` when absent).
    pub fn lang(&self) -> Option<Str<'a>> {
        self.lang
    }

    /// The human-readable text (often empty).
    pub fn text(&self) -> Str<'a> {
        self.text
    }
}

impl<'a> FromChild<'a> for Status<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let raw = child.attr("s").map(Str::trimmed).unwrap_or_default();
        let value = HostStatus::TABLE
            .iter()
            .find(|(text, _)| raw.eq_str(text))
            .map_or(HostStatus::Ok, |&(_, v)| v);
        Status {
            value,
            raw,
            lang: child.attr("lang").map(Str::trimmed),
            text: child.text(),
        }
    }
}

fn read_status<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["s", "lang"])?;
    let s = r.required_attr(e, "s")?;
    check_enum(
        s.trimmed(),
        HostStatus::TABLE,
        "a host status",
        e.element_name(),
        e.tag,
    )
    .map_err(|err| err.with_attribute("s"))?;
    if let Some(lang) = r.attr("lang") {
        super::check_language(lang.trimmed(), e, "lang")?;
    }
    r.text(e)?;
    Ok(())
}

/// Reads `<host:name>` (required), 1–255 characters.
fn read_name<'a>(r: &mut Reader<'_, 'a>) -> Result<Str<'a>, CommandError<'a>> {
    let e = r.required(NS, "name")?;
    r.check_attributes(e, &[])?;
    let value = r.token(e)?;
    check_length(value, 1, 255, e.element_name(), element_span(r, e))
}

pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    verb: Verb,
    object: Elem<'a>,
) -> Result<HostCommand<'a>, CommandError<'a>> {
    if object.name.local() != verb.as_str() || matches!(verb, Verb::Renew | Verb::Transfer(_)) {
        return Err(r.unexpected(object));
    }
    r.check_attributes(object, &[])?;
    let command = match verb {
        Verb::Check => {
            let (span, len) = r.run(NS, "name", 1, u32::MAX, |r, e| {
                r.check_attributes(e, &[])?;
                let value = r.token(e)?;
                check_length(value, 1, 255, e.element_name(), element_span(r, e)).map(|_| ())
            })?;
            HostCommand::Check(Check {
                names: List::from_doc(r.input(), span, len),
            })
        }
        Verb::Info => HostCommand::Info(Info {
            name: read_name(r)?,
        }),
        Verb::Delete => HostCommand::Delete(Delete {
            name: read_name(r)?,
        }),
        Verb::Create => {
            let name = read_name(r)?;
            let (span, len) = r.run(NS, "addr", 0, u32::MAX, read_address)?;
            HostCommand::Create(Create {
                name,
                addresses: List::from_doc(r.input(), span, len),
            })
        }
        Verb::Update => {
            let name = read_name(r)?;
            let add = read_add_remove(r, "add")?;
            let remove = read_add_remove(r, "rem")?;
            let mut new_name = None;
            if let Some(chg) = r.optional(NS, "chg")? {
                r.check_attributes(chg, &[])?;
                new_name = Some(read_name(r)?);
                r.end()?;
            }
            HostCommand::Update(Update {
                name,
                add,
                remove,
                new_name,
            })
        }
        Verb::Renew | Verb::Transfer(_) => return Err(r.unexpected(object)),
    };
    r.end()?;
    Ok(command)
}

fn read_add_remove<'a>(
    r: &mut Reader<'_, 'a>,
    local: &'static str,
) -> Result<AddRemove<'a>, CommandError<'a>> {
    let Some(e) = r.optional(NS, local)? else {
        return Ok(AddRemove::ABSENT);
    };
    r.check_attributes(e, &[])?;
    let (addr_span, addr_len) = r.run(NS, "addr", 0, u32::MAX, read_address)?;
    let (status_span, status_len) = r.run(NS, "status", 0, 7, read_status)?;
    r.end()?;
    Ok(AddRemove {
        present: true,
        addresses: List::from_doc(r.input(), addr_span, addr_len),
        statuses: List::from_doc(r.input(), status_span, status_len),
    })
}
