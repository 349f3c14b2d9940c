//! The cursor a handle keeps between extension accessor calls
//! (`ExtCursor`) changes no answer: every question asked of one handle,
//! in order, in reverse and scrambled, across messages, gets the answer
//! a freshly read handle gives.

use std::ptr;

use super::*;
use crate::ext_more::{EPP_EXT_CODE, EPP_EXT_INDEX_DATA, EPP_EXT_LIST_LAUNCH_CODE_MARKS};
use crate::message::{
    EppMessage, epp_message_extension_count, epp_message_free, epp_message_new,
    epp_message_read_command, epp_message_read_response,
};
use crate::test_support::{Read, corpus_frames, cursor_changes_no_answer, string_of};

/// One question: field `field` of item `item` of list `list` of element
/// `index`.
#[derive(Clone, Copy, Debug)]
struct Question {
    index: usize,
    list: u32,
    item: usize,
    field: u32,
}

/// What the string and the number accessors answer.
type Answer = (Result<String, EppResult>, Result<u64, EppResult>);

fn ask(m: *mut EppMessage, q: Question) -> Answer {
    let mut number = 0;
    // SAFETY: a live handle whose frame outlives the calls; valid
    // out-parameters.
    unsafe {
        let text =
            string_of(|p, n| epp_message_ext_string(m, q.index, q.list, q.item, q.field, p, n));
        let number = match epp_message_ext_number(m, q.index, q.list, q.item, q.field, &mut number)
        {
            EppResult::Ok => Ok(number),
            e => Err(e),
        };
        (text, number)
    }
}

/// The questions about `frame`, with the answers of a handle that reads
/// the frame again before the fields of each item: every list of every
/// element (and of the data outside `<extension>`), every item and one
/// past the count, and one list past the last. Each item is asked the
/// fields any item of the frame has a value for, and the first and one
/// past the last: whether the cursor found the right item shows in
/// those, and asking all 122 of every item (or reading the frame again for
/// each list) would make the test slow.
fn fresh_answers(m: *mut EppMessage, read: Read, frame: &[u8]) -> Vec<(Question, Answer)> {
    let reread = || {
        // SAFETY: live handle; `frame` outlives every call on it here.
        let result = unsafe { read(m, frame.as_ptr(), frame.len()) };
        assert_eq!(result, EppResult::Ok);
    };
    reread();
    // SAFETY: live handle.
    let count = unsafe { epp_message_extension_count(m) };
    let mut items = Vec::new();
    for index in (0..=count).chain([EPP_EXT_INDEX_DATA]) {
        for list in 0..=EPP_EXT_LIST_LAST + 1 {
            // SAFETY: live handle.
            items.push((index, list, unsafe {
                epp_message_ext_count(m, index, list)
            }));
        }
    }
    let mut fields = vec![0, EPP_EXT_LAST + 1];
    for &(index, list, n) in &items {
        for item in 0..n {
            reread();
            fields.extend((0..=EPP_EXT_LAST).filter(|&field| {
                let q = Question {
                    index,
                    list,
                    item,
                    field,
                };
                has_value(&ask(m, q))
            }));
        }
    }
    fields.sort_unstable();
    fields.dedup();
    let mut all = Vec::new();
    for (index, list, n) in items {
        for item in 0..=n {
            // Afresh for each item of a list that has some; in order (with
            // what the cursor keeps) past the end.
            if item < n {
                reread();
            }
            for &field in &fields {
                let q = Question {
                    index,
                    list,
                    item,
                    field,
                };
                all.push((q, ask(m, q)));
            }
        }
    }
    all
}

fn has_value((text, number): &Answer) -> bool {
    text.is_ok() || number.is_ok()
}

/// A new read empties the cursor: nothing of the last frame is used once
/// it is gone (which Miri would report), and the answers are the new
/// frame's. The frame read first has lists of one `List` and flattened.
#[test]
fn a_new_read_keeps_nothing_of_the_last_frame() {
    let first = corpus!("ext/examples/8334/012-C-s3.3.1.xml").to_vec();
    let second = corpus!("ext/examples/5910/002-S-s5.1.2.xml").as_slice();
    let (mut m, mut fresh) = (ptr::null_mut(), ptr::null_mut());
    // SAFETY: valid out-parameters; live handles; each frame outlives
    // the reads of it (`first` is dropped only after `second` is read).
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(epp_message_new(&mut fresh), EppResult::Ok);
        assert_eq!(
            epp_message_read_command(m, first.as_ptr(), first.len()),
            EppResult::Ok
        );
        assert_eq!(
            epp_message_read_response(fresh, second.as_ptr(), second.len()),
            EppResult::Ok
        );
    }
    let questions: Vec<Question> = (0..3)
        .flat_map(|item| {
            [
                EPP_EXT_LIST_SELF,
                EPP_EXT_LIST_DS_DATA,
                EPP_EXT_LIST_LAUNCH_CODE_MARKS,
            ]
            .into_iter()
            .flat_map(move |list| {
                [EPP_EXT_KEY_TAG, EPP_EXT_DIGEST, EPP_EXT_CODE, EPP_EXT_PHASE].map(|field| {
                    Question {
                        index: 0,
                        list,
                        item,
                        field,
                    }
                })
            })
        })
        .collect();
    let on_first: Vec<Answer> = questions.iter().map(|&q| ask(m, q)).collect();
    assert!(on_first.iter().filter(|a| has_value(a)).count() >= 3);
    // SAFETY: live handle; `second` outlives the reads of it.
    let read = unsafe { epp_message_read_response(m, second.as_ptr(), second.len()) };
    assert_eq!(read, EppResult::Ok);
    drop(first);
    let on_second: Vec<Answer> = questions.iter().map(|&q| ask(m, q)).collect();
    let expected: Vec<Answer> = questions.iter().map(|&q| ask(fresh, q)).collect();
    assert_eq!(on_second, expected);
    assert!(on_second.iter().filter(|a| has_value(a)).count() >= 2);
    assert_ne!(on_first, on_second);
    // SAFETY: handles from epp_message_new, freed once.
    unsafe {
        epp_message_free(m);
        epp_message_free(fresh);
    }
}

#[test]
#[cfg_attr(
    miri,
    ignore = "reads the corpus directory, and is too slow for Miri; the test above runs"
)]
fn the_cursor_changes_no_answer_on_the_whole_corpus() {
    // The messages with extensions, and those whose data outside them
    // is typed here (RFC 9167 maintenance, Verisign's poll messages).
    let frames = corpus_frames(|value| {
        !value("ext_ns").is_empty()
            || ["maintenance", "verisign"]
                .iter()
                .any(|kind| value("obj_ns").contains(kind))
    });
    assert!(frames.len() > 120, "{}", frames.len());
    let frames: Vec<&[u8]> = frames.iter().map(Vec::as_slice).collect();
    let reads: [Read; 2] = [epp_message_read_command, epp_message_read_response];
    let found = cursor_changes_no_answer(&frames, &reads, fresh_answers, ask, has_value);
    assert!(found > 500, "{found}");
}
