//! Contacts, object parts and the command writers through the C ABI. The
//! corpus files are compiled in so that these also run under Miri.

use std::ptr;

use crate::EppResult;
use crate::EppStr;
use crate::contact::*;
use crate::message::*;
use crate::object::*;
use crate::test_support::string_of as get;
use crate::write::EPP_WRITE_FRAMED;
use crate::write_command::*;

/// A handle freed on drop.
struct Handle(*mut EppMessage);

impl Handle {
    fn new() -> Self {
        let mut m = ptr::null_mut();
        // SAFETY: valid out-parameter.
        assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
        Handle(m)
    }

    fn command(&self, frame: &[u8]) -> EppResult {
        // SAFETY: live handle; every frame in these tests outlives its reads.
        unsafe { epp_message_read_command(self.0, frame.as_ptr(), frame.len()) }
    }

    fn response(&self, frame: &[u8]) -> EppResult {
        // SAFETY: as above.
        unsafe { epp_message_read_response(self.0, frame.as_ptr(), frame.len()) }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: the handle from epp_message_new, freed once.
        unsafe { epp_message_free(self.0) }
    }
}

fn contact(m: &Handle, f: u32) -> Result<String, EppResult> {
    // SAFETY: live handle, valid out-parameters.
    get(|p, n| unsafe { epp_message_contact_field(m.0, f, p, n) })
}

fn postal(m: &Handle, i: usize, f: u32) -> Result<String, EppResult> {
    // SAFETY: live handle, valid out-parameters.
    get(|p, n| unsafe { epp_message_postal_info_field(m.0, i, f, p, n) })
}

fn object(m: &Handle, f: u32) -> Result<String, EppResult> {
    // SAFETY: live handle, valid out-parameters.
    get(|p, n| unsafe { epp_message_object_field(m.0, f, p, n) })
}

fn field(m: &Handle, f: u32) -> Result<String, EppResult> {
    // SAFETY: live handle, valid out-parameters.
    get(|p, n| unsafe { epp_message_field(m.0, f, p, n) })
}

fn list(m: &Handle, l: u32) -> Vec<String> {
    // SAFETY: live handle.
    let count = unsafe { epp_message_list_count(m.0, l) };
    (0..count)
        // SAFETY: live handle, valid out-parameters.
        .map(|i| get(|p, n| unsafe { epp_message_list_item(m.0, l, i, p, n) }).unwrap())
        .collect()
}

fn disclose(m: &Handle) -> Result<EppDisclose, EppResult> {
    let mut d = EppDisclose::default();
    // SAFETY: live handle, valid out-parameter.
    match unsafe { epp_message_contact_disclose(m.0, &mut d) } {
        EppResult::Ok => Ok(d),
        e => Err(e),
    }
}

fn s(text: &str) -> EppStr {
    EppStr {
        ptr: text.as_ptr().cast(),
        len: text.len(),
    }
}

const NONE: EppStr = EppStr {
    ptr: ptr::null(),
    len: 0,
};

fn postal_count(m: &Handle) -> usize {
    // SAFETY: live handle.
    unsafe { epp_message_postal_info_count(m.0) }
}

#[test]
fn contact_create_command_fields() {
    let m = Handle::new();
    assert_eq!(
        m.command(corpus!("rfc/5733/007-C-s3.2.1.xml")),
        EppResult::Ok
    );
    assert_eq!(contact(&m, EPP_CONTACT_VOICE).unwrap(), "+1.7035555555");
    assert_eq!(contact(&m, EPP_CONTACT_VOICE_EXTENSION).unwrap(), "1234");
    assert_eq!(contact(&m, EPP_CONTACT_FAX).unwrap(), "+1.7035555556");
    assert_eq!(
        contact(&m, EPP_CONTACT_FAX_EXTENSION),
        Err(EppResult::Absent)
    );
    assert_eq!(contact(&m, EPP_CONTACT_EMAIL).unwrap(), "jdoe@example.com");
    assert_eq!(contact(&m, EPP_CONTACT_AUTH_PASSWORD).unwrap(), "2fooBAR");
    assert_eq!(contact(&m, 99), Err(EppResult::InvalidArgument));
    assert_eq!(postal_count(&m), 1);
    let expect = [
        "int",
        "John Doe",
        "Example Inc.",
        "123 Example Dr.",
        "Suite 100",
        "",
        "Dulles",
        "VA",
        "20166-6503",
        "US",
    ];
    for (f, want) in expect.iter().enumerate() {
        let got = postal(&m, 0, f as u32);
        if want.is_empty() {
            assert_eq!(got, Err(EppResult::Absent));
        } else {
            assert_eq!(got.unwrap(), *want, "postal field {f}");
        }
    }
    assert_eq!(
        postal(&m, 1, EPP_POSTAL_NAME),
        Err(EppResult::IndexOutOfRange)
    );
    assert_eq!(postal(&m, 0, 10), Err(EppResult::InvalidArgument));
    let d = disclose(&m).unwrap();
    assert_eq!(
        d,
        EppDisclose {
            voice: true,
            email: true,
            ..EppDisclose::default()
        }
    );
}

