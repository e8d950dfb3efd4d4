# ttrss.sh: a private Tiny Tiny RSS server for the sync tests (sourced, POSIX
# sh, after tests/cli/lib.sh). It installs nothing: with the Debian packages
# present (tt-rss, postgresql-15, php-cli, php-pgsql) it starts a PostgreSQL
# cluster of its own on a Unix socket in a scratch folder and TT-RSS under
# `php -S` on a free loopback port, makes a user with API access, and stops
# both on exit (the server's whole process group, then pg_ctl -m immediate).
# Without the packages the test is skipped (exit 77). As root, the instance
# runs as an ordinary user (tidings-test, created when missing): initdb
# refuses root.
#
# After ttrss_start: $ttrss_url (the server's base URL), $ttrss_user and
# $ttrss_password; ttrss_sql runs SQL on its database and prints the rows.
# With $ttrss_feed_proxy (HOST:PORT) set before ttrss_start, the server
# fetches feeds through that proxy: a test server answering absolute-form
# requests for non-loopback URLs such as http://192.0.2.1/feed.xml (TT-RSS
# refuses loopback feed URLs); ttrss_update then has it fetch every feed.

ttrss_bin=/usr/lib/postgresql/15/bin
ttrss_src=/usr/share/tt-rss/www
ttrss_schema=/usr/share/dbconfig-common/data/tt-rss/install/pgsql
ttrss_user=tester
ttrss_password='s3cret pass'
ttrss_dir=
ttrss_php=

ttrss_require() {
	for f in "$ttrss_bin/initdb" "$ttrss_bin/pg_ctl" "$ttrss_src/api/index.php" "$ttrss_schema"; do
		[ -e "$f" ] || skip_all "$f missing (install tt-rss postgresql-15 php-cli php-pgsql: tools/install-deps.sh)"
	done
	command -v php > /dev/null || skip_all "php missing (install php-cli php-pgsql)"
	php -m 2>/dev/null | grep -qi '^pdo_pgsql$' || skip_all "php's pgsql module missing (install php-pgsql)"
	command -v psql > /dev/null || [ -x "$ttrss_bin/psql" ] || skip_all "psql missing"
}

# as_owner CMD...: run CMD as the instance's owner.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u tidings-test -- "$@"
	else
		"$@"
	fi
}

ttrss_sql() {
	as_owner "$ttrss_bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$ttrss_dir" -p 5432 \
	    -U postgres -d ttrss -c "$1"
}

ttrss_stop() {
	[ -n "$ttrss_dir" ] || return 0
	if [ -n "$ttrss_php" ]; then
		# php -S workers outlive their parent: the whole group goes.
		kill -TERM "-$ttrss_php" 2>/dev/null
		wait "$ttrss_php" 2>/dev/null
		ttrss_php=
	fi
	if [ -f "$ttrss_dir/pg/postmaster.pid" ]; then
		as_owner "$ttrss_bin/pg_ctl" -D "$ttrss_dir/pg" -m immediate -w stop > /dev/null 2>&1
	fi
	rm -rf "$ttrss_dir"
	ttrss_dir=
}

# A free TCP port on 127.0.0.1 (the kernel's choice, released at once).
ttrss_free_port() {
	"${PYTHON3:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ttrss_php_start: (re)start the web server on $ttrss_port.
ttrss_php_start() {
	# setsid: a group of its own, so that ttrss_stop can end every worker.
	if [ "$(id -u)" -eq 0 ]; then owner="runuser -u tidings-test --"; else owner=; fi
	# shellcheck disable=SC2086
	PHP_CLI_SERVER_WORKERS=2 setsid $owner php -S "127.0.0.1:$ttrss_port" -t "$ttrss_dir/www" \
	    > "$ttrss_dir/php.log" 2>&1 &
	ttrss_php=$!
	n=0
	until curl -s -o /dev/null "http://127.0.0.1:$ttrss_port/api/" 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt 200 ] && { cat "$ttrss_dir/php.log" >&2; return 1; }
		sleep 0.05
	done
}

