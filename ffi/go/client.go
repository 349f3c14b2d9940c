package epp

import (
	"errors"
	"io"
)

// Client is the client side of an EPP session over an established
// connection (a *tls.Conn in practice): it reads the greeting, then sends
// one framed command at a time and reads its response. It reuses one
// deframer, one message handle and one output buffer, so a session
// allocates little per command beyond the strings a caller copies out.
type Client struct {
	conn     io.ReadWriter
	deframer *Deframer
	msg      *Message
	out      []byte
}

// NewClient reads the server's greeting from conn; [Client.Message] holds
// it until the first [Client.Do].
func NewClient(conn io.ReadWriter) (*Client, error) {
	d, err := NewDeframer(0)
	if err != nil {
		return nil, err
	}
	msg, err := NewMessage()
	if err != nil {
		d.Close()
		return nil, err
	}
	c := &Client{conn: conn, deframer: d, msg: msg, out: make([]byte, 0, 4096)}
	f, err := c.next()
	if err == nil {
		err = msg.ReadGreetingFrame(f)
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// next is the next frame from the connection, reading as needed.
func (c *Client) next() (Frame, error) {
	for {
		f, err := c.deframer.Next()
		if !errors.Is(err, ErrIncomplete) {
			return f, err
		}
		if _, err := c.deframer.Fill(c.conn); err != nil {
			if errors.Is(err, io.EOF) {
				return Frame{}, io.ErrUnexpectedEOF
			}
			return Frame{}, err
		}
	}
}

// Message is the last message read: the greeting, then each response.
// Its values are valid until the next Do.
func (c *Client) Message() *Message { return c.msg }

// Buffer is an empty buffer to write the next command into (with
// WriteFramed), reused between commands: pass its result to Do.
func (c *Client) Buffer() []byte { return c.out[:0] }

// Do sends command (a whole frame, header included: write it with
// WriteFramed) and reads the response to it, tolerantly. The returned
// message is the client's own, valid until the next Do.
func (c *Client) Do(command []byte) (*Message, error) {
	return c.exchange(command, (*Message).ReadResponseFrame)
}

// exchange sends a whole frame and reads the answer into the client's
// message with read.
func (c *Client) exchange(frame []byte, read func(*Message, Frame) error) (*Message, error) {
	if cap(frame) > cap(c.out) {
		c.out = frame[:0]
	}
	if _, err := c.conn.Write(frame); err != nil {
		return nil, err
	}
	f, err := c.next()
	if err != nil {
		return nil, err
	}
	if err := read(c.msg, f); err != nil {
		return nil, err
	}
	return c.msg, nil
}

// Hello sends <hello/> and reads the greeting it is answered with.
func (c *Client) Hello() (*Message, error) {
	out, err := AppendHello(c.Buffer(), WriteFramed)
	if err != nil {
		return nil, err
	}
	return c.exchange(out, (*Message).ReadGreetingFrame)
}

// Close frees the client's handles (not the connection).
func (c *Client) Close() error {
	c.msg.Close()
	return c.deframer.Close()
}
