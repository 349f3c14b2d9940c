//! Contact commands (RFC 5733), read strictly against `contact-1.0.xsd`.
//!
//! Besides the schema's lengths, enumerations and the E.164 pattern of
//! `<voice>` and `<fax>`, the country code `<cc>` must be two capital
//! letters `A`–`Z`, the form of the ISO 3166 alpha-2 identifiers the
//! schema's `ccType` refers to (RFC 5733 §2.5): `us` or `U1` is 2005
//! naming `<contact:cc>` at the code. Whether the code is assigned to a
//! country is left to the server: the crate holds no country list.
//!
//! ```
//! use epp_codec::view::{read_command, Command, ContactCommand};
//! use epp_codec::view::command::contact::PostalInfoType;
//! let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
//!   <contact:create xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
//!     <contact:id>sh8013</contact:id>
//!     <contact:postalInfo type="int"><contact:name>John Doe</contact:name>
//!       <contact:addr><contact:street>123 Example Dr.</contact:street>
//!         <contact:city>Dulles</contact:city><contact:cc>US</contact:cc></contact:addr>
//!     </contact:postalInfo>
//!     <contact:voice x="1234">+1.7035555555</contact:voice>
//!     <contact:email>jdoe@example.com</contact:email>
//!     <contact:authInfo><contact:pw>2fooBAR</contact:pw></contact:authInfo>
//!   </contact:create></create></command></epp>"#;
//! let request = read_command(payload).unwrap();
//! let Command::Contact(ContactCommand::Create(create)) = request.command() else { panic!() };
//! let postal = create.postal_infos().first().unwrap();
//! assert_eq!(postal.info_type(), PostalInfoType::Int);
//! assert_eq!(postal.address().unwrap().city(), "Dulles");
//! let voice = create.voice().unwrap();
//! assert_eq!(voice.e164().unwrap().number, "7035555555");
//! assert_eq!(voice.extension().unwrap(), "1234");
//! ```

use super::common::{AuthInfo, element_span, read_auth_info};
use super::{TransferOp, Verb};
use crate::view::error::{CommandError, CommandErrorKind};
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, List};
use crate::view::str::Str;
use crate::view::value::{
    E164, check_bool, check_e164, check_enum, check_length, value_chars, value_error,
};
use crate::xml::Ns;

const NS: Ns = Ns::Contact;

/// A contact command (RFC 5733 §3), one variant per verb.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ContactCommand<'a> {
    /// `<contact:check>`: are these ids available?
    Check(Check<'a>),
    /// `<contact:info>`.
    Info(Info<'a>),
    /// `<contact:create>`.
    Create(Create<'a>),
    /// `<contact:delete>`.
    Delete(Delete<'a>),
    /// `<contact:transfer>`, with the `op` of the `<transfer>` element.
    Transfer {
        /// The transfer operation.
        op: TransferOp,
        /// The `<contact:transfer>` element.
        transfer: Info<'a>,
    },
    /// `<contact:update>`.
    Update(Update<'a>),
}

impl ContactCommand<'_> {
    /// The verb of the command.
    pub fn verb(&self) -> Verb {
        match self {
            ContactCommand::Check(_) => Verb::Check,
            ContactCommand::Info(_) => Verb::Info,
            ContactCommand::Create(_) => Verb::Create,
            ContactCommand::Delete(_) => Verb::Delete,
            ContactCommand::Transfer { op, .. } => Verb::Transfer(*op),
            ContactCommand::Update(_) => Verb::Update,
        }
    }
}

/// `<contact:check>`: one or more contact ids.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Check<'a> {
    ids: List<'a, Str<'a>>,
}

impl<'a> Check<'a> {
    /// A check of `ids`, built by hand.
    pub const fn new(ids: &'a [Str<'a>]) -> Self {
        Check {
            ids: List::from_slice(ids),
        }
    }

    /// The ids to check (3–16 characters each).
    pub fn ids(&self) -> List<'a, Str<'a>> {
        self.ids
    }
}

/// `<contact:info>` and `<contact:transfer>`: an id and optional authorization.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Info<'a> {
    id: Str<'a>,
    auth_info: Option<AuthInfo<'a>>,
}

impl<'a> Info<'a> {
    /// An info (or transfer) of contact `id`, built by hand.
    pub const fn new(id: &'a str) -> Self {
        Info {
            id: Str::new(id),
            auth_info: None,
        }
    }

    /// The same with authorization information.
    pub const fn with_auth_info(mut self, auth_info: AuthInfo<'a>) -> Self {
        self.auth_info = Some(auth_info);
        self
    }

