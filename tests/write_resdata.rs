//! Typed response data built by hand: the RFC 5731–5733 info examples
//! rebuilt element for element, and every kind of data read back through
//! the response views.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::contact::{
    Address as PostalAddress, ContactStatus, Disclose, Phone, PostalInfo, PostalInfoType,
    Status as ContactStatusValue, Street,
};
use epp_codec::view::command::domain::{
    Contact, ContactType, DomainStatus, NameServers, Status as DomainStatusValue,
};
use epp_codec::view::command::host::{Address, HostStatus, Status as HostStatusValue};
use epp_codec::view::response::object::TransferStatus;
use epp_codec::view::{
    AuthInfo, ContactData, DomainData, HostData, ResultCode, Str, read_response,
};
use epp_codec::write::{
    CheckResult, ContactInfoData, ContactResData, DomainInfoData, DomainResData, HostInfoData,
    HostResData, PendingResult, ResData, ResponseData, ResultData, TransferResult, Writable,
    WriteOptions, to_vec,
};

const PW: AuthInfo<'static> = AuthInfo::Password {
    password: Str::new("2fooBAR"),
    roid: None,
};

fn respond(res_data: ResData<'_>) -> Vec<u8> {
    respond_with(ResultCode::Success, res_data)
}

fn respond_with(code: ResultCode, res_data: ResData<'_>) -> Vec<u8> {
    let results = [ResultData::new(code)];
    let response = ResponseData::new(&results, "54322-XYZ")
        .with_cl_trid("ABC-12345")
        .with_res_data(res_data);
    to_vec(&response, &WriteOptions::new().indent(2)).unwrap()
}

fn rfc(path: &str) -> String {
    std::fs::read_to_string(common::corpus_dir().join(path)).unwrap()
}

