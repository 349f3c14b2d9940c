//! The zero-allocation contract: framing and tokenizing every corpus message,
//! and reading every field of every token, allocates nothing.
//!
//! A counting global allocator counts allocations made on the measuring
//! thread while measurement is on; the corpus is loaded before that.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use epp_codec::xml::{Chunk, Namespace, Token, Tokenizer};
use epp_codec::{Limits, frame};

struct CountingAllocator;

thread_local! {
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` unchanged; counting touches only
// const-initialized thread-locals, which never allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn count() {
    let _ = MEASURING.try_with(|m| {
        if m.get() {
            let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
        }
    });
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Runs `f` and returns how many allocations it made on this thread.
fn allocations_in(f: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|a| a.set(0));
    MEASURING.with(|m| m.set(true));
    f();
    MEASURING.with(|m| m.set(false));
    ALLOCATIONS.with(Cell::get)
}

/// Reads every field of every token; returns a checksum so nothing is optimized away.
fn touch_everything(payload: &[u8], limits: &Limits) -> usize {
    let mut sum = 0usize;
    let mut t = match Tokenizer::from_bytes(payload, limits) {
        Ok(t) => t,
        Err(e) => return e.offset(),
    };
    loop {
        let token = match t.next_token() {
            Ok(Some(token)) => token,
            Ok(None) => break,
            Err(e) => return sum + e.offset(),
        };
        match token {
            Token::ElementStart(e) => {
                let name = e.name();
                sum += name.local().len() + name.prefix().len() + e.span().len();
                sum += namespace_len(name.namespace());
                for a in t.attributes() {
                    sum += a.name().local().len() + namespace_len(a.name().namespace());
                    sum += a.value().chars().count();
                }
                for (prefix, ns) in t.namespace_declarations() {
                    sum += prefix.len() + namespace_len(ns);
                }
            }
            Token::ElementEnd(e) => sum += e.name().local().len() + e.span().len(),
            Token::Text(text) => {
                for chunk in text.unescaped() {
                    sum += match chunk {
                        Chunk::Str(s) => s.len(),
                        Chunk::Char(c) => c.len_utf8(),
                    };
                }
                sum += usize::from(text.is_whitespace());
            }
            Token::Comment(c) => sum += c.text().len(),
            Token::ProcessingInstruction(pi) => {
                sum += pi.target().len() + pi.content().map_or(0, str::len)
            }
            Token::Declaration(d) => sum += d.version().len() + d.encoding().map_or(0, str::len),
        }
    }
    sum
}

fn namespace_len(ns: Namespace<'_>) -> usize {
    match ns {
        Namespace::None => 0,
        Namespace::Known(k) => k.uri().len(),
        Namespace::Other(u) => u.unescaped().chars().count(),
    }
}

#[test]
fn framing_and_tokenizing_the_corpus_allocates_nothing() {
    let messages = common::corpus_messages();
    let limits = Limits::new();
    // One wire buffer with every message framed, prepared before measuring.
    let total: usize = messages
        .iter()
        .map(|m| m.bytes.len() + frame::HEADER_LEN)
        .sum();
    let mut wire = vec![0u8; total];

    let mut checksum = 0usize;
    let mut frames_seen = 0usize;
    let allocations = allocations_in(|| {
        let mut at = 0;
        for m in &messages {
            // Writing into a fixed buffer is part of the contract too.
            at += frame::encode_into(&m.bytes, &mut wire[at..]).expect("wire sized exactly");
        }
        for payload in frame::frames(&wire, &limits) {
            let payload = payload.expect("valid frames");
            if let Ok(frame::Decoded::Frame { payload: again, .. }) =
                frame::decode(&wire[..frame::HEADER_LEN + payload.len()], &limits)
            {
                checksum += again.len();
            }
            checksum += touch_everything(payload, &limits);
            frames_seen += 1;
        }
    });
    assert_eq!(frames_seen, messages.len());
    assert!(checksum > 0);
    assert_eq!(
        allocations, 0,
        "the decode path allocated {allocations} times"
    );
}

#[test]
fn the_counter_does_count() {
    // Guards the guard: a test that could not fail would prove nothing.
    let n = allocations_in(|| {
        std::hint::black_box(vec![1u8; 64]);
    });
    assert!(n >= 1);
}

#[test]
fn errors_allocate_nothing_either() {
    let limits = Limits::new();
    let bad: [&[u8]; 6] = [
        b"<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>",
        b"<a><b></a>",
        b"<a x='1' x='2'/>",
        b"<p:a/>",
        b"\xff\xfe<\x00",
        b"<a>&nbsp;</a>",
    ];
    let n = allocations_in(|| {
        for doc in bad {
            std::hint::black_box(touch_everything(doc, &limits));
            std::hint::black_box(frame::decode(b"Session limit exceeded", &limits).ok());
        }
    });
    assert_eq!(n, 0);
}
