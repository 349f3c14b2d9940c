//! The main job, for now: frame every corpus message into one pipelined
//! byte stream, feed it to a `Deframer` in uneven reads as a socket would,
//! tokenize each frame, and print what was read.
//!
//! ```text
//! cargo run --release --example pipeline [CORPUS_DIR]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use epp_codec::xml::{Namespace, Token, Tokenizer};
use epp_codec::{Limits, frame};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("EPP_CORPUS_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let manifest = std::fs::read_to_string(corpus.join("MANIFEST.tsv"))
        .map_err(|e| format!("cannot read {}: {e}", corpus.join("MANIFEST.tsv").display()))?;

    // The "socket": every message framed back to back.
    let mut paths = Vec::new();
    let mut stream = Vec::new();
    for line in manifest.lines().skip(1).filter(|l| !l.is_empty()) {
        let path = line
            .split('\t')
            .nth(1)
            .ok_or("MANIFEST.tsv row without a path")?;
        let xml = std::fs::read(corpus.join(path))?;
        stream.extend_from_slice(&frame::encode_header(xml.len())?);
        stream.extend_from_slice(&xml);
        paths.push(path.to_owned());
    }

    let limits = Limits::new();
    let mut deframer = frame::Deframer::new(limits);
    let started = Instant::now();
    let (mut frames, mut elements, mut bytes_in) = (0usize, 0usize, 0usize);
    // Reads of varying sizes, as TCP delivers them.
    let mut cursor = 0;
    let mut read_len = 7;
    while cursor < stream.len() {
        let n = read_len.min(stream.len() - cursor);
        let buf = deframer.read_buf();
        let n = n.min(buf.len());
        buf[..n].copy_from_slice(&stream[cursor..cursor + n]);
        deframer.commit(n)?;
        cursor += n;
        bytes_in += n;
        read_len = (read_len * 31 + 17) % 3001 + 1;
        while let Some(payload) = deframer.next_frame()? {
            let summary = summarize(payload, &limits);
            elements += summary.elements;
            println!(
                "{:>4} {:<48} {:>6} B  {:<9} {:<10} {:>3} elements{}",
                frames,
                paths[frames],
                payload.len(),
                summary.kind,
                summary.object,
                summary.elements,
                summary
                    .error
                    .map(|e| format!("  error: {e}"))
                    .unwrap_or_default()
            );
            frames += 1;
        }
    }
    let elapsed = started.elapsed();
    println!(
        "\n{frames} frames, {elements} elements, {bytes_in} bytes in {:.2?} ({:.1} MiB/s including printing)",
        elapsed,
        bytes_in as f64 / elapsed.as_secs_f64() / (1024.0 * 1024.0)
    );
    Ok(())
}

struct Summary {
    kind: &'static str,
    object: String,
    elements: usize,
    error: Option<String>,
}

/// What kind of message a payload is (the first child of `<epp>`) and the
/// first object namespace it touches.
fn summarize(payload: &[u8], limits: &Limits) -> Summary {
    let mut s = Summary {
        kind: "?",
        object: String::from("-"),
        elements: 0,
        error: None,
    };
    let mut tokens = match Tokenizer::from_bytes(payload, limits) {
        Ok(t) => t,
        Err(e) => {
            s.error = Some(e.to_string());
            return s;
        }
    };
    loop {
        match tokens.next_token() {
            Ok(Some(Token::ElementStart(e))) => {
                s.elements += 1;
                let name = e.name();
                if tokens.depth() == 2 {
                    s.kind = match name.local() {
                        "greeting" => "greeting",
                        "hello" => "hello",
                        "command" => "command",
                        "response" => "response",
                        "extension" => "extension",
                        _ => "other",
                    };
                }
                if s.object == "-" {
                    if let Namespace::Known(ns) = name.namespace() {
                        if !matches!(ns, epp_codec::xml::Ns::Epp) {
                            s.object = format!("{ns:?}");
                        }
                    }
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(e) => {
                s.error = Some(format!("{e} ({})", e.text_pos(payload)));
                break;
            }
        }
    }
    s
}
