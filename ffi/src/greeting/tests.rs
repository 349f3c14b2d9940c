//! The greeting through the C ABI: RFC 5730's example read field by field
//! and compared with the core's view, and written greetings read back.

use super::*;
use crate::message::*;
use std::ptr;

const RFC_GREETING: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/corpus/rfc/5730/002-S-s2.4.xml"
));

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

/// Every greeting field through the ABI, one line each.
fn dump(m: *const EppMessage) -> Vec<String> {
    let mut out = Vec::new();
    // SAFETY: live handle whose frame is alive.
    unsafe {
        for f in [EPP_FIELD_SERVER_ID, EPP_FIELD_SERVER_DATE] {
            out.push(format!(
                "{f} {:?}",
                get(|p, n| epp_message_field(m, f, p, n))
            ));
        }
        for l in [
            EPP_LIST_GREETING_VERSIONS,
            EPP_LIST_GREETING_LANGS,
            EPP_LIST_GREETING_OBJECT_URIS,
            EPP_LIST_GREETING_EXTENSION_URIS,
        ] {
            for i in 0..epp_message_list_count(m, l) {
                out.push(format!(
                    "{l} {:?}",
                    get(|p, n| epp_message_list_item(m, l, i, p, n))
                ));
            }
        }
        out.push(format!("access {:?}", epp_message_dcp_access(m)));
        for i in 0..epp_message_dcp_statement_count(m) {
            let mut st = EppDcpStatement {
                purposes: 0,
                recipients: 0,
                retention: EppDcpRetention::Absent,
            };
            assert_eq!(epp_message_dcp_statement(m, i, &mut st), EppResult::Ok);
            out.push(format!("statement {st:?}"));
            for d in 0..epp_message_dcp_recipient_description_count(m, i) {
                out.push(format!(
                    "recDesc {:?}",
                    get(|p, n| epp_message_dcp_recipient_description(m, i, d, p, n))
                ));
            }
        }
        let mut kind = EppDcpExpiryKind::Absent;
        let e = get(|p, n| epp_message_dcp_expiry(m, &mut kind, p, n));
        out.push(format!("expiry {kind:?} {e:?}"));
    }
    out
}

