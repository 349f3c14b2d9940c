//! The message handle and the writers through the C ABI, as C calls them.
//! The corpus files are compiled in (`include_bytes!`) so that the tests
//! also run under Miri, which isolates the file system.

use super::*;
use crate::EppStr;
use crate::write::*;
use std::ptr;

pub(super) fn new() -> *mut EppMessage {
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    m
}

fn text(ptr: *const c_char, len: usize) -> String {
    // SAFETY: the accessors hand out `len` bytes of UTF-8 at `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).unwrap().to_owned()
}

fn field(m: *const EppMessage, f: u32) -> Result<String, EppResult> {
    let (mut p, mut n) = (ptr::null(), 0);
    // SAFETY: live handle, valid out-parameters.
    match unsafe { epp_message_field(m, f, &mut p, &mut n) } {
        EppResult::Ok => Ok(text(p, n)),
        e => Err(e),
    }
}

fn list(m: *const EppMessage, l: u32) -> Vec<String> {
    // SAFETY: live handle.
    let count = unsafe { epp_message_list_count(m, l) };
    (0..count)
        .map(|i| {
            let (mut p, mut n) = (ptr::null(), 0);
            // SAFETY: live handle, valid out-parameters.
            let r = unsafe { epp_message_list_item(m, l, i, &mut p, &mut n) };
            assert_eq!(r, EppResult::Ok);
            text(p, n)
        })
        .collect()
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

#[test]
fn a_domain_check_command() {
    let m = new();
    let frame = corpus!("rfc/5731/001-C-s3.1.1.xml");
    // SAFETY: live handle and frame, alive through the accessors below.
    unsafe {
        assert_eq!(
            epp_message_read_command(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_kind(m), EppKind::Command);
        assert_eq!(epp_message_command_kind(m), EppCommandKind::Check);
        assert_eq!(epp_message_object(m), EppObject::Domain);
        assert_eq!(epp_message_poll_op(m), EppPollOp::None);
        assert_eq!(epp_message_result_count(m), 0);
    }
    assert_eq!(
        field(ptr::null(), EPP_FIELD_CL_TRID),
        Err(EppResult::NullArgument)
    );
    assert_eq!(field(m, EPP_FIELD_CL_TRID).unwrap(), "ABC-12345");
    assert_eq!(field(m, EPP_FIELD_SV_TRID), Err(EppResult::Absent));
    assert_eq!(field(m, 999), Err(EppResult::InvalidArgument));
    assert_eq!(
        list(m, EPP_LIST_NAMES),
        ["example.com", "example.net", "example.org"]
    );
    let (mut p, mut n) = (ptr::null(), 0);
    // SAFETY: live handle, valid out-parameters.
    unsafe {
        assert_eq!(
            epp_message_list_item(m, EPP_LIST_NAMES, 3, &mut p, &mut n),
            EppResult::IndexOutOfRange
        );
        assert!(p.is_null(), "out-parameters untouched on failure");
        assert_eq!(epp_message_list_count(m, 999), 0);
        epp_message_free(m);
    }
}

#[test]
fn a_login_and_a_poll_ack() {
    let m = new();
    let login = corpus!("rfc/5730/013-C-s2.9.1.1.xml");
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_command(m, login.as_ptr(), login.len()),
            EppResult::Ok
        )
    };
    assert_eq!(field(m, EPP_FIELD_LOGIN_CLIENT_ID).unwrap(), "ClientX");
    assert_eq!(field(m, EPP_FIELD_LOGIN_PASSWORD).unwrap(), "foo-BAR2");
    assert_eq!(field(m, EPP_FIELD_LOGIN_NEW_PASSWORD).unwrap(), "bar-FOO2");
    assert_eq!(field(m, EPP_FIELD_LOGIN_VERSION).unwrap(), "1.0");
    assert_eq!(list(m, EPP_LIST_LOGIN_OBJECT_URIS).len(), 3);
    assert_eq!(
        list(m, EPP_LIST_LOGIN_EXTENSION_URIS),
        ["http://custom/obj1ext-1.0"]
    );
    let ack = corpus!("rfc/5730/023-C-s2.9.2.3.xml");
    // SAFETY: the same handle, a new frame.
    unsafe {
        assert_eq!(
            epp_message_read_command(m, ack.as_ptr(), ack.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_command_kind(m), EppCommandKind::Poll);
        assert_eq!(epp_message_poll_op(m), EppPollOp::Acknowledge);
    }
    assert_eq!(field(m, EPP_FIELD_POLL_MESSAGE_ID).unwrap(), "12345");
    // SAFETY: freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn responses_check_info_and_msgq() {
    let m = new();
    let chk = corpus!("rfc/5731/002-S-s3.1.1.xml");
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, chk.as_ptr(), chk.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_kind(m), EppKind::Response);
        assert_eq!(epp_message_res_data_kind(m), EppResDataKind::DomainCheck);
        assert_eq!(epp_message_result_count(m), 1);
        let mut code = 0;
        assert_eq!(epp_message_result_code(m, 0, &mut code), EppResult::Ok);
        assert_eq!(code, 1000);
        assert_eq!(
            epp_message_result_code(m, 1, &mut code),
            EppResult::IndexOutOfRange
        );
        assert_eq!(epp_message_check_count(m), 3);
        let (mut p, mut n) = (ptr::null(), 0);
        assert_eq!(epp_message_check_name(m, 1, &mut p, &mut n), EppResult::Ok);
        assert_eq!(text(p, n), "example.net");
        let mut avail = true;
        assert_eq!(epp_message_check_available(m, 1, &mut avail), EppResult::Ok);
        assert!(!avail);
        assert_eq!(
            epp_message_check_reason(m, 1, &mut p, &mut n),
            EppResult::Ok
        );
        assert_eq!(text(p, n), "In use");
        assert_eq!(
            epp_message_check_reason(m, 0, &mut p, &mut n),
            EppResult::Absent
        );
        assert_eq!(epp_message_result_msg(m, 0, &mut p, &mut n), EppResult::Ok);
        assert_eq!(text(p, n), "Command completed successfully");
    }
    assert_eq!(field(m, EPP_FIELD_SV_TRID).unwrap(), "54322-XYZ");

    let inf = corpus!("rfc/5731/005-S-s3.1.2.xml");
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, inf.as_ptr(), inf.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_res_data_kind(m), EppResDataKind::DomainInfo);
        assert_eq!(epp_message_check_count(m), 0);
    }
    assert_eq!(field(m, EPP_FIELD_OBJECT_NAME).unwrap(), "example.com");
    assert_eq!(field(m, EPP_FIELD_ROID).unwrap(), "EXAMPLE1-REP");
    assert_eq!(field(m, EPP_FIELD_REGISTRANT).unwrap(), "jd1234");
    assert_eq!(field(m, EPP_FIELD_CLIENT_ID).unwrap(), "ClientX");
    assert_eq!(
        field(m, EPP_FIELD_EXPIRES).unwrap(),
        "2005-04-03T22:00:00.0Z"
    );
    assert_eq!(field(m, EPP_FIELD_AUTH_PASSWORD).unwrap(), "2fooBAR");
    assert_eq!(list(m, EPP_LIST_STATUSES), ["ok"]);
    assert_eq!(list(m, EPP_LIST_CONTACTS), ["sh8013", "sh8013"]);
    assert_eq!(
        list(m, EPP_LIST_NAME_SERVERS),
        ["ns1.example.com", "ns1.example.net"]
    );
    assert_eq!(
        list(m, EPP_LIST_HOSTS),
        ["ns1.example.com", "ns2.example.com"]
    );

    let poll = corpus!("rfc/5730/022-S-s2.9.2.3.xml");
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, poll.as_ptr(), poll.len()),
            EppResult::Ok
        );
        let mut count = 0;
        assert_eq!(epp_message_msgq_count(m, &mut count), EppResult::Ok);
        assert_eq!(count, 5);
        assert_eq!(epp_message_res_data_kind(m), EppResDataKind::Other);
        let (mut p, mut n) = (ptr::null(), 0);
        assert_eq!(epp_message_res_data_xml(m, &mut p, &mut n), EppResult::Ok);
        assert!(text(p, n).starts_with("<obj:trnData"));
        assert!(text(p, n).ends_with("</obj:trnData>"));
    }
    assert_eq!(field(m, EPP_FIELD_MSGQ_ID).unwrap(), "12345");
    assert_eq!(
        field(m, EPP_FIELD_MSGQ_MESSAGE).unwrap(),
        "Transfer requested."
    );
    // SAFETY: freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn a_greeting_and_extensions() {
    let m = new();
    let g = corpus!("rfc/5730/002-S-s2.4.xml");
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_greeting(m, g.as_ptr(), g.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_kind(m), EppKind::Greeting);
    }
    assert_eq!(
        field(m, EPP_FIELD_SERVER_ID).unwrap(),
        "Example EPP server epp.example.com"
    );
    assert_eq!(list(m, EPP_LIST_GREETING_VERSIONS), ["1.0"]);
    // A greeting read as a response is an error.
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, g.as_ptr(), g.len()),
            EppResult::ReadError
        );
        assert_eq!(epp_message_kind(m), EppKind::Error);
        assert_eq!(epp_message_error_code(m), 0);
    }

    let secdns = corpus!("ext/examples/5910/001-S-s5.1.2.xml");
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, secdns.as_ptr(), secdns.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_extension_count(m), 1);
        let (mut p, mut n) = (ptr::null(), 0);
        assert_eq!(
            epp_message_extension_namespace(m, 0, &mut p, &mut n),
            EppResult::Ok
        );
        assert_eq!(text(p, n), "urn:ietf:params:xml:ns:secDNS-1.1");
        assert_eq!(
            epp_message_extension_xml(m, 0, &mut p, &mut n),
            EppResult::Ok
        );
        assert!(text(p, n).starts_with("<secDNS:infData"));
        assert_eq!(
            epp_message_extension_xml(m, 1, &mut p, &mut n),
            EppResult::IndexOutOfRange
        );
        epp_message_free(m);
    }
}

