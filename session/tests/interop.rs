//! Interop with a client nobody here wrote: instant-epp's `EppClient`, over
//! its own rustls stack trusting the test CA, runs a whole session against
//! our server, and every response parses in instant-epp with the values
//! the server meant.

mod common;

use std::net::IpAddr;
use std::time::Duration;

use chrono::Datelike;
use common::*;
use epp_codec::view::command::domain::{self as d};
use epp_codec::view::{AuthInfo, Command, DomainCommand, Request, ResultCode, Str, TransferOp};
use instant_epp::EppClient;
use instant_epp::client::RustlsConnector;
use instant_epp::contact::{
    Address, ContactCreate, ContactInfo, InfoType, PostalInfo as IePostalInfo, Voice,
};
use instant_epp::domain::{
    DomainCheck, DomainContact, DomainCreate, DomainDelete, DomainInfo, DomainRenew,
    DomainTransfer, HostInfo, HostObj, ONE_YEAR, Period, PeriodLength,
};
use instant_epp::host::{HostCreate, HostDelete, HostInfo as HostInfoCommand};
use instant_epp::login::Login;
use instant_epp::logout::Logout;
use instant_epp::poll::{Ack, Poll, PollData};
use instant_epp::response::ResultCode as IeCode;

/// instant-epp connected to `f`'s server with its own TLS connector.
async fn instant_client(f: &Fixture) -> EppClient<RustlsConnector> {
    let connector = RustlsConnector::builder(("127.0.0.1".to_owned(), f.server.addr.port()))
        .unwrap()
        .build_with_config(f.tls.clone());
    bounded(EppClient::new(
        connector,
        "epp-codec-test".to_owned(),
        Duration::from_secs(10),
    ))
    .await
    .unwrap()
}

