//! Where written bytes go: a [`Sink`] is a growable or fixed byte buffer
//! the writer appends to, and can patch (for the frame header) and roll
//! back (so a failed write leaves nothing half-valid behind).

/// The sink has no room for the bytes offered; nothing of them was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SinkFull;

/// A byte buffer the writers append to.
///
/// Implemented for [`SliceSink`] (a `&mut [u8]`), `heapless::Vec<u8, N>`,
/// and with feature `alloc` `Vec<u8>`, with feature `bytes`
/// `bytes::BytesMut`. Implement it for your own buffer type the same way:
/// `append` takes all of the bytes or none.
pub trait Sink {
    /// How many bytes the sink holds.
    fn len(&self) -> usize;

    /// Whether the sink holds no bytes.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends all of `bytes`, or none of them when they do not fit.
    ///
    /// # Errors
    ///
    /// [`SinkFull`] when the bytes do not fit; the sink is unchanged.
    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkFull>;

    /// Appends one byte (markup: `<`, `>`, `/`); a sink can do this
    /// cheaper than a one-byte [`append`](Self::append).
    ///
    /// # Errors
    ///
    /// [`SinkFull`] when there is no room; the sink is unchanged.
    #[inline]
    fn append_byte(&mut self, byte: u8) -> Result<(), SinkFull> {
        self.append(&[byte])
    }

    /// Appends `before`, `middle` and `after` (a tag: `</`, a name, `>`),
    /// all or none; a sink can check its room once for the three.
    ///
    /// # Errors
    ///
    /// [`SinkFull`] when they do not fit; the sink is unchanged.
    #[inline]
    fn append_wrapped(
        &mut self,
        before: &[u8],
        middle: &[u8],
        after: &[u8],
    ) -> Result<(), SinkFull> {
        let len = self.len();
        if self.append(before).is_err()
            || self.append(middle).is_err()
            || self.append(after).is_err()
        {
            self.truncate(len);
            return Err(SinkFull);
        }
        Ok(())
    }

    /// Grows the sink by `len` bytes and lends them to the writer, which
    /// fills them all in at once (what they hold until then is
    /// unspecified): the room is checked once for a whole element instead
    /// of once per piece of it. `None` when there is no room, or when the
    /// sink does not lend its room (the default: the writer then appends
    /// the pieces one by one).
    #[inline]
    fn grow(&mut self, len: usize) -> Option<&mut [u8]> {
        let _ = len;
        None
    }

    /// Overwrites bytes already appended, starting at `at` (the frame
    /// header, reserved first and patched once the length is known).
    /// Bytes outside what the sink holds are ignored.
    fn overwrite(&mut self, at: usize, bytes: &[u8]);

    /// Drops everything after the first `len` bytes.
    fn truncate(&mut self, len: usize);
}

/// A `&mut [u8]` used as a [`Sink`]: fills the slice from the start.
///
/// [`write_to_slice`](super::write_to_slice) wraps a slice in one for you.
#[derive(Debug)]
pub struct SliceSink<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl<'b> SliceSink<'b> {
    /// A sink writing into `buf` from its first byte.
    pub fn new(buf: &'b mut [u8]) -> Self {
        SliceSink { buf, len: 0 }
    }

    /// The bytes written so far.
    pub fn written(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// The slice back, with the number of bytes written.
    pub fn into_inner(self) -> (&'b mut [u8], usize) {
        (self.buf, self.len)
    }
}

impl Sink for SliceSink<'_> {
    fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkFull> {
        let end = self.len.checked_add(bytes.len()).ok_or(SinkFull)?;
        let dest = self.buf.get_mut(self.len..end).ok_or(SinkFull)?;
        copy_short(dest, bytes);
        self.len = end;
        Ok(())
    }

    #[inline]
    fn append_wrapped(
        &mut self,
        before: &[u8],
        middle: &[u8],
        after: &[u8],
    ) -> Result<(), SinkFull> {
        let (b, m) = (before.len(), middle.len());
        let total = b + m + after.len();
        let end = self.len.checked_add(total).ok_or(SinkFull)?;
        let dest = self.buf.get_mut(self.len..end).ok_or(SinkFull)?;
        let (head, rest) = dest.split_at_mut(b);
        let (mid, tail) = rest.split_at_mut(m);
        copy_short(head, before);
        copy_short(mid, middle);
        copy_short(tail, after);
        self.len = end;
        Ok(())
    }

    #[inline]
    fn grow(&mut self, len: usize) -> Option<&mut [u8]> {
        let start = self.len;
        let end = start.checked_add(len)?;
        let lent = self.buf.get_mut(start..end)?;
        self.len = end;
        Some(lent)
    }

    #[inline]
    fn append_byte(&mut self, byte: u8) -> Result<(), SinkFull> {
        let slot = self.buf.get_mut(self.len).ok_or(SinkFull)?;
        *slot = byte;
        self.len += 1;
        Ok(())
    }