    /// The contact id.
    pub fn id(&self) -> Str<'a> {
        self.id
    }

    /// `<contact:authInfo>`, if given.
    pub fn auth_info(&self) -> Option<AuthInfo<'a>> {
        self.auth_info
    }
}

/// `<contact:delete>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delete<'a> {
    id: Str<'a>,
}

impl<'a> Delete<'a> {
    /// A delete of contact `id`, built by hand.
    pub const fn new(id: &'a str) -> Self {
        Delete { id: Str::new(id) }
    }

    /// The contact id.
    pub fn id(&self) -> Str<'a> {
        self.id
    }
}

/// `<contact:create>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Create<'a> {
    id: Str<'a>,
    postal_infos: List<'a, PostalInfo<'a>>,
    voice: Option<Phone<'a>>,
    fax: Option<Phone<'a>>,
    email: Str<'a>,
    auth_info: AuthInfo<'a>,
    disclose: Option<Disclose>,
}

impl<'a> Create<'a> {
    /// A create built by hand: id, postal information (one or two:
    /// `int` and/or `loc`), email and authorization information; no
    /// phones, no disclose.
    pub const fn new(
        id: &'a str,
        postal_infos: &'a [PostalInfo<'a>],
        email: &'a str,
        auth_info: AuthInfo<'a>,
    ) -> Self {
        Create {
            id: Str::new(id),
            postal_infos: List::from_slice(postal_infos),
            voice: None,
            fax: None,
            email: Str::new(email),
            auth_info,
            disclose: None,
        }
    }

    /// The same with a voice number.
    pub const fn with_voice(mut self, voice: Phone<'a>) -> Self {
        self.voice = Some(voice);
        self
    }

    /// The same with a fax number.
    pub const fn with_fax(mut self, fax: Phone<'a>) -> Self {
        self.fax = Some(fax);
        self
    }

    /// The same with a disclosure preference.
    pub const fn with_disclose(mut self, disclose: Disclose) -> Self {
        self.disclose = Some(disclose);
        self
    }

    /// The contact id (3–16 characters).
    pub fn id(&self) -> Str<'a> {
        self.id
    }

    /// `<contact:postalInfo>`: one or two, at most one of each type.
    pub fn postal_infos(&self) -> List<'a, PostalInfo<'a>> {
        self.postal_infos
    }

    /// `<contact:voice>`.
    pub fn voice(&self) -> Option<Phone<'a>> {
        self.voice
    }

    /// `<contact:fax>`.
    pub fn fax(&self) -> Option<Phone<'a>> {
        self.fax
    }

    /// `<contact:email>`.
    pub fn email(&self) -> Str<'a> {
        self.email
    }

    /// `<contact:authInfo>`.
    pub fn auth_info(&self) -> AuthInfo<'a> {
        self.auth_info
    }

    /// `<contact:disclose>`.
    pub fn disclose(&self) -> Option<Disclose> {
        self.disclose
    }
}

/// `<contact:update>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Update<'a> {
    id: Str<'a>,
    add: Option<List<'a, Status<'a>>>,
    remove: Option<List<'a, Status<'a>>>,
    change: Option<Change<'a>>,
}

impl<'a> Update<'a> {
    /// An update of contact `id` changing nothing yet, built by hand.
    pub const fn new(id: &'a str) -> Self {
        Update {
            id: Str::new(id),
            add: None,
            remove: None,
            change: None,
        }
    }

    /// The same, adding `statuses`.
    pub const fn with_add(mut self, statuses: &'a [Status<'a>]) -> Self {
        self.add = Some(List::from_slice(statuses));
        self
    }

    /// The same, removing `statuses`.
    pub const fn with_remove(mut self, statuses: &'a [Status<'a>]) -> Self {
        self.remove = Some(List::from_slice(statuses));
        self
    }

    /// The same, with `change`.
    pub const fn with_change(mut self, change: Change<'a>) -> Self {
        self.change = Some(change);
        self
    }

    /// The contact id.
    pub fn id(&self) -> Str<'a> {
        self.id
    }

    /// `<contact:add>`: statuses to add (1–7).
    pub fn add(&self) -> Option<List<'a, Status<'a>>> {
        self.add
    }

    /// `<contact:rem>`: statuses to remove (1–7).
    pub fn remove(&self) -> Option<List<'a, Status<'a>>> {
        self.remove
    }

    /// `<contact:chg>`: what changes.
    pub fn change(&self) -> Option<Change<'a>> {
        self.change
    }
}