#[test]
fn contact_update_change_and_info_data() {
    let m = Handle::new();
    assert_eq!(
        m.command(corpus!("rfc/5733/013-C-s3.2.5.xml")),
        EppResult::Ok
    );
    assert_eq!(contact(&m, EPP_CONTACT_VOICE).unwrap(), "+1.7034444444");
    assert_eq!(contact(&m, EPP_CONTACT_FAX).unwrap(), "");
    assert_eq!(contact(&m, EPP_CONTACT_EMAIL), Err(EppResult::Absent));
    assert_eq!(postal(&m, 0, EPP_POSTAL_ORG).unwrap(), "");
    assert_eq!(postal(&m, 0, EPP_POSTAL_NAME), Err(EppResult::Absent));
    assert_eq!(postal(&m, 0, EPP_POSTAL_STREET_2).unwrap(), "Suite 200");
    assert!(disclose(&m).unwrap().flag);

    assert_eq!(
        m.response(corpus!("rfc/5733/004-S-s3.1.2.xml")),
        EppResult::Ok
    );
    assert_eq!(postal_count(&m), 1);
    assert_eq!(postal(&m, 0, EPP_POSTAL_CITY).unwrap(), "Dulles");
    assert_eq!(contact(&m, EPP_CONTACT_VOICE_EXTENSION).unwrap(), "1234");
    assert_eq!(contact(&m, EPP_CONTACT_AUTH_PASSWORD).unwrap(), "2fooBAR");
    assert!(!disclose(&m).unwrap().flag);

    // Not a contact message.
    assert_eq!(
        m.command(corpus!("rfc/5731/001-C-s3.1.1.xml")),
        EppResult::Ok
    );
    assert_eq!(contact(&m, EPP_CONTACT_EMAIL), Err(EppResult::WrongKind));
    assert_eq!(postal_count(&m), 0);
    assert_eq!(disclose(&m), Err(EppResult::WrongKind));
    // NULLs.
    // SAFETY: NULL handles and out-parameters are checked.
    unsafe {
        assert_eq!(epp_message_postal_info_count(ptr::null()), 0);
        assert_eq!(
            epp_message_contact_disclose(m.0, ptr::null_mut()),
            EppResult::NullArgument
        );
    }
}

fn period(m: &Handle) -> Result<EppPeriod, EppResult> {
    let mut p = EppPeriod {
        value: 0,
        unit: EppPeriodUnit::None,
    };
    // SAFETY: live handle, valid out-parameter.
    match unsafe { epp_message_period(m.0, &mut p) } {
        EppResult::Ok => Ok(p),
        e => Err(e),
    }
}

