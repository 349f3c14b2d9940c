//! Registry maintenance notifications,
//! `urn:ietf:params:xml:ns:epp:maintenance-1.0` (RFC 9167): an object-like
//! mapping with a single command, `<info>` of one maintenance item or of
//! the list of items, answered with `<maint:infData>` in `<resData>`; the
//! same `<maint:infData>` arrives in poll messages.
//!
//! The command is [`Command::Maintenance`](crate::view::Command::Maintenance),
//! read strictly; the response data is read tolerantly with
//! [`Extensions::maintenance`](crate::view::Extensions::maintenance) on a
//! response's [`res_data`](crate::view::Response::res_data).
//!
//! ```
//! use epp_codec::view::ext::{MaintenanceData, MaintenanceInfo};
//! use epp_codec::view::{Command, read_command, read_response};
//!
//! let info = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><info>
//!   <maint:info xmlns:maint="urn:ietf:params:xml:ns:epp:maintenance-1.0"><maint:list/></maint:info>
//!   </info><clTRID>ABC-12345</clTRID></command></epp>"#;
//! let request = read_command(info).unwrap();
//! assert!(matches!(request.command(), Command::Maintenance(MaintenanceInfo::List)));
//!
//! let answer = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
//!   <result code="1000"><msg>Command completed successfully</msg></result>
//!   <resData><maint:infData xmlns:maint="urn:ietf:params:xml:ns:epp:maintenance-1.0"><maint:list>
//!     <maint:listItem><maint:id>m-1</maint:id><maint:start>2021-12-30T06:00:00Z</maint:start>
//!       <maint:end>2021-12-30T07:00:00Z</maint:end><maint:crDate>2021-11-08T22:10:00Z</maint:crDate>
//!     </maint:listItem></maint:list></maint:infData></resData>
//!   <trID><svTRID>54321-XYZ</svTRID></trID></response></epp>"#;
//! let response = read_response(answer).unwrap();
//! let Some(MaintenanceData::List(items)) = response.res_data().maintenance() else { panic!() };
//! assert_eq!(items.first().unwrap().id.id, "m-1");
//! ```

use crate::view::command::{RawElement, Verb, check_language};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::scan::{Child, FromChild, Indexed, List, Lookup};
use crate::view::str::Str;
use crate::xml::Ns;

const NS: Ns = Ns::Maintenance;

/// `<maint:id name="…" lang="…">`: a maintenance event's server-unique
/// identifier, with its optional human-readable name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaintenanceId<'a> {
    /// The identifier.
    pub id: Str<'a>,
    /// `name`: a human-readable name of the event.
    pub name: Option<Str<'a>>,
    /// `lang`: the language of the name (`en` when absent).
    pub lang: Option<Str<'a>>,
}

impl<'a> MaintenanceId<'a> {
    /// An identifier built by hand, without a name.
    pub const fn new(id: &'a str) -> Self {
        MaintenanceId {
            id: Str::new(id),
            name: None,
            lang: None,
        }
    }

    /// The same identifier with the human-readable `name` (in `lang`, when
    /// not English).
    pub const fn with_name(mut self, name: &'a str, lang: Option<&'a str>) -> Self {
        self.name = Some(Str::new(name));
        self.lang = match lang {
            Some(lang) => Some(Str::new(lang)),
            None => None,
        };
        self
    }
}

impl<'a> FromChild<'a> for MaintenanceId<'a> {
    fn from_child(c: Child<'a>) -> Self {
        MaintenanceId {
            id: c.token(),
            name: c.attr("name").map(Str::trimmed),
            lang: c.attr("lang").map(Str::trimmed),
        }
    }
}

/// The `<maint:info>` command: one item, or the list of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaintenanceInfo<'a> {
    /// `<maint:id>`: the maintenance item with this identifier.
    Item(MaintenanceId<'a>),
    /// `<maint:list/>`: every maintenance item (server policy decides
    /// whether finished ones are included).
    List,
}