/// `<contact:chg>`: each part optional.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change<'a> {
    postal_infos: List<'a, PostalInfo<'a>>,
    voice: Option<Phone<'a>>,
    fax: Option<Phone<'a>>,
    email: Option<Str<'a>>,
    auth_info: Option<AuthInfo<'a>>,
    disclose: Option<Disclose>,
}

impl Default for Change<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> Change<'a> {
    /// An empty `<contact:chg>`, built by hand.
    pub const fn new() -> Self {
        Change {
            postal_infos: List::empty(),
            voice: None,
            fax: None,
            email: None,
            auth_info: None,
            disclose: None,
        }
    }

    /// The same, changing postal information (see [`PostalInfo::change`]).
    pub const fn with_postal_infos(mut self, postal_infos: &'a [PostalInfo<'a>]) -> Self {
        self.postal_infos = List::from_slice(postal_infos);
        self
    }

    /// The same, changing the voice number.
    pub const fn with_voice(mut self, voice: Phone<'a>) -> Self {
        self.voice = Some(voice);
        self
    }

    /// The same, changing the fax number.
    pub const fn with_fax(mut self, fax: Phone<'a>) -> Self {
        self.fax = Some(fax);
        self
    }

    /// The same, changing the email address.
    pub const fn with_email(mut self, email: &'a str) -> Self {
        self.email = Some(Str::new(email));
        self
    }

    /// The same, changing the authorization information.
    pub const fn with_auth_info(mut self, auth_info: AuthInfo<'a>) -> Self {
        self.auth_info = Some(auth_info);
        self
    }

    /// The same, changing the disclosure preference.
    pub const fn with_disclose(mut self, disclose: Disclose) -> Self {
        self.disclose = Some(disclose);
        self
    }

    /// New postal information (0–2; their parts are optional).
    pub fn postal_infos(&self) -> List<'a, PostalInfo<'a>> {
        self.postal_infos
    }

    /// A new voice number.
    pub fn voice(&self) -> Option<Phone<'a>> {
        self.voice
    }

    /// A new fax number.
    pub fn fax(&self) -> Option<Phone<'a>> {
        self.fax
    }

    /// A new email address.
    pub fn email(&self) -> Option<Str<'a>> {
        self.email
    }

    /// New authorization information.
    pub fn auth_info(&self) -> Option<AuthInfo<'a>> {
        self.auth_info
    }

    /// A new disclosure preference.
    pub fn disclose(&self) -> Option<Disclose> {
        self.disclose
    }
}

/// The `type` of a `<contact:postalInfo>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PostalInfoType {
    /// `int`: internationalized (7-bit ASCII) form.
    Int,
    /// `loc`: localized form.
    Loc,
}

impl PostalInfoType {
    /// The attribute value.
    pub const fn as_str(self) -> &'static str {
        match self {
            PostalInfoType::Int => "int",
            PostalInfoType::Loc => "loc",
        }
    }
}

const POSTAL_TYPES: &[(&str, PostalInfoType)] =
    &[("int", PostalInfoType::Int), ("loc", PostalInfoType::Loc)];

fn postal_type_of(child: &Child<'_>) -> PostalInfoType {
    match child.attr("type") {
        Some(t) if t.trimmed().eq_str("loc") => PostalInfoType::Loc,
        _ => PostalInfoType::Int,
    }
}

/// `<contact:postalInfo>`. In a create, the name and address are always
/// present; in a `<chg>`, every part is optional.
#[derive(Clone, Copy, Debug)]
pub struct PostalInfo<'a> {
    source: PostalSource<'a>,
    info_type: PostalInfoType,
}

#[derive(Clone, Copy, Debug)]
enum PostalSource<'a> {
    Read(Child<'a>),
    Built {
        name: Option<Str<'a>>,
        org: Option<Str<'a>>,
        address: Option<Address<'a>>,
    },
}

impl<'a> PostalInfo<'a> {
    /// Postal information built by hand: `name` and `address` (both
    /// required in a create), no organization.
    pub const fn new(info_type: PostalInfoType, name: &'a str, address: Address<'a>) -> Self {
        PostalInfo {
            source: PostalSource::Built {
                name: Some(Str::new(name)),
                org: None,
                address: Some(address),
            },
            info_type,
        }
    }

    /// Postal information to change, built by hand: every part optional
    /// (add them with the `with_*` methods).
    pub const fn change(info_type: PostalInfoType) -> Self {
        PostalInfo {
            source: PostalSource::Built {
                name: None,
                org: None,
                address: None,
            },
            info_type,
        }
    }

