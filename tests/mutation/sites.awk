# The mutation sites of C sources: one line "FILE<TAB>LINE<TAB>COL<TAB>FROM<TAB>TO"
# for each operator on a line of code that a mutant may change:
#   <  -> <=    <= -> <    > -> >=    >= -> >    == -> !=    && -> ||    | -> ^
# Comments, string and character literals and preprocessor lines are
# skipped; so are ->, << and >>, <<= and >>=, |= and ||. COL counts from 1.
function blank(s, from, to,   i, out) {
	out = substr(s, 1, from - 1)
	for (i = from; i <= to; i++)
		out = out " "
	return out substr(s, to + 1)
}
# The line with its comments and literals blanked, columns kept; sets
# in_comment for the next line.
function code(s,   i, c, n, q, start) {
	n = length(s)
	i = 1
	while (i <= n) {
		c = substr(s, i, 1)
		if (in_comment) {
			start = i
			while (i <= n && substr(s, i, 2) != "*/")
				i++
			if (i <= n) {
				in_comment = 0
				i += 2
			}
			s = blank(s, start, i - 1)
			continue
		}
		if (substr(s, i, 2) == "/*") {
			in_comment = 1
			continue
		}
		if (substr(s, i, 2) == "//")
			return blank(s, i, n)
		if (c == "\"" || c == "'") {
			q = c
			start = i
			i++
			while (i <= n && substr(s, i, 1) != q)
				i += substr(s, i, 1) == "\\" ? 2 : 1
			s = blank(s, start, i)
			i++
			continue
		}
		i++
	}
	return s
}
function site(col, from, to) {
	printf "%s\t%d\t%d\t%s\t%s\n", FILENAME, FNR, col, from, to
}
FNR == 1 { in_comment = 0 }
{
	if (!in_comment && $0 ~ /^[ \t]*#/)
		next
	s = code($0)
	n = length(s)
	for (i = 1; i <= n; i++) {
		p = i > 1 ? substr(s, i - 1, 1) : " "
		c = substr(s, i, 1)
		d = substr(s, i + 1, 1)
		if (c == "<" && p != "<" && d != "<") {
			if (d == "=")
				site(i, "<=", "<")
			else
				site(i, "<", "<=")
		} else if (c == ">" && p != ">" && p != "-" && d != ">") {
			if (d == "=")
				site(i, ">=", ">")
			else
				site(i, ">", ">=")
		} else if (c == "=" && d == "=" && p !~ /[=!<>]/) {
			site(i, "==", "!=")
		} else if (c == "&" && d == "&" && p != "&") {
			site(i, "&&", "||")
		} else if (c == "|" && p != "|" && d != "|" && d != "=") {
			site(i, "|", "^")
		}
	}
}
