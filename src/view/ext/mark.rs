//! Marks, `urn:ietf:params:xml:ns:mark-1.0` and signed marks,
//! `urn:ietf:params:xml:ns:signedMark-1.0` (RFC 7848): the trademarks,
//! treaty or statute marks and court-validated marks that a launch-phase
//! create carries (RFC 8334) or an info response returns.
//!
//! A `<mark:mark>` is typed field by field. A `<smd:signedMark>` is kept as
//! the raw element it is, XML signature included, and written back
//! verbatim: **this crate does not verify signatures** (nor check the
//! certificate chain or revocation lists) — a server must do that with an
//! XML-DSIG implementation before trusting a signed mark. Its accessors
//! ([`SignedMark::mark`], …) read the content as written, without
//! checking the signature over it. A `<smd:encodedSignedMark>` is its
//! text (base64), not decoded.
//!
//! Strict reading refuses the `...` with which RFC 8334's examples elide a
//! mark's content: it is text where the schema allows only elements
//! (2001), or not base64 (2005).

use crate::view::CommandErrorKind;
use crate::view::command::RawElement;
use crate::view::command::contact::Phone;
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, Indexed, List, Lookup};
use crate::view::str::Str;
use crate::view::value::{
    DateTime, check_e164, check_enum, check_length, plain_ascii, value_error,
};
use crate::xml::{Namespace, Ns, Span};

const NS: Ns = Ns::Mark;
const SMD: Ns = Ns::SignedMark;

/// `<mark:mark>`: any number of trademarks, then treaty or statute marks,
/// then court-validated marks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark<'a> {
    /// `<mark:trademark>`s.
    pub trademarks: List<'a, MarkRecord<'a>>,
    /// `<mark:treatyOrStatute>`s.
    pub treaties_or_statutes: List<'a, MarkRecord<'a>>,
    /// `<mark:court>`s.
    pub courts: List<'a, MarkRecord<'a>>,
}

impl<'a> Mark<'a> {
    /// A mark built by hand (each record's [`kind`](MarkRecord::kind)
    /// should match its list).
    pub const fn new(
        trademarks: &'a [MarkRecord<'a>],
        treaties_or_statutes: &'a [MarkRecord<'a>],
        courts: &'a [MarkRecord<'a>],
    ) -> Self {
        Mark {
            trademarks: List::from_slice(trademarks),
            treaties_or_statutes: List::from_slice(treaties_or_statutes),
            courts: List::from_slice(courts),
        }
    }

    /// `<mark:mark>` read tolerantly (unknown children are ignored).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(NS, "mark").then_some(())?;
        raw.element().map(Mark::from_child)
    }

    /// How many records of every kind there are (0 for an elided mark).
    pub fn len(&self) -> usize {
        self.trademarks.len() + self.treaties_or_statutes.len() + self.courts.len()
    }

    /// Whether there is no record (an elided mark, or an empty one).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'a> FromChild<'a> for Mark<'a> {
    fn from_child(c: Child<'a>) -> Self {
        Mark {
            trademarks: c.list("trademark"),
            treaties_or_statutes: c.list("treatyOrStatute"),
            courts: c.list("court"),
        }
    }
}

/// The three kinds of mark record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// `<mark:trademark>`: a registered trademark.
    Trademark,
    /// `<mark:treatyOrStatute>`: a mark protected by a treaty or statute.
    TreatyOrStatute,
    /// `<mark:court>`: a mark validated by a court.
    Court,
}

impl MarkKind {
    /// The element's local name.
    pub const fn as_str(self) -> &'static str {
        match self {
            MarkKind::Trademark => "trademark",
            MarkKind::TreatyOrStatute => "treatyOrStatute",
            MarkKind::Court => "court",
        }
    }
}