    /// The same with `<contact:name>` `name` (built by hand only).
    pub const fn with_name(mut self, new_name: &'a str) -> Self {
        if let PostalSource::Built { name, .. } = &mut self.source {
            *name = Some(Str::new(new_name));
        }
        self
    }

    /// The same with `<contact:org>` `org` (built by hand only).
    pub const fn with_org(mut self, new_org: &'a str) -> Self {
        if let PostalSource::Built { org, .. } = &mut self.source {
            *org = Some(Str::new(new_org));
        }
        self
    }

    /// The same with `<contact:addr>` `address` (built by hand only).
    pub const fn with_address(mut self, new_address: Address<'a>) -> Self {
        if let PostalSource::Built { address, .. } = &mut self.source {
            *address = Some(new_address);
        }
        self
    }

    /// The `type` attribute.
    pub fn info_type(&self) -> PostalInfoType {
        self.info_type
    }

    /// `<contact:name>` (1–255 characters).
    pub fn name(&self) -> Option<Str<'a>> {
        match self.source {
            PostalSource::Read(element) => element.child("name").map(|c| c.text()),
            PostalSource::Built { name, .. } => name,
        }
    }

    /// `<contact:org>` (up to 255 characters).
    pub fn org(&self) -> Option<Str<'a>> {
        match self.source {
            PostalSource::Read(element) => element.child("org").map(|c| c.text()),
            PostalSource::Built { org, .. } => org,
        }
    }

    /// `<contact:addr>`.
    pub fn address(&self) -> Option<Address<'a>> {
        match self.source {
            PostalSource::Read(element) => element.child("addr").map(|element| Address {
                source: AddressSource::Read(element),
            }),
            PostalSource::Built { address, .. } => address,
        }
    }
}

impl PartialEq for PostalInfo<'_> {
    /// Postal information compares by value, read or built.
    fn eq(&self, other: &Self) -> bool {
        self.info_type == other.info_type
            && self.name() == other.name()
            && self.org() == other.org()
            && self.address() == other.address()
    }
}

impl PartialEq for Address<'_> {
    /// Addresses compare by value, read or built.
    fn eq(&self, other: &Self) -> bool {
        self.streets().iter().eq(other.streets().iter())
            && self.city() == other.city()
            && self.state_province() == other.state_province()
            && self.postal_code() == other.postal_code()
            && self.country_code() == other.country_code()
    }
}

impl<'a> FromChild<'a> for PostalInfo<'a> {
    fn from_child(child: Child<'a>) -> Self {
        PostalInfo {
            info_type: postal_type_of(&child),
            source: PostalSource::Read(child),
        }
    }
}

/// `<contact:addr>`.
#[derive(Clone, Copy, Debug)]
pub struct Address<'a> {
    source: AddressSource<'a>,
}

#[derive(Clone, Copy, Debug)]
enum AddressSource<'a> {
    Read(Child<'a>),
    Built {
        streets: &'a [Street<'a>],
        city: Str<'a>,
        state_province: Option<Str<'a>>,
        postal_code: Option<Str<'a>>,
        country_code: Str<'a>,
    },
}

impl<'a> Address<'a> {
    /// An address built by hand: street lines (0–3), city and two-letter
    /// country code; no state or postal code.
    pub const fn new(streets: &'a [Street<'a>], city: &'a str, country_code: &'a str) -> Self {
        Address {
            source: AddressSource::Built {
                streets,
                city: Str::new(city),
                state_province: None,
                postal_code: None,
                country_code: Str::new(country_code),
            },
        }
    }

    /// The same with state or province `sp` (built by hand only).
    pub const fn with_state_province(mut self, sp: &'a str) -> Self {
        if let AddressSource::Built { state_province, .. } = &mut self.source {
            *state_province = Some(Str::new(sp));
        }
        self
    }

    /// The same with postal code `pc` (built by hand only).
    pub const fn with_postal_code(mut self, pc: &'a str) -> Self {
        if let AddressSource::Built { postal_code, .. } = &mut self.source {
            *postal_code = Some(Str::new(pc));
        }
        self
    }

    fn child(&self, local: &str) -> Option<Child<'a>> {
        match self.source {
            AddressSource::Read(element) => element.child(local),
            AddressSource::Built { .. } => None,
        }
    }

    /// `<contact:street>` lines (0–3, up to 255 characters each).
    pub fn streets(&self) -> List<'a, Street<'a>> {
        match self.source {
            AddressSource::Read(element) => element.list("street"),
            AddressSource::Built { streets, .. } => List::from_slice(streets),
        }
    }

    /// `<contact:city>`.
    pub fn city(&self) -> Str<'a> {
        match self.source {
            AddressSource::Built { city, .. } => city,
            AddressSource::Read(_) => self.child("city").map(|c| c.text()).unwrap_or_default(),
        }
    }

    /// `<contact:sp>`: state or province.
    pub fn state_province(&self) -> Option<Str<'a>> {
        match self.source {
            AddressSource::Built { state_province, .. } => state_province,
            AddressSource::Read(_) => self.child("sp").map(|c| c.text()),
        }
    }

    /// `<contact:pc>`: postal code (up to 16 characters).
    pub fn postal_code(&self) -> Option<Str<'a>> {
        match self.source {
            AddressSource::Built { postal_code, .. } => postal_code,
            AddressSource::Read(_) => self.child("pc").map(|c| c.token()),
        }
    }

    /// `<contact:cc>`: the two-letter country code (two capital letters
    /// in a command the strict reader accepted; as written in a response).
    pub fn country_code(&self) -> Str<'a> {
        match self.source {
            AddressSource::Built { country_code, .. } => country_code,
            AddressSource::Read(_) => self.child("cc").map(|c| c.token()).unwrap_or_default(),
        }
    }
}

