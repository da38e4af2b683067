#pragma once

#include "metrics/ordercounters.h"

#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QString>

namespace ChannelDesk {

class LagMonitor;

// The Content-Type of prometheusText()'s answer.
inline constexpr char kPrometheusContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// Everything LagMonitor knows, plus the order counters, in the Prometheus text exposition format
// 0.0.4, for GET /metrics: per-channel sync lag as a histogram since start and a summary
// (p50/p95/p99 over the last 5 minutes, _sum and _count since start), attempts, failures,
// 429s, success ratio, dead letters, pending listings and status, then oversell attempts and
// orders by outcome. All names start with channeldesk_; `promtool check metrics` accepts it.
QByteArray prometheusText(const LagMonitor &monitor, const OrderCounters &orders,
                          const LedgerGauges &ledger = {});

// The intake's families: deliveries by (channel, status) since start
// (channeldesk_deliveries_total{channel,status}, status "pending" when kept, then its outcome) and
// the deliveries waiting in the inbox (channeldesk_inbox_backlog).
QByteArray prometheusIntakeText(const QHash<QPair<QString, QString>, qint64> &deliveries,
                                qint64 backlog);

// A label value escaped for the text format: backslash, double quote and newline.
QByteArray prometheusLabelValue(const QString &value);

} // namespace ChannelDesk
