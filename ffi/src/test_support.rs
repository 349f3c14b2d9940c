//! What several test modules share.

use std::ffi::c_char;
use std::fmt;
use std::ptr;

use crate::EppResult;
use crate::message::{EppMessage, epp_message_free, epp_message_new};

/// A fixed scramble (xorshift), so that a failure repeats.
pub(crate) fn scramble<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        items.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Every corpus message whose `MANIFEST.tsv` row `keep` keeps (it gets
/// the row's value of a column by name), read from the directory: for
/// tests that Miri, which reads no files, leaves out.
pub(crate) fn corpus_frames(keep: impl Fn(&dyn Fn(&str) -> String) -> bool) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("the corpus");
    let mut lines = manifest.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|row| {
            let value = |name: &str| {
                let i = header.iter().position(|h| *h == name).unwrap();
                row.get(i).copied().unwrap_or_default().to_owned()
            };
            keep(&value)
        })
        .map(|row| {
            let path = row[header.iter().position(|h| *h == "path").unwrap()];
            std::fs::read(dir.join(path)).unwrap()
        })
        .collect()
}

/// A message read function (`epp_message_read_command`, …).
pub(crate) type Read = unsafe extern "C" fn(*mut EppMessage, *const u8, usize) -> EppResult;

/// The check of a cursor a handle keeps between calls: for each frame
/// that `read` (one of `reads`) takes, `fresh_answers` gives the questions
/// about it with the answers of a handle that reads the frame again
/// before each (or each group); one other handle, reading the frames one
/// after the other, must give the same answers asked in order, in
/// reverse and scrambled. The first question with a value is asked again
/// last, so that the next frame's questions, which start in the same
/// order, meet a cursor its read must have emptied. Returns how many
/// questions have a value.
pub(crate) fn cursor_changes_no_answer<Q: Copy + fmt::Debug, A: Clone + PartialEq + fmt::Debug>(
    frames: &[&[u8]],
    reads: &[Read],
    fresh_answers: impl Fn(*mut EppMessage, Read, &[u8]) -> Vec<(Q, A)>,
    ask: impl Fn(*mut EppMessage, Q) -> A,
    has_value: impl Fn(&A) -> bool,
) -> usize {
    let (mut fresh, mut warm) = (ptr::null_mut(), ptr::null_mut());
    // SAFETY: valid out-parameters.
    unsafe {
        assert_eq!(epp_message_new(&mut fresh), EppResult::Ok);
        assert_eq!(epp_message_new(&mut warm), EppResult::Ok);
    }
    let (mut seed, mut found) = (0x9e37_79b9_7f4a_7c15, 0);
    for frame in frames {
        for &read in reads {
            // SAFETY: live handles; the frame outlives the reads of it.
            if unsafe { read(fresh, frame.as_ptr(), frame.len()) } != EppResult::Ok {
                continue;
            }
            let mut answers = fresh_answers(fresh, read, frame);
            // SAFETY: as above.
            let result = unsafe { read(warm, frame.as_ptr(), frame.len()) };
            assert_eq!(result, EppResult::Ok);
            // In order: each item goes on from the one before.
            for (q, expected) in &answers {
                assert_eq!(&ask(warm, *q), expected, "{q:?} in order");
                found += usize::from(has_value(expected));
            }
            for (q, expected) in answers.iter().rev() {
                assert_eq!(&ask(warm, *q), expected, "{q:?} in reverse");
            }
            let first = answers.iter().find(|(_, a)| has_value(a)).cloned();
            scramble(&mut answers, &mut seed);
            for (q, expected) in answers.iter().chain(&first) {
                assert_eq!(&ask(warm, *q), expected, "{q:?} scrambled");
            }
        }
    }
    // SAFETY: handles from epp_message_new, freed once.
    unsafe {
        epp_message_free(fresh);
        epp_message_free(warm);
    }
    found
}

/// What a string accessor hands out, as a `String`.
pub(crate) fn string_of(
    f: impl FnOnce(*mut *const c_char, *mut usize) -> EppResult,
) -> Result<String, EppResult> {
    let (mut p, mut n) = (ptr::null(), 0);
    match f(&mut p, &mut n) {
        EppResult::Ok => {
            // SAFETY: the accessors hand out `n` bytes of UTF-8 at `p`.
            let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n) };
            Ok(std::str::from_utf8(bytes).unwrap().to_owned())
        }
        e => Err(e),
    }
}
