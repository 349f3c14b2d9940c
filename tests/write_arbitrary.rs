//! The round-trip property over generated commands and responses (feature
//! `arbitrary`): a message built from an arbitrary model, written (compact,
//! indented), reads back with every field equal. The fuzz targets
//! `write_model` and `write_response_model` run the same checks on
//! fuzzer-chosen bytes.

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

#[test]
fn generated_responses_read_back_as_written() {
    let mut rng = common::XorShift::new(0x5e5_9a7a);
    let mut bytes = vec![0u8; 4096];
    let (mut with_queue, mut res_data_kinds, mut results) =
        (0, std::collections::HashSet::new(), 0);
    for _ in 0..3000 {
        for b in bytes.iter_mut() {
            *b = rng.next_u64() as u8;
        }
        let mut u = Unstructured::new(&bytes);
        let model = model::ResponseCore::arbitrary(&mut u).expect("enough bytes");
        with_queue += usize::from(model.queue.is_some());
        res_data_kinds.insert(std::mem::discriminant(&model.res_data));
        results = results.max(model.results.len());
        for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
            model::check_response_round_trip(&model, &options);
        }
    }
    assert_eq!(
        res_data_kinds.len(),
        4,
        "every kind of resData was generated"
    );
    assert!(
        with_queue > 100 && results == 3,
        "queues and several results were generated"
    );
}