#[test]
fn the_rfc_5731_info_response_rebuilt() {
    let statuses = [DomainStatusValue::new(DomainStatus::Ok)];
    let contacts = [
        Contact::new("sh8013", ContactType::Admin),
        Contact::new("sh8013", ContactType::Tech),
    ];
    let ns = [Str::new("ns1.example.com"), Str::new("ns1.example.net")];
    let hosts = [Str::new("ns1.example.com"), Str::new("ns2.example.com")];
    let info = DomainInfoData {
        statuses: &statuses,
        registrant: Some(Str::new("jd1234")),
        contacts: &contacts,
        ns: Some(NameServers::objects(&ns)),
        hosts: &hosts,
        creator_id: Some(Str::new("ClientY")),
        created: Some(Str::new("1999-04-03T22:00:00.0Z")),
        updater_id: Some(Str::new("ClientX")),
        updated: Some(Str::new("1999-12-03T09:00:00.0Z")),
        expires: Some(Str::new("2005-04-03T22:00:00.0Z")),
        transferred: Some(Str::new("2000-04-08T09:00:00.0Z")),
        auth_info: Some(PW),
        ..DomainInfoData::new("example.com", "EXAMPLE1-REP", "ClientX")
    };
    let xml = respond(ResData::Domain(DomainResData::Info(info)));
    let written = String::from_utf8(xml.clone()).unwrap();
    common::xml_equivalent(&rfc("rfc/5731/005-S-s3.1.2.xml"), &written).unwrap();
    let read = read_response(&xml).unwrap();
    let Some(DomainData::Info(i)) = DomainData::from_raw(read.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    assert_eq!(i.name().unwrap(), "example.com");
    assert_eq!(i.password().unwrap(), "2fooBAR");
    // Redacted, the password is gone.
    let results = [ResultData::new(ResultCode::Success)];
    let response =
        ResponseData::new(&results, "S").with_res_data(ResData::Domain(DomainResData::Info(info)));
    let shown = response.redacted().to_string();
    assert!(
        !shown.contains("2fooBAR") && shown.contains("<domain:pw>*****</domain:pw>"),
        "{shown}"
    );
}

#[test]
fn the_rfc_5732_info_response_rebuilt() {
    let statuses = [
        HostStatusValue::new(HostStatus::Linked),
        HostStatusValue::new(HostStatus::ClientUpdateProhibited),
    ];
    let addresses = [
        Address::parse("192.0.2.2").unwrap(),
        Address::parse("192.0.2.29").unwrap(),
        Address::parse("1080:0:0:0:8:800:200C:417A").unwrap(),
    ];
    let info = HostInfoData {
        addresses: &addresses,
        updater_id: Some(Str::new("ClientX")),
        updated: Some(Str::new("1999-12-03T09:00:00.0Z")),
        transferred: Some(Str::new("2000-04-08T09:00:00.0Z")),
        ..HostInfoData::new(
            "ns1.example.com",
            "NS1_EXAMPLE1-REP",
            &statuses,
            "ClientY",
            "ClientX",
            "1999-04-03T22:00:00.0Z",
        )
    };
    let xml = respond(ResData::Host(HostResData::Info(info)));
    common::xml_equivalent(
        &rfc("rfc/5732/004-S-s3.1.2.xml"),
        &String::from_utf8(xml.clone()).unwrap(),
    )
    .unwrap();
    let read = read_response(&xml).unwrap();
    let Some(HostData::Info(i)) = HostData::from_raw(read.res_data().iter().next().unwrap()) else {
        panic!()
    };
    assert_eq!(i.addresses().len(), 3);
}

#[test]
fn the_rfc_5733_info_response_rebuilt() {
    let statuses = [
        ContactStatusValue::new(ContactStatus::Linked),
        ContactStatusValue::new(ContactStatus::ClientDeleteProhibited),
    ];
    let streets = [
        Street(Str::new("123 Example Dr.")),
        Street(Str::new("Suite 100")),
    ];
    let address = PostalAddress::new(&streets, "Dulles", "US")
        .with_state_province("VA")
        .with_postal_code("20166-6503");
    let postal =
        [PostalInfo::new(PostalInfoType::Int, "John Doe", address).with_org("Example Inc.")];
    let info = ContactInfoData {
        voice: Some(Phone::new("+1.7035555555").with_extension("1234")),
        fax: Some(Phone::new("+1.7035555556")),
        updater_id: Some(Str::new("ClientX")),
        updated: Some(Str::new("1999-12-03T09:00:00.0Z")),
        transferred: Some(Str::new("2000-04-08T09:00:00.0Z")),
        auth_info: Some(PW),
        disclose: Some(Disclose {
            flag: false,
            voice: true,
            email: true,
            ..Disclose::default()
        }),
        ..ContactInfoData::new(
            "sh8013",
            "SH8013-REP",
            &statuses,
            &postal,
            "jdoe@example.com",
            "ClientY",
            "ClientX",
            "1999-04-03T22:00:00.0Z",
        )
    };
    let xml = respond(ResData::Contact(ContactResData::Info(info)));
    common::xml_equivalent(
        &rfc("rfc/5733/004-S-s3.1.2.xml"),
        &String::from_utf8(xml.clone()).unwrap(),
    )
    .unwrap();
    let read = read_response(&xml).unwrap();
    let Some(ContactData::Info(i)) = ContactData::from_raw(read.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    assert_eq!(i.id().unwrap(), "sh8013");
}

#[test]
fn checks_creates_renewals_transfers_and_pending_actions_read_back() {
    let checks = [
        CheckResult::available("example.com"),
        CheckResult::unavailable("example.net", "In use"),
    ];
    let xml = respond(ResData::Domain(DomainResData::Check(&checks)));
    let read = read_response(&xml).unwrap();
    let Some(DomainData::Check(items)) =
        DomainData::from_raw(read.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    let got: Vec<_> = items
        .iter()
        .map(|c| {
            (
                c.name().unwrap().to_string(),
                c.available(),
                c.reason().map(|r| r.to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("example.com".into(), Some(true), None),
            ("example.net".into(), Some(false), Some("In use".into()))
        ]
    );

    let xml = respond(ResData::Domain(DomainResData::Create {
        name: Str::new("example.com"),
        created: Str::new("1999-04-03T22:00:00.0Z"),
        expires: Some(Str::new("2001-04-03T22:00:00.0Z")),
    }));
    let read = read_response(&xml).unwrap();
    let Some(DomainData::Create(c)) = DomainData::from_raw(read.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    assert_eq!(c.expires().unwrap().raw(), "2001-04-03T22:00:00.0Z");

    let xml = respond(ResData::Domain(DomainResData::Renew {
        name: Str::new("example.com"),
        expires: Some(Str::new("2005-04-03T22:00:00.0Z")),
    }));
    let read = read_response(&xml).unwrap();
    assert!(matches!(
        DomainData::from_raw(read.res_data().iter().next().unwrap()),
        Some(DomainData::Renew(_))
    ));

    let transfer = TransferResult {
        name: Str::new("example.com"),
        status: TransferStatus::Pending,
        requester: Str::new("ClientX"),
        requested: Str::new("2000-06-08T22:00:00.0Z"),
        actor: Str::new("ClientY"),
        action_due: Str::new("2000-06-13T22:00:00.0Z"),
        expires: Some(Str::new("2002-09-08T22:00:00.0Z")),
    };
    let xml = respond_with(
        ResultCode::SuccessPending,
        ResData::Domain(DomainResData::Transfer(transfer)),
    );
    common::xml_equivalent(
        &rfc("rfc/5731/016-S-s3.2.4.xml"),
        &String::from_utf8(xml.clone()).unwrap(),
    )
    .unwrap();
    let read = read_response(&xml).unwrap();
    let Some(DomainData::Transfer(t)) =
        DomainData::from_raw(read.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    assert_eq!(t.status(), Some(TransferStatus::Pending));
    assert_eq!(t.expires().unwrap().raw(), "2002-09-08T22:00:00.0Z");

    let pending = PendingResult {
        name: Str::new("example.com"),
        result: true,
        cl_trid: Some(Str::new("ABC-12345")),
        sv_trid: Str::new("54321-XYZ"),
        date: Str::new("1999-04-04T22:00:00.0Z"),
    };
    for data in [
        ResData::Domain(DomainResData::Pending(pending)),
        ResData::Host(HostResData::Pending(pending)),
        ResData::Contact(ContactResData::Pending(pending)),
    ] {
        let xml = respond(data);
        let read = read_response(&xml).unwrap();
        let raw = read.res_data().iter().next().unwrap();
        let p = match data {
            ResData::Domain(_) => match DomainData::from_raw(raw) {
                Some(DomainData::Pending(p)) => p,
                _ => panic!(),
            },
            ResData::Host(_) => match HostData::from_raw(raw) {
                Some(HostData::Pending(p)) => p,
                _ => panic!(),
            },
            _ => match ContactData::from_raw(raw) {
                Some(ContactData::Pending(p)) => p,
                _ => panic!(),
            },
        };
        assert_eq!(
            (p.name().unwrap().to_string(), p.result()),
            ("example.com".into(), Some(true))
        );
        assert_eq!(p.transaction().unwrap().sv_trid.unwrap(), "54321-XYZ");
    }

    let xml = respond(ResData::Host(HostResData::Create {
        name: Str::new("ns1.example.com"),
        created: Str::new("1999-04-03T22:00:00.0Z"),
    }));
    assert!(matches!(
        HostData::from_raw(
            read_response(&xml)
                .unwrap()
                .res_data()
                .iter()
                .next()
                .unwrap()
        ),
        Some(HostData::Create(_))
    ));
    let ids = [CheckResult::available("sh8013")];
    let xml = respond(ResData::Contact(ContactResData::Check(&ids)));
    let read = read_response(&xml).unwrap();
    let Some(ContactData::Check(items)) =
        ContactData::from_raw(read.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    assert_eq!(items.first().unwrap().name().unwrap(), "sh8013");
    let xml = respond(ResData::Contact(ContactResData::Transfer(TransferResult {
        name: Str::new("sh8013"),
        ..transfer
    })));
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(!text.contains("exDate"), "contacts have no expiry: {text}");
    assert!(matches!(
        ContactData::from_raw(
            read_response(&xml)
                .unwrap()
                .res_data()
                .iter()
                .next()
                .unwrap()
        ),
        Some(ContactData::Transfer(_))
    ));
}
