//! Domain commands (RFC 5731), read strictly against `domain-1.0.xsd`.
//!
//! [`DomainCommand`] has one variant per verb; each holds a view whose
//! accessors give the values typed (a [`Period`], a [`DomainStatus`], an
//! [`IpAddr`], a [`Date`]) and, where the schema has a type, also as the
//! [`Str`] written in the payload (for echoing in a `<result><value>`).
//!
//! ```
//! use epp_codec::view::{read_command, Command, DomainCommand, PeriodUnit};
//! use epp_codec::view::command::domain::{ContactType, NameServers};
//! let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
//!   <domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
//!     <domain:name>example.com</domain:name>
//!     <domain:period unit="y">2</domain:period>
//!     <domain:ns><domain:hostObj>ns1.example.net</domain:hostObj></domain:ns>
//!     <domain:registrant>jd1234</domain:registrant>
//!     <domain:contact type="admin">sh8013</domain:contact>
//!     <domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo>
//!   </domain:create></create></command></epp>"#;
//! let request = read_command(payload).unwrap();
//! let Command::Domain(DomainCommand::Create(create)) = request.command() else { panic!() };
//! assert_eq!(create.name(), "example.com");
//! let period = create.period().unwrap();
//! assert_eq!((period.value, period.unit), (2, PeriodUnit::Years));
//! let Some(NameServers::HostObjs(hosts)) = create.ns() else { panic!() };
//! assert_eq!(hosts.first().unwrap(), "ns1.example.net");
//! let contact = create.contacts().first().unwrap();
//! assert_eq!((contact.contact_type(), contact.id()), (Some(ContactType::Admin), "sh8013".into()));
//! ```

use core::net::IpAddr;

use super::common::{AuthInfo, element_span, read_auth_info};
use super::{TransferOp, Verb};
use crate::view::error::{CommandError, CommandErrorKind, ElementName};
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::{
    Date, IpVersion, Period, PeriodUnit, check_date, check_enum, check_ip, check_length,
    check_unsigned, value_error,
};
use crate::xml::{Ns, Span};

const NS: Ns = Ns::Domain;

/// A domain command (RFC 5731 §3), one variant per verb.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DomainCommand<'a> {
    /// `<domain:check>`: are these names available?
    Check(Check<'a>),
    /// `<domain:info>`: the data of one domain.
    Info(Info<'a>),
    /// `<domain:create>`.
    Create(Create<'a>),
    /// `<domain:delete>`.
    Delete(Delete<'a>),
    /// `<domain:renew>`.
    Renew(Renew<'a>),
    /// `<domain:transfer>`, with the `op` of the `<transfer>` element.
    Transfer {
        /// The transfer operation (`op` attribute of `<transfer>`).
        op: TransferOp,
        /// The `<domain:transfer>` element.
        transfer: Transfer<'a>,
    },
    /// `<domain:update>`.
    Update(Update<'a>),
}

impl DomainCommand<'_> {
    /// The verb of the command.
    pub fn verb(&self) -> Verb {
        match self {
            DomainCommand::Check(_) => Verb::Check,
            DomainCommand::Info(_) => Verb::Info,
            DomainCommand::Create(_) => Verb::Create,
            DomainCommand::Delete(_) => Verb::Delete,
            DomainCommand::Renew(_) => Verb::Renew,
            DomainCommand::Transfer { op, .. } => Verb::Transfer(*op),
            DomainCommand::Update(_) => Verb::Update,
        }
    }
}

// ----- the views -----

/// `<domain:check>` (RFC 5731 §3.1.1).
#[derive(Clone, Copy, Debug, PartialEq)]
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

    /// `<domain:name>`s: the names to check (at least one, each 1–255 characters).
    pub fn names(&self) -> List<'a, Str<'a>> {
        self.names
    }
}

/// `<domain:info>` (RFC 5731 §3.1.2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Info<'a> {
    name: Str<'a>,
    hosts: HostsFilter,
    hosts_raw: Option<Str<'a>>,
    auth_info: Option<AuthInfo<'a>>,
}

impl<'a> Info<'a> {
    /// An info of `name`, built by hand (no `hosts` attribute, no authInfo).
    pub const fn new(name: &'a str) -> Self {
        Info {
            name: Str::new(name),
            hosts: HostsFilter::All,
            hosts_raw: None,
            auth_info: None,
        }
    }

    /// The same asking for `hosts`.
    pub const fn with_hosts(mut self, hosts: HostsFilter) -> Self {
        self.hosts = hosts;
        self.hosts_raw = Some(Str::new(hosts.as_str()));
        self
    }

    /// The same with authorization information.
    pub const fn with_auth_info(mut self, auth_info: AuthInfo<'a>) -> Self {
        self.auth_info = Some(auth_info);
        self
    }

    /// `<domain:name>`: the domain (1–255 characters).
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// The `hosts` attribute of `<domain:name>`: which host information to
    /// return ([`HostsFilter::All`] when absent).
    pub fn hosts(&self) -> HostsFilter {
        self.hosts
    }

    /// The `hosts` attribute as written, if present.
    pub fn hosts_raw(&self) -> Option<Str<'a>> {
        self.hosts_raw
    }

    /// `<domain:authInfo>`, if given (never [`AuthInfo::Null`]).
    pub fn auth_info(&self) -> Option<AuthInfo<'a>> {
        self.auth_info
    }
}

