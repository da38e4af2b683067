<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChannelDesk::AlertRules</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing update(s) for %1 could not be delivered and wait in the dead-letter queue for you to retry or discard.</source>
        <translation>
            <numerusform>%n listing update for %1 could not be delivered and waits in the dead-letter queue for you to retry or discard.</numerusform>
            <numerusform>%n listing updates for %1 could not be delivered and wait in the dead-letter queue for you to retry or discard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 were sold with too little stock: %2. The units are owed to customers until the orders are cancelled, refunded, restocked or resolved (Orders tab, or `channeldesk-cli oversold`).</source>
        <translation>
            <numerusform>%n order in the last %1 was sold with too little stock: %2. The units are owed to customers until the orders are cancelled, refunded, restocked or resolved (Orders tab, or `channeldesk-cli oversold`).</numerusform>
            <numerusform>%n orders in the last %1 were sold with too little stock: %2. The units are owed to customers until the orders are cancelled, refunded, restocked or resolved (Orders tab, or `channeldesk-cli oversold`).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 have lines that wait for a SKU or a listing mapping: %2. Their other lines took stock; map the listing or resolve the line (Orders tab, or `channeldesk-cli unmatched`).</source>
        <translation>
            <numerusform>%n order in the last %1 has lines that wait for a SKU or a listing mapping: %2. Its other lines took stock; map the listing or resolve the line (Orders tab, or `channeldesk-cli unmatched`).</numerusform>
            <numerusform>%n orders in the last %1 have lines that wait for a SKU or a listing mapping: %2. Their other lines took stock; map the listing or resolve the line (Orders tab, or `channeldesk-cli unmatched`).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) on %1 still show another quantity than they should after a second reconciliation: see the Drift view to fix them.</source>
        <translation>
            <numerusform>%n listing on %1 still shows another quantity than it should after a second reconciliation: see the Drift view to fix it.</numerusform>
            <numerusform>%n listings on %1 still show another quantity than they should after a second reconciliation: see the Drift view to fix them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AuditPanel</name>
    <message numerus="yes">
        <source>%n entries, newest first.</source>
        <translation>
            <numerusform>%n entry, newest first.</numerusform>
            <numerusform>%n entries, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ChannelModel</name>
    <message numerus="yes">
        <source>%n listing update(s) in 5 min, %1 not taken (calls: %2, failed %3, throttled %4, unanswered %5)</source>
        <translation>
            <numerusform>%n listing update in 5 min, %1 not taken (calls: %2, failed %3, throttled %4, unanswered %5)</numerusform>
            <numerusform>%n listing updates in 5 min, %1 not taken (calls: %2, failed %3, throttled %4, unanswered %5)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterDetailPane</name>
    <message numerus="yes">
        <source>%1 on %2, version %3, %n attempt(s), %4
Last error: %5

Last request:
%6

Last answer:
%7

History:
%8</source>
        <translation>
            <numerusform>%1 on %2, version %3, %n attempt, %4
Last error: %5

Last request:
%6

Last answer:
%7

History:
%8</numerusform>
            <numerusform>%1 on %2, version %3, %n attempts, %4
Last error: %5

Last request:
%6

Last answer:
%7

