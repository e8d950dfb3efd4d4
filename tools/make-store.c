/* make-store.c: build a large store for measuring the reader: N items
 * (default 1,000,000) over 200 feeds with English and Greek titles and
 * text, written through the store's own API (store_upsert_item) in one
 * transaction per feed per batch, as refreshes write them. Not a test and
 * not built by make. Build by hand, from the source tree:
 *
 *   cc -std=c11 -O2 -I. -Iinclude tools/make-store.c src/store.c \
 *       src/store-items.c src/store-search.c src/store-views.c src/feed.c \
 *       src/text.c src/entities.c src/buf.c src/utf8.c src/xmalloc.c \
 *       $(pkg-config --cflags --libs sqlite3) -o make-store
 *   ./make-store PATH [ITEMS [FEEDS]]
 *
 * PATH must not exist. The newest 5% of the items stay unread, the rest are
 * marked read, as in a store that has been read for a while. Prints how long
 * each part took. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "feed.h"
#include "store.h"
#include "xmalloc.h"

#define DEFAULT_ITEMS	1000000
#define DEFAULT_FEEDS	200
#define BATCH		500	/* items a feed gets in one refresh */
#define SPAN_DAYS	730	/* the items are dated over two years */
#define UNREAD_PERCENT	5

static const char *const english[] = {
	"the", "a", "new", "report", "shows", "city", "council", "plans", "water",
	"energy", "price", "market", "school", "health", "study", "finds", "young",
	"people", "government", "budget", "climate", "change", "storm", "season",
	"football", "team", "wins", "final", "election", "vote", "minister",
	"company", "launches", "phone", "software", "release", "kernel", "security",
	"update", "patch", "open", "source", "project", "community", "garden",
	"recipe", "winter", "summer", "travel", "train", "airport", "strike",
	"museum", "exhibition", "music", "festival", "film", "review", "book",
	"author", "interview", "science", "space", "mission", "moon", "telescope",
	"ocean", "river", "forest", "fire", "rain", "snow", "heat", "record",
	"bank", "interest", "rates", "housing", "rent", "workers", "union",
	"hospital", "doctors", "nurses", "vaccine", "research", "university",
	"students", "teachers", "court", "ruling", "police", "investigation",
	"village", "mountain", "bridge", "road", "traffic", "cyclists", "bus",
	"electric", "cars", "battery", "solar", "wind", "farm", "harvest", "food",
	"coffee", "bakery", "local", "national", "world", "europe", "asia",
	"africa", "america", "after", "before", "during", "over", "under", "with",
	"without", "about", "against", "between", "more", "less", "first", "last",
	"says", "warns", "expects", "announces", "delays", "cancels", "opens",
	"closes", "returns", "rises", "falls", "grows", "shrinks", "doubles",
};