/// `<domain:create>` (RFC 5731 §3.2.1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Create<'a> {
    name: Str<'a>,
    period: Option<PeriodValue<'a>>,
    ns: Option<NameServers<'a>>,
    registrant: Option<Str<'a>>,
    contacts: List<'a, Contact<'a>>,
    auth_info: AuthInfo<'a>,
}

impl<'a> Create<'a> {
    /// A create of `name` with `auth_info`, built by hand (no period, name
    /// servers, registrant or contacts: add them with the `with_*` methods).
    pub const fn new(name: &'a str, auth_info: AuthInfo<'a>) -> Self {
        Create {
            name: Str::new(name),
            period: None,
            ns: None,
            registrant: None,
            contacts: List::empty(),
            auth_info,
        }
    }

    /// The same for `period`.
    pub const fn with_period(mut self, period: Period) -> Self {
        self.period = Some(PeriodValue::built(period));
        self
    }

    /// The same with name servers.
    pub const fn with_name_servers(mut self, ns: NameServers<'a>) -> Self {
        self.ns = Some(ns);
        self
    }

    /// The same with a registrant.
    pub const fn with_registrant(mut self, registrant: &'a str) -> Self {
        self.registrant = Some(Str::new(registrant));
        self
    }

    /// The same with contacts.
    pub const fn with_contacts(mut self, contacts: &'a [Contact<'a>]) -> Self {
        self.contacts = List::from_slice(contacts);
        self
    }

    /// `<domain:name>`: the domain to create (1–255 characters).
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// `<domain:period>`: the initial registration period, if given.
    pub fn period(&self) -> Option<Period> {
        self.period.map(|p| p.period)
    }

    /// `<domain:period>`'s number as written, if given (`None` when built by hand).
    pub fn period_raw(&self) -> Option<Str<'a>> {
        // Empty for a period built by hand.
        self.period
            .map(|p| p.raw)
            .filter(|raw| !raw.raw().is_empty())
    }

    /// `<domain:ns>`: the name servers, if given.
    pub fn ns(&self) -> Option<NameServers<'a>> {
        self.ns
    }

    /// `<domain:registrant>`: the registrant contact id (3–16 characters), if given.
    pub fn registrant(&self) -> Option<Str<'a>> {
        self.registrant
    }

    /// `<domain:contact>`s: the other contacts, in order.
    pub fn contacts(&self) -> List<'a, Contact<'a>> {
        self.contacts
    }

    /// `<domain:authInfo>`: the authorization information (never [`AuthInfo::Null`]).
    pub fn auth_info(&self) -> AuthInfo<'a> {
        self.auth_info
    }
}

/// `<domain:delete>` (RFC 5731 §3.2.2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delete<'a> {
    name: Str<'a>,
}

impl<'a> Delete<'a> {
    /// A delete of `name`, built by hand.
    pub const fn new(name: &'a str) -> Self {
        Delete {
            name: Str::new(name),
        }
    }

    /// `<domain:name>`: the domain to delete (1–255 characters).
    pub fn name(&self) -> Str<'a> {
        self.name
    }
}

/// `<domain:renew>` (RFC 5731 §3.2.3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Renew<'a> {
    name: Str<'a>,
    current_expiry: Date,
    current_expiry_raw: Str<'a>,
    period: Option<PeriodValue<'a>>,
}

impl<'a> Renew<'a> {
    /// A renewal of `name`, which now expires on `current_expiry`, built by
    /// hand (no period: the server's default).
    pub const fn new(name: &'a str, current_expiry: Date) -> Self {
        Renew {
            name: Str::new(name),
            current_expiry,
            // Empty: written from `current_expiry`.
            current_expiry_raw: Str::new(""),
            period: None,
        }
    }

    /// The same for `period`.
    pub const fn with_period(mut self, period: Period) -> Self {
        self.period = Some(PeriodValue::built(period));
        self
    }

    /// `<domain:name>`: the domain to renew (1–255 characters).
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// `<domain:curExpDate>`: the current expiration date, which the
    /// client must know to renew (guards against replays).
    pub fn current_expiry(&self) -> Date {
        self.current_expiry
    }

    /// `<domain:curExpDate>` as written (trimmed); empty when built by hand.
    pub fn current_expiry_raw(&self) -> Str<'a> {
        self.current_expiry_raw
    }

    /// `<domain:period>`: how long to renew for, if given.
    pub fn period(&self) -> Option<Period> {
        self.period.map(|p| p.period)
    }

    /// `<domain:period>`'s number as written, if given (`None` when built by hand).
    pub fn period_raw(&self) -> Option<Str<'a>> {
        // Empty for a period built by hand.
        self.period
            .map(|p| p.raw)
            .filter(|raw| !raw.raw().is_empty())
    }
}

/// `<domain:transfer>` (RFC 5731 §3.1.3 query, §3.2.4 the others); the op
/// is in [`DomainCommand::Transfer`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transfer<'a> {
    name: Str<'a>,
    period: Option<PeriodValue<'a>>,
    auth_info: Option<AuthInfo<'a>>,
}

impl<'a> Transfer<'a> {
    /// A transfer of `name`, built by hand (no period, no authInfo).
    pub const fn new(name: &'a str) -> Self {
        Transfer {
            name: Str::new(name),
            period: None,
            auth_info: None,
        }
    }

    /// The same for `period`.
    pub const fn with_period(mut self, period: Period) -> Self {
        self.period = Some(PeriodValue::built(period));
        self
    }

