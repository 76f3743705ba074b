/* Writing SVG safely and reproducibly: escaping untrusted text, safe ids,
 * numbers in one fixed format, and an estimate of how wide a line of text
 * will be, so that charts truncate labels (with an ellipsis) instead of
 * letting them overlap.
 *
 * Roadmap text is untrusted. Everything a roadmap says goes through
 * ldr_svg_esc() (or a function built on it) and only ever into character
 * data or a quoted attribute that is not style, class or id; ids built from
 * roadmap ids go through ldr_svg_id(). */
#ifndef LDR_SVG_H
#define LDR_SVG_H

#include <stddef.h>

#include "../../model/base/util.h"

/* The font every chart asks for. The width estimates are DejaVu Sans's own
 * advance widths (Verdana's are close); Arial, Helvetica and Liberation Sans
 * are narrower, so a label estimated to fit fits in them too. */
#define LDR_SVG_FONT "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"

/* Append n bytes of s escaped for XML character data or a quoted attribute:
 * & < > " ' become entities; what XML 1.0 forbids (control characters but
 * tab and newline, U+FFFE, U+FFFF, invalid UTF-8) and what could disguise
 * text (C1 controls, bidirectional overrides and isolates, noncharacters)
 * becomes U+FFFD. With keep_lines, newlines stay; otherwise newlines and
 * tabs become spaces (a label is one line). */
void ldr_svg_esc_n(struct ldr_buf *b, const char *s, size_t n, int keep_lines);
void ldr_svg_esc(struct ldr_buf *b, const char *s);

/* Append an id made safe for an id attribute or a url(#...) reference:
 * prefix, then s with every character outside [A-Za-z0-9_-] replaced by
 * '_'. The prefix must be a constant of the chart (it makes the id start
 * with a letter and keeps the kinds of ids apart). */
void ldr_svg_id(struct ldr_buf *b, const char *prefix, const char *s);

/* A coordinate rounded to the tenth that "%.1f" prints, never "-0.0". */
double ldr_svg_r(double v);

/* ldr_buf_addf for the charts, byte for byte what printf would write, but
 * without printf for the conversions charts use (%s %c %d %u %zu %% and
 * %.Nf for N up to 3): a chart prints hundreds of thousands of numbers, and
 * printf's exact decimal conversion of each was most of a chart's time.
 * A number is written from an integer of its rounded digits; one printf
 * cannot agree with so (a tie, or a number over a million) is printed by
 * printf, as is a whole format with any other conversion. */
void ldr_svg_addf(struct ldr_buf *b, const char *fmt, ...);
void ldr_svg_addnum(struct ldr_buf *b, double v, int digits);

/* The estimated width of n bytes of s set in the chart font at size (in
 * the same unit as size); bold text is wider. */
double ldr_svg_width_n(const char *s, size_t n, double size, int bold);
double ldr_svg_width(const char *s, double size, int bold);

/* How many bytes of s fit in max_width, leaving room for an ellipsis when
 * not all of s fits: strlen(s) when it all fits, else a shorter prefix
 * ending on a character boundary (trailing blanks dropped), possibly 0. */
size_t ldr_svg_fit(const char *s, double size, int bold, double max_width);

/* Append s escaped, cut to max_width with "…" when it is too long. Returns
 * 1 if it was cut (the caller should then give the full text a <title>). */
int ldr_svg_add_fit(struct ldr_buf *b, const char *s, double size, int bold, double max_width);

/* Word wrap: the number of bytes of s that make its first line within
 * max_width, breaking after a blank where one can, and in *next the offset
 * where the following line starts (blanks skipped). A word longer than the
 * line is broken between characters. Returns 0 and *next == 0 only for an
 * empty s. */
size_t ldr_svg_wrap(const char *s, double size, int bold, double max_width, size_t *next);

/* The document: an XML declaration, then <svg> with a viewBox in
 * millimetres (one user unit is 1 mm), the page size in mm, role="img" and
 * aria-labelledby naming its <title> and <desc>, which come first. */
void ldr_svg_begin(struct ldr_buf *b, double width_mm, double height_mm, const char *title,
		   const char *desc);
void ldr_svg_end(struct ldr_buf *b);

/* A <text> element: attrs is the chart's own constant markup (never roadmap
 * text), e.g. "font-weight=\"bold\" text-anchor=\"end\"", or NULL. The text
 * is cut to max_width (none when max_width <= 0); when cut, the full text is
 * its <title>. Returns 1 if it was cut. */
int ldr_svg_text(struct ldr_buf *b, double x, double y, double size, const char *attrs,
		 const char *s, double max_width);

/* <title> with s escaped, for the element just opened. */
void ldr_svg_title(struct ldr_buf *b, const char *s);

#endif