#[test]
fn the_rfc_greeting_field_by_field_agrees_with_the_core() {
    let view = epp_codec::view::read_greeting(RFC_GREETING).unwrap();
    let mut m = ptr::null_mut();
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(
            epp_message_read_greeting(m, RFC_GREETING.as_ptr(), RFC_GREETING.len()),
            EppResult::Ok
        );
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_SERVER_ID, p, n)).unwrap(),
            view.server_id().unwrap().raw()
        );
        let mut dt = EppDateTime::default();
        assert_eq!(
            epp_message_field_datetime(m, EPP_FIELD_SERVER_DATE, &mut dt),
            EppResult::Ok
        );
        let date = view.server_date().unwrap();
        assert_eq!((dt.year, dt.month, dt.day, dt.hour), (2000, 6, 8, 22));
        assert_eq!(dt.year, date.date.year);
        let langs: Vec<_> = view.langs().iter().map(|s| s.raw().to_owned()).collect();
        assert_eq!(langs, ["en", "fr"]);
        // Every list item, index for index, as the core reads it.
        for (list, core) in [
            (EPP_LIST_GREETING_VERSIONS, view.versions()),
            (EPP_LIST_GREETING_LANGS, view.langs()),
            (EPP_LIST_GREETING_OBJECT_URIS, view.object_uris()),
            (EPP_LIST_GREETING_EXTENSION_URIS, view.extension_uris()),
        ] {
            assert_eq!(epp_message_list_count(m, list), core.len());
            for (i, item) in core.iter().enumerate() {
                assert_eq!(
                    get(|p, n| epp_message_list_item(m, list, i, p, n)).unwrap(),
                    item.raw()
                );
            }
        }
        assert_eq!(
            get(|p, n| epp_message_field(m, EPP_FIELD_SERVER_DATE, p, n)).unwrap(),
            view.server_date_raw().unwrap().raw()
        );
        assert_eq!(
            (dt.month, dt.day, dt.minute, dt.second),
            (date.date.month, date.date.day, date.minute, date.second)
        );
        assert_eq!(epp_message_list_count(m, EPP_LIST_GREETING_LANGS), 2);
        assert_eq!(
            epp_message_list_count(m, EPP_LIST_GREETING_OBJECT_URIS),
            view.object_uris().len()
        );
        assert_eq!(epp_message_dcp_access(m), EppDcpAccess::All);
        let dcp = view.dcp().unwrap();
        assert_eq!(epp_message_dcp_statement_count(m), dcp.statements().len());
        let mut st = EppDcpStatement {
            purposes: 0,
            recipients: 0,
            retention: EppDcpRetention::Absent,
        };
        assert_eq!(epp_message_dcp_statement(m, 0, &mut st), EppResult::Ok);
        assert_eq!(
            st,
            EppDcpStatement {
                purposes: EPP_DCP_PURPOSE_ADMIN | EPP_DCP_PURPOSE_PROVISIONING,
                recipients: EPP_DCP_RECIPIENT_OURS | EPP_DCP_RECIPIENT_PUBLIC,
                retention: EppDcpRetention::Stated,
            }
        );
        assert_eq!(
            epp_message_dcp_statement(m, 1, &mut st),
            EppResult::IndexOutOfRange
        );
        assert_eq!(epp_message_dcp_recipient_description_count(m, 0), 0);
        let mut kind = EppDcpExpiryKind::Relative;
        assert_eq!(
            get(|p, n| epp_message_dcp_expiry(m, &mut kind, p, n)),
            Err(EppResult::Absent)
        );
        assert_eq!(kind, EppDcpExpiryKind::Relative, "untouched on failure");
        assert_eq!(
            epp_message_dcp_expiry_datetime(m, &mut dt),
            EppResult::Absent
        );
        assert_eq!(epp_message_dcp_access(ptr::null()), EppDcpAccess::Absent);
        assert_eq!(epp_message_dcp_statement_count(ptr::null()), 0);
        epp_message_free(m);
    }
}

fn write_greeting(dcp: &EppDcpIn, framed: u32) -> Result<Vec<u8>, EppResult> {
    let versions = [s("1.0")];
    let langs = [s("en"), s("fr")];
    let objects = [
        s("urn:ietf:params:xml:ns:domain-1.0"),
        s("urn:ietf:params:xml:ns:contact-1.0"),
    ];
    let extensions = [s("urn:ietf:params:xml:ns:secDNS-1.1")];
    let call = |b: *mut u8, c: usize, l: *mut usize| {
        // SAFETY: valid arrays and structs.
        unsafe {
            epp_write_greeting(
                s("Example EPP server"),
                s("2026-11-23T10:00:00.0Z"),
                versions.as_ptr(),
                1,
                langs.as_ptr(),
                2,
                objects.as_ptr(),
                2,
                extensions.as_ptr(),
                1,
                dcp,
                framed,
                b,
                c,
                l,
            )
        }
    };
    let mut needed = 0;
    match call(ptr::null_mut(), 0, &mut needed) {
        EppResult::BufferTooSmall => {}
        e => return Err(e),
    }
    let mut buf = vec![0u8; needed];
    let mut len = 0;
    assert_eq!(call(buf.as_mut_ptr(), needed, &mut len), EppResult::Ok);
    assert_eq!(len, needed);
    Ok(buf)
}

