// Command session_client runs one EPP session through the Go binding
// against a server over TLS (the project's example server in CI:
// `cargo run -p epp-codec-session --example serve`): greeting, login
// negotiated from the greeting, domain check, contact create and info,
// host create and info, domain create, info and renew; then a second
// registrar logs in on its own connection and requests a transfer of the
// domain, which the sponsor queries, finds in its poll queue, acks and
// rejects, and the requester reads and acks the rejection from its own
// queue; then domain info of a missing name, domain delete, hello and
// logout. Every response must carry the result code the session expects,
// echo the clTRID sent and carry an svTRID, and the values read through
// the binding (check results, infData, renData, trnData, msgQ) must be
// those the server meant. It prints a transcript and exits with status 1
// at the first response that is not.
//
//	go run ./examples/session_client -addr 127.0.0.1:PORT -ca ca.pem
package main

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	epp "eppcodec/ffi/go"
)

// The numbers of epp_transfer_op and of EPP_RES_DATA_KIND_DOMAIN_TRANSFER,
// which the binding passes through without naming them.
const (
	transferRequest    epp.TransferOp  = 1
	transferQuery      epp.TransferOp  = 2
	transferReject     epp.TransferOp  = 4
	domainTransferData epp.ResDataKind = 6
	pendingDays        time.Duration   = 5 // the server's TRANSFER_PENDING_DAYS
	framed             epp.WriteFlags  = epp.WriteFramed
)

func main() {
	addr := flag.String("addr", "127.0.0.1:700", "server address")
	caPath := flag.String("ca", "", "PEM file of the CA that signed the server's certificate")
	sponsor := flag.String("client", "ClientX", "registrar client id (creates the objects)")
	password := flag.String("password", "foo-BAR2", "registrar password")
	requester := flag.String("peer", "ClientY", "second registrar's client id (requests the transfer)")
	peerPassword := flag.String("peer-password", "bar-FOO2", "second registrar's password")
	flag.Parse()
	err := run(*addr, *caPath, registrar{*sponsor, *password}, registrar{*requester, *peerPassword})
	if err != nil {
		fmt.Fprintln(os.Stderr, "session_client:", err)
		os.Exit(1)
	}
}

// registrar is a client id and its password.
type registrar struct{ id, password string }