/// One mark record: the fields of `trademarkType`, `treatyOrStatuteType`
/// and `courtType` together (each kind uses its own; the others are
/// `None` or empty). Dates are kept as written (`dateTime`, checked in
/// strict reading; [`DateTime::parse`] reads them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkRecord<'a> {
    /// Which kind of record.
    pub kind: MarkKind,
    /// `<mark:id>`: `digits-digits`.
    pub id: Str<'a>,
    /// `<mark:markName>`.
    pub mark_name: Str<'a>,
    /// `<mark:holder>`s (at least one); their [`role`](MarkParty::role) is
    /// the `entitlement`.
    pub holders: List<'a, MarkParty<'a>>,
    /// `<mark:contact>`s; their [`role`](MarkParty::role) is the `type`.
    pub contacts: List<'a, MarkParty<'a>>,
    /// `<mark:jurisdiction>` (trademark): a country code.
    pub jurisdiction: Option<Str<'a>>,
    /// `<mark:class>`es (trademark): Nice classes, integers as written.
    pub classes: List<'a, Str<'a>>,
    /// `<mark:protection>`s (treaty or statute, at least one).
    pub protections: List<'a, MarkProtection<'a>>,
    /// `<mark:label>`s: the DNS labels the mark matches.
    pub labels: List<'a, Str<'a>>,
    /// `<mark:goodsAndServices>`.
    pub goods_and_services: Str<'a>,
    /// `<mark:apId>` (trademark): the application ID.
    pub application_id: Option<Str<'a>>,
    /// `<mark:apDate>` (trademark): the application date.
    pub application_date: Option<Str<'a>>,
    /// `<mark:regNum>` (trademark): the registration number.
    pub registration_number: Option<Str<'a>>,
    /// `<mark:regDate>` (trademark): the registration date.
    pub registration_date: Option<Str<'a>>,
    /// `<mark:exDate>` (trademark): the expiration date.
    pub expiration_date: Option<Str<'a>>,
    /// `<mark:refNum>` (treaty or statute, court): the reference number.
    pub reference_number: Option<Str<'a>>,
    /// `<mark:proDate>` (treaty or statute, court): the protection date.
    pub protection_date: Option<Str<'a>>,
    /// `<mark:title>` (treaty or statute).
    pub title: Option<Str<'a>>,
    /// `<mark:execDate>` (treaty or statute): the execution date.
    pub execution_date: Option<Str<'a>>,
    /// `<mark:cc>` (court): the court's country.
    pub country: Option<Str<'a>>,
    /// `<mark:region>`s (court).
    pub regions: List<'a, Str<'a>>,
    /// `<mark:courtName>` (court).
    pub court_name: Option<Str<'a>>,
}

