module eppcodec/ffi/go

go 1.22