#[tokio::test]
async fn instant_epp_runs_a_whole_session() {
    let f = Fixture::start(|_| {}).await;
    let mut client = instant_client(&f).await;

    // hello
    let greeting = bounded(client.hello()).await.unwrap();
    assert_eq!(greeting.service_id, "epp-codec example server");
    let xml = client.xml_greeting();
    for uri in epp_codec_session::server::OBJECT_URIS {
        assert!(xml.contains(uri), "{uri} in {xml}");
    }

    // login (instant-epp asks for host, contact and domain)
    let login = Login::new("ClientX", "foo-BAR2", None, None);
    let rsp = bounded(client.transact(&login, "IE-login")).await.unwrap();
    assert_eq!(rsp.result.code, IeCode::CommandCompletedSuccessfully);
    assert_eq!(rsp.tr_ids.client_tr_id.as_deref(), Some("IE-login"));

    // contact create and info
    let address = Address::new(
        &["58 Orchard Road", "Paddington"],
        "Paddington",
        Some("Paddington"),
        Some("392374"),
        "AU".parse().unwrap(),
    );
    let postal = IePostalInfo::new(
        InfoType::International,
        "John Doe",
        Some("Acme Widgets"),
        address,
    );
    let create = ContactCreate::new(
        "ie-contact",
        "jdoe@example.com",
        postal,
        Some(Voice::new("+61.123456789")),
        "epP4uthd#v",
    );
    let rsp = bounded(client.transact(&create, "IE-contact-create"))
        .await
        .unwrap();
    assert_eq!(rsp.res_data().unwrap().id, "ie-contact");
    let info = ContactInfo::new("ie-contact", "epP4uthd#v");
    let rsp = bounded(client.transact(&info, "IE-contact-info"))
        .await
        .unwrap();
    let contact = rsp.res_data().unwrap();
    assert_eq!(contact.id, "ie-contact");
    assert_eq!(contact.email, "jdoe@example.com");
    assert_eq!(contact.client_id, "ClientX");
    assert_eq!(contact.postal_info.name, "John Doe");
    assert_eq!(
        contact.postal_info.organization.as_deref(),
        Some("Acme Widgets")
    );
    assert_eq!(contact.postal_info.address.street.len(), 2);
    assert_eq!(contact.postal_info.address.city, "Paddington");
    assert_eq!(
        contact.postal_info.address.postal_code.as_deref(),
        Some("392374")
    );
    assert_eq!(
        contact.voice.as_ref().map(|v| v.number.as_ref()),
        Some("+61.123456789")
    );
    assert_eq!(
        contact.auth_info.as_ref().map(|a| a.password.as_ref()),
        Some("epP4uthd#v")
    );

    // host create (external), domain check and create
    let host = HostCreate::new("ns1.interop.example", None);
    let rsp = bounded(client.transact(&host, "IE-host-create"))
        .await
        .unwrap();
    assert_eq!(rsp.res_data().unwrap().name, "ns1.interop.example");

    let check = DomainCheck {
        domains: &["interop.test", "other.test"],
    };
    let rsp = bounded(client.transact(&check, "IE-check")).await.unwrap();
    let list = &rsp.res_data().unwrap().list;
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|cd| cd.name.available));
    assert_eq!(list[0].name.value, "interop.test");

    let ns = [HostInfo::Obj(HostObj {
        name: "ns1.interop.example".into(),
    })];
    let contacts = [
        DomainContact {
            contact_type: "admin".into(),
            id: "ie-contact".into(),
        },
        DomainContact {
            contact_type: "tech".into(),
            id: "ie-contact".into(),
        },
    ];
    let create = DomainCreate::new(
        "interop.test",
        Period::Years(PeriodLength::new(2).unwrap()),
        Some(&ns),
        Some("ie-contact"),
        "2fooBAR",
        Some(&contacts),
    );
    let rsp = bounded(client.transact(&create, "IE-domain-create"))
        .await
        .unwrap();
    let created = rsp.res_data().unwrap();
    assert_eq!(created.name, "interop.test");
    let expires = created.expiring_at.unwrap();
    assert_eq!(expires.year(), created.created_at.year() + 2);

    // a subordinate host, with addresses, and its info
    let addresses: [IpAddr; 2] = ["192.0.2.7".parse().unwrap(), "2001:db8::7".parse().unwrap()];
    let host = HostCreate::new("ns1.interop.test", Some(&addresses));
    bounded(client.transact(&host, "IE-host-create-2"))
        .await
        .unwrap();
    let rsp = bounded(client.transact(&HostInfoCommand::new("ns1.interop.test"), "IE-host-info"))
        .await
        .unwrap();
    let host = rsp.res_data().unwrap();
    assert_eq!(host.name, "ns1.interop.test");
    assert_eq!(host.addresses, addresses.to_vec());
    assert_eq!(host.client_id, "ClientX");

    // domain info
    let rsp = bounded(client.transact(&DomainInfo::new("interop.test", None), "IE-info"))
        .await
        .unwrap();
    let info = rsp.res_data().unwrap();
    assert_eq!(info.name, "interop.test");
    assert_eq!(info.client_id, "ClientX");
    assert_eq!(info.registrant.as_deref(), Some("ie-contact"));
    assert_eq!(info.expiring_at, Some(expires));
    assert_eq!(info.contacts.as_ref().map(Vec::len), Some(2));
    let ns = info.ns.as_ref().unwrap();
    assert!(matches!(&ns.ns[0], HostInfo::Obj(h) if h.name == "ns1.interop.example"));
    assert_eq!(
        info.hosts.as_deref(),
        Some(&["ns1.interop.test".to_owned()][..])
    );

    // renew
    let renew = DomainRenew::new("interop.test", expires.date_naive(), ONE_YEAR);
    let rsp = bounded(client.transact(&renew, "IE-renew")).await.unwrap();
    let renewed = rsp.res_data().unwrap().expiring_at.unwrap();
    assert_eq!(renewed.year(), expires.year() + 1);

    // Another registrar (our own client) asks for a transfer ...
    let mut other = f.login("ClientY").await;
    let transfer = d::Transfer::new("interop.test").with_auth_info(AuthInfo::Password {
        password: Str::new("2fooBAR"),
        roid: None,
    });
    let reply = bounded(
        other.transact(
            &Request::new(Command::Domain(DomainCommand::Transfer {
                op: TransferOp::Request,
                transfer,
            }))
            .with_cl_trid("OUR-1"),
        ),
    )
    .await
    .unwrap();
    assert_eq!(reply.code, ResultCode::SuccessPending);

    // ... which instant-epp queries ...
    let query = DomainTransfer::query("interop.test", "2fooBAR");
    let rsp = bounded(client.transact(&query, "IE-transfer-query"))
        .await
        .unwrap();
    let trn = rsp.res_data().unwrap();
    assert_eq!(trn.name, "interop.test");
    assert_eq!(trn.transfer_status, "pending");
    assert_eq!(trn.requester_id, "ClientY");
    assert_eq!(trn.ack_id, "ClientX");

    // ... and finds in its poll queue.
    let rsp = bounded(client.transact(&Poll, "IE-poll")).await.unwrap();
    assert_eq!(
        rsp.result.code,
        IeCode::CommandCompletedSuccessfullyAckToDequeue
    );
    let queue = rsp.message_queue().unwrap();
    assert_eq!(queue.count, 1);
    assert_eq!(
        queue.message.as_ref().map(|m| m.text.as_str()),
        Some("Transfer requested.")
    );
    match rsp.res_data() {
        Some(PollData::DomainTransfer(t)) => {
            assert_eq!(t.name, "interop.test");
            assert_eq!(t.requester_id, "ClientY");
        }
        other => panic!("poll data {other:?}"),
    }
    let id = queue.id.clone();
    let rsp = bounded(client.transact(&Ack { message_id: &id }, "IE-ack"))
        .await
        .unwrap();
    assert_eq!(rsp.message_queue().map(|q| q.count), Some(0));
    let rsp = bounded(client.transact(&Poll, "IE-poll-2")).await.unwrap();
    assert_eq!(
        rsp.result.code,
        IeCode::CommandCompletedSuccessfullyNoMessages
    );
    let reject = DomainTransfer::reject("interop.test");
    bounded(client.transact(&reject, "IE-reject"))
        .await
        .unwrap();
    bounded(other.logout()).await.unwrap();

    // An error is an error in instant-epp too: the linked host cannot go.
    let err = bounded(client.transact(&HostDelete::new("ns1.interop.example"), "IE-hd"))
        .await
        .unwrap_err();
    match err {
        instant_epp::Error::Command(status) => {
            assert_eq!(
                status.result.code,
                IeCode::ObjectAssociationProhibitsOperation
            );
        }
        other => panic!("{other:?}"),
    }

    // delete (the subordinate host first), then logout
    bounded(client.transact(&HostDelete::new("ns1.interop.test"), "IE-host-delete"))
        .await
        .unwrap();
    let rsp = bounded(client.transact(&DomainDelete::new("interop.test"), "IE-delete"))
        .await
        .unwrap();
    assert_eq!(rsp.result.code, IeCode::CommandCompletedSuccessfully);
    let rsp = bounded(client.transact(&DomainInfo::new("interop.test", None), "IE-gone")).await;
    assert!(rsp.is_err());
    let rsp = bounded(client.transact(&Logout, "IE-logout"))
        .await
        .unwrap();
    assert_eq!(
        rsp.result.code,
        IeCode::CommandCompletedSuccessfullyEndingSession
    );
}
