// glibc's allocator controls (mallopt), which the Glibc module does not export.
#ifndef INSQ_CMALLOC_SHIM_H
#define INSQ_CMALLOC_SHIM_H

#include <malloc.h>

#endif
