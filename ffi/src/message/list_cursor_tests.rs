//! The list cursor a handle keeps (`ListCursor`) changes no answer: list
//! items and chkData entries asked of one handle in order, in reverse and
//! scrambled, across messages, are what a freshly read handle answers.

use super::tests::new;
use super::*;
use crate::test_support::{Read, corpus_frames, cursor_changes_no_answer, string_of};

/// One question: item `index` of list `list` (`EPP_LIST_*`), or, for
/// `None`, chkData entry `index`.
type Question = (Option<u32>, usize);

/// The string accessors' answers (one for a list item; name and reason
/// for a chkData entry) and the `avail` flag's.
type Answer = (
    Vec<Result<String, EppResult>>,
    Option<Result<bool, EppResult>>,
);

fn ask(m: *mut EppMessage, (list, index): Question) -> Answer {
    // SAFETY (each call here): a live handle whose frame outlives the
    // call; valid out-parameters.
    let Some(list) = list else {
        let mut available = false;
        // SAFETY: as above.
        let flag = match unsafe { epp_message_check_available(m, index, &mut available) } {
            EppResult::Ok => Ok(available),
            e => Err(e),
        };
        // SAFETY: as above.
        let name = string_of(|p, n| unsafe { epp_message_check_name(m, index, p, n) });
        // SAFETY: as above.
        let reason = string_of(|p, n| unsafe { epp_message_check_reason(m, index, p, n) });
        return (vec![name, reason], Some(flag));
    };
    // SAFETY: as above.
    let item = string_of(|p, n| unsafe { epp_message_list_item(m, list, index, p, n) });
    (vec![item], None)
}

/// Every question about the frame `m` has read (each list's items and
/// one past its count, one list past the last, every chkData entry and
/// one past), answered by `m` after reading the frame again for each.
fn fresh_answers(m: *mut EppMessage, read: Read, frame: &[u8]) -> Vec<(Question, Answer)> {
    let mut all = Vec::new();
    for list in (0..=EPP_LIST_LAST + 1).map(Some).chain([None]) {
        // SAFETY: live handle.
        let count = unsafe {
            match list {
                Some(list) => epp_message_list_count(m, list),
                None => epp_message_check_count(m),
            }
        };
        for index in 0..=count {
            // SAFETY: live handle; the frame outlives the reads of it.
            let result = unsafe { read(m, frame.as_ptr(), frame.len()) };
            assert_eq!(result, EppResult::Ok);
            all.push(((list, index), ask(m, (list, index))));
        }
    }
    all
}

fn has_value((strings, flag): &Answer) -> bool {
    strings.iter().any(Result::is_ok) || flag.is_some_and(|f| f.is_ok())
}

#[test]
#[cfg_attr(miri, ignore = "reads the corpus directory; the test below runs")]
fn the_list_cursor_changes_no_answer_on_the_whole_corpus() {
    let frames = corpus_frames(|_| true);
    let frames: Vec<&[u8]> = frames.iter().map(Vec::as_slice).collect();
    let reads: [Read; 3] = [
        epp_message_read_command,
        epp_message_read_response,
        epp_message_read_greeting,
    ];
    let found = cursor_changes_no_answer(&frames, &reads, fresh_answers, ask, has_value);
    assert!(found > 500, "{found}");
}

/// A check response, then a check command whose list is asked first from
/// where the response's cursor was: the read must have emptied it (Miri
/// reports any use of the freed response).
#[test]
fn a_new_read_keeps_no_list_position_of_the_last_frame() {
    let response = corpus!("rfc/5731/002-S-s3.1.1.xml").to_vec();
    let command = corpus!("rfc/5731/001-C-s3.1.1.xml").as_slice();
    let m = new();
    // SAFETY: live handle; each frame outlives the reads of it
    // (`response` is dropped only after `command` is read).
    let result = unsafe { epp_message_read_response(m, response.as_ptr(), response.len()) };
    assert_eq!(result, EppResult::Ok);
    let on_response: Vec<Answer> = (0..4).map(|i| ask(m, (None, i))).collect();
    assert_eq!(on_response.iter().filter(|a| has_value(a)).count(), 3);
    // SAFETY: as above.
    let result = unsafe { epp_message_read_command(m, command.as_ptr(), command.len()) };
    assert_eq!(result, EppResult::Ok);
    drop(response);
    let on_command: Vec<Answer> = (0..4)
        .map(|i| ask(m, (None, i)))
        .chain((0..4).map(|i| ask(m, (Some(EPP_LIST_NAMES), i))))
        .collect();
    let fresh = new();
    // SAFETY: live handle; `command` outlives the reads of it.
    let result = unsafe { epp_message_read_command(fresh, command.as_ptr(), command.len()) };
    assert_eq!(result, EppResult::Ok);
    let expected: Vec<Answer> = (0..4)
        .map(|i| ask(fresh, (None, i)))
        .chain((0..4).map(|i| ask(fresh, (Some(EPP_LIST_NAMES), i))))
        .collect();
    assert_eq!(on_command, expected);
    assert_eq!(on_command.iter().filter(|a| has_value(a)).count(), 3);
    // SAFETY: handles from epp_message_new, freed once.
    unsafe {
        epp_message_free(m);
        epp_message_free(fresh);
    }
}