#[test]
fn a_bad_command_then_its_error_response() {
    let m = new();
    let bad = b"<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check>\
        <domain:check xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"/></check>\
        <clTRID>ABC-1</clTRID></command></epp>";
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_read_command(m, bad.as_ptr(), bad.len()),
            EppResult::ReadError
        );
        assert_eq!(epp_message_kind(m), EppKind::Error);
        assert_eq!(epp_message_error_code(m), 2003);
        assert!(epp_message_error_offset(m) > 0);
        let (mut p, mut n) = (ptr::null(), 0);
        assert_eq!(epp_message_error_message(m, &mut p, &mut n), EppResult::Ok);
        assert!(!text(p, n).is_empty());
        assert_eq!(epp_message_command_kind(m), EppCommandKind::None);
        assert_eq!(field(m, EPP_FIELD_CL_TRID), Err(EppResult::WrongKind));

        // Ask for the size, then write.
        let mut need = 0;
        assert_eq!(
            epp_write_error_response(
                m,
                s("SRV-1"),
                s("ABC-1"),
                EPP_WRITE_FRAMED,
                ptr::null_mut(),
                0,
                &mut need
            ),
            EppResult::BufferTooSmall
        );
        let mut buf = vec![0u8; need];
        let mut n = 0;
        assert_eq!(
            epp_write_error_response(
                m,
                s("SRV-1"),
                s("ABC-1"),
                EPP_WRITE_FRAMED,
                buf.as_mut_ptr(),
                buf.len(),
                &mut n
            ),
            EppResult::Ok
        );
        assert_eq!(n, need);
        assert_eq!(u32::from_be_bytes(buf[..4].try_into().unwrap()) as usize, n);
        // The answer reads back as a response with code 2003.
        let r = new();
        assert_eq!(
            epp_message_read_response(r, buf[4..].as_ptr(), n - 4),
            EppResult::Ok
        );
        let mut code = 0;
        assert_eq!(epp_message_result_code(r, 0, &mut code), EppResult::Ok);
        assert_eq!(code, 2003);
        assert_eq!(field(r, EPP_FIELD_CL_TRID).unwrap(), "ABC-1");
        epp_message_free(r);

        // A good read in between: no error to answer.
        let hello = corpus!("rfc/5730/001-C-s2.3.xml");
        assert_eq!(
            epp_message_read_command(m, hello.as_ptr(), hello.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_error_code(m), 0);
        assert_eq!(
            epp_write_error_response(m, s("SRV-1"), NONE, 0, buf.as_mut_ptr(), buf.len(), &mut n),
            EppResult::WrongKind
        );
        assert_eq!(
            epp_message_error_message(m, &mut p, &mut n),
            EppResult::WrongKind
        );
        epp_message_free(m);
    }
}

