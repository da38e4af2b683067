#include "migrations.h"

#include <algorithm>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

QList<Migration> buildMigrations()
{
    QList<Migration> list;

    // 1: the source of truth, the order path's idempotency keys, the mutation log (audit trail
    // and change feed), and the propagation tables the channels fill.
    list.append(
        {1,
         "foundation",
         {
             uR"(CREATE TABLE stock (
    sku TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    available BIGINT NOT NULL CHECK (available >= 0),
    safety_buffer BIGINT NOT NULL DEFAULT 0 CHECK (safety_buffer >= 0),
    version BIGINT NOT NULL DEFAULT 0,
    paused INTEGER NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL DEFAULT 0))"_s,
             uR"(CREATE TABLE idempotency_keys (
    channel TEXT NOT NULL,
    order_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (channel, order_id)))"_s,
             uR"(CREATE TABLE mutations (
    id {{ID}},
    sku TEXT NOT NULL,
    delta BIGINT NOT NULL,
    available_after BIGINT NOT NULL,
    version BIGINT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT '',
    order_id TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    paused_after INTEGER NOT NULL DEFAULT 0,
    at BIGINT NOT NULL))"_s,
             u"CREATE INDEX mutations_by_sku ON mutations (sku, version)"_s,
             u"CREATE INDEX mutations_by_order ON mutations (order_id)"_s,
             // Per channel: how far into the mutation log propagation has read.
             uR"(CREATE TABLE channel_cursors (
    channel TEXT PRIMARY KEY,
    last_mutation_id BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL DEFAULT 0))"_s,
             // Per (channel, sku): the channel's listing and where its sync stands.
             uR"(CREATE TABLE listings (
    channel TEXT NOT NULL,
    sku TEXT NOT NULL,
    remote_id TEXT NOT NULL DEFAULT '',
    acked_version BIGINT NOT NULL DEFAULT 0,
    acked_quantity BIGINT,
    acked_paused INTEGER NOT NULL DEFAULT 0,
    acked_at BIGINT,
    pending_version BIGINT NOT NULL DEFAULT 0,
    pending_since BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    state TEXT NOT NULL DEFAULT 'in_sync',
    last_error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (channel, sku)))"_s,
             u"CREATE INDEX listings_by_state ON listings (channel, state, next_attempt_at)"_s,
             // One dead entry per listing, however many mutations it covers; the history is
             // a JSON array of every failed attempt.
             uR"(CREATE TABLE dead_letters (
    id {{ID}},
    channel TEXT NOT NULL,
    sku TEXT NOT NULL,
    version BIGINT NOT NULL,
    attempts INTEGER NOT NULL,
    error_kind TEXT NOT NULL,
    last_error TEXT NOT NULL,
    request TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    history TEXT NOT NULL DEFAULT '[]',
    first_failed_at BIGINT NOT NULL,
    last_failed_at BIGINT NOT NULL,
    UNIQUE (channel, sku)))"_s,
         }});

    // 2: carrier quotes. Every quote request with its choice (audit, and what the panel shows),
    // and delivery outcomes, from which each carrier-service's on-time rate per zone is learned.
    list.append({2,
                 "carrier quotes and delivery outcomes",
                 {
                     uR"(CREATE TABLE carrier_quote_requests (
    id {{ID}},
    order_id TEXT NOT NULL,
    zone TEXT NOT NULL,
    promised_by TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL,
    chosen_source TEXT NOT NULL DEFAULT '',
    chosen_carrier TEXT NOT NULL DEFAULT '',
    chosen_service TEXT NOT NULL DEFAULT '',
    chosen_cost BIGINT,
    explanation TEXT NOT NULL DEFAULT '',
    quotes TEXT NOT NULL DEFAULT '[]',
    errors TEXT NOT NULL DEFAULT '[]',
    requested_at BIGINT NOT NULL))"_s,
                     u"CREATE INDEX carrier_quote_requests_by_order ON carrier_quote_requests "
                     "(order_id, id)"_s,
                     uR"(CREATE TABLE carrier_deliveries (
    id {{ID}},
    carrier TEXT NOT NULL,
    service TEXT NOT NULL,
    zone TEXT NOT NULL,
    promised TEXT NOT NULL,
    delivered TEXT NOT NULL,
    on_time INTEGER NOT NULL,
    recorded_at BIGINT NOT NULL))"_s,
                     u"CREATE INDEX carrier_deliveries_by_service ON carrier_deliveries "
                     "(carrier, service, zone)"_s,
                 }});

    // 3: propagation metrics, so a process other than the one propagating (the lag CLI) sees
    // the lag samples and call outcomes; pruned to a day. outcome is acknowledged, failed,
    // throttled or unanswered (AttemptOutcome); listings counts the listings the call carried.
    list.append({3,
                 "propagation metrics",
                 {
                     uR"(CREATE TABLE lag_samples (
    channel TEXT NOT NULL,
    at BIGINT NOT NULL,
    lag_ms BIGINT NOT NULL))"_s,
                     u"CREATE INDEX lag_samples_by_channel ON lag_samples (channel, at)"_s,
                     uR"(CREATE TABLE propagation_calls (
    channel TEXT NOT NULL,
    at BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    listings INTEGER NOT NULL))"_s,
                     u"CREATE INDEX propagation_calls_by_channel ON propagation_calls "
                     "(channel, at)"_s,
                 }});
    // 4: where order polling (eBay, Amazon) has read up to, per channel.
    list.append({4,
                 "order polling high-water marks",
                 {
                     uR"(CREATE TABLE order_polls (
    channel TEXT PRIMARY KEY,
    high_water TEXT NOT NULL,
    updated_at BIGINT NOT NULL))"_s,
                 }});

    // 5: idempotency keys clustered on their key. As a rowid table with a (channel, order_id)
    // primary key, SQLite kept every key twice (table and index), so each order wrote one more
    // b-tree page than it needed. PostgreSQL rebuilds the same table, to no effect.
    list.append({5,
                 "idempotency keys without rowid",
                 {
                     uR"(CREATE TABLE idempotency_keys_new (
    channel TEXT NOT NULL,
    order_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (channel, order_id)){{WITHOUT_ROWID}})"_s,
                     u"INSERT INTO idempotency_keys_new (channel, order_id, outcome, at) "
                     "SELECT channel, order_id, outcome, at FROM idempotency_keys"_s,
                     u"DROP TABLE idempotency_keys"_s,
                     u"ALTER TABLE idempotency_keys_new RENAME TO idempotency_keys"_s,
                 }});

    // 6: the order ledger (DESIGN §2). A sale is a fact: `available` may go below zero (units
    // owed) and `committed` holds what is sold and not yet shipped (on hand = available +
    // committed). `orders` replaces idempotency_keys: inserting an order's row is the sale's
    // idempotency act, and its status follows the order's life. `order_lines` is the ledger
    // every lifecycle event is bounded by; `order_events` holds each lifecycle event's key (the
    // act that makes it idempotent) and, while its order has not arrived, the event itself.
    // The mutation log records committed's changes and the lifecycle event's id.
    list.append(
        {6,
         "order ledger and reservations",
         {
             uR"(CREATE TABLE stock_new (
    sku TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    available BIGINT NOT NULL,
    committed BIGINT NOT NULL DEFAULT 0 CHECK (committed >= 0),
    safety_buffer BIGINT NOT NULL DEFAULT 0 CHECK (safety_buffer >= 0),
    version BIGINT NOT NULL DEFAULT 0,
    paused INTEGER NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL DEFAULT 0))"_s,
             u"INSERT INTO stock_new (sku, title, available, committed, safety_buffer, "
             "version, paused, updated_at) SELECT sku, title, available, 0, safety_buffer, "
             "version, paused, updated_at FROM stock"_s,
             u"DROP TABLE stock"_s,
             u"ALTER TABLE stock_new RENAME TO stock"_s,
             uR"(CREATE TABLE orders (
    channel TEXT NOT NULL,
    order_id TEXT NOT NULL,
    status TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    received_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (channel, order_id)){{WITHOUT_ROWID}})"_s,
             // Orders from before the ledger keep their key: a redelivery is still a
             // duplicate. They have no lines, so nothing of their later life can move
             // stock: `legacy` (applied then) or `refused` (refused whole then).
             u"INSERT INTO orders (channel, order_id, status, received_at, updated_at) "
             "SELECT channel, order_id, CASE outcome WHEN 'applied' THEN 'legacy' "
             "ELSE 'refused' END, at, at FROM idempotency_keys"_s,
             u"DROP TABLE idempotency_keys"_s,
             // Per line: ordered (after edits); applied = taken from available; restocked
             // = given back (returned: the part of it that had shipped); shipped;
             // written_off = left committed stock without shipping or coming back; owed =
             // the part of applied that took the SKU below zero, until resolved;
             // waiting = units not applied yet (no mapping or no such SKU).
             uR"(CREATE TABLE order_lines (
    channel TEXT NOT NULL,
    order_id TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    line_id TEXT NOT NULL DEFAULT '',
    sku TEXT NOT NULL DEFAULT '',
    remote_id TEXT NOT NULL DEFAULT '',
    ordered BIGINT NOT NULL,
    applied BIGINT NOT NULL DEFAULT 0,
    restocked BIGINT NOT NULL DEFAULT 0,
    returned BIGINT NOT NULL DEFAULT 0,
    shipped BIGINT NOT NULL DEFAULT 0,
    written_off BIGINT NOT NULL DEFAULT 0,
    owed BIGINT NOT NULL DEFAULT 0,
    waiting BIGINT NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL,
    PRIMARY KEY (channel, order_id, line_no)){{WITHOUT_ROWID}})"_s,
             u"CREATE INDEX orders_needing_attention ON orders (status) "
             "WHERE status IN ('oversold', 'unmatched')"_s,
             u"CREATE INDEX order_lines_owed ON order_lines (sku) WHERE owed > 0"_s,
             u"CREATE INDEX order_lines_waiting ON order_lines (channel, remote_id) "
             "WHERE waiting > 0"_s,
             uR"(CREATE TABLE order_events (
    channel TEXT NOT NULL,
    order_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    event_id TEXT NOT NULL,
    state TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL DEFAULT '',
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (channel, order_id, kind, event_id)){{WITHOUT_ROWID}})"_s,
             u"CREATE INDEX order_events_waiting ON order_events (channel, order_id) "
             "WHERE state = 'waiting'"_s,
             u"ALTER TABLE mutations ADD COLUMN committed_delta BIGINT NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE mutations ADD COLUMN committed_after BIGINT NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE mutations ADD COLUMN event_id TEXT NOT NULL DEFAULT ''"_s,
             u"CREATE INDEX listings_by_remote_id ON listings (channel, remote_id)"_s,
             // Every channel call that carried a stock version: what an order's timeline
             // shows under "pushes". Pruned to 7 days and a bounded number of rows.
             uR"(CREATE TABLE push_log (
    id {{ID}},
    channel TEXT NOT NULL,
    sku TEXT NOT NULL,
    version BIGINT NOT NULL,
    state TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    acked_at BIGINT,
    lag_ms BIGINT,
    error TEXT NOT NULL DEFAULT ''))"_s,
             u"CREATE INDEX push_log_by_sku ON push_log (sku, version)"_s,
         }});
    // The success rate counts listing updates, not calls (issue 10): how many of a call's
    // listings the channel did not take. Calls recorded before count all or none.
    list.append({7,
                 "propagation_calls.failed_listings: the success rate counts listing updates",
                 {
                     u"ALTER TABLE propagation_calls ADD COLUMN failed_listings BIGINT NOT NULL "
                     "DEFAULT 0"_s,
                     u"UPDATE propagation_calls SET failed_listings = listings "
                     "WHERE outcome <> 'acknowledged'"_s,
                 }});
    // 8: what channels are shown (issue 10). listing_buffers holds the merchant's per-listing
    // overrides of the channel's buffer rule, NULL = inherit; channel_buffers the rule of each
    // channel as the config gave it when the listings were last sent, so a rule changed while
    // nothing ran re-sends the listings it changes.
    list.append({8,
                 "buffers per channel",
                 {
                     uR"(CREATE TABLE listing_buffers (
    channel TEXT NOT NULL,
    sku TEXT NOT NULL,
    reserve BIGINT CHECK (reserve >= 0),
    percent INTEGER CHECK (percent >= 0 AND percent <= 100),
    max BIGINT CHECK (max >= 0),
    pause_at BIGINT CHECK (pause_at >= 0),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (channel, sku)))"_s,
                     uR"(CREATE TABLE channel_buffers (
    channel TEXT PRIMARY KEY,
    reserve BIGINT,
    percent INTEGER,
    max BIGINT,
    pause_at BIGINT,
    updated_at BIGINT NOT NULL))"_s,
                 }});
    // Reconciliation (issue 10): each listing whose channel shows other than it should, since
    // when (kept across restarts) and how many reconciliations in a row have seen it.
    list.append({9,
                 "drift: listings that show other than they should, since when",
                 {
                     uR"(CREATE TABLE drift (
    channel TEXT NOT NULL,
    sku TEXT NOT NULL,
    remote_id TEXT NOT NULL DEFAULT '',
    shown BIGINT NOT NULL,
    expected BIGINT NOT NULL,
    since BIGINT NOT NULL,
    seen_at BIGINT NOT NULL,
    runs INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (channel, sku)))"_s,
                 }});
    // 10 (issue 10): every failed attempt of a listing not yet on its channel, with its request and
    // answer (AttemptLog: the newest 20 a listing, bodies cut at 4,096 characters). The letters
    // parked before keep their last request and answer as one attempt.
    list.append({10,
                 "listing attempts",
                 {
                     uR"(CREATE TABLE listing_attempts (
    id {{ID}},
    channel TEXT NOT NULL,
    sku TEXT NOT NULL,
    at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    attempt INTEGER NOT NULL,
    kind TEXT NOT NULL,
    http_status INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    request TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT ''))"_s,
                     u"CREATE INDEX listing_attempts_by_listing ON listing_attempts "
                     "(channel, sku, id)"_s,
                     u"INSERT INTO listing_attempts (channel, sku, at, version, attempt, kind, "
                     "message, request, response) SELECT channel, sku, last_failed_at, version, "
                     "attempts, CASE WHEN error_kind = 'exhausted' THEN 'transient' "
                     "ELSE 'permanent' END, last_error, substr(request, 1, 4096), "
                     "substr(response, 1, 4096) FROM dead_letters ORDER BY last_failed_at"_s,
                 }});
    // 11 (issue 12): several serve workers on one PostgreSQL inventory. Each worker's heartbeat,
    // and each channel's propagation lease: held by one worker until expires_at, renewed by its
    // holder; token grows by one whenever the lease changes hands, and every acknowledgement and
    // retry of the channel is written only while (holder, token) still match (LeaseStore).
    list.append({11,
                 "workers and channel leases",
                 {
                     uR"(CREATE TABLE workers (
    worker_id TEXT PRIMARY KEY,
    host TEXT NOT NULL DEFAULT '',
    pid BIGINT NOT NULL DEFAULT 0,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL))"_s,
                     uR"(CREATE TABLE channel_leases (
    channel TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    token BIGINT NOT NULL,
    acquired_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL))"_s,
                 }});
    // 12 (issue 12): the metrics rows numbered, so a console in monitor mode reads what the
    // workers recorded since it last looked (MetricsLog::follow) instead of the whole day
    // again. The workers write them under the write lock, so the numbers are in commit order.
    list.append({12,
                 "metrics rows numbered for consoles that follow them",
                 {
                     uR"(CREATE TABLE lag_samples_new (
    id {{ID}},
    channel TEXT NOT NULL,
    at BIGINT NOT NULL,
    lag_ms BIGINT NOT NULL))"_s,
                     u"INSERT INTO lag_samples_new (channel, at, lag_ms) "
                     "SELECT channel, at, lag_ms FROM lag_samples ORDER BY at"_s,
                     u"DROP TABLE lag_samples"_s,
                     u"ALTER TABLE lag_samples_new RENAME TO lag_samples"_s,
                     u"CREATE INDEX lag_samples_by_channel ON lag_samples (channel, at)"_s,
                     uR"(CREATE TABLE propagation_calls_new (
    id {{ID}},
    channel TEXT NOT NULL,
    at BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    listings INTEGER NOT NULL,
    failed_listings BIGINT NOT NULL DEFAULT 0))"_s,
                     u"INSERT INTO propagation_calls_new (channel, at, outcome, listings, "
                     "failed_listings) SELECT channel, at, outcome, listings, failed_listings "
                     "FROM propagation_calls ORDER BY at"_s,
                     u"DROP TABLE propagation_calls"_s,
                     u"ALTER TABLE propagation_calls_new RENAME TO propagation_calls"_s,
                     u"CREATE INDEX propagation_calls_by_channel ON propagation_calls "
                     "(channel, at)"_s,
                 }});
    // 13 (issue 13): the bulk submissions a channel may still be processing (Amazon's
    // JSON_LISTINGS_FEED), kept until their outcome is recorded, so that a restart neither
    // forgets a feed still running at Amazon nor lets it land after a newer quantity
    // (BulkSubmissionStore). `submission` is ours (made before the channel is asked);
    // `remote_id` the channel's (Amazon's feedId), empty until it answered. `listings` is the
    // submission's messages in order (position i is Amazon's messageId i + 1), a JSON array of
    // [sku, remote id, version, quantity, paused]: up to 25,000 of them written in one statement.
    list.append({13,
                 "bulk submissions in flight",
                 {
                     uR"(CREATE TABLE bulk_submissions (
    channel TEXT NOT NULL,
    submission TEXT NOT NULL,
    remote_id TEXT NOT NULL DEFAULT '',
    submitted_at BIGINT NOT NULL,
    listings TEXT NOT NULL,
    PRIMARY KEY (channel, submission)))"_s,
                 }});
    // The propagators read every channel's override of a SKU at once (BufferStore::skuInputs,
    // kept by the PropagationHub until a log row may have changed it).
    list.append({14,
                 "listing buffers by SKU",
                 {
                     u"CREATE INDEX listing_buffers_by_sku ON listing_buffers (sku)"_s,
                 }});
    // Steps may be written in any order in this file; they run by version.
    std::sort(list.begin(), list.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return list;
}
} // namespace

