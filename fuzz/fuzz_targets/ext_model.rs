//! Domain commands and responses carrying arbitrary combinations of typed
//! extensions (the model `tests/ext_arbitrary.rs` uses) are written, compact
//! and indented, and read back with every extension equal to the model.

#![no_main]

#[path = "../../tests/ext_model/mod.rs"]
mod ext_model;

use epp_codec::write::WriteOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    |input: (ext_model::CommandModel, ext_model::ResponseModel)| {
        let (command, response) = input;
        for options in [WriteOptions::new(), WriteOptions::new().indent(2)] {
            ext_model::check_command(&command, &options);
            ext_model::check_response(&response, &options);
        }
    }
);