impl<'a> MarkRecord<'a> {
    const fn base(
        kind: MarkKind,
        id: &'a str,
        mark_name: &'a str,
        holders: &'a [MarkParty<'a>],
        goods_and_services: &'a str,
    ) -> Self {
        MarkRecord {
            kind,
            id: Str::new(id),
            mark_name: Str::new(mark_name),
            holders: List::from_slice(holders),
            contacts: List::empty(),
            jurisdiction: None,
            classes: List::empty(),
            protections: List::empty(),
            labels: List::empty(),
            goods_and_services: Str::new(goods_and_services),
            application_id: None,
            application_date: None,
            registration_number: None,
            registration_date: None,
            expiration_date: None,
            reference_number: None,
            protection_date: None,
            title: None,
            execution_date: None,
            country: None,
            regions: List::empty(),
            court_name: None,
        }
    }

    /// A trademark built by hand, with its required fields (set the
    /// optional ones on the returned value).
    pub const fn trademark(
        id: &'a str,
        mark_name: &'a str,
        holders: &'a [MarkParty<'a>],
        jurisdiction: &'a str,
        goods_and_services: &'a str,
        registration_number: &'a str,
        registration_date: &'a str,
    ) -> Self {
        let mut record = Self::base(
            MarkKind::Trademark,
            id,
            mark_name,
            holders,
            goods_and_services,
        );
        record.jurisdiction = Some(Str::new(jurisdiction));
        record.registration_number = Some(Str::new(registration_number));
        record.registration_date = Some(Str::new(registration_date));
        record
    }

    /// A treaty or statute mark built by hand, with its required fields.
    #[allow(clippy::too_many_arguments)]
    pub const fn treaty_or_statute(
        id: &'a str,
        mark_name: &'a str,
        holders: &'a [MarkParty<'a>],
        protections: &'a [MarkProtection<'a>],
        goods_and_services: &'a str,
        reference_number: &'a str,
        protection_date: &'a str,
        title: &'a str,
        execution_date: &'a str,
    ) -> Self {
        let mut record = Self::base(
            MarkKind::TreatyOrStatute,
            id,
            mark_name,
            holders,
            goods_and_services,
        );
        record.protections = List::from_slice(protections);
        record.reference_number = Some(Str::new(reference_number));
        record.protection_date = Some(Str::new(protection_date));
        record.title = Some(Str::new(title));
        record.execution_date = Some(Str::new(execution_date));
        record
    }

    /// A court-validated mark built by hand, with its required fields.
    #[allow(clippy::too_many_arguments)]
    pub const fn court(
        id: &'a str,
        mark_name: &'a str,
        holders: &'a [MarkParty<'a>],
        goods_and_services: &'a str,
        reference_number: &'a str,
        protection_date: &'a str,
        country: &'a str,
        court_name: &'a str,
    ) -> Self {
        let mut record = Self::base(MarkKind::Court, id, mark_name, holders, goods_and_services);
        record.reference_number = Some(Str::new(reference_number));
        record.protection_date = Some(Str::new(protection_date));
        record.country = Some(Str::new(country));
        record.court_name = Some(Str::new(court_name));
        record
    }
}

impl<'a> FromChild<'a> for MarkRecord<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let kind = match c.local() {
            "treatyOrStatute" => MarkKind::TreatyOrStatute,
            "court" => MarkKind::Court,
            _ => MarkKind::Trademark,
        };
        // Up to 13 distinct child names: indexed in one pass rather than
        // scanned once per field.
        let index = Indexed::new(c);
        let token = |local: &str| index.child(local).map(|e| e.token());
        MarkRecord {
            kind,
            id: token("id").unwrap_or_default(),
            mark_name: token("markName").unwrap_or_default(),
            holders: index.list("holder"),
            contacts: index.list("contact"),
            jurisdiction: token("jurisdiction"),
            classes: index.list("class"),
            protections: index.list("protection"),
            labels: index.list("label"),
            goods_and_services: token("goodsAndServices").unwrap_or_default(),
            application_id: token("apId"),
            application_date: token("apDate"),
            registration_number: token("regNum"),
            registration_date: token("regDate"),
            expiration_date: token("exDate"),
            reference_number: token("refNum"),
            protection_date: token("proDate"),
            title: token("title"),
            execution_date: token("execDate"),
            country: token("cc"),
            regions: index.list("region"),
            court_name: token("courtName"),
        }
    }
}

/// A `<mark:holder>` or `<mark:contact>`: a person or organisation and how
/// to reach them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkParty<'a> {
    /// The holder's `entitlement` (`owner`, `assignee`, `licensee`) or the
    /// contact's `type` (`owner`, `agent`, `thirdparty`).
    pub role: Option<Str<'a>>,
    /// `<mark:name>` (required for a contact).
    pub name: Option<Str<'a>>,
    /// `<mark:org>`.
    pub org: Option<Str<'a>>,
    /// `<mark:addr>`.
    pub address: MarkAddress<'a>,
    /// `<mark:voice>` (required for a contact).
    pub voice: Option<Phone<'a>>,
    /// `<mark:fax>`.
    pub fax: Option<Phone<'a>>,
    /// `<mark:email>` (required for a contact).
    pub email: Option<Str<'a>>,
}