const QList<Migration> &allMigrations()
{
    static const QList<Migration> migrations = buildMigrations();
    return migrations;
}

// inbox: the intake's durable inbox (issue 11). It lives in a file of its own (the inventory's
// name with ".inbox" before the extension), written only by the intake's connection, so an
// append never waits for the inventory's write lock; its versions are numbered apart from the
// inventory's. Each verified delivery is kept raw (headers as a JSON object of lower-case
// names) with what the order path made of it: status pending until drained, then applied,
// duplicate, oversold, unmatched, invalid (error says why) or ignored.
const QList<Migration> &inboxMigrations()
{
    static const QList<Migration> migrations {
        {1,
         "inbox: deliveries as received, and their outcomes",
         {
             uR"(CREATE TABLE deliveries (
    id {{ID}},
    channel TEXT NOT NULL,
    delivery_id TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    received_at BIGINT NOT NULL,
    headers TEXT NOT NULL DEFAULT '{}',
    body {{BLOB}} NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    error TEXT NOT NULL DEFAULT '',
    applied_at BIGINT))"_s,
             u"CREATE INDEX deliveries_by_status ON deliveries (status, id)"_s,
             u"CREATE INDEX deliveries_by_channel ON deliveries (channel, id)"_s,
         }},
    };
    return migrations;
}

} // namespace ChannelDesk
