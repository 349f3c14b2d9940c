//! An EPP session over TLS built on `epp-codec`: a server with an in-memory
//! registry ([`server`], [`registry`]), a pipelining client ([`client`]), and
//! throw-away certificates ([`tls`]). The integration tests in `tests/`
//! drive them through conformance, interop, fault and load scenarios.

pub mod client;
pub mod registry;
pub mod server;
pub mod tls;
pub mod workload;
