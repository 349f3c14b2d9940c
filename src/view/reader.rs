//! The strict, schema-driven pull reader the command views are built on.
//!
//! It walks the tokenizer one element at a time, skipping white space,
//! comments and processing instructions between elements, and turns every
//! deviation into a [`CommandError`] with the EPP result code to answer.

use super::error::{CommandError, CommandErrorKind, ElementName};
use super::str::Str;
use crate::xml::{Name, Ns, Span, Token, Tokenizer};

/// A start tag the reader has seen.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Elem<'a> {
    pub(crate) name: Name<'a>,
    /// The start tag, `<` to `>`.
    pub(crate) tag: Span,
}

impl<'a> Elem<'a> {
    pub(crate) fn is(&self, ns: Ns, local: &str) -> bool {
        self.name.is(ns, local)
    }

    pub(crate) fn element_name(&self) -> ElementName<'a> {
        ElementName {
            namespace: self.name.namespace(),
            local: self.name.local(),
        }
    }

    pub(crate) fn offset(&self) -> usize {
        self.tag.start
    }
}

#[derive(Clone, Copy, Debug)]
enum Peeked<'a> {
    Nothing,
    Start(Elem<'a>),
    /// The parent's end tag, starting at this offset.
    End(usize),
}

/// A strict pull reader over one payload.
#[derive(Debug)]
pub(crate) struct Reader<'t, 'a> {
    /// Borrowed, not owned: the caller's `let` builds the tokenizer where
    /// it stays. A tokenizer built inside `Reader::new` was built in a
    /// temporary and copied into the reader (7 KiB, every read).
    tok: &'t mut Tokenizer<'a>,
    peeked: Peeked<'a>,
    /// End offset of the last end tag consumed.
    last_end: usize,
    /// Start offset of the last end tag that ended a run of children.
    last_end_start: usize,
}

impl<'t, 'a> Reader<'t, 'a> {
    /// A reader over `tok`, a tokenizer at the start of its input (built
    /// from text checked with [`Tokenizer::payload_text`]).
    #[inline]
    pub(crate) fn new(tok: &'t mut Tokenizer<'a>) -> Self {
        Reader {
            tok,
            peeked: Peeked::Nothing,
            last_end: 0,
            last_end_start: 0,
        }
    }

