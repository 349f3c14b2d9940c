/*
 * Header smoke test: include/epp.h compiles cleanly as C99, C11, C2x and
 * C++ with -Wall -Wextra -Wpedantic -Werror, and a program linked against
 * the static library can call into it. scripts/test.sh builds and runs it
 * and checks that it prints the crate version.
 */
#include "epp.h"

#include <stdio.h>

int main(void) {
    const char *version = epp_version();
    if (version == NULL || version[0] == '\0') {
        fputs("epp_version() returned nothing\n", stderr);
        return 1;
    }
    printf("%s\n", version);
    return 0;
}