    /// The same with authorization information.
    pub const fn with_auth_info(mut self, auth_info: AuthInfo<'a>) -> Self {
        self.auth_info = Some(auth_info);
        self
    }

    /// `<domain:name>`: the domain (1–255 characters).
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// `<domain:period>`: the period to add to the registration (with
    /// `op="request"`), if given.
    pub fn period(&self) -> Option<Period> {
        self.period.map(|p| p.period)
    }

    /// `<domain:period>`'s number as written, if given (`None` when built by hand).
    pub fn period_raw(&self) -> Option<Str<'a>> {
        // Empty for a period built by hand.
        self.period
            .map(|p| p.raw)
            .filter(|raw| !raw.raw().is_empty())
    }

    /// `<domain:authInfo>`, if given (never [`AuthInfo::Null`]).
    pub fn auth_info(&self) -> Option<AuthInfo<'a>> {
        self.auth_info
    }
}

/// `<domain:update>` (RFC 5731 §3.2.5).
///
/// The schema lets `<domain:add>`, `<domain:rem>` and `<domain:chg>` all be
/// absent; RFC 5731 requires at least one of them unless the command
/// carries an `<update>` extension (such as RGP restore). A server checks
/// that with [`has_changes`](Self::has_changes) and the request's extensions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Update<'a> {
    name: Str<'a>,
    add: Option<AddRemove<'a>>,
    rem: Option<AddRemove<'a>>,
    chg: Option<Change<'a>>,
}

impl<'a> Update<'a> {
    /// An update of `name` changing nothing yet, built by hand.
    pub const fn new(name: &'a str) -> Self {
        Update {
            name: Str::new(name),
            add: None,
            rem: None,
            chg: None,
        }
    }

    /// The same, adding `add`.
    pub const fn with_add(mut self, add: AddRemove<'a>) -> Self {
        self.add = Some(add);
        self
    }

    /// The same, removing `remove`.
    pub const fn with_remove(mut self, remove: AddRemove<'a>) -> Self {
        self.rem = Some(remove);
        self
    }

    /// The same, with `change`.
    pub const fn with_change(mut self, change: Change<'a>) -> Self {
        self.chg = Some(change);
        self
    }

    /// `<domain:name>`: the domain to update (1–255 characters).
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// `<domain:add>`: what to add, if given.
    pub fn add(&self) -> Option<AddRemove<'a>> {
        self.add
    }

    /// `<domain:rem>`: what to remove, if given.
    pub fn remove(&self) -> Option<AddRemove<'a>> {
        self.rem
    }

    /// `<domain:chg>`: what to change, if given.
    pub fn change(&self) -> Option<Change<'a>> {
        self.chg
    }

    /// Whether at least one of `<domain:add>`, `<domain:rem>`,
    /// `<domain:chg>` is present (even empty).
    pub fn has_changes(&self) -> bool {
        self.add.is_some() || self.rem.is_some() || self.chg.is_some()
    }
}

/// `<domain:add>` or `<domain:rem>` of an update (`addRemType`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AddRemove<'a> {
    ns: Option<NameServers<'a>>,
    contacts: List<'a, Contact<'a>>,
    statuses: List<'a, Status<'a>>,
}

impl Default for AddRemove<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> AddRemove<'a> {
    /// An empty `<domain:add>` or `<domain:rem>`, built by hand.
    pub const fn new() -> Self {
        AddRemove {
            ns: None,
            contacts: List::empty(),
            statuses: List::empty(),
        }
    }

    /// The same with name servers.
    pub const fn with_name_servers(mut self, ns: NameServers<'a>) -> Self {
        self.ns = Some(ns);
        self
    }

    /// The same with contacts.
    pub const fn with_contacts(mut self, contacts: &'a [Contact<'a>]) -> Self {
        self.contacts = List::from_slice(contacts);
        self
    }

    /// The same with statuses.
    pub const fn with_statuses(mut self, statuses: &'a [Status<'a>]) -> Self {
        self.statuses = List::from_slice(statuses);
        self
    }

    /// `<domain:ns>`: name servers to add or remove, if given.
    pub fn ns(&self) -> Option<NameServers<'a>> {
        self.ns
    }

    /// `<domain:contact>`s to add or remove, in order.
    pub fn contacts(&self) -> List<'a, Contact<'a>> {
        self.contacts
    }

    /// `<domain:status>`es to add or remove (at most 11), in order.
    pub fn statuses(&self) -> List<'a, Status<'a>> {
        self.statuses
    }

    /// Whether the element is empty.
    pub fn is_empty(&self) -> bool {
        self.ns.is_none() && self.contacts.is_empty() && self.statuses.is_empty()
    }
}

/// `<domain:chg>` of an update (`chgType`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change<'a> {
    registrant: Option<RegistrantChange<'a>>,
    auth_info: Option<AuthInfo<'a>>,
}

