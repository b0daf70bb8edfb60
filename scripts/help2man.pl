#!/usr/bin/perl
# scripts/help2man.pl ZUHYO OUTDIR: write OUTDIR/man1/zuhyo.1.gz and one zuhyo-CMD.1.gz per command,
# made from what the built program prints for `zuhyo --help` and `zuhyo CMD --help` (run at
# build time, so a manual page cannot disagree with --help). The help texts are plain text in
# a few shapes, read line by line:
#   "usage: ..." lines up to the first blank line    -> SYNOPSIS
#   "word:" alone on a line                           -> a subsection (.SS)
#   "  --opt ARG    what it does" (+ deeper lines)    -> a tagged paragraph (.TP)
#   other indented lines                              -> kept as they are (.nf), e.g. examples
#   anything else                                     -> running text
# Perl because it is on every Debian system (perl-base is essential) and speaks UTF-8;
# characters outside ASCII are written as \[uXXXX] so any roff reads them.
use strict;
use warnings;

binmode STDOUT, ':encoding(UTF-8)';
my ($zuhyo, $outdir) = @ARGV;
die "usage: $0 ZUHYO OUTDIR\n" unless defined $outdir;

# The program's output for these arguments, decoded; it must exit 0.
sub help_of {
    my @args = @_;
    open(my $fh, '-|', $zuhyo, @args) or die "$0: cannot run $zuhyo: $!\n";
    binmode $fh, ':encoding(UTF-8)';
    local $/;
    my $text = <$fh>;
    close $fh or die "$0: `$zuhyo @args` failed\n";
    return $text;
}

# Text made safe for roff: backslashes, hyphens that are options, non-ASCII.
sub roff {
    my ($s) = @_;
    $s =~ s/\\/\\e/g;
    $s =~ s/-/\\-/g;
    $s =~ s/([^\x00-\x7f])/sprintf('\\[u%04X]', ord $1)/ge;
    return $s;
}