# ttrss_php_stop: the web server goes away (the database stays): "server down".
ttrss_php_stop() {
	kill -TERM "-$ttrss_php" 2>/dev/null
	wait "$ttrss_php" 2>/dev/null
	ttrss_php=
}

ttrss_start() {
	ttrss_require
	command -v curl > /dev/null || skip_all "curl missing"
	if [ "$(id -u)" -eq 0 ] && ! id tidings-test > /dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin tidings-test ||
		    { echo "cannot create the user tidings-test" >&2; exit 99; }
	fi
	ttrss_dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ttrss.XXXXXX") || exit 99
	trap 'ttrss_stop; exec 9>&- 2>/dev/null; [ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$scratch"' EXIT
	trap 'exit 1' INT TERM
	mkdir -p "$ttrss_dir/lock" "$ttrss_dir/cache/export" "$ttrss_dir/cache/feeds" \
	    "$ttrss_dir/cache/images" "$ttrss_dir/cache/upload"
	[ "$(id -u)" -eq 0 ] && chown -R tidings-test "$ttrss_dir"

	as_owner "$ttrss_bin/initdb" -D "$ttrss_dir/pg" -U postgres -A trust -E UTF8 \
	    --locale=C.UTF-8 --no-sync > "$ttrss_dir/initdb.log" 2>&1 ||
	    { cat "$ttrss_dir/initdb.log" >&2; return 1; }
	as_owner "$ttrss_bin/pg_ctl" -D "$ttrss_dir/pg" -l "$ttrss_dir/pg.log" -w \
	    -o "-k $ttrss_dir -p 5432 -c listen_addresses='' -c fsync=off" start > /dev/null ||
	    { cat "$ttrss_dir/pg.log" >&2; return 1; }
	as_owner "$ttrss_bin/createdb" -h "$ttrss_dir" -p 5432 -U postgres ttrss || return 1
	PGOPTIONS="-c client_min_messages=warning" as_owner "$ttrss_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$ttrss_dir" -p 5432 -U postgres \
	    -d ttrss -f "$ttrss_schema" > /dev/null || return 1

	# The web root, with its relative symlinks re-pointed at their targets.
	cp -a "$ttrss_src" "$ttrss_dir/www"
	(cd "$ttrss_src" && find . -type l) | while read -r link; do
		target=$(readlink -f "$ttrss_src/$link")
		rm -f "$ttrss_dir/www/$link"
		ln -s "$target" "$ttrss_dir/www/$link"
	done
	rm -f "$ttrss_dir/www/config.php" "$ttrss_dir/www/feed-icons"
	mkdir -p "$ttrss_dir/www/feed-icons"
	cat > "$ttrss_dir/www/config.php" <<EOF
<?php
define('DB_TYPE', 'pgsql');
define('DB_HOST', '$ttrss_dir');
define('DB_PORT', '5432');
define('DB_USER', 'postgres');
define('DB_NAME', 'ttrss');
define('DB_PASS', '');
define('MYSQL_CHARSET', 'UTF8');
define('SELF_URL_PATH', 'http://127.0.0.1/');
define('SINGLE_USER_MODE', false);
define('SIMPLE_UPDATE_MODE', false);
define('PHP_EXECUTABLE', '/usr/bin/php');
define('LOCK_DIRECTORY', '$ttrss_dir/lock');
define('CACHE_DIR', '$ttrss_dir/cache');
define('ICONS_DIR', 'feed-icons');
define('ICONS_URL', 'feed-icons');
define('AUTH_AUTO_CREATE', true);
define('AUTH_AUTO_LOGIN', true);
define('FORCE_ARTICLE_PURGE', 0);
define('ENABLE_REGISTRATION', false);
define('REG_NOTIFY_ADDRESS', 'user@example.org');
define('REG_MAX_USERS', 10);
define('SESSION_COOKIE_LIFETIME', 86400);
define('SMTP_FROM_NAME', 'Tiny Tiny RSS');
define('SMTP_FROM_ADDRESS', 'noreply@example.org');
define('DIGEST_SUBJECT', '[tt-rss] New headlines');
define('CHECK_FOR_UPDATES', false);
define('ENABLE_GZIP_OUTPUT', false);
define('PLUGINS', 'auth_internal');
define('LOG_DESTINATION', '');
define('CONFIG_VERSION', 26);
EOF
	[ -n "${ttrss_feed_proxy:-}" ] &&
	    printf "define('_HTTP_PROXY', '%s');\n" "$ttrss_feed_proxy" >> "$ttrss_dir/www/config.php"
	[ "$(id -u)" -eq 0 ] && chown -R tidings-test "$ttrss_dir/www"

	# The user, with API access on.
	hash=$(printf '%s' "$ttrss_password" | sha1sum | cut -d' ' -f1)
	ttrss_sql "INSERT INTO ttrss_users (login, pwd_hash, access_level, created, last_login)
	    VALUES ('$ttrss_user', 'SHA1:$hash', 0, NOW(), NOW());
	    INSERT INTO ttrss_user_prefs (owner_uid, pref_name, profile, value)
	    SELECT id, 'ENABLE_API_ACCESS', NULL, 'true' FROM ttrss_users WHERE login = '$ttrss_user';" ||
	    return 1
	ttrss_uid=$(ttrss_sql "SELECT id FROM ttrss_users WHERE login = '$ttrss_user'")

	ttrss_port=$(ttrss_free_port) || return 1
	ttrss_php_start || return 1
	ttrss_url=http://127.0.0.1:$ttrss_port
	printf '%s\n' "$ttrss_password" > "$scratch/password"
	chmod 600 "$scratch/password"
}