History:
%8</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterGroupModel</name>
    <message numerus="yes">
        <source>%n dead letter(s) on %1</source>
        <translation>
            <numerusform>%n dead letter on %1</numerusform>
            <numerusform>%n dead letters on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s) on %1 failed with %2</source>
        <translation>
            <numerusform>%n dead letter on %1 failed with %2</numerusform>
            <numerusform>%n dead letters on %1 failed with %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterPanel</name>
    <message numerus="yes">
        <source>%n dead letter(s)</source>
        <translation>
            <numerusform>%n dead letter</numerusform>
            <numerusform>%n dead letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %n dead letter(s)? The listings wait for the next change. Reason (kept in the audit log):</source>
        <translation>
            <numerusform>Discard %n dead letter? The listing waits for the next change. Reason (kept in the audit log):</numerusform>
            <numerusform>Discard %n dead letters? The listings wait for the next change. Reason (kept in the audit log):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n dead letter(s): %2</source>
        <translation>
            <numerusform>%1 of %n dead letter: %2</numerusform>
            <numerusform>%1 of %n dead letters: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeliveryPanel</name>
    <message numerus="yes">
        <source>%n delivery(ies) shown.</source>
        <translation>
            <numerusform>%n delivery shown.</numerusform>
            <numerusform>%n deliveries shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be applied.</source>
        <translation>
            <numerusform>%n waiting to be applied.</numerusform>
            <numerusform>%n waiting to be applied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DriftModel</name>
    <message numerus="yes">
        <source>Shown %1 since %2 (seen by %n reconciliation(s)); should show %3.</source>
        <translation>
            <numerusform>Shown %1 since %2 (seen by %n reconciliation); should show %3.</numerusform>
            <numerusform>Shown %1 since %2 (seen by %n reconciliations); should show %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DriftPanel</name>
    <message numerus="yes">
        <source>%n listing(s) show another quantity than they should.</source>
        <translation>
            <numerusform>%n listing shows another quantity than it should.</numerusform>
            <numerusform>%n listings show another quantity than they should.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ImportListingsDialog</name>
    <message numerus="yes">
        <source>Read %n listing(s) of %1…</source>
        <translation>
            <numerusform>Read %n listing of %1…</numerusform>
            <numerusform>Read %n listings of %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mapping: read %n listing(s) of %1…</source>
        <translation>
            <numerusform>Mapping: read %n listing of %1…</numerusform>
            <numerusform>Mapping: read %n listings of %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing is mapped yet. %n new listing(s) would be mapped; choose what happens where one shows another quantity, then click Map.</source>
        <translation>
            <numerusform>Nothing is mapped yet. %n new listing would be mapped; choose what happens where one shows another quantity, then click Map.</numerusform>
            <numerusform>Nothing is mapped yet. %n new listings would be mapped; choose what happens where one shows another quantity, then click Map.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mapped %n new listing(s).</source>
        <translation>
            <numerusform>Mapped %n new listing.</numerusform>
            <numerusform>Mapped %n new listings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Our numbers are on their way to %n listing(s).</source>
        <translation>
            <numerusform>Our numbers are on their way to %n listing.</numerusform>
            <numerusform>Our numbers are on their way to %n listings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took the channel&apos;s number for %n SKU(s).</source>
        <translation>
            <numerusform>Took the channel&apos;s number for %n SKU.</numerusform>
            <numerusform>Took the channel&apos;s numbers for %n SKUs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) left as they are, listed on the Drift tab.</source>
        <translation>
            <numerusform>%n listing left as it is, listed on the Drift tab.</numerusform>
            <numerusform>%n listings left as they are, listed on the Drift tab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::LagPanel</name>
    <message numerus="yes">
        <source>%1 (%n update(s))</source>
        <translation>
            <numerusform>%1 (%n update)</numerusform>
            <numerusform>%1 (%n updates)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::MainWindow</name>
    <message numerus="yes">
        <source>Demo: %n simulated channel(s), database %1</source>
        <translation>
            <numerusform>Demo: %n simulated channel, database %1</numerusform>
            <numerusform>Demo: %n simulated channels, database %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n channel(s), database %1</source>
        <translation>
            <numerusform>Connected: %n channel, database %1</numerusform>
            <numerusform>Connected: %n channels, database %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderModel</name>
    <message numerus="yes">
        <source>%1: %n unit(s) owed</source>
        <translation>
            <numerusform>%1: %n unit owed</numerusform>
            <numerusform>%1: %n units owed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderTimelineDialog</name>
    <message numerus="yes">
        <source>Order %1 from %2: %3. Received %4; %n line(s).</source>
        <translation>
            <numerusform>Order %1 from %2: %3. Received %4; %n line.</numerusform>
            <numerusform>Order %1 from %2: %3. Received %4; %n lines.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrdersPanel</name>
    <message numerus="yes">
        <source>%n oversold order(s)</source>
        <translation>
            <numerusform>%n oversold order</numerusform>
            <numerusform>%n oversold orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) waiting</source>
        <translation>
            <numerusform>%n line waiting</numerusform>
            <numerusform>%n lines waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n owed</source>
        <translation>
            <numerusform>%1: %n owed</numerusform>
            <numerusform>%1: %n owed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s). Orders older than the %2 most recent are not listed here; open them from the dead letter.</source>
        <translation>
            <numerusform>%1: %n order. Orders older than the %2 most recent are not listed here; open them from the dead letter.</numerusform>
            <numerusform>%1: %n orders. Orders older than the %2 most recent are not listed here; open them from the dead letter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockFiles</name>
    <message numerus="yes">
        <source>Importing %n SKU(s)…</source>
        <translation>
            <numerusform>Importing %n SKU…</numerusform>
            <numerusform>Importing %n SKUs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was not imported: %n bad row(s)</source>
        <translation>
            <numerusform>%1 was not imported: %n bad row</numerusform>
            <numerusform>%1 was not imported: %n bad rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockImportDialog</name>
    <message numerus="yes">
        <source>Nothing can be imported from this file: %n row(s) need fixing. Fix them and import the file again; no SKU was changed.</source>
        <translation>
            <numerusform>Nothing can be imported from this file: %n row needs fixing. Fix it and import the file again; no SKU was changed.</numerusform>
            <numerusform>Nothing can be imported from this file: %n rows need fixing. Fix them and import the file again; no SKU was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) will change, %1 stay as they are. Nothing is written until you click Import.</source>
        <translation>
            <numerusform>%n SKU will change, %1 stay as they are. Nothing is written until you click Import.</numerusform>
            <numerusform>%n SKUs will change, %1 stay as they are. Nothing is written until you click Import.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockModel</name>
    <message numerus="yes">
        <source>%n unit(s) owed to customers: sold beyond what was on hand. The Orders tab lists the oversold orders.</source>
        <translation>
            <numerusform>%n unit owed to customers: sold beyond what was on hand. The Orders tab lists the oversold orders.</numerusform>
            <numerusform>%n units owed to customers: sold beyond what was on hand. The Orders tab lists the oversold orders.</numerusform>
        </translation>
    </message>
</context>
</TS>
