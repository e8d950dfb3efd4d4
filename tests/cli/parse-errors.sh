#!/bin/sh
# parse-errors: STUB
exit 77