/// One `<contact:street>` line, as written (a `normalizedString`: not trimmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Street<'a>(pub Str<'a>);

impl<'a> FromChild<'a> for Street<'a> {
    fn from_child(child: Child<'a>) -> Self {
        Street(child.text())
    }
}

/// `<contact:voice>` or `<contact:fax>`: an E.164 number (possibly empty)
/// and its `x` extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phone<'a> {
    number: Str<'a>,
    extension: Option<Str<'a>>,
}

impl<'a> Phone<'a> {
    /// A number built by hand (`+CC.NUMBER`), with no extension.
    pub const fn new(number: &'a str) -> Self {
        Phone {
            number: Str::new(number),
            extension: None,
        }
    }

    /// The same with extension `x`.
    pub const fn with_extension(mut self, x: &'a str) -> Self {
        self.extension = Some(Str::new(x));
        self
    }

    /// A phone element re-read from a message (response data).
    pub(crate) fn from_element(child: &Child<'a>) -> Self {
        Phone {
            number: child.token(),
            extension: child.attr("x").map(Str::trimmed),
        }
    }

    /// The number as written (`+CC.NUMBER`, or empty).
    pub fn number(&self) -> Str<'a> {
        self.number
    }

    /// The number, parsed: `None` when it is empty, and also when it is
    /// written with character references or CDATA (`&#43;1.7035555555`,
    /// which the strict reader accepts), because the parts of an [`E164`]
    /// borrow the message text, where the decoded number is not spelled
    /// out. [`number`](Self::number) decodes it; `E164::parse` on that
    /// text (for instance `number().to_cow()`, feature `alloc`) parses it.
    pub fn e164(&self) -> Option<E164<'a>> {
        self.number.as_plain().and_then(E164::parse)
    }

    /// The `x` attribute: an extension to dial.
    pub fn extension(&self) -> Option<Str<'a>> {
        self.extension
    }
}

/// The `int` and `loc` forms named in a `<contact:disclose>` child.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct IntLoc {
    /// `type="int"` was given.
    pub int: bool,
    /// `type="loc"` was given.
    pub loc: bool,
}

/// `<contact:disclose flag="…">`: which elements the flag applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Disclose {
    /// The `flag` attribute: `true` to disclose, `false` not to.
    pub flag: bool,
    /// `<contact:name type>`.
    pub name: IntLoc,
    /// `<contact:org type>`.
    pub org: IntLoc,
    /// `<contact:addr type>`.
    pub addr: IntLoc,
    /// `<contact:voice/>` (untyped in the schema: whatever it holds is
    /// accepted and ignored).
    pub voice: bool,
    /// `<contact:fax/>` (likewise).
    pub fax: bool,
    /// `<contact:email/>` (likewise).
    pub email: bool,
}

impl Disclose {
    /// A `<disclose>` re-read from a message (response data), tolerantly:
    /// a flag that is not a boolean reads as `false`.
    pub(crate) fn from_element(child: &Child<'_>) -> Self {
        let flag = child.attr("flag").is_some_and(|f| {
            let f = f.trimmed();
            f.eq_str("1") || f.eq_str("true")
        });
        let mut d = Disclose {
            flag,
            ..Disclose::default()
        };
        for c in child.children() {
            let forms = match c.local() {
                "name" => &mut d.name,
                "org" => &mut d.org,
                "addr" => &mut d.addr,
                "voice" => {
                    d.voice = true;
                    continue;
                }
                "fax" => {
                    d.fax = true;
                    continue;
                }
                "email" => {
                    d.email = true;
                    continue;
                }
                _ => continue,
            };
            match postal_type_of(&c) {
                PostalInfoType::Int => forms.int = true,
                PostalInfoType::Loc => forms.loc = true,
            }
        }
        d
    }
}

