#!/bin/sh
# conformance: STUB
exit 77
