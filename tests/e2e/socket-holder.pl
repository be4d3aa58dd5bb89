#!/usr/bin/perl
# socket-holder.pl SOCKET PROGRAM [ARG...]: holds a listening Unix socket
# the way systemd holds conf/reseauter.socket, for tests/e2e/lib.sh
# (server kind nginx-held).
#
# It opens SOCKET (mode 0600) and keeps it open for as long as it runs.
# When a connection waits and PROGRAM is not running, it starts PROGRAM
# with the socket as descriptor 3, LISTEN_FDS=1 and LISTEN_PID set to
# PROGRAM's process id (socket activation).  When PROGRAM ends, for
# whatever reason, the socket stays open and the next connection starts
# it again.  If the socket stops listening (poll() reports POLLHUP or
# POLLERR on it, as systemd's "Got POLLHUP on a listening socket"), it
# says so and exits 1: whoever is connected then gets an error, as with
# a failed reseauter.socket.  SIGTERM ends the program, then this.
#
# Each event is a line on standard error: "socket-holder: started PID",
# "socket-holder: PID ended (status N)", "socket-holder: the listening
# socket failed".  Only modules of Debian's perl-base.
use strict;
use warnings;
use Fcntl qw(F_GETFD F_SETFD FD_CLOEXEC);
use IO::Poll qw(POLLIN POLLHUP POLLERR);
use IO::Socket::UNIX;
use POSIX qw(WNOHANG);

my ($path, @program) = @ARGV;
die "usage: socket-holder.pl SOCKET PROGRAM [ARG...]\n" unless @program;

$| = 1;
unlink $path;
my $listener = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $path,
    Listen => 128) or die "socket-holder: $path: $!\n";
chmod 0600, $path or die "socket-holder: chmod $path: $!\n";

my $child = 0;
$SIG{TERM} = sub {
	if ($child) {
		kill 'TERM', $child;
		waitpid $child, 0;
	}
	unlink $path;
	exit 0;
};

# start: PROGRAM in a child, with the listening socket as descriptor 3.
sub start {
	my $pid = fork;
	die "socket-holder: fork: $!\n" unless defined $pid;
	if ($pid == 0) {
		my $fd = fileno $listener;
		if ($fd != 3) {
			POSIX::dup2($fd, 3) or POSIX::_exit(126);
		}
		open(my $three, '<&=', 3) or POSIX::_exit(126);
		my $flags = fcntl($three, F_GETFD, 0);
		fcntl($three, F_SETFD, $flags & ~FD_CLOEXEC) or POSIX::_exit(126);
		$ENV{LISTEN_FDS} = 1;
		$ENV{LISTEN_PID} = $$;
		{ no warnings 'exec'; exec { $program[0] } @program; }
		print STDERR "socket-holder: $program[0]: $!\n";
		POSIX::_exit(127);
	}
	print STDERR "socket-holder: started $pid\n";
	return $pid;
}

my $poll = IO::Poll->new;
$poll->mask($listener => POLLIN);
for (;;) {
	if ($child && waitpid($child, WNOHANG) == $child) {
		print STDERR "socket-holder: $child ended (status $?)\n";
		$child = 0;
	}
	$poll->poll(0.1);
	my $ev = $poll->events($listener);
	if ($ev & (POLLHUP | POLLERR)) {
		print STDERR "socket-holder: the listening socket failed\n";
		kill 'TERM', $child if $child;
		exit 1;
	}
	if ($ev & POLLIN) {
		if ($child) {
			# The program takes the connection; let it.
			select undef, undef, undef, 0.02;
		} else {
			$child = start();
		}
	}
}
