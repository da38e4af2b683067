<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChannelDesk::AdjustDialog</name>
    <message>
        <source>Adjust stock of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: stock count, damaged, returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AlertModel</name>
    <message>
        <source>sync lag p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync lag max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oversell attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AlertRules</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stock updates are reaching %1 slowly: 1 in 100 takes %2 or more (alert above %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stock update took %1 to reach %2 (alert above %3), so its listings may have shown an old quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of stock updates to %2 are succeeding (%3 of %4 failed, alert below %5); failed ones are retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not answering: its recent update attempts all timed out or could not connect; %2 listings are waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not confirmed any stock update yet while %2 listings are waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not confirmed a stock update for %2 while %3 listings are waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n listing update(s) for %1 could not be delivered and wait in the dead-letter queue for you to retry or discard.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 asked for more stock than was left (%2); they were refused and nothing was oversold, but a channel may be showing too much stock.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 named SKUs ChannelDesk does not know (%2); they were recorded but took no stock. Map the SKUs, then adjust stock by hand.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AuditModel</name>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oversell attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead-letter retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead-letter discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AuditPanel</name>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest %1 entries; narrow the filter to see older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ChannelModel</name>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) in 5 min: %1 failed, %2 throttled, %3 unanswered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success (5 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ChannelsPanel</name>
    <message>
        <source>&amp;Pause propagation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume propagation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ConsoleWorker</name>
    <message>
        <source>No keychain service (%1): secrets come from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config: cannot read %1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No config at %1 yet: File &gt; Settings creates it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier quotes are off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core started on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the stock: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the core is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagation to %1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagation to %1 resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo&apos;s simulated channels cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting the core with the new settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core restarted with new settings; ask for quotes again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterModel</name>
    <message>
        <source>retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterPanel</name>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All error kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry all &amp;shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a dead letter to see the request that failed, the channel response and every attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discard %n dead letter(s)? The listings wait for the next change. Reason (kept in the audit log):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A reason is required; nothing was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2, version %3, %n attempt(s), %4
Last error: %5

Request:
%6

Response:
%7

History:
%8</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>retrying now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DemoDriver</name>
    <message>
        <source>Demo: %1 SKUs on %2 simulated channels and %3 carriers at http://127.0.0.1:%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: flash sale for %1 s on %2 hot SKUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: %1 on %2 for %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: %1 recovered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::KeychainSecretStore</name>
    <message>
        <source>the keychain service did not answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; is a D-Bus session with Secret Service or KWallet running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::LagPanel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 of every channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution of the window (histogram)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync lag (commit to channel acknowledgement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync lag distribution: share of each channel&apos;s updates per lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag (commit to channel acknowledgement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of updates (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: p50, p95, p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 s threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n update(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no updates)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::MainWindow</name>
    <message>
        <source>Starting the core…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChannelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier &amp;quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ale&amp;rts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n simulated channel(s), database %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n channel(s), database %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync core did not start:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ale&amp;rts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adjust selected SKU…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only &amp;problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry all &amp;shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ChannelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ChannelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ChannelDesk %1&lt;/b&gt;&lt;p&gt;One source of truth for stock across Shopify, WooCommerce, eBay and Amazon.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 orders/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst p99: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst p99: %1 s (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead letters: %1  pending: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChannelDesk alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::MemorySecretStore</name>
    <message>
        <source>memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::QuoteModel</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 deliveries to %3 on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none to %1 yet; %2 of %3 deliveries on time elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no delivery history yet: the default rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late: arrives %1, promised %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No delivery estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exchange rate from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 carrier error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 carrier errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quote: no carrier is configured (see the &quot;carriers&quot; array in docs/carriers.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quote: every carrier failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quote qualified: the only quote was dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quote qualified: all %1 quotes were dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on time to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on time over all zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on time by default (no history yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the only qualifying quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lowest of %1 qualifying quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 chosen: %2 %3 at %4 %5 scores %6, %7%8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 business day in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 business days in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, guaranteed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Est. delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meets promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::QuotePanel</name>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-letter country code (US, CA, DE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free&amp;ze the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an order to fill in the shipment; double-click to quote it at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold new orders back while you pick one; they are added when you let go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery date promised to the customer: later quotes are dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you ship from; kept as the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the parcel, packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;rder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parcel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an order on the left, or fill in the shipment, then press Get quotes: every carrier is asked at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 has no ship-to address: enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a postal code and a two-letter country for both ship-to and ship-from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 quote in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 quotes in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for 1 carrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 carriers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-quo&amp;te</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::RecentOrderModel</name>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsDialog</name>
    <message>
        <source>Ask this carrier for quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;rriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. The core restarted with the new settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but the core did not start with the new settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the core takes webhooks and serves /metrics: host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety buffer of every channel that sets none: a listing pauses when stock falls to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default safety &amp;buffer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync lag p&amp;99 above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Any sync lag above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate &amp;below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Location id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seller id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Marketplace id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LWA U&amp;RL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel&apos;s documented limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;requests/s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety &amp;buffer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LWA client i&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LWA client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh t&amp;oken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhook secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client i&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: these channels are simulated, so their settings are shown read-only. Start ChannelDesk without --demo to set up real channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain (%1); this dialog never shows them, it only says which are stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain service is running: secrets are not saved&lt;/b&gt;; set the environment variables named below instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config file: %1. Saving restarts the sync core with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config file: %1 (created when you save). Saving restarts the sync core with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An existing entry keeps its id: its secrets and its history are stored under it. Add a new one to use another id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved: no keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. The core is restarting with the new settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. The core uses it when ChannelDesk starts next.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this build has no keychain support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no config file to save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain to store the secrets in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not take the secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockModel</name>
    <message>
        <source>in sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low stock: %1 available, safety buffer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused on every channel by the listing guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
Last error: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockPanel</name>
    <message>
        <source>Only &amp;problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by SKU or title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low stock, paused, or retrying or dead on a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 SKUs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>One source of truth for stock across channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run against simulated channels with a synthetic order stream, in a temporary database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inventory database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channels config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a PNG of every tab to DIR after a few seconds, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before the screenshots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (de, fr, ...) instead of the system one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
