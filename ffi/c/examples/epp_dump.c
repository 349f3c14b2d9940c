/*
 * epp_dump: reads a stream of RFC 5734 frames from a file (or stdin) and
 * prints each message: its kind, the command and object, names, result
 * codes, transaction ids.
 *
 *     epp_dump [FILE]
 *
 * Bytes are read straight into the deframer's buffer (read_buf + commit),
 * and one message handle is reused for every frame: after start-up nothing
 * is allocated per message.
 */
#include "epp.h"

#include <stdio.h>
#include <string.h>

static const char *const COMMANDS[] = {"none",   "hello",  "login", "logout",
                                       "poll",   "check",  "info",  "create",
                                       "delete", "renew",  "transfer", "update"};
static const char *const OBJECTS[] = {"", "domain", "host", "contact", "other"};

static void print_field(const epp_message *m, uint32_t field, const char *label) {
    const char *p;
    size_t n;
    if (epp_message_field(m, field, &p, &n) == EPP_RESULT_OK) {
        printf("  %s: %.*s\n", label, (int)n, p);
    }
}

static void print_list(const epp_message *m, uint32_t list, const char *label) {
    size_t i, count = epp_message_list_count(m, list);
    const char *p;
    size_t n;
    for (i = 0; i < count; i++) {
        if (epp_message_list_item(m, list, i, &p, &n) == EPP_RESULT_OK) {
            printf("  %s[%zu]: %.*s\n", label, i, (int)n, p);
        }
    }
}

static void print_command(const epp_message *m) {
    epp_command_kind kind = epp_message_command_kind(m);
    epp_object object = epp_message_object(m);
    printf("command %s%s%s\n", kind < sizeof COMMANDS / sizeof *COMMANDS ? COMMANDS[kind] : "?",
           object != EPP_OBJECT_NONE ? " " : "",
           object < sizeof OBJECTS / sizeof *OBJECTS ? OBJECTS[object] : "?");
    print_list(m, EPP_LIST_NAMES, "name");
    print_field(m, EPP_FIELD_LOGIN_CLIENT_ID, "clID");
    print_list(m, EPP_LIST_LOGIN_OBJECT_URIS, "objURI");
    print_field(m, EPP_FIELD_POLL_MESSAGE_ID, "msgID");
    print_field(m, EPP_FIELD_CL_TRID, "clTRID");
}

static void print_response(const epp_message *m) {
    size_t i, count = epp_message_result_count(m);
    const char *p;
    size_t n;
    uint16_t code;
    printf("response\n");
    for (i = 0; i < count; i++) {
        if (epp_message_result_code(m, i, &code) != EPP_RESULT_OK) {
            continue;
        }
        if (epp_message_result_msg(m, i, &p, &n) == EPP_RESULT_OK) {
            printf("  result %u: %.*s\n", (unsigned)code, (int)n, p);
        } else {
            printf("  result %u\n", (unsigned)code);
        }
    }
    count = epp_message_check_count(m);
    for (i = 0; i < count; i++) {
        bool avail = false;
        if (epp_message_check_name(m, i, &p, &n) == EPP_RESULT_OK &&
            epp_message_check_available(m, i, &avail) == EPP_RESULT_OK) {
            printf("  check: %.*s %s\n", (int)n, p, avail ? "available" : "taken");
        }
    }
    print_field(m, EPP_FIELD_OBJECT_NAME, "name");
    print_list(m, EPP_LIST_STATUSES, "status");
    print_field(m, EPP_FIELD_MSGQ_ID, "msgQ id");
    count = epp_message_extension_count(m);
    for (i = 0; i < count; i++) {
        if (epp_message_extension_namespace(m, i, &p, &n) == EPP_RESULT_OK) {
            printf("  extension: %.*s\n", (int)n, p);
        }
    }
    print_field(m, EPP_FIELD_CL_TRID, "clTRID");
    print_field(m, EPP_FIELD_SV_TRID, "svTRID");
}

/* A client reads responses and greetings, a server commands: try each. */
static void dump(epp_message *m, const uint8_t *frame, size_t len) {
    const char *p;
    size_t n;
    if (epp_message_read_response(m, frame, len) == EPP_RESULT_OK) {
        print_response(m);
    } else if (epp_message_read_greeting(m, frame, len) == EPP_RESULT_OK) {
        printf("greeting\n");
        print_field(m, EPP_FIELD_SERVER_ID, "svID");
        print_list(m, EPP_LIST_GREETING_OBJECT_URIS, "objURI");
    } else if (epp_message_read_command(m, frame, len) == EPP_RESULT_OK) {
        print_command(m);
    } else if (epp_message_error_message(m, &p, &n) == EPP_RESULT_OK) {
        printf("error %u at byte %zu: %.*s\n", (unsigned)epp_message_error_code(m),
               epp_message_error_offset(m), (int)n, p);
    }
}

int main(int argc, char **argv) {
    FILE *in = stdin;
    epp_deframer *deframer = NULL;
    epp_message *message = NULL;
    int status = 0;
    size_t frames = 0;
    epp_result r;

    if (argc > 2) {
        fprintf(stderr, "usage: %s [FILE]\n", argv[0]);
        return 2;
    }
    if (argc == 2 && strcmp(argv[1], "-") != 0) {
        in = fopen(argv[1], "rb");
        if (in == NULL) {
            perror(argv[1]);
            return 1;
        }
    }
    if (epp_deframer_new(0, &deframer) != EPP_RESULT_OK ||
        epp_message_new(&message) != EPP_RESULT_OK) {
        fputs("out of memory\n", stderr);
        return 1;
    }
    for (;;) {
        uint8_t *area;
        size_t room, got;
        const uint8_t *frame;
        size_t len;
        while ((r = epp_deframer_next(deframer, &frame, &len)) == EPP_RESULT_OK) {
            printf("--- frame %zu (%zu bytes)\n", ++frames, len);
            dump(message, frame, len);
        }
        if (r != EPP_RESULT_INCOMPLETE) {
            fprintf(stderr, "stream error: %s\n", epp_result_str(r));
            status = 1;
            break;
        }
        if (epp_deframer_read_buf(deframer, &area, &room) != EPP_RESULT_OK) {
            status = 1;
            break;
        }
        got = fread(area, 1, room, in);
        if (got == 0) {
            if (epp_deframer_needed(deframer) != 4) {
                fputs("stream ends inside a frame\n", stderr);
                status = 1;
            }
            break;
        }
        r = epp_deframer_commit(deframer, got);
        if (r != EPP_RESULT_OK) {
            /* Frames before the bad header are still taken out above. */
            while (epp_deframer_next(deframer, &frame, &len) == EPP_RESULT_OK) {
                printf("--- frame %zu (%zu bytes)\n", ++frames, len);
                dump(message, frame, len);
            }
            fprintf(stderr, "stream error: %s\n", epp_result_str(r));
            status = 1;
            break;
        }
    }
    epp_message_free(message);
    epp_deframer_free(deframer);
    if (in != stdin) {
        fclose(in);
    }
    return status;
}
