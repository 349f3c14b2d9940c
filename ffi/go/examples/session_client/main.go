// Command session_client runs one EPP session through the Go binding
// against a server over TLS (the project's example server in CI:
// `cargo run -p epp-codec-session --example serve`): greeting, login
// negotiated from the greeting, domain check, contact create and info,
// host create and info, domain create, info, renew and transfer query,
// poll, domain delete, hello and logout. It prints a transcript and exits with status 1 if any response
// does not carry the result code the session expects.
//
//	go run ./examples/session_client -addr 127.0.0.1:PORT -ca ca.pem
package main

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	epp "eppcodec/ffi/go"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:700", "server address")
	caPath := flag.String("ca", "", "PEM file of the CA that signed the server's certificate")
	clientID := flag.String("client", "ClientX", "registrar client id")
	password := flag.String("password", "foo-BAR2", "registrar password")
	flag.Parse()
	if err := run(*addr, *caPath, *clientID, *password); err != nil {
		fmt.Fprintln(os.Stderr, "session_client:", err)
		os.Exit(1)
	}
}

func run(addr, caPath, clientID, password string) error {
	pem, err := os.ReadFile(caPath)
	if err != nil {
		return err
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		return fmt.Errorf("%s: no certificate", caPath)
	}
	host := addr[:strings.LastIndex(addr, ":")]
	conn, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: roots, ServerName: host, MinVersion: tls.VersionTLS12})
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(30 * time.Second)); err != nil {
		return err
	}

	c, err := epp.NewClient(conn)
	if err != nil {
		return fmt.Errorf("greeting: %w", err)
	}
	defer c.Close()
	g := c.Message()
	svID, _ := g.Field(epp.FieldServerID)
	objects := g.List(epp.ListGreetingObjectURIs)
	fmt.Printf("S: greeting svID=%q objURIs=%d\n", svID, len(objects))
	if len(objects) == 0 {
		return fmt.Errorf("greeting offers no object")
	}

	// Every command is written framed into the client's reused buffer.
	// Object names carry a "go" prefix: the Python client runs the same
	// session against the same server.
	const (
		contactID  = "go-c1"
		nameServer = "ns1.go-example.net"
		domain     = "go-example.com"
		pw         = "2fooBAR"
		query      = epp.TransferOp(2) // epp_transfer_op: 1 request, 2 query, …
	)
	var expiry string // from the domain info, for the renew
	steps := []struct {
		say   string
		write func([]byte) ([]byte, error)
		want  uint16
	}{
		{"login " + clientID, func(b []byte) ([]byte, error) {
			return epp.AppendLogin(b, epp.Login{ClientID: clientID, Password: password, ObjectURIs: objects, ClTRID: "go-1"}, epp.WriteFramed)
		}, 1000},
		{"domain check " + domain + " example.net", func(b []byte) ([]byte, error) {
			return epp.AppendDomainCheck(b, []string{domain, "example.net"}, "go-2", epp.WriteFramed)
		}, 1000},
		{"contact create " + contactID, func(b []byte) ([]byte, error) {
			details := epp.ContactDetails{
				PostalInfos: []epp.PostalInfo{{Type: epp.PostalInt, Name: "John Doe", Streets: []string{"123 Example Dr."}, City: "Dulles", CountryCode: "US"}},
				Voice:       "+1.7035555555", Email: "jdoe@example.com", AuthPassword: pw,
			}
			return epp.AppendContactCreate(b, contactID, details, "go-3", epp.WriteFramed)
		}, 1000},
		{"contact info " + contactID, func(b []byte) ([]byte, error) {
			return epp.AppendContactInfo(b, contactID, "", "go-4", epp.WriteFramed)
		}, 1000},
		{"host create " + nameServer, func(b []byte) ([]byte, error) {
			return epp.AppendHostCreate(b, nameServer, nil, "go-5", epp.WriteFramed)
		}, 1000},
		{"host info " + nameServer, func(b []byte) ([]byte, error) {
			return epp.AppendHostInfo(b, nameServer, "go-6", epp.WriteFramed)
		}, 1000},
		{"domain create " + domain, func(b []byte) ([]byte, error) {
			return epp.AppendDomainCreate(b, epp.DomainCreate{
				Name: domain, Period: epp.Period{Value: 2, Unit: epp.PeriodYears}, NameServers: []string{nameServer},
				Registrant: contactID, Contacts: []epp.DomainContact{{Type: "admin", ID: contactID}, {Type: "tech", ID: contactID}},
				AuthPassword: pw,
			}, "go-7", epp.WriteFramed)
		}, 1000},
		{"domain info " + domain, func(b []byte) ([]byte, error) {
			return epp.AppendDomainInfo(b, domain, "go-8", epp.WriteFramed)
		}, 1000},
		{"domain renew " + domain, func(b []byte) ([]byte, error) {
			return epp.AppendDomainRenew(b, domain, expiry, epp.Period{Value: 1, Unit: epp.PeriodYears}, "go-9", epp.WriteFramed)
		}, 1000},
		{"domain transfer query " + domain, func(b []byte) ([]byte, error) {
			return epp.AppendDomainTransfer(b, query, domain, epp.Period{}, pw, "go-10", epp.WriteFramed)
		}, 2301}, // no transfer has been requested
		{"domain info nosuch.example", func(b []byte) ([]byte, error) {
			return epp.AppendDomainInfo(b, "nosuch.example", "go-11", epp.WriteFramed)
		}, 2303},
		{"poll req", func(b []byte) ([]byte, error) {
			return epp.AppendPollRequest(b, "go-12", epp.WriteFramed)
		}, 1300},
		{"domain delete " + domain, func(b []byte) ([]byte, error) {
			return epp.AppendDomainDelete(b, domain, "go-13", epp.WriteFramed)
		}, 1000},
	}
	for _, step := range steps {
		r, err := do(c, step.say, step.write, step.want)
		if err != nil {
			return err
		}
		if step.say == "domain info "+domain {
			exDate, _ := r.Field(epp.FieldExpires)
			if len(exDate) < 10 {
				return fmt.Errorf("domain info: no expiry date")
			}
			expiry = exDate[:10]
			fmt.Printf("     exDate %s\n", exDate)
		}
		if step.say == "contact info "+contactID {
			email, _ := r.Field(epp.FieldEmail)
			fmt.Printf("     email %s\n", email)
		}
	}

	if _, err := c.Hello(); err != nil {
		return fmt.Errorf("hello: %w", err)
	}
	svDate, _ := c.Message().Field(epp.FieldServerDate)
	fmt.Printf("C: hello -> greeting svDate=%s\n", svDate)

	_, err = do(c, "logout", func(b []byte) ([]byte, error) {
		return epp.AppendLogout(b, "go-14", epp.WriteFramed)
	}, 1500)
	return err
}

// do sends one command and checks the response's first result code and
// that it echoes the command's clTRID.
func do(c *epp.Client, say string, write func([]byte) ([]byte, error), want uint16) (*epp.Message, error) {
	frame, err := write(c.Buffer())
	if err != nil {
		return nil, fmt.Errorf("%s: writing: %w", say, err)
	}
	r, err := c.Do(frame)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", say, err)
	}
	code, _ := r.ResultCode(0)
	msg, _ := r.ResultMsg(0)
	clTRID, _ := r.Field(epp.FieldClTRID)
	svTRID, _ := r.Field(epp.FieldSvTRID)
	line := fmt.Sprintf("C: %s -> %d %s (clTRID %s, svTRID %s)", say, code, msg, clTRID, svTRID)
	for _, ch := range r.Checks() {
		line += fmt.Sprintf("\n     %s available=%t", ch.Name, ch.Available)
	}
	fmt.Println(line)
	if code != want {
		return nil, fmt.Errorf("%s: result %d, expected %d", say, code, want)
	}
	if clTRID == "" || svTRID == "" {
		return nil, fmt.Errorf("%s: response without clTRID or svTRID", say)
	}
	return r, nil
}
