//! Resource limits for framing and tokenizing, as data rather than constants.
//!
//! Every limit has a documented default, and every error caused by a limit
//! names it (see [`Limit`]). The XML limits also have a hard *capacity*: the
//! tokenizer keeps its stacks in fixed arrays (it never allocates), so a limit
//! can be lowered freely and raised up to that capacity.

use core::fmt;

/// Which limit an input ran into.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// [`Limits::max_frame_len`]: the total length of one RFC 5734 data unit.
    FrameLength,
    /// [`Limits::max_depth`]: how deeply elements may nest.
    Depth,
    /// [`Limits::max_attributes`]: attributes (namespace declarations included) on one element.
    Attributes,
    /// [`Limits::max_namespace_bindings`]: namespace declarations in scope at once.
    NamespaceBindings,
    /// [`Limits::max_name_len`]: bytes in one element or attribute name, prefix included.
    NameLength,
}

impl Limit {
    /// A short, static description, e.g. `"element nesting depth"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Limit::FrameLength => "frame length",
            Limit::Depth => "element nesting depth",
            Limit::Attributes => "attributes per element",
            Limit::NamespaceBindings => "namespace bindings in scope",
            Limit::NameLength => "name length",
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Limits applied while framing and tokenizing.
///
/// Build one with [`Limits::new`] (the defaults) and the `with_*` setters:
///
/// ```
/// use epp_codec::Limits;
/// let limits = Limits::new().with_max_frame_len(64 * 1024).with_max_depth(32);
/// assert_eq!(limits.max_frame_len(), 64 * 1024);
/// assert_eq!(limits.max_depth(), 32);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    max_frame_len: u32,
    max_depth: u16,
    max_attributes: u16,
    max_namespace_bindings: u16,
    max_name_len: u16,
}

impl Limits {
    /// Default [`max_frame_len`](Self::max_frame_len): 1 MiB, header included.
    pub const DEFAULT_MAX_FRAME_LEN: u32 = 1024 * 1024;
    /// Default [`max_depth`](Self::max_depth): 64 (an RFC 5733 `contact:info` response nests 7 deep).
    pub const DEFAULT_MAX_DEPTH: u16 = 64;
    /// Default [`max_attributes`](Self::max_attributes): 16.
    pub const DEFAULT_MAX_ATTRIBUTES: u16 = 16;
    /// Default [`max_namespace_bindings`](Self::max_namespace_bindings): 32.
    pub const DEFAULT_MAX_NAMESPACE_BINDINGS: u16 = 32;
    /// Default [`max_name_len`](Self::max_name_len): 256 bytes.
    pub const DEFAULT_MAX_NAME_LEN: u16 = 256;

    /// The largest [`max_depth`](Self::max_depth) the tokenizer can hold.
    pub const DEPTH_CAPACITY: u16 = 256;
    /// The largest [`max_attributes`](Self::max_attributes) the tokenizer can hold.
    pub const ATTRIBUTES_CAPACITY: u16 = 64;
    /// The largest [`max_namespace_bindings`](Self::max_namespace_bindings) the tokenizer can hold.
    pub const NAMESPACE_BINDINGS_CAPACITY: u16 = 64;

    /// The defaults: 1 MiB frames, depth 64, 16 attributes, 32 namespace
    /// bindings, 256-byte names.
    pub const fn new() -> Self {
        Limits {
            max_frame_len: Self::DEFAULT_MAX_FRAME_LEN,
            max_depth: Self::DEFAULT_MAX_DEPTH,
            max_attributes: Self::DEFAULT_MAX_ATTRIBUTES,
            max_namespace_bindings: Self::DEFAULT_MAX_NAMESPACE_BINDINGS,
            max_name_len: Self::DEFAULT_MAX_NAME_LEN,
        }
    }

    /// The largest total length (the 4 header octets plus the XML) of one data
    /// unit. A header announcing more is refused before its payload is read.
    ///
    /// Default: 1 MiB ([`DEFAULT_MAX_FRAME_LEN`](Self::DEFAULT_MAX_FRAME_LEN)).
    /// A deframer holds one frame whole, so this is also the receive memory
    /// a peer can make it use per frame.
    pub const fn max_frame_len(&self) -> u32 {
        self.max_frame_len
    }

