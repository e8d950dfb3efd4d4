/* sync-ttrss.c: the Tiny Tiny RSS backend of sync (sync.h): its JSON API
 * (level 15) over one libcurl handle, and the reading of its replies.
 *
 * Requests are JSON bodies POSTed to BASE/api/. The session is bound to the
 * User-Agent, so one constant one is sent; NOT_LOGGED_IN (an expired or
 * deleted session) logs in again once and retries that request once. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <json-c/json.h>

#include "buf.h"
#include "sync.h"
#include "xmalloc.h"

/* getHeadlines gives at most 200 rows; updateArticle takes a list of ids
 * in its query, kept to the same size. */
#define PAGE_SIZE 200

struct ttrss {
	struct sync_backend	 base;	/* first: the backend is the struct */
	CURL			*curl;
	char			*api_url;
	char			*login;
	char			*password;
	char			*session;	/* NULL before login */
	char			*error;
	long			 max_size;
	struct buf		 body;
	bool			 too_big;
};

static void
set_error(struct ttrss *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
set_error(struct ttrss *t, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(t->error);
	t->error = msg;
}

/* ---- Replies ---- */

struct json_object *
ttrss_reply_content(const char *body, struct json_object **root, char **error)
{
	struct json_object *status, *content, *err;

	*error = NULL;
	*root = json_tokener_parse(body);
	if (*root == NULL || !json_object_is_type(*root, json_type_object)) {
		*error = xstrdup("the server's answer is not JSON (is ttrss-url the TT-RSS address?)");
		goto fail;
	}
	if (!json_object_object_get_ex(*root, "content", &content)) {
		*error = xstrdup("the server's answer has no content");
		goto fail;
	}
	if (json_object_object_get_ex(*root, "status", &status) &&
	    json_object_get_int(status) != 0) {
		if (json_object_is_type(content, json_type_object) &&
		    json_object_object_get_ex(content, "error", &err))
			*error = xstrdup(json_object_get_string(err));
		else
			*error = xstrdup("the server answered an error");
		goto fail;
	}
	return content;
fail:
	json_object_put(*root);
	*root = NULL;
	return NULL;
}

static const char *
member_string(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
		return NULL;
	return json_object_get_string(v);
}

static int64_t
member_int(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return 0;
	return json_object_get_int64(v);
}

static bool
member_bool(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return false;
	return json_object_get_boolean(v);
}

static char *
member_dup(struct json_object *o, const char *key)
{
	const char *s = member_string(o, key);

	return s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

static void
attachments(struct json_object *row, struct item *item)
{
	struct json_object *list;
	size_t i, n;

	if (!json_object_object_get_ex(row, "attachments", &list) ||
	    !json_object_is_type(list, json_type_array))
		return;
	n = json_object_array_length(list);
	for (i = 0; i < n; i++) {
		struct json_object *a = json_object_array_get_idx(list, i);
		const char *url = member_string(a, "content_url");
		struct enclosure *e;

		if (url == NULL || url[0] == '\0')
			continue;
		e = item_add_enclosure(item);
		e->url = xstrdup(url);
		e->type = member_dup(a, "content_type");
		/* TT-RSS keeps the enclosure's length in "duration". */
		e->length = member_dup(a, "duration");
	}
}

int
ttrss_parse_headlines(struct json_object *content, struct sync_page *out)
{
	size_t i, n;

	memset(out, 0, sizeof(*out));
	if (!json_object_is_type(content, json_type_array))
		return -1;
	n = json_object_array_length(content);
	out->received = n;
	out->articles = xcalloc(n > 0 ? n : 1, sizeof(*out->articles));
	for (i = 0; i < n; i++) {
		struct json_object *row = json_object_array_get_idx(content, i);
		struct sync_article *a = &out->articles[out->n];
		int64_t updated;

		if (!json_object_is_type(row, json_type_object))
			continue;
		a->id = member_int(row, "id");
		a->feed_id = member_int(row, "feed_id");
		if (a->id <= 0)
			continue;
		a->unread = member_bool(row, "unread");
		a->starred = member_bool(row, "marked");
		item_init(&a->item);
		a->item.id = member_dup(row, "guid");
		if (a->item.id == NULL)
			a->item.id = xasprintf("ttrss:%lld", (long long)a->id);
		a->item.title = member_dup(row, "title");
		a->item.link = member_dup(row, "link");
		a->item.author = member_dup(row, "author");
		a->item.content = member_dup(row, "content");
		updated = member_int(row, "updated");
		a->item.published = updated > 0 ? updated : DATE_NONE;
		attachments(row, &a->item);
		out->n++;
	}
	return 0;
}

int
ttrss_parse_ids(struct json_object *content, struct sync_ids *out, size_t *received)
{
	size_t i, n;

	*received = 0;
	if (!json_object_is_type(content, json_type_array))
		return -1;
	n = json_object_array_length(content);
	*received = n;
	for (i = 0; i < n; i++) {
		int64_t id = member_int(json_object_array_get_idx(content, i), "id");

		if (id > 0)
			sync_ids_add(out, id);
	}
	return 0;
}

int
ttrss_parse_feeds(struct json_object *content, struct sync_subscriptions *out)
{
	size_t i, n;

	if (!json_object_is_type(content, json_type_array))
		return -1;
	n = json_object_array_length(content);
	out->feeds = xreallocarray(out->feeds, out->n_feeds + n + 1, sizeof(*out->feeds));
	for (i = 0; i < n; i++) {
		struct json_object *row = json_object_array_get_idx(content, i);
		struct sync_feed *f = &out->feeds[out->n_feeds];
		const char *url;

		/* Special feeds (negative ids) and labels are no subscriptions. */
		if ((f->id = member_int(row, "id")) <= 0 ||
		    (url = member_string(row, "feed_url")) == NULL || url[0] == '\0')
			continue;
		f->url = xstrdup(url);
		f->title = member_dup(row, "title");
		f->category_id = member_int(row, "cat_id");
		out->n_feeds++;
	}
	return 0;
}

int
ttrss_parse_categories(struct json_object *content, struct sync_subscriptions *out)
{
	size_t i, n;

	if (!json_object_is_type(content, json_type_array))
		return -1;
	n = json_object_array_length(content);
	out->categories = xreallocarray(out->categories, out->n_categories + n + 1,
	    sizeof(*out->categories));
	for (i = 0; i < n; i++) {
		struct json_object *row = json_object_array_get_idx(content, i);
		struct sync_category *c = &out->categories[out->n_categories];

		/* Special (-1), Labels (-2) and Uncategorized (0) are no tags. */
		if ((c->id = member_int(row, "id")) <= 0 ||
		    (c->title = member_dup(row, "title")) == NULL)
			continue;
		out->n_categories++;
	}
	return 0;
}

/* ---- Requests ---- */

static size_t
on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct ttrss *t = ctx;

	if (t->body.len + size * n > (size_t)t->max_size) {
		t->too_big = true;
		return 0;
	}
	buf_append(&t->body, data, size * n);
	return size * n;
}

/* POST request (an object, consumed) and return the reply's content with
 * *root owning it; NULL with the error set. *code gets the API's error. */
static struct json_object *
post(struct ttrss *t, struct json_object *request, struct json_object **root, char **code)
{
	const char *text;
	CURLcode rc;
	long status = 0;
	struct json_object *content;

	*code = NULL;
	*root = NULL;
	if (t->session != NULL)
		json_object_object_add(request, "sid", json_object_new_string(t->session));
	text = json_object_to_json_string_ext(request, JSON_C_TO_STRING_PLAIN);
	buf_reset(&t->body);
	t->too_big = false;
	curl_easy_setopt(t->curl, CURLOPT_COPYPOSTFIELDS, text);
	json_object_put(request);
	rc = curl_easy_perform(t->curl);
	if (rc != CURLE_OK) {
		if (t->too_big)
			set_error(t, "%s: the answer is larger than max-size", t->api_url);
		else
			set_error(t, "%s: %s", t->api_url, curl_easy_strerror(rc));
		return NULL;
	}
	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
	if (status != 200) {
		set_error(t, "%s: HTTP %ld", t->api_url, status);
		return NULL;
	}
	content = ttrss_reply_content(buf_str(&t->body), root, code);
	if (content == NULL)
		set_error(t, "%s: %s", t->api_url, *code);
	return content;
}

static int
login(struct sync_backend *b)
{
	struct ttrss *t = (struct ttrss *)b;
	struct json_object *req, *root, *content;
	const char *sid;
	char *code;
	int status = SYNC_OK;

	free(t->session);
	t->session = NULL;
	req = json_object_new_object();
	json_object_object_add(req, "op", json_object_new_string("login"));
	json_object_object_add(req, "user", json_object_new_string(t->login));
	json_object_object_add(req, "password", json_object_new_string(t->password));
	content = post(t, req, &root, &code);
	if (content == NULL) {
		if (code != NULL && strcmp(code, "API_DISABLED") == 0) {
			set_error(t, "%s: API access is off for %s: enable API access in the server's"
			    " preferences", t->api_url, t->login);
			status = SYNC_CONFIG;
		} else if (code != NULL && strcmp(code, "LOGIN_ERROR") == 0) {
			set_error(t, "%s: login as %s refused: check ttrss-login and the password",
			    t->api_url, t->login);
			status = SYNC_CONFIG;
		} else
			status = SYNC_FAILED;
		free(code);
		return status;
	}
	if ((sid = member_string(content, "session_id")) == NULL || sid[0] == '\0') {
		set_error(t, "%s: the login answer has no session", t->api_url);
		status = SYNC_FAILED;
	} else
		t->session = xstrdup(sid);
	json_object_put(root);
	return status;
}

/* A request of the session: on NOT_LOGGED_IN, log in again once and retry
 * once. The request is consumed. */
static struct json_object *
call(struct ttrss *t, struct json_object *req, struct json_object **root, int *status)
{
	struct json_object *copy = NULL, *content;
	char *code;

	if (json_object_deep_copy(req, &copy, NULL) != 0)
		copy = NULL;
	if (t->session == NULL && (*status = login(&t->base)) != SYNC_OK) {
		json_object_put(req);
		json_object_put(copy);
		return NULL;
	}
	content = post(t, req, root, &code);
	if (content == NULL && code != NULL && strcmp(code, "NOT_LOGGED_IN") == 0 && copy != NULL) {
		free(code);
		code = NULL;
		if ((*status = login(&t->base)) != SYNC_OK) {
			json_object_put(copy);
			return NULL;
		}
		content = post(t, copy, root, &code);
		copy = NULL;
	}
	json_object_put(copy);
	free(code);
	*status = content != NULL ? SYNC_OK : SYNC_FAILED;
	return content;
}

static struct json_object *
request(const char *op)
{
	struct json_object *req = json_object_new_object();

	json_object_object_add(req, "op", json_object_new_string(op));
	return req;
}

static void
add_int(struct json_object *req, const char *key, int64_t n)
{
	json_object_object_add(req, key, json_object_new_int64(n));
}

static void
add_bool(struct json_object *req, const char *key, bool v)
{
	json_object_object_add(req, key, json_object_new_boolean(v));
}

static int
subscriptions(struct sync_backend *b, struct sync_subscriptions *out)
{
	struct ttrss *t = (struct ttrss *)b;
	struct json_object *req, *root, *content;
	int status;

	memset(out, 0, sizeof(*out));
	req = request("getCategories");
	add_bool(req, "include_empty", true);	/* add --remote may name an empty one */
	if ((content = call(t, req, &root, &status)) == NULL)
		return status;
	if (ttrss_parse_categories(content, out) != 0) {
		set_error(t, "%s: getCategories: not a list", t->api_url);
		json_object_put(root);
		return SYNC_FAILED;
	}
	json_object_put(root);
	req = request("getFeeds");
	add_int(req, "cat_id", -3);	/* every real feed, whatever its category */
	if ((content = call(t, req, &root, &status)) == NULL)
		return status;
	if (ttrss_parse_feeds(content, out) != 0) {
		set_error(t, "%s: getFeeds: not a list", t->api_url);
		json_object_put(root);
		return SYNC_FAILED;
	}
	json_object_put(root);
	return SYNC_OK;
}

static struct json_object *
headlines(int64_t feed_id, const char *view_mode, size_t skip, bool with_content)
{
	struct json_object *req = request("getHeadlines");

	add_int(req, "feed_id", feed_id);
	add_int(req, "limit", PAGE_SIZE);
	add_int(req, "skip", (int64_t)skip);
	json_object_object_add(req, "view_mode", json_object_new_string(view_mode));
	add_bool(req, "show_content", with_content);
	add_bool(req, "include_attachments", with_content);
	return req;
}

static int
pull(struct sync_backend *b, int64_t since_id, size_t skip, struct sync_page *out)
{
	struct ttrss *t = (struct ttrss *)b;
	struct json_object *req, *root, *content;
	int status;

	memset(out, 0, sizeof(*out));
	req = headlines(-4, "all_articles", skip, true);
	add_int(req, "since_id", since_id);
	if ((content = call(t, req, &root, &status)) == NULL)
		return status;
	if (ttrss_parse_headlines(content, out) != 0) {
		set_error(t, "%s: getHeadlines: not a list", t->api_url);
		status = SYNC_FAILED;
	}
	json_object_put(root);
	return status;
}

static int
state(struct sync_backend *b, enum sync_field field, struct sync_ids *out)
{
	struct ttrss *t = (struct ttrss *)b;
	struct json_object *req, *root, *content;
	size_t skip = 0, received;
	int status;

	do {
		req = headlines(-4, field == SYNC_READ ? "unread" : "marked", skip, false);
		if ((content = call(t, req, &root, &status)) == NULL)
			return status;
		if (ttrss_parse_ids(content, out, &received) != 0) {
			set_error(t, "%s: getHeadlines: not a list", t->api_url);
			json_object_put(root);
			return SYNC_FAILED;
		}
		json_object_put(root);
		skip += received;
	} while (received == PAGE_SIZE);
	return SYNC_OK;
}

static int
push(struct sync_backend *b, enum sync_field field, bool on, const int64_t *ids, size_t n)
{
	struct ttrss *t = (struct ttrss *)b;
	struct json_object *req, *root, *content;
	struct buf list = BUF_INIT;
	size_t i;
	int status;

	if (n == 0)
		return SYNC_OK;
	/* A comma-separated string: a JSON array makes the server fail. */
	for (i = 0; i < n; i++)
		buf_appendf(&list, "%s%lld", i > 0 ? "," : "", (long long)ids[i]);
	req = request("updateArticle");
	json_object_object_add(req, "article_ids", json_object_new_string(buf_str(&list)));
	buf_free(&list);
	/* field 2 is "unread", 0 "starred"; reading is unread off. */
	add_int(req, "field", field == SYNC_READ ? 2 : 0);
	add_int(req, "mode", field == SYNC_READ ? !on : on);
	if ((content = call(t, req, &root, &status)) == NULL)
		return status;
	json_object_put(root);
	return SYNC_OK;
}

/* subscribeToFeed answers status 0 whatever happened: its own code says. */
static int
subscribe(struct sync_backend *b, const char *url, int64_t category_id, bool *already)
{
	struct ttrss *t = (struct ttrss *)b;
	struct json_object *req, *root, *content, *result;
	const char *message;
	int64_t code;
	int status;

	*already = false;
	req = request("subscribeToFeed");
	json_object_object_add(req, "feed_url", json_object_new_string(url));
	add_int(req, "category_id", category_id);
	if ((content = call(t, req, &root, &status)) == NULL)
		return status;
	if (!json_object_object_get_ex(content, "status", &result) ||
	    !json_object_is_type(result, json_type_object)) {
		set_error(t, "%s: subscribeToFeed: no status in the answer", t->api_url);
		json_object_put(root);
		return SYNC_FAILED;
	}
	code = json_object_object_get_ex(result, "code", NULL) ? member_int(result, "code") : -1;
	message = member_string(result, "message");
	status = SYNC_FAILED;
	switch (code) {
	case 0:
		*already = true;
		/* FALLTHROUGH */
	case 1:
		status = SYNC_OK;
		break;
	case 2:
		set_error(t, "the server refused the URL as invalid");
		break;
	case 3:
		set_error(t, "the server found a web page with no feed in it");
		break;
	case 4:
		set_error(t, "the server found a web page with several feeds: subscribe to one of"
		    " their URLs");
		break;
	case 5:
		set_error(t, "the server could not download it%s%s",
		    message != NULL && message[0] != '\0' ? ": " : "", message != NULL ? message : "");
		break;
	case 6:
		set_error(t, "the server found no valid XML there");
		break;
	default:
		set_error(t, "the server answered code %lld", (long long)code);
		break;
	}
	json_object_put(root);
	return status;
}

static const char *
error(const struct sync_backend *b)
{
	const struct ttrss *t = (const struct ttrss *)b;

	return t->error != NULL ? t->error : "no error";
}

static void
destroy(struct sync_backend *b)
{
	struct ttrss *t = (struct ttrss *)b;

	if (t == NULL)
		return;
	curl_easy_cleanup(t->curl);
	free(t->api_url);
	free(t->login);
	if (t->password != NULL)
		explicit_bzero(t->password, strlen(t->password));
	free(t->password);
	free(t->session);
	free(t->error);
	buf_free(&t->body);
	free(t);
}

struct sync_backend *
sync_ttrss_new(const char *url, const char *login_name, const char *password,
    const struct settings *settings)
{
	struct ttrss *t;
	size_t len = strlen(url);

	t = xcalloc(1, sizeof(*t));
	t->base.name = "ttrss";
	t->base.page_size = PAGE_SIZE;
	t->base.login = login;
	t->base.subscriptions = subscriptions;
	t->base.pull = pull;
	t->base.state = state;
	t->base.push = push;
	t->base.subscribe = subscribe;
	t->base.error = error;
	t->base.free = destroy;
	while (len > 0 && url[len - 1] == '/')
		len--;
	t->api_url = xasprintf("%.*s/api/", (int)len, url);
	t->login = xstrdup(login_name);
	t->password = xstrdup(password);
	t->max_size = (long)settings->number[OPT_MAX_SIZE];
	if ((t->curl = curl_easy_init()) == NULL) {
		destroy(&t->base);
		return NULL;
	}
	curl_easy_setopt(t->curl, CURLOPT_URL, t->api_url);
	curl_easy_setopt(t->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(t->curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(t->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->curl, CURLOPT_USERAGENT, settings->string[OPT_USER_AGENT]);
	curl_easy_setopt(t->curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(t->curl, CURLOPT_CONNECTTIMEOUT, (long)settings->number[OPT_CONNECT_TIMEOUT]);
	curl_easy_setopt(t->curl, CURLOPT_TIMEOUT, (long)settings->number[OPT_TIMEOUT]);
	curl_easy_setopt(t->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(t->curl, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(t->curl, CURLOPT_HTTPHEADER, NULL);
	return &t->base;
}
