/*
 * Tests of the C ABI (include/epp.h) from C: corpus messages read through
 * the message handle and checked against known values, a stream fed to the
 * deframer byte by byte, every NULL, buffer-too-small and error path, and
 * a sweep of every corpus message through every accessor (for the
 * sanitizers and valgrind to watch).
 *
 * The corpus directory comes from $EPP_CORPUS, else from the EPP_CORPUS
 * define (the Makefile points it at ../shared/corpus beside the repository).
 */
#include "epp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef EPP_CORPUS
#define EPP_CORPUS "../../../shared/corpus"
#endif

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                         \
    do {                                                                    \
        checks++;                                                           \
        if (!(cond)) {                                                      \
            failures++;                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                 \
        }                                                                   \
    } while (0)

#define CHECK_RESULT(call, expected)                                        \
    do {                                                                    \
        epp_result got_ = (call);                                           \
        checks++;                                                           \
        if (got_ != (expected)) {                                           \
            failures++;                                                     \
            fprintf(stderr, "%s:%d: %s returned %u (%s), expected %s\n",    \
                    __FILE__, __LINE__, #call, (unsigned)got_,              \
                    epp_result_str(got_), #expected);                       \
        }                                                                   \
    } while (0)

/* A string handed out by the library equals `want`. */
static int str_eq(const char *ptr, size_t len, const char *want) {
    return ptr != NULL && len == strlen(want) && memcmp(ptr, want, len) == 0;
}

static epp_str s(const char *text) {
    epp_str out;
    out.ptr = text;
    out.len = strlen(text);
    return out;
}

static const epp_str NONE = {NULL, 0};

static const char *corpus_dir(void) {
    const char *env = getenv("EPP_CORPUS");
    return env != NULL && env[0] != '\0' ? env : EPP_CORPUS;
}

/* Reads a corpus file into a new buffer; exits when it cannot. */
static unsigned char *load(const char *rel, size_t *len) {
    char path[1024];
    FILE *f;
    long size;
    unsigned char *buf;
    snprintf(path, sizeof path, "%s/%s", corpus_dir(), rel);
    f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s (set EPP_CORPUS)\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(size > 0 ? (size_t)size : 1);
    if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    *len = (size_t)size;
    return buf;
}

static int field_is(const epp_message *m, uint32_t field, const char *want) {
    const char *p = NULL;
    size_t n = 0;
    return epp_message_field(m, field, &p, &n) == EPP_RESULT_OK && str_eq(p, n, want);
}

static int item_is(const epp_message *m, uint32_t list, size_t i, const char *want) {
    const char *p = NULL;
    size_t n = 0;
    return epp_message_list_item(m, list, i, &p, &n) == EPP_RESULT_OK && str_eq(p, n, want);
}

static void test_version(void) {
    const char *v = epp_version();
    CHECK(v != NULL && v[0] != '\0');
    CHECK(strcmp(epp_result_str(EPP_RESULT_OK), "ok") == 0);
    CHECK(strcmp(epp_result_str(12345), "unknown result") == 0);
    CHECK(EPP_RESULT_BUFFER_TOO_SMALL == 10);
}

static void test_domain_check_command(epp_message *m) {
    size_t len;
    unsigned char *frame = load("rfc/5731/001-C-s3.1.1.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_kind(m) == EPP_KIND_COMMAND);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_CHECK);
    CHECK(epp_message_object(m) == EPP_OBJECT_DOMAIN);
    CHECK(field_is(m, EPP_FIELD_CL_TRID, "ABC-12345"));
    CHECK(epp_message_list_count(m, EPP_LIST_NAMES) == 3);
    CHECK(item_is(m, EPP_LIST_NAMES, 0, "example.com"));
    CHECK(item_is(m, EPP_LIST_NAMES, 2, "example.org"));
    {
        const char *p = NULL;
        size_t n = 0;
        CHECK_RESULT(epp_message_list_item(m, EPP_LIST_NAMES, 3, &p, &n),
                     EPP_RESULT_INDEX_OUT_OF_RANGE);
        CHECK(p == NULL && n == 0);
        CHECK_RESULT(epp_message_field(m, EPP_FIELD_SV_TRID, &p, &n), EPP_RESULT_ABSENT);
        CHECK_RESULT(epp_message_field(m, 1000, &p, &n), EPP_RESULT_INVALID_ARGUMENT);
        CHECK_RESULT(epp_message_result_msg(m, 0, &p, &n), EPP_RESULT_WRONG_KIND);
        CHECK(p == NULL && n == 0);
    }
    free(frame);
}

static void test_login_and_domain_create(epp_message *m) {
    size_t len;
    unsigned char *login = load("rfc/5730/013-C-s2.9.1.1.xml", &len);
    unsigned char *create;
    CHECK_RESULT(epp_message_read_command(m, login, len), EPP_RESULT_OK);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_LOGIN);
    CHECK(epp_message_object(m) == EPP_OBJECT_NONE);
    CHECK(field_is(m, EPP_FIELD_LOGIN_CLIENT_ID, "ClientX"));
    CHECK(field_is(m, EPP_FIELD_LOGIN_PASSWORD, "foo-BAR2"));
    CHECK(field_is(m, EPP_FIELD_LOGIN_NEW_PASSWORD, "bar-FOO2"));
    CHECK(field_is(m, EPP_FIELD_LOGIN_VERSION, "1.0"));
    CHECK(field_is(m, EPP_FIELD_LOGIN_LANG, "en"));
    CHECK(epp_message_list_count(m, EPP_LIST_LOGIN_OBJECT_URIS) == 3);
    CHECK(item_is(m, EPP_LIST_LOGIN_OBJECT_URIS, 1, "urn:ietf:params:xml:ns:obj2"));
    CHECK(item_is(m, EPP_LIST_LOGIN_EXTENSION_URIS, 0, "http://custom/obj1ext-1.0"));
    free(login);

    create = load("rfc/5731/009-C-s3.2.1.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, create, len), EPP_RESULT_OK);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_CREATE);
    CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "example.com"));
    CHECK(field_is(m, EPP_FIELD_REGISTRANT, "jd1234"));
    CHECK(field_is(m, EPP_FIELD_AUTH_PASSWORD, "2fooBAR"));
    CHECK(epp_message_list_count(m, EPP_LIST_NAMES) == 1);
    CHECK(epp_message_list_count(m, EPP_LIST_NAME_SERVERS) == 2);
    CHECK(item_is(m, EPP_LIST_NAME_SERVERS, 0, "ns1.example.net"));
    CHECK(epp_message_list_count(m, EPP_LIST_CONTACTS) == 2);
    CHECK(item_is(m, EPP_LIST_CONTACTS, 0, "sh8013"));
    free(create);
}

static void test_update_and_transfer(epp_message *m) {
    size_t len;
    unsigned char *update = load("rfc/5731/017-C-s3.2.5.xml", &len);
    unsigned char *transfer;
    CHECK_RESULT(epp_message_read_command(m, update, len), EPP_RESULT_OK);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_UPDATE);
    CHECK(epp_message_list_count(m, EPP_LIST_STATUSES_ADD) == 1);
    CHECK(item_is(m, EPP_LIST_STATUSES_ADD, 0, "clientHold"));
    CHECK(epp_message_list_count(m, EPP_LIST_STATUSES_REMOVE) == 1);
    CHECK(item_is(m, EPP_LIST_STATUSES_REMOVE, 0, "clientUpdateProhibited"));
    free(update);

    transfer = load("rfc/5731/015-C-s3.2.4.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, transfer, len), EPP_RESULT_OK);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_TRANSFER);
    CHECK(epp_message_transfer_op(m) == EPP_TRANSFER_OP_REQUEST);
    CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "example.com"));
    free(transfer);
}