impl Default for Change<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> Change<'a> {
    /// An empty `<domain:chg>`, built by hand.
    pub const fn new() -> Self {
        Change {
            registrant: None,
            auth_info: None,
        }
    }

    /// The same, changing the registrant.
    pub const fn with_registrant(mut self, registrant: RegistrantChange<'a>) -> Self {
        self.registrant = Some(registrant);
        self
    }

    /// The same, changing the authorization information.
    pub const fn with_auth_info(mut self, auth_info: AuthInfo<'a>) -> Self {
        self.auth_info = Some(auth_info);
        self
    }

    /// `<domain:registrant>`: a new registrant, or its removal; `None`
    /// when the element is absent.
    pub fn registrant(&self) -> Option<RegistrantChange<'a>> {
        self.registrant
    }

    /// `<domain:authInfo>`: new authorization information, or
    /// [`AuthInfo::Null`] to remove it; `None` when absent.
    pub fn auth_info(&self) -> Option<AuthInfo<'a>> {
        self.auth_info
    }

    /// Whether the element is empty.
    pub fn is_empty(&self) -> bool {
        self.registrant.is_none() && self.auth_info.is_none()
    }
}

/// `<domain:registrant>` in `<domain:chg>` (`clIDChgType`, 0–16 characters).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RegistrantChange<'a> {
    /// A non-empty id: the new registrant.
    Set(Str<'a>),
    /// An empty element (`<domain:registrant/>`): remove the registrant.
    Remove,
}

/// `<domain:ns>` (`nsType`): host objects or host attributes, never both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NameServers<'a> {
    /// `<domain:hostObj>`s: names of host objects (at least one).
    HostObjs(List<'a, Str<'a>>),
    /// `<domain:hostAttr>`s: hosts given by name and addresses (at least one).
    HostAttrs(List<'a, HostAttr<'a>>),
}

impl<'a> NameServers<'a> {
    /// `<domain:hostObj>`s built by hand.
    pub const fn objects(names: &'a [Str<'a>]) -> Self {
        NameServers::HostObjs(List::from_slice(names))
    }

    /// `<domain:hostAttr>`s built by hand.
    pub const fn attributes(hosts: &'a [HostAttr<'a>]) -> Self {
        NameServers::HostAttrs(List::from_slice(hosts))
    }

    /// The host object names (empty for host attributes).
    pub fn host_objs(&self) -> List<'a, Str<'a>> {
        match self {
            NameServers::HostObjs(list) => *list,
            NameServers::HostAttrs(_) => List::empty(),
        }
    }

    /// The host attributes (empty for host objects).
    pub fn host_attrs(&self) -> List<'a, HostAttr<'a>> {
        match self {
            NameServers::HostObjs(_) => List::empty(),
            NameServers::HostAttrs(list) => *list,
        }
    }

    /// How many name servers there are.
    pub fn len(&self) -> usize {
        match self {
            NameServers::HostObjs(list) => list.len(),
            NameServers::HostAttrs(list) => list.len(),
        }
    }

    /// Whether there are none (never, for a payload read: the schema
    /// requires one).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `<domain:hostAttr>`: a name server outside the registry's host objects.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HostAttr<'a> {
    name: Str<'a>,
    addresses: List<'a, HostAddr<'a>>,
}

impl<'a> HostAttr<'a> {
    /// A host by name and addresses, built by hand.
    pub const fn new(name: &'a str, addresses: &'a [HostAddr<'a>]) -> Self {
        HostAttr {
            name: Str::new(name),
            addresses: List::from_slice(addresses),
        }
    }

    /// `<domain:hostName>` (1–255 characters).
    pub fn name(&self) -> Str<'a> {
        self.name
    }

    /// `<domain:hostAddr>`es, in order (possibly none).
    pub fn addresses(&self) -> List<'a, HostAddr<'a>> {
        self.addresses
    }
}

/// `<domain:hostAddr>`: an IP address of a host attribute.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HostAddr<'a> {
    /// `None` when `raw` is not a literal of `version` (only in a response).
    ip: Option<IpAddr>,
    raw: Str<'a>,
    version: IpVersion,
    version_raw: Option<Str<'a>>,
}

impl<'a> HostAddr<'a> {
    /// An address built by hand from its text (IPv4 or IPv6); `None`
    /// when `text` is neither.
    pub fn parse(text: &'a str) -> Option<Self> {
        let ip: IpAddr = text.parse().ok()?;
        let (version, version_raw) = match ip {
            IpAddr::V4(_) => (IpVersion::V4, "v4"),
            IpAddr::V6(_) => (IpVersion::V6, "v6"),
        };
        Some(HostAddr {
            ip: Some(ip),
            raw: Str::new(text),
            version,
            version_raw: Some(Str::new(version_raw)),
        })
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

    /// The address as written (trimmed).
    pub fn raw(&self) -> Str<'a> {
        self.raw
    }

    /// The `ip` attribute ([`IpVersion::V4`] when absent, or, in a
    /// response, not `v4` or `v6`); [`ip`](Self::ip), when there is one,
    /// is of this version.
    pub fn version(&self) -> IpVersion {
        self.version
    }

    /// The `ip` attribute as written, if present.
    pub fn version_raw(&self) -> Option<Str<'a>> {
        self.version_raw
    }
}

/// `<domain:contact>`: a contact of the domain, with its role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contact<'a> {
    id: Str<'a>,
    contact_type: Option<ContactType>,
    type_raw: Option<Str<'a>>,
}

impl<'a> Contact<'a> {
    /// A contact of `contact_type`, built by hand.
    pub const fn new(id: &'a str, contact_type: ContactType) -> Self {
        Contact {
            id: Str::new(id),
            contact_type: Some(contact_type),
            type_raw: Some(Str::new(contact_type.as_str())),
        }
    }

