//! The forms of `<authInfo>` through the C ABI.

use super::*;
use crate::message::*;
use std::ptr;

const NULL_CHG: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/corpus/ext/examples/9154/004-C-s5.2.xml"
));

const EXT_CREATE: &str = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
<domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name>
<domain:authInfo><domain:ext><x:token xmlns:x="urn:example:auth">t0k3n</x:token></domain:ext></domain:authInfo>
</domain:create></create><clTRID>ABC-1</clTRID></command></epp>"#;

fn read(frame: &[u8]) -> *mut EppMessage {
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter; the frame outlives the handle's use.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(
            epp_message_read_command(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
    }
    m
}

#[test]
fn the_null_form_of_an_update_change() {
    let m = read(NULL_CHG);
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_new_auth_info_form(m), EppAuthInfoForm::Null);
        assert_eq!(epp_message_auth_info_form(m), EppAuthInfoForm::None);
        let (mut p, mut n) = (ptr::null(), 0);
        assert_eq!(
            epp_message_new_auth_info_ext(m, &mut p, &mut n),
            EppResult::Absent
        );
        epp_message_free(m);
    }
}

#[test]
fn the_ext_form_of_a_create() {
    let m = read(EXT_CREATE.as_bytes());
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_auth_info_form(m), EppAuthInfoForm::Ext);
        let (mut p, mut n) = (ptr::null(), 0);
        assert_eq!(epp_message_auth_info_ext(m, &mut p, &mut n), EppResult::Ok);
        let text = std::str::from_utf8(std::slice::from_raw_parts(p.cast::<u8>(), n)).unwrap();
        assert_eq!(
            text,
            r#"<x:token xmlns:x="urn:example:auth">t0k3n</x:token>"#
        );
        assert_eq!(epp_message_new_auth_info_form(m), EppAuthInfoForm::None);
        assert_eq!(
            epp_message_auth_info_form(ptr::null()),
            EppAuthInfoForm::None
        );
        epp_message_free(m);
    }
}

#[test]
fn the_password_form_of_an_info_response() {
    let frame: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/rfc/5731/005-S-s3.1.2.xml"
    ));
    let mut m = ptr::null_mut();
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(
            epp_message_read_response(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_auth_info_form(m), EppAuthInfoForm::Password);
        epp_message_free(m);
    }
}

#[test]
fn the_ext_form_of_a_contact_info_response() {
    let frame = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>ok</msg></result>
<resData><contact:infData xmlns:contact="urn:ietf:params:xml:ns:contact-1.0"><contact:id>sh8013</contact:id>
<contact:roid>SH8013-REP</contact:roid><contact:status s="ok"/><contact:email>a@example.com</contact:email>
<contact:clID>ClientY</contact:clID><contact:crID>ClientX</contact:crID><contact:crDate>1999-04-03T22:00:00.0Z</contact:crDate>
<contact:authInfo><contact:ext><x:token xmlns:x="urn:example:auth">t0k3n</x:token></contact:ext></contact:authInfo>
</contact:infData></resData><trID><svTRID>S-1</svTRID></trID></response></epp>"#;
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameters; the frame outlives the handle's use.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(
            epp_message_read_response(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
        assert_eq!(epp_message_auth_info_form(m), EppAuthInfoForm::Ext);
        let (mut p, mut n) = (ptr::null(), 0);
        assert_eq!(epp_message_auth_info_ext(m, &mut p, &mut n), EppResult::Ok);
        let text = std::str::from_utf8(std::slice::from_raw_parts(p.cast::<u8>(), n)).unwrap();
        assert_eq!(
            text,
            r#"<x:token xmlns:x="urn:example:auth">t0k3n</x:token>"#
        );
        epp_message_free(m);
    }
}
