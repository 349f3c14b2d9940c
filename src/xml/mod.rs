//! An XML tokenizer made for EPP: UTF-8 only, well-formedness checked,
//! namespaces resolved while scanning, no allocation, no DTDs.
//!
//! [`Tokenizer`] reads a payload into [`Token`]s. Names come out resolved
//! ([`Name::namespace`]), with the EPP namespaces as a small enum ([`Ns`]),
//! so a caller matches `domain:name` with an integer compare whatever prefix
//! the document chose. Text and attribute values come out raw; references
//! are replaced lazily ([`Text::unescaped`], [`Attribute::value`]).
//!
//! What it refuses, each with an [`XmlError`] naming the kind and the byte
//! offset: bytes that are not UTF-8, another declared encoding, `<!DOCTYPE`
//! (so no entity expansion of any kind), mismatched or unclosed tags,
//! duplicate attributes (after namespace resolution too), unbound prefixes,
//! undefined entities, bad character references, forbidden characters, `<`
//! in attribute values, `]]>` in text, `--` in comments, text or a second
//! element outside the root, and anything over a [`Limits`](crate::Limits) bound.

mod chars;
mod error;
mod escape;
mod ns;
mod token;
mod tokenizer;

pub use error::{TextPos, XmlError, XmlErrorKind};
pub use escape::{Chunk, Unescaped};
pub use ns::{Namespace, Ns, Uri};
pub use token::{
    Attribute, Comment, Declaration, ElementEnd, ElementStart, Name, ProcessingInstruction, Span,
    Text, Token,
};
pub use tokenizer::Tokenizer;

pub(crate) use chars::{
    escape_candidates, find_any3, find_byte, find_name_stop, is_forbidden_ef, is_space, same_bytes,
    word_at,
};
pub(crate) use escape::{NEEDS_CARE, UnescapeMode, writes_as_is};
pub(crate) use token::split_qname;