impl<'a> MarkParty<'a> {
    /// A holder or contact built by hand with its role and address (set
    /// the other fields on the returned value).
    pub const fn new(role: &'a str, address: MarkAddress<'a>) -> Self {
        MarkParty {
            role: Some(Str::new(role)),
            name: None,
            org: None,
            address,
            voice: None,
            fax: None,
            email: None,
        }
    }
}

impl<'a> FromChild<'a> for MarkParty<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let index = Indexed::new(c);
        let token = |local: &str| index.child(local).map(|e| e.token());
        let role = if c.local() == "contact" {
            c.attr("type")
        } else {
            c.attr("entitlement")
        };
        MarkParty {
            role: role.map(Str::trimmed),
            name: token("name"),
            org: token("org"),
            address: index
                .child("addr")
                .map_or(MarkAddress::new(&[], "", ""), MarkAddress::from_child),
            voice: index.child("voice").map(|e| Phone::from_element(&e)),
            fax: index.child("fax").map(|e| Phone::from_element(&e)),
            email: token("email"),
        }
    }
}

/// `<mark:addr>`: a postal address.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkAddress<'a> {
    /// `<mark:street>` lines (one to three).
    pub street: List<'a, Str<'a>>,
    /// `<mark:city>`.
    pub city: Str<'a>,
    /// `<mark:sp>`: state or province.
    pub sp: Option<Str<'a>>,
    /// `<mark:pc>`: postal code.
    pub pc: Option<Str<'a>>,
    /// `<mark:cc>`: country code.
    pub cc: Str<'a>,
}

impl<'a> MarkAddress<'a> {
    /// An address built by hand (set `sp` and `pc` on the returned value).
    pub const fn new(street: &'a [Str<'a>], city: &'a str, cc: &'a str) -> Self {
        MarkAddress {
            street: List::from_slice(street),
            city: Str::new(city),
            sp: None,
            pc: None,
            cc: Str::new(cc),
        }
    }
}

impl<'a> FromChild<'a> for MarkAddress<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let index = Indexed::new(c);
        let token = |local: &str| index.child(local).map(|e| e.token());
        MarkAddress {
            street: index.list("street"),
            city: token("city").unwrap_or_default(),
            sp: token("sp"),
            pc: token("pc"),
            cc: token("cc").unwrap_or_default(),
        }
    }
}

/// `<mark:protection>` of a treaty or statute mark: where it is protected.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkProtection<'a> {
    /// `<mark:cc>`: the country.
    pub cc: Str<'a>,
    /// `<mark:region>`.
    pub region: Option<Str<'a>>,
    /// `<mark:ruling>`s: countries whose rulings apply.
    pub rulings: List<'a, Str<'a>>,
}

impl<'a> MarkProtection<'a> {
    /// A protection built by hand.
    pub const fn new(cc: &'a str, region: Option<&'a str>, rulings: &'a [Str<'a>]) -> Self {
        MarkProtection {
            cc: Str::new(cc),
            region: match region {
                Some(r) => Some(Str::new(r)),
                None => None,
            },
            rulings: List::from_slice(rulings),
        }
    }
}

impl<'a> FromChild<'a> for MarkProtection<'a> {
    fn from_child(c: Child<'a>) -> Self {
        MarkProtection {
            cc: c.child("cc").map(|e| e.token()).unwrap_or_default(),
            region: c.child("region").map(|e| e.token()),
            rulings: c.list("ruling"),
        }
    }
}

/// `<smd:signedMark>`, kept as the raw element (XML signature included)
/// and written back verbatim. **Its signature is not verified here.**
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SignedMark<'a> {
    raw: RawElement<'a>,
}

impl<'a> SignedMark<'a> {
    /// A signed mark from its XML (e.g. an SMD file's content, parsed with
    /// [`RawElement::parse`]), to write verbatim.
    pub const fn new(raw: RawElement<'a>) -> Self {
        SignedMark { raw }
    }