    fn overwrite(&mut self, at: usize, bytes: &[u8]) {
        overwrite_within(self.buf.get_mut(..self.len).unwrap_or_default(), at, bytes);
    }

    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

/// `dest.copy_from_slice(src)` (equal lengths), without a call to
/// `memcpy` for the short pieces markup is made of: two overlapping
/// fixed-size copies cover any length from 4 to 16.
#[inline(always)]
pub(super) fn copy_short(dest: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n != dest.len() {
        return;
    }
    match n {
        0 => {}
        1..=3 => {
            dest[0] = src[0];
            dest[n / 2] = src[n / 2];
            dest[n - 1] = src[n - 1];
        }
        4..=7 => {
            dest[..4].copy_from_slice(&src[..4]);
            dest[n - 4..].copy_from_slice(&src[n - 4..]);
        }
        8..=16 => {
            dest[..8].copy_from_slice(&src[..8]);
            dest[n - 8..].copy_from_slice(&src[n - 8..]);
        }
        _ => dest.copy_from_slice(src),
    }
}

/// Overwrites the part of `bytes` that falls inside `held`.
fn overwrite_within(held: &mut [u8], at: usize, bytes: &[u8]) {
    let end = at.saturating_add(bytes.len()).min(held.len());
    if let Some(dest) = held.get_mut(at..end) {
        let n = dest.len();
        dest.copy_from_slice(&bytes[..n]);
    }
}

impl<const N: usize> Sink for heapless::Vec<u8, N> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }

    #[inline]
    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkFull> {
        self.extend_from_slice(bytes).map_err(|_| SinkFull)
    }

    #[inline]
    fn append_byte(&mut self, byte: u8) -> Result<(), SinkFull> {
        self.push(byte).map_err(|_| SinkFull)
    }

    fn overwrite(&mut self, at: usize, bytes: &[u8]) {
        overwrite_within(self.as_mut_slice(), at, bytes);
    }

    fn truncate(&mut self, len: usize) {
        heapless::Vec::truncate(self, len);
    }
}

#[cfg(feature = "alloc")]
impl Sink for alloc::vec::Vec<u8> {
    fn len(&self) -> usize {
        alloc::vec::Vec::len(self)
    }

    #[inline]
    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkFull> {
        self.extend_from_slice(bytes);
        Ok(())
    }

    #[inline]
    fn append_byte(&mut self, byte: u8) -> Result<(), SinkFull> {
        self.push(byte);
        Ok(())
    }

    fn overwrite(&mut self, at: usize, bytes: &[u8]) {
        overwrite_within(self.as_mut_slice(), at, bytes);
    }

    fn truncate(&mut self, len: usize) {
        alloc::vec::Vec::truncate(self, len);
    }
}

#[cfg(feature = "bytes")]
impl Sink for bytes::BytesMut {
    fn len(&self) -> usize {
        bytes::BytesMut::len(self)
    }

    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkFull> {
        self.extend_from_slice(bytes);
        Ok(())
    }

    fn overwrite(&mut self, at: usize, bytes: &[u8]) {
        overwrite_within(self.as_mut(), at, bytes);
    }

    fn truncate(&mut self, len: usize) {
        bytes::BytesMut::truncate(self, len);
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    fn len(&self) -> usize {
        (**self).len()
    }

    #[inline]
    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkFull> {
        (**self).append(bytes)
    }

    #[inline]
    fn append_byte(&mut self, byte: u8) -> Result<(), SinkFull> {
        (**self).append_byte(byte)
    }

    #[inline]
    fn append_wrapped(
        &mut self,
        before: &[u8],
        middle: &[u8],
        after: &[u8],
    ) -> Result<(), SinkFull> {
        (**self).append_wrapped(before, middle, after)
    }

    #[inline]
    fn grow(&mut self, len: usize) -> Option<&mut [u8]> {
        (**self).grow(len)
    }

    fn overwrite(&mut self, at: usize, bytes: &[u8]) {
        (**self).overwrite(at, bytes);
    }

    fn truncate(&mut self, len: usize) {
        (**self).truncate(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_sink_takes_all_or_nothing() {
        let mut buf = [0u8; 5];
        let mut sink = SliceSink::new(&mut buf);
        sink.append(b"abc").unwrap();
        assert_eq!(sink.append(b"def"), Err(SinkFull));
        assert_eq!(sink.written(), b"abc");
        sink.overwrite(1, b"XYZ");
        assert_eq!(sink.written(), b"aXY");
        sink.truncate(1);
        assert_eq!(sink.written(), b"a");
    }

    #[test]
    fn short_copies_copy_every_length() {
        let src: [u8; 40] = core::array::from_fn(|i| i as u8 + 1);
        for n in 0..=40 {
            let mut buf = [0u8; 128];
            let mut sink = SliceSink::new(&mut buf);
            sink.append(b"x").unwrap();
            sink.append(&src[..n]).unwrap();
            sink.append_wrapped(&src[..n % 3], &src[..n], &src[..n % 5])
                .unwrap();
            let mut expected: heapless::Vec<u8, 128> = heapless::Vec::new();
            for part in [
                &b"x"[..],
                &src[..n],
                &src[..n % 3],
                &src[..n],
                &src[..n % 5],
            ] {
                expected.extend_from_slice(part).unwrap();
            }
            assert_eq!(sink.written(), &expected[..], "length {n}");
        }
    }

    #[test]
    fn heapless_sink_is_bounded() {
        let mut v: heapless::Vec<u8, 4> = heapless::Vec::new();
        v.append(b"ab").unwrap();
        assert_eq!(v.append(b"cde"), Err(SinkFull));
        assert_eq!(&v[..], b"ab");
    }
}
