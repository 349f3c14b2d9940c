//! An EPP session over TLS built on `epp-codec`: a server with an in-memory
//! registry ([`server`], [`registry`]), a pipelining client ([`client`]),
//! throw-away certificates ([`tls`]) and a command mix for load
//! ([`workload`]). The integration tests in `tests/` drive them through
//! conformance, interop, fault and load scenarios; `examples/loopback.rs`
//! is the project's main job.
//!
//! Test certificates are generated at run time with `rcgen` (see
//! [`tls::TestPki`]): no private key is committed.

#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

pub mod client;
pub mod registry;
pub mod server;
pub mod tls;
pub mod workload;