#[test]
fn periods_addresses_and_host_attributes() {
    let m = Handle::new();
    assert_eq!(
        m.command(corpus!("rfc/5731/009-C-s3.2.1.xml")),
        EppResult::Ok
    );
    assert_eq!(
        period(&m).unwrap(),
        EppPeriod {
            value: 2,
            unit: EppPeriodUnit::Years
        }
    );
    // SAFETY: live handle.
    unsafe {
        assert_eq!(
            epp_message_name_server_form(m.0, EPP_LIST_NAME_SERVERS),
            EppNameServerForm::HostObjects
        );
        assert_eq!(
            epp_message_name_server_address_count(m.0, EPP_LIST_NAME_SERVERS, 0),
            0
        );
    }
    assert_eq!(
        m.command(corpus!("rfc/5731/013-C-s3.2.3.xml")),
        EppResult::Ok
    );
    assert_eq!(period(&m).unwrap().value, 5);
    assert_eq!(
        m.command(corpus!("rfc/5731/015-C-s3.2.4.xml")),
        EppResult::Ok
    );
    assert_eq!(period(&m).unwrap().value, 1);
    assert_eq!(object(&m, EPP_OBJECT_AUTH_ROID).unwrap(), "JD1234-REP");
    assert_eq!(
        m.command(corpus!("rfc/5731/001-C-s3.1.1.xml")),
        EppResult::Ok
    );
    assert_eq!(period(&m), Err(EppResult::WrongKind));

    assert_eq!(
        m.command(corpus!("rfc/5732/005-C-s3.2.1.xml")),
        EppResult::Ok
    );
    // SAFETY: live handle.
    let versions: Vec<_> = (0..4)
        .map(|i| unsafe { epp_message_address_version(m.0, EPP_LIST_ADDRESSES, i) })
        .collect();
    assert_eq!(
        versions,
        [
            EppIpVersion::V4,
            EppIpVersion::V4,
            EppIpVersion::V6,
            EppIpVersion::None
        ]
    );
    assert_eq!(
        m.command(corpus!("rfc/5732/009-C-s3.2.5.xml")),
        EppResult::Ok
    );
    assert_eq!(object(&m, EPP_OBJECT_NEW_NAME).unwrap(), "ns2.example.com");
    // SAFETY: live handle.
    unsafe {
        assert_eq!(
            epp_message_address_version(m.0, EPP_LIST_ADDRESSES_REMOVE, 0),
            EppIpVersion::V6
        );
    }

    let frame = corpus!("instant-epp/request/domain/create_with_host_attr.xml");
    assert_eq!(m.command(frame), EppResult::Ok);
    // SAFETY: live handle, valid out-parameters.
    unsafe {
        assert_eq!(
            epp_message_name_server_form(m.0, EPP_LIST_NAME_SERVERS),
            EppNameServerForm::HostAttributes
        );
        assert_eq!(
            epp_message_name_server_address_count(m.0, EPP_LIST_NAME_SERVERS, 1),
            2
        );
        let mut version = EppIpVersion::None;
        let (mut p, mut n) = (ptr::null(), 0);
        let r = epp_message_name_server_address(
            m.0,
            EPP_LIST_NAME_SERVERS,
            1,
            1,
            &mut p,
            &mut n,
            &mut version,
        );
        assert_eq!(r, EppResult::Ok);
        assert_eq!(version, EppIpVersion::V6);
        assert_eq!(
            std::slice::from_raw_parts(p.cast::<u8>(), n),
            b"2404:6800:4001:801::200e"
        );
        let r = epp_message_name_server_address(
            m.0,
            EPP_LIST_NAME_SERVERS,
            0,
            0,
            &mut p,
            &mut n,
            &mut version,
        );
        assert_eq!(r, EppResult::IndexOutOfRange);
        let r = epp_message_name_server_address(
            m.0,
            EPP_LIST_NAME_SERVERS,
            1,
            0,
            &mut p,
            &mut n,
            ptr::null_mut(),
        );
        assert_eq!(r, EppResult::NullArgument);
    }
}

