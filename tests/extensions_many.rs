//! Extension lookups with more children than `Extensions` records spans
//! for (six): the elements past the sixth are found by scanning, in order,
//! in commands and responses alike.

use epp_codec::view::{read_command, read_response};

const TOKEN: &str = "urn:ietf:params:xml:ns:allocationToken-1.0";

fn unknown(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(r#"<x{i}:e xmlns:x{i}="urn:example:ext{i}"><x{i}:v>{i}</x{i}:v></x{i}:e>"#)
        })
        .collect()
}

#[test]
fn extensions_past_the_recorded_spans_are_found() {
    for n in [0usize, 5, 6, 7, 12] {
        let ext = format!(
            r#"{}<t:allocationToken xmlns:t="{TOKEN}">abc</t:allocationToken>"#,
            unknown(n)
        );
        let command = format!(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check><d:check xmlns:d="urn:ietf:params:xml:ns:domain-1.0"><d:name>example.com</d:name></d:check></check><extension>{ext}</extension></command></epp>"#
        );
        let response = format!(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>ok</msg></result><extension>{ext}</extension><trID><svTRID>S-1</svTRID></trID></response></epp>"#
        );
        let request = read_command(command.as_bytes()).unwrap();
        let response = read_response(response.as_bytes()).unwrap();
        for x in [request.extensions(), response.extensions()] {
            assert_eq!(x.len(), n + 1);
            let names: Vec<String> = x.iter().map(|e| e.as_str().to_string()).collect();
            assert_eq!(names.len(), n + 1, "{n}");
            for (i, name) in names.iter().take(n).enumerate() {
                assert!(name.starts_with(&format!("<x{i}:e")), "{n}: {name}");
                assert!(name.ends_with(&format!("</x{i}:e>")), "{n}: {name}");
            }
            assert!(names[n].starts_with("<t:allocationToken"), "{n}");
            assert!(names[n].ends_with("</t:allocationToken>"), "{n}");
            assert!(x.allocation_token().is_some(), "{n}");
        }
    }
}