    /// `<smd:signedMark>` read from a message, if `raw` is one.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(SMD, "signedMark").then_some(SignedMark { raw })
    }

    /// The element as written, signature and all.
    pub fn raw(&self) -> RawElement<'a> {
        self.raw
    }

    fn element(&self) -> Option<Child<'a>> {
        self.raw.element()
    }

    fn token(&self, local: &str) -> Option<Str<'a>> {
        self.element()?.child(local).map(|c| c.token())
    }

    /// The `id` attribute (what the signature's reference points at).
    pub fn id_attribute(&self) -> Option<Str<'a>> {
        self.element()?.attr("id").map(Str::trimmed)
    }

    /// `<smd:id>`: the signed mark's identifier (not verified).
    pub fn smd_id(&self) -> Option<Str<'a>> {
        self.token("id")
    }

    /// `<smd:issuerInfo issuerID="…">` (not verified).
    pub fn issuer_id(&self) -> Option<Str<'a>> {
        self.element()?
            .child("issuerInfo")?
            .attr("issuerID")
            .map(Str::trimmed)
    }

    /// `<smd:issuerInfo><smd:org>` (not verified).
    pub fn issuer_org(&self) -> Option<Str<'a>> {
        self.element()?
            .child("issuerInfo")?
            .child("org")
            .map(|c| c.token())
    }

    /// `<smd:notBefore>` (not verified).
    pub fn not_before(&self) -> Option<Str<'a>> {
        self.token("notBefore")
    }

    /// `<smd:notAfter>` (not verified).
    pub fn not_after(&self) -> Option<Str<'a>> {
        self.token("notAfter")
    }

    /// The `<mark:mark>` it signs, read tolerantly (not verified).
    pub fn mark(&self) -> Option<Mark<'a>> {
        self.element()?.child_in(NS, "mark").map(Mark::from_child)
    }
}

impl<'a> FromChild<'a> for SignedMark<'a> {
    fn from_child(c: Child<'a>) -> Self {
        SignedMark {
            raw: RawElement::new(Namespace::Known(SMD), c.local(), c.span(), c.doc())
                .matched(c.matching())
                .scoped(c.scope()),
        }
    }
}

/// `<smd:encodedSignedMark>`: a signed mark encoded as text (base64). The
/// signature inside is not verified here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncodedSignedMark<'a> {
    /// The `encoding` attribute (`base64` when absent).
    pub encoding: Option<Str<'a>>,
    /// The encoded signed mark, as written (line breaks included).
    pub data: Str<'a>,
}

impl<'a> EncodedSignedMark<'a> {
    /// An encoded signed mark built by hand, in base64.
    pub const fn new(data: &'a str) -> Self {
        EncodedSignedMark {
            encoding: None,
            data: Str::new(data),
        }
    }

    /// `<smd:encodedSignedMark>` read from a message, if `raw` is one.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(SMD, "encodedSignedMark").then_some(())?;
        raw.element().map(Self::from_child)
    }
}

impl<'a> FromChild<'a> for EncodedSignedMark<'a> {
    fn from_child(c: Child<'a>) -> Self {
        EncodedSignedMark {
            encoding: c.attr("encoding").map(Str::trimmed),
            data: c.token(),
        }
    }
}

// ----- strict reading -----

fn span_to<'a>(r: &Reader<'_, 'a>, e: Elem<'a>) -> Span {
    Span {
        start: e.tag.start,
        end: r.last_end(),
    }
}

/// What a leaf's simple content must be.
#[derive(Clone, Copy)]
enum Leaf {
    /// Any token.
    Token,
    /// A token of at least one character (`minTokenType`).
    NonEmpty,
    /// A two-letter country code (`ccType`).
    Country,
    /// `\d+-\d+` (`idType`).
    Id,
    /// A DNS label (`labelType`).
    Label,
    /// An integer.
    Integer,
    /// An XML Schema `dateTime`.
    DateTime,
    /// At most 16 characters (`pcType`).
    PostalCode,
}

