#!/bin/sh
# cli-commands.sh CHANNELDESK_CLI OUTPUT
# Writes a help2man include file for channeldesk-cli(1): a section with every command's own
# --help (its description, options and arguments) in roff, so the man page documents each
# command as the program does. Run by the build (cmake/ManPages.cmake), with HOME=~ so the
# default database reads ~/.local/share/... rather than the builder's home.
set -eu
cli=$1
out=$2

commands=$("$cli" --help |
    awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on && /^  [^ ]/ { print $1 }')
[ -n "$commands" ] || { echo "$0: no commands in $cli --help" >&2; exit 1; }

{
    echo '[COMMANDS IN DETAIL]'
    for command in $commands; do
        "$cli" "$command" --help | awk -v command="$command" '
            function roff(s) {
                gsub(/\\/, "\\e", s)
                gsub(/-/, "\\-", s)
                if (s ~ /^[.'"'"']/) s = "\\&" s
                return s
            }
            function flush() {
                if (term != "") { print ".TP"; print "\\fB" roff(term) "\\fR"; print roff(text) }
                term = ""; text = ""
            }
            NR == 1 {
                sub(/^Usage: [^ ]+ /, "")
                print ".SS \"channeldesk\\-cli " roff($0) "\""
                next
            }
            /^Exit status:/ { flush(); exit }
            /^(Options|Arguments):$/ { flush(); print ".PP"; print roff($0); part = $0; next }
            /^$/ { flush(); next }
            part == "" { print roff($0); next }
            /^  [^ ]/ {
                flush()
                line = $0; sub(/^  /, "", line)
                split(line, cells, /  +/)
                term = cells[1]; text = substr(line, length(term) + 1); sub(/^ +/, "", text)
                # Every command has these; the top-level help says so once.
                if (term == "-h, --help" || term == "--help-all") { term = ""; text = "" }
                next
            }
            { line = $0; sub(/^ +/, "", line); if (term != "") text = text " " line }
            END { flush() }'
    done
    echo '[SEE ALSO]'
    echo '.BR channeldesk (1),'
    echo '.BR channeldesk\-sim (1)'
} >"$out"