    /// The contact id (3–16 characters).
    pub fn id(&self) -> Str<'a> {
        self.id
    }

    /// The `type` attribute: the contact's role (the schema makes it optional).
    pub fn contact_type(&self) -> Option<ContactType> {
        self.contact_type
    }

    /// The `type` attribute as written, if present.
    pub fn type_raw(&self) -> Option<Str<'a>> {
        self.type_raw
    }
}

/// `<domain:status>` in `<domain:add>` or `<domain:rem>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Status<'a> {
    value: DomainStatus,
    raw: Str<'a>,
    lang: Option<Str<'a>>,
    text: Str<'a>,
}

impl<'a> Status<'a> {
    /// A status built by hand, with no text.
    pub const fn new(value: DomainStatus) -> Self {
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

    /// The `s` attribute: the status value.
    pub fn value(&self) -> DomainStatus {
        self.value
    }

    /// The `s` attribute as written (trimmed).
    pub fn raw(&self) -> Str<'a> {
        self.raw
    }

    /// The `lang` attribute, if present (the schema's default is `en`).
    pub fn lang(&self) -> Option<Str<'a>> {
        self.lang
    }

    /// The element's text: a human-readable reason (possibly empty; when
    /// removing a status only [`value`](Self::value) matters).
    pub fn text(&self) -> Str<'a> {
        self.text
    }
}

// ----- enumerations -----

/// The `hosts` attribute of `<domain:name>` in an info command (`hostsType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum HostsFilter {
    /// `all`: delegated and subordinate hosts (the default).
    #[default]
    All,
    /// `del`: delegated hosts only.
    Del,
    /// `sub`: subordinate hosts only.
    Sub,
    /// `none`: no host information.
    None,
}

impl HostsFilter {
    /// The attribute value.
    pub const fn as_str(self) -> &'static str {
        match self {
            HostsFilter::All => "all",
            HostsFilter::Del => "del",
            HostsFilter::Sub => "sub",
            HostsFilter::None => "none",
        }
    }
}

const HOSTS: &[(&str, HostsFilter)] = &[
    ("all", HostsFilter::All),
    ("del", HostsFilter::Del),
    ("sub", HostsFilter::Sub),
    ("none", HostsFilter::None),
];

/// The `type` attribute of `<domain:contact>` (`contactAttrType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContactType {
    /// `admin`: the administrative contact.
    Admin,
    /// `billing`: the billing contact.
    Billing,
    /// `tech`: the technical contact.
    Tech,
}

impl ContactType {
    /// The attribute value.
    pub const fn as_str(self) -> &'static str {
        match self {
            ContactType::Admin => "admin",
            ContactType::Billing => "billing",
            ContactType::Tech => "tech",
        }
    }
}

const CONTACT_TYPES: &[(&str, ContactType)] = &[
    ("admin", ContactType::Admin),
    ("billing", ContactType::Billing),
    ("tech", ContactType::Tech),
];

/// A domain status value (`statusValueType`, RFC 5731 §2.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DomainStatus {
    /// `clientDeleteProhibited`.
    ClientDeleteProhibited,
    /// `clientHold`.
    ClientHold,
    /// `clientRenewProhibited`.
    ClientRenewProhibited,
    /// `clientTransferProhibited`.
    ClientTransferProhibited,
    /// `clientUpdateProhibited`.
    ClientUpdateProhibited,
    /// `inactive`.
    Inactive,
    /// `ok`.
    Ok,
    /// `pendingCreate`.
    PendingCreate,
    /// `pendingDelete`.
    PendingDelete,
    /// `pendingRenew`.
    PendingRenew,
    /// `pendingTransfer`.
    PendingTransfer,
    /// `pendingUpdate`.
    PendingUpdate,
    /// `serverDeleteProhibited`.
    ServerDeleteProhibited,
    /// `serverHold`.
    ServerHold,
    /// `serverRenewProhibited`.
    ServerRenewProhibited,
    /// `serverTransferProhibited`.
    ServerTransferProhibited,
    /// `serverUpdateProhibited`.
    ServerUpdateProhibited,
}

impl DomainStatus {
    /// Every status value, in the schema's order.
    pub const ALL: [DomainStatus; 17] = [
        DomainStatus::ClientDeleteProhibited,
        DomainStatus::ClientHold,
        DomainStatus::ClientRenewProhibited,
        DomainStatus::ClientTransferProhibited,
        DomainStatus::ClientUpdateProhibited,
        DomainStatus::Inactive,
        DomainStatus::Ok,
        DomainStatus::PendingCreate,
        DomainStatus::PendingDelete,
        DomainStatus::PendingRenew,
        DomainStatus::PendingTransfer,
        DomainStatus::PendingUpdate,
        DomainStatus::ServerDeleteProhibited,
        DomainStatus::ServerHold,
        DomainStatus::ServerRenewProhibited,
        DomainStatus::ServerTransferProhibited,
        DomainStatus::ServerUpdateProhibited,
    ];

