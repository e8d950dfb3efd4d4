/* date.c: feed dates (RFC 822 and variants, RFC 3339, ISO 8601, national forms)
 * to UTC seconds and back to text. No locale, TZ or clock: the string alone. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "date.h"
#include "date-names.h"

#define SECONDS_PER_DAY		86400
#define DAYS_PER_400_YEARS	146097

/* Days from 0000-01-01 (proleptic Gregorian) to 1970-01-01. */
#define EPOCH_DAYS		719528

/* The first and last second this module reads or writes: 0001-01-01T00:00:00Z
 * to 9999-12-31T23:59:59Z when parsing (a four-digit year, as RFC 3339 and
 * Python's datetime allow), from 0000-01-01T00:00:00Z when formatting. */
#define PARSE_MIN		(-62135596800LL)
#define FORMAT_MIN		(-62167219200LL)
#define TIME_MAX		253402300799LL

/* Korean words in UTF-8: year, month, day (the OnBlog form "2004년 05월 28일")
 * and morning/afternoon (the Nate form "2004-05-25 오후 11:23:17"). */
#define KOREAN_YEAR		"\xeb\x85\x84"
#define KOREAN_MONTH		"\xec\x9b\x94"
#define KOREAN_DAY		"\xec\x9d\xbc"
#define KOREAN_AM		"\xec\x98\xa4\xec\xa0\x84"
#define KOREAN_PM		"\xec\x98\xa4\xed\x9b\x84"

/* Korea Standard Time, which the Korean forms imply: they carry no zone. */
#define KOREAN_OFFSET		540

enum meridiem {
	MERIDIEM_NONE,
	MERIDIEM_AM,
	MERIDIEM_PM
};

/* The fields as read, validated only by to_seconds(). */
struct fields {
	int		year;
	int		month;
	int		day;
	int		yday;		/* ordinal day: replaces month, day */
	int		hour;
	int		minute;
	int		second;
	enum meridiem	meridiem;	/* 12-hour clock unless MERIDIEM_NONE */
	int		offset;		/* minutes east of UTC */
};

/* A word of the free-form (RFC 822 style) date. */
struct token {
	const char	*p;
	size_t		 len;
};

struct zone {
	const char	*name;
	int		 offset;	/* minutes east of UTC */
};

struct name {
	const char	*text;
	int		 value;
};

/*
 * Zone abbreviations, sorted for bsearch. RFC 822 section 5 and RFC 2822
 * section 4.3 define UT, GMT, Z and the US zones; AT/ET/CT/MT/PT (US zones
 * without the standard/daylight letter) and MET/MEST come from real feeds
 * (feedparser reads them too); the rest are abbreviations common in feeds.
 * Some are ambiguous: IST is read as India, BST as British Summer Time.
 */
static const struct zone zones[] = {
	{ "ACDT", 630 }, { "ACST", 570 }, { "ADT", -180 }, { "AEDT", 660 },
	{ "AEST", 600 }, { "AKDT", -480 }, { "AKST", -540 }, { "AST", -240 },
	{ "AT", -240 }, { "AWST", 480 }, { "BST", 60 }, { "CAT", 120 },
	{ "CDT", -300 }, { "CEST", 120 }, { "CET", 60 }, { "CST", -360 },
	{ "CT", -360 }, { "EAT", 180 }, { "EDT", -240 }, { "EEST", 180 },
	{ "EET", 120 }, { "EST", -300 }, { "ET", -300 }, { "GMT", 0 },
	{ "HKT", 480 }, { "HST", -600 }, { "IST", 330 }, { "JST", 540 },
	{ "KST", 540 }, { "MDT", -360 }, { "MEST", 120 }, { "MESZ", 120 },
	{ "MET", 60 }, { "MEZ", 60 }, { "MSK", 180 }, { "MST", -420 },
	{ "MT", -420 }, { "NZDT", 780 }, { "NZST", 720 }, { "PDT", -420 },
	{ "PST", -480 }, { "PT", -480 }, { "SGT", 480 }, { "UCT", 0 },
	{ "UT", 0 }, { "UTC", 0 }, { "WAT", 60 }, { "WEST", 60 },
	{ "WET", 0 }, { "Z", 0 }
};

