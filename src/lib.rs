//! A zero-copy, allocation-free EPP codec: RFC 5734 framing, an XML
//! tokenizer made for RFC 5730-5733 messages, typed views of the commands
//! read strictly and of the responses and greetings read tolerantly, and
//! writers for all of them, for `no_std` targets too.
//!
//! - [`frame`]: RFC 5734 data units (stateless decode, pipelined frames, a
//!   deframer, a tokio-util codec);
//! - [`xml`]: the pull tokenizer, namespaces resolved;
//! - [`view`]: [`view::read_command`] reads a command payload into a typed,
//!   borrowed [`view::Request`], or the [`view::CommandError`] (with its EPP
//!   result code, element and offset) a server answers with;
//!   [`view::read_response`] and [`view::read_greeting`] read what a server
//!   sends;
//! - [`write`](mod@write): any view, or a message built by hand, written into the
//!   caller's buffer ([`write::Writable`]), framed or not.
//!
//! # Example
//!
//! Read the frames out of a buffer of pipelined data units and tokenize each:
//!
//! ```
//! use epp_codec::{Limits, frame, xml::{Tokenizer, Token, Ns}};
//!
//! let limits = Limits::new();
//! let mut wire = [0u8; 128];
//! let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><hello/></epp>"#;
//! let n = frame::encode_into(payload, &mut wire).unwrap();
//!
//! for payload in frame::frames(&wire[..n], &limits) {
//!     let mut tokens = Tokenizer::from_bytes(payload.unwrap(), &limits).unwrap();
//!     let mut names = 0;
//!     while let Some(token) = tokens.next_token().unwrap() {
//!         if let Token::ElementStart(start) = token {
//!             assert!(start.name().is(Ns::Epp, start.name().local()));
//!             names += 1;
//!         }
//!     }
//!     assert_eq!(names, 2);
//! }
//! ```
//!
//! # Features
//!
//! - `std` (default): implies `alloc`; the one item needing an OS is
//!   [`GeneratedPassword::generate`](view::GeneratedPassword) (Unix).
//! - `alloc`: [`frame::Deframer`], which owns a receive buffer; `Vec<u8>`
//!   as a write sink and `write::to_vec`.
//! - `bytes`: [`frame::BytesDeframer`] and [`frame::decode_bytes`]: frames
//!   as `bytes::Bytes` sharing the receive buffer.
//! - `tokio-util`: [`frame::EppCodec`], a `tokio_util::codec` decoder and encoder.
//! - `arbitrary`: `arbitrary::Arbitrary` for [`Limits`].
//!
//! With `default-features = false` the crate needs neither `std` nor `alloc`.
//!
// Without a feature, its items do not exist: their links point here instead.
#![cfg_attr(not(feature = "alloc"), doc = "[`frame::Deframer`]: #features")]
#![cfg_attr(not(feature = "bytes"), doc = "[`frame::BytesDeframer`]: #features")]
#![cfg_attr(not(feature = "bytes"), doc = "[`frame::decode_bytes`]: #features")]
#![cfg_attr(not(feature = "tokio-util"), doc = "[`frame::EppCodec`]: #features")]
//!
//! # Limits and defaults
//!
//! Everything a peer could use to make us work or remember too much is
//! bounded by [`Limits`]: frame length (1 MiB), nesting depth (64),
//! attributes per element (16), namespace bindings in scope (32) and name
//! length (256 bytes). An input over a limit fails with an error naming it.
//!
//! # Safety
//!
//! The crate contains no `unsafe` code (`#![forbid(unsafe_code)]`), and must
//! not panic on any input: a panic is a bug, and the fuzz targets in `fuzz/`
//! look for them.

#![no_std]
#![forbid(unsafe_code)]
// The core must keep building without `std`: prefer `core` and `alloc` paths.
#![warn(
    clippy::std_instead_of_core,
    clippy::alloc_instead_of_core,
    clippy::std_instead_of_alloc
)]
#![doc(test(attr(deny(warnings))))]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod frame;
mod limits;
pub mod view;
pub mod write;
pub mod xml;

pub use limits::{Limit, Limits};

// The README's Rust examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
