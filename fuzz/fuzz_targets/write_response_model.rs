//! Responses built from an arbitrary model (the one
//! `tests/write_arbitrary.rs` uses: results, msgQ, domain resData,
//! transaction ids) are written, compact and indented, and read back with
//! every field equal to the model.

#![no_main]

#[path = "../../tests/model/mod.rs"]
mod model;

use epp_codec::write::WriteOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|m: model::ResponseCore| {
    for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
        model::check_response_round_trip(&m, &options);
    }
});