    pub(crate) fn input(&self) -> &'a str {
        self.tok.input()
    }

    /// The root element (after the XML declaration, comments and PIs).
    pub(crate) fn root(&mut self) -> Result<Elem<'a>, CommandError<'a>> {
        match self.peek()? {
            Some(e) => {
                self.peeked = Peeked::Nothing;
                Ok(e)
            }
            None => Err(CommandError::new(
                CommandErrorKind::Xml(crate::xml::XmlErrorKind::NoRootElement),
                self.tok.offset(),
            )),
        }
    }

    /// After the root's end: nothing but comments, PIs and white space.
    pub(crate) fn finish(&mut self) -> Result<(), CommandError<'a>> {
        while let Some(token) = self.tok.next_token()? {
            // The tokenizer refuses a second root and text after the root.
            debug_assert!(!matches!(token, Token::ElementStart(_)));
        }
        Ok(())
    }

    /// The next child of the current element, without taking it; `None`
    /// when the current element ends next.
    pub(crate) fn peek(&mut self) -> Result<Option<Elem<'a>>, CommandError<'a>> {
        loop {
            match self.peeked {
                Peeked::Start(e) => return Ok(Some(e)),
                Peeked::End(_) => return Ok(None),
                Peeked::Nothing => {}
            }
            self.tok.step_over_layout();
            let at = self.tok.offset();
            // Taken by reference: moving the token out of the result
            // copied it with loads wider than the stores that wrote it.
            let next = self.tok.next_token();
            let token = match &next {
                Ok(token) => token,
                Err(e) => return Err((*e).into()),
            };
            match token {
                Some(Token::ElementStart(start)) => {
                    self.peeked = Peeked::Start(Elem {
                        name: start.name(),
                        tag: start.span(),
                    });
                }
                Some(Token::ElementEnd(end)) => {
                    self.peeked = Peeked::End(end.span().start);
                    self.last_end = end.span().end;
                    self.last_end_start = end.span().start;
                }
                Some(Token::Text(text)) => {
                    if !text.is_whitespace() || text.is_cdata() {
                        let mut err =
                            CommandError::new(CommandErrorKind::UnexpectedText, text.span().start)
                                .with_span(text.span());
                        // Name the element whose content it is.
                        if let Some(parent) = self.tok.open_element() {
                            err = err.with_element(ElementName {
                                namespace: parent.namespace(),
                                local: parent.local(),
                            });
                        }
                        return Err(err);
                    }
                }
                Some(_) => {}
                None => {
                    return Err(CommandError::new(
                        CommandErrorKind::Xml(crate::xml::XmlErrorKind::UnexpectedEof),
                        at,
                    ));
                }
            }
        }
    }

    /// Takes the next child, whatever it is; `None` at the parent's end
    /// (which is then consumed).
    pub(crate) fn next(&mut self) -> Result<Option<Elem<'a>>, CommandError<'a>> {
        let next = self.peek()?;
        self.peeked = Peeked::Nothing;
        Ok(next)
    }

    /// Takes the next child if it is `ns:local`.
    pub(crate) fn optional(
        &mut self,
        ns: Ns,
        local: &'static str,
    ) -> Result<Option<Elem<'a>>, CommandError<'a>> {
        match self.peek()? {
            Some(e) if e.is(ns, local) => {
                self.peeked = Peeked::Nothing;
                Ok(Some(e))
            }
            _ => Ok(None),
        }
    }

    /// Takes the next child, which must be `ns:local`.
    ///
    /// When it is not: if `ns:local` comes later among the siblings, the
    /// element in its way is out of order (2001); otherwise it is missing (2003).
    pub(crate) fn required(
        &mut self,
        ns: Ns,
        local: &'static str,
    ) -> Result<Elem<'a>, CommandError<'a>> {
        match self.optional(ns, local)? {
            Some(e) => Ok(e),
            None => Err(self.missing(ns, local)),
        }
    }

    /// The current element must end now.
    pub(crate) fn end(&mut self) -> Result<(), CommandError<'a>> {
        match self.next()? {
            None => Ok(()),
            Some(e) => Err(self.unexpected(e)),
        }
    }

    /// An error for `e`, which is not allowed where it stands. The
    /// tokenizer must still be just past `e`'s start tag.
    #[cold]
    pub(crate) fn unexpected(&self, e: Elem<'a>) -> CommandError<'a> {
        let mut err = CommandError::new(CommandErrorKind::UnexpectedElement, e.offset())
            .with_element(e.element_name());
        if let Some(end) = skip_in_copy(self.tok, e) {
            err = err.with_span(Span {
                start: e.tag.start,
                end,
            });
        }
        err
    }

    /// An error for the missing `ns:local`, or for the sibling standing in its way.
    #[cold]
    pub(crate) fn missing(&self, ns: Ns, local: &'static str) -> CommandError<'a> {
        match self.peeked {
            Peeked::Start(e) => {
                if sibling_follows(self.tok, e, ns, local) {
                    return self.unexpected(e);
                }
                CommandError::new(CommandErrorKind::MissingElement, e.offset())
                    .with_element(ElementName::known(ns, local))
            }
            Peeked::End(at) => CommandError::new(CommandErrorKind::MissingElement, at)
                .with_element(ElementName::known(ns, local)),
            Peeked::Nothing => {
                CommandError::new(CommandErrorKind::MissingElement, self.tok.offset())
                    .with_element(ElementName::known(ns, local))
            }
        }
    }

    /// An error for an element `parent` left without the child it needs.
    #[cold]
    pub(crate) fn missing_any(&self, parent: Elem<'a>) -> CommandError<'a> {
        CommandError::new(CommandErrorKind::MissingElement, self.last_end)
            .with_element(parent.element_name())
    }

    /// The simple content of `e` (just taken): text, references, CDATA,
    /// comments; a child element is an error.
    pub(crate) fn text(&mut self, e: Elem<'a>) -> Result<Str<'a>, CommandError<'a>> {
        let input = self.tok.input();
        // The usual leaf, plain text then its end tag, in one step.
        if let Some(leaf) = self.tok.leaf_value() {
            let start = e.tag.end;
            self.last_end = leaf.end_tag.end;
            let raw = input
                .get(start..leaf.end_tag.start.max(start))
                .unwrap_or_default();
            return Ok(Str::content(raw, start, leaf.needs_unescape, false));
        }
        let mut escaped = false;
        let mut markup = false;
        loop {
            match self.tok.next_token()? {
                Some(Token::Text(t)) => {
                    escaped |= t.has_escapes();
                    markup |= t.is_cdata();
                }
                Some(Token::ElementEnd(end)) => {
                    let (start, stop) = (e.tag.end, end.span().start.max(e.tag.end));
                    self.last_end = end.span().end;
                    let raw = input.get(start..stop).unwrap_or_default();
                    return Ok(Str::content(raw, start, escaped, markup));
                }
                Some(Token::ElementStart(start)) => {
                    let child = Elem {
                        name: start.name(),
                        tag: start.span(),
                    };
                    return Err(self.unexpected(child));
                }
                Some(_) => markup = true,
                None => {
                    return Err(CommandError::new(
                        CommandErrorKind::Xml(crate::xml::XmlErrorKind::UnexpectedEof),
                        self.tok.offset(),
                    ));
                }
            }
        }
    }

    /// [`text`](Self::text) trimmed of leading and trailing white space (schema type `token`).
    pub(crate) fn token(&mut self, e: Elem<'a>) -> Result<Str<'a>, CommandError<'a>> {
        Ok(self.text(e)?.trimmed())
    }

    /// `e` (just taken) must have no content but white space and comments.
    pub(crate) fn empty(&mut self, e: Elem<'a>) -> Result<(), CommandError<'a>> {
        let _ = e;
        self.end()
    }

    /// Skips the content of `e` (just taken); returns the whole element's span.
    pub(crate) fn skip(&mut self, e: Elem<'a>) -> Result<Span, CommandError<'a>> {
        let mut depth = 1usize;
        loop {
            match self.tok.next_token()? {
                Some(Token::ElementStart(_)) => depth += 1,
                Some(Token::ElementEnd(end)) => {
                    depth -= 1;
                    if depth == 0 {
                        self.last_end = end.span().end;
                        return Ok(Span {
                            start: e.tag.start,
                            end: end.span().end,
                        });
                    }
                }
                Some(_) => {}
                None => {
                    return Err(CommandError::new(
                        CommandErrorKind::Xml(crate::xml::XmlErrorKind::UnexpectedEof),
                        self.tok.offset(),
                    ));
                }
            }
        }
    }

    /// End offset of the last end tag consumed (the end of the element
    /// just finished by [`end`](Self::end), [`text`](Self::text) or [`skip`](Self::skip)).
    pub(crate) fn last_end(&self) -> usize {
        self.last_end
    }

    /// Where the current element's content ends, once [`next`](Self::next)
    /// has returned `None`: the start of its end tag.
    pub(crate) fn content_end(&self) -> usize {
        self.last_end_start
    }

    /// Every attribute of `e` (the element just taken or peeked) must be
    /// one of `allowed` (unprefixed); `xsi:` attributes are always allowed.
    #[inline]
    pub(crate) fn check_attributes(
        &self,
        e: Elem<'a>,
        allowed: &[&str],
    ) -> Result<(), CommandError<'a>> {
        match self.tok.unexpected_attribute(allowed, Ns::Xsi) {
            None => Ok(()),
            Some(name) => Err(CommandError::new(
                CommandErrorKind::UnexpectedAttribute,
                name.offset(),
            )
            .with_element(e.element_name())
            .with_attribute(name.qualified())),
        }
    }

    /// The unprefixed attribute `local` of the element just taken or peeked.
    pub(crate) fn attr(&self, local: &str) -> Option<Str<'a>> {
        self.tok
            .attribute(local)
            .map(|a| Str::attribute(a.raw_value(), a.value_span().start, a.has_escapes()))
    }

    /// The required attribute `local` of `e`.
    pub(crate) fn required_attr(
        &self,
        e: Elem<'a>,
        local: &'static str,
    ) -> Result<Str<'a>, CommandError<'a>> {
        self.attr(local).ok_or_else(|| {
            CommandError::new(CommandErrorKind::MissingAttribute, e.offset())
                .with_element(e.element_name())
                .with_attribute(local)
        })
    }

    /// Reads and checks every `ns:local` in a row (at least `min`, at most
    /// `max`), calling `each` on each one just taken; returns the run's span
    /// and count. The reader must be just before the run.
    pub(crate) fn run(
        &mut self,
        ns: Ns,
        local: &'static str,
        min: u32,
        max: u32,
        mut each: impl FnMut(&mut Self, Elem<'a>) -> Result<(), CommandError<'a>>,
    ) -> Result<(Span, u32), CommandError<'a>> {
        let mut count = 0u32;
        let mut span = Span::default();
        while let Some(e) = self.optional(ns, local)? {
            if count == max {
                return Err(
                    CommandError::new(CommandErrorKind::TooMany { max }, e.offset())
                        .with_element(e.element_name()),
                );
            }
            if count == 0 {
                span.start = e.tag.start;
            }
            each(self, e)?;
            span.end = self.last_end;
            count += 1;
        }
        if count < min {
            return Err(self.missing(ns, local));
        }
        Ok((span, count))
    }
}

/// Where `e`'s element ends, found on a copy of the tokenizer (which
/// stands just past `e`'s start tag). `None` if the document breaks first.
fn skip_in_copy(tok: &Tokenizer<'_>, e: Elem<'_>) -> Option<usize> {
    let _ = e;
    let mut tok = tok.clone();
    let mut depth = 1usize;
    loop {
        match tok.next_token().ok()?? {
            Token::ElementStart(_) => depth += 1,
            Token::ElementEnd(end) => {
                depth -= 1;
                if depth == 0 {
                    return Some(end.span().end);
                }
            }
            _ => {}
        }
    }
}

/// Whether a sibling after `e` (whose start tag the tokenizer just read) is `ns:local`.
fn sibling_follows(tok: &Tokenizer<'_>, e: Elem<'_>, ns: Ns, local: &str) -> bool {
    let _ = e;
    let mut tok = tok.clone();
    let mut depth = 1usize;
    loop {
        let Ok(Some(token)) = tok.next_token() else {
            return false;
        };
        match token {
            Token::ElementStart(start) => {
                if depth == 0 && start.name().is(ns, local) {
                    return true;
                }
                depth += 1;
            }
            Token::ElementEnd(_) => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}
