#!/bin/sh
# mkconf.sh TEMPLATE OUTPUT NAME=VALUE...
#
# Copies TEMPLATE to OUTPUT with every @NAME@ replaced by VALUE.  Used by
# `make run` and by the end-to-end tests to fill conf/lighttpd.conf,
# conf/nginx.conf and conf/apache.conf, by `make install` to fill
# conf/reseauter.service, and by whoever deploys (README, "Deploying";
# installed as PREFIX/share/reseauter/conf/mkconf.sh).  Fails, and leaves
# no OUTPUT, when a placeholder of the template has no value: a
# half-filled configuration never reaches a server.
set -eu

if [ $# -lt 2 ]; then
	echo "usage: $0 TEMPLATE OUTPUT NAME=VALUE..." >&2
	exit 2
fi
template=$1
output=$2
shift 2

script=
for pair in "$@"; do
	name=${pair%%=*}
	value=${pair#*=}
	# Escape what sed's replacement treats specially: \ | and &.
	value=$(printf '%s' "$value" | sed -e 's/[\\|&]/\\&/g')
	script="${script}s|@${name}@|${value}|g
"
done

tmp="$output.tmp.$$"
trap 'rm -f "$tmp"' EXIT
sed -e "$script" "$template" > "$tmp"
left=$(grep -o '@[A-Z_][A-Z0-9_]*@' "$tmp" | sort -u | tr '\n' ' ' || true)
if [ -n "$left" ]; then
	echo "$0: $template: no value for $left" >&2
	exit 1
fi
mv "$tmp" "$output"
trap - EXIT
