//! Domain commands built by hand, written, and read back field by field.

#![cfg(feature = "alloc")]

use epp_codec::view::command::domain::{
    AddRemove, Change, Check, Contact, ContactType, Create, Delete, DomainCommand, DomainStatus,
    HostAddr, HostAttr, HostsFilter, Info, NameServers, RegistrantChange, Renew, Status, Transfer,
    Update,
};
use epp_codec::view::command::{Command, Request};
use epp_codec::view::{
    AuthInfo, Date, IpVersion, Period, PeriodUnit, Str, TransferOp, read_command,
};
use epp_codec::write::{Writable, WriteError, WriteOptions, to_vec};

fn round_trip(command: DomainCommand<'_>) -> Vec<u8> {
    let request = Request::new(Command::Domain(command)).with_cl_trid("ABC-12345");
    let xml = to_vec(&request, &WriteOptions::new().indent(2)).unwrap();
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(
        text.contains(r#"xmlns:domain="urn:ietf:params:xml:ns:domain-1.0""#),
        "{text}"
    );
    xml
}

fn domain(xml: &[u8]) -> DomainCommand<'_> {
    let request =
        read_command(xml).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(xml)));
    let Command::Domain(d) = *request.command() else {
        panic!("{:?}", request.command())
    };
    d
}

const PW: AuthInfo<'static> = AuthInfo::Password {
    password: Str::new("2fooBAR"),
    roid: None,
};
const TWO_YEARS: Period = Period {
    value: 2,
    unit: PeriodUnit::Years,
};

#[test]
fn the_rfc_create_built_by_hand_is_the_rfc_create() {
    let hosts = [Str::new("ns1.example.net"), Str::new("ns2.example.net")];
    let contacts = [
        Contact::new("sh8013", ContactType::Admin),
        Contact::new("sh8013", ContactType::Tech),
    ];
    let create = Create::new("example.com", PW)
        .with_period(TWO_YEARS)
        .with_name_servers(NameServers::objects(&hosts))
        .with_registrant("jd1234")
        .with_contacts(&contacts);
    let xml = round_trip(DomainCommand::Create(create));
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/rfc/5731/009-C-s3.2.1.xml");
    let rfc = std::fs::read_to_string(corpus).expect("the RFC 5731 create example");
    // Same document as the RFC's example, element for element.
    let a = roxmltree::Document::parse(&rfc).unwrap();
    let written = String::from_utf8(xml.clone()).unwrap();
    let b = roxmltree::Document::parse(&written).unwrap();
    let shape = |d: &roxmltree::Document<'_>| {
        d.descendants()
            .filter(|n| n.is_element())
            .map(|n| {
                let attrs: Vec<String> = n
                    .attributes()
                    .map(|a| format!("{}={}", a.name(), a.value()))
                    .collect();
                let text = n
                    .children()
                    .filter(|c| c.is_text())
                    .map(|c| c.text().unwrap().trim())
                    .collect::<String>();
                format!("{:?} {attrs:?} {text}", n.tag_name())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&a), shape(&b));
    let DomainCommand::Create(c) = domain(&xml) else {
        panic!()
    };
    assert_eq!(c.period(), Some(TWO_YEARS));
    assert_eq!(c.period_raw().unwrap(), "2");
    assert_eq!(c.registrant().unwrap(), "jd1234");
    assert_eq!(c.contacts().len(), 2);
    assert_eq!(c.auth_info(), PW);
}

#[test]
fn host_attributes_and_every_period() {
    let addrs = [
        HostAddr::parse("192.0.2.2").unwrap(),
        HostAddr::parse("1080::8:800:200C:417A").unwrap(),
    ];
    let hosts = [
        HostAttr::new("ns1.example.com", &addrs),
        HostAttr::new("ns2.example.net", &[]),
    ];
    for value in [1u8, 9, 10, 99] {
        let period = Period {
            value,
            unit: PeriodUnit::Months,
        };
        let create = Create::new("example.com", PW)
            .with_period(period)
            .with_name_servers(NameServers::attributes(&hosts));
        let xml = round_trip(DomainCommand::Create(create));
        let DomainCommand::Create(c) = domain(&xml) else {
            panic!()
        };
        assert_eq!(c.period(), Some(period));
        let ns = c.ns().unwrap();
        let attrs: Vec<HostAttr<'_>> = ns.host_attrs().iter().collect();
        assert_eq!(attrs.len(), 2);
        assert_eq!(attrs[0].name(), "ns1.example.com");
        let read: Vec<_> = attrs[0]
            .addresses()
            .iter()
            .map(|a| (a.version(), a.ip()))
            .collect();
        assert_eq!(
            read,
            [
                (IpVersion::V4, addrs[0].ip()),
                (IpVersion::V6, addrs[1].ip())
            ]
        );
        assert!(attrs[1].addresses().is_empty());
    }
}

