//! Incremental decoder of Server-Sent Events (the `text/event-stream` format).
//!
//! Bytes arrive in arbitrary pieces; [`SseDecoder::push`] returns the events
//! completed so far. Lines end in LF, CRLF or CR; a blank line dispatches the
//! event; comment lines (starting with `:`) are ignored; a single space after
//! the field's colon is dropped, as the WHATWG specification says.

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseEvent {
    /// The `event:` field, if any.
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`.
    pub data: String,
}

/// Decoder state between pieces of a stream.
#[derive(Debug, Default)]
pub struct SseDecoder {
    line: Vec<u8>,
    event: Option<String>,
    data: Option<String>,
    /// A CR ended the previous piece, so a LF at the start of the next one
    /// belongs to the same line ending.
    after_cr: bool,
}

impl SseDecoder {
    /// A decoder at the start of a stream.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds bytes and returns the events they complete.
    pub fn push(&mut self, mut bytes: &[u8]) -> Vec<SseEvent> {
        let mut events = Vec::new();
        while !bytes.is_empty() {
            if self.after_cr {
                self.after_cr = false;
                if bytes[0] == b'\n' {
                    bytes = &bytes[1..];
                    continue;
                }
            }
            match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
                None => {
                    self.line.extend_from_slice(bytes);
                    break;
                }
                Some(end) => {
                    self.line.extend_from_slice(&bytes[..end]);
                    self.after_cr = bytes[end] == b'\r';
                    bytes = &bytes[end + 1..];
                    self.end_line(&mut events);
                }
            }
        }
        events
    }

    /// True when bytes of an unfinished line or event are pending: a stream
    /// that ends here was cut off.
    pub fn has_partial(&self) -> bool {
        !self.line.is_empty() || self.data.is_some()
    }

    fn end_line(&mut self, events: &mut Vec<SseEvent>) {
        // Reuse the line buffer's allocation for the next line.
        let mut line = std::mem::take(&mut self.line);
        self.field(&line, events);
        line.clear();
        self.line = line;
    }

    fn field(&mut self, line: &[u8], events: &mut Vec<SseEvent>) {
        if line.is_empty() {
            if let Some(data) = self.data.take() {
                events.push(SseEvent {
                    event: self.event.take(),
                    data,
                });
            } else {
                self.event = None;
            }
            return;
        }
        if line[0] == b':' {
            return;
        }
        let line = match std::str::from_utf8(line) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(line),
        };
        let (field, value) = match line.find(':') {
            Some(i) => {
                let v = &line[i + 1..];
                (&line[..i], v.strip_prefix(' ').unwrap_or(v))
            }
            None => (&line[..], ""),
        };
        match field {
            "data" => match &mut self.data {
                Some(d) => {
                    d.push('\n');
                    d.push_str(value);
                }
                None => self.data = Some(value.to_string()),
            },
            "event" => self.event = Some(value.to_string()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_pieces(input: &[u8], piece: usize) -> Vec<SseEvent> {
        let mut d = SseDecoder::new();
        input.chunks(piece).flat_map(|c| d.push(c)).collect()
    }

    #[test]
    fn events_survive_any_split() {
        let input = b"event: ping\ndata: {}\n\n: comment\ndata: a\ndata:b\r\n\r\ndata: [DONE]\r\r";
        let whole = decode_in_pieces(input, input.len());
        assert_eq!(
            whole,
            vec![
                SseEvent {
                    event: Some("ping".into()),
                    data: "{}".into()
                },
                SseEvent {
                    event: None,
                    data: "a\nb".into()
                },
                SseEvent {
                    event: None,
                    data: "[DONE]".into()
                },
            ]
        );
        for piece in 1..input.len() {
            assert_eq!(decode_in_pieces(input, piece), whole, "piece size {piece}");
        }
    }

    #[test]
    fn a_cut_stream_leaves_a_partial_event() {
        let mut d = SseDecoder::new();
        assert!(d.push(b"data: {\"a\":").is_empty());
        assert!(d.has_partial());
        let mut d = SseDecoder::new();
        assert_eq!(d.push(b"data: x\n\n").len(), 1);
        assert!(!d.has_partial());
    }

    proptest::proptest! {
        /// Any bytes, split anywhere, decode without a panic to the same
        /// events as when they come whole.
        #[test]
        fn arbitrary_bytes_decode_the_same_in_any_pieces(
            input in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512),
            piece in 1usize..64,
        ) {
            let whole = decode_in_pieces(&input, input.len().max(1));
            proptest::prop_assert_eq!(decode_in_pieces(&input, piece), whole);
        }
    }

    #[test]
    fn multibyte_text_split_across_pieces_is_kept() {
        let input = "data: héllo 🦀\n\n".as_bytes();
        let events = decode_in_pieces(input, 1);
        assert_eq!(events[0].data, "héllo 🦀");
    }
}