#[test]
fn update_changes_transfer_and_pending_data() {
    let m = Handle::new();
    assert_eq!(
        m.command(corpus!("rfc/5731/017-C-s3.2.5.xml")),
        EppResult::Ok
    );
    assert_eq!(object(&m, EPP_OBJECT_NEW_REGISTRANT).unwrap(), "sh8013");
    assert_eq!(object(&m, EPP_OBJECT_NEW_AUTH_PASSWORD).unwrap(), "2BARfoo");
    assert_eq!(object(&m, 99), Err(EppResult::InvalidArgument));
    assert_eq!(
        m.command(corpus!("rfc/5731/003-C-s3.1.2.xml")),
        EppResult::Ok
    );
    assert_eq!(object(&m, EPP_OBJECT_HOSTS_FILTER).unwrap(), "all");

    assert_eq!(
        m.response(corpus!("rfc/5731/016-S-s3.2.4.xml")),
        EppResult::Ok
    );
    assert_eq!(object(&m, EPP_OBJECT_TRANSFER_STATUS).unwrap(), "pending");
    assert_eq!(object(&m, EPP_OBJECT_REQUESTER_ID).unwrap(), "ClientX");
    assert_eq!(object(&m, EPP_OBJECT_ACTOR_ID).unwrap(), "ClientY");
    assert_eq!(
        object(&m, EPP_OBJECT_TRANSFER_EXPIRES).unwrap(),
        "2002-09-08T22:00:00.0Z"
    );
    assert_eq!(
        m.response(corpus!("rfc/5731/020-S-s3.3.xml")),
        EppResult::Ok
    );
    assert_eq!(object(&m, EPP_OBJECT_PENDING_RESULT).unwrap(), "1");
    assert_eq!(object(&m, EPP_OBJECT_PENDING_CL_TRID).unwrap(), "ABC-12345");
    assert_eq!(object(&m, EPP_OBJECT_PENDING_SV_TRID).unwrap(), "54321-XYZ");
}

/// Writes with `write` into a buffer (asking for the size first), then
/// reads it back strictly; returns the XML.
fn round_trip(write: impl Fn(*mut u8, usize, *mut usize) -> EppResult) -> Vec<u8> {
    let mut needed = 0;
    assert_eq!(
        write(ptr::null_mut(), 0, &mut needed),
        EppResult::BufferTooSmall
    );
    let mut buf = vec![0u8; needed];
    let mut short = 0;
    assert_eq!(
        write(buf.as_mut_ptr(), needed - 1, &mut short),
        EppResult::BufferTooSmall
    );
    let mut len = 0;
    assert_eq!(write(buf.as_mut_ptr(), buf.len(), &mut len), EppResult::Ok);
    assert_eq!(len, needed);
    assert_eq!(
        write(buf.as_mut_ptr(), buf.len(), ptr::null_mut()),
        EppResult::NullArgument
    );
    buf.truncate(len);
    buf
}