#[test]
fn commands_written_read_back() {
    let mut buf = [0u8; 1024];
    let mut n = 0;
    let m = new();
    let names = [s("example.com"), s("example.net")];
    // SAFETY: valid buffers and strings; the frame outlives the accessors.
    unsafe {
        assert_eq!(
            epp_write_domain_check(
                names.as_ptr(),
                2,
                s("C-1"),
                0,
                buf.as_mut_ptr(),
                buf.len(),
                &mut n
            ),
            EppResult::Ok
        );
        assert_eq!(epp_message_read_command(m, buf.as_ptr(), n), EppResult::Ok);
        assert_eq!(list(m, EPP_LIST_NAMES), ["example.com", "example.net"]);
        assert_eq!(field(m, EPP_FIELD_CL_TRID).unwrap(), "C-1");

        assert_eq!(
            epp_write_domain_info(
                s("example.org"),
                NONE,
                EPP_WRITE_NO_DECLARATION,
                buf.as_mut_ptr(),
                buf.len(),
                &mut n
            ),
            EppResult::Ok
        );
        assert!(buf.starts_with(b"<epp"));
        assert_eq!(epp_message_read_command(m, buf.as_ptr(), n), EppResult::Ok);
        assert_eq!(epp_message_command_kind(m), EppCommandKind::Info);
        assert_eq!(field(m, EPP_FIELD_OBJECT_NAME).unwrap(), "example.org");

        type Writer = unsafe extern "C" fn(u32, *mut u8, usize, *mut usize) -> EppResult;
        unsafe extern "C" fn logout(f: u32, b: *mut u8, c: usize, n: *mut usize) -> EppResult {
            // SAFETY: forwarded.
            unsafe { epp_write_logout(s("C-2"), f, b, c, n) }
        }
        unsafe extern "C" fn poll(f: u32, b: *mut u8, c: usize, n: *mut usize) -> EppResult {
            // SAFETY: forwarded.
            unsafe { epp_write_poll_request(NONE, f, b, c, n) }
        }
        let writers: [(Writer, EppCommandKind); 3] = [
            (epp_write_hello, EppCommandKind::Hello),
            (logout, EppCommandKind::Logout),
            (poll, EppCommandKind::Poll),
        ];
        for (write, kind) in writers {
            assert_eq!(
                write(EPP_WRITE_FRAMED, buf.as_mut_ptr(), buf.len(), &mut n),
                EppResult::Ok
            );
            assert_eq!(
                epp_message_read_command(m, buf[4..].as_ptr(), n - 4),
                EppResult::Ok
            );
            assert_eq!(epp_message_command_kind(m), kind);
        }
        assert_eq!(
            epp_write_poll_ack(s("42"), NONE, 0, buf.as_mut_ptr(), buf.len(), &mut n),
            EppResult::Ok
        );
        assert_eq!(epp_message_read_command(m, buf.as_ptr(), n), EppResult::Ok);
        assert_eq!(field(m, EPP_FIELD_POLL_MESSAGE_ID).unwrap(), "42");

        assert_eq!(
            epp_write_response(
                1000,
                NONE,
                s("C-3"),
                s("S-3"),
                0,
                buf.as_mut_ptr(),
                buf.len(),
                &mut n
            ),
            EppResult::Ok
        );
        assert_eq!(epp_message_read_response(m, buf.as_ptr(), n), EppResult::Ok);
        assert_eq!(field(m, EPP_FIELD_SV_TRID).unwrap(), "S-3");
        let (mut p, mut l) = (ptr::null(), 0);
        assert_eq!(epp_message_result_msg(m, 0, &mut p, &mut l), EppResult::Ok);
        assert_eq!(text(p, l), "Command completed successfully");
        epp_message_free(m);
    }
}