macro_rules! contact_statuses {
    ($( $variant:ident = $text:literal, )*) => {
        /// A contact status (RFC 5733 §2.2).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ContactStatus {
            $( #[doc = concat!("`", $text, "`")] $variant, )*
        }

        impl ContactStatus {
            /// Every value, in schema order.
            pub const ALL: [ContactStatus; 12] = [ $( ContactStatus::$variant, )* ];

            /// The value as written in the `s` attribute.
            pub const fn as_str(self) -> &'static str {
                match self { $( ContactStatus::$variant => $text, )* }
            }

            const TABLE: &'static [(&'static str, ContactStatus)] =
                &[ $( ($text, ContactStatus::$variant), )* ];

            /// The status written exactly `s`.
            pub fn from_str_exact(s: &str) -> Option<ContactStatus> {
                Self::TABLE.iter().find(|(t, _)| *t == s).map(|&(_, v)| v)
            }
        }
    };
}

contact_statuses! {
    ClientDeleteProhibited = "clientDeleteProhibited",
    ClientTransferProhibited = "clientTransferProhibited",
    ClientUpdateProhibited = "clientUpdateProhibited",
    Linked = "linked",
    Ok = "ok",
    PendingCreate = "pendingCreate",
    PendingDelete = "pendingDelete",
    PendingTransfer = "pendingTransfer",
    PendingUpdate = "pendingUpdate",
    ServerDeleteProhibited = "serverDeleteProhibited",
    ServerTransferProhibited = "serverTransferProhibited",
    ServerUpdateProhibited = "serverUpdateProhibited",
}

impl ContactStatus {
    /// Whether a client may add or remove this status (the `client*` ones).
    pub const fn is_client_settable(self) -> bool {
        matches!(
            self,
            ContactStatus::ClientDeleteProhibited
                | ContactStatus::ClientTransferProhibited
                | ContactStatus::ClientUpdateProhibited
        )
    }
}

/// `<contact:status s="…" lang="…">text</contact:status>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status<'a> {
    value: ContactStatus,
    raw: Str<'a>,
    lang: Option<Str<'a>>,
    text: Str<'a>,
}

impl<'a> Status<'a> {
    /// A status built by hand, with no text.
    pub const fn new(value: ContactStatus) -> Self {
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
    pub fn value(&self) -> ContactStatus {
        self.value
    }

    /// The `s` attribute as written.
    pub fn raw(&self) -> Str<'a> {
        self.raw
    }

    /// The `lang` attribute of the text.
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
        let value = ContactStatus::TABLE
            .iter()
            .find(|(text, _)| raw.eq_str(text))
            .map_or(ContactStatus::Ok, |&(_, v)| v);
        Status {
            value,
            raw,
            lang: child.attr("lang").map(Str::trimmed),
            text: child.text(),
        }
    }
}

// ----- reading -----

fn client_id<'a>(r: &mut Reader<'_, 'a>) -> Result<Str<'a>, CommandError<'a>> {
    let e = r.required(NS, "id")?;
    r.check_attributes(e, &[])?;
    let value = r.token(e)?;
    check_length(value, 3, 16, e.element_name(), element_span(r, e))
}

/// A `normalizedString` element (just taken) of `min..=max` characters.
fn line<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
    min: u32,
    max: u32,
) -> Result<Str<'a>, CommandError<'a>> {
    r.check_attributes(e, &[])?;
    let value = r.text(e)?;
    check_length(value, min, max, e.element_name(), element_span(r, e))
}

/// A `token` element (just taken) of `min..=max` characters.
fn token<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
    min: u32,
    max: u32,
) -> Result<Str<'a>, CommandError<'a>> {
    r.check_attributes(e, &[])?;
    let value = r.token(e)?;
    check_length(value, min, max, e.element_name(), element_span(r, e))
}