# A line of roff text: one starting with . or ' would be read as a request.
sub roff_line {
    my $s = roff($_[0]);
    $s =~ s/^([.'])/\\&$1/;
    return "$s\n";
}

# An option term in bold, its argument words (FILE, COL, desc|asc) in italics.
sub roff_term {
    my ($term) = @_;
    my @parts = split /(\s+|,\s*|;\s*)/, $term;
    my $out = '';
    for my $p (@parts) {
        if ($p =~ /^-/) {
            $out .= '\fB' . roff($p) . '\fR';
        } elsif ($p =~ /\S/ && $p !~ /^[,;]/) {
            $out .= '\fI' . roff($p) . '\fR';
        } else {
            $out .= roff($p);
        }
    }
    return $out;
}

sub title_case { my ($s) = @_; return ucfirst lc $s; }

# The help text after its usage paragraph, as roff body lines.
sub roff_body {
    my ($text) = @_;
    my @lines = split /\n/, $text;
    my $out = '';
    my $mode = 'text';    # text, option (inside a .TP), verbatim
    my $option_indent = -1;
    my $section = '';
    my $close = sub {
        $out .= ".fi\n.RE\n" if $mode eq 'verbatim';
        $mode = 'text';
    };
    for my $line (@lines) {
        $line =~ s/\s+$//;
        my ($indent) = $line =~ /^( *)/;
        $indent = length $indent;
        if ($line eq '') {
            $close->();
            $out .= ".PP\n";
            $option_indent = -1;
        } elsif ($line =~ /^([a-z][a-z ]*):$/) {
            $close->();
            $section = $1;
            $out .= '.SS ' . roff(title_case($1)) . "\n";
            $option_indent = -1;
        } elsif ($mode eq 'option' && $indent > $option_indent + 2) {
            $out .= roff_line($line =~ s/^\s+//r);    # the option's description goes on
        } elsif ($section ne 'example' && $line =~ /^( *)(-\S.*?)(?: {2,}(\S.*))?$/
                 && ($indent > 0 || defined $3)) {
            $close->();
            $out .= ".TP\n" . roff_term($2) . "\n";
            $out .= roff_line($3) if defined $3;
            $mode = 'option';
            $option_indent = $indent;
        } elsif ($indent > 0) {
            if ($mode ne 'verbatim') {
                $close->();
                $out .= ".RS\n.nf\n";
                $mode = 'verbatim';
            }
            $out .= roff_line($line =~ s/^  //r);
        } else {
            $close->() if $mode eq 'verbatim';
            $out .= ".PP\n" if $mode eq 'option';
            $mode = 'text';
            $out .= roff_line($line);
        }
    }
    $close->();
    $out =~ s/(?:\.PP\n)+(\.(?:SS|TP|PP))/$1/g;    # no empty paragraphs
    $out =~ s/^(?:\.PP\n)+//;
    $out =~ s/(?:\.PP\n)+$//;
    return $out;
}

# Split a help text into its usage lines (without "usage: ") and the rest.
sub split_usage {
    my ($text) = @_;
    my ($usage, $rest) = split /\n\n/, $text, 2;
    my @synopsis;
    for my $l (split /\n/, $usage) {
        $l =~ s/^usage:\s*//;
        $l =~ s/^\s+//;
        push @synopsis, $l;
    }
    return (\@synopsis, $rest // '');
}

sub write_page {
    my ($name, $content) = @_;
    my $path = "$outdir/man1/$name.1";
    open(my $fh, '>:encoding(UTF-8)', $path) or die "$0: $path: $!\n";
    print $fh $content;
    close $fh or die "$0: $path: $!\n";
    system('gzip', '-9nf', $path) == 0 or die "$0: gzip $path failed\n";    # Debian's way
}

my $main = help_of('--help');
my ($version, $tagline) = $main =~ /^zuhyo (\S+): (.*)$/m or die "$0: no first line in --help\n";
my ($commands_block) = $main =~ /^commands:\n((?:  .*\n)+)/m or die "$0: no commands: in --help\n";
my @commands;
my %summary;
for (split /\n/, $commands_block) {
    next unless /^  (\S+)\s{2,}(.*)$/;
    push @commands, $1;
    $summary{$1} = $2;
}
mkdir $outdir;
mkdir "$outdir/man1";
my $header = sub {
    my ($name) = @_;
    return ".\\\" Generated by scripts/help2man.pl from `zuhyo --help`: do not edit.\n"
        . '.TH ' . roff(uc $name) . " 1 \"\" \"zuhyo $version\" \"User Commands\"\n"
        . ".nh\n.ad l\n";    # no hyphens inside option and file names
};

for my $cmd (@commands) {
    my ($synopsis, $rest) = split_usage(help_of($cmd, '--help'));
    my $page = $header->("zuhyo-$cmd")
        . ".SH NAME\nzuhyo\\-$cmd \\- " . roff($summary{$cmd}) . "\n"
        . ".SH SYNOPSIS\n.nf\n" . join('', map { roff_line($_) } @$synopsis) . ".fi\n"
        . ".SH DESCRIPTION\n" . roff_body($rest)
        . ".SH SEE ALSO\n.BR zuhyo (1)\n";
    write_page("zuhyo-$cmd", $page);
}

my ($main_usage) = $main =~ /^usage: (.*)$/m;
my ($after) = $main =~ /^commands:\n(?:  .*\n)+\n((?:.*\n)*)/m;
my $page = $header->('zuhyo')
    . ".SH NAME\nzuhyo \\- " . roff($tagline) . "\n"
    . ".SH SYNOPSIS\n" . roff_line($main_usage)
    . ".SH COMMANDS\n"
    . join('', map { ".TP\n.BR zuhyo\\-$_ (1)\n" . roff_line($summary{$_}) } @commands)
    . ".SH OPTIONS\n" . join('', map { /^\s+(\S.*?)\s{2,}(\S.*)$/ ? ".TP\n" . roff_term($1) . "\n" . roff_line($2) : () } split /\n/, $after // '')
    . <<'ROFF'
.SH ENVIRONMENT
.TP
.B ZUHYO_FONT_DIR
the folder holding the fontconfig file \fBfonts.conf\fR to use instead of zuhyo's own
.TP
.B ZUHYO_DATA_DIR
the folder holding \fBentities.tsv\fR (the dictionary of companies, institutions and
countries) to use instead of zuhyo's own
.TP
.B SOURCE_DATE_EPOCH
the creation date written into PDF files, for reproducible output
.SH FILES
zuhyo reads its data from \fIshare/zuhyo\fR beside its own program folder (for
\fI/usr/bin/zuhyo\fR, \fI/usr/share/zuhyo\fR), so an installed tree can be moved as a whole.
.TP
.I /usr/share/zuhyo/fonts/fonts.conf
the fonts zuhyo draws with (BIZ UDPGothic, then Noto Sans CJK JP); never the desktop's settings
.TP
.I /usr/share/zuhyo/data/entities.tsv
names of companies, institutions and countries, with their aliases
.SH EXIT STATUS
0 on success, 1 when the data cannot be used (or a check fails), 2 for a usage error,
130 when an interrupt or termination signal ended the command.
ROFF
    . ".SH SEE ALSO\n"
    . join(",\n", map { ".BR zuhyo\\-$_ (1)" } @commands) . "\n";
write_page('zuhyo', $page);