#[test]
fn writer_errors() {
    let mut buf = [0u8; 16];
    let mut n = 0;
    let bad_utf8 = EppStr {
        ptr: b"\xff".as_ptr().cast(),
        len: 1,
    };
    // SAFETY: every pointer is NULL or valid.
    unsafe {
        assert_eq!(
            epp_write_hello(0, buf.as_mut_ptr(), buf.len(), &mut n),
            EppResult::BufferTooSmall
        );
        assert!(n > 16);
        assert_eq!(
            epp_write_hello(0, buf.as_mut_ptr(), buf.len(), ptr::null_mut()),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_write_hello(0, ptr::null_mut(), 16, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_write_hello(8, buf.as_mut_ptr(), 16, &mut n),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_logout(bad_utf8, 0, buf.as_mut_ptr(), 16, &mut n),
            EppResult::InvalidUtf8
        );
        assert_eq!(
            epp_write_poll_ack(NONE, NONE, 0, buf.as_mut_ptr(), 16, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_write_domain_check(ptr::null(), 1, NONE, 0, buf.as_mut_ptr(), 16, &mut n),
            EppResult::NullArgument
        );
        let names = [s("a.example")];
        assert_eq!(
            epp_write_domain_check(names.as_ptr(), 0, NONE, 0, buf.as_mut_ptr(), 16, &mut n),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_response(999, NONE, NONE, s("S"), 0, buf.as_mut_ptr(), 16, &mut n),
            EppResult::InvalidArgument
        );
        assert_eq!(
            epp_write_response(1000, NONE, NONE, NONE, 0, buf.as_mut_ptr(), 16, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_write_response(
                1000,
                s("bad \u{1} char"),
                NONE,
                s("S"),
                0,
                buf.as_mut_ptr(),
                16,
                &mut n
            ),
            EppResult::WriteError
        );
        assert_eq!(
            epp_write_error_response(ptr::null(), s("S"), NONE, 0, buf.as_mut_ptr(), 16, &mut n),
            EppResult::NullArgument
        );
    }
}

#[test]
fn null_handles_and_empty_handles() {
    let (mut p, mut n) = (ptr::null(), 0);
    let mut code = 0u16;
    // SAFETY: NULL or live handles and valid out-parameters.
    unsafe {
        assert_eq!(epp_message_new(ptr::null_mut()), EppResult::NullArgument);
        assert_eq!(
            epp_message_read_command(ptr::null_mut(), b"x".as_ptr(), 1),
            EppResult::NullArgument
        );
        assert_eq!(epp_message_kind(ptr::null()), EppKind::None);
        assert_eq!(epp_message_command_kind(ptr::null()), EppCommandKind::None);
        assert_eq!(epp_message_object(ptr::null()), EppObject::None);
        assert_eq!(epp_message_transfer_op(ptr::null()), EppTransferOp::None);
        assert_eq!(epp_message_res_data_kind(ptr::null()), EppResDataKind::None);
        assert_eq!(epp_message_list_count(ptr::null(), 0), 0);
        assert_eq!(epp_message_result_count(ptr::null()), 0);
        assert_eq!(epp_message_check_count(ptr::null()), 0);
        assert_eq!(epp_message_extension_count(ptr::null()), 0);
        assert_eq!(epp_message_error_code(ptr::null()), 0);
        assert_eq!(epp_message_error_offset(ptr::null()), 0);
        assert_eq!(
            epp_message_field(ptr::null(), 0, &mut p, &mut n),
            EppResult::NullArgument
        );
        let m = new();
        assert_eq!(epp_message_kind(m), EppKind::None);
        assert_eq!(
            epp_message_read_command(m, ptr::null(), 0),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_field(m, 0, &mut p, &mut n),
            EppResult::WrongKind
        );
        assert_eq!(
            epp_message_field(m, 0, ptr::null_mut(), &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_result_code(m, 0, &mut code),
            EppResult::WrongKind
        );
        assert_eq!(
            epp_message_result_code(m, 0, ptr::null_mut()),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_extension_namespace(m, 0, &mut p, &mut n),
            EppResult::WrongKind
        );
        let mut avail = false;
        assert_eq!(
            epp_message_check_available(m, 0, &mut avail),
            EppResult::WrongKind
        );
        let mut count = 0;
        assert_eq!(epp_message_msgq_count(m, &mut count), EppResult::WrongKind);
        assert!(
            p.is_null() && n == 0 && code == 0,
            "nothing written on failure"
        );
        epp_message_free(m);
        epp_message_free(ptr::null_mut());
    }
}

/// The erased lifetime: read a frame, free it, read another one through the
/// same handle, and read fields. Under Miri this checks that the stale view
/// is never touched.
#[test]
fn the_handle_outlives_its_frames() {
    let m = new();
    for path in [
        &corpus!("rfc/5731/001-C-s3.1.1.xml")[..],
        &corpus!("rfc/5730/013-C-s2.9.1.1.xml")[..],
    ] {
        let frame = path.to_vec();
        // SAFETY: live handle; `frame` lives until the end of the iteration
        // and is not touched until the next read.
        unsafe {
            assert_eq!(
                epp_message_read_command(m, frame.as_ptr(), frame.len()),
                EppResult::Ok
            );
        }
        assert_eq!(field(m, EPP_FIELD_CL_TRID).unwrap(), "ABC-12345");
        drop(frame);
        // Only the discriminant is read after the frame is gone.
        // SAFETY: as documented for epp_message_kind.
        assert_eq!(unsafe { epp_message_kind(m) }, EppKind::Command);
    }
    // SAFETY: freed once, its last frame already gone.
    unsafe { epp_message_free(m) };
}

#[test]
fn unescaped_values() {
    let frame = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response>\
        <result code=\"2400\"><msg>Bad &amp; worse &#233;t&#xE9;</msg></result>\
        <trID><clTRID>A&amp;B</clTRID><svTRID>S-1</svTRID></trID></response></epp>";
    let m = new();
    let mut buf = [0 as c_char; 64];
    let mut n = 0;
    // SAFETY: live handle and frame; valid buffers.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
        assert_eq!(field(m, EPP_FIELD_CL_TRID).unwrap(), "A&amp;B");
        assert_eq!(
            epp_message_field_unescaped(m, EPP_FIELD_CL_TRID, buf.as_mut_ptr(), buf.len(), &mut n),
            EppResult::Ok
        );
        assert_eq!(text(buf.as_ptr(), n), "A&B");
        assert_eq!(
            epp_message_result_msg_unescaped(m, 0, ptr::null_mut(), 0, &mut n),
            EppResult::BufferTooSmall
        );
        assert_eq!(n, "Bad & worse \u{e9}t\u{e9}".len());
        assert_eq!(
            epp_message_result_msg_unescaped(m, 0, buf.as_mut_ptr(), n, &mut n),
            EppResult::Ok
        );
        assert_eq!(text(buf.as_ptr(), n), "Bad & worse \u{e9}t\u{e9}");
        assert_eq!(
            epp_message_field_unescaped(m, EPP_FIELD_MSGQ_ID, buf.as_mut_ptr(), buf.len(), &mut n),
            EppResult::Absent
        );
        assert_eq!(
            epp_message_field_unescaped(
                m,
                EPP_FIELD_SV_TRID,
                buf.as_mut_ptr(),
                buf.len(),
                ptr::null_mut()
            ),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_list_item_unescaped(
                m,
                EPP_LIST_NAMES,
                0,
                buf.as_mut_ptr(),
                buf.len(),
                &mut n
            ),
            EppResult::IndexOutOfRange
        );
        epp_message_free(m);
    }
}

#[test]
fn hosts_contacts_updates_and_dates() {
    let m = new();
    let read = |frame: &[u8], command: bool| {
        // SAFETY: live handle; every frame here is a static.
        let r = unsafe {
            if command {
                epp_message_read_command(m, frame.as_ptr(), frame.len())
            } else {
                epp_message_read_response(m, frame.as_ptr(), frame.len())
            }
        };
        assert_eq!(r, EppResult::Ok);
    };
    read(corpus!("rfc/5732/005-C-s3.2.1.xml"), true);
    assert_eq!(
        list(m, EPP_LIST_ADDRESSES),
        ["192.0.2.2", "192.0.2.29", "1080:0:0:0:8:800:200C:417A"]
    );
    read(corpus!("rfc/5732/009-C-s3.2.5.xml"), true);
    assert_eq!(list(m, EPP_LIST_ADDRESSES_ADD), ["192.0.2.22"]);
    assert_eq!(
        list(m, EPP_LIST_ADDRESSES_REMOVE),
        ["1080:0:0:0:8:800:200C:417A"]
    );
    read(corpus!("rfc/5732/004-S-s3.1.2.xml"), false);
    assert_eq!(list(m, EPP_LIST_ADDRESSES).len(), 3);
    read(corpus!("rfc/5731/017-C-s3.2.5.xml"), true);
    assert_eq!(list(m, EPP_LIST_NAME_SERVERS_ADD), ["ns2.example.com"]);
    assert_eq!(list(m, EPP_LIST_NAME_SERVERS_REMOVE), ["ns1.example.com"]);
    assert_eq!(list(m, EPP_LIST_CONTACTS_ADD), ["mak21"]);
    read(corpus!("rfc/5733/007-C-s3.2.1.xml"), true);
    assert_eq!(field(m, EPP_FIELD_EMAIL).unwrap(), "jdoe@example.com");
    assert_eq!(field(m, EPP_FIELD_VOICE).unwrap(), "+1.7035555555");
    read(corpus!("rfc/5733/004-S-s3.1.2.xml"), false);
    assert_eq!(field(m, EPP_FIELD_OBJECT_NAME).unwrap(), "sh8013");
    assert_eq!(field(m, EPP_FIELD_EMAIL).unwrap(), "jdoe@example.com");
    read(corpus!("rfc/5731/005-S-s3.1.2.xml"), false);
    assert_eq!(list(m, EPP_LIST_CONTACT_TYPES), ["admin", "tech"]);
    let mut t = EppDateTime::default();
    // SAFETY: live handle, valid out-parameter.
    unsafe {
        assert_eq!(
            epp_message_field_datetime(m, EPP_FIELD_EXPIRES, &mut t),
            EppResult::Ok
        );
        assert_eq!((t.year, t.month, t.day, t.hour), (2005, 4, 3, 22));
        assert!(t.has_offset && t.offset_minutes == 0);
        assert_eq!(
            epp_message_field_datetime(m, EPP_FIELD_ROID, &mut t),
            EppResult::InvalidValue
        );
        assert_eq!(
            epp_message_field_datetime(m, EPP_FIELD_MSGQ_DATE, &mut t),
            EppResult::Absent
        );
        assert_eq!(
            epp_message_field_datetime(m, EPP_FIELD_EXPIRES, ptr::null_mut()),
            EppResult::NullArgument
        );
        epp_message_free(m);
    }
}

#[test]
fn a_login_written_read_back() {
    let mut buf = [0u8; 1024];
    let mut n = 0;
    let objects = [
        s("urn:ietf:params:xml:ns:domain-1.0"),
        s("urn:ietf:params:xml:ns:host-1.0"),
    ];
    let extensions = [s("urn:ietf:params:xml:ns:secDNS-1.1")];
    let m = new();
    // SAFETY: valid strings, arrays and buffers; the frame outlives the reads.
    unsafe {
        assert_eq!(
            epp_write_login(
                s("ClientX"),
                s("foo-BAR2"),
                NONE,
                NONE,
                objects.as_ptr(),
                2,
                extensions.as_ptr(),
                1,
                s("L-1"),
                EPP_WRITE_FRAMED,
                buf.as_mut_ptr(),
                buf.len(),
                &mut n
            ),
            EppResult::Ok
        );
        assert_eq!(
            epp_message_read_command(m, buf[4..].as_ptr(), n - 4),
            EppResult::Ok
        );
        assert_eq!(epp_message_command_kind(m), EppCommandKind::Login);
        assert_eq!(field(m, EPP_FIELD_LOGIN_CLIENT_ID).unwrap(), "ClientX");
        assert_eq!(field(m, EPP_FIELD_LOGIN_LANG).unwrap(), "en");
        assert_eq!(list(m, EPP_LIST_LOGIN_OBJECT_URIS).len(), 2);
        assert_eq!(
            list(m, EPP_LIST_LOGIN_EXTENSION_URIS),
            ["urn:ietf:params:xml:ns:secDNS-1.1"]
        );
        // No object URI, NULL arrays, too many URIs.
        let login = |objs: *const EppStr, n_obj: usize, exts: *const EppStr, n_ext: usize| {
            let mut n = 0;
            epp_write_login(
                s("ClientX"),
                s("foo-BAR2"),
                NONE,
                NONE,
                objs,
                n_obj,
                exts,
                n_ext,
                NONE,
                0,
                ptr::null_mut(),
                0,
                &mut n,
            )
        };
        assert_eq!(
            login(objects.as_ptr(), 0, ptr::null(), 0),
            EppResult::InvalidArgument
        );
        assert_eq!(
            login(ptr::null(), 1, ptr::null(), 0),
            EppResult::NullArgument
        );
        assert_eq!(
            login(objects.as_ptr(), 1, ptr::null(), 1),
            EppResult::NullArgument
        );
        assert_eq!(
            login(objects.as_ptr(), 1, ptr::null(), 0),
            EppResult::BufferTooSmall
        );
        let many = [s("urn:x"); EPP_WRITE_MAX_LOGIN_URIS + 1];
        assert_eq!(
            login(many.as_ptr(), many.len(), ptr::null(), 0),
            EppResult::InvalidArgument
        );
        epp_message_free(m);
    }
}