    /// The attribute value, e.g. `clientHold`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DomainStatus::ClientDeleteProhibited => "clientDeleteProhibited",
            DomainStatus::ClientHold => "clientHold",
            DomainStatus::ClientRenewProhibited => "clientRenewProhibited",
            DomainStatus::ClientTransferProhibited => "clientTransferProhibited",
            DomainStatus::ClientUpdateProhibited => "clientUpdateProhibited",
            DomainStatus::Inactive => "inactive",
            DomainStatus::Ok => "ok",
            DomainStatus::PendingCreate => "pendingCreate",
            DomainStatus::PendingDelete => "pendingDelete",
            DomainStatus::PendingRenew => "pendingRenew",
            DomainStatus::PendingTransfer => "pendingTransfer",
            DomainStatus::PendingUpdate => "pendingUpdate",
            DomainStatus::ServerDeleteProhibited => "serverDeleteProhibited",
            DomainStatus::ServerHold => "serverHold",
            DomainStatus::ServerRenewProhibited => "serverRenewProhibited",
            DomainStatus::ServerTransferProhibited => "serverTransferProhibited",
            DomainStatus::ServerUpdateProhibited => "serverUpdateProhibited",
        }
    }

    /// The status named `s` (exactly, case-sensitive), if it is one.
    pub fn from_str_exact(s: &str) -> Option<DomainStatus> {
        DomainStatus::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Whether a client may set or remove it (the `client*` values).
    pub const fn is_client_settable(self) -> bool {
        matches!(
            self,
            DomainStatus::ClientDeleteProhibited
                | DomainStatus::ClientHold
                | DomainStatus::ClientRenewProhibited
                | DomainStatus::ClientTransferProhibited
                | DomainStatus::ClientUpdateProhibited
        )
    }

    fn of(value: &Str<'_>) -> Option<DomainStatus> {
        DomainStatus::ALL
            .into_iter()
            .find(|st| value.eq_str(st.as_str()))
    }
}

// ----- list items, re-read from the validated payload -----

/// Finds `value` in `table` (validated earlier; `None` cannot happen).
fn lookup<T: Copy>(value: &Str<'_>, table: &[(&str, T)]) -> Option<T> {
    table
        .iter()
        .find(|(name, _)| value.eq_str(name))
        .map(|&(_, v)| v)
}

impl<'a> FromChild<'a> for Contact<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let type_raw = child.attr("type").map(Str::trimmed);
        Contact {
            id: child.token(),
            contact_type: type_raw.and_then(|t| lookup(&t, CONTACT_TYPES)),
            type_raw,
        }
    }
}

impl<'a> FromChild<'a> for Status<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let raw = child.attr("s").map(Str::trimmed).unwrap_or_default();
        Status {
            // Validated: the fallback cannot be reached.
            value: DomainStatus::of(&raw).unwrap_or(DomainStatus::Ok),
            raw,
            lang: child.attr("lang").map(Str::trimmed),
            text: child.text(),
        }
    }
}

impl<'a> FromChild<'a> for HostAttr<'a> {
    fn from_child(child: Child<'a>) -> Self {
        HostAttr {
            name: child
                .child("hostName")
                .map(|c| c.token())
                .unwrap_or_default(),
            addresses: child.list("hostAddr"),
        }
    }
}

impl<'a> FromChild<'a> for HostAddr<'a> {
    fn from_child(child: Child<'a>) -> Self {
        let version_raw = child.attr("ip").map(Str::trimmed);
        let version = version_raw
            .and_then(|v| lookup(&v, IP_VERSIONS))
            .unwrap_or(IpVersion::V4);
        let raw = child.token();
        let element = ElementName::known(NS, "hostAddr");
        HostAddr {
            // Checked when a command is read; a response's may be anything.
            ip: check_ip(raw, version, element, Span::default()).ok(),
            raw,
            version,
            version_raw,
        }
    }
}

const IP_VERSIONS: &[(&str, IpVersion)] = &[("v4", IpVersion::V4), ("v6", IpVersion::V6)];

const PERIOD_UNITS: &[(&str, PeriodUnit)] = &[("y", PeriodUnit::Years), ("m", PeriodUnit::Months)];

// ----- reading -----

/// A period and its number as written.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PeriodValue<'a> {
    period: Period,
    /// Empty when built by hand: written from `period`.
    raw: Str<'a>,
}

impl PeriodValue<'_> {
    const fn built(period: Period) -> Self {
        PeriodValue {
            period,
            raw: Str::new(""),
        }
    }
}

pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    verb: Verb,
    object: Elem<'a>,
) -> Result<DomainCommand<'a>, CommandError<'a>> {
    r.check_attributes(object, &[])?;
    let command = match (verb, object.name.local()) {
        (Verb::Check, "check") => DomainCommand::Check(read_check(r)?),
        (Verb::Info, "info") => DomainCommand::Info(read_info(r)?),
        (Verb::Create, "create") => DomainCommand::Create(read_create(r)?),
        (Verb::Delete, "delete") => DomainCommand::Delete(Delete {
            name: read_name(r)?,
        }),
        (Verb::Renew, "renew") => DomainCommand::Renew(read_renew(r)?),
        (Verb::Transfer(op), "transfer") => DomainCommand::Transfer {
            op,
            transfer: read_transfer(r)?,
        },
        (Verb::Update, "update") => DomainCommand::Update(read_update(r)?),
        _ => return Err(r.unexpected(object)),
    };
    r.end()?;
    Ok(command)
}

/// The content of a `labelType` element `e` (just taken): 1–255 characters.
#[inline]
fn label<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<Str<'a>, CommandError<'a>> {
    let value = r.token(e)?;
    check_length(value, 1, 255, e.element_name(), element_span(r, e))
}

/// A `clIDType` element `e` (just taken): 3–16 characters.
fn client_id<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<Str<'a>, CommandError<'a>> {
    let value = r.token(e)?;
    check_length(value, 3, 16, e.element_name(), element_span(r, e))
}

