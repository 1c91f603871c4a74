#!/bin/sh
# Regenerates fogra39/FOGRA39L.icc, the default CMYK output intent of bindery's print PDFs,
# from the FOGRA39L characterisation data of Debian's icc-profiles-free (Zlib licence, see
# LICENSE.txt) with ArgyllCMS's colprof (Debian package argyll):
#
#     apt-get install icc-profiles-free argyll && sh icc/fogra39/make.sh
#
# -ql keeps the tables small (about 28 KB; every print PDF embeds the profile), -nc leaves
# the 1617 measurements out of the profile, -kr -l330 -L100 is the usual black generation and
# ink limit of coated offset (ISO 12647-2). colprof stamps the current time into the header;
# the script sets it to the data's date so that a rerun gives the same bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$tmp/"
cd "$tmp"
colprof -ql -nc -kr -l330 -L100 \
	-D "FOGRA39L coated offset (bindery, ArgyllCMS colprof -ql)" \
	-C "Data: FOGRA39L.ti3, Kai-Uwe Behrmann, Zlib licence" \
	-O FOGRA39L.icc FOGRA39L >/dev/null
# Header date (offset 24: year, month, day, hour, minute, second as big-endian uint16) =
# 2006-12-01 00:00:00, the CREATED date of FOGRA39L.ti3.
printf '\007\326\000\014\000\001\000\000\000\000\000\000' |
	dd of=FOGRA39L.icc bs=1 seek=24 count=12 conv=notrunc 2>/dev/null
cp FOGRA39L.icc "$here/FOGRA39L.icc"