fn read_phone<'a>(
    r: &mut Reader<'_, 'a>,
    local: &'static str,
) -> Result<Option<Phone<'a>>, CommandError<'a>> {
    let Some(e) = r.optional(NS, local)? else {
        return Ok(None);
    };
    r.check_attributes(e, &["x"])?;
    let extension = r.attr("x").map(Str::trimmed);
    let number = r.token(e)?;
    let span = element_span(r, e);
    check_length(number, 0, 17, e.element_name(), span)?;
    if !number.is_empty() {
        check_e164(number, e.element_name(), span)?;
    }
    Ok(Some(Phone { number, extension }))
}

fn read_address<'a>(r: &mut Reader<'_, 'a>, addr: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(addr, &[])?;
    r.run(NS, "street", 0, 3, |r, e| line(r, e, 0, 255).map(|_| ()))?;
    let city = r.required(NS, "city")?;
    line(r, city, 1, 255)?;
    if let Some(sp) = r.optional(NS, "sp")? {
        line(r, sp, 0, 255)?;
    }
    if let Some(pc) = r.optional(NS, "pc")? {
        token(r, pc, 0, 16)?;
    }
    let cc = r.required(NS, "cc")?;
    let code = token(r, cc, 2, 2)?;
    // `ccType` is a two-character token "referring to ISO 3166 alpha-2
    // identifiers" (RFC 5733 §2.5), which are two capital letters; whether
    // the code is assigned is left to the server (no country list here).
    if !value_chars(&code).all(|c| c.is_ascii_uppercase()) {
        return Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "a country code (two capital letters, ISO 3166 alpha-2)",
            },
            cc.element_name(),
            code,
            element_span(r, cc),
        ));
    }
    r.end()
}

/// Reads the postalInfo run: at most two, at most one of each type; in a
/// create (`required`) name and addr are required and there is at least one.
fn read_postal_infos<'a>(
    r: &mut Reader<'_, 'a>,
    required: bool,
) -> Result<List<'a, PostalInfo<'a>>, CommandError<'a>> {
    let mut seen = [false; 2];
    let (span, len) = r.run(NS, "postalInfo", u32::from(required), 2, |r, e| {
        r.check_attributes(e, &["type"])?;
        let t = r.required_attr(e, "type")?.trimmed();
        let info_type = check_enum(
            t,
            POSTAL_TYPES,
            "a postalInfo type (int, loc)",
            e.element_name(),
            e.tag,
        )
        .map_err(|err| err.with_attribute("type"))?;
        let slot = &mut seen[info_type as usize];
        if *slot {
            // RFC 5733 §2.5: one internationalized and one localized form.
            return Err(value_error(
                CommandErrorKind::InvalidValue {
                    expected: "a postalInfo type not given before",
                },
                e.element_name(),
                t,
                e.tag,
            )
            .with_attribute("type"));
        }
        *slot = true;
        match r.optional(NS, "name")? {
            Some(name) => {
                line(r, name, 1, 255)?;
            }
            None if required => return Err(r.missing(NS, "name")),
            None => {}
        }
        if let Some(org) = r.optional(NS, "org")? {
            line(r, org, 0, 255)?;
        }
        match r.optional(NS, "addr")? {
            Some(addr) => read_address(r, addr)?,
            None if required => return Err(r.missing(NS, "addr")),
            None => {}
        }
        r.end()
    })?;
    Ok(List::from_doc(r.input(), span, len))
}

fn read_disclose<'a>(r: &mut Reader<'_, 'a>) -> Result<Option<Disclose>, CommandError<'a>> {
    let Some(e) = r.optional(NS, "disclose")? else {
        return Ok(None);
    };
    r.check_attributes(e, &["flag"])?;
    let flag = r.required_attr(e, "flag")?;
    let flag =
        check_bool(flag, e.element_name(), e.tag).map_err(|err| err.with_attribute("flag"))?;
    let mut d = Disclose {
        flag,
        ..Disclose::default()
    };
    for (local, slot) in [("name", 0usize), ("org", 1), ("addr", 2)] {
        let mut forms = IntLoc::default();
        r.run(NS, local, 0, 2, |r, item| {
            r.check_attributes(item, &["type"])?;
            let t = r.required_attr(item, "type")?.trimmed();
            let info_type = check_enum(
                t,
                POSTAL_TYPES,
                "a postalInfo type (int, loc)",
                item.element_name(),
                item.tag,
            )
            .map_err(|err| err.with_attribute("type"))?;
            match info_type {
                PostalInfoType::Int => forms.int = true,
                PostalInfoType::Loc => forms.loc = true,
            }
            r.empty(item)
        })?;
        match slot {
            0 => d.name = forms,
            1 => d.org = forms,
            _ => d.addr = forms,
        }
    }
    for local in ["voice", "fax", "email"] {
        if let Some(item) = r.optional(NS, local)? {
            // Declared without a type in contact-1.0.xsd, so of type
            // anyType: any attributes, text and elements. Only the
            // element's presence means something; its content is skipped
            // (not checked against other schemas, as lax processing could).
            r.skip(item)?;
            match local {
                "voice" => d.voice = true,
                "fax" => d.fax = true,
                _ => d.email = true,
            }
        }
    }
    // An empty <disclose> is valid: every child is optional.
    r.end()?;
    Ok(Some(d))
}