#[test]
fn domain_writers_round_trip() {
    let m = Handle::new();
    let ns = [s("ns1.example.net"), s("ns2.example.net")];
    let contacts = [
        EppDomainContact {
            contact_type: s("admin"),
            id: s("sh8013"),
        },
        EppDomainContact {
            contact_type: s("tech"),
            id: s("sh8014"),
        },
    ];
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid strings, arrays and buffer.
        unsafe {
            epp_write_domain_create(
                s("example.com"),
                2,
                EppPeriodUnit::Years as u32,
                ns.as_ptr(),
                2,
                s("jd1234"),
                contacts.as_ptr(),
                2,
                s("2fooBAR"),
                s("ABC-1"),
                0,
                b,
                c,
                l,
            )
        }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(field(&m, EPP_FIELD_OBJECT_NAME).unwrap(), "example.com");
    assert_eq!(period(&m).unwrap().value, 2);
    assert_eq!(
        list(&m, EPP_LIST_NAME_SERVERS),
        ["ns1.example.net", "ns2.example.net"]
    );
    assert_eq!(list(&m, EPP_LIST_CONTACT_TYPES), ["admin", "tech"]);
    assert_eq!(field(&m, EPP_FIELD_REGISTRANT).unwrap(), "jd1234");
    assert_eq!(field(&m, EPP_FIELD_CL_TRID).unwrap(), "ABC-1");

    let bad = [EppDomainContact {
        contact_type: s("boss"),
        id: s("sh8013"),
    }];
    let mut len = 0;
    // SAFETY: valid arguments (the contact type is refused).
    let r = unsafe {
        epp_write_domain_create(
            s("example.com"),
            0,
            EppPeriodUnit::None as u32,
            ptr::null(),
            0,
            NONE,
            bad.as_ptr(),
            1,
            s("pw"),
            NONE,
            0,
            ptr::null_mut(),
            0,
            &mut len,
        )
    };
    assert_eq!(r, EppResult::InvalidArgument);

    let statuses = [s("clientHold")];
    let add = EppDomainAddRemove {
        name_servers: ns.as_ptr(),
        name_server_count: 1,
        contacts: contacts.as_ptr(),
        contact_count: 1,
        statuses: statuses.as_ptr(),
        status_count: 1,
    };
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe {
            epp_write_domain_update(
                s("example.com"),
                &add,
                ptr::null(),
                s(""),
                s("newpw"),
                NONE,
                EPP_WRITE_FRAMED,
                b,
                c,
                l,
            )
        }
    });
    assert_eq!(m.command(&xml[4..]), EppResult::Ok);
    assert_eq!(list(&m, EPP_LIST_STATUSES_ADD), ["clientHold"]);
    assert_eq!(list(&m, EPP_LIST_NAME_SERVERS_ADD), ["ns1.example.net"]);
    assert_eq!(object(&m, EPP_OBJECT_NEW_REGISTRANT).unwrap(), "");
    assert_eq!(object(&m, EPP_OBJECT_NEW_AUTH_PASSWORD).unwrap(), "newpw");

    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe {
            epp_write_domain_renew(
                s("example.com"),
                s("2000-04-03"),
                5,
                EppPeriodUnit::Months as u32,
                NONE,
                0,
                b,
                c,
                l,
            )
        }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(field(&m, EPP_FIELD_CURRENT_EXPIRY).unwrap(), "2000-04-03");
    assert_eq!(period(&m).unwrap().unit, EppPeriodUnit::Months);

    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe {
            epp_write_domain_transfer(
                EppTransferOp::Request as u32,
                s("example.com"),
                1,
                EppPeriodUnit::Years as u32,
                s("2fooBAR"),
                NONE,
                0,
                b,
                c,
                l,
            )
        }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    // SAFETY: live handle.
    assert_eq!(
        // SAFETY: live handle.
        unsafe { epp_message_transfer_op(m.0) },
        EppTransferOp::Request
    );
    assert_eq!(field(&m, EPP_FIELD_AUTH_PASSWORD).unwrap(), "2fooBAR");

    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe { epp_write_domain_delete(s("example.com"), NONE, 0, b, c, l) }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    // SAFETY: live handle.
    assert_eq!(
        // SAFETY: live handle.
        unsafe { epp_message_command_kind(m.0) },
        EppCommandKind::Delete
    );
}

#[test]
fn host_writers_round_trip() {
    let m = Handle::new();
    let names = [s("ns1.example.com"), s("ns2.example.com")];
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe { epp_write_host_check(names.as_ptr(), 2, NONE, 0, b, c, l) }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(list(&m, EPP_LIST_NAMES).len(), 2);
    let addrs = [s("192.0.2.2"), s("1080:0:0:0:8:800:200C:417A")];
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe { epp_write_host_create(s("ns1.example.com"), addrs.as_ptr(), 2, NONE, 0, b, c, l) }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(
        list(&m, EPP_LIST_ADDRESSES),
        ["192.0.2.2", "1080:0:0:0:8:800:200C:417A"]
    );
    // SAFETY: live handle.
    assert_eq!(
        // SAFETY: live handle.
        unsafe { epp_message_address_version(m.0, EPP_LIST_ADDRESSES, 1) },
        EppIpVersion::V6
    );
    let bad = [s("not-an-ip")];
    let mut len = 0;
    // SAFETY: valid arguments (the address is refused).
    let r = unsafe {
        epp_write_host_create(
            s("ns1.example.com"),
            bad.as_ptr(),
            1,
            NONE,
            0,
            ptr::null_mut(),
            0,
            &mut len,
        )
    };
    assert_eq!(r, EppResult::InvalidArgument);
    let statuses = [s("clientUpdateProhibited")];
    let add = EppHostAddRemove {
        addresses: addrs.as_ptr(),
        address_count: 1,
        statuses: statuses.as_ptr(),
        status_count: 1,
    };
    let rem = EppHostAddRemove {
        addresses: addrs[1..].as_ptr(),
        address_count: 1,
        statuses: ptr::null(),
        status_count: 0,
    };
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe {
            epp_write_host_update(
                s("ns1.example.com"),
                &add,
                &rem,
                s("ns2.example.com"),
                NONE,
                0,
                b,
                c,
                l,
            )
        }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(list(&m, EPP_LIST_STATUSES_ADD), ["clientUpdateProhibited"]);
    assert_eq!(
        list(&m, EPP_LIST_ADDRESSES_REMOVE),
        ["1080:0:0:0:8:800:200C:417A"]
    );
    assert_eq!(object(&m, EPP_OBJECT_NEW_NAME).unwrap(), "ns2.example.com");
    for write in [epp_write_host_info, epp_write_host_delete] {
        let xml = round_trip(|b, c, l| {
            // SAFETY: valid arguments.
            unsafe { write(s("ns1.example.com"), NONE, 0, b, c, l) }
        });
        assert_eq!(m.command(&xml), EppResult::Ok);
        assert_eq!(field(&m, EPP_FIELD_OBJECT_NAME).unwrap(), "ns1.example.com");
    }
}