/// A text in a language: `<maint:type lang="…">`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LangText<'a> {
    /// The text.
    pub text: Str<'a>,
    /// `lang` (`en` when absent).
    pub lang: Option<Str<'a>>,
}

impl<'a> LangText<'a> {
    /// A text built by hand, in `lang` when not English.
    pub const fn new(text: &'a str, lang: Option<&'a str>) -> Self {
        LangText {
            text: Str::new(text),
            lang: match lang {
                Some(lang) => Some(Str::new(lang)),
                None => None,
            },
        }
    }
}

impl<'a> FromChild<'a> for LangText<'a> {
    fn from_child(c: Child<'a>) -> Self {
        LangText {
            text: c.text(),
            lang: c.attr("lang").map(Str::trimmed),
        }
    }
}

/// `<maint:description lang="…" type="…">`: a free-form description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaintenanceDescription<'a> {
    /// The description (HTML, XML-escaped, when `content_type` is `html`).
    pub text: Str<'a>,
    /// `lang` (`en` when absent).
    pub lang: Option<Str<'a>>,
    /// `type`: `plain` or `html` (`plain` when absent).
    pub content_type: Option<Str<'a>>,
}

impl<'a> MaintenanceDescription<'a> {
    /// A plain-text description built by hand, in `lang` when not English.
    pub const fn new(text: &'a str, lang: Option<&'a str>) -> Self {
        MaintenanceDescription {
            text: Str::new(text),
            lang: match lang {
                Some(lang) => Some(Str::new(lang)),
                None => None,
            },
            content_type: None,
        }
    }
}

impl<'a> FromChild<'a> for MaintenanceDescription<'a> {
    fn from_child(c: Child<'a>) -> Self {
        MaintenanceDescription {
            text: c.text(),
            lang: c.attr("lang").map(Str::trimmed),
            content_type: c.attr("type").map(Str::trimmed),
        }
    }
}

/// `<maint:system>`: a system the maintenance affects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaintenanceSystem<'a> {
    /// `<maint:name>`: `EPP`, `WHOIS`, `DNS`, `Portal`, `RDAP` …
    pub name: Str<'a>,
    /// `<maint:host>`: the system's host name (A-label).
    pub host: Option<Str<'a>>,
    /// `<maint:impact>`: `full`, `partial` or `none`.
    pub impact: Str<'a>,
}

impl<'a> MaintenanceSystem<'a> {
    /// A system built by hand, without a host name.
    pub const fn new(name: &'a str, impact: &'a str) -> Self {
        MaintenanceSystem {
            name: Str::new(name),
            host: None,
            impact: Str::new(impact),
        }
    }

    /// The same system on `host`.
    pub const fn with_host(mut self, host: &'a str) -> Self {
        self.host = Some(Str::new(host));
        self
    }
}

impl<'a> FromChild<'a> for MaintenanceSystem<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let token = |local: &str| c.child(local).map(|e| e.token());
        MaintenanceSystem {
            name: token("name").unwrap_or_default(),
            host: token("host"),
            impact: token("impact").unwrap_or_default(),
        }
    }
}

/// `<maint:environment type="…" name="…"/>`: the kind of system affected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaintenanceEnvironment<'a> {
    /// `type`: `production`, `ote`, `staging`, `dev` or `custom`.
    pub env_type: Str<'a>,
    /// `name`: the custom environment's name.
    pub name: Option<Str<'a>>,
}

impl<'a> MaintenanceEnvironment<'a> {
    /// An environment built by hand (`production`, `ote` …).
    pub const fn new(env_type: &'a str) -> Self {
        MaintenanceEnvironment {
            env_type: Str::new(env_type),
            name: None,
        }
    }

    /// A `custom` environment called `name`.
    pub const fn custom(name: &'a str) -> Self {
        MaintenanceEnvironment {
            env_type: Str::new("custom"),
            name: Some(Str::new(name)),
        }
    }
}

