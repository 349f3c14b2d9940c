//! Every corpus command, response and greeting, written back, validates
//! against the schemas (`xmllint --schema ../shared/corpus/xsd/all.xsd`)
//! wherever the original did. xmllint is required (scripts/setup.sh
//! installs libxml2-utils): a missing xmllint fails the test.

#![cfg(feature = "alloc")]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use epp_codec::view::{ServerMessage, read_command, read_server_message};
use epp_codec::write::{WriteOptions, to_vec};

/// The files of `files` that xmllint says validate.
fn validating(files: &[std::path::PathBuf]) -> BTreeSet<String> {
    let xsd = common::corpus_dir().join("xsd/all.xsd");
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .args(files)
        .output()
        .expect("xmllint must be installed (scripts/setup.sh installs libxml2-utils)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .filter_map(|l| l.strip_suffix(" validates"))
        .map(|f| {
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn written_messages_validate_wherever_the_originals_did() {
    let dir = std::env::temp_dir().join(format!("epp-codec-write-schema-{}", std::process::id()));
    let (orig_dir, written_dir) = (dir.join("original"), dir.join("written"));
    std::fs::create_dir_all(&orig_dir).unwrap();
    std::fs::create_dir_all(&written_dir).unwrap();
    let options = WriteOptions::new().indent(2);
    let (mut originals, mut written) = (Vec::new(), Vec::new());
    for (i, m) in common::corpus_messages().into_iter().enumerate() {
        let out = if let Ok(request) = read_command(&m.bytes) {
            to_vec(&request, &options)
        } else if let Ok(message) = read_server_message(&m.bytes) {
            match message {
                ServerMessage::Greeting(g) => to_vec(&g, &options),
                ServerMessage::Response(r) => to_vec(&r, &options),
            }
        } else {
            continue;
        };
        let out = out.unwrap_or_else(|e| panic!("{}: {e}", m.path));
        let name = format!("{i:03}.xml");
        std::fs::write(orig_dir.join(&name), &m.bytes).unwrap();
        std::fs::write(written_dir.join(&name), &out).unwrap();
        originals.push(orig_dir.join(&name));
        written.push(written_dir.join(&name));
    }
    let valid_originals = validating(&originals);
    let valid_written = validating(&written);
    let regressions: Vec<_> = valid_originals.difference(&valid_written).collect();
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        valid_originals.len() >= 150,
        "only {} originals validate",
        valid_originals.len()
    );
    assert!(
        regressions.is_empty(),
        "{} of {} valid messages no longer validate once written: {regressions:?}",
        regressions.len(),
        valid_originals.len()
    );
}