static void test_hosts_contacts_dates(epp_message *m) {
    size_t len, n = 0;
    char buf[64];
    epp_datetime t;
    unsigned char *host = load("rfc/5732/005-C-s3.2.1.xml", &len);
    unsigned char *update, *contact, *info;
    static const char escaped[] =
        "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response>"
        "<result code=\"2400\"><msg>Bad &amp; worse &#233;</msg></result>"
        "<trID><clTRID>A&amp;B</clTRID><svTRID>S-1</svTRID></trID></response></epp>";

    CHECK_RESULT(epp_message_read_command(m, host, len), EPP_RESULT_OK);
    CHECK(epp_message_list_count(m, EPP_LIST_ADDRESSES) == 3);
    CHECK(item_is(m, EPP_LIST_ADDRESSES, 2, "1080:0:0:0:8:800:200C:417A"));
    free(host);

    update = load("rfc/5731/017-C-s3.2.5.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, update, len), EPP_RESULT_OK);
    CHECK(item_is(m, EPP_LIST_NAME_SERVERS_ADD, 0, "ns2.example.com"));
    CHECK(item_is(m, EPP_LIST_NAME_SERVERS_REMOVE, 0, "ns1.example.com"));
    CHECK(item_is(m, EPP_LIST_CONTACTS_ADD, 0, "mak21"));
    free(update);

    contact = load("rfc/5733/004-S-s3.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, contact, len), EPP_RESULT_OK);
    CHECK(epp_message_res_data_kind(m) == EPP_RES_DATA_KIND_CONTACT_INFO);
    CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "sh8013"));
    CHECK(field_is(m, EPP_FIELD_EMAIL, "jdoe@example.com"));
    CHECK(field_is(m, EPP_FIELD_VOICE, "+1.7035555555"));
    free(contact);

    info = load("rfc/5731/005-S-s3.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, info, len), EPP_RESULT_OK);
    CHECK(item_is(m, EPP_LIST_CONTACT_TYPES, 0, "admin"));
    CHECK(item_is(m, EPP_LIST_CONTACT_TYPES, 1, "tech"));
    CHECK_RESULT(epp_message_field_datetime(m, EPP_FIELD_CREATED, &t), EPP_RESULT_OK);
    CHECK(t.year == 1999 && t.month == 4 && t.day == 3 && t.hour == 22 && t.minute == 0);
    CHECK(t.has_offset && t.offset_minutes == 0);
    CHECK_RESULT(epp_message_field_datetime(m, EPP_FIELD_ROID, &t), EPP_RESULT_INVALID_VALUE);
    CHECK_RESULT(epp_message_field_datetime(m, EPP_FIELD_CREATED, NULL),
                 EPP_RESULT_NULL_ARGUMENT);
    free(info);

    CHECK_RESULT(epp_message_read_response(m, (const uint8_t *)escaped, sizeof escaped - 1),
                 EPP_RESULT_OK);
    CHECK(field_is(m, EPP_FIELD_CL_TRID, "A&amp;B"));
    CHECK_RESULT(epp_message_field_unescaped(m, EPP_FIELD_CL_TRID, buf, sizeof buf, &n),
                 EPP_RESULT_OK);
    CHECK(str_eq(buf, n, "A&B"));
    CHECK_RESULT(epp_message_result_msg_unescaped(m, 0, NULL, 0, &n), EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == strlen("Bad & worse \xc3\xa9"));
    CHECK_RESULT(epp_message_result_msg_unescaped(m, 0, buf, 5, &n), EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK_RESULT(epp_message_result_msg_unescaped(m, 0, buf, sizeof buf, &n), EPP_RESULT_OK);
    CHECK(str_eq(buf, n, "Bad & worse \xc3\xa9"));
    CHECK_RESULT(epp_message_field_unescaped(m, EPP_FIELD_CL_TRID, buf, sizeof buf, NULL),
                 EPP_RESULT_NULL_ARGUMENT);
}

static void test_poll(epp_message *m) {
    size_t len;
    unsigned char *req = load("rfc/5730/021-C-s2.9.2.3.xml", &len);
    unsigned char *ack;
    CHECK_RESULT(epp_message_read_command(m, req, len), EPP_RESULT_OK);
    CHECK(epp_message_poll_op(m) == EPP_POLL_OP_REQUEST);
    free(req);
    ack = load("rfc/5730/023-C-s2.9.2.3.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, ack, len), EPP_RESULT_OK);
    CHECK(epp_message_poll_op(m) == EPP_POLL_OP_ACKNOWLEDGE);
    CHECK(field_is(m, EPP_FIELD_POLL_MESSAGE_ID, "12345"));
    free(ack);
}

static void test_responses(epp_message *m) {
    size_t len;
    const char *p;
    size_t n;
    uint16_t code = 0;
    bool avail = true;
    uint64_t count = 0;
    unsigned char *chk = load("rfc/5731/002-S-s3.1.1.xml", &len);
    unsigned char *inf, *poll, *err;

    CHECK_RESULT(epp_message_read_response(m, chk, len), EPP_RESULT_OK);
    CHECK(epp_message_kind(m) == EPP_KIND_RESPONSE);
    CHECK(epp_message_res_data_kind(m) == EPP_RES_DATA_KIND_DOMAIN_CHECK);
    CHECK(epp_message_result_count(m) == 1);
    CHECK_RESULT(epp_message_result_code(m, 0, &code), EPP_RESULT_OK);
    CHECK(code == 1000);
    CHECK_RESULT(epp_message_result_msg(m, 0, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "Command completed successfully"));
    CHECK(field_is(m, EPP_FIELD_CL_TRID, "ABC-12345"));
    CHECK(field_is(m, EPP_FIELD_SV_TRID, "54322-XYZ"));
    CHECK(epp_message_check_count(m) == 3);
    CHECK_RESULT(epp_message_check_name(m, 1, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "example.net"));
    CHECK_RESULT(epp_message_check_available(m, 1, &avail), EPP_RESULT_OK);
    CHECK(!avail);
    CHECK_RESULT(epp_message_check_available(m, 2, &avail), EPP_RESULT_OK);
    CHECK(avail);
    CHECK_RESULT(epp_message_check_reason(m, 1, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "In use"));
    CHECK_RESULT(epp_message_check_reason(m, 0, &p, &n), EPP_RESULT_ABSENT);
    CHECK_RESULT(epp_message_check_name(m, 3, &p, &n), EPP_RESULT_INDEX_OUT_OF_RANGE);
    CHECK_RESULT(epp_message_msgq_count(m, &count), EPP_RESULT_ABSENT);
    free(chk);

    inf = load("rfc/5731/005-S-s3.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, inf, len), EPP_RESULT_OK);
    CHECK(epp_message_res_data_kind(m) == EPP_RES_DATA_KIND_DOMAIN_INFO);
    CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "example.com"));
    CHECK(field_is(m, EPP_FIELD_ROID, "EXAMPLE1-REP"));
    CHECK(field_is(m, EPP_FIELD_CLIENT_ID, "ClientX"));
    CHECK(field_is(m, EPP_FIELD_CREATOR_ID, "ClientY"));
    CHECK(field_is(m, EPP_FIELD_CREATED, "1999-04-03T22:00:00.0Z"));
    CHECK(field_is(m, EPP_FIELD_UPDATED, "1999-12-03T09:00:00.0Z"));
    CHECK(field_is(m, EPP_FIELD_EXPIRES, "2005-04-03T22:00:00.0Z"));
    CHECK(field_is(m, EPP_FIELD_TRANSFERRED, "2000-04-08T09:00:00.0Z"));
    CHECK(field_is(m, EPP_FIELD_REGISTRANT, "jd1234"));
    CHECK(field_is(m, EPP_FIELD_AUTH_PASSWORD, "2fooBAR"));
    CHECK(epp_message_list_count(m, EPP_LIST_STATUSES) == 1);
    CHECK(item_is(m, EPP_LIST_STATUSES, 0, "ok"));
    CHECK(item_is(m, EPP_LIST_NAME_SERVERS, 1, "ns1.example.net"));
    CHECK(item_is(m, EPP_LIST_HOSTS, 1, "ns2.example.com"));
    CHECK(epp_message_check_count(m) == 0);
    free(inf);

    poll = load("rfc/5730/022-S-s2.9.2.3.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, poll, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_result_code(m, 0, &code), EPP_RESULT_OK);
    CHECK(code == 1301);
    CHECK_RESULT(epp_message_msgq_count(m, &count), EPP_RESULT_OK);
    CHECK(count == 5);
    CHECK(field_is(m, EPP_FIELD_MSGQ_ID, "12345"));
    CHECK(field_is(m, EPP_FIELD_MSGQ_DATE, "2000-06-08T22:00:00.0Z"));
    CHECK(field_is(m, EPP_FIELD_MSGQ_MESSAGE, "Transfer requested."));
    CHECK(epp_message_res_data_kind(m) == EPP_RES_DATA_KIND_OTHER);
    CHECK_RESULT(epp_message_res_data_xml(m, &p, &n), EPP_RESULT_OK);
    CHECK(n > 13 && memcmp(p, "<obj:trnData", 12) == 0);
    CHECK(p >= (const char *)poll && p + n <= (const char *)poll + len);
    free(poll);

    err = load("rfc/5730/006-S-s2.6.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, err, len), EPP_RESULT_OK);
    CHECK(epp_message_result_count(m) == 2);
    CHECK_RESULT(epp_message_result_code(m, 1, &code), EPP_RESULT_OK);
    CHECK(code == 2005);
    free(err);
}

static void test_greeting_and_extensions(epp_message *m) {
    size_t len;
    const char *p;
    size_t n;
    unsigned char *g = load("rfc/5730/002-S-s2.4.xml", &len);
    unsigned char *sec;
    CHECK_RESULT(epp_message_read_greeting(m, g, len), EPP_RESULT_OK);
    CHECK(epp_message_kind(m) == EPP_KIND_GREETING);
    CHECK(field_is(m, EPP_FIELD_SERVER_ID, "Example EPP server epp.example.com"));
    CHECK(field_is(m, EPP_FIELD_SERVER_DATE, "2000-06-08T22:00:00.0Z"));
    CHECK(item_is(m, EPP_LIST_GREETING_VERSIONS, 0, "1.0"));
    CHECK(epp_message_list_count(m, EPP_LIST_GREETING_OBJECT_URIS) == 3);
    /* A greeting is not a command: the strict reader says why. */
    CHECK_RESULT(epp_message_read_command(m, g, len), EPP_RESULT_READ_ERROR);
    CHECK(epp_message_kind(m) == EPP_KIND_ERROR);
    CHECK(epp_message_error_code(m) >= 2000);
    free(g);

    sec = load("ext/examples/5910/001-S-s5.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, sec, len), EPP_RESULT_OK);
    CHECK(epp_message_extension_count(m) == 1);
    CHECK_RESULT(epp_message_extension_namespace(m, 0, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "urn:ietf:params:xml:ns:secDNS-1.1"));
    CHECK_RESULT(epp_message_extension_xml(m, 0, &p, &n), EPP_RESULT_OK);
    CHECK(n > 15 && memcmp(p, "<secDNS:infData", 15) == 0);
    CHECK(memcmp(p + n - 17, "</secDNS:infData>", 17) == 0);
    CHECK_RESULT(epp_message_extension_xml(m, 1, &p, &n), EPP_RESULT_INDEX_OUT_OF_RANGE);
    free(sec);
}

static void test_error_response(epp_message *m) {
    static const char bad[] =
        "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check>"
        "<domain:check xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"/>"
        "</check><clTRID>ABC-1</clTRID></command></epp>";
    const char *p = NULL;
    size_t n = 0, need = 0, wrote = 0;
    unsigned char *buf;
    uint16_t code = 0;
    epp_message *reply = NULL;

    CHECK_RESULT(epp_message_read_command(m, (const uint8_t *)bad, sizeof bad - 1),
                 EPP_RESULT_READ_ERROR);
    CHECK(epp_message_error_code(m) == 2003);
    CHECK(epp_message_error_offset(m) > 0 && epp_message_error_offset(m) < sizeof bad);
    CHECK_RESULT(epp_message_error_message(m, &p, &n), EPP_RESULT_OK);
    CHECK(n > 0 && n <= 256);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_NONE);

    /* Size first, then the real write, framed. */
    CHECK_RESULT(epp_write_error_response(m, s("SRV-1"), s("ABC-1"), EPP_WRITE_FRAMED, NULL, 0,
                                          &need),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(need > 4);
    buf = malloc(need);
    CHECK_RESULT(epp_write_error_response(m, s("SRV-1"), s("ABC-1"), EPP_WRITE_FRAMED, buf,
                                          need - 1, &wrote),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(wrote == need);
    CHECK_RESULT(epp_write_error_response(m, s("SRV-1"), s("ABC-1"), EPP_WRITE_FRAMED, buf,
                                          need, &wrote),
                 EPP_RESULT_OK);
    CHECK(wrote == need);
    CHECK(((size_t)buf[0] << 24 | (size_t)buf[1] << 16 | (size_t)buf[2] << 8 | buf[3]) == wrote);

    CHECK_RESULT(epp_message_new(&reply), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_response(reply, buf + 4, wrote - 4), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_result_code(reply, 0, &code), EPP_RESULT_OK);
    CHECK(code == 2003);
    CHECK(field_is(reply, EPP_FIELD_CL_TRID, "ABC-1"));
    CHECK(field_is(reply, EPP_FIELD_SV_TRID, "SRV-1"));
    epp_message_free(reply);
    free(buf);
}

static void test_writers(epp_message *m) {
    unsigned char buf[2048];
    size_t n = 0;
    const epp_str names[2] = {{"example.com", 11}, {"example.net", 11}};
    const epp_str bad_utf8 = {"\xff", 1};

    CHECK_RESULT(epp_write_hello(0, buf, sizeof buf, &n), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_command(m, buf, n), EPP_RESULT_OK);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_HELLO);

    CHECK_RESULT(epp_write_logout(s("L-1"), EPP_WRITE_NO_DECLARATION, buf, sizeof buf, &n),
                 EPP_RESULT_OK);
    CHECK(memcmp(buf, "<epp", 4) == 0);
    CHECK_RESULT(epp_message_read_command(m, buf, n), EPP_RESULT_OK);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_LOGOUT);
    CHECK(field_is(m, EPP_FIELD_CL_TRID, "L-1"));

    CHECK_RESULT(epp_write_poll_request(NONE, 0, buf, sizeof buf, &n), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_command(m, buf, n), EPP_RESULT_OK);
    CHECK(epp_message_poll_op(m) == EPP_POLL_OP_REQUEST);

    CHECK_RESULT(epp_write_poll_ack(s("99"), s("P-2"), EPP_WRITE_FRAMED, buf, sizeof buf, &n),
                 EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_command(m, buf + 4, n - 4), EPP_RESULT_OK);
    CHECK(field_is(m, EPP_FIELD_POLL_MESSAGE_ID, "99"));

    CHECK_RESULT(epp_write_domain_check(names, 2, s("C-3"), 0, buf, sizeof buf, &n),
                 EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_command(m, buf, n), EPP_RESULT_OK);
    CHECK(epp_message_list_count(m, EPP_LIST_NAMES) == 2);
    CHECK(item_is(m, EPP_LIST_NAMES, 1, "example.net"));

    CHECK_RESULT(epp_write_domain_info(s("example.org"), NONE, 0, buf, sizeof buf, &n),
                 EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_command(m, buf, n), EPP_RESULT_OK);
    CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_INFO);
    CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "example.org"));

    {
        const epp_str objects[2] = {{"urn:ietf:params:xml:ns:domain-1.0", 33},
                                    {"urn:ietf:params:xml:ns:host-1.0", 31}};
        CHECK_RESULT(epp_write_login(s("ClientX"), s("foo-BAR2"), s("bar-FOO2"), NONE, objects, 2,
                                     NULL, 0, s("L-2"), 0, buf, sizeof buf, &n),
                     EPP_RESULT_OK);
        CHECK_RESULT(epp_message_read_command(m, buf, n), EPP_RESULT_OK);
        CHECK(epp_message_command_kind(m) == EPP_COMMAND_KIND_LOGIN);
        CHECK(field_is(m, EPP_FIELD_LOGIN_NEW_PASSWORD, "bar-FOO2"));
        CHECK(item_is(m, EPP_LIST_LOGIN_OBJECT_URIS, 1, "urn:ietf:params:xml:ns:host-1.0"));
        CHECK_RESULT(epp_write_login(s("ClientX"), s("foo-BAR2"), NONE, NONE, objects, 0, NULL, 0,
                                     NONE, 0, buf, sizeof buf, &n),
                     EPP_RESULT_INVALID_ARGUMENT);
        CHECK_RESULT(epp_write_login(NONE, s("foo-BAR2"), NONE, NONE, objects, 1, NULL, 0, NONE, 0,
                                     buf, sizeof buf, &n),
                     EPP_RESULT_NULL_ARGUMENT);
    }

    CHECK_RESULT(epp_write_response(1000, NONE, s("C-4"), s("S-4"), 0, buf, sizeof buf, &n),
                 EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_response(m, buf, n), EPP_RESULT_OK);
    CHECK(field_is(m, EPP_FIELD_SV_TRID, "S-4"));

    /* Error paths: out_len untouched except on BUFFER_TOO_SMALL. */
    n = 7;
    CHECK_RESULT(epp_write_hello(0, buf, 8, &n), EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(n > 8);
    n = 7;
    CHECK_RESULT(epp_write_hello(0, NULL, 8, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_write_hello(0, buf, sizeof buf, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_write_hello(0x80, buf, sizeof buf, &n), EPP_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(epp_write_logout(bad_utf8, 0, buf, sizeof buf, &n), EPP_RESULT_INVALID_UTF8);
    CHECK_RESULT(epp_write_poll_ack(NONE, NONE, 0, buf, sizeof buf, &n),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_write_domain_check(NULL, 1, NONE, 0, buf, sizeof buf, &n),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_write_domain_check(names, 0, NONE, 0, buf, sizeof buf, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(epp_write_domain_check(names, EPP_WRITE_MAX_CHECK_NAMES + 1, NONE, 0, buf,
                                        sizeof buf, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(epp_write_domain_info(NONE, NONE, 0, buf, sizeof buf, &n),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_write_response(42, NONE, NONE, s("S"), 0, buf, sizeof buf, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(epp_write_response(1000, s("a\001b"), NONE, s("S"), 0, buf, sizeof buf, &n),
                 EPP_RESULT_WRITE_ERROR);
    CHECK_RESULT(epp_write_error_response(NULL, s("S"), NONE, 0, buf, sizeof buf, &n),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_write_error_response(m, s("S"), NONE, 0, buf, sizeof buf, &n),
                 EPP_RESULT_WRONG_KIND);
    CHECK(n == 7);
}

static void test_nulls(void) {
    epp_message *m = NULL;
    const char *p = NULL;
    size_t n = 0;
    uint16_t code = 0;
    uint64_t count = 0;
    bool avail = false;

    CHECK_RESULT(epp_message_new(NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_deframer_new(0, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_read_command(NULL, (const uint8_t *)"x", 1),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_read_response(NULL, (const uint8_t *)"x", 1),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_read_greeting(NULL, (const uint8_t *)"x", 1),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK(epp_message_kind(NULL) == EPP_KIND_NONE);
    CHECK(epp_message_command_kind(NULL) == EPP_COMMAND_KIND_NONE);
    CHECK(epp_message_object(NULL) == EPP_OBJECT_NONE);
    CHECK(epp_message_poll_op(NULL) == EPP_POLL_OP_NONE);
    CHECK(epp_message_transfer_op(NULL) == EPP_TRANSFER_OP_NONE);
    CHECK(epp_message_res_data_kind(NULL) == EPP_RES_DATA_KIND_NONE);
    CHECK(epp_message_list_count(NULL, EPP_LIST_NAMES) == 0);
    CHECK(epp_message_result_count(NULL) == 0);
    CHECK(epp_message_check_count(NULL) == 0);
    CHECK(epp_message_extension_count(NULL) == 0);
    CHECK(epp_message_error_code(NULL) == 0);
    CHECK(epp_message_error_offset(NULL) == 0);
    CHECK_RESULT(epp_message_field(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_list_item(NULL, 0, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_result_code(NULL, 0, &code), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_result_msg(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_msgq_count(NULL, &count), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_res_data_xml(NULL, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_check_name(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_check_available(NULL, 0, &avail), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_check_reason(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_extension_namespace(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_extension_xml(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_error_message(NULL, &p, &n), EPP_RESULT_NULL_ARGUMENT);

    /* A fresh handle holds nothing; NULL out-parameters are refused. */
    CHECK_RESULT(epp_message_new(&m), EPP_RESULT_OK);
    CHECK(epp_message_kind(m) == EPP_KIND_NONE);
    CHECK_RESULT(epp_message_read_command(m, NULL, 0), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_field(m, EPP_FIELD_CL_TRID, &p, &n), EPP_RESULT_WRONG_KIND);
    CHECK_RESULT(epp_message_field(m, EPP_FIELD_CL_TRID, NULL, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_field(m, EPP_FIELD_CL_TRID, &p, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_result_code(m, 0, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_msgq_count(m, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_check_available(m, 0, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_error_message(m, &p, &n), EPP_RESULT_WRONG_KIND);
    CHECK(p == NULL && n == 0 && code == 0 && count == 0 && !avail);
    epp_message_free(m);
    epp_message_free(NULL);
    epp_deframer_free(NULL);
}

/* Appends `payload` as one RFC 5734 data unit. */
static size_t put_frame(unsigned char *out, const unsigned char *payload, size_t len) {
    size_t total = len + 4;
    out[0] = (unsigned char)(total >> 24);
    out[1] = (unsigned char)(total >> 16);
    out[2] = (unsigned char)(total >> 8);
    out[3] = (unsigned char)total;
    memcpy(out + 4, payload, len);
    return total;
}

static void test_deframer(epp_message *m) {
    static const char *const files[3] = {"rfc/5730/001-C-s2.3.xml", "rfc/5731/001-C-s3.1.1.xml",
                                         "rfc/5730/015-C-s2.9.1.2.xml"};
    static const epp_command_kind kinds[3] = {EPP_COMMAND_KIND_HELLO, EPP_COMMAND_KIND_CHECK,
                                              EPP_COMMAND_KIND_LOGOUT};
    unsigned char *stream = NULL;
    size_t stream_len = 0, i, frames = 0;
    epp_deframer *d = NULL;
    const uint8_t *frame;
    size_t frame_len;
    uint8_t *area;
    size_t area_len;
    static const uint8_t too_long[4] = {0, 2, 0, 0}; /* 128 KiB */
    static const uint8_t too_short[4] = {0, 0, 0, 3};
    static const char refusal[] = "Session limit exceeded\r\n";
    epp_frame_error fe;
    const char *text;
    size_t text_len;
    char expected[192];

    for (i = 0; i < 3; i++) {
        size_t len;
        unsigned char *payload = load(files[i], &len);
        stream = realloc(stream, stream_len + len + 4);
        stream_len += put_frame(stream + stream_len, payload, len);
        free(payload);
    }

    /* Byte by byte. */
    CHECK_RESULT(epp_deframer_new(0, &d), EPP_RESULT_OK);
    CHECK(epp_deframer_needed(d) == 4);
    for (i = 0; i < stream_len; i++) {
        epp_result r;
        CHECK_RESULT(epp_deframer_push(d, stream + i, 1), EPP_RESULT_OK);
        r = epp_deframer_next(d, &frame, &frame_len);
        if (r == EPP_RESULT_OK) {
            CHECK(frames < 3);
            if (frames < 3) {
                CHECK_RESULT(epp_message_read_command(m, frame, frame_len), EPP_RESULT_OK);
                CHECK(epp_message_command_kind(m) == kinds[frames]);
            }
            frames++;
        } else {
            CHECK(r == EPP_RESULT_INCOMPLETE);
            CHECK(epp_deframer_needed(d) >= 1);
        }
    }
    CHECK(frames == 3);
    CHECK_RESULT(epp_deframer_next(d, &frame, &frame_len), EPP_RESULT_INCOMPLETE);
    CHECK_RESULT(epp_deframer_push(d, NULL, 0), EPP_RESULT_OK);
    CHECK_RESULT(epp_deframer_push(d, NULL, 1), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_deframer_next(d, NULL, &frame_len), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_deframer_read_buf(d, NULL, &area_len), EPP_RESULT_NULL_ARGUMENT);
    epp_deframer_free(d);

    /* Whole stream through read_buf/commit, in one go. */
    d = NULL;
    CHECK_RESULT(epp_deframer_new(64 * 1024, &d), EPP_RESULT_OK);
    CHECK_RESULT(epp_deframer_read_buf(d, &area, &area_len), EPP_RESULT_OK);
    CHECK(area_len >= 4096 && area_len >= stream_len);
    memcpy(area, stream, stream_len);
    CHECK_RESULT(epp_deframer_commit(d, stream_len), EPP_RESULT_OK);
    frames = 0;
    while (epp_deframer_next(d, &frame, &frame_len) == EPP_RESULT_OK) {
        CHECK_RESULT(epp_message_read_command(m, frame, frame_len), EPP_RESULT_OK);
        frames++;
    }
    CHECK(frames == 3);
    CHECK(epp_deframer_needed(d) == 4);
    /* Not failed: no error to tell, and nothing written. */
    memset(&fe, 0xAB, sizeof fe);
    CHECK_RESULT(epp_deframer_error(d, &fe), EPP_RESULT_ABSENT);
    CHECK(fe.length == 0xABABABABu);
    CHECK_RESULT(epp_deframer_error_message(d, &text, &text_len), EPP_RESULT_ABSENT);
    /* A header over the limit kills the stream; the error says what and where. */
    CHECK_RESULT(epp_deframer_push(d, too_long, 4), EPP_RESULT_FRAME_TOO_LONG);
    CHECK_RESULT(epp_deframer_next(d, &frame, &frame_len), EPP_RESULT_FRAME_TOO_LONG);
    CHECK_RESULT(epp_deframer_push(d, stream, 4), EPP_RESULT_FRAME_TOO_LONG);
    CHECK_RESULT(epp_deframer_read_buf(d, &area, &area_len), EPP_RESULT_FRAME_TOO_LONG);
    CHECK(epp_deframer_needed(d) == 0);
    CHECK_RESULT(epp_deframer_error(d, &fe), EPP_RESULT_OK);
    CHECK(fe.kind == EPP_FRAME_ERROR_KIND_LENGTH_TOO_LARGE);
    CHECK(fe.length == 128 * 1024 && fe.max == 64 * 1024);
    CHECK(memcmp(fe.header, too_long, 4) == 0);
    CHECK(fe.offset == stream_len);
    CHECK_RESULT(epp_deframer_error_message(d, &text, &text_len), EPP_RESULT_OK);
    snprintf(expected, sizeof expected,
             "EPP frame header announces a total length of 131072 octets, above the limit "
             "of 65536, at stream offset %lu",
             (unsigned long)stream_len);
    CHECK(text_len == strlen(expected) && memcmp(text, expected, text_len) == 0);
    CHECK_RESULT(epp_deframer_error(d, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_deframer_error(NULL, &fe), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_deframer_error_message(d, NULL, &text_len), EPP_RESULT_NULL_ARGUMENT);
    epp_deframer_free(d);

    /* A server that answers with plain text after the three frames: its
       first four bytes, the length they spell, the default limit, and
       where the text starts. */
    d = NULL;
    CHECK_RESULT(epp_deframer_new(0, &d), EPP_RESULT_OK);
    CHECK_RESULT(epp_deframer_push(d, stream, stream_len), EPP_RESULT_OK);
    CHECK_RESULT(epp_deframer_push(d, (const uint8_t *)refusal, strlen(refusal)),
                 EPP_RESULT_FRAME_INVALID);
    CHECK_RESULT(epp_deframer_error(d, &fe), EPP_RESULT_OK);
    CHECK(fe.kind == EPP_FRAME_ERROR_KIND_UNFRAMED_TEXT);
    CHECK(memcmp(fe.header, "Sess", 4) == 0);
    CHECK(fe.length == 0x53657373u); /* "Sess" read as a big-endian length */
    CHECK(fe.max == 1024 * 1024);
    CHECK(fe.offset == stream_len);
    CHECK_RESULT(epp_deframer_error_message(d, &text, &text_len), EPP_RESULT_OK);
    snprintf(expected, sizeof expected,
             "peer sent text without an EPP frame header: \"Sess\xe2\x80\xa6\", at stream offset %lu",
             (unsigned long)stream_len);
    CHECK(text_len == strlen(expected) && memcmp(text, expected, text_len) == 0);
    /* The frames before the text still come out, then the error. */
    frames = 0;
    while (epp_deframer_next(d, &frame, &frame_len) == EPP_RESULT_OK) {
        frames++;
    }
    CHECK(frames == 3);
    CHECK_RESULT(epp_deframer_next(d, &frame, &frame_len), EPP_RESULT_FRAME_INVALID);
    epp_deframer_free(d);

    d = NULL;
    CHECK_RESULT(epp_deframer_new(0, &d), EPP_RESULT_OK);
    CHECK_RESULT(epp_deframer_push(d, too_short, 4), EPP_RESULT_FRAME_INVALID);
    CHECK_RESULT(epp_deframer_commit(d, 0), EPP_RESULT_FRAME_INVALID);
    CHECK_RESULT(epp_deframer_commit(NULL, 0), EPP_RESULT_NULL_ARGUMENT);
    CHECK(epp_deframer_needed(NULL) == 0);
    epp_deframer_free(d);
    free(stream);
}

/* Contact parts (RFC 5733): a create, an update's <chg>, infData. */
static void test_contacts(epp_message *m) {
    size_t len;
    unsigned char *frame = load("rfc/5733/007-C-s3.2.1.xml", &len);
    const char *p;
    size_t n;
    char buf[64];
    epp_disclose d;
    static const char *const postal[] = {"int",    "John Doe", "Example Inc.", "123 Example Dr.",
                                         "Suite 100", NULL,     "Dulles",       "VA",
                                         "20166-6503", "US"};
    uint32_t f;
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_contact_field(m, EPP_CONTACT_VOICE, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "+1.7035555555"));
    CHECK_RESULT(epp_message_contact_field(m, EPP_CONTACT_VOICE_EXTENSION, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "1234"));
    CHECK_RESULT(epp_message_contact_field(m, EPP_CONTACT_FAX_EXTENSION, &p, &n), EPP_RESULT_ABSENT);
    CHECK_RESULT(epp_message_contact_field(m, EPP_CONTACT_LAST + 1, &p, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(epp_message_contact_field_unescaped(m, EPP_CONTACT_EMAIL, buf, 4, &n),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == strlen("jdoe@example.com"));
    CHECK(epp_message_postal_info_count(m) == 1);
    for (f = 0; f <= EPP_POSTAL_LAST; f++) {
        epp_result r = epp_message_postal_info_field(m, 0, f, &p, &n);
        if (postal[f] == NULL) {
            CHECK(r == EPP_RESULT_ABSENT);
        } else {
            CHECK(r == EPP_RESULT_OK && str_eq(p, n, postal[f]));
        }
    }
    CHECK_RESULT(epp_message_postal_info_field(m, 1, EPP_POSTAL_NAME, &p, &n),
                 EPP_RESULT_INDEX_OUT_OF_RANGE);
    CHECK_RESULT(epp_message_contact_disclose(m, &d), EPP_RESULT_OK);
    CHECK(!d.flag && d.voice && d.email && !d.fax && !d.name_int);
    free(frame);

    frame = load("rfc/5733/013-C-s3.2.5.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_contact_field(m, EPP_CONTACT_FAX, &p, &n), EPP_RESULT_OK);
    CHECK(n == 0);
    CHECK_RESULT(epp_message_postal_info_field(m, 0, EPP_POSTAL_NAME, &p, &n), EPP_RESULT_ABSENT);
    CHECK_RESULT(epp_message_postal_info_field(m, 0, EPP_POSTAL_STREET_1, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "124 Example Dr."));
    CHECK_RESULT(epp_message_contact_disclose(m, &d), EPP_RESULT_OK);
    CHECK(d.flag);
    free(frame);

    frame = load("rfc/5733/004-S-s3.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_contact_field(m, EPP_CONTACT_AUTH_PASSWORD, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "2fooBAR"));
    CHECK_RESULT(epp_message_postal_info_field(m, 0, EPP_POSTAL_COUNTRY_CODE, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "US"));
    free(frame);

    frame = load("rfc/5731/001-C-s3.1.1.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_contact_field(m, EPP_CONTACT_EMAIL, &p, &n), EPP_RESULT_WRONG_KIND);
    CHECK(epp_message_postal_info_count(m) == 0);
    free(frame);
    CHECK(epp_message_postal_info_count(NULL) == 0);
    CHECK_RESULT(epp_message_contact_field(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_contact_field(m, 0, NULL, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_contact_disclose(m, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_period(NULL, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_object_field(NULL, 0, &p, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK(epp_message_address_version(NULL, EPP_LIST_ADDRESSES, 0) == EPP_IP_VERSION_NONE);
    CHECK(epp_message_name_server_form(NULL, EPP_LIST_NAME_SERVERS) == EPP_NAME_SERVER_FORM_NONE);
    CHECK(epp_message_name_server_address_count(NULL, EPP_LIST_NAME_SERVERS, 0) == 0);
}

/* Periods, address versions, host attributes, changes, transfer data. */
static void test_object_parts(epp_message *m) {
    size_t len, n;
    const char *p;
    epp_period period;
    epp_ip_version v;
    unsigned char *frame = load("rfc/5731/009-C-s3.2.1.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_period(m, &period), EPP_RESULT_OK);
    CHECK(period.value == 2 && period.unit == EPP_PERIOD_UNIT_YEARS);
    CHECK(epp_message_name_server_form(m, EPP_LIST_NAME_SERVERS) == EPP_NAME_SERVER_FORM_HOST_OBJECTS);
    free(frame);

    frame = load("instant-epp/request/domain/create_with_host_attr.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_name_server_form(m, EPP_LIST_NAME_SERVERS) ==
          EPP_NAME_SERVER_FORM_HOST_ATTRIBUTES);
    CHECK(epp_message_name_server_address_count(m, EPP_LIST_NAME_SERVERS, 0) == 0);
    CHECK(epp_message_name_server_address_count(m, EPP_LIST_NAME_SERVERS, 1) == 2);
    CHECK_RESULT(epp_message_name_server_address(m, EPP_LIST_NAME_SERVERS, 1, 0, &p, &n, &v),
                 EPP_RESULT_OK);
    CHECK(str_eq(p, n, "177.232.12.58") && v == EPP_IP_VERSION_V4);
    CHECK_RESULT(epp_message_name_server_address(m, EPP_LIST_NAME_SERVERS, 1, 2, &p, &n, &v),
                 EPP_RESULT_INDEX_OUT_OF_RANGE);
    CHECK_RESULT(epp_message_name_server_address(m, EPP_LIST_NAME_SERVERS, 1, 0, &p, &n, NULL),
                 EPP_RESULT_NULL_ARGUMENT);
    free(frame);

    frame = load("rfc/5732/009-C-s3.2.5.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_address_version(m, EPP_LIST_ADDRESSES_ADD, 0) == EPP_IP_VERSION_V4);
    CHECK(epp_message_address_version(m, EPP_LIST_ADDRESSES_REMOVE, 0) == EPP_IP_VERSION_V6);
    CHECK(epp_message_address_version(m, EPP_LIST_ADDRESSES_REMOVE, 1) == EPP_IP_VERSION_NONE);
    CHECK_RESULT(epp_message_object_field(m, EPP_OBJECT_NEW_NAME, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "ns2.example.com"));
    CHECK_RESULT(epp_message_period(m, &period), EPP_RESULT_WRONG_KIND);
    free(frame);

    frame = load("rfc/5731/017-C-s3.2.5.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_object_field(m, EPP_OBJECT_NEW_REGISTRANT, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "sh8013"));
    free(frame);

    frame = load("rfc/5731/016-S-s3.2.4.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_object_field(m, EPP_OBJECT_TRANSFER_STATUS, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "pending"));
    CHECK_RESULT(epp_message_object_field(m, EPP_OBJECT_LAST + 1, &p, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    {
        epp_datetime t;
        CHECK_RESULT(epp_message_object_field_datetime(m, EPP_OBJECT_REQUESTED, &t), EPP_RESULT_OK);
        CHECK(t.year == 2000 && t.month == 6 && t.day == 8);
        CHECK_RESULT(epp_message_object_field_datetime(m, EPP_OBJECT_REQUESTED, NULL),
                     EPP_RESULT_NULL_ARGUMENT);
    }
    free(frame);

    frame = load("rfc/5731/017-C-s3.2.5.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_status_text(m, EPP_LIST_STATUSES_ADD, 0, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "Payment overdue."));
    CHECK_RESULT(epp_message_status_lang(m, EPP_LIST_STATUSES_ADD, 0, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "en"));
    CHECK_RESULT(epp_message_status_text(m, EPP_LIST_STATUSES_REMOVE, 0, &p, &n), EPP_RESULT_ABSENT);
    free(frame);
}

/* Writes with a writer into `out`, then reads it back as a command. */
#define WRITE_AND_READ(m, call_with_buf)                                    \
    do {                                                                    \
        unsigned char *buf = out;                                           \
        size_t cap = sizeof out;                                            \
        CHECK_RESULT(call_with_buf, EPP_RESULT_OK);                         \
        CHECK_RESULT(epp_message_read_command(m, out, n), EPP_RESULT_OK);   \
        (void)buf;                                                          \
        (void)cap;                                                          \
    } while (0)

static void test_command_writers(epp_message *m) {
    static unsigned char out[4096];
    size_t n = 0, needed = 0;
    const char *p;
    size_t pn;
    epp_period period;
    epp_str ns[2];
    epp_domain_contact contacts[1];
    epp_str statuses[1];
    epp_domain_add_remove add;
    epp_str addrs[2];
    epp_host_add_remove hadd;
    epp_postal_info_in info;
    epp_contact_details details;
    epp_disclose disclose;
    ns[0] = s("ns1.example.net");
    ns[1] = s("ns2.example.net");
    contacts[0].contact_type = s("admin");
    contacts[0].id = s("sh8013");

    /* Size first, then a buffer one byte short, then the real write. */
    CHECK_RESULT(epp_write_domain_create(s("example.com"), 2, EPP_PERIOD_UNIT_YEARS, ns, 2,
                                         s("jd1234"), contacts, 1, s("2fooBAR"), NONE, 0, NULL,
                                         0, &needed),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK_RESULT(epp_write_domain_create(s("example.com"), 2, EPP_PERIOD_UNIT_YEARS, ns, 2,
                                         s("jd1234"), contacts, 1, s("2fooBAR"), NONE, 0, out,
                                         needed - 1, &n),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    WRITE_AND_READ(m, epp_write_domain_create(s("example.com"), 2, EPP_PERIOD_UNIT_YEARS, ns, 2,
                                              s("jd1234"), contacts, 1, s("2fooBAR"), NONE, 0,
                                              buf, cap, &n));
    CHECK(n == needed);
    CHECK_RESULT(epp_message_period(m, &period), EPP_RESULT_OK);
    CHECK(period.value == 2);
    CHECK(item_is(m, EPP_LIST_NAME_SERVERS, 1, "ns2.example.net"));
    CHECK_RESULT(epp_write_domain_create(s("example.com"), 100, EPP_PERIOD_UNIT_YEARS, NULL, 0,
                                         NONE, NULL, 0, s("pw"), NONE, 0, out, sizeof out, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(epp_write_domain_create(s("example.com"), 0, EPP_PERIOD_UNIT_NONE, NULL, 2, NONE,
                                         NULL, 0, s("pw"), NONE, 0, out, sizeof out, &n),
                 EPP_RESULT_NULL_ARGUMENT);

    statuses[0] = s("clientHold");
    add.name_servers = ns;
    add.name_server_count = 1;
    add.contacts = contacts;
    add.contact_count = 1;
    add.statuses = statuses;
    add.status_count = 1;
    WRITE_AND_READ(m, epp_write_domain_update(s("example.com"), &add, NULL, s("newreg"), NONE, NONE,
                                              0, buf, cap, &n));
    CHECK(item_is(m, EPP_LIST_STATUSES_ADD, 0, "clientHold"));
    CHECK_RESULT(epp_message_object_field(m, EPP_OBJECT_NEW_REGISTRANT, &p, &pn), EPP_RESULT_OK);
    CHECK(str_eq(p, pn, "newreg"));
    statuses[0] = s("notAStatus");
    CHECK_RESULT(epp_write_domain_update(s("example.com"), &add, NULL, NONE, NONE, NONE, 0, out,
                                         sizeof out, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    WRITE_AND_READ(m, epp_write_domain_renew(s("example.com"), s("2000-04-03"), 5,
                                             EPP_PERIOD_UNIT_YEARS, NONE, 0, buf, cap, &n));
    CHECK(field_is(m, EPP_FIELD_CURRENT_EXPIRY, "2000-04-03"));
    WRITE_AND_READ(m, epp_write_domain_transfer(EPP_TRANSFER_OP_APPROVE, s("example.com"), 0,
                                                EPP_PERIOD_UNIT_NONE, NONE, NONE, 0, buf, cap,
                                                &n));
    CHECK(epp_message_transfer_op(m) == EPP_TRANSFER_OP_APPROVE);
    WRITE_AND_READ(m, epp_write_domain_delete(s("example.com"), s("ABC-1"), 0, buf, cap, &n));
    CHECK(field_is(m, EPP_FIELD_CL_TRID, "ABC-1"));

    addrs[0] = s("192.0.2.2");
    addrs[1] = s("1080:0:0:0:8:800:200C:417A");
    WRITE_AND_READ(m, epp_write_host_create(s("ns1.example.com"), addrs, 2, NONE, 0, buf, cap, &n));
    CHECK(epp_message_address_version(m, EPP_LIST_ADDRESSES, 1) == EPP_IP_VERSION_V6);
    hadd.addresses = addrs;
    hadd.address_count = 1;
    hadd.statuses = NULL;
    hadd.status_count = 0;
    WRITE_AND_READ(m, epp_write_host_update(s("ns1.example.com"), &hadd, NULL, s("ns9.example.com"),
                                            NONE, 0, buf, cap, &n));
    CHECK(item_is(m, EPP_LIST_ADDRESSES_ADD, 0, "192.0.2.2"));
    WRITE_AND_READ(m, epp_write_host_check(addrs, 1, NONE, 0, buf, cap, &n));
    WRITE_AND_READ(m, epp_write_host_info(s("ns1.example.com"), NONE, 0, buf, cap, &n));
    WRITE_AND_READ(m, epp_write_host_delete(s("ns1.example.com"), NONE, 0, buf, cap, &n));
    CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "ns1.example.com"));

    memset(&info, 0, sizeof info);
    info.info_type = EPP_POSTAL_LOC;
    info.name = s("John Doe");
    info.streets[0] = s("123 Example Dr.");
    info.city = s("Dulles");
    info.country_code = s("US");
    memset(&details, 0, sizeof details);
    memset(&disclose, 0, sizeof disclose);
    disclose.flag = true;
    disclose.addr_loc = true;
    details.postal_infos = &info;
    details.postal_info_count = 1;
    details.email = s("jdoe@example.com");
    details.auth_password = s("2fooBAR");
    details.fax = s("+1.7035555556");
    details.disclose = &disclose;
    WRITE_AND_READ(m, epp_write_contact_create(s("sh8013"), &details, NONE, EPP_WRITE_NO_DECLARATION,
                                               buf, cap, &n));
    CHECK_RESULT(epp_message_postal_info_field(m, 0, EPP_POSTAL_TYPE, &p, &pn), EPP_RESULT_OK);
    CHECK(str_eq(p, pn, "loc"));
    CHECK_RESULT(epp_message_contact_disclose(m, &disclose), EPP_RESULT_OK);
    CHECK(disclose.flag && disclose.addr_loc && !disclose.addr_int);
    info.city = NONE;
    CHECK_RESULT(epp_write_contact_create(s("sh8013"), &details, NONE, 0, out, sizeof out, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    memset(&details, 0, sizeof details);
    details.voice = s("+1.7034444444");
    statuses[0] = s("clientDeleteProhibited");
    WRITE_AND_READ(m, epp_write_contact_update(s("sh8013"), statuses, 1, NULL, 0, &details, NONE, 0,
                                               buf, cap, &n));
    CHECK(item_is(m, EPP_LIST_STATUSES_ADD, 0, "clientDeleteProhibited"));
    statuses[0] = s("sh8013");
    WRITE_AND_READ(m, epp_write_contact_check(statuses, 1, NONE, 0, buf, cap, &n));
    WRITE_AND_READ(m, epp_write_contact_info(s("sh8013"), NONE, NONE, 0, buf, cap, &n));
    WRITE_AND_READ(m, epp_write_contact_transfer(EPP_TRANSFER_OP_QUERY, s("sh8013"), NONE, NONE, 0,
                                                 buf, cap, &n));
    WRITE_AND_READ(m, epp_write_contact_delete(s("sh8013"), NONE, 0, buf, cap, &n));
    CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "sh8013"));
    CHECK_RESULT(epp_write_contact_delete(s("sh8013"), NONE, 0, out, sizeof out, NULL),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_write_contact_transfer(EPP_TRANSFER_OP_NONE, s("sh8013"), NONE, NONE, 0, out,
                                            sizeof out, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
}

/* Typed extensions: secDNS, fee, launch. */
static void test_typed_extensions(epp_message *m) {
    size_t len, n;
    const char *p;
    uint64_t v = 0;
    unsigned char *frame = load("ext/examples/5910/004-C-s5.2.1.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_SEC_DNS_CREATE);
    CHECK(epp_message_ext_kind(m, 1) == EPP_EXT_KIND_NONE);
    CHECK(epp_message_ext_count(m, 0, EPP_EXT_LIST_DS_DATA) == 1);
    CHECK_RESULT(epp_message_ext_number(m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_KEY_TAG, &v),
                 EPP_RESULT_OK);
    CHECK(v == 12345);
    CHECK_RESULT(epp_message_ext_string(m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_DIGEST, &p, &n),
                 EPP_RESULT_OK);
    CHECK(str_eq(p, n, "49FD46E6C4B45C55D4AC"));
    CHECK_RESULT(epp_message_ext_string(m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_KEY_TAG, &p, &n),
                 EPP_RESULT_WRONG_KIND);
    CHECK_RESULT(epp_message_ext_number(m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_KEY_TAG, NULL),
                 EPP_RESULT_NULL_ARGUMENT);
    free(frame);
    frame = load("ext/examples/8748/004-S-s5.1.1.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_FEE_DATA);
    CHECK_RESULT(epp_message_ext_string(m, 0, EPP_EXT_LIST_SELF, 0, EPP_EXT_CURRENCY, &p, &n),
                 EPP_RESULT_OK);
    CHECK(str_eq(p, n, "USD"));
    CHECK(epp_message_ext_count(m, 0, EPP_EXT_LIST_FEE_CHECK_ITEMS) == 3);
    free(frame);
    frame = load("ext/examples/8334/001-S-s2.5.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_ext_string(m, 0, EPP_EXT_LIST_SELF, 0, EPP_EXT_PHASE, &p, &n),
                 EPP_RESULT_OK);
    CHECK(str_eq(p, n, "sunrise"));
    free(frame);
    CHECK(epp_message_ext_kind(NULL, 0) == EPP_EXT_KIND_NONE);
    CHECK(epp_message_ext_count(NULL, 0, 0) == 0);
}

/* String field `field` of an extension item equals `want` (NULL: absent). */
static int ext_is(const epp_message *m, size_t index, uint32_t list, size_t item, uint32_t field,
                  const char *want) {
    const char *p = NULL;
    size_t n = 0;
    epp_result r = epp_message_ext_string(m, index, list, item, field, &p, &n);
    if (want == NULL) return r == EPP_RESULT_ABSENT;
    return r == EPP_RESULT_OK && str_eq(p, n, want);
}

/* Number field `field` of an extension item. */
static uint64_t ext_num(const epp_message *m, size_t index, uint32_t list, size_t item,
                        uint32_t field) {
    uint64_t v = UINT64_MAX;
    if (epp_message_ext_number(m, index, list, item, field, &v) != EPP_RESULT_OK) return UINT64_MAX;
    return v;
}

static void read_text(epp_message *m, const char *xml, int command) {
    size_t len = strlen(xml);
    epp_result r = command ? epp_message_read_command(m, (const unsigned char *)xml, len)
                           : epp_message_read_response(m, (const unsigned char *)xml, len);
    CHECK_RESULT(r, EPP_RESULT_OK);
}

#define RESPONSE_WITH(ext)                                                              \
    "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\"1000\">" \
    "<msg>Command completed successfully</msg></result><extension>" ext             \
    "</extension><trID><svTRID>54322-XYZ</svTRID></trID></response></epp>"

/* One message of every kind ext_more.rs adds, and the lists it adds. */
static void test_more_extensions(epp_message *m) {
    size_t len;
    const size_t D = EPP_EXT_INDEX_DATA;
    const uint32_t SELF = EPP_EXT_LIST_SELF;
    unsigned char *frame = load("ext/examples/8748/004-S-s5.1.1.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_count(m, 0, EPP_EXT_LIST_FEE_CHECK_COMMANDS) >= 5);
    CHECK(ext_is(m, 0, EPP_EXT_LIST_FEE_CHECK_COMMANDS, 0, EPP_EXT_COMMAND, "create"));
    CHECK(ext_num(m, 0, EPP_EXT_LIST_FEE_CHECK_COMMANDS, 0, EPP_EXT_PERIOD) == 2);
    CHECK(ext_is(m, 0, EPP_EXT_LIST_FEE_CHECK_COMMANDS, 0, EPP_EXT_PERIOD_UNIT, "y"));
    CHECK(ext_num(m, 0, EPP_EXT_LIST_FEE_CHECK_COMMANDS, 0, EPP_EXT_PARENT) == 0);
    CHECK(ext_is(m, 0, EPP_EXT_LIST_FEE_CHECK_FEES, 0, EPP_EXT_AMOUNT, "10.00"));
    CHECK(ext_num(m, 0, EPP_EXT_LIST_FEE_CHECK_FEES, 0, EPP_EXT_PARENT) == 0);
    CHECK(epp_message_ext_count(m, 0, EPP_EXT_LIST_FEE_CHECK_CREDITS) == 0);
    CHECK(epp_message_ext_kind(m, D) == EPP_EXT_KIND_RAW);
    free(frame);

    frame = load("ext/examples/8334/012-C-s3.3.1.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_LAUNCH);
    CHECK(epp_message_ext_count(m, 0, EPP_EXT_LIST_LAUNCH_CODE_MARKS) == 3);
    CHECK(ext_is(m, 0, EPP_EXT_LIST_LAUNCH_CODE_MARKS, 0, EPP_EXT_VALIDATOR_ID, "sample1"));
    CHECK(ext_is(m, 0, EPP_EXT_LIST_LAUNCH_CODE_MARKS, 1, EPP_EXT_CODE, "49FD46E6C4B45C55D4AD"));
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_CREATE_TYPE, NULL));
    CHECK(epp_message_ext_kind(m, D) == EPP_EXT_KIND_NONE);
    free(frame);
    frame = load("ext/examples/8334/017-C-s3.3.2.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_count(m, 0, EPP_EXT_LIST_LAUNCH_NOTICES) == 2);
    CHECK(ext_is(m, 0, EPP_EXT_LIST_LAUNCH_NOTICES, 1, EPP_EXT_VALIDATOR_ID, "custom-tmch"));
    free(frame);
    frame = load("ext/examples/8334/018-C-s3.3.3.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_CREATE_TYPE, "application"));
    free(frame);

    frame = load("ext/examples/8590/001-S-s3.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_CHANGE_POLL);
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_STATE, "before"));
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_WHO, "URS Admin"));
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_CASE_TYPE, "urs"));
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_REASON, "URS Lock"));
    free(frame);

    frame = load("ext/examples/9095/002-S-s6.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_BUNDLING);
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_BUNDLE_DATA, "infData"));
    CHECK(ext_is(m, 0, EPP_EXT_LIST_BUNDLE_NAMES, 0, EPP_EXT_NAME, "xn--fsqz41a.example"));
    free(frame);

    frame = load("ext/examples/9167/001-C-s4.1.1.1.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, D) == EPP_EXT_KIND_MAINTENANCE_INFO);
    CHECK(ext_is(m, D, SELF, 0, EPP_EXT_MAINTENANCE_ID, "2e6df9b0-4092-4491-bcc8-9fb2166dcee6"));
    free(frame);
    frame = load("ext/examples/9167/002-S-s4.1.1.1.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, D) == EPP_EXT_KIND_MAINTENANCE_ITEM);
    CHECK(ext_is(m, D, SELF, 0, EPP_EXT_ENVIRONMENT, "production"));
    CHECK(ext_num(m, D, SELF, 0, EPP_EXT_CONNECTION) == 0);
    CHECK(ext_is(m, D, EPP_EXT_LIST_MAINTENANCE_SYSTEMS, 0, EPP_EXT_IMPACT, "full"));
    CHECK(ext_is(m, D, EPP_EXT_LIST_MAINTENANCE_TLDS, 1, EPP_EXT_TEXT, "test"));
    CHECK(epp_message_ext_count(m, D, EPP_EXT_LIST_MAINTENANCE_DESCRIPTIONS) == 2);
    free(frame);
    frame = load("ext/examples/9167/004-S-s4.1.1.2.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, D) == EPP_EXT_KIND_MAINTENANCE_LIST);
    CHECK(epp_message_ext_count(m, D, EPP_EXT_LIST_MAINTENANCE_LIST_ITEMS) == 2);
    free(frame);

    frame = load("instant-epp/response/extensions/namestore.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_VERISIGN_NAMESTORE);
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_SUB_PRODUCT, "com"));
    free(frame);
    frame = load("instant-epp/request/extensions/consolidate.xml", &len);
    CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_VERISIGN_SYNC);
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_EXP_MONTH_DAY, "--05-31"));
    free(frame);
    frame = load("instant-epp/response/poll/poll_low_balance.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, D) == EPP_EXT_KIND_VERISIGN_LOW_BALANCE);
    CHECK(ext_is(m, D, SELF, 0, EPP_EXT_AVAILABLE_CREDIT, "491.31"));
    CHECK(ext_is(m, D, SELF, 0, EPP_EXT_THRESHOLD_TYPE, "FIXED"));
    free(frame);
    frame = load("instant-epp/response/poll/poll_rgp_restore.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_ext_kind(m, D) == EPP_EXT_KIND_VERISIGN_RGP_POLL);
    CHECK(ext_is(m, D, SELF, 0, EPP_EXT_REPORT_DUE_DATE, "2024-05-29T21:17:58Z"));
    free(frame);

    read_text(m,
              RESPONSE_WITH("<namestoreExt:nsExtErrData xmlns:namestoreExt="
                            "\"http://www.verisign-grs.com/epp/namestoreExt-1.1\">"
                            "<namestoreExt:msg code=\"1\">Specified sub-product does not exist"
                            "</namestoreExt:msg></namestoreExt:nsExtErrData>"),
              0);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_VERISIGN_NAMESTORE_ERROR);
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_ERROR_CODE, "1"));
    read_text(m,
              RESPONSE_WITH("<addlEmail:addlEmail xmlns:addlEmail="
                            "\"urn:ietf:params:xml:ns:epp:addlEmail-1.0\" primary=\"true\">"
                            "<addlEmail:email>EAI@example.test</addlEmail:email>"
                            "</addlEmail:addlEmail>"),
              0);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_ADDL_EMAIL);
    CHECK(ext_is(m, 0, SELF, 0, EPP_EXT_EMAIL, "EAI@example.test"));
    CHECK(ext_num(m, 0, SELF, 0, EPP_EXT_PRIMARY) == 1);
    read_text(m,
              RESPONSE_WITH("<secDNS:infData xmlns:secDNS=\"urn:ietf:params:xml:ns:secDNS-1.0\">"
                            "<secDNS:dsData><secDNS:keyTag>12345</secDNS:keyTag>"
                            "<secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType>"
                            "<secDNS:digest>49FD46E6C4B45C55D4AC</secDNS:digest>"
                            "</secDNS:dsData></secDNS:infData>"),
              0);
    CHECK(epp_message_ext_kind(m, 0) == EPP_EXT_KIND_SEC_DNS_INFO);
    CHECK(ext_num(m, 0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_KEY_TAG) == 12345);
    CHECK(epp_message_ext_count(NULL, D, SELF) == 0);
}

/* The contact and object accessors on one message (any kind). */
static void touch_objects(const epp_message *m) {
    const char *p;
    size_t n, i, a, count;
    uint32_t f;
    char buf[4096];
    epp_disclose d;
    epp_period period;
    epp_ip_version v;
    static const uint32_t addr_lists[] = {EPP_LIST_ADDRESSES, EPP_LIST_ADDRESSES_ADD,
                                          EPP_LIST_ADDRESSES_REMOVE};
    static const uint32_t ns_lists[] = {EPP_LIST_NAME_SERVERS, EPP_LIST_NAME_SERVERS_ADD,
                                        EPP_LIST_NAME_SERVERS_REMOVE};
    for (f = 0; f <= EPP_CONTACT_LAST + 1; f++) {
        epp_result r = epp_message_contact_field(m, f, &p, &n);
        CHECK(epp_message_contact_field_unescaped(m, f, buf, sizeof buf, &n) == r);
    }
    count = epp_message_postal_info_count(m);
    for (i = 0; i <= count; i++) {
        for (f = 0; f <= EPP_POSTAL_LAST; f++) {
            epp_result r = epp_message_postal_info_field(m, i, f, &p, &n);
            CHECK(i < count || r == EPP_RESULT_INDEX_OUT_OF_RANGE ||
                  (count == 0 && (r == EPP_RESULT_WRONG_KIND || r == EPP_RESULT_ABSENT)));
            CHECK(epp_message_postal_info_field_unescaped(m, i, f, buf, sizeof buf, &n) == r);
        }
    }
    (void)epp_message_contact_disclose(m, &d);
    if (epp_message_period(m, &period) == EPP_RESULT_OK) {
        CHECK(period.value >= 1 && period.value <= 99 && period.unit != EPP_PERIOD_UNIT_NONE);
    }
    for (i = 0; i < 3; i++) {
        count = epp_message_list_count(m, addr_lists[i]);
        for (a = 0; a < count; a++) {
            v = epp_message_address_version(m, addr_lists[i], a);
            CHECK(v == EPP_IP_VERSION_V4 || v == EPP_IP_VERSION_V6);
        }
        CHECK(epp_message_address_version(m, addr_lists[i], count) == EPP_IP_VERSION_NONE);
    }
    for (i = 0; i < 3; i++) {
        (void)epp_message_name_server_form(m, ns_lists[i]);
        count = epp_message_list_count(m, ns_lists[i]);
        for (a = 0; a < count; a++) {
            size_t k, addrs = epp_message_name_server_address_count(m, ns_lists[i], a);
            for (k = 0; k < addrs; k++) {
                CHECK_RESULT(epp_message_name_server_address(m, ns_lists[i], a, k, &p, &n, &v),
                             EPP_RESULT_OK);
            }
        }
    }
    for (f = 0; f <= EPP_OBJECT_LAST + 1; f++) {
        epp_datetime t;
        epp_result r = epp_message_object_field(m, f, &p, &n);
        CHECK(epp_message_object_field_unescaped(m, f, buf, sizeof buf, &n) == r);
        (void)epp_message_object_field_datetime(m, f, &t);
    }
    for (i = 0; i < 3; i++) {
        static const uint32_t status_lists[] = {EPP_LIST_STATUSES, EPP_LIST_STATUSES_ADD,
                                                EPP_LIST_STATUSES_REMOVE};
        count = epp_message_list_count(m, status_lists[i]);
        for (a = 0; a <= count; a++) {
            epp_result r = epp_message_status_text(m, status_lists[i], a, &p, &n);
            CHECK(a < count || r == EPP_RESULT_INDEX_OUT_OF_RANGE || r == EPP_RESULT_WRONG_KIND);
            CHECK(epp_message_status_text_unescaped(m, status_lists[i], a, buf, sizeof buf, &n) ==
                  r);
            (void)epp_message_status_lang(m, status_lists[i], a, &p, &n);
        }
    }
    count = epp_message_extension_count(m);
    for (i = 0; i <= count; i++) {
        uint32_t l;
        CHECK((epp_message_ext_kind(m, i) == EPP_EXT_KIND_NONE) == (i == count));
        for (l = 0; l <= EPP_EXT_LIST_LAST + 1; l++) {
            size_t item, items = epp_message_ext_count(m, i, l);
            for (item = 0; item <= items; item++) {
                for (f = 0; f <= EPP_EXT_LAST + 1; f++) {
                    uint64_t num;
                    epp_result rs = epp_message_ext_string(m, i, l, item, f, &p, &n);
                    epp_result rn = epp_message_ext_number(m, i, l, item, f, &num);
                    CHECK(!(rs == EPP_RESULT_OK && rn == EPP_RESULT_OK));
                    CHECK(epp_message_ext_string_unescaped(m, i, l, item, f, buf, sizeof buf,
                                                           &n) == rs);
                    CHECK(item < items || rs != EPP_RESULT_OK);
                }
            }
        }
    }
}

/* Every accessor on one message; results must be known numbers. */
static void touch_everything(const epp_message *m) {
    const char *p;
    size_t n, i, count;
    uint32_t f, l;
    uint16_t code;
    uint64_t q;
    bool avail;
    char buf[4096];
    epp_datetime t;
    for (f = 0; f <= EPP_FIELD_LAST + 1; f++) {
        epp_result r = epp_message_field(m, f, &p, &n);
        size_t raw_len = n;
        CHECK(r == EPP_RESULT_OK || r == EPP_RESULT_ABSENT || r == EPP_RESULT_WRONG_KIND ||
              r == EPP_RESULT_INVALID_ARGUMENT);
        CHECK(epp_message_field_unescaped(m, f, buf, sizeof buf, &n) == r);
        if (r == EPP_RESULT_OK) {
            /* The value is never longer than the text as written. */
            CHECK(n <= raw_len);
        }
        (void)epp_message_field_datetime(m, f, &t);
    }
    for (l = 0; l <= EPP_LIST_LAST; l++) {
        count = epp_message_list_count(m, l);
        for (i = 0; i < count; i++) {
            CHECK_RESULT(epp_message_list_item(m, l, i, &p, &n), EPP_RESULT_OK);
            CHECK_RESULT(epp_message_list_item_unescaped(m, l, i, buf, sizeof buf, &n),
                         EPP_RESULT_OK);
        }
    }
    count = epp_message_result_count(m);
    for (i = 0; i < count; i++) {
        CHECK_RESULT(epp_message_result_code(m, i, &code), EPP_RESULT_OK);
        CHECK(code >= 1000 && code <= 2999);
        (void)epp_message_result_msg(m, i, &p, &n);
        (void)epp_message_result_msg_unescaped(m, i, buf, sizeof buf, &n);
    }
    count = epp_message_check_count(m);
    for (i = 0; i < count; i++) {
        (void)epp_message_check_name(m, i, &p, &n);
        (void)epp_message_check_available(m, i, &avail);
        (void)epp_message_check_reason(m, i, &p, &n);
    }
    count = epp_message_extension_count(m);
    for (i = 0; i < count; i++) {
        CHECK_RESULT(epp_message_extension_namespace(m, i, &p, &n), EPP_RESULT_OK);
        CHECK_RESULT(epp_message_extension_xml(m, i, &p, &n), EPP_RESULT_OK);
    }
    (void)epp_message_msgq_count(m, &q);
    (void)epp_message_res_data_kind(m);
    (void)epp_message_res_data_xml(m, &p, &n);
    (void)epp_message_command_kind(m);
    (void)epp_message_object(m);
    (void)epp_message_poll_op(m);
    (void)epp_message_transfer_op(m);
    if (epp_message_kind(m) == EPP_KIND_ERROR) {
        CHECK_RESULT(epp_message_error_message(m, &p, &n), EPP_RESULT_OK);
    }
    touch_objects(m);
}

/* A span from the bulk accessors is the very string a single-value getter
 * handed out (r, p, n): the same bytes of the frame, or, when detached, the
 * same length. */
static void span_is(const unsigned char *frame, size_t len, epp_span sp, epp_result r,
                    const char *p, size_t n) {
    if (r != EPP_RESULT_OK) {
        CHECK(sp.flags == 0 && sp.offset == 0 && sp.len == 0);
        return;
    }
    CHECK((sp.flags & EPP_SPAN_PRESENT) != 0);
    CHECK(sp.len == n);
    if ((sp.flags & EPP_SPAN_DETACHED) != 0) {
        CHECK(sp.offset == 0);
    } else if (n > 0) {
        CHECK((size_t)sp.offset + sp.len <= len);
        CHECK((const unsigned char *)p == frame + sp.offset);
    }
}

/* The bulk accessors agree with the single-value ones on every value. */
static void bulk_agrees(const epp_message *m, const unsigned char *frame, size_t len) {
    epp_span fields[EPP_FIELD_COUNT], items[256];
    uint32_t counts[EPP_LIST_COUNT];
    epp_result_entry results[16];
    epp_check_entry cds[64];
    epp_bulk b;
    const char *p;
    size_t n, i, at = 0, total = 0;
    uint32_t f, l;
    uint16_t code;
    bool avail;
    epp_result r = epp_message_fields(m, fields, EPP_FIELD_COUNT, &n);
    epp_kind kind = epp_message_kind(m);
    if (kind != EPP_KIND_COMMAND && kind != EPP_KIND_RESPONSE && kind != EPP_KIND_GREETING) {
        CHECK_RESULT(r, EPP_RESULT_WRONG_KIND);
        return;
    }
    CHECK_RESULT(r, EPP_RESULT_OK);
    CHECK(n == EPP_FIELD_COUNT);
    for (f = 0; f < EPP_FIELD_COUNT; f++) {
        r = epp_message_field(m, f, &p, &n);
        span_is(frame, len, fields[f], r, p, n);
    }
    CHECK_RESULT(epp_message_lists(m, counts, EPP_LIST_COUNT, items, 256, &total), EPP_RESULT_OK);
    for (l = 0; l < EPP_LIST_COUNT; l++) {
        CHECK(counts[l] == epp_message_list_count(m, l));
        for (i = 0; i < counts[l] && at < 256; i++, at++) {
            r = epp_message_list_item(m, l, i, &p, &n);
            span_is(frame, len, items[at], r, p, n);
        }
    }
    CHECK(at == total);
    r = epp_message_results(m, results, 16, &n);
    CHECK(r == (kind == EPP_KIND_RESPONSE ? EPP_RESULT_OK : EPP_RESULT_WRONG_KIND));
    if (r == EPP_RESULT_OK) {
        CHECK(n == epp_message_result_count(m));
        for (i = 0; i < n; i++) {
            CHECK_RESULT(epp_message_result_code(m, i, &code), EPP_RESULT_OK);
            CHECK(results[i].code == code);
            r = epp_message_result_msg(m, i, &p, &n);
            span_is(frame, len, results[i].msg, r, p, n);
            n = epp_message_result_count(m);
        }
    }
    r = epp_message_checks(m, cds, 64, &n);
    if (r == EPP_RESULT_OK) {
        CHECK(n == epp_message_check_count(m));
        for (i = 0; i < n; i++) {
            size_t count = n;
            r = epp_message_check_name(m, i, &p, &n);
            span_is(frame, len, cds[i].name, r, p, n);
            r = epp_message_check_reason(m, i, &p, &n);
            span_is(frame, len, cds[i].reason, r, p, n);
            r = epp_message_check_available(m, i, &avail);
            CHECK(cds[i].available ==
                  (r == EPP_RESULT_OK ? (uint32_t)avail : EPP_CHECK_AVAILABLE_UNKNOWN));
            n = count;
        }
    }
    /* The one-call form fills the same. */
    memset(&b, 0, sizeof b);
    b.fields = fields;
    b.fields_cap = EPP_FIELD_COUNT;
    b.counts = counts;
    b.counts_cap = EPP_LIST_COUNT;
    b.items = items;
    b.items_cap = 256;
    b.results = results;
    b.results_cap = 16;
    b.checks = cds;
    b.checks_cap = 64;
    CHECK_RESULT(epp_message_bulk(m, &b), EPP_RESULT_OK);
    CHECK(b.items_len == at);
    CHECK(b.results_len == epp_message_result_count(m));
    CHECK(b.checks_len == epp_message_check_count(m));
}

/* The bulk accessors' NULL, short-buffer and wrong-kind paths. */
static void test_bulk(epp_message *m) {
    size_t len, n = 777;
    unsigned char *frame = load("rfc/5731/005-S-s3.1.2.xml", &len);
    epp_span fields[EPP_FIELD_COUNT], items[4];
    uint32_t counts[EPP_LIST_COUNT];
    epp_result_entry results[1];
    epp_check_entry cds[1];
    epp_bulk b;
    size_t before;
    memset(counts, 0xff, sizeof counts);
    CHECK_RESULT(epp_message_fields(NULL, fields, EPP_FIELD_COUNT, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_fields(m, NULL, EPP_FIELD_COUNT, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_fields(m, fields, EPP_FIELD_COUNT, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_lists(m, NULL, EPP_LIST_COUNT, items, 4, &n),
                 EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_results(m, NULL, 1, &n), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_checks(m, cds, 1, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_bulk(m, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK(n == 777);

    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_fields(m, fields, EPP_FIELD_COUNT - 1, &n),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == EPP_FIELD_COUNT);
    CHECK_RESULT(epp_message_fields(m, fields, EPP_FIELD_COUNT, &n), EPP_RESULT_OK);
    CHECK(fields[EPP_FIELD_OBJECT_NAME].flags == EPP_SPAN_PRESENT);
    CHECK(fields[EPP_FIELD_OBJECT_NAME].len == 11 &&
          memcmp(frame + fields[EPP_FIELD_OBJECT_NAME].offset, "example.com", 11) == 0);
    CHECK(fields[EPP_FIELD_LOGIN_CLIENT_ID].flags == 0);
    /* 1 status, 2 name servers, 2 contacts, 2 hosts, 2 contact types. */
    CHECK_RESULT(epp_message_lists(m, counts, EPP_LIST_COUNT - 1, items, 4, &n),
                 EPP_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(epp_message_lists(m, counts, EPP_LIST_COUNT, NULL, 0, &n),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 9);
    CHECK(counts[0] == 0xffffffffu);
    CHECK_RESULT(epp_message_lists(m, counts, EPP_LIST_COUNT, items, 4, &n),
                 EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 9 && counts[0] == 0xffffffffu);
    CHECK_RESULT(epp_message_results(m, results, 1, &n), EPP_RESULT_OK);
    CHECK(n == 1 && results[0].code == 1000);
    CHECK_RESULT(epp_message_results(m, NULL, 0, &n), EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 1);
    CHECK_RESULT(epp_message_checks(m, cds, 1, &n), EPP_RESULT_OK);
    CHECK(n == 0);

    memset(&b, 0, sizeof b);
    b.fields = fields;
    b.fields_cap = EPP_FIELD_COUNT;
    b.counts = counts;
    b.counts_cap = EPP_LIST_COUNT;
    b.items = items;
    b.items_cap = 4;
    CHECK_RESULT(epp_message_bulk(m, &b), EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(b.items_len == 9 && b.results_len == 1 && b.checks_len == 0);
    before = b.items_len;
    b.items_cap = 0;
    b.items = NULL;
    b.results_cap = 1;
    CHECK_RESULT(epp_message_bulk(m, &b), EPP_RESULT_NULL_ARGUMENT);
    b.results = results;
    CHECK_RESULT(epp_message_bulk(m, &b), EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(b.items_len == before);
    b.fields_cap = 1;
    CHECK_RESULT(epp_message_bulk(m, &b), EPP_RESULT_INVALID_ARGUMENT);

    /* A failed read: no message. */
    CHECK_RESULT(epp_message_read_command(m, (const uint8_t *)"<epp", 4), EPP_RESULT_READ_ERROR);
    CHECK_RESULT(epp_message_fields(m, fields, EPP_FIELD_COUNT, &n), EPP_RESULT_WRONG_KIND);
    CHECK_RESULT(epp_message_results(m, results, 1, &n), EPP_RESULT_WRONG_KIND);
    free(frame);
}

/* The read and every value in one call: spans (epp_message_read_*_bulk)
 * and packed text (epp_message_read_*_packed). */
static void test_read_bulk_and_packed(epp_message *m) {
    static const char want_text[] =
        "ABC-12345\0example.com\0jd1234\0002fooBAR\0example.com\0ns1.example.net\0"
        "ns2.example.net\0sh8013\0sh8013\0admin\0tech\0";
    static const uint32_t want_table[] = {4, 4, 0, 0, EPP_FIELD_CL_TRID, EPP_FIELD_OBJECT_NAME,
                                          EPP_FIELD_REGISTRANT, EPP_FIELD_AUTH_PASSWORD,
                                          EPP_LIST_NAMES, 1, EPP_LIST_NAME_SERVERS, 2,
                                          EPP_LIST_CONTACTS, 2, EPP_LIST_CONTACT_TYPES, 2};
    size_t len;
    unsigned char *frame = load("rfc/5731/009-C-s3.2.1.xml", &len);
    epp_span fields[EPP_FIELD_COUNT], items[16];
    uint32_t counts[EPP_LIST_COUNT], table[32];
    epp_result_entry results[2];
    epp_check_entry cds[2];
    uint8_t text[512];
    epp_packed p;
    memset(&p, 0, sizeof p);
    p.bulk.fields = fields;
    p.bulk.fields_cap = EPP_FIELD_COUNT;
    p.bulk.counts = counts;
    p.bulk.counts_cap = EPP_LIST_COUNT;
    p.bulk.items = items;
    p.bulk.items_cap = 16;
    p.bulk.results = results;
    p.bulk.results_cap = 2;
    p.bulk.checks = cds;
    p.bulk.checks_cap = 2;
    CHECK_RESULT(epp_message_read_command_bulk(m, frame, len, NULL), EPP_RESULT_NULL_ARGUMENT);
    CHECK_RESULT(epp_message_read_command_bulk(m, frame, len, &p.bulk), EPP_RESULT_OK);
    CHECK(p.bulk.items_len == 7 && counts[EPP_LIST_CONTACTS] == 2);
    CHECK(fields[EPP_FIELD_REGISTRANT].len == 6 &&
          memcmp(frame + fields[EPP_FIELD_REGISTRANT].offset, "jd1234", 6) == 0);
    /* Too little text: the size needed; then the values. */
    p.text = text;
    p.text_cap = 8;
    p.table = table;
    p.table_cap = 32;
    CHECK_RESULT(epp_message_read_command_packed(m, frame, len, &p), EPP_RESULT_BUFFER_TOO_SMALL);
    CHECK(p.text_len == sizeof want_text - 1 && p.table_len == 16);
    p.text_cap = sizeof text;
    CHECK_RESULT(epp_message_packed(m, &p), EPP_RESULT_OK);
    CHECK(p.text_len == sizeof want_text - 1 && memcmp(text, want_text, p.text_len) == 0);
    CHECK(p.table_len == 16 && memcmp(table, want_table, sizeof want_table) == 0);
    /* The same values as one Python marshal object: a tuple of four, the
     * fields tuple (EPP_FIELD_COUNT items), clTRID the first, in ASCII. */
    CHECK_RESULT(epp_message_read_command_pymarshal(m, frame, len, NULL), EPP_RESULT_NULL_ARGUMENT);
    p.text_cap = 8;
    CHECK_RESULT(epp_message_read_command_pymarshal(m, frame, len, &p), EPP_RESULT_BUFFER_TOO_SMALL);
    size_t marshal_len = p.text_len;
    CHECK(marshal_len > sizeof want_text && p.table_len == 0);
    p.text_cap = sizeof text;
    CHECK_RESULT(epp_message_pymarshal(m, &p), EPP_RESULT_OK);
    static const uint8_t want_start[] = {')', 4, ')', EPP_FIELD_COUNT, 'a', 9, 0, 0, 0,
                                         'A', 'B', 'C', '-', '1', '2', '3', '4', '5'};
    CHECK(p.text_len == marshal_len && memcmp(text, want_start, sizeof want_start) == 0);
    CHECK_RESULT(epp_message_read_response_pymarshal(m, frame, len, &p), EPP_RESULT_READ_ERROR);
    CHECK_RESULT(epp_message_pymarshal(m, &p), EPP_RESULT_WRONG_KIND);
    CHECK_RESULT(epp_message_read_response_packed(m, frame, len, &p), EPP_RESULT_READ_ERROR);
    CHECK_RESULT(epp_message_packed(m, &p), EPP_RESULT_WRONG_KIND);
    CHECK_RESULT(epp_message_packed(m, NULL), EPP_RESULT_NULL_ARGUMENT);
    free(frame);
}

/* The corpus sweep's share of this run: messages whose place in the
 * manifest is sweep_shard modulo sweep_shards (all of them by default; see
 * main). The sweep is nearly all of the run's time, and under valgrind a
 * share per core runs side by side. */
static unsigned sweep_shard = 0, sweep_shards = 1;

/* Every message of MANIFEST.tsv (or the share above): commands read
 * strictly (answered with an error response when they fail), responses and
 * greetings tolerantly. */
static void test_corpus_sweep(epp_message *m) {
    char path[1024], line[4096];
    FILE *manifest;
    size_t seen = 0, swept = 0, commands_ok = 0, server_ok = 0;
    unsigned char out[8192];
    snprintf(path, sizeof path, "%s/MANIFEST.tsv", corpus_dir());
    manifest = fopen(path, "r");
    CHECK(manifest != NULL);
    if (manifest == NULL) {
        return;
    }
    while (fgets(line, sizeof line, manifest) != NULL) {
        char *source = strtok(line, "\t");
        char *rel = strtok(NULL, "\t");
        char *bytes = strtok(NULL, "\t");
        char *wellformed = strtok(NULL, "\t");
        char *kind = strtok(NULL, "\t");
        size_t len, n;
        unsigned char *frame;
        (void)bytes;
        if (source == NULL || rel == NULL || kind == NULL || strcmp(source, "source") == 0) {
            continue;
        }
        (void)wellformed;
        if (seen++ % sweep_shards != sweep_shard) {
            continue;
        }
        frame = load(rel, &len);
        swept++;
        if (strcmp(kind, "command") == 0 || strcmp(kind, "hello") == 0) {
            epp_result r = epp_message_read_command(m, frame, len);
            CHECK(r == EPP_RESULT_OK || r == EPP_RESULT_READ_ERROR);
            if (r == EPP_RESULT_OK) {
                commands_ok++;
            } else {
                CHECK(epp_message_error_code(m) >= 2000);
                CHECK_RESULT(epp_write_error_response(m, s("SWEEP"), NONE, EPP_WRITE_FRAMED, out,
                                                      sizeof out, &n),
                             EPP_RESULT_OK);
            }
        } else if (strcmp(kind, "response") == 0) {
            if (epp_message_read_response(m, frame, len) == EPP_RESULT_OK) {
                server_ok++;
            }
        } else if (strcmp(kind, "greeting") == 0) {
            if (epp_message_read_greeting(m, frame, len) == EPP_RESULT_OK) {
                server_ok++;
            }
        } else {
            (void)epp_message_read_command(m, frame, len);
        }
        touch_everything(m);
        bulk_agrees(m, frame, len);
        free(frame);
    }
    fclose(manifest);
    CHECK(seen > 200);
    /* A share holds about 1/sweep_shards of each kind. */
    CHECK(swept * sweep_shards >= seen);
    CHECK(commands_ok * sweep_shards > 80);
    CHECK(server_ok * sweep_shards > 80);
    printf("corpus sweep (share %u of %u): %zu of %zu messages, %zu commands and %zu "
           "responses/greetings read\n",
           sweep_shard + 1, sweep_shards, swept, seen, commands_ok, server_ok);
}

/* Response details, the data collection policy, and the server writers
 * (greeting, responses with values and resData), each read back. */
static void test_response_details_and_server_writers(epp_message *m) {
    size_t len, n, out_len;
    const char *p;
    unsigned char *frame = load("rfc/5730/006-S-s2.6.xml", &len);
    unsigned char buf[4096];
    epp_dcp_statement st;
    epp_dcp_expiry_kind kind;
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_result_value_count(m, 0) == 1);
    CHECK(epp_message_result_ext_value_count(m, 1) == 1);
    CHECK_RESULT(epp_message_result_value(m, 0, 0, &p, &n), EPP_RESULT_OK);
    CHECK(n > 6 && memcmp(p, "<value", 6) == 0);
    CHECK_RESULT(epp_message_result_ext_value_reason(m, 1, 0, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "Invalid character found."));
    CHECK_RESULT(epp_message_result_ext_value_reason_lang(m, 1, 0, &p, &n), EPP_RESULT_ABSENT);
    CHECK_RESULT(epp_message_result_value(m, 0, 1, &p, &n), EPP_RESULT_INDEX_OUT_OF_RANGE);
    free(frame);

    frame = load("rfc/5730/025-S-s2.9.2.3.xml", &len);
    CHECK_RESULT(epp_message_read_response(m, frame, len), EPP_RESULT_OK);
    CHECK_RESULT(epp_message_msgq_lang(m, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "en"));
    CHECK_RESULT(epp_message_msgq_xml(m, &p, &n), EPP_RESULT_OK);
    CHECK(n > 19 && memcmp(p, "Credit balance low.", 19) == 0);
    free(frame);

    frame = load("rfc/5730/002-S-s2.4.xml", &len);
    CHECK_RESULT(epp_message_read_greeting(m, frame, len), EPP_RESULT_OK);
    CHECK(epp_message_dcp_access(m) == EPP_DCP_ACCESS_ALL);
    CHECK(epp_message_dcp_statement_count(m) == 1);
    CHECK_RESULT(epp_message_dcp_statement(m, 0, &st), EPP_RESULT_OK);
    CHECK(st.purposes == (EPP_DCP_PURPOSE_ADMIN | EPP_DCP_PURPOSE_PROVISIONING));
    CHECK(st.recipients == (EPP_DCP_RECIPIENT_OURS | EPP_DCP_RECIPIENT_PUBLIC));
    CHECK(st.retention == EPP_DCP_RETENTION_STATED);
    CHECK_RESULT(epp_message_dcp_expiry(m, &kind, &p, &n), EPP_RESULT_ABSENT);
    free(frame);

    {
        epp_str versions[1], langs[1], objects[1];
        epp_dcp_statement_in statement;
        epp_dcp_in dcp;
        versions[0] = s("1.0");
        langs[0] = s("en");
        objects[0] = s("urn:ietf:params:xml:ns:domain-1.0");
        statement.purposes = EPP_DCP_PURPOSE_ADMIN;
        statement.recipients = EPP_DCP_RECIPIENT_OURS;
        statement.recipient_descriptions = NULL;
        statement.recipient_description_count = 0;
        statement.retention = EPP_DCP_RETENTION_LEGAL;
        dcp.access = EPP_DCP_ACCESS_PERSONAL;
        dcp.statements = &statement;
        dcp.statement_count = 1;
        dcp.expiry_kind = EPP_DCP_EXPIRY_KIND_RELATIVE;
        dcp.expiry = s("P1Y");
        CHECK_RESULT(epp_write_greeting(s("srv"), s("2026-01-01T00:00:00Z"), versions, 1, langs, 1,
                                        objects, 1, NULL, 0, &dcp, 0, NULL, 0, &out_len),
                     EPP_RESULT_BUFFER_TOO_SMALL);
        CHECK(out_len > 0 && out_len < sizeof buf);
        CHECK_RESULT(epp_write_greeting(s("srv"), s("2026-01-01T00:00:00Z"), versions, 1, langs, 1,
                                        objects, 1, NULL, 0, &dcp, 0, buf, sizeof buf, &out_len),
                     EPP_RESULT_OK);
        CHECK_RESULT(epp_message_read_greeting(m, buf, out_len), EPP_RESULT_OK);
        CHECK(epp_message_dcp_access(m) == EPP_DCP_ACCESS_PERSONAL);
        CHECK_RESULT(epp_message_dcp_expiry(m, &kind, &p, &n), EPP_RESULT_OK);
        CHECK(kind == EPP_DCP_EXPIRY_KIND_RELATIVE && str_eq(p, n, "P1Y"));
    }
    {
        epp_str values[1];
        epp_result_in result;
        epp_response_in response;
        epp_check_result_in checks_in[1];
        epp_msgq_in q;
        values[0] = s("<obj:e xmlns:obj=\"urn:example:obj\">1</obj:e>");
        result.code = 2004;
        result.msg = NONE;
        result.lang = NONE;
        result.values = values;
        result.value_count = 1;
        result.ext_values = NULL;
        result.ext_value_count = 0;
        q.count = 3;
        q.id = s("42");
        q.date = NONE;
        q.message = NONE;
        q.lang = NONE;
        response.results = &result;
        response.result_count = 1;
        response.msgq = &q;
        response.extensions = NULL;
        response.extension_count = 0;
        response.cl_trid = s("C-1");
        response.sv_trid = s("S-1");
        CHECK_RESULT(epp_write_response_full(&response, EPP_WRITE_FRAMED, buf, sizeof buf, &out_len),
                     EPP_RESULT_OK);
        CHECK_RESULT(epp_message_read_response(m, buf + 4, out_len - 4), EPP_RESULT_OK);
        CHECK(epp_message_result_value_count(m, 0) == 1);
        CHECK(field_is(m, EPP_FIELD_MSGQ_ID, "42"));
        values[0] = s("<obj:e>unbound prefix</obj:e>");
        out_len = 7;
        CHECK_RESULT(epp_write_response_full(&response, 0, buf, sizeof buf, &out_len),
                     EPP_RESULT_INVALID_ARGUMENT);
        CHECK(out_len == 7);
        result.code = 1000;
        result.value_count = 0;
        response.msgq = NULL;
        checks_in[0].name = s("example.com");
        checks_in[0].available = false;
        checks_in[0].reason = s("In use");
        checks_in[0].reason_lang = s("en");
        CHECK_RESULT(epp_write_check_response(&response, EPP_OBJECT_DOMAIN, checks_in, 1, 0, buf,
                                              sizeof buf, &out_len),
                     EPP_RESULT_OK);
        CHECK_RESULT(epp_message_read_response(m, buf, out_len), EPP_RESULT_OK);
        CHECK(epp_message_res_data_kind(m) == EPP_RES_DATA_KIND_DOMAIN_CHECK);
        CHECK_RESULT(epp_message_check_reason_lang(m, 0, &p, &n), EPP_RESULT_OK);
        CHECK(str_eq(p, n, "en"));
        CHECK_RESULT(epp_write_create_response(&response, EPP_OBJECT_HOST, s("ns1.example.com"),
                                               s("2026-01-01T00:00:00Z"), NONE, 0, buf, sizeof buf,
                                               &out_len),
                     EPP_RESULT_OK);
        CHECK_RESULT(epp_message_read_response(m, buf, out_len), EPP_RESULT_OK);
        CHECK(epp_message_res_data_kind(m) == EPP_RES_DATA_KIND_HOST_CREATE);
        CHECK(field_is(m, EPP_FIELD_OBJECT_NAME, "ns1.example.com"));
        CHECK_RESULT(epp_write_response_full(NULL, 0, buf, sizeof buf, &out_len),
                     EPP_RESULT_NULL_ARGUMENT);
    }
}

/* Host attributes, extensions added to a written command, authInfo forms. */
static void test_host_attrs_extensions_auth_info(epp_message *m) {
    unsigned char create[2048], out[4096];
    size_t create_len, out_len, n;
    const char *p;
    epp_str addrs[2];
    epp_host_attr_in hosts[1];
    epp_str raw[1];
    epp_ds_data_in ds[1];
    epp_ip_version v;
    addrs[0] = s("192.0.2.2");
    addrs[1] = s("2001:db8::1");
    hosts[0].name = s("ns1.example.com");
    hosts[0].addresses = addrs;
    hosts[0].address_count = 2;
    CHECK_RESULT(epp_write_domain_create_host_attrs(s("example.com"), 0, 0, hosts, 1, NONE, NULL, 0,
                                                    s("2fooBAR"), s("ABC-1"), 0, create,
                                                    sizeof create, &create_len),
                 EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_command(m, create, create_len), EPP_RESULT_OK);
    CHECK(epp_message_name_server_form(m, EPP_LIST_NAME_SERVERS) ==
          EPP_NAME_SERVER_FORM_HOST_ATTRIBUTES);
    CHECK(epp_message_name_server_address_count(m, EPP_LIST_NAME_SERVERS, 0) == 2);
    CHECK_RESULT(epp_message_name_server_address(m, EPP_LIST_NAME_SERVERS, 0, 1, &p, &n, &v),
                 EPP_RESULT_OK);
    CHECK(str_eq(p, n, "2001:db8::1") && v == EPP_IP_VERSION_V6);
    CHECK(epp_message_auth_info_form(m) == EPP_AUTH_INFO_FORM_PASSWORD);

    raw[0] = s("<x:token xmlns:x=\"urn:example:token\">abc</x:token>");
    ds[0].key_tag = 12345;
    ds[0].alg = 3;
    ds[0].digest_type = 1;
    ds[0].digest = s("49FD46E6C4B45C55D4AC");
    CHECK_RESULT(epp_write_command_with_extensions(create, create_len, raw, 1, ds, 1, 0, out,
                                                   sizeof out, &out_len),
                 EPP_RESULT_OK);
    CHECK_RESULT(epp_message_read_command(m, out, out_len), EPP_RESULT_OK);
    CHECK(epp_message_extension_count(m) == 2);
    CHECK_RESULT(epp_message_extension_namespace(m, 1, &p, &n), EPP_RESULT_OK);
    CHECK(str_eq(p, n, "urn:ietf:params:xml:ns:secDNS-1.1"));
    raw[0] = s("<x:token>unbound</x:token>");
    CHECK_RESULT(epp_write_command_with_extensions(create, create_len, raw, 1, NULL, 0, 0, out,
                                                   sizeof out, &out_len),
                 EPP_RESULT_INVALID_ARGUMENT);
    {
        size_t len;
        unsigned char *frame = load("ext/examples/9154/004-C-s5.2.xml", &len);
        CHECK_RESULT(epp_message_read_command(m, frame, len), EPP_RESULT_OK);
        CHECK(epp_message_new_auth_info_form(m) == EPP_AUTH_INFO_FORM_NULL);
        CHECK_RESULT(epp_message_new_auth_info_ext(m, &p, &n), EPP_RESULT_ABSENT);
        free(frame);
    }
}

/* test_abi [K/N]: with K/N, the corpus sweep takes only its K-th share of
 * N (K from 0); every other test runs whole either way. */
int main(int argc, char **argv) {
    epp_message *m = NULL;
    if (argc > 1) {
        char end = 0;
        if (argc > 2 || sscanf(argv[1], "%u/%u%c", &sweep_shard, &sweep_shards, &end) != 2 ||
            sweep_shards == 0 || sweep_shard >= sweep_shards) {
            fprintf(stderr, "usage: %s [K/N] (the corpus sweep's K-th share of N, K < N)\n",
                    argv[0]);
            return 2;
        }
    }
    test_version();
    if (epp_message_new(&m) != EPP_RESULT_OK) {
        fputs("epp_message_new failed\n", stderr);
        return 1;
    }
    test_domain_check_command(m);
    test_login_and_domain_create(m);
    test_update_and_transfer(m);
    test_poll(m);
    test_hosts_contacts_dates(m);
    test_responses(m);
    test_greeting_and_extensions(m);
    test_error_response(m);
    test_writers(m);
    test_deframer(m);
    test_bulk(m);
    test_read_bulk_and_packed(m);
    test_contacts(m);
    test_object_parts(m);
    test_command_writers(m);
    test_typed_extensions(m);
    test_more_extensions(m);
    test_corpus_sweep(m);
    test_response_details_and_server_writers(m);
    test_host_attrs_extensions_auth_info(m);
    epp_message_free(m);
    test_nulls();
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
