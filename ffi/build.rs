//! Gives the shared library a SONAME carrying the version, so that a
//! program linked against one ABI never loads an incompatible one:
//! `libepp.so.0.<minor>` while the major version is 0 (every minor release
//! may break the ABI), `libepp.so.<major>` from 1.0 on.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_default();
    let minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap_or_default();
    let version = if major == "0" {
        format!("0.{minor}")
    } else {
        major
    };
    // ELF platforms with a GNU-compatible linker; macOS and Windows name
    // their libraries differently and are left to their defaults.
    let elf = matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly" | "illumos"
    );
    if elf && env != "msvc" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libepp.so.{version}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