fn postal_in(info_type: u32) -> EppPostalInfoIn {
    EppPostalInfoIn {
        info_type,
        name: s("John Doe"),
        org: s("Example Inc."),
        streets: [s("123 Example Dr."), s("Suite 100"), NONE],
        city: s("Dulles"),
        state_province: s("VA"),
        postal_code: s("20166-6503"),
        country_code: s("US"),
    }
}

#[test]
fn contact_writers_round_trip() {
    let m = Handle::new();
    let infos = [postal_in(EPP_POSTAL_INT)];
    let preference = EppDisclose {
        voice: true,
        email: true,
        ..EppDisclose::default()
    };
    let details = EppContactDetails {
        postal_infos: infos.as_ptr(),
        postal_info_count: 1,
        voice: s("+1.7035555555"),
        voice_extension: s("1234"),
        fax: s("+1.7035555556"),
        fax_extension: NONE,
        email: s("jdoe@example.com"),
        auth_password: s("2fooBAR"),
        disclose: &preference,
    };
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe { epp_write_contact_create(s("sh8013"), &details, s("ABC-12345"), 0, b, c, l) }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    let original = Handle::new();
    let rfc = corpus!("rfc/5733/007-C-s3.2.1.xml");
    assert_eq!(original.command(rfc), EppResult::Ok);
    for f in 0..=EPP_CONTACT_LAST {
        assert_eq!(contact(&m, f), contact(&original, f), "contact field {f}");
    }
    for f in 0..=EPP_POSTAL_LAST {
        assert_eq!(
            postal(&m, 0, f),
            postal(&original, 0, f),
            "postal field {f}"
        );
    }
    assert_eq!(disclose(&m), disclose(&original));

    let mut chg_info = postal_in(EPP_POSTAL_INT);
    chg_info.name = NONE;
    let chg_infos = [chg_info];
    let change = EppContactDetails {
        postal_infos: chg_infos.as_ptr(),
        postal_info_count: 1,
        voice: s("+1.7034444444"),
        voice_extension: NONE,
        fax: NONE,
        fax_extension: NONE,
        email: NONE,
        auth_password: s("2fooBAR"),
        disclose: ptr::null(),
    };
    let add = [s("clientDeleteProhibited")];
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe {
            epp_write_contact_update(
                s("sh8013"),
                add.as_ptr(),
                1,
                ptr::null(),
                0,
                &change,
                NONE,
                0,
                b,
                c,
                l,
            )
        }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(list(&m, EPP_LIST_STATUSES_ADD), ["clientDeleteProhibited"]);
    assert_eq!(postal(&m, 0, EPP_POSTAL_NAME), Err(EppResult::Absent));
    assert_eq!(postal(&m, 0, EPP_POSTAL_CITY).unwrap(), "Dulles");
    assert_eq!(contact(&m, EPP_CONTACT_VOICE).unwrap(), "+1.7034444444");

    let ids = [s("sh8013"), s("sah8013")];
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe { epp_write_contact_check(ids.as_ptr(), 2, NONE, 0, b, c, l) }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(list(&m, EPP_LIST_NAMES), ["sh8013", "sah8013"]);
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe { epp_write_contact_info(s("sh8013"), s("2fooBAR"), NONE, 0, b, c, l) }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(field(&m, EPP_FIELD_AUTH_PASSWORD).unwrap(), "2fooBAR");
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe {
            epp_write_contact_transfer(
                EppTransferOp::Query as u32,
                s("sh8013"),
                NONE,
                NONE,
                0,
                b,
                c,
                l,
            )
        }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    // SAFETY: live handle.
    assert_eq!(
        // SAFETY: live handle.
        unsafe { epp_message_transfer_op(m.0) },
        EppTransferOp::Query
    );
    let xml = round_trip(|b, c, l| {
        // SAFETY: valid arguments.
        unsafe { epp_write_contact_delete(s("sh8013"), NONE, 0, b, c, l) }
    });
    assert_eq!(m.command(&xml), EppResult::Ok);
    assert_eq!(field(&m, EPP_FIELD_OBJECT_NAME).unwrap(), "sh8013");

    // A create without postal information, or with a NULL details pointer.
    let mut len = 0;
    let empty = EppContactDetails {
        postal_info_count: 0,
        ..details
    };
    // SAFETY: valid arguments.
    unsafe {
        assert_eq!(
            epp_write_contact_create(s("sh8013"), &empty, NONE, 0, ptr::null_mut(), 0, &mut len),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_contact_create(
                s("sh8013"),
                ptr::null(),
                NONE,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::NullArgument
        );
    }
}

fn ext_str(m: &Handle, i: usize, l: u32, item: usize, f: u32) -> Result<String, EppResult> {
    // SAFETY: live handle, valid out-parameters.
    get(|p, n| unsafe { crate::ext::epp_message_ext_string(m.0, i, l, item, f, p, n) })
}

fn ext_num(m: &Handle, i: usize, l: u32, item: usize, f: u32) -> Result<u64, EppResult> {
    let mut n = 0;
    // SAFETY: live handle, valid out-parameter.
    match unsafe { crate::ext::epp_message_ext_number(m.0, i, l, item, f, &mut n) } {
        EppResult::Ok => Ok(n),
        e => Err(e),
    }
}

#[test]
fn typed_extensions() {
    use crate::ext::*;
    let m = Handle::new();
    assert_eq!(
        m.command(corpus!("ext/examples/5910/004-C-s5.2.1.xml")),
        EppResult::Ok
    );
    // SAFETY: live handle.
    unsafe {
        assert_eq!(epp_message_ext_kind(m.0, 0), EppExtKind::SecDnsCreate);
        assert_eq!(epp_message_ext_kind(m.0, 1), EppExtKind::None);
        assert_eq!(epp_message_ext_count(m.0, 0, EPP_EXT_LIST_SELF), 1);
        assert_eq!(epp_message_ext_count(m.0, 0, EPP_EXT_LIST_DS_DATA), 1);
        assert_eq!(epp_message_ext_count(m.0, 0, EPP_EXT_LIST_TTLS), 0);
    }
    assert_eq!(
        ext_num(&m, 0, EPP_EXT_LIST_SELF, 0, EPP_EXT_MAX_SIG_LIFE),
        Ok(604800)
    );
    assert_eq!(
        ext_num(&m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_KEY_TAG),
        Ok(12345)
    );
    assert_eq!(
        ext_num(&m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_DIGEST_TYPE),
        Ok(1)
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_DIGEST).unwrap(),
        "49FD46E6C4B45C55D4AC"
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_KEY_TAG),
        Err(EppResult::WrongKind)
    );
    assert_eq!(
        ext_num(&m, 0, EPP_EXT_LIST_DS_DATA, 1, EPP_EXT_KEY_TAG),
        Err(EppResult::IndexOutOfRange)
    );
    assert_eq!(
        ext_num(&m, 0, EPP_EXT_LIST_LAST + 1, 0, EPP_EXT_KEY_TAG),
        Err(EppResult::InvalidArgument)
    );

    let frame = corpus!("instant-epp/response/extensions/domain_info_rgp.xml");
    assert_eq!(m.response(frame), EppResult::Ok);
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_RGP_STATUSES, 1, EPP_EXT_STATUS).unwrap(),
        "renewPeriod"
    );
    assert_eq!(
        m.response(corpus!("ext/examples/8748/004-S-s5.1.1.xml")),
        EppResult::Ok
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_SELF, 0, EPP_EXT_CURRENCY).unwrap(),
        "USD"
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_FEE_CHECK_ITEMS, 0, EPP_EXT_CLASS).unwrap(),
        "Premium"
    );
    assert_eq!(
        ext_num(&m, 0, EPP_EXT_LIST_FEE_CHECK_ITEMS, 2, EPP_EXT_AVAILABLE),
        Ok(0)
    );
    assert_eq!(
        m.response(corpus!("ext/examples/8334/001-S-s2.5.xml")),
        EppResult::Ok
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_SELF, 0, EPP_EXT_PHASE).unwrap(),
        "sunrise"
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_SELF, 0, EPP_EXT_APPLICATION_ID).unwrap(),
        "abc123"
    );
    assert_eq!(
        m.command(corpus!("ext/examples/8495/001-C-s3.1.1.xml")),
        EppResult::Ok
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_SELF, 0, EPP_EXT_TOKEN).unwrap(),
        "abc123"
    );
    let frame = corpus!("rfc/9803-draft-ietf-regext-epp-ttl-18/domain-create-command.xml");
    assert_eq!(m.command(frame), EppResult::Ok);
    assert_eq!(
        ext_num(&m, 0, EPP_EXT_LIST_TTLS, 0, EPP_EXT_SECONDS),
        Ok(172800)
    );
    assert_eq!(
        ext_str(&m, 0, EPP_EXT_LIST_TTLS, 1, EPP_EXT_RECORD_TYPE).unwrap(),
        "DS"
    );
}

