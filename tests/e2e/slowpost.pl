#!/usr/bin/perl
# tests/e2e/slowpost.pl: slow uploads for tests/e2e/slowbody.sh.
#
#   slowpost.pl --port PORT --n N [--path PATH] [--length BYTES]
#               [--every SECONDS] [--seconds MAX] [--ready FILE]
#
# Opens N connections to 127.0.0.1:PORT and sends on each, at once, the
# headers of a urlencoded POST of PATH (/login) announcing a body of
# BYTES (100 000) and the first byte of that body.  Then, with --every,
# one more byte on each connection every SECONDS (a body that trickles);
# without it, nothing more (a body that stops).  Once every request has
# been sent, writes one line into FILE (--ready).  Then watches each
# connection until the server answers or closes it, or until MAX seconds
# (30) have passed since the start, and prints one line per connection:
#
#   conn K: answered STATUS after T s
#   conn K: closed after T s        (closed without an answer)
#   conn K: open after T s          (still waiting at the end)
#
# Perl's core modules only (Debian's perl-base).
use strict;
use warnings;
use Getopt::Long;
use IO::Select;
use Socket qw(:DEFAULT);
use Time::HiRes qw(sleep time);

my %o = (path => '/login', length => 100000, every => 0, seconds => 30);
GetOptions(\%o, 'port=i', 'n=i', 'path=s', 'length=i', 'every=f',
    'seconds=f', 'ready=s') or die "slowpost.pl: bad options\n";
defined $o{port} && defined $o{n} or die "slowpost.pl: --port and --n are needed\n";
$SIG{PIPE} = 'IGNORE';

my $t0 = time();
my @conn;
for my $k (1 .. $o{n}) {
	socket(my $s, PF_INET, SOCK_STREAM, getprotobyname('tcp'))
	    or die "slowpost.pl: socket: $!\n";
	connect($s, pack_sockaddr_in($o{port}, inet_aton('127.0.0.1')))
	    or die "slowpost.pl: connect: $!\n";
	syswrite($s, "POST $o{path} HTTP/1.1\r\nHost: 127.0.0.1\r\n" .
	    "User-Agent: slowpost.pl\r\n" .
	    "Content-Type: application/x-www-form-urlencoded\r\n" .
	    "Content-Length: $o{length}\r\n\r\nx") or die "slowpost.pl: write: $!\n";
	push @conn, { k => $k, s => $s, sent => 1, end => undef };
}
if ($o{ready}) {
	open(my $f, '>', "$o{ready}.tmp") or die "slowpost.pl: $o{ready}: $!\n";
	print $f "$o{n} requests sent\n";
	close($f);
	rename("$o{ready}.tmp", $o{ready}) or die "slowpost.pl: $o{ready}: $!\n";
}

my $next = $o{every} > 0 ? time() + $o{every} : undef;
while (time() - $t0 < $o{seconds}) {
	my $open = 0;
	for my $c (@conn) {
		next if defined $c->{end};
		if (IO::Select->new($c->{s})->can_read(0)) {
			my $buf = '';
			my $n = sysread($c->{s}, $buf, 4096);
			my $t = time() - $t0;
			if ($n && $buf =~ m{^HTTP/\d(?:\.\d)? (\d{3})}) {
				$c->{end} = sprintf('answered %s after %.1f s', $1, $t);
			} else {
				$c->{end} = sprintf('closed after %.1f s', $t);
			}
			next;
		}
		$open++;
	}
	last unless $open;
	if (defined $next && time() >= $next) {
		for my $c (@conn) {
			next if defined $c->{end} || $c->{sent} >= $o{length};
			$c->{sent}++ if syswrite($c->{s}, 'x');
		}
		$next += $o{every};
	}
	sleep 0.05;
}
for my $c (@conn) {
	printf "conn %d: %s\n", $c->{k}, $c->{end} //
	    sprintf('open after %.1f s', time() - $t0);
}
exit 0;
