#!/bin/sh
# parse-golden: STUB
exit 77
