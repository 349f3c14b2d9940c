//! Responses and greetings.
