//! The response writers through the C ABI: written, then read back with the
//! tolerant reader (through the ABI and the core's views) and compared.

use super::*;
use crate::message::*;
use crate::object::{
    EPP_OBJECT_PENDING_SV_TRID, EPP_OBJECT_TRANSFER_STATUS, epp_message_object_field,
};
use crate::response_detail::*;
use crate::write::EPP_WRITE_FRAMED;
use std::ffi::c_char;
use std::ptr;

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

fn get(f: impl FnOnce(*mut *const c_char, *mut usize) -> EppResult) -> Result<String, EppResult> {
    let (mut p, mut n) = (ptr::null(), 0);
    match f(&mut p, &mut n) {
        // SAFETY: the getters hand out `n` bytes of UTF-8 at `p`.
        EppResult::Ok => Ok(unsafe {
            std::str::from_utf8(std::slice::from_raw_parts(p.cast::<u8>(), n))
                .unwrap()
                .to_owned()
        }),
        e => Err(e),
    }
}

/// Runs a writer twice: once to learn the size, once into a buffer of
/// exactly that size.
fn written(f: impl Fn(*mut u8, usize, *mut usize) -> EppResult) -> Vec<u8> {
    let mut needed = 0;
    assert_eq!(
        f(ptr::null_mut(), 0, &mut needed),
        EppResult::BufferTooSmall
    );
    let mut buf = vec![0u8; needed];
    let mut len = 0;
    assert_eq!(f(buf.as_mut_ptr(), buf.len(), &mut len), EppResult::Ok);
    assert_eq!(len, needed);
    buf
}

fn read(xml: &[u8]) -> *mut EppMessage {
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter; the frame outlives the handle's use in
    // each test.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(
            epp_message_read_response(m, xml.as_ptr(), xml.len()),
            EppResult::Ok,
            "{}",
            String::from_utf8_lossy(xml)
        );
    }
    m
}

const VALUE: &str = r#"<obj:elem1 xmlns:obj="urn:ietf:params:xml:ns:obj">2525</obj:elem1>"#;
const BAD: &str = r#"<obj:elem3 xmlns:obj="urn:ietf:params:xml:ns:obj">abc.ex(ample</obj:elem3>"#;

#[test]
fn a_full_response_round_trips() {
    let values = [s(VALUE)];
    let ext = [EppExtValueIn {
        value: s(BAD),
        reason: s("Caractère invalide"),
        reason_lang: s("fr"),
    }];
    let results = [
        EppResultIn {
            code: 2004,
            msg: NONE,
            lang: NONE,
            values: values.as_ptr(),
            value_count: 1,
            ext_values: ptr::null(),
            ext_value_count: 0,
        },
        EppResultIn {
            code: 2005,
            msg: s("Erreur de syntaxe"),
            lang: s("fr"),
            values: ptr::null(),
            value_count: 0,
            ext_values: ext.as_ptr(),
            ext_value_count: 1,
        },
    ];
    let q = EppMsgQIn {
        count: 5,
        id: s("12345"),
        date: s("2000-06-08T22:00:00.0Z"),
        message: s("Transfer requested."),
        lang: s("en-GB"),
    };
    let extension = [s(
        r#"<ex:x xmlns:ex="urn:example:ext"><ex:y>1</ex:y></ex:x>"#,
    )];
    let response = EppResponseIn {
        results: results.as_ptr(),
        result_count: 2,
        msgq: &q,
        extensions: extension.as_ptr(),
        extension_count: 1,
        cl_trid: s("ABC-1"),
        sv_trid: s("SRV-1"),
    };
    // SAFETY: every pointer is valid for its count.
    let xml = written(|b, c, l| unsafe { epp_write_response_full(&response, 0, b, c, l) });
    let m = read(&xml);
    let view = epp_codec::view::read_response(&xml).unwrap();
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_result_count(m), 2);
        let mut code = 0;
        assert_eq!(epp_message_result_code(m, 1, &mut code), EppResult::Ok);
        assert_eq!(code, 2005);
        assert_eq!(
            get(|p, n| epp_message_result_msg_lang(m, 1, p, n)).unwrap(),
            "fr"
        );
        assert_eq!(
            get(|p, n| epp_message_result_msg(m, 0, p, n)).unwrap(),
            "Parameter value range error"
        );
        let v = get(|p, n| epp_message_result_value(m, 0, 0, p, n)).unwrap();
        assert!(v.contains("2525</obj:elem1>"), "{v}");
        assert_eq!(epp_message_result_ext_value_count(m, 1), 1);
        assert_eq!(
            get(|p, n| epp_message_result_ext_value_reason(m, 1, 0, p, n)).unwrap(),
            "Caractère invalide"
        );
        assert_eq!(
            get(|p, n| epp_message_result_ext_value_reason_lang(m, 1, 0, p, n)).unwrap(),
            "fr"
        );
        let mut count = 0;
        assert_eq!(epp_message_msgq_count(m, &mut count), EppResult::Ok);
        assert_eq!(count, 5);
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_MSGQ_ID, p, n)).unwrap(),
            "12345"
        );
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_MSGQ_MESSAGE, p, n)).unwrap(),
            "Transfer requested."
        );
        assert_eq!(get(|p, n| epp_message_msgq_lang(m, p, n)).unwrap(), "en-GB");
        assert_eq!(epp_message_extension_count(m), 1);
        assert_eq!(
            get(|p, n| epp_message_extension_namespace(m, 0, p, n)).unwrap(),
            "urn:example:ext"
        );
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_CL_TRID, p, n)).unwrap(),
            "ABC-1"
        );
        epp_message_free(m);
    }
    let r = view.results().get(1).unwrap();
    let e = r.ext_values().get(0).unwrap();
    assert!(e.value().unwrap().content().contains("abc.ex(ample"));
}