/// `<maint:intervention>`: whether clients must act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaintenanceIntervention {
    /// `<maint:connection>`: a connection-related action (a reconnect).
    /// A value that is not a boolean reads as `false`.
    pub connection: bool,
    /// `<maint:implementation>`: an implementation-related action (a code
    /// change). A value that is not a boolean reads as `false`.
    pub implementation: bool,
}

/// `<maint:item>`: one maintenance event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MaintenanceItem<'a> {
    /// `<maint:id>`.
    pub id: MaintenanceId<'a>,
    /// `<maint:type>`s: server-defined kinds ("Routine Maintenance" …).
    pub types: List<'a, LangText<'a>>,
    /// `<maint:pollType>` (poll messages only): `create`, `update`,
    /// `delete`, `courtesy` or `end`.
    pub poll_type: Option<Str<'a>>,
    /// `<maint:systems>`: the systems affected (at least one).
    pub systems: List<'a, MaintenanceSystem<'a>>,
    /// `<maint:environment>`.
    pub environment: MaintenanceEnvironment<'a>,
    /// `<maint:start>` (RFC 3339 date-time).
    pub start: Str<'a>,
    /// `<maint:end>` (RFC 3339 date-time).
    pub end: Str<'a>,
    /// `<maint:reason>`: `planned` or `emergency`.
    pub reason: Str<'a>,
    /// `<maint:detail>`: a URI describing the event.
    pub detail: Option<Str<'a>>,
    /// `<maint:description>`s.
    pub descriptions: List<'a, MaintenanceDescription<'a>>,
    /// `<maint:tlds>`: the zones affected (empty: the whole system).
    pub tlds: List<'a, Str<'a>>,
    /// `<maint:intervention>`.
    pub intervention: Option<MaintenanceIntervention>,
    /// `<maint:crDate>`.
    pub created: Str<'a>,
    /// `<maint:upDate>`: the last change (absent when never changed).
    pub updated: Option<Str<'a>>,
}

impl<'a> MaintenanceItem<'a> {
    /// An item built by hand with what the schema requires: no type, poll
    /// type, detail, description, TLD, intervention or update date.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: MaintenanceId<'a>,
        systems: &'a [MaintenanceSystem<'a>],
        environment: MaintenanceEnvironment<'a>,
        start: &'a str,
        end: &'a str,
        reason: &'a str,
        created: &'a str,
    ) -> Self {
        MaintenanceItem {
            id,
            types: List::empty(),
            poll_type: None,
            systems: List::from_slice(systems),
            environment,
            start: Str::new(start),
            end: Str::new(end),
            reason: Str::new(reason),
            detail: None,
            descriptions: List::empty(),
            tlds: List::empty(),
            intervention: None,
            created: Str::new(created),
            updated: None,
        }
    }

    fn from_element(e: Child<'a>) -> Self {
        let e = Indexed::new(e);
        let token = |local: &str| e.child(local).map(|c| c.token());
        let environment = e.child("environment");
        MaintenanceItem {
            id: e
                .child("id")
                .map(MaintenanceId::from_child)
                .unwrap_or(MaintenanceId {
                    id: Str::new(""),
                    name: None,
                    lang: None,
                }),
            types: e.list("type"),
            poll_type: token("pollType"),
            systems: e
                .child("systems")
                .map_or(List::empty(), |s| s.list("system")),
            environment: MaintenanceEnvironment {
                env_type: environment
                    .and_then(|c| c.attr("type"))
                    .map(Str::trimmed)
                    .unwrap_or_default(),
                name: environment.and_then(|c| c.attr("name")).map(Str::trimmed),
            },
            start: token("start").unwrap_or_default(),
            end: token("end").unwrap_or_default(),
            reason: token("reason").unwrap_or_default(),
            detail: token("detail"),
            descriptions: e.list("description"),
            tlds: e.child("tlds").map_or(List::empty(), |t| t.list("tld")),
            intervention: e.child("intervention").map(|i| MaintenanceIntervention {
                connection: boolean(i.child("connection")),
                implementation: boolean(i.child("implementation")),
            }),
            created: token("crDate").unwrap_or_default(),
            updated: token("upDate"),
        }
    }
}

