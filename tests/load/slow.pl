#!/usr/bin/perl
# tests/load/slow.pl: slow and idle clients for tests/load/run.sh's slow
# phase, on 127.0.0.1:PORT.  Opens, and holds open:
#   --idle N   connections that never send a byte;
#   --slow N   of each of three kinds:
#              headers: a GET of --get whose header lines come one byte
#                  every half second and never end;
#              bodies: a POST to --post whose headers come at once,
#                  announcing 100 000 bytes of body, which then come one
#                  byte every half second;
#              unread: a GET of --big (a large answer) from a socket with
#                  a small receive buffer, whose answer is never read.
# Every request carries --cookie (a session).  Once all are open, and the
# large answers have begun to come, writes one line saying so into the
# file --ready; then sends the slow bytes
# until SIGTERM or --seconds have passed, and prints how many of each
# kind are still open ("still open: ..."): for headers and bodies, still
# being sent (no answer, no close from the server), for the idle ones not
# closed, for the unread ones not closed before their answer began.
# Perl's core modules only: Debian always has them (perl-base).
use strict;
use warnings;
use Getopt::Long;
use IO::Select;
use Socket qw(:DEFAULT);
use Time::HiRes qw(sleep time);

my %o = (idle => 200, slow => 20, seconds => 120, cookie => '',
    get => '/', post => '/', big => '/');
GetOptions(\%o, 'port=i', 'cookie=s', 'get=s', 'post=s', 'big=s',
    'idle=i', 'slow=i', 'ready=s', 'seconds=i') or die "usage\n";
defined $o{port} or die "slow.pl: --port is needed\n";
$SIG{PIPE} = 'IGNORE';
my $stop = 0;
$SIG{TERM} = $SIG{INT} = sub { $stop = 1 };

# conn [RCVBUF]: a connected TCP socket (a receive buffer of RCVBUF bytes
# when given, set before connecting so that the window is small).
sub conn {
	my ($rcvbuf) = @_;
	socket(my $s, PF_INET, SOCK_STREAM, getprotobyname('tcp'))
	    or die "slow.pl: socket: $!\n";
	setsockopt($s, SOL_SOCKET, SO_RCVBUF, pack('i', $rcvbuf))
	    or die "slow.pl: SO_RCVBUF: $!\n" if $rcvbuf;
	connect($s, pack_sockaddr_in($o{port}, inet_aton('127.0.0.1')))
	    or die "slow.pl: connect: $!\n";
	return $s;
}

# The state of a socket now: 'closed' (the server closed it), 'answered'
# (something to read), 'open' (nothing to read).
sub state_of {
	my ($s) = @_;
	return 'open' unless IO::Select->new($s)->can_read(0);
	my $buf;
	my $n = recv($s, $buf, 1, MSG_PEEK | MSG_DONTWAIT);
	return 'closed' if !defined $n || length($buf) == 0;
	return 'answered';
}

my $head = "Host: 127.0.0.1\r\nCookie: $o{cookie}\r\nUser-Agent: slow.pl\r\n";
my (@idle, @trickle, @unread);
push @idle, conn() for 1 .. $o{idle};
for (1 .. $o{slow}) {
	push @trickle, { kind => 'headers', s => conn(), sent => 0, dead => 0,
	    text => "GET $o{get} HTTP/1.1\r\n$head" . ("X-Slow: " . ("a" x 60) . "\r\n") x 2000 };
}
for (1 .. $o{slow}) {
	my $s = conn();
	syswrite($s, "POST $o{post} HTTP/1.1\r\n$head" .
	    "Content-Type: application/x-www-form-urlencoded\r\n" .
	    "Content-Length: 100000\r\n\r\n") or die "slow.pl: write: $!\n";
	push @trickle, { kind => 'bodies', s => $s, sent => 0, dead => 0,
	    text => "x" x 100000 };
}
for (1 .. $o{slow}) {
	my $s = conn(4096);
	syswrite($s, "GET $o{big} HTTP/1.1\r\n$head\r\n") or die "slow.pl: write: $!\n";
	push @unread, $s;
}
# The large answers are made before anything is measured: their making
# takes the program's workers for a moment (a PDF each), which is work,
# not waiting; what is measured is whether they are then held back.
my $made = time() + 120;
for my $s (@unread) {
	IO::Select->new($s)->can_read($made - time()) if time() < $made;
}
if ($o{ready}) {
	open(my $f, '>', "$o{ready}.tmp") or die "slow.pl: $o{ready}: $!\n";
	print $f "$o{idle} idle connections, $o{slow} sending their headers " .
	    "byte by byte, $o{slow} sending a body byte by byte, $o{slow} not " .
	    "reading a large answer ($o{big})\n";
	close($f);
	rename("$o{ready}.tmp", $o{ready}) or die "slow.pl: $o{ready}: $!\n";
}

my $end = time() + $o{seconds};
while (!$stop && time() < $end) {
	for my $t (@trickle) {
		next if $t->{dead};
		if (state_of($t->{s}) ne 'open' ||
		    !defined syswrite($t->{s}, substr($t->{text}, $t->{sent}, 1))) {
			$t->{dead} = 1;
			next;
		}
		$t->{sent}++;
	}
	sleep 0.5;
}

my %open = (idle => 0, headers => 0, bodies => 0, unread => 0);
for (@idle) {
	$open{idle}++ if state_of($_) eq 'open';
}
for my $t (@trickle) {
	$open{$t->{kind}}++ if !$t->{dead} && state_of($t->{s}) eq 'open';
}
for (@unread) {
	$open{unread}++ if state_of($_) ne 'closed';
}
printf "still open: idle %d/%d, slow headers %d/%d, slow bodies %d/%d, " .
    "unread answers %d/%d\n", $open{idle}, $o{idle}, $open{headers}, $o{slow},
    $open{bodies}, $o{slow}, $open{unread}, $o{slow};
exit 0;
