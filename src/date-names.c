/* date-names.c: month and day names of the languages feeds write dates in
 * besides English and Greek abbreviations (which date.c knows): German,
 * French, Italian, Spanish, Portuguese, Dutch and Greek month names in
 * full, with the abbreviations their CMSs print, and the small words those
 * dates put between the numbers ("4 de diciembre de 2026", "um 10:00 Uhr").
 * Names are matched whole, ASCII case aside (a trailing dot is the
 * caller's to drop): prefixes would be ambiguous here, as French "jui" is
 * both juin and juillet. The text is UTF-8. */
#include "config.h"

#include <string.h>

#include "ascii.h"
#include "date-names.h"

struct date_name {
	const char	*text;
	int		 value;
};

static const struct date_name months[] = {
	/* German (Austrian Jänner too) */
	{ "januar", 1 }, { "jänner", 1 }, { "jän", 1 }, { "februar", 2 }, { "märz", 3 },
	{ "mär", 3 }, { "mrz", 3 }, { "mai", 5 }, { "juni", 6 }, { "juli", 7 },
	{ "oktober", 10 }, { "okt", 10 }, { "dezember", 12 }, { "dez", 12 },
	/* French */
	{ "janvier", 1 }, { "janv", 1 }, { "février", 2 }, { "fevrier", 2 }, { "févr", 2 },
	{ "fevr", 2 }, { "fév", 2 }, { "fev", 2 }, { "mars", 3 }, { "avril", 4 },
	{ "avr", 4 }, { "juin", 6 }, { "juillet", 7 }, { "juil", 7 }, { "août", 8 },
	{ "aout", 8 }, { "aoû", 8 }, { "septembre", 9 }, { "octobre", 10 },
	{ "novembre", 11 }, { "décembre", 12 }, { "decembre", 12 }, { "déc", 12 },
	/* Italian */
	{ "gennaio", 1 }, { "gen", 1 }, { "febbraio", 2 }, { "marzo", 3 }, { "aprile", 4 },
	{ "maggio", 5 }, { "mag", 5 }, { "giugno", 6 }, { "giu", 6 }, { "luglio", 7 },
	{ "lug", 7 }, { "agosto", 8 }, { "ago", 8 }, { "settembre", 9 }, { "set", 9 },
	{ "ottobre", 10 }, { "ott", 10 }, { "dicembre", 12 }, { "dic", 12 },
	/* Spanish */
	{ "enero", 1 }, { "ene", 1 }, { "febrero", 2 }, { "abril", 4 }, { "abr", 4 },
	{ "mayo", 5 }, { "junio", 6 }, { "julio", 7 }, { "septiembre", 9 },
	{ "setiembre", 9 }, { "octubre", 10 }, { "noviembre", 11 }, { "diciembre", 12 },
	/* Portuguese */
	{ "janeiro", 1 }, { "fevereiro", 2 }, { "março", 3 }, { "marco", 3 }, { "maio", 5 },
	{ "junho", 6 }, { "julho", 7 }, { "setembro", 9 }, { "outubro", 10 },
	{ "out", 10 }, { "novembro", 11 }, { "dezembro", 12 },
	/* Dutch */
	{ "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mrt", 3 }, { "mei", 5 },
	{ "augustus", 8 },
	/* Greek, in the genitive dates use, and in the nominative */
	{ "Ιανουαρίου", 1 }, { "Φεβρουαρίου", 2 }, { "Μαρτίου", 3 }, { "Απριλίου", 4 },
	{ "Μαΐου", 5 }, { "Μαϊου", 5 }, { "Ιουνίου", 6 }, { "Ιουλίου", 7 },
	{ "Αυγούστου", 8 }, { "Σεπτεμβρίου", 9 }, { "Οκτωβρίου", 10 },
	{ "Νοεμβρίου", 11 }, { "Δεκεμβρίου", 12 },
	{ "ιανουαρίου", 1 }, { "φεβρουαρίου", 2 }, { "μαρτίου", 3 }, { "απριλίου", 4 },
	{ "μαΐου", 5 }, { "ιουνίου", 6 }, { "ιουλίου", 7 }, { "αυγούστου", 8 },
	{ "σεπτεμβρίου", 9 }, { "οκτωβρίου", 10 }, { "νοεμβρίου", 11 },
	{ "δεκεμβρίου", 12 },
	{ "Ιανουάριος", 1 }, { "Φεβρουάριος", 2 }, { "Μάρτιος", 3 }, { "Απρίλιος", 4 },
	{ "Μάιος", 5 }, { "Ιούνιος", 6 }, { "Ιούλιος", 7 }, { "Αύγουστος", 8 },
	{ "Σεπτέμβριος", 9 }, { "Οκτώβριος", 10 }, { "Νοέμβριος", 11 },
	{ "Δεκέμβριος", 12 },
};

/* Day names, only to be skipped: two- and three-letter abbreviations and
 * the full names. */
static const char *const days[] = {
	/* German */
	"mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch",
	"donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
	/* French */
	"lun", "mar", "mer", "jeu", "ven", "sam", "dim", "lundi", "mardi", "mercredi",
	"jeudi", "vendredi", "samedi", "dimanche",
	/* Italian */
	"gio", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
	"domenica", "dom", "sab",
	/* Spanish */
	"mié", "mie", "jue", "vie", "sáb", "lunes", "martes", "miércoles", "miercoles",
	"jueves", "viernes", "sábado", "domingo",
	/* Portuguese */
	"seg", "ter", "qua", "qui", "sex", "segunda", "terça", "terca", "quarta",
	"quinta", "sexta", "segunda-feira", "terça-feira", "terca-feira",
	"quarta-feira", "quinta-feira", "sexta-feira",
	/* Dutch */
	"ma", "wo", "vr", "za", "zo", "maandag", "dinsdag", "woensdag", "donderdag",
	"vrijdag", "zaterdag", "zondag",
	/* Greek, in full */
	"Κυριακή", "Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή", "Σάββατο",
};

/* The words between the parts: "4 de diciembre de 2026", "le 4 décembre
 * 2026 à 10:00", "3. März 2026 um 10:00 Uhr", "4 dicembre 2026 alle ore
 * 10:00", "4 december 2026 om 10:00". */
static const char *const fillers[] = {
	"de", "del", "le", "à", "a", "às", "as", "las", "um", "uhr", "alle", "ore",
	"om",
};

static bool
same(const char *p, size_t len, const char *word)
{
	return strlen(word) == len && ascii_ncasecmp(p, word, len) == 0;
}

int
date_month_name_other(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++)
		if (same(p, len, months[i].text))
			return months[i].value;
	return 0;
}

bool
date_day_name_other(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		if (same(p, len, days[i]))
			return true;
	return false;
}

bool
date_filler_word(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(fillers) / sizeof(fillers[0]); i++)
		if (same(p, len, fillers[i]))
			return true;
	return false;
}
