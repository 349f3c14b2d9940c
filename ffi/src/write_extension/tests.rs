//! Extensions added to written commands, read back strictly.

use super::*;
use crate::message::*;
use crate::write::EPP_WRITE_FRAMED;
use crate::write_command::epp_write_domain_create;
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

fn domain_create() -> Vec<u8> {
    let mut buf = vec![0u8; 4096];
    let mut len = 0;
    // SAFETY: valid strings and buffer.
    let r = unsafe {
        epp_write_domain_create(
            s("example.com"),
            0,
            0,
            ptr::null(),
            0,
            NONE,
            ptr::null(),
            0,
            s("2fooBAR"),
            s("ABC-1"),
            0,
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    assert_eq!(r, EppResult::Ok);
    buf.truncate(len);
    buf
}

const TOKEN: &str = r#"<allocationToken:allocationToken xmlns:allocationToken="urn:ietf:params:xml:ns:allocationToken-1.0">abc123</allocationToken:allocationToken>"#;

#[test]
fn raw_and_ds_data_extensions_are_added_to_a_domain_create() {
    let command = domain_create();
    let raw = [s(TOKEN)];
    let ds = [EppDsDataIn {
        key_tag: 12345,
        alg: 3,
        digest_type: 1,
        digest: s("49FD46E6C4B45C55D4AC"),
    }];
    let write = |flags: u32, buf: *mut u8, cap: usize, n: *mut usize| {
        // SAFETY: valid arrays; `buf` does not overlap `command`.
        unsafe {
            epp_write_command_with_extensions(
                command.as_ptr(),
                command.len(),
                raw.as_ptr(),
                1,
                ds.as_ptr(),
                1,
                flags,
                buf,
                cap,
                n,
            )
        }
    };
    let mut needed = 0;
    assert_eq!(
        write(0, ptr::null_mut(), 0, &mut needed),
        EppResult::BufferTooSmall
    );
    let mut out = vec![0u8; needed + 4];
    let mut len = 0;
    assert_eq!(
        write(EPP_WRITE_FRAMED, out.as_mut_ptr(), out.len(), &mut len),
        EppResult::Ok
    );
    assert_eq!(len, needed + 4);
    let xml = &out[4..len];
    let request = epp_codec::view::read_command(xml).unwrap();
    assert_eq!(request.extensions().len(), 2);
    assert_eq!(request.cl_trid().unwrap(), "ABC-1");
    let sec = request.extensions().sec_dns();
    assert!(
        matches!(sec, Some(SecDns::Create(_))),
        "{}",
        String::from_utf8_lossy(xml)
    );
    let mut m = ptr::null_mut();
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(
            epp_message_read_command(m, xml.as_ptr(), xml.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_extension_count(m), 2);
        epp_message_free(m);
    }
}

#[test]
fn bad_extensions_and_commands_are_refused() {
    let command = domain_create();
    let mut len = 7;
    let bad = [s("<a:b>unbound</a:b>")];
    // SAFETY: valid arrays.
    unsafe {
        assert_eq!(
            epp_write_command_with_extensions(
                command.as_ptr(),
                command.len(),
                bad.as_ptr(),
                1,
                ptr::null(),
                0,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::InvalidArgument
        );
        let not_a_command = b"<epp/>";
        assert_eq!(
            epp_write_command_with_extensions(
                not_a_command.as_ptr(),
                not_a_command.len(),
                ptr::null(),
                0,
                ptr::null(),
                0,
                0,
                ptr::null_mut(),
                0,
                &mut len
            ),
            EppResult::InvalidArgument
        );
        assert_eq!(len, 7);
        let too_many = [s(TOKEN); EPP_WRITE_MAX_RESULTS + 1];
        assert_eq!(
            epp_write_command_with_extensions(
                command.as_ptr(),
                command.len(),
                too_many.as_ptr(),
                too_many.len(),
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