# ttrss_update: the server fetches its feeds now (through $ttrss_feed_proxy).
ttrss_update() {
	(cd "$ttrss_dir/www" && as_owner php update.php --feeds --force-update) \
	    > "$ttrss_dir/update.log" 2>&1
}

# ttrss_category TITLE: a category of the test user; prints its id.
ttrss_category() {
	ttrss_sql "INSERT INTO ttrss_feed_categories (owner_uid, title)
	    VALUES ($ttrss_uid, '$1') RETURNING id" | head -1
}

# ttrss_feed TITLE URL [CAT_ID]: a feed the server never fetches; prints its id.
ttrss_feed() {
	ttrss_sql "INSERT INTO ttrss_feeds (owner_uid, cat_id, title, feed_url, site_url, update_interval)
	    VALUES ($ttrss_uid, ${3:-NULL}, '$1', '$2', 'http://example.org/', -1) RETURNING id" | head -1
}

# ttrss_articles FEED_ID FIRST LAST: articles FIRST..LAST of the feed, unread,
# with content; the even ones carry an enclosure.
ttrss_articles() {
	ttrss_sql "
	WITH e AS (
	    INSERT INTO ttrss_entries (title, guid, link, updated, content, content_hash,
	        date_entered, date_updated, author)
	    SELECT 'Article ' || n, 'guid-$1-' || n, 'http://example.org/$1/' || n,
	        NOW() - (n || ' minutes')::interval, '<p>Body of article ' || n || '</p>',
	        md5(n::text), NOW(), NOW(), 'Author ' || n
	    FROM generate_series($2, $3) AS n
	    RETURNING id, guid)
	INSERT INTO ttrss_user_entries (ref_id, feed_id, owner_uid, uuid, tag_cache,
	    label_cache, unread, marked, published, last_read)
	SELECT id, $1, $ttrss_uid, '', '', '', true, false, false, NULL FROM e;
	INSERT INTO ttrss_enclosures (post_id, content_url, content_type, title, duration, width, height)
	SELECT id, link || '.mp3', 'audio/mpeg', '', '12345', 0, 0 FROM ttrss_entries
	WHERE guid LIKE 'guid-$1-%' AND substr(guid, length('guid-$1-') + 1)::int % 2 = 0
	    AND substr(guid, length('guid-$1-') + 1)::int BETWEEN $2 AND $3;" > /dev/null
}