fn ok_response(results: &[EppResultIn; 1]) -> EppResponseIn {
    EppResponseIn {
        results: results.as_ptr(),
        result_count: 1,
        msgq: ptr::null(),
        extensions: ptr::null(),
        extension_count: 0,
        cl_trid: s("ABC-2"),
        sv_trid: s("SRV-2"),
    }
}

const OK: [EppResultIn; 1] = [EppResultIn {
    code: 1000,
    msg: NONE,
    lang: NONE,
    values: ptr::null(),
    value_count: 0,
    ext_values: ptr::null(),
    ext_value_count: 0,
}];

#[test]
fn check_responses_of_each_object_round_trip() {
    let items = [
        EppCheckResultIn {
            name: s("example.com"),
            available: true,
            reason: NONE,
            reason_lang: NONE,
        },
        EppCheckResultIn {
            name: s("example.net"),
            available: false,
            reason: s("Déjà pris"),
            reason_lang: s("fr"),
        },
    ];
    let response = ok_response(&OK);
    for (object, kind) in [
        (EppObject::Domain, EppResDataKind::DomainCheck),
        (EppObject::Host, EppResDataKind::HostCheck),
        (EppObject::Contact, EppResDataKind::ContactCheck),
    ] {
        let xml = written(|b, c, l| {
            // SAFETY: valid pointers and counts.
            unsafe {
                epp_write_check_response(&response, object as u32, items.as_ptr(), 2, 0, b, c, l)
            }
        });
        let m = read(&xml);
        // SAFETY: live handle and frame.
        unsafe {
            assert_eq!(epp_message_res_data_kind(m), kind);
            assert_eq!(epp_message_check_count(m), 2);
            assert_eq!(
                get(|p, n| epp_message_check_name(m, 1, p, n)).unwrap(),
                "example.net"
            );
            let mut a = true;
            assert_eq!(epp_message_check_available(m, 1, &mut a), EppResult::Ok);
            assert!(!a);
            assert_eq!(
                get(|p, n| epp_message_check_reason(m, 1, p, n)).unwrap(),
                "Déjà pris"
            );
            assert_eq!(
                get(|p, n| epp_message_check_reason_lang(m, 1, p, n)).unwrap(),
                "fr"
            );
            assert_eq!(
                get(|p, n| epp_message_check_reason_lang(m, 0, p, n)),
                Err(EppResult::Absent)
            );
            epp_message_free(m);
        }
    }
}