/// A required `<domain:name>` with no attributes.
fn read_name<'a>(r: &mut Reader<'_, 'a>) -> Result<Str<'a>, CommandError<'a>> {
    let e = r.required(NS, "name")?;
    r.check_attributes(e, &[])?;
    label(r, e)
}

/// The enumerated attribute `local` of `e` (just taken), trimmed, if present.
fn enum_attr<'a, T: Copy>(
    r: &Reader<'_, 'a>,
    e: Elem<'a>,
    local: &'static str,
    table: &[(&str, T)],
    expected: &'static str,
) -> Result<Option<(T, Str<'a>)>, CommandError<'a>> {
    let Some(raw) = r.attr(local) else {
        return Ok(None);
    };
    let raw = raw.trimmed();
    let value = check_enum(raw, table, expected, e.element_name(), e.tag)
        .map_err(|err| err.with_attribute(local))?;
    Ok(Some((value, raw)))
}

fn read_check<'a>(r: &mut Reader<'_, 'a>) -> Result<Check<'a>, CommandError<'a>> {
    let (span, len) = r.run(NS, "name", 1, u32::MAX, |r, e| {
        r.check_attributes(e, &[])?;
        label(r, e).map(|_| ())
    })?;
    Ok(Check {
        names: List::from_doc(r.input(), span, len),
    })
}

fn read_info<'a>(r: &mut Reader<'_, 'a>) -> Result<Info<'a>, CommandError<'a>> {
    let e = r.required(NS, "name")?;
    r.check_attributes(e, &["hosts"])?;
    let hosts = enum_attr(r, e, "hosts", HOSTS, "a hosts filter (all, del, sub, none)")?;
    let name = label(r, e)?;
    let auth_info = match r.optional(NS, "authInfo")? {
        Some(a) => Some(read_auth_info(r, NS, a, false)?),
        None => None,
    };
    Ok(Info {
        name,
        hosts: hosts.map_or(HostsFilter::All, |(h, _)| h),
        hosts_raw: hosts.map(|(_, raw)| raw),
        auth_info,
    })
}

fn read_period<'a>(r: &mut Reader<'_, 'a>) -> Result<Option<PeriodValue<'a>>, CommandError<'a>> {
    let Some(e) = r.optional(NS, "period")? else {
        return Ok(None);
    };
    r.check_attributes(e, &["unit"])?;
    let unit = r.required_attr(e, "unit")?.trimmed();
    let unit = check_enum(
        unit,
        PERIOD_UNITS,
        "a period unit (y, m)",
        e.element_name(),
        e.tag,
    )
    .map_err(|err| err.with_attribute("unit"))?;
    let raw = r.token(e)?;
    let value = check_unsigned(raw, 1, 99, e.element_name(), element_span(r, e))?;
    Ok(Some(PeriodValue {
        period: Period {
            // 1..=99: fits.
            value: u8::try_from(value).unwrap_or(u8::MAX),
            unit,
        },
        raw,
    }))
}

fn read_ns<'a>(r: &mut Reader<'_, 'a>) -> Result<Option<NameServers<'a>>, CommandError<'a>> {
    let Some(ns) = r.optional(NS, "ns")? else {
        return Ok(None);
    };
    r.check_attributes(ns, &[])?;
    let servers = match r.peek()? {
        Some(e) if e.is(NS, "hostObj") => {
            let (span, len) = r.run(NS, "hostObj", 1, u32::MAX, |r, e| {
                r.check_attributes(e, &[])?;
                label(r, e).map(|_| ())
            })?;
            NameServers::HostObjs(List::from_doc(r.input(), span, len))
        }
        Some(e) if e.is(NS, "hostAttr") => {
            let (span, len) = r.run(NS, "hostAttr", 1, u32::MAX, read_host_attr)?;
            NameServers::HostAttrs(List::from_doc(r.input(), span, len))
        }
        Some(e) => return Err(r.unexpected(e)),
        None => return Err(r.missing(NS, "hostObj")),
    };
    r.end()?;
    Ok(Some(servers))
}

fn read_host_attr<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    let name = r.required(NS, "hostName")?;
    r.check_attributes(name, &[])?;
    label(r, name)?;
    r.run(NS, "hostAddr", 0, u32::MAX, |r, a| {
        r.check_attributes(a, &["ip"])?;
        let version = enum_attr(r, a, "ip", IP_VERSIONS, "an IP version (v4, v6)")?
            .map_or(IpVersion::V4, |(v, _)| v);
        let value = r.token(a)?;
        let span = element_span(r, a);
        let value = check_length(value, 3, 45, a.element_name(), span)?;
        check_ip(value, version, a.element_name(), span).map(|_| ())
    })?;
    r.end()
}

fn read_contacts<'a>(r: &mut Reader<'_, 'a>) -> Result<List<'a, Contact<'a>>, CommandError<'a>> {
    let (span, len) = r.run(NS, "contact", 0, u32::MAX, |r, e| {
        r.check_attributes(e, &["type"])?;
        enum_attr(
            r,
            e,
            "type",
            CONTACT_TYPES,
            "a contact type (admin, billing, tech)",
        )?;
        client_id(r, e).map(|_| ())
    })?;
    Ok(List::from_doc(r.input(), span, len))
}

