//! Host attributes in the domain create and update writers, read back
//! strictly through the C ABI.

use super::*;
use crate::message::*;
use crate::object::*;
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

fn read(xml: &[u8]) -> *mut EppMessage {
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter; the frame outlives the handle's use.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(
            epp_message_read_command(m, xml.as_ptr(), xml.len()),
            EppResult::Ok,
            "{}",
            String::from_utf8_lossy(xml)
        );
    }
    m
}

fn address(m: *const EppMessage, list: u32, i: usize, a: usize) -> (String, EppIpVersion) {
    let (mut p, mut n): (*const c_char, usize) = (ptr::null(), 0);
    let mut v = EppIpVersion::None;
    // SAFETY: live handle, valid out-parameters.
    unsafe {
        assert_eq!(
            epp_message_name_server_address(m, list, i, a, &mut p, &mut n, &mut v),
            EppResult::Ok
        );
        let text = std::str::from_utf8(std::slice::from_raw_parts(p.cast::<u8>(), n)).unwrap();
        (text.to_owned(), v)
    }
}

#[test]
fn a_domain_create_with_host_attributes_round_trips() {
    let addrs = [s("192.0.2.2"), s("1080:0:0:0:8:800:200C:417A")];
    let hosts = [
        EppHostAttrIn {
            name: s("ns1.example.com"),
            addresses: addrs.as_ptr(),
            address_count: 2,
        },
        EppHostAttrIn {
            name: s("ns2.example.net"),
            addresses: ptr::null(),
            address_count: 0,
        },
    ];
    let mut buf = [0u8; 4096];
    let mut len = 0;
    // SAFETY: valid arrays and buffer.
    let r = unsafe {
        epp_write_domain_create_host_attrs(
            s("example.com"),
            0,
            0,
            hosts.as_ptr(),
            2,
            s("jd1234"),
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
    let m = read(&buf[..len]);
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_name_server_form(m, EPP_LIST_NAME_SERVERS),
            EppNameServerForm::HostAttributes
        );
        assert_eq!(epp_message_list_count(m, EPP_LIST_NAME_SERVERS), 2);
        assert_eq!(
            epp_message_name_server_address_count(m, EPP_LIST_NAME_SERVERS, 0),
            2
        );
        assert_eq!(
            address(m, EPP_LIST_NAME_SERVERS, 0, 1),
            ("1080:0:0:0:8:800:200C:417A".to_owned(), EppIpVersion::V6)
        );
        assert_eq!(
            epp_message_name_server_address_count(m, EPP_LIST_NAME_SERVERS, 1),
            0
        );
        epp_message_free(m);
    }
    let bad = [s("not-an-ip")];
    let bad_hosts = [EppHostAttrIn {
        name: s("ns1.example.com"),
        addresses: bad.as_ptr(),
        address_count: 1,
    }];
    // SAFETY: valid arrays.
    let r = unsafe {
        epp_write_domain_create_host_attrs(
            s("example.com"),
            0,
            0,
            bad_hosts.as_ptr(),
            1,
            NONE,
            ptr::null(),
            0,
            s("2fooBAR"),
            NONE,
            0,
            ptr::null_mut(),
            0,
            &mut len,
        )
    };
    assert_eq!(r, EppResult::InvalidArgument);
}

#[test]
fn a_domain_update_with_host_attributes_round_trips() {
    let addrs = [s("192.0.2.3")];
    let add = [EppHostAttrIn {
        name: s("ns3.example.com"),
        addresses: addrs.as_ptr(),
        address_count: 1,
    }];
    let remove = [EppHostAttrIn {
        name: s("ns1.example.net"),
        addresses: ptr::null(),
        address_count: 0,
    }];
    let statuses = [s("clientHold")];
    let add_part = EppDomainAddRemove {
        name_servers: ptr::null(),
        name_server_count: 0,
        contacts: ptr::null(),
        contact_count: 0,
        statuses: statuses.as_ptr(),
        status_count: 1,
    };
    let mut buf = [0u8; 4096];
    let mut len = 0;
    let write = |part: &EppDomainAddRemove, buf: &mut [u8], len: &mut usize| {
        // SAFETY: valid arrays and buffer.
        unsafe {
            epp_write_domain_update_host_attrs(
                s("example.com"),
                part,
                add.as_ptr(),
                1,
                ptr::null(),
                remove.as_ptr(),
                1,
                NONE,
                NONE,
                s("ABC-2"),
                0,
                buf.as_mut_ptr(),
                buf.len(),
                len,
            )
        }
    };
    assert_eq!(write(&add_part, &mut buf, &mut len), EppResult::Ok);
    let m = read(&buf[..len]);
    // SAFETY: live handle and frame.
    unsafe {
        assert_eq!(
            epp_message_name_server_form(m, EPP_LIST_NAME_SERVERS_ADD),
            EppNameServerForm::HostAttributes
        );
        assert_eq!(
            address(m, EPP_LIST_NAME_SERVERS_ADD, 0, 0),
            ("192.0.2.3".to_owned(), EppIpVersion::V4)
        );
        assert_eq!(epp_message_list_count(m, EPP_LIST_NAME_SERVERS_REMOVE), 1);
        assert_eq!(epp_message_list_count(m, EPP_LIST_STATUSES_ADD), 1);
        epp_message_free(m);
    }
    let objects = [s("ns9.example.com")];
    let mixed = EppDomainAddRemove {
        name_servers: objects.as_ptr(),
        name_server_count: 1,
        ..add_part
    };
    assert_eq!(
        write(&mixed, &mut buf, &mut len),
        EppResult::InvalidArgument
    );
}