fn invalid<'a>(
    expected: &'static str,
    e: Elem<'a>,
    value: Str<'a>,
    span: Span,
) -> CommandError<'a> {
    value_error(
        CommandErrorKind::InvalidValue { expected },
        e.element_name(),
        value,
        span,
    )
}

/// Reads a leaf `e` (just taken) with no attributes and checks its value.
fn read_leaf<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
    leaf: Leaf,
) -> Result<Str<'a>, CommandError<'a>> {
    r.check_attributes(e, &[])?;
    check_leaf(r, e, leaf)
}

fn check_leaf<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
    leaf: Leaf,
) -> Result<Str<'a>, CommandError<'a>> {
    let value = r.token(e)?;
    let span = span_to(r, e);
    let mut buf = [0u8; 64];
    match leaf {
        Leaf::Token => {}
        Leaf::NonEmpty => {
            check_length(value, 1, u32::MAX, e.element_name(), span)?;
        }
        Leaf::Country => {
            check_length(value, 2, 2, e.element_name(), span)?;
        }
        Leaf::PostalCode => {
            check_length(value, 0, 16, e.element_name(), span)?;
        }
        Leaf::Id => {
            let text = plain_ascii(&value, &mut buf);
            let ok = text.split_once('-').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            });
            if !ok {
                return Err(invalid("a mark id (digits-digits)", e, value, span));
            }
        }
        Leaf::Label => {
            check_length(value, 1, 63, e.element_name(), span)?;
            let b = plain_ascii(&value, &mut buf).as_bytes();
            let ok = !b.is_empty()
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-');
            if !ok {
                return Err(invalid("a DNS label", e, value, span));
            }
        }
        Leaf::Integer => {
            let text = plain_ascii(&value, &mut buf);
            let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return Err(invalid("an integer", e, value, span));
            }
        }
        Leaf::DateTime => {
            if DateTime::parse(plain_ascii(&value, &mut buf)).is_none() {
                return Err(invalid("a date and time (RFC 3339)", e, value, span));
            }
        }
    }
    Ok(value)
}

/// The required leaf `ns:local`, next.
fn required_leaf<'a>(
    r: &mut Reader<'_, 'a>,
    ns: Ns,
    local: &'static str,
    leaf: Leaf,
) -> Result<Str<'a>, CommandError<'a>> {
    let e = r.required(ns, local)?;
    read_leaf(r, e, leaf)
}

/// The optional leaf `ns:local`, if it is next.
fn optional_leaf<'a>(
    r: &mut Reader<'_, 'a>,
    ns: Ns,
    local: &'static str,
    leaf: Leaf,
) -> Result<Option<Str<'a>>, CommandError<'a>> {
    match r.optional(ns, local)? {
        Some(e) => read_leaf(r, e, leaf).map(Some),
        None => Ok(None),
    }
}

fn leaf_run<'a>(
    r: &mut Reader<'_, 'a>,
    local: &'static str,
    min: u32,
    max: u32,
    leaf: Leaf,
) -> Result<(), CommandError<'a>> {
    r.run(NS, local, min, max, |r, e| {
        read_leaf(r, e, leaf).map(|_| ())
    })?;
    Ok(())
}

/// Reads `<mark:mark>` (`e`, just taken) strictly: the records in the
/// schema's order, each with its required children in order, enumerations,
/// country codes, labels and dates checked.
pub(crate) fn read_mark<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    r.run(NS, "trademark", 0, u32::MAX, |r, t| {
        read_record(r, t, MarkKind::Trademark)
    })?;
    r.run(NS, "treatyOrStatute", 0, u32::MAX, |r, t| {
        read_record(r, t, MarkKind::TreatyOrStatute)
    })?;
    r.run(NS, "court", 0, u32::MAX, |r, t| {
        read_record(r, t, MarkKind::Court)
    })?;
    r.end()
}