func run(addr, caPath string, sponsor, requester registrar) error {
	pem, err := os.ReadFile(caPath)
	if err != nil {
		return err
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		return fmt.Errorf("%s: no certificate", caPath)
	}
	x, err := open(addr, roots, sponsor.id, "go-X")
	if err != nil {
		return err
	}
	defer x.close()
	g := x.c.Message()
	svID, _ := g.Field(epp.FieldServerID)
	objects := g.List(epp.ListGreetingObjectURIs)
	fmt.Printf("S: greeting svID=%q objURIs=%d\n", svID, len(objects))
	if len(objects) == 0 {
		return fmt.Errorf("greeting offers no object")
	}

	// Object names carry a "go" prefix: the Python client runs the same
	// session against the same server.
	const (
		contactID  = "go-c1"
		nameServer = "ns1.go-example.net"
		domain     = "go-example.com"
		pw         = "2fooBAR"
	)
	login := func(s *session, who registrar) error {
		_, err := s.do("login "+who.id, 1000, func(b []byte, cl string) ([]byte, error) {
			return epp.AppendLogin(b, epp.Login{ClientID: who.id, Password: who.password, ObjectURIs: objects, ClTRID: cl}, framed)
		})
		return err
	}
	if err := login(x, sponsor); err != nil {
		return err
	}

	r, err := x.do("domain check "+domain+" example.net", 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainCheck(b, []string{domain, "example.net"}, cl, framed)
	})
	if err != nil {
		return err
	}
	checks := r.Checks()
	for _, ch := range checks {
		fmt.Printf("     %s available=%t\n", ch.Name, ch.Available)
	}
	if len(checks) != 2 || checks[0].Name != domain || !checks[0].Available || !checks[1].Available {
		return fmt.Errorf("domain check: %+v, expected both names available", checks)
	}

	postal := epp.PostalInfo{Type: epp.PostalInt, Name: "John Doe", Streets: []string{"123 Example Dr."}, City: "Dulles", CountryCode: "US"}
	if _, err := x.do("contact create "+contactID, 1000, func(b []byte, cl string) ([]byte, error) {
		details := epp.ContactDetails{
			PostalInfos: []epp.PostalInfo{postal},
			Voice:       "+1.7035555555", Email: "jdoe@example.com", AuthPassword: pw,
		}
		return epp.AppendContactCreate(b, contactID, details, cl, framed)
	}); err != nil {
		return err
	}
	r, err = x.do("contact info "+contactID, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendContactInfo(b, contactID, "", cl, framed)
	})
	if err != nil {
		return err
	}
	infos := r.PostalInfos()
	email, _ := r.ContactField(epp.ContactEmail)
	fmt.Printf("     email %s\n", email)
	if err := errors.Join(
		expect("contact info", "id", field(r, epp.FieldObjectName), contactID),
		expect("contact info", "clID", field(r, epp.FieldClientID), sponsor.id),
		expect("contact info", "email", email, "jdoe@example.com"),
		expect("contact info", "voice", contactField(r, epp.ContactVoice), "+1.7035555555"),
		expect("contact info", "authInfo", contactField(r, epp.ContactAuthPassword), pw),
		expect("contact info", "postalInfo count", len(infos), 1),
	); err != nil {
		return err
	}
	if !slices.Equal(infos[0].Streets, postal.Streets) || infos[0].Name != postal.Name ||
		infos[0].City != postal.City || infos[0].CountryCode != postal.CountryCode {
		return fmt.Errorf("contact info: postalInfo %+v, expected %+v", infos[0], postal)
	}

	if _, err := x.do("host create "+nameServer, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendHostCreate(b, nameServer, nil, cl, framed)
	}); err != nil {
		return err
	}
	r, err = x.do("host info "+nameServer, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendHostInfo(b, nameServer, cl, framed)
	})
	if err != nil {
		return err
	}
	if err := errors.Join(
		expect("host info", "name", field(r, epp.FieldObjectName), nameServer),
		expect("host info", "clID", field(r, epp.FieldClientID), sponsor.id),
	); err != nil {
		return err
	}

	r, err = x.do("domain create "+domain, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainCreate(b, epp.DomainCreate{
			Name: domain, Period: epp.Period{Value: 2, Unit: epp.PeriodYears}, NameServers: []string{nameServer},
			Registrant: contactID, Contacts: []epp.DomainContact{{Type: "admin", ID: contactID}, {Type: "tech", ID: contactID}},
			AuthPassword: pw,
		}, cl, framed)
	})
	if err != nil {
		return err
	}
	created, err1 := r.FieldDateTime(epp.FieldCreated)
	expires, err2 := r.FieldDateTime(epp.FieldExpires)
	if err := errors.Join(err1, err2,
		expect("domain create", "name", field(r, epp.FieldObjectName), domain),
		expect("domain create", "exDate year", expires.Year, created.Year+2),
	); err != nil {
		return fmt.Errorf("domain create: %w", err)
	}

	r, err = x.do("domain info "+domain, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainInfo(b, domain, cl, framed)
	})
	if err != nil {
		return err
	}
	exDate := field(r, epp.FieldExpires)
	fmt.Printf("     exDate %s\n", exDate)
	infoExpires, err := r.FieldDateTime(epp.FieldExpires)
	if err := errors.Join(err,
		expect("domain info", "name", field(r, epp.FieldObjectName), domain),
		expect("domain info", "clID", field(r, epp.FieldClientID), sponsor.id),
		expect("domain info", "registrant", field(r, epp.FieldRegistrant), contactID),
		expect("domain info", "exDate", infoExpires, expires),
		expect("domain info", "contacts", len(r.List(epp.ListContacts)), 2),
		expect("domain info", "ns", strings.Join(r.List(epp.ListNameServers), " "), nameServer),
	); err != nil {
		return err
	}

	r, err = x.do("domain renew "+domain, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainRenew(b, domain, exDate[:10], epp.Period{Value: 1, Unit: epp.PeriodYears}, cl, framed)
	})
	if err != nil {
		return err
	}
	renewedText := field(r, epp.FieldExpires)
	renewed, err := r.FieldDateTime(epp.FieldExpires)
	if err := errors.Join(err, expect("domain renew", "exDate", renewed, plusYear(expires))); err != nil {
		return err
	}

	// A second registrar, on its own connection, requests a transfer with
	// the domain's authInfo; the sponsor must act within pendingDays.
	y, err := open(addr, roots, requester.id, "go-Y")
	if err != nil {
		return err
	}
	defer y.close()
	if err := login(y, requester); err != nil {
		return err
	}
	r, err = y.do("domain transfer request "+domain, 1001, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainTransfer(b, transferRequest, domain, epp.Period{Value: 1, Unit: epp.PeriodYears}, pw, cl, framed)
	})
	if err != nil {
		return err
	}
	pending := readTransfer(r)
	fmt.Printf("     %+v\n", pending)
	reDate, err1 := r.ObjectFieldDateTime(epp.ObjectRequested)
	acDate, err2 := r.ObjectFieldDateTime(epp.ObjectActionDue)
	trExpires, err3 := r.ObjectFieldDateTime(epp.ObjectTransferExpires)
	if err := errors.Join(err1, err2, err3,
		expect("transfer request", "name", pending.name, domain),
		expect("transfer request", "trStatus", pending.status, "pending"),
		expect("transfer request", "reID", pending.requester, requester.id),
		expect("transfer request", "acID", pending.actor, sponsor.id),
		expect("transfer request", "acDate - reDate", acDate.Time().Sub(reDate.Time()), pendingDays*24*time.Hour),
		// Pending, exDate is the expiry the transfer would give: one more year.
		expect("transfer request", "exDate", trExpires, plusYear(renewed)),
	); err != nil {
		return err
	}

	r, err = x.do("domain transfer query "+domain, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainTransfer(b, transferQuery, domain, epp.Period{}, pw, cl, framed)
	})
	if err != nil {
		return err
	}
	if err := expect("transfer query", "trnData", readTransfer(r), pending); err != nil {
		return err
	}

	// The sponsor finds the request in its queue, acks it, and the queue is
	// empty.
	r, err = x.do("poll req", 1301, pollRequest)
	if err != nil {
		return err
	}
	messageID := field(r, epp.FieldMsgQID)
	if err := checkPollMessage("poll req", r, "Transfer requested.", pending.requested, pending); err != nil {
		return err
	}
	if err := ack(x, messageID); err != nil {
		return err
	}
	if _, err := x.do("poll req", 1300, pollRequest); err != nil {
		return err
	}

	// The sponsor rejects: the domain stays with its expiry, and the
	// requester is told through its own queue.
	r, err = x.do("domain transfer reject "+domain, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainTransfer(b, transferReject, domain, epp.Period{}, "", cl, framed)
	})
	if err != nil {
		return err
	}
	rejected := readTransfer(r)
	fmt.Printf("     %+v\n", rejected)
	rejectedAt, err := r.ObjectFieldDateTime(epp.ObjectActionDue)
	want := pending
	want.status, want.actionDue, want.expires = "clientRejected", rejected.actionDue, renewedText
	if err := errors.Join(err,
		expect("transfer reject", "trnData", rejected, want),
		expect("transfer reject", "acDate between reDate and the old acDate",
			!rejectedAt.Time().Before(reDate.Time()) && rejectedAt.Time().Before(acDate.Time()), true),
	); err != nil {
		return err
	}
	r, err = y.do("poll req", 1301, pollRequest)
	if err != nil {
		return err
	}
	messageID = field(r, epp.FieldMsgQID)
	if err := checkPollMessage("poll req", r, "Transfer rejected.", rejected.actionDue, rejected); err != nil {
		return err
	}
	if err := ack(y, messageID); err != nil {
		return err
	}
	if _, err := y.do("logout", 1500, logout); err != nil {
		return err
	}

	if _, err := x.do("domain info nosuch.example", 2303, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainInfo(b, "nosuch.example", cl, framed)
	}); err != nil {
		return err
	}
	if _, err := x.do("domain delete "+domain, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendDomainDelete(b, domain, cl, framed)
	}); err != nil {
		return err
	}

	if _, err := x.c.Hello(); err != nil {
		return fmt.Errorf("hello: %w", err)
	}
	svDate, _ := x.c.Message().Field(epp.FieldServerDate)
	fmt.Printf("C: hello -> greeting svDate=%s\n", svDate)
	_, err = x.do("logout", 1500, logout)
	return err
}