fn boolean(c: Option<Child<'_>>) -> bool {
    c.map(|c| c.token())
        .is_some_and(|v| v.eq_str("true") || v.eq_str("1"))
}

/// `<maint:listItem>`: one event in the list of maintenance items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaintenanceListItem<'a> {
    /// `<maint:id>`.
    pub id: MaintenanceId<'a>,
    /// `<maint:start>`.
    pub start: Str<'a>,
    /// `<maint:end>`.
    pub end: Str<'a>,
    /// `<maint:crDate>`.
    pub created: Str<'a>,
    /// `<maint:upDate>`.
    pub updated: Option<Str<'a>>,
}

impl<'a> MaintenanceListItem<'a> {
    /// A list item built by hand, never updated.
    pub const fn new(
        id: MaintenanceId<'a>,
        start: &'a str,
        end: &'a str,
        created: &'a str,
    ) -> Self {
        MaintenanceListItem {
            id,
            start: Str::new(start),
            end: Str::new(end),
            created: Str::new(created),
            updated: None,
        }
    }

    /// The same item, last updated at `updated`.
    pub const fn with_updated(mut self, updated: &'a str) -> Self {
        self.updated = Some(Str::new(updated));
        self
    }
}

impl<'a> FromChild<'a> for MaintenanceListItem<'a> {
    fn from_child(c: Child<'a>) -> Self {
        let token = |local: &str| c.child(local).map(|e| e.token());
        MaintenanceListItem {
            id: c
                .child("id")
                .map(MaintenanceId::from_child)
                .unwrap_or(MaintenanceId::new("")),
            start: token("start").unwrap_or_default(),
            end: token("end").unwrap_or_default(),
            created: token("crDate").unwrap_or_default(),
            updated: token("upDate"),
        }
    }
}

/// `<maint:infData>`: the answer to an info command, or a poll message.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MaintenanceData<'a> {
    /// `<maint:item>`: one maintenance event.
    Item(MaintenanceItem<'a>),
    /// `<maint:list>`: the maintenance events (possibly none).
    List(List<'a, MaintenanceListItem<'a>>),
}

impl<'a> MaintenanceData<'a> {
    /// `<maint:infData>` read tolerantly from a response's `<resData>`;
    /// `None` for any other element, or an `infData` holding neither an
    /// item nor a list.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(NS, "infData").then_some(())?;
        let element = raw.element()?;
        for c in element.children() {
            match c.local() {
                "item" => return Some(MaintenanceData::Item(MaintenanceItem::from_element(c))),
                "list" => return Some(MaintenanceData::List(c.list("listItem"))),
                _ => {}
            }
        }
        None
    }
}

// ----- strict reading of the command -----

/// Reads `<maint:info>` (`object`, just taken) of an `<info>` command
/// strictly: exactly one of `<maint:id>` and an empty `<maint:list/>`.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    verb: Verb,
    object: Elem<'a>,
) -> Result<MaintenanceInfo<'a>, CommandError<'a>> {
    // The mapping defines no other command.
    if verb != Verb::Info || object.name.local() != "info" {
        return Err(r.unexpected(object));
    }
    r.check_attributes(object, &[])?;
    let Some(choice) = r.next()? else {
        return Err(r.missing_any(object));
    };
    let info = if choice.is(NS, "list") {
        r.check_attributes(choice, &[])?;
        r.empty(choice)?;
        MaintenanceInfo::List
    } else if choice.is(NS, "id") {
        r.check_attributes(choice, &["name", "lang"])?;
        let name = r.attr("name").map(Str::trimmed);
        let lang = match r.attr("lang") {
            Some(lang) => Some(check_language(lang.trimmed(), choice, "lang")?),
            None => None,
        };
        let id = r.token(choice)?;
        MaintenanceInfo::Item(MaintenanceId { id, name, lang })
    } else {
        return Err(r.unexpected(choice));
    };
    r.end()?;
    Ok(info)
}