fn read_create<'a>(r: &mut Reader<'_, 'a>) -> Result<Create<'a>, CommandError<'a>> {
    let name = read_name(r)?;
    let period = read_period(r)?;
    let ns = read_ns(r)?;
    let registrant = match r.optional(NS, "registrant")? {
        Some(e) => {
            r.check_attributes(e, &[])?;
            Some(client_id(r, e)?)
        }
        None => None,
    };
    let contacts = read_contacts(r)?;
    let a = r.required(NS, "authInfo")?;
    let auth_info = read_auth_info(r, NS, a, false)?;
    Ok(Create {
        name,
        period,
        ns,
        registrant,
        contacts,
        auth_info,
    })
}

fn read_renew<'a>(r: &mut Reader<'_, 'a>) -> Result<Renew<'a>, CommandError<'a>> {
    let name = read_name(r)?;
    let e = r.required(NS, "curExpDate")?;
    r.check_attributes(e, &[])?;
    let raw = r.token(e)?;
    let current_expiry = check_date(raw, e.element_name(), element_span(r, e))?;
    let period = read_period(r)?;
    Ok(Renew {
        name,
        current_expiry,
        current_expiry_raw: raw,
        period,
    })
}

fn read_transfer<'a>(r: &mut Reader<'_, 'a>) -> Result<Transfer<'a>, CommandError<'a>> {
    let name = read_name(r)?;
    let period = read_period(r)?;
    let auth_info = match r.optional(NS, "authInfo")? {
        Some(a) => Some(read_auth_info(r, NS, a, false)?),
        None => None,
    };
    Ok(Transfer {
        name,
        period,
        auth_info,
    })
}

fn read_update<'a>(r: &mut Reader<'_, 'a>) -> Result<Update<'a>, CommandError<'a>> {
    let name = read_name(r)?;
    let add = read_add_rem(r, "add")?;
    let rem = read_add_rem(r, "rem")?;
    let chg = match r.optional(NS, "chg")? {
        Some(e) => Some(read_chg(r, e)?),
        None => None,
    };
    Ok(Update {
        name,
        add,
        rem,
        chg,
    })
}

fn read_add_rem<'a>(
    r: &mut Reader<'_, 'a>,
    local: &'static str,
) -> Result<Option<AddRemove<'a>>, CommandError<'a>> {
    let Some(e) = r.optional(NS, local)? else {
        return Ok(None);
    };
    r.check_attributes(e, &[])?;
    let ns = read_ns(r)?;
    let contacts = read_contacts(r)?;
    let (span, len) = r.run(NS, "status", 0, 11, read_status)?;
    r.end()?;
    Ok(Some(AddRemove {
        ns,
        contacts,
        statuses: List::from_doc(r.input(), span, len),
    }))
}

fn read_status<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["s", "lang"])?;
    let s = r.required_attr(e, "s")?.trimmed();
    check_enum(
        s,
        STATUS_NAMES,
        "a domain status value",
        e.element_name(),
        e.tag,
    )
    .map_err(|err| err.with_attribute("s"))?;
    if let Some(lang) = r.attr("lang") {
        let lang = lang.trimmed();
        if !super::language_pattern(&lang) {
            return Err(value_error(
                CommandErrorKind::InvalidValue {
                    expected: "a language tag",
                },
                e.element_name(),
                lang,
                e.tag,
            )
            .with_attribute("lang"));
        }
    }
    // normalizedString: any text.
    r.text(e).map(|_| ())
}

const STATUS_NAMES: &[(&str, DomainStatus)] = &{
    let mut table = [("", DomainStatus::Ok); 17];
    let mut i = 0;
    while i < 17 {
        table[i] = (DomainStatus::ALL[i].as_str(), DomainStatus::ALL[i]);
        i += 1;
    }
    table
};

fn read_chg<'a>(r: &mut Reader<'_, 'a>, chg: Elem<'a>) -> Result<Change<'a>, CommandError<'a>> {
    r.check_attributes(chg, &[])?;
    let registrant = match r.optional(NS, "registrant")? {
        Some(e) => {
            r.check_attributes(e, &[])?;
            let value = r.token(e)?;
            let value = check_length(value, 0, 16, e.element_name(), element_span(r, e))?;
            Some(if value.is_empty() {
                RegistrantChange::Remove
            } else {
                RegistrantChange::Set(value)
            })
        }
        None => None,
    };
    let auth_info = match r.optional(NS, "authInfo")? {
        Some(a) => Some(read_auth_info(r, NS, a, true)?),
        None => None,
    };
    r.end()?;
    Ok(Change {
        registrant,
        auth_info,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for st in DomainStatus::ALL {
            assert_eq!(DomainStatus::from_str_exact(st.as_str()), Some(st));
            assert_eq!(DomainStatus::of(&Str::new(st.as_str())), Some(st));
        }
        assert_eq!(STATUS_NAMES.len(), 17);
        assert!(STATUS_NAMES.iter().all(|(n, s)| s.as_str() == *n));
        assert_eq!(DomainStatus::from_str_exact("OK"), None);
        assert_eq!(
            DomainStatus::ALL
                .iter()
                .filter(|s| s.is_client_settable())
                .count(),
            5
        );
    }

    #[test]
    fn enum_tables_match_as_str() {
        assert!(HOSTS.iter().all(|(n, h)| h.as_str() == *n));
        assert!(CONTACT_TYPES.iter().all(|(n, c)| c.as_str() == *n));
        assert!(PERIOD_UNITS.iter().all(|(n, u)| u.as_str() == *n));
        assert_eq!(HostsFilter::default(), HostsFilter::All);
    }
}