    /// Sets [`max_frame_len`](Self::max_frame_len). Any value is allowed;
    /// values below 4 refuse every frame, and on targets narrower than 64
    /// bits no frame is accepted past
    /// [`frame::MAX_ADDRESSABLE_FRAME_LEN`](crate::frame::MAX_ADDRESSABLE_FRAME_LEN)
    /// (what one slice can hold there), whatever the limit.
    #[must_use]
    pub const fn with_max_frame_len(mut self, len: u32) -> Self {
        self.max_frame_len = len;
        self
    }

    /// How many elements may be open at once (the root counts as 1).
    ///
    /// Default: 64. At most [`DEPTH_CAPACITY`](Self::DEPTH_CAPACITY).
    pub const fn max_depth(&self) -> u16 {
        self.max_depth
    }

    /// Sets [`max_depth`](Self::max_depth); a value above
    /// [`DEPTH_CAPACITY`](Self::DEPTH_CAPACITY) is lowered to it.
    #[must_use]
    pub const fn with_max_depth(mut self, depth: u16) -> Self {
        self.max_depth = min(depth, Self::DEPTH_CAPACITY);
        self
    }

    /// How many attributes one start tag may carry, namespace declarations included.
    ///
    /// Default: 16. At most [`ATTRIBUTES_CAPACITY`](Self::ATTRIBUTES_CAPACITY).
    pub const fn max_attributes(&self) -> u16 {
        self.max_attributes
    }

    /// Sets [`max_attributes`](Self::max_attributes); a value above
    /// [`ATTRIBUTES_CAPACITY`](Self::ATTRIBUTES_CAPACITY) is lowered to it.
    #[must_use]
    pub const fn with_max_attributes(mut self, count: u16) -> Self {
        self.max_attributes = min(count, Self::ATTRIBUTES_CAPACITY);
        self
    }

    /// How many namespace declarations may be in scope at once, over all open elements.
    ///
    /// Default: 32. At most
    /// [`NAMESPACE_BINDINGS_CAPACITY`](Self::NAMESPACE_BINDINGS_CAPACITY).
    pub const fn max_namespace_bindings(&self) -> u16 {
        self.max_namespace_bindings
    }

    /// Sets [`max_namespace_bindings`](Self::max_namespace_bindings); a value
    /// above [`NAMESPACE_BINDINGS_CAPACITY`](Self::NAMESPACE_BINDINGS_CAPACITY)
    /// is lowered to it.
    #[must_use]
    pub const fn with_max_namespace_bindings(mut self, count: u16) -> Self {
        self.max_namespace_bindings = min(count, Self::NAMESPACE_BINDINGS_CAPACITY);
        self
    }

    /// The longest element or attribute name, in bytes, prefix included.
    ///
    /// Default: 256. Any `u16` is allowed.
    pub const fn max_name_len(&self) -> u16 {
        self.max_name_len
    }

    /// Sets [`max_name_len`](Self::max_name_len).
    #[must_use]
    pub const fn with_max_name_len(mut self, len: u16) -> Self {
        self.max_name_len = len;
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::new()
    }
}

/// Built through the setters, so generated limits respect the capacities.
#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Limits {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Limits::new()
            .with_max_frame_len(u.arbitrary()?)
            .with_max_depth(u.arbitrary()?)
            .with_max_attributes(u.arbitrary()?)
            .with_max_namespace_bindings(u.arbitrary()?)
            .with_max_name_len(u.arbitrary()?))
    }
}

const fn min(a: u16, b: u16) -> u16 {
    if a < b { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_clamp_to_capacity() {
        let l = Limits::new()
            .with_max_depth(u16::MAX)
            .with_max_attributes(u16::MAX)
            .with_max_namespace_bindings(u16::MAX);
        assert_eq!(l.max_depth(), Limits::DEPTH_CAPACITY);
        assert_eq!(l.max_attributes(), Limits::ATTRIBUTES_CAPACITY);
        assert_eq!(
            l.max_namespace_bindings(),
            Limits::NAMESPACE_BINDINGS_CAPACITY
        );
        assert_eq!(Limits::default(), Limits::new());
    }
}