static const char *const greek[] = {
	"ο", "η", "το", "νέα", "έκθεση", "δείχνει", "δήμος", "σχέδιο", "νερό",
	"ενέργεια", "τιμή", "αγορά", "σχολείο", "υγεία", "μελέτη", "νέοι",
	"κυβέρνηση", "προϋπολογισμός", "κλίμα", "καιρός", "καταιγίδα", "ομάδα",
	"νίκη", "τελικός", "εκλογές", "υπουργός", "εταιρεία", "λογισμικό",
	"ασφάλεια", "ενημέρωση", "κοινότητα", "κήπος", "συνταγή", "χειμώνας",
	"καλοκαίρι", "ταξίδι", "τρένο", "αεροδρόμιο", "απεργία", "μουσείο",
	"μουσική", "φεστιβάλ", "ταινία", "βιβλίο", "συνέντευξη", "επιστήμη",
	"διάστημα", "θάλασσα", "ποτάμι", "δάσος", "φωτιά", "βροχή", "χιόνι",
	"ζέστη", "τράπεζα", "επιτόκια", "στέγαση", "ενοίκιο", "εργαζόμενοι",
	"νοσοκομείο", "γιατροί", "έρευνα", "πανεπιστήμιο", "φοιτητές",
	"δικαστήριο", "αστυνομία", "χωριό", "βουνό", "γέφυρα", "δρόμος",
	"κυκλοφορία", "λεωφορείο", "ηλεκτρικά", "αυτοκίνητα", "ήλιος", "άνεμος",
	"τρόφιμα", "καφές", "τοπικά", "Αθήνα", "Θεσσαλονίκη", "Κρήτη", "μετά",
	"πριν", "για", "με", "χωρίς", "ανακοινώνει", "ανοίγει", "κλείνει",
	"αυξάνεται", "μειώνεται",
};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next_random(void)
{
	/* xorshift64: the same store every run. */
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned
below(unsigned n)
{
	return (unsigned)(next_random() % n);
}

static void
words(struct buf *b, bool in_greek, unsigned count)
{
	const char *const *list = in_greek ? greek : english;
	size_t n = in_greek ? sizeof(greek) / sizeof(greek[0]) :
	    sizeof(english) / sizeof(english[0]);
	unsigned i;

	for (i = 0; i < count; i++) {
		if (i > 0)
			buf_append_char(b, ' ');
		buf_append_str(b, list[below((unsigned)n)]);
	}
}

static double
seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	    (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

int
main(int argc, char **argv)
{
	struct buf title = BUF_INIT, content = BUF_INIT, text = BUF_INIT;
	struct timespec start, part;
	struct store *s;
	struct item item;
	struct stat st;
	char *error = NULL, *url, *name, guid[64], link[128];
	long n_items, n_feeds, per_feed, f, i, done, batch_start;
	int64_t *feed_ids, now, oldest, date;
	const char *tags[1];
	unsigned p;
	bool in_greek;

	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: make-store PATH [ITEMS [FEEDS]]\n");
		return 2;
	}
	n_items = argc > 2 ? strtol(argv[2], NULL, 10) : DEFAULT_ITEMS;
	n_feeds = argc > 3 ? strtol(argv[3], NULL, 10) : DEFAULT_FEEDS;
	if (n_items < 1 || n_feeds < 1 || n_feeds > 100000) {
		fprintf(stderr, "make-store: ITEMS and FEEDS must be positive\n");
		return 2;
	}
	if (stat(argv[1], &st) == 0) {
		fprintf(stderr, "make-store: %s exists; give a new path\n", argv[1]);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	if ((s = store_open(argv[1], &error)) == NULL) {
		fprintf(stderr, "make-store: %s\n", error);
		free(error);
		return 1;
	}

	/* The feeds: one in five Greek; tags as a person might use them. */
	feed_ids = xcalloc((size_t)n_feeds, sizeof(*feed_ids));
	for (f = 0; f < n_feeds; f++) {
		static const char *const tag_names[] = { "news", "tech", "science",
		    "culture", "ελληνικά" };

		in_greek = f % 5 == 4;
		buf_reset(&title);
		words(&title, in_greek, 2 + below(2));
		url = xasprintf("https://feeds.example.org/%ld.xml", f);
		name = xasprintf("%s %ld", buf_str(&title), f);
		name[0] = (char)(name[0] >= 'a' && name[0] <= 'z' ? name[0] - 32 : name[0]);
		tags[0] = tag_names[in_greek ? 4 : f % 4];
		feed_ids[f] = store_add_feed(s, url, name, tags, f % 10 == 9 ? 0 : 1);
		if (feed_ids[f] < 0) {
			fprintf(stderr, "make-store: %s\n", store_error(s));
			return 1;
		}
		free(url);
		free(name);
	}

	/* The items, oldest first: each feed gets BATCH items a "refresh",
	 * round after round, so dates grow as in a real store. */
	now = (int64_t)time(NULL);
	oldest = now - (int64_t)SPAN_DAYS * 86400;
	per_feed = (n_items + n_feeds - 1) / n_feeds;
	done = 0;
	clock_gettime(CLOCK_MONOTONIC, &part);
	for (batch_start = 0; batch_start < per_feed; batch_start += BATCH) {
		for (f = 0; f < n_feeds && done < n_items; f++) {
			in_greek = f % 5 == 4;
			if (store_begin(s) != 0) {
				fprintf(stderr, "make-store: %s\n", store_error(s));
				return 1;
			}
			for (i = batch_start; i < batch_start + BATCH && i < per_feed &&
			    done < n_items; i++, done++) {
				date = oldest + (int64_t)((double)done / (double)n_items *
				    (double)(now - oldest)) - (int64_t)below(3600);
				buf_reset(&title);
				words(&title, in_greek, 4 + below(8));
				title.data[0] = in_greek ? title.data[0] :
				    (char)(title.data[0] >= 'a' && title.data[0] <= 'z' ?
				    title.data[0] - 32 : title.data[0]);
				buf_reset(&content);
				for (p = 0; p < 2 + below(3); p++) {
					buf_reset(&text);
					words(&text, in_greek, 25 + below(40));
					buf_appendf(&content, "<p>%s.", buf_str(&text));
					if (below(4) == 0)
						buf_appendf(&content, " <a href=\"https://example.org/%u\">"
						    "more</a>", below(100000));
					buf_append_str(&content, "</p>\n");
				}
				snprintf(guid, sizeof(guid), "item-%ld-%ld", f, i);
				snprintf(link, sizeof(link), "https://example.org/%ld/%ld", f, i);
				item_init(&item);
				item.id = guid;
				item.title = title.data;
				item.link = link;
				item.content = content.data;
				item.published = date;
				item.updated = DATE_NONE;
				if (store_upsert_item(s, feed_ids[f], &item, NULL) != 0) {
					fprintf(stderr, "make-store: %s\n", store_error(s));
					return 1;
				}
			}
			if (store_commit(s) != 0) {
				fprintf(stderr, "make-store: %s\n", store_error(s));
				return 1;
			}
			/* Read up to the newest few percent. */
			if (done >= n_items - n_items * UNREAD_PERCENT / 100 &&
			    done - (i - batch_start) < n_items - n_items * UNREAD_PERCENT / 100)
				store_mark_all_read(s, true);
		}
		fprintf(stderr, "\r%ld items, %.0f items/s", done,
		    (double)done / seconds_since(&part));
	}
	fprintf(stderr, "\n");
	printf("items: %ld in %ld feeds, written in %.1f s (%.0f items/s)\n", done, n_feeds,
	    seconds_since(&part), (double)done / seconds_since(&part));
	clock_gettime(CLOCK_MONOTONIC, &part);
	store_close(&s);
	printf("closed (index merges, checkpoint) in %.1f s; total %.1f s\n",
	    seconds_since(&part), seconds_since(&start));
	free(feed_ids);
	buf_free(&title);
	buf_free(&content);
	buf_free(&text);
	return 0;
}
