//! The response details through the C ABI, against the core's views.

use super::*;
use crate::message::{epp_message_free, epp_message_new, epp_message_read_response};
use std::ptr;

pub(crate) fn new() -> *mut EppMessage {
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    m
}

/// Calls a string getter, giving the text or the result.
pub(crate) fn get(
    f: impl FnOnce(*mut *const c_char, *mut usize) -> EppResult,
) -> Result<String, EppResult> {
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

#[test]
fn values_and_ext_values_of_each_result() {
    let frame = corpus!("rfc/5730/006-S-s2.6.xml");
    let m = new();
    // SAFETY: live handle and frame through the calls below.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_result_value_count(m, 0), 1);
        assert_eq!(epp_message_result_value_count(m, 1), 1);
        assert_eq!(epp_message_result_value_count(m, 2), 0);
        assert_eq!(epp_message_result_ext_value_count(m, 0), 0);
        assert_eq!(epp_message_result_ext_value_count(m, 1), 1);
        let v = get(|p, n| epp_message_result_value(m, 0, 0, p, n)).unwrap();
        assert!(v.starts_with("<value xmlns:obj=\"urn:ietf:params:xml:ns:obj\">"));
        assert!(v.contains("<obj:elem1>2525</obj:elem1>"));
        assert!(v.ends_with("</value>"));
        assert_eq!(
            get(|p, n| epp_message_result_value(m, 0, 1, p, n)),
            Err(EppResult::IndexOutOfRange)
        );
        let e = get(|p, n| epp_message_result_ext_value(m, 1, 0, p, n)).unwrap();
        assert!(e.contains("<obj:elem3>abc.ex(ample</obj:elem3>"));
        assert_eq!(
            get(|p, n| epp_message_result_ext_value_reason(m, 1, 0, p, n)).unwrap(),
            "Invalid character found."
        );
        assert_eq!(
            get(|p, n| epp_message_result_ext_value_reason_lang(m, 1, 0, p, n)),
            Err(EppResult::Absent)
        );
        assert_eq!(
            get(|p, n| epp_message_result_msg_lang(m, 0, p, n)),
            Err(EppResult::Absent)
        );
        let mut buf = [0u8; 64];
        let mut len = 0;
        assert_eq!(
            epp_message_result_ext_value_reason_unescaped(
                m,
                1,
                0,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut len
            ),
            EppResult::Ok
        );
        assert_eq!(&buf[..len], b"Invalid character found.");
        assert_eq!(
            get(|p, n| epp_message_result_ext_value(m, 1, 1, p, n)),
            Err(EppResult::IndexOutOfRange)
        );
        assert_eq!(
            get(|p, n| epp_message_result_ext_value(m, 5, 0, p, n)),
            Err(EppResult::IndexOutOfRange)
        );
        assert_eq!(epp_message_result_value_count(ptr::null(), 0), 0);
        assert_eq!(
            epp_message_result_msg_lang(m, 0, ptr::null_mut(), ptr::null_mut()),
            EppResult::NullArgument
        );
        epp_message_free(m);
    }
}

#[test]
fn the_message_queue_language_and_markup() {
    let frame = corpus!("rfc/5730/025-S-s2.9.2.3.xml");
    let m = new();
    // SAFETY: live handle and frame through the calls below.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
        assert_eq!(get(|p, n| epp_message_msgq_lang(m, p, n)).unwrap(), "en");
        let xml = get(|p, n| epp_message_msgq_xml(m, p, n)).unwrap();
        assert!(xml.starts_with("Credit balance low."));
        assert!(xml.contains("<limit>100</limit><bal>5</bal>"));
        epp_message_free(m);
    }
}

#[test]
fn the_details_agree_with_the_core_on_every_corpus_response() {
    use epp_codec::view::read_response;
    let frames: [&[u8]; 5] = [
        corpus!("rfc/5730/006-S-s2.6.xml"),
        corpus!("rfc/5730/025-S-s2.9.2.3.xml"),
        corpus!("instant-epp/response/error_ext.xml"),
        corpus!("instant-epp/response/error_value_attrs.xml"),
        corpus!("instant-epp/response/poll_unhandled_namespace.xml"),
    ];
    let m = new();
    for frame in frames {
        let view = read_response(frame).unwrap();
        // SAFETY: live handle and frame through the calls below.
        unsafe {
            assert_eq!(
                epp_message_read_response(m, frame.as_ptr(), frame.len()),
                EppResult::Ok
            );
            for (i, r) in view.results().iter().enumerate() {
                assert_eq!(
                    get(|p, n| epp_message_result_msg_lang(m, i, p, n)).ok(),
                    r.message_lang().map(|s| s.raw().to_owned())
                );
                assert_eq!(epp_message_result_value_count(m, i), r.values().len());
                for (j, v) in r.values().iter().enumerate() {
                    let got = get(|p, n| epp_message_result_value(m, i, j, p, n)).unwrap();
                    assert_eq!(got.as_bytes(), &frame[v.span().start..v.span().end]);
                }
                assert_eq!(
                    epp_message_result_ext_value_count(m, i),
                    r.ext_values().len()
                );
                for (j, e) in r.ext_values().iter().enumerate() {
                    assert_eq!(
                        get(|p, n| epp_message_result_ext_value_reason(m, i, j, p, n)).ok(),
                        e.reason().map(|s| s.raw().to_owned())
                    );
                    assert_eq!(
                        get(|p, n| epp_message_result_ext_value_reason_lang(m, i, j, p, n)).ok(),
                        e.reason_lang().map(|s| s.raw().to_owned())
                    );
                    let value = get(|p, n| epp_message_result_ext_value(m, i, j, p, n)).ok();
                    let span = e.value().map(|v| v.span());
                    assert_eq!(
                        value.as_deref().map(str::as_bytes),
                        span.map(|s| &frame[s.start..s.end])
                    );
                }
            }
            let q = view.message_queue();
            assert_eq!(
                get(|p, n| epp_message_msgq_lang(m, p, n)).ok(),
                q.and_then(|q| q.message_lang()).map(|s| s.raw().to_owned())
            );
            assert_eq!(
                get(|p, n| epp_message_msgq_xml(m, p, n)).ok().as_deref(),
                q.and_then(|q| q.message())
            );
        }
    }
    // SAFETY: freed once.
    unsafe { epp_message_free(m) };
}