#[test]
fn check_info_delete_renew_transfer() {
    let names = [Str::new("example.com"), Str::new("example.net")];
    let xml = round_trip(DomainCommand::Check(Check::new(&names)));
    let DomainCommand::Check(c) = domain(&xml) else {
        panic!()
    };
    assert_eq!(c.names().len(), 2);

    let xml = round_trip(DomainCommand::Info(
        Info::new("example.com")
            .with_hosts(HostsFilter::Del)
            .with_auth_info(PW),
    ));
    let DomainCommand::Info(i) = domain(&xml) else {
        panic!()
    };
    assert_eq!(
        (i.name(), i.hosts()),
        (Str::new("example.com"), HostsFilter::Del)
    );
    assert_eq!(i.auth_info(), Some(PW));

    let xml = round_trip(DomainCommand::Delete(Delete::new("example.com")));
    let DomainCommand::Delete(d) = domain(&xml) else {
        panic!()
    };
    assert_eq!(d.name(), "example.com");

    let expiry = Date {
        year: 2000,
        month: 4,
        day: 3,
        offset: None,
    };
    let xml = round_trip(DomainCommand::Renew(
        Renew::new("example.com", expiry).with_period(Period {
            value: 5,
            unit: PeriodUnit::Years,
        }),
    ));
    assert!(
        String::from_utf8_lossy(&xml).contains("<domain:curExpDate>2000-04-03</domain:curExpDate>")
    );
    let DomainCommand::Renew(r) = domain(&xml) else {
        panic!()
    };
    assert_eq!(r.current_expiry(), expiry);
    assert_eq!(r.period().unwrap().value, 5);

    let transfer = Transfer::new("example.com")
        .with_period(Period {
            value: 1,
            unit: PeriodUnit::Years,
        })
        .with_auth_info(AuthInfo::Password {
            password: Str::new("2fooBAR"),
            roid: Some(Str::new("JD1234-REP")),
        });
    let xml = round_trip(DomainCommand::Transfer {
        op: TransferOp::Request,
        transfer,
    });
    let DomainCommand::Transfer { op, transfer: t } = domain(&xml) else {
        panic!()
    };
    assert_eq!(op, TransferOp::Request);
    let Some(AuthInfo::Password {
        roid: Some(roid), ..
    }) = t.auth_info()
    else {
        panic!()
    };
    assert_eq!(roid, "JD1234-REP");
}

#[test]
fn update_add_remove_change() {
    let add_hosts = [Str::new("ns2.example.com")];
    let add_contacts = [Contact::new("mak21", ContactType::Tech)];
    let add_statuses =
        [Status::new(DomainStatus::ClientHold).with_text("Payment overdue.", Some("en"))];
    let rem_hosts = [Str::new("ns1.example.com")];
    let rem_contacts = [Contact::new("sh8013", ContactType::Tech)];
    let rem_statuses = [Status::new(DomainStatus::ClientUpdateProhibited)];
    let update = Update::new("example.com")
        .with_add(
            AddRemove::new()
                .with_name_servers(NameServers::objects(&add_hosts))
                .with_contacts(&add_contacts)
                .with_statuses(&add_statuses),
        )
        .with_remove(
            AddRemove::new()
                .with_name_servers(NameServers::objects(&rem_hosts))
                .with_contacts(&rem_contacts)
                .with_statuses(&rem_statuses),
        )
        .with_change(
            Change::new()
                .with_registrant(RegistrantChange::Set(Str::new("sh8013")))
                .with_auth_info(PW),
        );
    let xml = round_trip(DomainCommand::Update(update));
    let DomainCommand::Update(u) = domain(&xml) else {
        panic!()
    };
    let add = u.add().unwrap();
    assert_eq!(
        add.ns().unwrap().host_objs().first().unwrap(),
        "ns2.example.com"
    );
    assert_eq!(
        add.contacts().first().unwrap().contact_type(),
        Some(ContactType::Tech)
    );
    let s = add.statuses().first().unwrap();
    assert_eq!(
        (s.value(), s.text().to_string()),
        (DomainStatus::ClientHold, "Payment overdue.".into())
    );
    let rem = u.remove().unwrap();
    assert_eq!(
        rem.statuses().first().unwrap().value(),
        DomainStatus::ClientUpdateProhibited
    );
    let chg = u.change().unwrap();
    assert_eq!(
        chg.registrant(),
        Some(RegistrantChange::Set(Str::new("sh8013")))
    );
    assert_eq!(chg.auth_info(), Some(PW));

    // Removing the registrant and the authInfo.
    let update = Update::new("example.com").with_change(
        Change::new()
            .with_registrant(RegistrantChange::Remove)
            .with_auth_info(AuthInfo::Null),
    );
    let xml = round_trip(DomainCommand::Update(update));
    assert!(String::from_utf8_lossy(&xml).contains("<domain:registrant/>"));
    let DomainCommand::Update(u) = domain(&xml) else {
        panic!()
    };
    assert_eq!(
        u.change().unwrap().registrant(),
        Some(RegistrantChange::Remove)
    );
    assert_eq!(u.change().unwrap().auth_info(), Some(AuthInfo::Null));
}

#[test]
fn errors_and_redaction() {
    let none: [Str<'_>; 0] = [];
    let request = Request::new(Command::Domain(DomainCommand::Check(Check::new(&none))));
    assert!(matches!(
        to_vec(&request, &WriteOptions::new()),
        Err(WriteError::Invalid { .. })
    ));
    let secret = AuthInfo::Password {
        password: Str::new("s3cret-domain-pw"),
        roid: None,
    };
    let request = Request::new(Command::Domain(DomainCommand::Create(Create::new(
        "example.com",
        secret,
    ))));
    let shown = request.redacted().to_string();
    assert!(
        !shown.contains("s3cret-domain-pw") && shown.contains("<domain:pw>*****</domain:pw>"),
        "{shown}"
    );
}