fn read_auth<'a>(
    r: &mut Reader<'_, 'a>,
    required: bool,
) -> Result<Option<AuthInfo<'a>>, CommandError<'a>> {
    match r.optional(NS, "authInfo")? {
        Some(e) => Ok(Some(read_auth_info(r, NS, e, false)?)),
        None if required => Err(r.missing(NS, "authInfo")),
        None => Ok(None),
    }
}

fn read_status<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["s", "lang"])?;
    let s = r.required_attr(e, "s")?.trimmed();
    check_enum(
        s,
        ContactStatus::TABLE,
        "a contact status value",
        e.element_name(),
        e.tag,
    )
    .map_err(|err| err.with_attribute("s"))?;
    if let Some(lang) = r.attr("lang") {
        super::check_language(lang.trimmed(), e, "lang")?;
    }
    r.text(e).map(|_| ())
}

fn read_statuses<'a>(
    r: &mut Reader<'_, 'a>,
    local: &'static str,
) -> Result<Option<List<'a, Status<'a>>>, CommandError<'a>> {
    let Some(e) = r.optional(NS, local)? else {
        return Ok(None);
    };
    r.check_attributes(e, &[])?;
    let (span, len) = r.run(NS, "status", 1, 7, read_status)?;
    r.end()?;
    Ok(Some(List::from_doc(r.input(), span, len)))
}

pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    verb: Verb,
    object: Elem<'a>,
) -> Result<ContactCommand<'a>, CommandError<'a>> {
    if object.name.local() != verb.as_str() || matches!(verb, Verb::Renew) {
        return Err(r.unexpected(object));
    }
    r.check_attributes(object, &[])?;
    let command = match verb {
        Verb::Check => {
            let (span, len) =
                r.run(NS, "id", 1, u32::MAX, |r, e| token(r, e, 3, 16).map(|_| ()))?;
            ContactCommand::Check(Check {
                ids: List::from_doc(r.input(), span, len),
            })
        }
        Verb::Info | Verb::Transfer(_) => {
            let info = Info {
                id: client_id(r)?,
                auth_info: read_auth(r, false)?,
            };
            match verb {
                Verb::Transfer(op) => ContactCommand::Transfer { op, transfer: info },
                _ => ContactCommand::Info(info),
            }
        }
        Verb::Delete => ContactCommand::Delete(Delete { id: client_id(r)? }),
        Verb::Create => {
            let id = client_id(r)?;
            let postal_infos = read_postal_infos(r, true)?;
            let voice = read_phone(r, "voice")?;
            let fax = read_phone(r, "fax")?;
            let email_elem = r.required(NS, "email")?;
            let email = token(r, email_elem, 1, u32::MAX)?;
            let auth_info = read_auth(r, true)?.unwrap_or(AuthInfo::Null);
            let disclose = read_disclose(r)?;
            ContactCommand::Create(Create {
                id,
                postal_infos,
                voice,
                fax,
                email,
                auth_info,
                disclose,
            })
        }
        Verb::Update => {
            let id = client_id(r)?;
            let add = read_statuses(r, "add")?;
            let remove = read_statuses(r, "rem")?;
            let mut change = None;
            if let Some(chg) = r.optional(NS, "chg")? {
                r.check_attributes(chg, &[])?;
                let postal_infos = read_postal_infos(r, false)?;
                let voice = read_phone(r, "voice")?;
                let fax = read_phone(r, "fax")?;
                let email = match r.optional(NS, "email")? {
                    Some(e) => Some(token(r, e, 1, u32::MAX)?),
                    None => None,
                };
                let auth_info = read_auth(r, false)?;
                let disclose = read_disclose(r)?;
                r.end()?;
                change = Some(Change {
                    postal_infos,
                    voice,
                    fax,
                    email,
                    auth_info,
                    disclose,
                });
            }
            ContactCommand::Update(Update {
                id,
                add,
                remove,
                change,
            })
        }
        Verb::Renew => return Err(r.unexpected(object)),
    };
    r.end()?;
    Ok(command)
}