#[test]
fn unknown_enum_numbers_are_refused() {
    let mut len = 0;
    // SAFETY: valid arguments; the numbers are out of their enums.
    unsafe {
        assert_eq!(
            epp_write_domain_renew(
                s("example.com"),
                s("2000-04-03"),
                1,
                7,
                NONE,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_domain_transfer(
                99,
                s("example.com"),
                0,
                0,
                NONE,
                NONE,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_contact_transfer(
                EppTransferOp::None as u32,
                s("sh8013"),
                NONE,
                NONE,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::InvalidArgument
        );
    }
}

#[test]
fn status_texts_and_object_dates() {
    let m = Handle::new();
    assert_eq!(
        m.command(corpus!("rfc/5731/017-C-s3.2.5.xml")),
        EppResult::Ok
    );
    // SAFETY: live handle, valid out-parameters.
    let text = get(|p, n| unsafe { epp_message_status_text(m.0, EPP_LIST_STATUSES_ADD, 0, p, n) });
    assert_eq!(text.unwrap(), "Payment overdue.");
    // SAFETY: as above.
    let lang = get(|p, n| unsafe { epp_message_status_lang(m.0, EPP_LIST_STATUSES_ADD, 0, p, n) });
    assert_eq!(lang.unwrap(), "en");
    // SAFETY: as above.
    let none =
        get(|p, n| unsafe { epp_message_status_text(m.0, EPP_LIST_STATUSES_REMOVE, 0, p, n) });
    assert_eq!(none, Err(EppResult::Absent));
    // SAFETY: as above.
    let past =
        get(|p, n| unsafe { epp_message_status_text(m.0, EPP_LIST_STATUSES_REMOVE, 9, p, n) });
    assert_eq!(past, Err(EppResult::IndexOutOfRange));

    assert_eq!(
        m.response(corpus!("rfc/5731/016-S-s3.2.4.xml")),
        EppResult::Ok
    );
    let mut t = EppDateTime::default();
    // SAFETY: live handle, valid out-parameter.
    let r = unsafe { epp_message_object_field_datetime(m.0, EPP_OBJECT_ACTION_DUE, &mut t) };
    assert_eq!(r, EppResult::Ok);
    assert_eq!((t.year, t.month, t.day, t.hour), (2000, 6, 13, 22));
    // SAFETY: as above.
    let r = unsafe { epp_message_object_field_datetime(m.0, EPP_OBJECT_PENDING_DATE, &mut t) };
    assert_eq!(r, EppResult::Absent);
    // SAFETY: as above.
    let r = unsafe { epp_message_object_field_datetime(m.0, EPP_OBJECT_TRANSFER_STATUS, &mut t) };
    assert_eq!(r, EppResult::InvalidValue);
}