fn read_record<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
    kind: MarkKind,
) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &[])?;
    required_leaf(r, NS, "id", Leaf::Id)?;
    required_leaf(r, NS, "markName", Leaf::Token)?;
    r.run(NS, "holder", 1, u32::MAX, |r, h| read_party(r, h, false))?;
    r.run(NS, "contact", 0, u32::MAX, |r, c| read_party(r, c, true))?;
    match kind {
        MarkKind::Trademark => {
            required_leaf(r, NS, "jurisdiction", Leaf::Country)?;
            leaf_run(r, "class", 0, u32::MAX, Leaf::Integer)?;
            leaf_run(r, "label", 0, u32::MAX, Leaf::Label)?;
            required_leaf(r, NS, "goodsAndServices", Leaf::Token)?;
            optional_leaf(r, NS, "apId", Leaf::Token)?;
            optional_leaf(r, NS, "apDate", Leaf::DateTime)?;
            required_leaf(r, NS, "regNum", Leaf::Token)?;
            required_leaf(r, NS, "regDate", Leaf::DateTime)?;
            optional_leaf(r, NS, "exDate", Leaf::DateTime)?;
        }
        MarkKind::TreatyOrStatute => {
            r.run(NS, "protection", 1, u32::MAX, |r, p| {
                r.check_attributes(p, &[])?;
                required_leaf(r, NS, "cc", Leaf::Country)?;
                optional_leaf(r, NS, "region", Leaf::Token)?;
                leaf_run(r, "ruling", 0, u32::MAX, Leaf::Country)?;
                r.end()
            })?;
            leaf_run(r, "label", 0, u32::MAX, Leaf::Label)?;
            required_leaf(r, NS, "goodsAndServices", Leaf::Token)?;
            required_leaf(r, NS, "refNum", Leaf::Token)?;
            required_leaf(r, NS, "proDate", Leaf::DateTime)?;
            required_leaf(r, NS, "title", Leaf::Token)?;
            required_leaf(r, NS, "execDate", Leaf::DateTime)?;
        }
        MarkKind::Court => {
            leaf_run(r, "label", 0, u32::MAX, Leaf::Label)?;
            required_leaf(r, NS, "goodsAndServices", Leaf::Token)?;
            required_leaf(r, NS, "refNum", Leaf::Token)?;
            required_leaf(r, NS, "proDate", Leaf::DateTime)?;
            required_leaf(r, NS, "cc", Leaf::Country)?;
            leaf_run(r, "region", 0, u32::MAX, Leaf::Token)?;
            required_leaf(r, NS, "courtName", Leaf::Token)?;
        }
    }
    r.end()
}

const ENTITLEMENTS: &[(&str, ())] = &[("owner", ()), ("assignee", ()), ("licensee", ())];
const CONTACT_TYPES: &[(&str, ())] = &[("owner", ()), ("agent", ()), ("thirdparty", ())];

/// A holder (`contact` false) or a contact.
fn read_party<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
    contact: bool,
) -> Result<(), CommandError<'a>> {
    let (attribute, table, expected) = if contact {
        (
            "type",
            CONTACT_TYPES,
            "a contact type (owner, agent, thirdparty)",
        )
    } else {
        (
            "entitlement",
            ENTITLEMENTS,
            "an entitlement (owner, assignee, licensee)",
        )
    };
    r.check_attributes(e, &[attribute])?;
    if let Some(role) = r.attr(attribute) {
        check_enum(role.trimmed(), table, expected, e.element_name(), e.tag)
            .map_err(|err| err.with_attribute(attribute))?;
    }
    if contact {
        required_leaf(r, NS, "name", Leaf::Token)?;
    } else {
        optional_leaf(r, NS, "name", Leaf::Token)?;
    }
    optional_leaf(r, NS, "org", Leaf::Token)?;
    let addr = r.required(NS, "addr")?;
    r.check_attributes(addr, &[])?;
    leaf_run(r, "street", 1, 3, Leaf::Token)?;
    required_leaf(r, NS, "city", Leaf::Token)?;
    optional_leaf(r, NS, "sp", Leaf::Token)?;
    optional_leaf(r, NS, "pc", Leaf::PostalCode)?;
    required_leaf(r, NS, "cc", Leaf::Country)?;
    r.end()?;
    if contact {
        let voice = r.required(NS, "voice")?;
        read_phone(r, voice)?;
    } else if let Some(voice) = r.optional(NS, "voice")? {
        read_phone(r, voice)?;
    }
    if let Some(fax) = r.optional(NS, "fax")? {
        read_phone(r, fax)?;
    }
    if contact {
        required_leaf(r, NS, "email", Leaf::NonEmpty)?;
    } else {
        optional_leaf(r, NS, "email", Leaf::NonEmpty)?;
    }
    r.end()
}

