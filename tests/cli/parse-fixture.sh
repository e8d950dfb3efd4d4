#!/bin/sh
# parse-fixture: STUB
exit 77