#[test]
fn create_renew_transfer_and_pending_responses_round_trip() {
    let response = ok_response(&OK);
    let date = "2026-01-02T03:04:05.0Z";
    for object in [EppObject::Domain, EppObject::Host, EppObject::Contact] {
        let expires = if object == EppObject::Domain {
            s(date)
        } else {
            NONE
        };
        // SAFETY: valid pointers.
        let xml = written(|b, c, l| unsafe {
            epp_write_create_response(
                &response,
                object as u32,
                s("x1"),
                s(date),
                expires,
                0,
                b,
                c,
                l,
            )
        });
        let m = read(&xml);
        // SAFETY: live handle and frame.
        unsafe {
            assert_eq!(
                get(|p, n| epp_message_field(m, EPP_FIELD_OBJECT_NAME, p, n)).unwrap(),
                "x1"
            );
            assert_eq!(
                get(|p, n| epp_message_field(m, EPP_FIELD_CREATED, p, n)).unwrap(),
                date
            );
            epp_message_free(m);
        }
        let pending = EppPendingIn {
            name: s("x1"),
            result: true,
            cl_trid: s("C-9"),
            sv_trid: s("S-9"),
            date: s(date),
        };
        // SAFETY: valid pointers.
        let xml = written(|b, c, l| unsafe {
            epp_write_pending_response(&response, object as u32, &pending, 0, b, c, l)
        });
        let m = read(&xml);
        // SAFETY: live handle and frame.
        unsafe {
            assert_eq!(
                get(|p, n| epp_message_object_field(m, EPP_OBJECT_PENDING_SV_TRID, p, n)).unwrap(),
                "S-9"
            );
            epp_message_free(m);
        }
    }
    // SAFETY: valid pointers.
    let xml = written(|b, c, l| unsafe {
        epp_write_domain_renew_response(
            &response,
            s("example.com"),
            s(date),
            EPP_WRITE_FRAMED,
            b,
            c,
            l,
        )
    });
    let m = read(&xml[4..]);
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_res_data_kind(m), EppResDataKind::DomainRenew);
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_EXPIRES, p, n)).unwrap(),
            date
        );
        epp_message_free(m);
    }
    let transfer = EppTransferIn {
        name: s("example.com"),
        status: s("pending"),
        requester: s("ClientX"),
        requested: s(date),
        actor: s("ClientY"),
        action_due: s(date),
        expires: NONE,
    };
    for object in [EppObject::Domain, EppObject::Contact] {
        // SAFETY: valid pointers.
        let xml = written(|b, c, l| unsafe {
            epp_write_transfer_response(&response, object as u32, &transfer, 0, b, c, l)
        });
        let m = read(&xml);
        // SAFETY: live handle and frame.
        unsafe {
            assert_eq!(
                get(|p, n| epp_message_object_field(m, EPP_OBJECT_TRANSFER_STATUS, p, n)).unwrap(),
                "pending"
            );
            epp_message_free(m);
        }
    }
    let mut len = 0;
    let bad = EppTransferIn {
        status: s("maybe"),
        ..transfer
    };
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(
            epp_write_transfer_response(
                &response,
                EppObject::Domain as u32,
                &bad,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_transfer_response(
                &response,
                EppObject::Host as u32,
                &transfer,
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
fn info_responses_of_each_object_round_trip() {
    use crate::write_command::{EPP_POSTAL_INT, EppPostalInfoIn};
    let response = ok_response(&OK);
    let statuses = [s("ok")];
    let info = EppObjectInfoIn {
        name: s("example.com"),
        roid: s("EXAMPLE1-REP"),
        statuses: statuses.as_ptr(),
        status_count: 1,
        client_id: s("ClientX"),
        creator_id: s("ClientY"),
        created: s("1999-04-03T22:00:00.0Z"),
        updater_id: NONE,
        updated: NONE,
        transferred: NONE,
    };
    let contacts = [crate::write_command::EppDomainContact {
        contact_type: s("admin"),
        id: s("sh8013"),
    }];
    let ns = [s("ns1.example.com"), s("ns2.example.com")];
    let domain = EppDomainInfoIn {
        registrant: s("jd1234"),
        contacts: contacts.as_ptr(),
        contact_count: 1,
        name_servers: ns.as_ptr(),
        name_server_count: 2,
        hosts: ns.as_ptr(),
        host_count: 1,
        expires: s("2005-04-03T22:00:00.0Z"),
        auth_password: s("2fooBAR"),
    };
    // SAFETY: valid pointers.
    let xml = written(|b, c, l| unsafe {
        epp_write_domain_info_response(&response, &info, &domain, 0, b, c, l)
    });
    let m = read(&xml);
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_res_data_kind(m), EppResDataKind::DomainInfo);
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_ROID, p, n)).unwrap(),
            "EXAMPLE1-REP"
        );
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_REGISTRANT, p, n)).unwrap(),
            "jd1234"
        );
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_AUTH_PASSWORD, p, n)).unwrap(),
            "2fooBAR"
        );
        assert_eq!(epp_message_list_count(m, EPP_LIST_NAME_SERVERS), 2);
        assert_eq!(epp_message_list_count(m, EPP_LIST_HOSTS), 1);
        assert_eq!(epp_message_list_count(m, EPP_LIST_CONTACTS), 1);
        epp_message_free(m);
    }
    let addresses = [s("192.0.2.2"), s("1080:0:0:0:8:800:200C:417A")];
    let host_info = EppObjectInfoIn {
        name: s("ns1.example.com"),
        ..info
    };
    // SAFETY: valid pointers.
    let xml = written(|b, c, l| unsafe {
        epp_write_host_info_response(&response, &host_info, addresses.as_ptr(), 2, 0, b, c, l)
    });
    let m = read(&xml);
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_res_data_kind(m), EppResDataKind::HostInfo);
        assert_eq!(epp_message_list_count(m, EPP_LIST_ADDRESSES), 2);
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_CREATOR_ID, p, n)).unwrap(),
            "ClientY"
        );
        epp_message_free(m);
    }
    let postal = [EppPostalInfoIn {
        info_type: EPP_POSTAL_INT,
        name: s("John Doe"),
        org: NONE,
        streets: [s("123 Example Dr."), NONE, NONE],
        city: s("Dulles"),
        state_province: s("VA"),
        postal_code: s("20166-6503"),
        country_code: s("US"),
    }];
    let details = crate::write_command::EppContactDetails {
        postal_infos: postal.as_ptr(),
        postal_info_count: 1,
        voice: s("+1.7035555555"),
        voice_extension: NONE,
        fax: NONE,
        fax_extension: NONE,
        email: s("jdoe@example.com"),
        auth_password: NONE,
        disclose: ptr::null(),
    };
    let contact_info = EppObjectInfoIn {
        name: s("sh8013"),
        ..info
    };
    // SAFETY: valid pointers.
    let xml = written(|b, c, l| unsafe {
        epp_write_contact_info_response(&response, &contact_info, &details, 0, b, c, l)
    });
    let m = read(&xml);
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_res_data_kind(m), EppResDataKind::ContactInfo);
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_EMAIL, p, n)).unwrap(),
            "jdoe@example.com"
        );
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_VOICE, p, n)).unwrap(),
            "+1.7035555555"
        );
        epp_message_free(m);
    }
}

#[test]
fn bad_input_is_refused_before_anything_is_written() {
    let mut len = 7;
    let not_xml = [s("<a><b></a>")];
    let results = [EppResultIn {
        values: not_xml.as_ptr(),
        value_count: 1,
        ..OK[0]
    }];
    let response = ok_response(&results);
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(
            epp_write_response_full(&response, 0, ptr::null_mut(), 0, &mut len),
            EppResult::InvalidArgument
        );
        assert_eq!(len, 7);
        let response = ok_response(&OK);
        assert_eq!(
            epp_write_response_full(ptr::null(), 0, ptr::null_mut(), 0, &mut len),
            EppResult::NullArgument
        );
        let no_results = EppResponseIn {
            result_count: 0,
            ..response
        };
        assert_eq!(
            epp_write_response_full(&no_results, 0, ptr::null_mut(), 0, &mut len),
            EppResult::InvalidArgument
        );
        let bad_code = [EppResultIn { code: 999, ..OK[0] }];
        assert_eq!(
            epp_write_response_full(&ok_response(&bad_code), 0, ptr::null_mut(), 0, &mut len),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_check_response(
                &response,
                9,
                ptr::null(),
                0,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::InvalidArgument
        );
    }
}