fn read_phone<'a>(r: &mut Reader<'_, 'a>, e: Elem<'a>) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["x"])?;
    let number = r.token(e)?;
    if !number.is_empty() {
        check_e164(number, e.element_name(), span_to(r, e))?;
    }
    Ok(())
}

/// Reads `<smd:signedMark>` (`e`, just taken) strictly: its `id`, the
/// signed data in order (the mark checked as [`read_mark`] does) and a
/// `Signature` element, which is skipped: the signature is not verified.
pub(crate) fn read_signed_mark<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["id"])?;
    r.required_attr(e, "id")?;
    required_leaf(r, SMD, "id", Leaf::Id)?;
    let issuer = r.required(SMD, "issuerInfo")?;
    r.check_attributes(issuer, &["issuerID"])?;
    r.required_attr(issuer, "issuerID")?;
    required_leaf(r, SMD, "org", Leaf::Token)?;
    required_leaf(r, SMD, "email", Leaf::NonEmpty)?;
    optional_leaf(r, SMD, "url", Leaf::Token)?;
    if let Some(voice) = r.optional(SMD, "voice")? {
        read_phone(r, voice)?;
    }
    r.end()?;
    required_leaf(r, SMD, "notBefore", Leaf::DateTime)?;
    required_leaf(r, SMD, "notAfter", Leaf::DateTime)?;
    let mark = r.required(NS, "mark")?;
    read_mark(r, mark)?;
    let signature = r.required(Ns::XmlDsig, "Signature")?;
    r.skip(signature)?;
    r.end()
}

/// Reads `<smd:encodedSignedMark>` (`e`, just taken) strictly: its
/// `encoding` and, in base64, the alphabet and padding of its text.
pub(crate) fn read_encoded_signed_mark<'a>(
    r: &mut Reader<'_, 'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    r.check_attributes(e, &["encoding"])?;
    let base64 = r
        .attr("encoding")
        .is_none_or(|enc| enc.trimmed().eq_str("base64"));
    let value = r.token(e)?;
    if base64 && !is_base64(value) {
        return Err(invalid("base64 data", e, value, span_to(r, e)));
    }
    Ok(())
}

/// Base64 (RFC 4648 §4) with white space allowed between characters.
fn is_base64(value: Str<'_>) -> bool {
    let mut count = 0usize;
    let mut padding = 0usize;
    for c in value.chars() {
        match c {
            ' ' | '\t' | '\r' | '\n' => continue,
            '=' => padding += 1,
            c if padding == 0 && (c.is_ascii_alphanumeric() || c == '+' || c == '/') => {}
            _ => return false,
        }
        count += 1;
    }
    count > 0 && count.is_multiple_of(4) && padding <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert!(is_base64(Str::new("PD94bWwg\n dmVy")));
        assert!(is_base64(Str::new("YQ==")));
        assert!(!is_base64(Str::new("YQ=")));
        assert!(!is_base64(Str::new("Y=Q=")));
        assert!(!is_base64(Str::new("...")));
        assert!(!is_base64(Str::new("")));
    }
}
