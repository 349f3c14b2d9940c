package epp

/*
#include "epp.h"
*/
import "C"

import "runtime"

// MaxLoginURIs is the most object (and the most extension) URIs
// AppendLogin takes (EPP_WRITE_MAX_LOGIN_URIS).
const MaxLoginURIs = C.EPP_WRITE_MAX_LOGIN_URIS

// Login is what AppendLogin writes: the credentials, the services to use
// (at least one object URI) and the transaction id. Empty strings are
// absent (NewPassword, Lang: "en", ClTRID).
type Login struct {
	ClientID      string
	Password      string
	NewPassword   string
	Lang          string
	ObjectURIs    []string
	ExtensionURIs []string
	ClTRID        string
}

// AppendLogin appends a <login> command, protocol version 1.0. The URIs'
// bytes are pinned (runtime.Pinner) for the call, since the arrays handed
// to C hold pointers to them.
func AppendLogin(dst []byte, l Login, flags WriteFlags) ([]byte, error) {
	if len(l.ObjectURIs) == 0 || len(l.ObjectURIs) > MaxLoginURIs || len(l.ExtensionURIs) > MaxLoginURIs {
		return dst, &Error{Result: ResultInvalidArgument}
	}
	var pinner runtime.Pinner
	defer pinner.Unpin()
	pinned := func(uris []string) []C.epp_str {
		strs := make([]C.epp_str, len(uris))
		for i, uri := range uris {
			strs[i] = cstr(uri)
			if strs[i].ptr != nil {
				pinner.Pin(strs[i].ptr)
			}
		}
		return strs
	}
	objects := pinned(l.ObjectURIs)
	extensions := pinned(l.ExtensionURIs)
	var extPtr *C.epp_str
	if len(extensions) > 0 {
		extPtr = &extensions[0]
	}
	return write(dst, func(b *C.uint8_t, c C.size_t, n *C.size_t) C.epp_result {
		return C.epp_write_login(cstr(l.ClientID), cstr(l.Password), cstr(l.NewPassword), cstr(l.Lang),
			&objects[0], C.size_t(len(objects)), extPtr, C.size_t(len(extensions)),
			cstr(l.ClTRID), C.uint32_t(flags), b, c, n)
	})
}