func pollRequest(b []byte, cl string) ([]byte, error) { return epp.AppendPollRequest(b, cl, framed) }
func logout(b []byte, cl string) ([]byte, error)      { return epp.AppendLogout(b, cl, framed) }

// ack acks message id and checks the queue it leaves is empty.
func ack(s *session, id string) error {
	r, err := s.do("poll ack "+id, 1000, func(b []byte, cl string) ([]byte, error) {
		return epp.AppendPollAck(b, id, cl, framed)
	})
	if err != nil {
		return err
	}
	count, ok := r.MsgQCount()
	return errors.Join(
		expect("poll ack", "msgQ", ok, true),
		expect("poll ack", "msgQ count", count, uint64(0)),
		expect("poll ack", "msgQ id", field(r, epp.FieldMsgQID), id),
	)
}

// checkPollMessage checks a 1301 response holds the only message of the
// queue, queued at qDate, saying text about transfer t.
func checkPollMessage(say string, r *epp.Message, text, qDate string, t transfer) error {
	count, ok := r.MsgQCount()
	fmt.Printf("     msgQ count=%d id=%s qDate=%s msg=%q\n", count, field(r, epp.FieldMsgQID),
		field(r, epp.FieldMsgQDate), field(r, epp.FieldMsgQMessage))
	return errors.Join(
		expect(say, "msgQ", ok, true),
		expect(say, "msgQ count", count, uint64(1)),
		expect(say, "msgQ id present", field(r, epp.FieldMsgQID) != "", true),
		expect(say, "qDate", field(r, epp.FieldMsgQDate), qDate),
		expect(say, "msg", field(r, epp.FieldMsgQMessage), text),
		expect(say, "resData kind", r.ResDataKind(), domainTransferData),
		expect(say, "trnData", readTransfer(r), t),
	)
}

