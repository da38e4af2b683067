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
        <source>%n order(s) in the last %1 asked for more stock than was left (%2); they were refused and nothing was oversold, but a channel may be showing too much stock.</source>
        <translation>
            <numerusform>%n order in the last %1 asked for more stock than was left (%2); it was refused and nothing was oversold, but a channel may be showing too much stock.</numerusform>
            <numerusform>%n orders in the last %1 asked for more stock than was left (%2); they were refused and nothing was oversold, but a channel may be showing too much stock.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 named SKUs ChannelDesk does not know (%2); they were recorded but took no stock. Map the SKUs, then adjust stock by hand.</source>
        <translation>
            <numerusform>%n order in the last %1 named SKUs ChannelDesk does not know (%2); it was recorded but took no stock. Map the SKUs, then adjust stock by hand.</numerusform>
            <numerusform>%n orders in the last %1 named SKUs ChannelDesk does not know (%2); they were recorded but took no stock. Map the SKUs, then adjust stock by hand.</numerusform>
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
        <source>%n attempt(s) in 5 min: %1 failed, %2 throttled, %3 unanswered</source>
        <translation>
            <numerusform>%n attempt in 5 min: %1 failed, %2 throttled, %3 unanswered</numerusform>
            <numerusform>%n attempts in 5 min: %1 failed, %2 throttled, %3 unanswered</numerusform>
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
        <source>%1 on %2, version %3, %n attempt(s), %4
Last error: %5

Request:
%6

Response:
%7

History:
%8</source>
        <translation>
            <numerusform>%1 on %2, version %3, %n attempt, %4
Last error: %5

Request:
%6

Response:
%7

History:
%8</numerusform>
            <numerusform>%1 on %2, version %3, %n attempts, %4
Last error: %5

Request:
%6

Response:
%7

History:
%8</numerusform>
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
</TS>
