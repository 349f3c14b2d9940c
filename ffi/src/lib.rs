//! The C ABI of epp-codec. This crate grows with the FFI issue; for now it
//! exposes the library version so that the header pipeline is exercised.

#![warn(missing_docs)]

use std::ffi::c_char;

/// The library version as a static, NUL-terminated string such as `"0.1.0"`.
///
/// The returned pointer is valid for the life of the process; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn epp_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_matches_the_package() {
        // SAFETY: epp_version returns a static NUL-terminated string.
        let v = unsafe { std::ffi::CStr::from_ptr(epp_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