// transfer is a domain <trnData> as the binding reads it, dates as written.
type transfer struct {
	name, status, requester, requested, actor, actionDue, expires string
}

func readTransfer(r *epp.Message) transfer {
	object := func(f epp.ObjectField) string {
		v, _ := r.ObjectField(f)
		return v
	}
	return transfer{
		name:      field(r, epp.FieldObjectName),
		status:    object(epp.ObjectTransferStatus),
		requester: object(epp.ObjectRequesterID),
		requested: object(epp.ObjectRequested),
		actor:     object(epp.ObjectActorID),
		actionDue: object(epp.ObjectActionDue),
		expires:   object(epp.ObjectTransferExpires),
	}
}

// plusYear is d one year later, as the server counts it: 29 February
// becomes 28 February in a year that has none.
func plusYear(d epp.DateTime) epp.DateTime {
	d.Year++
	leap := d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0)
	if d.Month == 2 && d.Day == 29 && !leap {
		d.Day = 28
	}
	return d
}

func field(r *epp.Message, f epp.Field) string {
	v, _ := r.Field(f)
	return v
}

func contactField(r *epp.Message, f epp.ContactField) string {
	v, _ := r.ContactField(f)
	return v
}

// expect is nil when got is want, else an error saying what differs.
func expect[T comparable](say, what string, got, want T) error {
	if got == want {
		return nil
	}
	return fmt.Errorf("%s: %s %+v, expected %+v", say, what, got, want)
}

// session is one connection of one registrar; its clTRIDs are prefix-1,
// prefix-2, ….
type session struct {
	conn   *tls.Conn
	c      *epp.Client
	who    string
	prefix string
	sent   int
}

// open connects, checks the server's certificate and reads the greeting.
func open(addr string, roots *x509.CertPool, who, prefix string) (*session, error) {
	host := addr[:strings.LastIndex(addr, ":")]
	conn, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: roots, ServerName: host, MinVersion: tls.VersionTLS12})
	if err != nil {
		return nil, err
	}
	if err := conn.SetDeadline(time.Now().Add(30 * time.Second)); err != nil {
		conn.Close()
		return nil, err
	}
	c, err := epp.NewClient(conn)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("greeting: %w", err)
	}
	return &session{conn: conn, c: c, who: who, prefix: prefix}, nil
}

func (s *session) close() {
	s.c.Close()
	s.conn.Close()
}

// do writes one command, framed into the client's reused buffer with the
// session's next clTRID, sends it and checks the response's first result
// code is want, that it echoes that clTRID and that it has an svTRID. The
// message it returns is valid until the session's next command.
func (s *session) do(say string, want uint16, write func(b []byte, clTRID string) ([]byte, error)) (*epp.Message, error) {
	s.sent++
	sent := fmt.Sprintf("%s-%d", s.prefix, s.sent)
	frame, err := write(s.c.Buffer(), sent)
	if err != nil {
		return nil, fmt.Errorf("%s: writing: %w", say, err)
	}
	r, err := s.c.Do(frame)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", say, err)
	}
	code, _ := r.ResultCode(0)
	msg, _ := r.ResultMsg(0)
	clTRID, svTRID := field(r, epp.FieldClTRID), field(r, epp.FieldSvTRID)
	fmt.Printf("%s: %s -> %d %s (clTRID %s, svTRID %s)\n", s.who, say, code, msg, clTRID, svTRID)
	if err := errors.Join(
		expect(say, "result", code, want),
		expect(say, "clTRID", clTRID, sent),
		expect(say, "svTRID present", svTRID != "", true),
	); err != nil {
		return nil, err
	}
	return r, nil
}
