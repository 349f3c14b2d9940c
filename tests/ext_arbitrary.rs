//! The round-trip property over generated extension combinations (feature
//! `arbitrary`): domain commands and responses carrying any set of typed
//! extensions, in any order, written (compact and indented) and read back
//! with every extension equal. The fuzz target `ext_model` runs the same
//! checks on fuzzer-chosen bytes.

#![cfg(feature = "arbitrary")]

mod common;
mod ext_model;

use arbitrary::{Arbitrary, Unstructured};
use epp_codec::write::WriteOptions;

fn generate<T: for<'a> Arbitrary<'a>>(rng: &mut common::XorShift, bytes: &mut [u8]) -> T {
    for b in bytes.iter_mut() {
        *b = rng.next_u64() as u8;
    }
    T::arbitrary(&mut Unstructured::new(bytes)).expect("enough bytes")
}

#[test]
fn generated_extension_commands_read_back_as_written() {
    let mut rng = common::XorShift::new(0x5ec_d45);
    let mut bytes = vec![0u8; 2048];
    let mut kinds = std::collections::HashSet::new();
    let mut most = 0;
    for _ in 0..3000 {
        let model: ext_model::CommandModel = generate(&mut rng, &mut bytes);
        for e in &model.extensions {
            kinds.insert(std::mem::discriminant(e));
        }
        most = most.max(model.extensions.len());
        for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
            ext_model::check_command(&model, &options);
        }
    }
    assert_eq!(
        kinds.len(),
        16,
        "every kind of command extension was generated"
    );
    assert!(most >= 4, "combinations of four or more were generated");
}

#[test]
fn generated_extension_responses_read_back_as_written() {
    let mut rng = common::XorShift::new(0x7e5_d47a);
    let mut bytes = vec![0u8; 2048];
    let mut kinds = std::collections::HashSet::new();
    for _ in 0..2000 {
        let model: ext_model::ResponseModel = generate(&mut rng, &mut bytes);
        for e in &model.extensions {
            kinds.insert(std::mem::discriminant(e));
        }
        for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
            ext_model::check_response(&model, &options);
        }
    }
    assert_eq!(
        kinds.len(),
        7,
        "every kind of response extension was generated"
    );
}
