//! Drivers for the write benches: epp-codec writing a command or response
//! into a reused buffer, against instant-epp (0.5) serializing the same
//! command the way its crate-private `xml::serialize` does:
//! `instant_xml::to_string` of an `<epp>` wrapper around a `<command>`
//! wrapper around `instant_epp::domain::DomainCreate`, after the XML
//! declaration. instant-epp keeps both wrappers private, so they are
//! mirrored here field for field.

use instant_epp::domain::{DomainContact, DomainCreate, HostInfo, HostObj, Period, PeriodLength};
use instant_xml::ToXml;
use instant_xml::ser::Context;

const EPP_XMLNS: &str = "urn:ietf:params:xml:ns:epp-1.0";

/// instant-epp's `<epp>` wrapper.
#[derive(ToXml)]
#[xml(rename = "epp", ns("urn:ietf:params:xml:ns:epp-1.0"))]
struct Epp<T> {
    data: T,
}

/// instant-epp's `CommandWrapper` (no extension): `<command>`, the
/// command, `<clTRID>`.
struct CommandWrapper<'a, D> {
    data: &'a D,
    client_tr_id: String,
}

impl<D: ToXml> ToXml for CommandWrapper<'_, D> {
    fn serialize<W: std::fmt::Write + ?Sized>(
        &self,
        _: Option<instant_xml::Id<'_>>,
        serializer: &mut instant_xml::Serializer<W>,
    ) -> Result<(), instant_xml::Error> {
        let command = serializer.write_start("command", EPP_XMLNS, None::<Context<0>>)?;
        serializer.end_start()?;
        self.data.serialize(None, serializer)?;
        let cl_tr_id = serializer.write_start("clTRID", EPP_XMLNS, None::<Context<0>>)?;
        serializer.end_start()?;
        self.client_tr_id.as_str().serialize(None, serializer)?;
        serializer.write_close(cl_tr_id)?;
        serializer.write_close(command)?;
        Ok(())
    }
}

/// The RFC 5731 §3.2.1 create command's contacts, as instant-epp types.
pub fn instant_epp_contacts() -> [DomainContact<'static>; 2] {
    [
        DomainContact {
            contact_type: "admin".into(),
            id: "sh8013".into(),
        },
        DomainContact {
            contact_type: "tech".into(),
            id: "sh8013".into(),
        },
    ]
}

/// The RFC 5731 §3.2.1 create command's name servers, as instant-epp types.
pub fn instant_epp_hosts() -> [HostInfo<'static>; 2] {
    [
        HostInfo::Obj(HostObj {
            name: "ns1.example.net".into(),
        }),
        HostInfo::Obj(HostObj {
            name: "ns2.example.net".into(),
        }),
    ]
}

/// The RFC 5731 §3.2.1 create command as an instant-epp value.
///
/// # Panics
///
/// Never: the period is valid.
pub fn instant_epp_create<'a>(
    hosts: &'a [HostInfo<'a>],
    contacts: &'a [DomainContact<'a>],
) -> DomainCreate<'a> {
    DomainCreate::new(
        "example.com",
        Period::Years(PeriodLength::new(2).expect("a valid period")),
        Some(hosts),
        Some("jd1234"),
        "2fooBAR",
        Some(contacts),
    )
}

/// instant-epp: serialize a create command as its client does.
///
/// # Panics
///
/// When instant-xml fails to serialize.
#[inline(never)]
pub fn serialize_instant_epp(create: &DomainCreate<'_>) -> String {
    let wrapper = CommandWrapper {
        data: create,
        client_tr_id: "ABC-12345".into(),
    };
    format!(
        "{}\r\n{}",
        instant_epp::xml::EPP_XML_HEADER,
        instant_xml::to_string(&Epp { data: wrapper }).expect("instant-xml serializes")
    )
}

/// The RFC 5731 §3.2.1 create command built by hand as epp-codec values,
/// handed to `f` (the values borrow locals).
pub fn with_epp_codec_create<R>(f: impl FnOnce(&epp_codec::view::Request<'_>) -> R) -> R {
    use epp_codec::view::command::domain::{Contact, ContactType, Create, NameServers};
    use epp_codec::view::command::{Command, Request};
    use epp_codec::view::{AuthInfo, DomainCommand, Period, PeriodUnit, Str};
    let hosts = [Str::new("ns1.example.net"), Str::new("ns2.example.net")];
    let contacts = [
        Contact::new("sh8013", ContactType::Admin),
        Contact::new("sh8013", ContactType::Tech),
    ];
    let auth_info = AuthInfo::Password {
        password: Str::new("2fooBAR"),
        roid: None,
    };
    let create = Create::new("example.com", auth_info)
        .with_period(Period {
            value: 2,
            unit: PeriodUnit::Years,
        })
        .with_name_servers(NameServers::objects(&hosts))
        .with_registrant("jd1234")
        .with_contacts(&contacts);
    let request =
        Request::new(Command::Domain(DomainCommand::Create(create))).with_cl_trid("ABC-12345");
    f(&request)
}
