//! The round-trip property over generated commands (feature `arbitrary`):
//! a command built from an arbitrary model, written (compact, indented),
//! reads back with every field equal. The fuzz target `write_model` runs
//! the same check on fuzzer-chosen bytes.

#![cfg(feature = "arbitrary")]

mod common;
mod model;

use arbitrary::{Arbitrary, Unstructured};
use epp_codec::write::WriteOptions;

#[test]
fn generated_commands_read_back_as_written() {
    let mut rng = common::XorShift::new(0xa4b1_7a4e);
    let mut bytes = vec![0u8; 4096];
    let mut kinds = std::collections::HashSet::new();
    for _ in 0..3000 {
        for b in bytes.iter_mut() {
            *b = rng.next_u64() as u8;
        }
        let mut u = Unstructured::new(&bytes);
        let model = model::Model::arbitrary(&mut u).expect("enough bytes");
        kinds.insert(std::mem::discriminant(&model));
        for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
            model::check_round_trip(&model, &options);
        }
    }
    assert_eq!(kinds.len(), 10, "every kind of command was generated");
}