#[test]
fn a_written_greeting_reads_back_the_same() {
    let descriptions = [s("Registrars & resellers")];
    let statements = [
        EppDcpStatementIn {
            purposes: EPP_DCP_PURPOSE_ADMIN | EPP_DCP_PURPOSE_CONTACT,
            recipients: EPP_DCP_RECIPIENT_OURS | EPP_DCP_RECIPIENT_SAME,
            recipient_descriptions: descriptions.as_ptr(),
            recipient_description_count: 1,
            retention: EppDcpRetention::Legal as u32,
        },
        EppDcpStatementIn {
            purposes: EPP_DCP_PURPOSE_OTHER,
            recipients: EPP_DCP_RECIPIENT_UNRELATED | EPP_DCP_RECIPIENT_OTHER,
            recipient_descriptions: ptr::null(),
            recipient_description_count: 0,
            retention: EppDcpRetention::Absent as u32,
        },
    ];
    for (kind, text) in [
        (EppDcpExpiryKind::Absolute, "2027-01-01T00:00:00Z"),
        (EppDcpExpiryKind::Relative, "P1M"),
    ] {
        let dcp = EppDcpIn {
            access: EppDcpAccess::PersonalAndOther as u32,
            statements: statements.as_ptr(),
            statement_count: 2,
            expiry_kind: kind as u32,
            expiry: s(text),
        };
        let xml = write_greeting(&dcp, 0).unwrap();
        let mut m = ptr::null_mut();
        // SAFETY: live handle and frame.
        unsafe {
            assert_eq!(epp_message_new(&mut m), EppResult::Ok);
            assert_eq!(
                epp_message_read_greeting(m, xml.as_ptr(), xml.len()),
                EppResult::Ok
            );
            let lines = dump(m);
            assert!(
                lines.contains(&"access PersonalAndOther".to_owned()),
                "{lines:?}"
            );
            assert!(lines.contains(&format!("expiry {kind:?} Ok({text:?})")));
            assert!(lines.contains(&"recDesc Ok(\"Registrars &amp; resellers\")".to_owned()));
            let mut st = EppDcpStatement {
                purposes: 0,
                recipients: 0,
                retention: EppDcpRetention::Absent,
            };
            assert_eq!(epp_message_dcp_statement(m, 1, &mut st), EppResult::Ok);
            assert_eq!(st.purposes, EPP_DCP_PURPOSE_OTHER);
            assert_eq!(
                st.recipients,
                EPP_DCP_RECIPIENT_UNRELATED | EPP_DCP_RECIPIENT_OTHER
            );
            assert_eq!(st.retention, EppDcpRetention::Absent);
            assert_eq!(epp_message_list_count(m, EPP_LIST_GREETING_LANGS), 2);
            let mut dt = EppDateTime::default();
            let expected = if kind == EppDcpExpiryKind::Absolute {
                EppResult::Ok
            } else {
                EppResult::Absent
            };
            assert_eq!(epp_message_dcp_expiry_datetime(m, &mut dt), expected);
            epp_message_free(m);
        }
    }
}

#[test]
fn a_greeting_the_rfc_forbids_is_refused() {
    let statement = EppDcpStatementIn {
        purposes: EPP_DCP_PURPOSE_ADMIN,
        recipients: EPP_DCP_RECIPIENT_PUBLIC,
        recipient_descriptions: ptr::null(),
        recipient_description_count: 0,
        retention: EppDcpRetention::Stated as u32,
    };
    let good = EppDcpIn {
        access: EppDcpAccess::All as u32,
        statements: &statement,
        statement_count: 1,
        expiry_kind: EppDcpExpiryKind::Absent as u32,
        expiry: NONE,
    };
    assert!(write_greeting(&good, crate::write::EPP_WRITE_FRAMED).is_ok());
    for bad in [
        EppDcpIn {
            access: EppDcpAccess::Unknown as u32,
            ..good
        },
        EppDcpIn {
            statement_count: 0,
            ..good
        },
        EppDcpIn {
            expiry_kind: EppDcpExpiryKind::Absolute as u32,
            ..good
        },
        EppDcpIn {
            expiry: s("P1D"),
            ..good
        },
    ] {
        assert_eq!(write_greeting(&bad, 0), Err(EppResult::InvalidArgument));
    }
    let no_purpose = EppDcpStatementIn {
        purposes: 0,
        ..statement
    };
    let bad = EppDcpIn {
        statements: &no_purpose,
        ..good
    };
    assert_eq!(write_greeting(&bad, 0), Err(EppResult::InvalidArgument));
}