static const char *const english_months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const english_days[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

/* Greek month abbreviations in UTF-8, with and without the tonos, and the
 * spellings Greek blog software has been seen to use (Ιον, Ιολ). */
static const struct name greek_months[] = {
	{ "\xce\x99\xce\xb1\xce\xbd", 1 },			/* Ιαν */
	{ "\xce\xa6\xce\xb5\xce\xb2", 2 },			/* Φεβ */
	{ "\xce\x9c\xce\xb1\xcf\x81", 3 },			/* Μαρ */
	{ "\xce\x9c\xce\xac\xcf\x81", 3 },			/* Μάρ */
	{ "\xce\x91\xcf\x80\xcf\x81", 4 },			/* Απρ */
	{ "\xce\x9c\xce\xac\xce\xb9", 5 },			/* Μάι */
	{ "\xce\x9c\xce\xb1\xce\x90", 5 },			/* Μαΐ */
	{ "\xce\x9c\xce\xb1\xce\xb9", 5 },			/* Μαι */
	{ "\xce\x9c\xce\xb1\xcf\x8a", 5 },			/* Μαϊ */
	{ "\xce\x99\xce\xbf\xcf\x8d\xce\xbd", 6 },		/* Ιούν */
	{ "\xce\x99\xce\xbf\xcf\x85\xce\xbd", 6 },		/* Ιουν */
	{ "\xce\x99\xce\xbf\xce\xbd", 6 },			/* Ιον */
	{ "\xce\x99\xce\xbf\xcf\x8d\xce\xbb", 7 },		/* Ιούλ */
	{ "\xce\x99\xce\xbf\xcf\x85\xce\xbb", 7 },		/* Ιουλ */
	{ "\xce\x99\xce\xbf\xce\xbb", 7 },			/* Ιολ */
	{ "\xce\x91\xcf\x8d\xce\xb3", 8 },			/* Αύγ */
	{ "\xce\x91\xcf\x85\xce\xb3", 8 },			/* Αυγ */
	{ "\xce\xa3\xce\xb5\xcf\x80", 9 },			/* Σεπ */
	{ "\xce\x9f\xce\xba\xcf\x84", 10 },			/* Οκτ */
	{ "\xce\x9d\xce\xbf\xce\xad", 11 },			/* Νοέ */
	{ "\xce\x9d\xce\xbf\xce\xb5", 11 },			/* Νοε */
	{ "\xce\x94\xce\xb5\xce\xba", 12 }			/* Δεκ */
};

/* Greek day abbreviations: only recognized (and skipped), like English ones. */
static const struct name greek_days[] = {
	{ "\xce\x9a\xcf\x85\xcf\x81", 7 },			/* Κυρ */
	{ "\xce\x94\xce\xb5\xcf\x85", 1 },			/* Δευ */
	{ "\xce\xa4\xcf\x81\xce\xb9", 2 },			/* Τρι */
	{ "\xce\xa4\xcf\x81\xce\xaf", 2 },			/* Τρί */
	{ "\xce\xa4\xce\xb5\xcf\x84", 3 },			/* Τετ */
	{ "\xce\xa0\xce\xb5\xce\xbc", 4 },			/* Πεμ */
	{ "\xce\xa0\xce\xad\xce\xbc", 4 },			/* Πέμ */
	{ "\xce\xa0\xce\xb1\xcf\x81", 5 },			/* Παρ */
	{ "\xce\xa3\xce\xb1\xce\xb2", 6 },			/* Σαβ */
	{ "\xce\xa3\xce\xac\xce\xb2", 6 }			/* Σάβ */
};

/* Hungarian month names in UTF-8, as in "2004-július-13T9:15-05:00". */
static const struct name hungarian_months[] = {
	{ "janu\xc3\xa1r", 1 },				/* január */
	{ "febru\xc3\xa1r", 2 },				/* február */
	{ "m\xc3\xa1rcius", 3 },				/* március */
	{ "\xc3\xa1prilis", 4 },				/* április */
	{ "m\xc3\xa1jus", 5 },				/* május */
	{ "j\xc3\xbanius", 6 },				/* június */
	{ "j\xc3\xbalius", 7 },				/* július */
	{ "augusztus", 8 },
	{ "szeptember", 9 },
	{ "okt\xc3\xb3" "ber", 10 },			/* október */
	{ "november", 11 },
	{ "december", 12 }
};

/* Cumulative days before each month in a common year. */
static const int days_before_month[13] = {
	0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365
};

static int64_t	parse_iso(const char *);

static const char *
skip_space(const char *p)
{
	while (ascii_is_space((unsigned char)*p))
		p++;
	return p;
}

static size_t
digit_run(const char *p)
{
	return strspn(p, "0123456789");
}

/* The value of n (at most 9) digits at p. */
static int
number(const char *p, size_t n)
{
	int	v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Whether p (len bytes, at least three) starts the lower-case word full:
 * "Jan", "Sept" and "January" all name January. */
static int
abbreviates(const char *p, size_t len, const char *full)
{
	size_t	i;

	if (len < 3)
		return 0;
	for (i = 0; i < len; i++) {
		if (full[i] == '\0' || ascii_to_lower((unsigned char)p[i]) != full[i])
			return 0;
	}
	return 1;
}

static int
starts_with(const char *p, const char *prefix)
{
	return strncmp(p, prefix, strlen(prefix)) == 0;
}

static int
lookup_name(const struct name *table, size_t count, const char *p, size_t len)
{
	size_t	i;

	for (i = 0; i < count; i++) {
		if (ascii_equals(p, len, table[i].text))
			return table[i].value;
	}
	return 0;
}

static int
month_name(const char *p, size_t len)
{
	size_t	i;

	for (i = 0; i < 12; i++) {
		if (abbreviates(p, len, english_months[i]))
			return (int)i + 1;
	}
	if ((i = (size_t)lookup_name(greek_months,
	    sizeof greek_months / sizeof greek_months[0], p, len)) != 0)
		return (int)i;
	return date_month_name_other(p, len);
}

static int
day_name(const char *p, size_t len)
{
	size_t	i;

	for (i = 0; i < 7; i++) {
		if (abbreviates(p, len, english_days[i]))
			return 1;
	}
	return lookup_name(greek_days,
	    sizeof greek_days / sizeof greek_days[0], p, len) != 0;
}

static enum meridiem
meridiem_name(const char *p, size_t len)
{
	if (ascii_equals(p, len, "am") || ascii_equals(p, len, "a.m."))
		return MERIDIEM_AM;
	if (ascii_equals(p, len, "pm") || ascii_equals(p, len, "p.m."))
		return MERIDIEM_PM;
	return MERIDIEM_NONE;
}

/* RFC 2822 section 4.3: two-digit years 00-49 are 2000-2049, 50-99 are
 * 1950-1999; a three-digit year has 1900 added. */
static int
expand_year(int year, size_t digits)
{
	if (digits == 2)
		return year < 50 ? 2000 + year : 1900 + year;
	if (digits == 3)
		return 1900 + year;
	return year;
}

static int
is_leap(int64_t year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month(int year, int month)
{
	if (month == 2 && is_leap(year))
		return 29;
	return days_before_month[month] - days_before_month[month - 1];
}

/* Days from 0000-01-01 to the first of January of year (year >= 0). Year 0 is
 * a leap year, hence the rounding up of each leap-year count. */
static int64_t
days_before_year(int64_t year)
{
	return 365 * year + (year + 3) / 4 - (year + 99) / 100 +
	    (year + 399) / 400;
}

/* Validate the fields and convert them to seconds since the epoch, UTC. */
static int64_t
to_seconds(const struct fields *f)
{
	int64_t	days, t;
	int	hour = f->hour;

	if (f->year < 1 || f->year > 9999)
		return DATE_NONE;
	days = days_before_year(f->year);
	if (f->yday != 0) {
		if (f->yday < 1 || f->yday > 365 + is_leap(f->year))
			return DATE_NONE;
		days += f->yday - 1;
	} else {
		if (f->month < 1 || f->month > 12)
			return DATE_NONE;
		if (f->day < 1 || f->day > days_in_month(f->year, f->month))
			return DATE_NONE;
		days += days_before_month[f->month - 1] + f->day - 1;
		if (f->month > 2 && is_leap(f->year))
			days++;
	}
	if (f->meridiem != MERIDIEM_NONE) {
		if (hour < 1 || hour > 12)
			return DATE_NONE;
		hour %= 12;
		if (f->meridiem == MERIDIEM_PM)
			hour += 12;
	}
	/* Second 60 is a leap second (RFC 3339 section 5.7); epoch seconds
	 * cannot show it, so it reads as the next minute's first second. */
	if (hour > 23 || f->minute > 59 || f->second > 60)
		return DATE_NONE;
	t = (days - EPOCH_DAYS) * SECONDS_PER_DAY + hour * 3600 +
	    f->minute * 60 + f->second - (int64_t)f->offset * 60;
	if (t < PARSE_MIN || t > TIME_MAX)
		return DATE_NONE;
	return t;
}

/* A numeric offset, all of p[0..len): "+0100", "-01:01", "+1", "-00:20". */
static int
parse_offset(const char *p, size_t len, int *offset)
{
	int	sign, hours, minutes;
	size_t	n;

	if (len < 2 || (p[0] != '+' && p[0] != '-'))
		return -1;
	sign = p[0] == '-' ? -1 : 1;
	p++;
	len--;
	n = digit_run(p);
	if (n > len)
		n = len;
	if (n < len && p[n] == ':') {
		if (n < 1 || n > 2 || len != n + 3 || digit_run(p + n + 1) < 2)
			return -1;
		hours = number(p, n);
		minutes = number(p + n + 1, 2);
	} else if (n != len) {
		return -1;
	} else if (n <= 2) {
		hours = number(p, n);
		minutes = 0;
	} else if (n <= 4) {
		hours = number(p, n - 2);
		minutes = number(p + n - 2, 2);
	} else
		return -1;
	if (hours > 23 || minutes > 59)
		return -1;
	*offset = sign * (hours * 60 + minutes);
	return 0;
}

static int
compare_zone(const void *key, const void *member)
{
	const struct token	*word = key;
	const struct zone	*zone = member;
	size_t			 i;
	int			 diff;

	for (i = 0; i < word->len && zone->name[i] != '\0'; i++) {
		diff = ascii_to_upper((unsigned char)word->p[i]) - zone->name[i];
		if (diff != 0)
			return diff;
	}
	if (i < word->len)
		return 1;
	return zone->name[i] == '\0' ? 0 : -1;
}

/*
 * A zone, all of p[0..len): a numeric offset, a name from the table, "Etc/GMT"
 * or "GMT+01:00". An unknown name of up to five letters is read as UTC, as
 * feedparser does, since a date a few hours off beats no date; RFC 2822
 * section 4.3 asks the same of the single-letter military zones.
 */
static int
parse_zone(const char *p, size_t len, int *offset)
{
	struct token		 word;
	const struct zone	*zone;
	size_t			 letters = 0;
	int			 etc = 0;

	/* tz database names: Etc/GMT, Etc/UTC and Etc/GMT+5, whose sign is
	 * POSIX's (west positive), the opposite of ISO 8601's. */
	if (len > 4 && ascii_equals(p, 4, "etc/")) {
		p += 4;
		len -= 4;
		etc = 1;
	}
	if (len == 0)
		return -1;
	if (p[0] == '+' || p[0] == '-')
		return etc ? -1 : parse_offset(p, len, offset);
	while (letters < len && ascii_is_alpha((unsigned char)p[letters]))
		letters++;
	if (letters == 0)
		return -1;
	if (letters < len) {
		if (!ascii_equals(p, letters, "gmt") &&
		    !ascii_equals(p, letters, "utc") &&
		    !ascii_equals(p, letters, "ut"))
			return -1;
		if (parse_offset(p + letters, len - letters, offset) != 0)
			return -1;
		if (etc)
			*offset = -*offset;
		return 0;
	}
	word.p = p;
	word.len = len;
	zone = bsearch(&word, zones, sizeof zones / sizeof zones[0],
	    sizeof zones[0], compare_zone);
	if (zone != NULL) {
		*offset = zone->offset;
		return 0;
	}
	if (len <= 5) {
		*offset = 0;
		return 0;
	}
	return -1;
}

/* Clock time "H:MM", "HH:MM:SS", "HH:MM:SS.fraction" (fraction truncated).
 * Returns the end, or NULL. */
static const char *
parse_clock(const char *p, struct fields *f)
{
	size_t	n;

	n = digit_run(p);
	if (n < 1 || n > 2 || p[n] != ':')
		return NULL;
	f->hour = number(p, n);
	p += n + 1;
	n = digit_run(p);
	if (n < 1 || n > 2)
		return NULL;
	f->minute = number(p, n);
	p += n;
	if (*p == ':') {
		p++;
		n = digit_run(p);
		if (n < 1 || n > 2)
			return NULL;
		f->second = number(p, n);
		p += n;
		if (*p == '.' && ascii_is_digit((unsigned char)p[1]))
			p += 1 + digit_run(p + 1);
	}
	if (*p == ':')
		return NULL;
	return p;
}

/* ISO 8601 time after "T": extended "HH:MM[:SS]" or basic "HHMM[SS]". */
static const char *
parse_iso_clock(const char *p, struct fields *f)
{
	size_t	n;

	n = digit_run(p);
	if ((n == 4 || n == 6) && p[n] != ':') {
		f->hour = number(p, 2);
		f->minute = number(p + 2, 2);
		if (n == 6)
			f->second = number(p + 4, 2);
		p += n;
		if (*p == '.' && ascii_is_digit((unsigned char)p[1]))
			p += 1 + digit_run(p + 1);
		return p;
	}
	return parse_clock(p, f);
}

/*
 * The next word of a free-form date. White space and commas separate words
 * ("Fri,24 Nov 2023", "13 Feb, 2012"); RFC 2822 comments in parentheses,
 * "-0700 (PDT)", are skipped. Returns 0 at the end.
 */
static int
next_token(const char **pp, struct token *token)
{
	const char	*p = *pp;

	for (;;) {
		while (ascii_is_space((unsigned char)*p) || *p == ',')
			p++;
		if (*p != '(')
			break;
		while (*p != '\0' && *p != ')')
			p++;
		if (*p == ')')
			p++;
	}
	if (*p == '\0')
		return 0;
	token->p = p;
	while (*p != '\0' && !ascii_is_space((unsigned char)*p) && *p != ',' &&
	    *p != '(')
		p++;
	token->len = (size_t)(p - token->p);
	*pp = p;
	return 1;
}

static int
at_end(const char *p)
{
	struct token	token;

	return !next_token(&p, &token);
}

/*
 * What follows an ISO 8601 date: nothing, or "T" or white space, the time, a
 * zone ("Z", "+01:00", "-0500"), and after white space an AM/PM marker or a
 * zone name (MSSQL's "2004-07-08 23:56:58 -00:20", Perforce's "... EDT").
 * Korean forms have no zone and mean Korea Standard Time.
 */
static int64_t
parse_iso_tail(const char *p, struct fields *f, int korean)
{
	struct token	 token;
	const char	*end;
	enum meridiem	 meridiem;
	int		 have_zone = 0;

	if (*p == 'T' || *p == 't') {
		p = parse_iso_clock(p + 1, f);
	} else if (ascii_is_space((unsigned char)*p)) {
		p = skip_space(p);
		if (*p == '\0')
			return korean ? DATE_NONE : to_seconds(f);
		if (starts_with(p, KOREAN_AM) || starts_with(p, KOREAN_PM)) {
			f->meridiem = starts_with(p, KOREAN_AM) ?
			    MERIDIEM_AM : MERIDIEM_PM;
			korean = 1;
			p = skip_space(p + strlen(KOREAN_AM));
		}
		p = parse_clock(p, f);
	} else if (*p == '\0') {
		return korean ? DATE_NONE : to_seconds(f);
	} else
		return DATE_NONE;
	if (p == NULL)
		return DATE_NONE;

	if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-') {
		end = p;
		while (*end != '\0' && !ascii_is_space((unsigned char)*end))
			end++;
		if (parse_zone(p, (size_t)(end - p), &f->offset) != 0)
			return DATE_NONE;
		have_zone = 1;
		p = end;
	} else if (*p != '\0' && !ascii_is_space((unsigned char)*p))
		return DATE_NONE;

	while (next_token(&p, &token)) {
		meridiem = meridiem_name(token.p, token.len);
		if (meridiem != MERIDIEM_NONE && f->meridiem == MERIDIEM_NONE &&
		    !have_zone)
			f->meridiem = meridiem;
		else if (!have_zone &&
		    parse_zone(token.p, token.len, &f->offset) == 0)
			have_zone = 1;
		else
			return DATE_NONE;
	}
	if (!have_zone && korean)
		f->offset = KOREAN_OFFSET;
	return to_seconds(f);
}

/* OnBlog's "2004년 05월 28일  01:31:15", from the year's first digit. */
static int64_t
parse_onblog(const char *p, struct fields *f)
{
	size_t	n;

	f->year = number(p, 4);
	p = skip_space(p + 4 + strlen(KOREAN_YEAR));
	n = digit_run(p);
	if (n < 1 || n > 2 || !starts_with(p + n, KOREAN_MONTH))
		return DATE_NONE;
	f->month = number(p, n);
	p = skip_space(p + n + strlen(KOREAN_MONTH));
	n = digit_run(p);
	if (n < 1 || n > 2 || !starts_with(p + n, KOREAN_DAY))
		return DATE_NONE;
	f->day = number(p, n);
	return parse_iso_tail(p + n + strlen(KOREAN_DAY), f, 1);
}

/*
 * ISO 8601 and its feed dialects, from a digit or "-": RFC 3339 and W3CDTF
 * ("2003-12-31T10:14:55Z", "2003-12", "2003"), basic forms ("20031231",
 * "2003335"), two-digit years ("03-12-31", "031231", "03335", "-03-12",
 * "-0312"), Google's "2003-012-31", Perforce's "2006/09/15", the Hungarian
 * "2004-július-13" and the Korean forms.
 */
static int64_t
parse_iso(const char *p)
{
	struct fields	 f;
	const char	*end;
	size_t		 n;
	char		 separator;
	int		 two_digit = 0;

	memset(&f, 0, sizeof f);
	f.month = 1;
	f.day = 1;

	/* ISO 8601:1988 truncated forms: "-YYMM" and "-YY-MM". */
	if (*p == '-') {
		p++;
		n = digit_run(p);
		if (n == 4 || n == 2)
			f.year = expand_year(number(p, 2), 2);
		if (n == 4) {
			f.month = number(p + 2, 2);
			p += 4;
		} else if (n == 2 && p[2] == '-' && digit_run(p + 3) == 2) {
			f.month = number(p + 3, 2);
			p += 5;
		} else
			return DATE_NONE;
		return parse_iso_tail(p, &f, 0);
	}

	n = digit_run(p);
	if (n == 4 && starts_with(p + 4, KOREAN_YEAR))
		return parse_onblog(p, &f);

	if (p[n] == '-' || (p[n] == '/' && n == 4)) {
		separator = p[n];
		if (n == 4)
			f.year = number(p, 4);
		else if (n == 2) {
			f.year = expand_year(number(p, 2), 2);
			two_digit = 1;
		} else
			return DATE_NONE;
		p += n + 1;

		n = digit_run(p);
		end = p;
		while (n == 0 && *end != '\0' && *end != '-' &&
		    !ascii_is_space((unsigned char)*end))
			end++;
		if (n == 0 && separator == '-' && *end == '-' &&
		    (f.month = lookup_name(hungarian_months,
		    sizeof hungarian_months / sizeof hungarian_months[0], p,
		    (size_t)(end - p))) != 0)
			p = end;
		else if (n == 1 || n == 2) {
			f.month = number(p, n);
			p += n;
		} else if (n == 3 && p[0] == '0' && p[3] == separator) {
			/* Google's extra zero: "2003-012-31". */
			f.month = number(p + 1, 2);
			p += 3;
		} else if (n == 3 && separator == '-') {
			f.yday = number(p, 3);
			return parse_iso_tail(p + 3, &f, 0);
		} else
			return DATE_NONE;

		if (*p == separator) {
			p++;
			n = digit_run(p);
			if (n < 1 || n > 2)
				return DATE_NONE;
			f.day = number(p, n);
			p += n;
		} else if (two_digit)
			return DATE_NONE;	/* "03-12" could be anything */
		return parse_iso_tail(p, &f, 0);
	}

	/* Basic format: the length of the digit run tells the form. */
	if (p[n] != '\0' && p[n] != 'T' && p[n] != 't' &&
	    !ascii_is_space((unsigned char)p[n]))
		return DATE_NONE;
	switch (n) {
	case 8:
		f.year = number(p, 4);
		f.month = number(p + 4, 2);
		f.day = number(p + 6, 2);
		break;
	case 7:
		f.year = number(p, 4);
		f.yday = number(p + 4, 3);
		break;
	case 6:
		f.year = expand_year(number(p, 2), 2);
		f.month = number(p + 2, 2);
		f.day = number(p + 4, 2);
		break;
	case 5:
		f.year = expand_year(number(p, 2), 2);
		f.yday = number(p + 2, 3);
		break;
	case 4:
		f.year = number(p, 4);
		break;
	default:
		return DATE_NONE;
	}
	return parse_iso_tail(p + n, &f, 0);
}

/* A bare number in a free-form date: the first short one is the day, the
 * next (or any of three or more digits) the year. */
static int
take_number(const struct token *token, struct fields *f, int *have_day,
    int *have_year)
{
	if (token->len > 4)
		return -1;
	if (!*have_day && token->len <= 2) {
		f->day = number(token->p, token->len);
		*have_day = 1;
		return 0;
	}
	if (*have_year || token->len < 2)
		return -1;
	f->year = expand_year(number(token->p, token->len), token->len);
	*have_year = 1;
	return 0;
}

/*
 * RFC 822 section 5 and RFC 2822 section 3.3 dates and what feeds make of
 * them, read as words in any sensible order: an optional day name first,
 * "30 Aug" or "Aug 30", a year of two to four digits, an optional time and an
 * optional zone (before the year too: asctime, "Sun Jul 15 01:16:00 +0000
 * 2012"). A missing time is midnight, a missing zone UTC.
 */
static int64_t
parse_text(const char *p)
{
	struct fields	 f;
	struct token	 token;
	const char	*end, *token_end;
	enum meridiem	 meridiem;
	size_t		 n, len;
	int		 seen = 0, have_day = 0, have_year = 0;
	int		 have_time = 0, have_zone = 0, month;

	memset(&f, 0, sizeof f);
	for (; next_token(&p, &token); seen++) {
		int	c = (unsigned char)token.p[0];

		token_end = token.p + token.len;
		if (ascii_is_digit(c)) {
			n = digit_run(token.p);
			if (n > token.len)
				n = token.len;
			if (n < token.len &&
			    (token.p[n] == '-' || token.p[n] == '/')) {
				/* Perforce, "Fri, 2006/09/15 08:19:53 EDT",
				 * or ISO 8601 after a day name. */
				if (seen != 0)
					return DATE_NONE;
				return parse_iso(token.p);
			}
			/* "3." is how German writes the third. */
			if (n == token.len || (n + 1 == token.len &&
			    token.p[n] == '.' && !have_day)) {
				token.len = n;
				if (take_number(&token, &f, &have_day,
				    &have_year) != 0)
					return DATE_NONE;
				continue;
			}
			/* "10h00", "10h": the French clock. */
			if (!have_time && n <= 2 && (token.p[n] == 'h' || token.p[n] == 'H') &&
			    digit_run(token.p + n + 1) == token.len - n - 1 &&
			    token.len - n - 1 <= 2) {
				f.hour = number(token.p, n);
				f.minute = token.len - n - 1 > 0 ?
				    number(token.p + n + 1, token.len - n - 1) : 0;
				have_time = 1;
				continue;
			}
			if (have_time ||
			    (end = parse_clock(token.p, &f)) == NULL ||
			    end > token_end)
				return DATE_NONE;
			have_time = 1;
			if (end == token_end)
				continue;
			/* "10:00pm", "19:48:21GMT" */
			len = (size_t)(token_end - end);
			meridiem = meridiem_name(end, len);
			if (meridiem != MERIDIEM_NONE)
				f.meridiem = meridiem;
			else if (parse_zone(end, len, &f.offset) == 0)
				have_zone = 1;
			else
				return DATE_NONE;
			continue;
		}
		if (c == '+' || c == '-') {
			if (have_zone ||
			    parse_zone(token.p, token.len, &f.offset) != 0)
				return DATE_NONE;
			have_zone = 1;
			continue;
		}

		/* A word; "Jan." and "Thu." are abbreviations too. */
		len = token.len;
		if (len > 1 && token.p[len - 1] == '.')
			len--;
		/* A day name of another language may also name a month
		 * (French and Spanish "mar"): a day name has its comma. */
		if (seen == 0 && (day_name(token.p, len) ||
		    (date_day_name_other(token.p, len) &&
		    (*p == ',' || month_name(token.p, len) == 0))))
			seen--;		/* the day name is not checked */
		else if (f.month == 0 &&
		    (month = month_name(token.p, len)) != 0)
			f.month = month;
		else if (have_time && !have_zone &&
		    f.meridiem == MERIDIEM_NONE &&
		    (meridiem = meridiem_name(token.p, token.len)) !=
		    MERIDIEM_NONE)
			f.meridiem = meridiem;
		else if (!have_zone && (have_time || at_end(p)) &&
		    parse_zone(token.p, token.len, &f.offset) == 0)
			have_zone = 1;	/* without a time, only last */
		else if (!date_filler_word(token.p, token.len))
			return DATE_NONE;
	}
	if (!have_day || f.month == 0 || !have_year)
		return DATE_NONE;
	return to_seconds(&f);
}

int64_t
date_parse(const char *s)
{
	int64_t	t;

	if (s == NULL)
		return DATE_NONE;
	s = skip_space(s);
	if (*s == '\0')
		return DATE_NONE;
	if (ascii_is_digit((unsigned char)*s) || *s == '-') {
		t = parse_iso(s);
		if (t != DATE_NONE)
			return t;
	}
	return parse_text(s);
}

static void
put_digits(char *out, int value, int width)
{
	while (width-- > 0) {
		out[width] = (char)('0' + value % 10);
		value /= 10;
	}
}

char *
date_format_iso(int64_t t, char *out)
{
	int64_t	days, seconds, year;
	int	yday, month, day, leap;

	if (t == DATE_NONE || t < FORMAT_MIN || t > TIME_MAX) {
		out[0] = '\0';
		return out;
	}
	/* Count from 0000-01-01 so that both quotients are non-negative. */
	days = (t - FORMAT_MIN) / SECONDS_PER_DAY;
	seconds = (t - FORMAT_MIN) % SECONDS_PER_DAY;

	/* 400 Gregorian years are exactly DAYS_PER_400_YEARS days, so this
	 * guess is at most a year off either way. */
	year = days * 400 / DAYS_PER_400_YEARS;
	while (days_before_year(year + 1) <= days)
		year++;
	while (days_before_year(year) > days)
		year--;
	yday = (int)(days - days_before_year(year));

	leap = is_leap(year);
	if (leap && yday == 59) {
		month = 2;
		day = 29;
	} else {
		if (leap && yday > 59)
			yday--;
		/* No month has over 31 days: yday / 31 never overshoots. */
		month = yday / 31;
		while (yday >= days_before_month[month + 1])
			month++;
		day = yday - days_before_month[month] + 1;
		month++;
	}

	put_digits(out, (int)year, 4);
	out[4] = '-';
	put_digits(out + 5, month, 2);
	out[7] = '-';
	put_digits(out + 8, day, 2);
	out[10] = 'T';
	put_digits(out + 11, (int)(seconds / 3600), 2);
	out[13] = ':';
	put_digits(out + 14, (int)(seconds / 60 % 60), 2);
	out[16] = ':';
	put_digits(out + 17, (int)(seconds % 60), 2);
	out[19] = 'Z';
	out[20] = '\0';
	return out;
}
