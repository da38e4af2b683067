<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChannelDesk::AddSkuDialog</name>
    <message>
        <source>Add a SKU</source>
        <translation>SKU hinzufügen</translation>
    </message>
    <message>
        <source>As your channels know it, e.g. MUG-BLUE-12</source>
        <translation>Wie Ihre Kanäle ihn kennen, z. B. MUG-BLUE-12</translation>
    </message>
    <message>
        <source>Listings pause when available stock falls to this</source>
        <translation>Angebote pausieren, wenn der verfügbare Bestand darauf fällt</translation>
    </message>
    <message>
        <source>&amp;SKU:</source>
        <translation>&amp;SKU:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Available:</source>
        <translation>&amp;Verfügbar:</translation>
    </message>
    <message>
        <source>Safety &amp;buffer:</source>
        <translation>Sicherheits&amp;puffer:</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AdjustDialog</name>
    <message>
        <source>Adjust stock of %1</source>
        <translation>Bestand von %1 anpassen</translation>
    </message>
    <message>
        <source>For example: stock count, damaged, returned</source>
        <translation>Zum Beispiel: Inventur, beschädigt, Retoure</translation>
    </message>
    <message>
        <source>Available now:</source>
        <translation>Jetzt verfügbar:</translation>
    </message>
    <message>
        <source>&amp;Change by:</source>
        <translation>Ändern &amp;um:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AlertModel</name>
    <message>
        <source>sync lag p99</source>
        <translation>Sync-Verzögerung p99</translation>
    </message>
    <message>
        <source>sync lag max</source>
        <translation>Sync-Verzögerung max.</translation>
    </message>
    <message>
        <source>success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>channel stalled</source>
        <translation>Kanal hängt</translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation>fehlgeschlagene Updates</translation>
    </message>
    <message>
        <source>oversell attempt</source>
        <translation>Überverkaufsversuch</translation>
    </message>
    <message>
        <source>unknown SKU</source>
        <translation>unbekannte SKU</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>Abweichung</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AlertRules</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Stock updates are reaching %1 slowly: 1 in 100 takes %2 or more (alert above %3).</source>
        <translation>Bestandsupdates erreichen %1 langsam: 1 von 100 braucht %2 oder länger (Alarm ab %3).</translation>
    </message>
    <message>
        <source>A stock update took %1 to reach %2 (alert above %3), so its listings may have shown an old quantity.</source>
        <translation>Ein Bestandsupdate brauchte %1 bis %2 (Alarm ab %3); die Angebote zeigten in der Zeit womöglich eine alte Menge.</translation>
    </message>
    <message>
        <source>Only %1 of stock updates to %2 are succeeding (%3 of %4 failed, alert below %5); failed ones are retried.</source>
        <translation>Nur %1 der Bestandsupdates an %2 gelingen (%3 von %4 fehlgeschlagen, Alarm unter %5); fehlgeschlagene werden wiederholt.</translation>
    </message>
    <message>
        <source>%1 is not answering: its recent update attempts all timed out or could not connect; %2 listings are waiting.</source>
        <translation>%1 antwortet nicht: Die letzten Updateversuche liefen alle in eine Zeitüberschreitung oder fanden keine Verbindung; %2 Angebote warten.</translation>
    </message>
    <message>
        <source>%1 has not confirmed any stock update yet while %2 listings are waiting.</source>
        <translation>%1 hat noch kein Bestandsupdate bestätigt, während %2 Angebote warten.</translation>
    </message>
    <message>
        <source>%1 has not confirmed a stock update for %2 while %3 listings are waiting.</source>
        <translation>%1 hat seit %2 kein Bestandsupdate bestätigt, während %3 Angebote warten.</translation>
    </message>
    <message numerus="yes">
        <source>%n listing update(s) for %1 could not be delivered and wait in the dead-letter queue for you to retry or discard.</source>
        <translation>
            <numerusform>%n Angebotsupdate für %1 konnte nicht zugestellt werden und wartet unter „Fehlgeschlagen“ darauf, dass Sie es wiederholen oder verwerfen.</numerusform>
            <numerusform>%n Angebotsupdates für %1 konnten nicht zugestellt werden und warten unter „Fehlgeschlagen“ darauf, dass Sie sie wiederholen oder verwerfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>order %1/%2 %3</source>
        <translation>Bestellung %1/%2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 were sold with too little stock: %2. The units are owed to customers until the orders are cancelled, refunded, restocked or resolved (Orders tab, or `channeldesk-cli oversold`).</source>
        <translation>
            <numerusform>%n Bestellung in den letzten %1 wurde mit zu wenig Bestand verkauft: %2. Die Einheiten werden Kunden geschuldet, bis die Bestellungen storniert, erstattet, aufgefüllt oder geklärt sind (Reiter Bestellungen oder `channeldesk-cli oversold`).</numerusform>
            <numerusform>%n Bestellungen in den letzten %1 wurden mit zu wenig Bestand verkauft: %2. Die Einheiten werden Kunden geschuldet, bis die Bestellungen storniert, erstattet, aufgefüllt oder geklärt sind (Reiter Bestellungen oder `channeldesk-cli oversold`).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 have lines that wait for a SKU or a listing mapping: %2. Their other lines took stock; map the listing or resolve the line (Orders tab, or `channeldesk-cli unmatched`).</source>
        <translation>
            <numerusform>%n Bestellung in den letzten %1 hat Positionen, die auf eine SKU oder eine Listing-Zuordnung warten: %2. Ihre anderen Positionen haben Bestand genommen; ordnen Sie das Listing zu oder klären Sie die Position (Reiter Bestellungen oder `channeldesk-cli unmatched`).</numerusform>
            <numerusform>%n Bestellungen in den letzten %1 haben Positionen, die auf eine SKU oder eine Listing-Zuordnung warten: %2. Ihre anderen Positionen haben Bestand genommen; ordnen Sie das Listing zu oder klären Sie die Position (Reiter Bestellungen oder `channeldesk-cli unmatched`).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) on %1 still show another quantity than they should after a second reconciliation: see the Drift view to fix them.</source>
        <translation>
            <numerusform>%n Angebot auf %1 zeigt auch nach einem zweiten Abgleich eine andere Menge als es sollte: in der Ansicht Abweichungen beheben.</numerusform>
            <numerusform>%n Angebote auf %1 zeigen auch nach einem zweiten Abgleich eine andere Menge als sie sollten: in der Ansicht Abweichungen beheben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AttemptModel</name>
    <message>
        <source>transient</source>
        <translation>vorübergehend</translation>
    </message>
    <message>
        <source>permanent</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AuditModel</name>
    <message>
        <source>order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>adjust</source>
        <translation>Anpassung</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>Fortsetzung</translation>
    </message>
    <message>
        <source>oversell attempt</source>
        <translation>Überverkaufsversuch</translation>
    </message>
    <message>
        <source>unknown SKU</source>
        <translation>unbekannte SKU</translation>
    </message>
    <message>
        <source>dead-letter retry</source>
        <translation>Fehlgeschlagen: wiederholt</translation>
    </message>
    <message>
        <source>dead-letter discard</source>
        <translation>Fehlgeschlagen: verworfen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Available after</source>
        <translation>Danach verfügbar</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>waiting line</source>
        <translation>wartende Position</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>Klärung</translation>
    </message>
    <message>
        <source>buffer rule</source>
        <translation>Pufferregel</translation>
    </message>
    <message>
        <source>reconcile</source>
        <translation>Abgleich</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AuditPanel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>The newest %1 entries; narrow the filter to see older ones.</source>
        <translation>Die neuesten %1 Einträge; grenzen Sie den Filter ein, um ältere zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first.</source>
        <translation>
            <numerusform>%n Eintrag, neueste zuerst.</numerusform>
            <numerusform>%n Einträge, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Nothing in the audit log</source>
        <translation>Nichts im Prüfprotokoll</translation>
    </message>
    <message>
        <source>Every change to stock (orders, imports, adjustments, buffers) is logged here as it happens, with who made it and why.</source>
        <translation>Jede Bestandsänderung (Bestellungen, Importe, Korrekturen, Puffer) wird hier festgehalten, sobald sie geschieht, mit wer sie gemacht hat und warum.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::BufferDialog</name>
    <message>
        <source>What %1 shows of %2</source>
        <translation>Was %1 von %2 zeigt</translation>
    </message>
    <message>
        <source>the channel&apos;s</source>
        <translation>des Kanals</translation>
    </message>
    <message>
        <source>Use the &amp;channel&apos;s rule</source>
        <translation>Regel des &amp;Kanals verwenden</translation>
    </message>
    <message>
        <source>%1 would show %2.</source>
        <translation>%1 würde %2 zeigen.</translation>
    </message>
    <message>
        <source>%1 on %2: available %3, safety buffer %4. A field left at its lowest value follows the channel&apos;s rule.</source>
        <translation>%1 auf %2: verfügbar %3, Sicherheitspuffer %4. Ein Feld auf seinem niedrigsten Wert folgt der Regel des Kanals.</translation>
    </message>
    <message>
        <source>%1 would show 0: available is at or below the pause-at, %2.</source>
        <translation>%1 würde 0 zeigen: Der verfügbare Bestand ist höchstens die Pausengrenze, %2.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::BufferFields</name>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Units kept back: never shown on this channel</source>
        <translation>Zurückbehaltene Einheiten: werden auf diesem Kanal nie gezeigt</translation>
    </message>
    <message>
        <source>The share of what is left after the reserve, rounded down</source>
        <translation>Der Anteil dessen, was nach der Reserve bleibt, abgerundet</translation>
    </message>
    <message>
        <source>Never show more than this</source>
        <translation>Nie mehr als dies zeigen</translation>
    </message>
    <message>
        <source>Show nothing once available stock falls to this</source>
        <translation>Nichts mehr zeigen, sobald der verfügbare Bestand darauf fällt</translation>
    </message>
    <message>
        <source>Reser&amp;ve:</source>
        <translation>Reser&amp;ve:</translation>
    </message>
    <message>
        <source>Perce&amp;nt:</source>
        <translation>Pro&amp;zent:</translation>
    </message>
    <message>
        <source>Ma&amp;x:</source>
        <translation>Ma&amp;ximum:</translation>
    </message>
    <message>
        <source>&amp;Pause at:</source>
        <translation>&amp;Pausieren bei:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an inherited value, where it comes from</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>0 (default)</source>
        <translation>0 (Standard)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>100% (default)</source>
        <translation>100 % (Standard)</translation>
    </message>
    <message>
        <source>no maximum (default)</source>
        <translation>kein Maximum (Standard)</translation>
    </message>
    <message>
        <source>the SKU&apos;s safety buffer (default)</source>
        <translation>Sicherheitspuffer der SKU (Standard)</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ChannelModel</name>
    <message>
        <source>idle</source>
        <translation>ruhig</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>langsam</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>hängt</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 of %2/s</source>
        <translation>%1 von %2/s</translation>
    </message>
    <message numerus="yes">
        <source>%n listing update(s) in 5 min, %1 not taken (calls: %2, failed %3, throttled %4, unanswered %5)</source>
        <translation>
            <numerusform>%n Angebotsaktualisierung in 5 min, %1 nicht übernommen (Aufrufe: %2, fehlgeschlagen %3, gedrosselt %4, unbeantwortet %5)</numerusform>
            <numerusform>%n Angebotsaktualisierungen in 5 min, %1 nicht übernommen (Aufrufe: %2, fehlgeschlagen %3, gedrosselt %4, unbeantwortet %5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>Success (5 min)</source>
        <translation>Erfolg (5 min)</translation>
    </message>
    <message>
        <source>p50 lag</source>
        <translation>p50-Verzögerung</translation>
    </message>
    <message>
        <source>p95 lag</source>
        <translation>p95-Verzögerung</translation>
    </message>
    <message>
        <source>p99 lag</source>
        <translation>p99-Verzögerung</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rate headroom</source>
        <translation>Ratenspielraum</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>this console (%1)</source>
        <translation>diese Konsole (%1)</translation>
    </message>
    <message>
        <source>Propagated by</source>
        <translation>Übertragen von</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ChannelsPanel</name>
    <message>
        <source>&amp;Pause propagation</source>
        <translation>Übertragung &amp;pausieren</translation>
    </message>
    <message>
        <source>Res&amp;ume propagation</source>
        <translation>Übertragung &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Import listings…</source>
        <translation>Angebote &amp;importieren…</translation>
    </message>
    <message>
        <source>Impor&amp;t listings…</source>
        <translation>Angebote &amp;importieren…</translation>
    </message>
    <message>
        <source>Pull the selected channel&apos;s catalogue and map its listings by SKU</source>
        <translation>Den Katalog des gewählten Kanals abrufen und seine Angebote per SKU zuordnen</translation>
    </message>
    <message>
        <source>No channel connected</source>
        <translation>Kein Kanal verbunden</translation>
    </message>
    <message>
        <source>Connect your Shopify, WooCommerce, eBay or Amazon shop: ChannelDesk tests the connection, reads your listings and shows where they differ from your stock before it sends anything.</source>
        <translation>Verbinden Sie Ihren Shopify-, WooCommerce-, eBay- oder Amazon-Shop: ChannelDesk prüft die Verbindung, liest Ihre Angebote und zeigt, wo sie von Ihrem Bestand abweichen, bevor es etwas sendet.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ConnectChannelDialog</name>
    <message>
        <source>By &amp;polling (this machine cannot be reached from the internet)</source>
        <translation>Per &amp;Abfrage (dieser Rechner ist aus dem Internet nicht erreichbar)</translation>
    </message>
    <message>
        <source>&amp;Save and read listings</source>
        <translation>&amp;Speichern und Angebote lesen</translation>
    </message>
    <message>
        <source>Connect a channel</source>
        <translation>Kanal verbinden</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>WooCommerce</source>
        <translation>WooCommerce</translation>
    </message>
    <message>
        <source>eBay</source>
        <translation>eBay</translation>
    </message>
    <message>
        <source>Amazon</source>
        <translation>Amazon</translation>
    </message>
    <message>
        <source>A short name of your own: it names the channel everywhere in ChannelDesk and its webhook address</source>
        <translation>Ein kurzer Name Ihrer Wahl: Er benennt den Kanal überall in ChannelDesk und in seiner Webhook-Adresse</translation>
    </message>
    <message>
        <source>The number at the end of the location&apos;s admin URL</source>
        <translation>Die Zahl am Ende der Verwaltungs-URL des Standorts</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Shop &amp;address:</source>
        <translation>Shop-A&amp;dresse:</translation>
    </message>
    <message>
        <source>&amp;Location id:</source>
        <translation>Standor&amp;t-ID:</translation>
    </message>
    <message>
        <source>Se&amp;ller id:</source>
        <translation>Ver&amp;käufer-ID:</translation>
    </message>
    <message>
        <source>&amp;Marketplace id:</source>
        <translation>&amp;Marktplatz-ID:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Orders come in&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bestellungen kommen an&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>(this console does not listen for webhooks: choose polling)</source>
        <translation>(diese Konsole empfängt keine Webhooks: wählen Sie die Abfrage)</translation>
    </message>
    <message>
        <source>Connected: %1 answered.</source>
        <translation>Verbunden: %1 hat geantwortet.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>The token was refused (HTTP %1): %2</source>
        <translation>Das Token wurde abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The shop address %1 could not be found (DNS): %2</source>
        <translation>Die Shop-Adresse %1 wurde nicht gefunden (DNS): %2</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (TLS): %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen (TLS): %2</translation>
    </message>
    <message>
        <source>No answer from %1 in time: %2</source>
        <translation>Keine rechtzeitige Antwort von %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 answers, but not as the channel&apos;s API there (HTTP 404): check the shop address. %2</source>
        <translation>%1 antwortet, aber dort ist nicht die API des Kanals (HTTP 404): Prüfen Sie die Shop-Adresse. %2</translation>
    </message>
    <message>
        <source>The channel said no (HTTP %1): %2</source>
        <translation>Der Kanal hat abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The channel&apos;s answer could not be read: %1</source>
        <translation>Die Antwort des Kanals ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1…</translation>
    </message>
    <message>
        <source>A channel named %1 is configured already: choose another name</source>
        <translation>Ein Kanal namens %1 ist bereits eingerichtet: Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>No keychain is running: the credentials cannot be saved. Set them as environment variables in File &gt; Settings instead.</source>
        <translation>Kein Schlüsselbund läuft: Die Zugangsdaten können nicht gespeichert werden. Setzen Sie sie stattdessen als Umgebungsvariablen unter Datei &gt; Einstellungen.</translation>
    </message>
    <message>
        <source>Saving %1 and restarting the core with it…</source>
        <translation>%1 wird gespeichert und der Kern damit neu gestartet…</translation>
    </message>
    <message>
        <source>Test connect&amp;ion</source>
        <translation>Verb&amp;indung testen</translation>
    </message>
    <message>
        <source>By web&amp;hook: paste this URL into the shop&apos;s admin</source>
        <translation>Per Web&amp;hook: diese URL in die Shop-Verwaltung einfügen</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ConsoleWorker</name>
    <message>
        <source>cannot create a temporary folder for the demo database</source>
        <translation>Temporärer Ordner für die Demo-Datenbank kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Core started on %1</source>
        <translation>Kern gestartet mit %1</translation>
    </message>
    <message>
        <source>Cannot read the stock: %1</source>
        <translation>Bestand kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the core is not running</source>
        <translation>der Kern läuft nicht</translation>
    </message>
    <message>
        <source>Propagation to %1 paused</source>
        <translation>Übertragung an %1 pausiert</translation>
    </message>
    <message>
        <source>Propagation to %1 resumed</source>
        <translation>Übertragung an %1 fortgesetzt</translation>
    </message>
    <message>
        <source>Restarting the core with the new settings</source>
        <translation>Kern wird mit den neuen Einstellungen neu gestartet</translation>
    </message>
    <message>
        <source>The core restarted with new settings; ask for quotes again.</source>
        <translation>Der Kern wurde mit neuen Einstellungen neu gestartet; fragen Sie die Angebote erneut an.</translation>
    </message>
    <message>
        <source>Cannot read the buffer overrides: %1</source>
        <translation>Die eigenen Pufferregeln können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the drift: %1</source>
        <translation>Die Abweichungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reconciliation of %1 failed: %2</source>
        <translation>Abgleich von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The core restarted with new settings; import the listings again.</source>
        <translation>Der Kern wurde mit neuen Einstellungen neu gestartet; importieren Sie die Angebote erneut.</translation>
    </message>
    <message>
        <source>%1 is not a channel of the running core</source>
        <translation>%1 ist kein Kanal des laufenden Kerns</translation>
    </message>
    <message>
        <source>The core is not running</source>
        <translation>Der Kern läuft nicht</translation>
    </message>
    <message>
        <source>Cannot read the deliveries: %1</source>
        <translation>Die Lieferungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Delivery %1 not replayed: %2</source>
        <translation>Lieferung %1 nicht erneut eingespielt: %2</translation>
    </message>
    <message>
        <source>Delivery %1 is back in the queue.</source>
        <translation>Lieferung %1 steht wieder in der Warteschlange.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is over %2 MB: not a stock file</source>
        <translation>%1 ist größer als %2 MB: keine Bestandsdatei</translation>
    </message>
    <message>
        <source>Imported %1 rows: %2 changed, %3 unchanged</source>
        <translation>%1 Zeilen importiert: %2 geändert, %3 unverändert</translation>
    </message>
    <message>
        <source>Cannot listen for other processes&apos; changes: %1</source>
        <translation>Änderungen anderer Prozesse können nicht abonniert werden: %1</translation>
    </message>
    <message>
        <source>Cannot read other processes&apos; changes: %1</source>
        <translation>Änderungen anderer Prozesse können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Core started on %1 in monitor mode: the workers propagate</source>
        <translation>Kern auf %1 im Beobachtungsmodus gestartet: die Worker übertragen</translation>
    </message>
    <message>
        <source>Cannot read the channels&apos; leases: %1</source>
        <translation>Die Leases der Kanäle können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterDetailPane</name>
    <message>
        <source>The request of the selected attempt</source>
        <translation>Die Anfrage des gewählten Versuchs</translation>
    </message>
    <message>
        <source>The channel&apos;s answer to it (none: no answer came)</source>
        <translation>Die Antwort des Kanals darauf (leer: keine Antwort kam)</translation>
    </message>
    <message>
        <source>Select a dead letter to see every attempt, the orders behind it and its history.</source>
        <translation>Wählen Sie ein fehlgeschlagenes Update, um jeden Versuch, die Bestellungen dahinter und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Available after</source>
        <translation>Danach verfügbar</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Orders behind it</source>
        <translation>Bestellungen dahinter</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
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
            <numerusform>%1 auf %2, Version %3, %n Versuch, %4
Letzter Fehler: %5

Letzte Anfrage:
%6

Letzte Antwort:
%7

Verlauf:
%8</numerusform>
            <numerusform>%1 auf %2, Version %3, %n Versuche, %4
Letzter Fehler: %5

Letzte Anfrage:
%6

Letzte Antwort:
%7

Verlauf:
%8</numerusform>
        </translation>
    </message>
    <message>
        <source>retrying now</source>
        <translation>wird gerade wiederholt</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Attempts (%1)</source>
        <translation>Versuche (%1)</translation>
    </message>
    <message>
        <source>Orders behind it (%1)</source>
        <translation>Bestellungen dahinter (%1)</translation>
    </message>
    <message>
        <source>Double-click for the order&apos;s timeline</source>
        <translation>Doppelklick für den Verlauf der Bestellung</translation>
    </message>
    <message>
        <source>Could not read the letter&apos;s details: %1</source>
        <translation>Die Einzelheiten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No order moved %1 since %2 last acknowledged it (version %3).</source>
        <translation>Keine Bestellung hat %1 verändert, seit %2 es zuletzt bestätigt hat (Version %3).</translation>
    </message>
    <message>
        <source>The orders that changed %1 since %2 last acknowledged it (version %3), newest first. Double-click one for its timeline.</source>
        <translation>Die Bestellungen, die %1 verändert haben, seit %2 es zuletzt bestätigt hat (Version %3), neueste zuerst. Doppelklick für den Verlauf einer Bestellung.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterGroupModel</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s) on %1</source>
        <translation>
            <numerusform>%n fehlgeschlagenes Update auf %1</numerusform>
            <numerusform>%n fehlgeschlagene Updates auf %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s) on %1 failed with %2</source>
        <translation>
            <numerusform>%n fehlgeschlagenes Update auf %1 scheiterte mit %2</numerusform>
            <numerusform>%n fehlgeschlagene Updates auf %1 scheiterten mit %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel / error</source>
        <translation>Kanal / Fehler</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterModel</name>
    <message>
        <source>retrying</source>
        <translation>wird wiederholt</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <source>First failure</source>
        <translation>Erster Fehlschlag</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Fehlschlag</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>re-armed</source>
        <translation>neue Version unterwegs</translation>
    </message>
    <message>
        <source>re-driven</source>
        <translation>Kanal wieder erreichbar</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterPanel</name>
    <message>
        <source>&amp;Retry selected</source>
        <translation>Auswahl &amp;wiederholen</translation>
    </message>
    <message>
        <source>Retry all &amp;shown</source>
        <translation>Alle &amp;angezeigten wiederholen</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s)</source>
        <translation>
            <numerusform>%n fehlgeschlagenes Update</numerusform>
            <numerusform>%n fehlgeschlagene Updates</numerusform>
        </translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Discard dead letters</source>
        <translation>Fehlgeschlagene Updates verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n dead letter(s)? The listings wait for the next change. Reason (kept in the audit log):</source>
        <translation>
            <numerusform>%n fehlgeschlagenes Update verwerfen? Das Angebot wartet auf die nächste Änderung. Grund (steht im Verlauf):</numerusform>
            <numerusform>%n fehlgeschlagene Updates verwerfen? Die Angebote warten auf die nächste Änderung. Grund (steht im Verlauf):</numerusform>
        </translation>
    </message>
    <message>
        <source>A reason is required; nothing was discarded.</source>
        <translation>Ein Grund ist erforderlich; nichts wurde verworfen.</translation>
    </message>
    <message>
        <source>Show S&amp;KU</source>
        <translation>S&amp;KU zeigen</translation>
    </message>
    <message>
        <source>Show &amp;orders</source>
        <translation>&amp;Bestellungen zeigen</translation>
    </message>
    <message>
        <source>Select the letter&apos;s SKU in the Stock tab</source>
        <translation>Die SKU im Reiter Bestand auswählen</translation>
    </message>
    <message>
        <source>Show the orders whose changes this channel has not shown, in the Orders tab</source>
        <translation>Die Bestellungen, deren Änderungen dieser Kanal noch nicht zeigt, im Reiter Bestellungen zeigen</translation>
    </message>
    <message>
        <source>Select a channel or an error to show only its letters; select it again with Ctrl to show all</source>
        <translation>Wählen Sie einen Kanal oder einen Fehler, um nur dessen Updates zu zeigen; mit Strg erneut wählen, um alle zu zeigen</translation>
    </message>
    <message>
        <source>The orders behind the dead letter of %1 on %2</source>
        <translation>Die Bestellungen hinter dem fehlgeschlagenen Update von %1 auf %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n dead letter(s): %2</source>
        <translation>
            <numerusform>%1 von %n fehlgeschlagenen Update: %2</numerusform>
            <numerusform>%1 von %n fehlgeschlagenen Updates: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No dead letters</source>
        <translation>Keine unzustellbaren Aktualisierungen</translation>
    </message>
    <message>
        <source>An update a channel refuses for good, or that runs out of retries, shows here with the channel&apos;s own answer, so that you can retry or discard it.</source>
        <translation>Eine Aktualisierung, die ein Kanal endgültig ablehnt oder deren Wiederholungen erschöpft sind, erscheint hier mit der Antwort des Kanals, damit Sie sie erneut senden oder verwerfen können.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeliveryModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doppelt</translation>
    </message>
    <message>
        <source>Oversold</source>
        <translation>Überverkauft</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>Not applied: fix the cause, then Replay puts it back in the queue.</source>
        <translation>Nicht angewendet: Beheben Sie die Ursache, dann stellt „Erneut einspielen“ sie wieder in die Warteschlange.</translation>
    </message>
    <message>
        <source>Its other lines were applied; a line whose SKU or mapping is missing waits. Importing the mapping applies it by itself; after you create the SKU, Replay applies it once (or settle it with Resolve line… in Orders).</source>
        <translation>Die übrigen Positionen wurden angewendet; eine Position, deren SKU oder Zuordnung fehlt, wartet. Ein Import der Zuordnung wendet sie von selbst an; nachdem Sie die SKU angelegt haben, wendet „Erneut einspielen“ sie genau einmal an (oder klären Sie sie mit „Position klären…“ unter Bestellungen).</translation>
    </message>
    <message>
        <source>(poll)</source>
        <translation>(Abfrage)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeliveryPanel</name>
    <message>
        <source>&amp;Replay</source>
        <translation>Erneut &amp;einspielen</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Put the selected refused delivery back in the queue, to be applied again (after a fix: a mapping added, a SKU created)</source>
        <translation>Die gewählte abgelehnte Lieferung wieder in die Warteschlange stellen, um sie erneut anzuwenden (nach einer Korrektur: Zuordnung ergänzt, SKU angelegt)</translation>
    </message>
    <message>
        <source>Select a delivery to see what the channel sent.</source>
        <translation>Wählen Sie eine Lieferung, um zu sehen, was der Kanal gesendet hat.</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Delivery %1 from %2: %3</source>
        <translation>Lieferung %1 von %2: %3</translation>
    </message>
    <message>
        <source>No delivery here yet: every order a channel sends, by webhook or poll, is kept here first, with what became of it.</source>
        <translation>Noch keine Lieferung: Jede Bestellung, die ein Kanal per Webhook oder Abfrage sendet, wird zuerst hier festgehalten, mit dem, was aus ihr wurde.</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(ies) shown.</source>
        <translation>
            <numerusform>%n Lieferung angezeigt.</numerusform>
            <numerusform>%n Lieferungen angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be applied.</source>
        <translation>
            <numerusform>%n wartet auf Anwendung.</numerusform>
            <numerusform>%n warten auf Anwendung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DemoDriver</name>
    <message>
        <source>Demo: %1 SKUs on %2 simulated channels and %3 carriers at http://127.0.0.1:%4</source>
        <translation>Demo: %1 SKUs auf %2 simulierten Kanälen und %3 Paketdiensten unter http://127.0.0.1:%4</translation>
    </message>
    <message>
        <source>Demo: flash sale for %1 s on %2 hot SKUs</source>
        <translation>Demo: Blitzverkauf für %1 s auf %2 gefragten SKUs</translation>
    </message>
    <message>
        <source>Demo: %1 on %2 for %3 s</source>
        <translation>Demo: %1 auf %2 für %3 s</translation>
    </message>
    <message>
        <source>Demo: %1 recovered</source>
        <translation>Demo: %1 wieder in Ordnung</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DriftModel</name>
    <message numerus="yes">
        <source>Shown %1 since %2 (seen by %n reconciliation(s)); should show %3.</source>
        <translation>
            <numerusform>Zeigt %1 seit %2 (von %n Abgleich gesehen); sollte %3 zeigen.</numerusform>
            <numerusform>Zeigt %1 seit %2 (von %n Abgleichen gesehen); sollte %3 zeigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Gezeigt</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DriftPanel</name>
    <message>
        <source>&amp;Fix selected</source>
        <translation>Auswahl &amp;beheben</translation>
    </message>
    <message>
        <source>Fix &amp;all</source>
        <translation>&amp;Alle beheben</translation>
    </message>
    <message>
        <source>&amp;Reconcile now</source>
        <translation>Jetzt ab&amp;gleichen</translation>
    </message>
    <message>
        <source>Read every channel&apos;s quantities back now</source>
        <translation>Die Mengen aller Kanäle jetzt zurücklesen</translation>
    </message>
    <message>
        <source>Every compared listing shows what it should.</source>
        <translation>Jedes verglichene Angebot zeigt, was es soll.</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) show another quantity than they should.</source>
        <translation>
            <numerusform>%n Angebot zeigt eine andere Menge als es sollte.</numerusform>
            <numerusform>%n Angebote zeigen eine andere Menge als sie sollten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DurationText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ImportListingsDialog</name>
    <message>
        <source>Where a new listing shows another quantity than ours</source>
        <translation>Wo ein neues Angebot eine andere Menge zeigt als wir</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>&amp;Erneut ansehen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Zuordnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Import listings from %1</source>
        <translation>Angebote von %1 importieren</translation>
    </message>
    <message>
        <source>New, would be mapped:</source>
        <translation>Neu, würden zugeordnet:</translation>
    </message>
    <message>
        <source>Listings on the channel:</source>
        <translation>Angebote auf dem Kanal:</translation>
    </message>
    <message>
        <source>Mapped before:</source>
        <translation>Schon zugeordnet:</translation>
    </message>
    <message>
        <source>New listings that show another quantity than we would send</source>
        <translation>Neue Angebote, die eine andere Menge zeigen, als wir senden würden</translation>
    </message>
    <message>
        <source>Listings with no SKU, a SKU we do not stock, no count, or one another listing claims: they stay unmapped</source>
        <translation>Angebote ohne SKU, mit einer SKU, die wir nicht führen, ohne Bestandszählung oder mit einer SKU, die ein anderes Angebot beansprucht: Sie bleiben unzugeordnet</translation>
    </message>
    <message>
        <source>Our SKUs with no listing on this channel</source>
        <translation>Unsere SKUs ohne Angebot auf diesem Kanal</translation>
    </message>
    <message>
        <source>Map, leave drift alone</source>
        <translation>Zuordnen, Abweichungen belassen</translation>
    </message>
    <message>
        <source>The listings keep what they show; the differences are listed on the Drift tab, where you can fix them later.</source>
        <translation>Die Angebote behalten ihre Menge; die Unterschiede erscheinen im Reiter Abweichungen, wo Sie sie später beheben können.</translation>
    </message>
    <message>
        <source>Map and send our numbers</source>
        <translation>Zuordnen und unsere Mengen senden</translation>
    </message>
    <message>
        <source>Each differing listing is sent what we would show, by normal propagation.</source>
        <translation>Jedes abweichende Angebot erhält auf dem normalen Weg die Menge, die wir zeigen würden.</translation>
    </message>
    <message>
        <source>Map and take the channel&apos;s numbers</source>
        <translation>Zuordnen und die Mengen des Kanals übernehmen</translation>
    </message>
    <message>
        <source>The channel&apos;s quantity becomes our available (audited), only where this is the first channel mapped for that SKU; elsewhere the listing is left alone and listed as drift.</source>
        <translation>Die Menge des Kanals wird unser verfügbarer Bestand (im Verlauf protokolliert), nur wo dies der erste zugeordnete Kanal dieser SKU ist; sonst bleibt das Angebot, wie es ist, und wird als Abweichung geführt.</translation>
    </message>
    <message>
        <source>Read the catalogue again; nothing is mapped</source>
        <translation>Den Katalog erneut lesen; nichts wird zugeordnet</translation>
    </message>
    <message>
        <source>Stop reading the catalogue; nothing is mapped</source>
        <translation>Das Lesen des Katalogs abbrechen; nichts wird zugeordnet</translation>
    </message>
    <message>
        <source>Read the catalogue again and map the new listings</source>
        <translation>Den Katalog erneut lesen und die neuen Angebote zuordnen</translation>
    </message>
    <message>
        <source>Look at the catalogue of %1 first; nothing is mapped until you click Map.</source>
        <translation>Sehen Sie zuerst den Katalog von %1 an; nichts wird zugeordnet, bevor Sie auf Zuordnen klicken.</translation>
    </message>
    <message>
        <source>Reading the catalogue of %1…</source>
        <translation>Katalog von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Mapping: reading the catalogue of %1 again…</source>
        <translation>Zuordnen: Katalog von %1 wird erneut gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Read %n listing(s) of %1…</source>
        <translation>
            <numerusform>%n Angebot von %1 gelesen…</numerusform>
            <numerusform>%n Angebote von %1 gelesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mapping: read %n listing(s) of %1…</source>
        <translation>
            <numerusform>Zuordnen: %n Angebot von %1 gelesen…</numerusform>
            <numerusform>Zuordnen: %n Angebote von %1 gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was mapped.</source>
        <translation>Abgebrochen; nichts wurde zugeordnet.</translation>
    </message>
    <message>
        <source>%1 could not be read; nothing was mapped.
%2</source>
        <translation>%1 konnte nicht gelesen werden; nichts wurde zugeordnet.
%2</translation>
    </message>
    <message>
        <source>The listings of %1 were not mapped.
%2</source>
        <translation>Die Angebote von %1 wurden nicht zugeordnet.
%2</translation>
    </message>
    <message>
        <source>Nothing to map: every listing with a SKU of ours is mapped already.</source>
        <translation>Nichts zuzuordnen: Jedes Angebot mit einer unserer SKUs ist schon zugeordnet.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is mapped yet. %n new listing(s) would be mapped; choose what happens where one shows another quantity, then click Map.</source>
        <translation>
            <numerusform>Noch ist nichts zugeordnet. %n neues Angebot würde zugeordnet; wählen Sie, was geschieht, wo eines eine andere Menge zeigt, und klicken Sie dann auf Zuordnen.</numerusform>
            <numerusform>Noch ist nichts zugeordnet. %n neue Angebote würden zugeordnet; wählen Sie, was geschieht, wo eines eine andere Menge zeigt, und klicken Sie dann auf Zuordnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mapped %n new listing(s).</source>
        <translation>
            <numerusform>%n neues Angebot zugeordnet.</numerusform>
            <numerusform>%n neue Angebote zugeordnet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Our numbers are on their way to %n listing(s).</source>
        <translation>
            <numerusform>Unsere Mengen sind unterwegs zu %n Angebot.</numerusform>
            <numerusform>Unsere Mengen sind unterwegs zu %n Angeboten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took the channel&apos;s number for %n SKU(s).</source>
        <translation>
            <numerusform>Menge des Kanals für %n SKU übernommen.</numerusform>
            <numerusform>Mengen des Kanals für %n SKUs übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) left as they are, listed on the Drift tab.</source>
        <translation>
            <numerusform>%n Angebot unverändert gelassen, im Reiter Abweichungen aufgeführt.</numerusform>
            <numerusform>%n Angebote unverändert gelassen, im Reiter Abweichungen aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Newly mapped:</source>
        <translation>Neu zugeordnet:</translation>
    </message>
    <message>
        <source>Show another quantity (%1)</source>
        <translation>Andere Menge (%1)</translation>
    </message>
    <message>
        <source>On the channel only (%1)</source>
        <translation>Nur auf dem Kanal (%1)</translation>
    </message>
    <message>
        <source>Our SKUs not listed (%1)</source>
        <translation>Unsere SKUs ohne Angebot (%1)</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::KeychainSecretStore</name>
    <message>
        <source>the keychain service did not answer within %1 s</source>
        <translation>der Schlüsselbund-Dienst hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>%1; is a D-Bus session with Secret Service or KWallet running?</source>
        <translation>%1; läuft eine D-Bus-Sitzung mit Secret Service oder KWallet?</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>Credential Manager</source>
        <translation>Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::LagPanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>p99 of every channel</source>
        <translation>p99 aller Kanäle</translation>
    </message>
    <message>
        <source>Distribution of the window (histogram)</source>
        <translation>Verteilung im Zeitraum (Histogramm)</translation>
    </message>
    <message>
        <source>Sync lag (commit to channel acknowledgement)</source>
        <translation>Sync-Verzögerung (Buchung bis Bestätigung durch den Kanal)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Lag (seconds)</source>
        <translation>Verzögerung (Sekunden)</translation>
    </message>
    <message>
        <source>Sync lag distribution: share of each channel&apos;s updates per lag</source>
        <translation>Verteilung der Sync-Verzögerung: Anteil der Updates je Kanal und Verzögerung</translation>
    </message>
    <message>
        <source>Lag (commit to channel acknowledgement)</source>
        <translation>Verzögerung (Buchung bis Bestätigung durch den Kanal)</translation>
    </message>
    <message>
        <source>Share of updates (%)</source>
        <translation>Anteil der Updates (%)</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeige:</translation>
    </message>
    <message>
        <source>%1: p50, p95, p99</source>
        <translation>%1: p50, p95, p99</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n update(s))</source>
        <translation>
            <numerusform>%1 (%n Update)</numerusform>
            <numerusform>%1 (%n Updates)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no updates)</source>
        <translation>%1 (keine Updates)</translation>
    </message>
    <message>
        <source>%1 s threshold</source>
        <translation>Schwelle %1 s</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::MainWindow</name>
    <message>
        <source>Starting the core…</source>
        <translation>Kern wird gestartet…</translation>
    </message>
    <message>
        <source>ChannelDesk</source>
        <translation>ChannelDesk</translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Kanäle</translation>
    </message>
    <message>
        <source>&amp;Lag</source>
        <translation>&amp;Verzögerung</translation>
    </message>
    <message>
        <source>&amp;Dead letters</source>
        <translation>&amp;Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Carrier &amp;quotes</source>
        <translation>Ver&amp;sandangebote</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>Ale&amp;rts</source>
        <translation>&amp;Alarme</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n simulated channel(s), database %1</source>
        <translation>
            <numerusform>Demo: %n simulierter Kanal, Datenbank %1</numerusform>
            <numerusform>Demo: %n simulierte Kanäle, Datenbank %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n channel(s), database %1</source>
        <translation>
            <numerusform>Verbunden: %n Kanal, Datenbank %1</numerusform>
            <numerusform>Verbunden: %n Kanäle, Datenbank %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>The core did not start: %1</source>
        <translation>Der Kern ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The sync core did not start:
%1</source>
        <translation>Der Sync-Kern ist nicht gestartet:
%1</translation>
    </message>
    <message>
        <source>Ale&amp;rts (%1)</source>
        <translation>&amp;Alarme (%1)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export audit log…</source>
        <translation>Verlauf e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Adjust selected SKU…</source>
        <translation>Gewählte SKU &amp;anpassen…</translation>
    </message>
    <message>
        <source>&amp;Find SKU</source>
        <translation>SKU &amp;suchen</translation>
    </message>
    <message>
        <source>Only &amp;problems</source>
        <translation>Nur &amp;Probleme</translation>
    </message>
    <message>
        <source>&amp;Retry selected</source>
        <translation>Auswahl &amp;wiederholen</translation>
    </message>
    <message>
        <source>Retry all &amp;shown</source>
        <translation>Alle &amp;angezeigten wiederholen</translation>
    </message>
    <message>
        <source>&amp;Discard selected…</source>
        <translation>Auswahl &amp;verwerfen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ChannelDesk</source>
        <translation>&amp;Über ChannelDesk</translation>
    </message>
    <message>
        <source>About ChannelDesk</source>
        <translation>Über ChannelDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;ChannelDesk %1&lt;/b&gt;&lt;p&gt;One source of truth for stock across Shopify, WooCommerce, eBay and Amazon.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ChannelDesk %1&lt;/b&gt;&lt;p&gt;Ein verlässlicher Bestand für Shopify, WooCommerce, eBay und Amazon.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%L1 orders/s</source>
        <translation>%L1 Bestellungen/s</translation>
    </message>
    <message>
        <source>worst p99: —</source>
        <translation>schlechtestes p99: —</translation>
    </message>
    <message>
        <source>worst p99: %L1 s (%2)</source>
        <translation>schlechtestes p99: %L1 s (%2)</translation>
    </message>
    <message>
        <source>dead letters: %1  pending: %2</source>
        <translation>fehlgeschlagen: %1  ausstehend: %2</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>ChannelDesk alert</source>
        <translation>ChannelDesk-Alarm</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Bestellungen</translation>
    </message>
    <message>
        <source>Dr&amp;ift</source>
        <translation>Abwe&amp;ichungen</translation>
    </message>
    <message>
        <source>D&amp;eliveries</source>
        <translation>Lie&amp;ferungen</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>Keine Warnungen</translation>
    </message>
    <message>
        <source>A slow or failing channel, an oversold order, an unknown SKU or a dead letter raises an alert here, in the status bar and as a notification, as soon as it happens.</source>
        <translation>Ein langsamer oder fehlerhafter Kanal, eine überverkaufte Bestellung, eine unbekannte SKU oder eine unzustellbare Aktualisierung lösen hier, in der Statusleiste und als Benachrichtigung eine Warnung aus, sobald es geschieht.</translation>
    </message>
    <message>
        <source>Reading listings: %L1 so far…</source>
        <translation>Angebote werden gelesen: bisher %L1…</translation>
    </message>
    <message>
        <source>%1 connected: reading its listings</source>
        <translation>%1 verbunden: Angebote werden gelesen</translation>
    </message>
    <message>
        <source>&amp;Import stock…</source>
        <translation>Bestand &amp;importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport stock…</source>
        <translation>Bestand expo&amp;rtieren…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Open a second window on simulated channels, in a temporary database</source>
        <translation>Ein zweites Fenster mit simulierten Kanälen öffnen, in einer temporären Datenbank</translation>
    </message>
    <message>
        <source>The demo did not start</source>
        <translation>Die Demo ist nicht gestartet</translation>
    </message>
    <message>
        <source>Add a S&amp;KU…</source>
        <translation>S&amp;KU hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Undo last adjustment</source>
        <translation>Letzte Korrektur &amp;rückgängig</translation>
    </message>
    <message>
        <source>Import stock from CSV…</source>
        <translation>Bestand aus CSV importieren…</translation>
    </message>
    <message>
        <source>Add a SKU…</source>
        <translation>SKU hinzufügen…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Connect a channel…</source>
        <translation>Kanal &amp;verbinden…</translation>
    </message>
    <message>
        <source>Connect a channel…</source>
        <translation>Kanal verbinden…</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::MemorySecretStore</name>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderIntakeFields</name>
    <message>
        <source>webhooks only</source>
        <translation>nur Webhooks</translation>
    </message>
    <message>
        <source>polling only</source>
        <translation>nur Abfragen</translation>
    </message>
    <message>
        <source>webhooks and polling</source>
        <translation>Webhooks und Abfragen</translation>
    </message>
    <message>
        <source>How this channel&apos;s orders reach ChannelDesk. Polling works behind a router, where webhooks cannot arrive; with both, a webhook that never came is caught by the next poll.</source>
        <translation>Wie die Bestellungen dieses Kanals ChannelDesk erreichen. Abfragen funktionieren auch hinter einem Router, wo keine Webhooks ankommen; mit beidem holt die nächste Abfrage einen Webhook nach, der nie kam.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often the channel&apos;s orders are polled</source>
        <translation>Wie oft die Bestellungen des Kanals abgefragt werden</translation>
    </message>
    <message>
        <source>poll every</source>
        <translation>abfragen alle</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>default (%1 s)</source>
        <translation>Standard (%1 s)</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderModel</name>
    <message>
        <source>Applied</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Oversold</source>
        <translation>Überverkauft</translation>
    </message>
    <message>
        <source>Lines waiting</source>
        <translation>Positionen warten</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>Teilweise erstattet</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Refused (before schema 6)</source>
        <translation>Abgelehnt (vor Schema 6)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n unit(s) owed</source>
        <translation>
            <numerusform>%1: %n Einheit geschuldet</numerusform>
            <numerusform>%1: %n Einheiten geschuldet</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 × %3 waits (%4)</source>
        <translation>Position %1: %2 × %3 wartet (%4)</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Geschuldet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKUs</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderTimelineDialog</name>
    <message>
        <source>Line</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product id</source>
        <translation>Produkt-ID</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Restocked</source>
        <translation>Zurückgebucht</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Geschuldet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Order %1 from %2</source>
        <translation>Bestellung %1 von %2</translation>
    </message>
    <message>
        <source>Reading order %1 from %2…</source>
        <translation>Bestellung %1 von %2 wird gelesen…</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Channel pushes of these versions</source>
        <translation>Kanal-Übertragungen dieser Versionen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Cannot read order %1 from %2: %3</source>
        <translation>Bestellung %1 von %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>No order %1 from %2 in the ledger.</source>
        <translation>Keine Bestellung %1 von %2 im Bestellbuch.</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 from %2: %3. Received %4; %n line(s).</source>
        <translation>
            <numerusform>Bestellung %1 von %2: %3. Eingegangen %4; %n Position.</numerusform>
            <numerusform>Bestellung %1 von %2: %3. Eingegangen %4; %n Positionen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation>%L1 ms</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrdersPanel</name>
    <message>
        <source>Resolve &amp;oversold…</source>
        <translation>Über&amp;verkauf klären…</translation>
    </message>
    <message>
        <source>Resolve &amp;line…</source>
        <translation>&amp;Position klären…</translation>
    </message>
    <message>
        <source>&amp;Timeline…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Mark the selected oversold order settled (the customer was told, a unit was found)</source>
        <translation>Die gewählte überverkaufte Bestellung als geklärt markieren (Kunde informiert, Einheit gefunden)</translation>
    </message>
    <message>
        <source>Apply a waiting line of the selected order to a SKU, or ignore it as not stock</source>
        <translation>Eine wartende Position der gewählten Bestellung einer SKU zuordnen oder als kein Lagerartikel ignorieren</translation>
    </message>
    <message>
        <source>Show the selected order&apos;s life: lines, events and channel pushes</source>
        <translation>Verlauf der gewählten Bestellung zeigen: Positionen, Ereignisse und Kanal-Übertragungen</translation>
    </message>
    <message>
        <source>No orders yet. Every order the channels report appears here with its status; oversold orders and orders with lines waiting for a SKU come first, with their resolve actions. Double-click an order for its timeline.</source>
        <translation>Noch keine Bestellungen. Jede Bestellung, die die Kanäle melden, erscheint hier mit ihrem Status; überverkaufte Bestellungen und Bestellungen mit Positionen, die auf eine SKU warten, stehen oben, mit ihren Aktionen zum Klären. Doppelklick auf eine Bestellung zeigt ihren Verlauf.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Order %1 from %2 was not changed: %3</source>
        <translation>Bestellung %1 von %2 wurde nicht geändert: %3</translation>
    </message>
    <message>
        <source>Cannot read the orders: %1</source>
        <translation>Bestellungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the orders…</source>
        <translation>Bestellungen werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n oversold order(s)</source>
        <translation>
            <numerusform>%n überverkaufte Bestellung</numerusform>
            <numerusform>%n überverkaufte Bestellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) waiting</source>
        <translation>
            <numerusform>%n Position wartet</numerusform>
            <numerusform>%n Positionen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown; %2, %3.</source>
        <translation>%1 angezeigt; %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n Bestellung</numerusform>
            <numerusform>%n Bestellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n owed</source>
        <translation>
            <numerusform>%1: %n geschuldet</numerusform>
            <numerusform>%1: %n geschuldet</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve oversold order</source>
        <translation>Überverkaufte Bestellung klären</translation>
    </message>
    <message>
        <source>Order %1 from %2 took more than was on hand (%3).
How was it settled? (recorded in the audit log)</source>
        <translation>Bestellung %1 von %2 hat mehr genommen als vorrätig war (%3).
Wie wurde es geklärt? (wird im Prüfprotokoll vermerkt)</translation>
    </message>
    <message>
        <source>A reason is needed: say how the order was settled.</source>
        <translation>Ein Grund ist nötig: sagen Sie, wie die Bestellung geklärt wurde.</translation>
    </message>
    <message>
        <source>Show &amp;all orders</source>
        <translation>&amp;Alle Bestellungen zeigen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s). Orders older than the %2 most recent are not listed here; open them from the dead letter.</source>
        <translation>
            <numerusform>%1: %n Bestellung. Bestellungen, die älter als die %2 neuesten sind, stehen nicht hier; öffnen Sie sie beim fehlgeschlagenen Update.</numerusform>
            <numerusform>%1: %n Bestellungen. Bestellungen, die älter als die %2 neuesten sind, stehen nicht hier; öffnen Sie sie beim fehlgeschlagenen Update.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::PullReportModel</name>
    <message>
        <source>The listing has no SKU on the channel</source>
        <translation>Das Angebot hat auf dem Kanal keine SKU</translation>
    </message>
    <message>
        <source>The channel keeps no count for this listing</source>
        <translation>Der Kanal führt für dieses Angebot keinen Bestand</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>no count</source>
        <translation>kein Bestand</translation>
    </message>
    <message>
        <source>Remote id</source>
        <translation>Entfernte ID</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Channel shows</source>
        <translation>Kanal zeigt</translation>
    </message>
    <message>
        <source>We would show</source>
        <translation>Wir würden zeigen</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::QuoteModel</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Bad address</source>
        <translation>Ungültige Adresse</translation>
    </message>
    <message>
        <source>No service</source>
        <translation>Kein Service</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Bad response</source>
        <translation>Ungültige Antwort</translation>
    </message>
    <message>
        <source>%1 of %2 deliveries to %3 on time</source>
        <translation>%1 von %2 Zustellungen nach %3 pünktlich</translation>
    </message>
    <message>
        <source>none to %1 yet; %2 of %3 deliveries on time elsewhere</source>
        <translation>noch keine nach %1; anderswo %2 von %3 Zustellungen pünktlich</translation>
    </message>
    <message>
        <source>no delivery history yet: the default rate</source>
        <translation>noch keine Zustellhistorie: Standardquote</translation>
    </message>
    <message>
        <source>Late: arrives %1, promised %2</source>
        <translation>Zu spät: kommt %1, zugesagt %2</translation>
    </message>
    <message>
        <source>No delivery estimate</source>
        <translation>Kein Liefertermin</translation>
    </message>
    <message>
        <source>No exchange rate from %1 to %2</source>
        <translation>Kein Wechselkurs von %1 nach %2</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <source>Ranked #%1</source>
        <translation>Platz %1</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <source>1 carrier error</source>
        <translation>1 Fehler eines Paketdienstes</translation>
    </message>
    <message>
        <source>%1 carrier errors</source>
        <translation>%1 Fehler von Paketdiensten</translation>
    </message>
    <message>
        <source>No quote: no carrier is configured (see the &quot;carriers&quot; array in docs/carriers.md).</source>
        <translation>Kein Angebot: Kein Paketdienst eingerichtet (siehe das Array &quot;carriers&quot; in docs/carriers.md).</translation>
    </message>
    <message>
        <source>No quote: every carrier failed (%1).</source>
        <translation>Kein Angebot: Alle Paketdienste sind fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>No quote qualified: the only quote was dropped</source>
        <translation>Kein Angebot kommt infrage: Das einzige Angebot wurde verworfen</translation>
    </message>
    <message>
        <source>No quote qualified: all %1 quotes were dropped</source>
        <translation>Kein Angebot kommt infrage: Alle %1 Angebote wurden verworfen</translation>
    </message>
    <message>
        <source>%1, and %2.</source>
        <translation>%1, dazu %2.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>on time to %1</source>
        <translation>pünktlich nach %1</translation>
    </message>
    <message>
        <source>on time over all zones</source>
        <translation>pünktlich über alle Zonen</translation>
    </message>
    <message>
        <source>on time by default (no history yet)</source>
        <translation>pünktlich laut Standard (noch keine Historie)</translation>
    </message>
    <message>
        <source>the only qualifying quote</source>
        <translation>das einzige infrage kommende Angebot</translation>
    </message>
    <message>
        <source>the lowest of %1 qualifying quotes</source>
        <translation>der niedrigste von %1 infrage kommenden Angeboten</translation>
    </message>
    <message>
        <source>; %1 dropped</source>
        <translation>; %1 verworfen</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>; %1</source>
        <translation>; %1</translation>
    </message>
    <message>
        <source>%1 chosen: %2 %3 at %4 %5 scores %6, %7%8.</source>
        <translation>%1 gewählt: %2 %3, %4 %5, Bewertung %6: %7%8.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No promise</source>
        <translation>Keine Zusage</translation>
    </message>
    <message>
        <source>Includes %1</source>
        <translation>Enthält %1</translation>
    </message>
    <message>
        <source>1 business day in transit</source>
        <translation>1 Werktag unterwegs</translation>
    </message>
    <message>
        <source>%1 business days in transit</source>
        <translation>%1 Werktage unterwegs</translation>
    </message>
    <message>
        <source>, guaranteed</source>
        <translation>, garantiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Paketdienst</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Est. delivery</source>
        <translation>Vorauss. Zustellung</translation>
    </message>
    <message>
        <source>Meets promise</source>
        <translation>Hält Zusage</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::QuotePanel</name>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Two-letter country code (US, CA, DE)</source>
        <translation>Zweistelliger Ländercode (US, CA, DE)</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>Free&amp;ze the list</source>
        <translation>Liste &amp;einfrieren</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>&amp;Get quotes</source>
        <translation>&amp;Angebote einholen</translation>
    </message>
    <message>
        <source>Pick an order to fill in the shipment; double-click to quote it at once.</source>
        <translation>Wählen Sie eine Bestellung, um die Sendung auszufüllen; Doppelklick fragt sofort Angebote an.</translation>
    </message>
    <message>
        <source>Recent &amp;orders</source>
        <translation>Letzte &amp;Bestellungen</translation>
    </message>
    <message>
        <source>Hold new orders back while you pick one; they are added when you let go.</source>
        <translation>Neue Bestellungen zurückhalten, während Sie eine auswählen; sie erscheinen, sobald Sie loslassen.</translation>
    </message>
    <message>
        <source>Order id (optional)</source>
        <translation>Bestellnummer (optional)</translation>
    </message>
    <message>
        <source>The delivery date promised to the customer: later quotes are dropped</source>
        <translation>Der dem Kunden zugesagte Liefertermin: spätere Angebote werden verworfen</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City (optional)</source>
        <translation>Ort (optional)</translation>
    </message>
    <message>
        <source>Where you ship from; kept as the default</source>
        <translation>Von wo Sie versenden; bleibt als Standard gespeichert</translation>
    </message>
    <message>
        <source> g</source>
        <translation> g</translation>
    </message>
    <message>
        <source>Weight of the parcel, packed</source>
        <translation>Gewicht des Pakets, verpackt</translation>
    </message>
    <message>
        <source>Promised &amp;by:</source>
        <translation>&amp;Zugesagt bis:</translation>
    </message>
    <message>
        <source>O&amp;rder:</source>
        <translation>Bestell&amp;ung:</translation>
    </message>
    <message>
        <source>Ship &amp;to:</source>
        <translation>&amp;Lieferung an:</translation>
    </message>
    <message>
        <source>Ship &amp;from:</source>
        <translation>&amp;Versand ab:</translation>
    </message>
    <message>
        <source>&amp;Parcel:</source>
        <translation>&amp;Paket:</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Sendung</translation>
    </message>
    <message>
        <source>Pick an order on the left, or fill in the shipment, then press Get quotes: every carrier is asked at once.</source>
        <translation>Wählen Sie links eine Bestellung oder füllen Sie die Sendung aus und klicken Sie dann auf Angebote einholen: Alle Paketdienste werden gleichzeitig gefragt.</translation>
    </message>
    <message>
        <source>Order %1 has no ship-to address: enter it.</source>
        <translation>Bestellung %1 hat keine Lieferadresse: bitte eingeben.</translation>
    </message>
    <message>
        <source>Enter a postal code and a two-letter country for both ship-to and ship-from.</source>
        <translation>Geben Sie für Empfänger und Absender je eine PLZ und einen zweistelligen Ländercode ein.</translation>
    </message>
    <message>
        <source>1 quote in %1 s</source>
        <translation>1 Angebot in %1 s</translation>
    </message>
    <message>
        <source>%1 quotes in %2 s</source>
        <translation>%1 Angebote in %2 s</translation>
    </message>
    <message>
        <source>Waiting for 1 carrier…</source>
        <translation>Warte auf 1 Paketdienst…</translation>
    </message>
    <message>
        <source>Waiting for %1 carriers…</source>
        <translation>Warte auf %1 Paketdienste…</translation>
    </message>
    <message>
        <source>Re-quo&amp;te</source>
        <translation>&amp;Neu anfragen</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::QuoteService</name>
    <message>
        <source>The core is not running.</source>
        <translation>Der Kern läuft nicht.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::RecentOrderModel</name>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Artikel</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Lieferung an</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ResolveLineDialog</name>
    <message>
        <source>&amp;Apply it to SKU:</source>
        <translation>Der SKU &amp;zuordnen:</translation>
    </message>
    <message>
        <source>It is &amp;not stock (a gift card, a service): ignore it</source>
        <translation>Es ist &amp;kein Lagerartikel (Gutschein, Dienstleistung): ignorieren</translation>
    </message>
    <message>
        <source>Resolve a waiting line</source>
        <translation>Wartende Position klären</translation>
    </message>
    <message>
        <source>Line %1: %2 × %3</source>
        <translation>Position %1: %2 × %3</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Why (recorded in the audit log)</source>
        <translation>Warum (wird im Prüfprotokoll vermerkt)</translation>
    </message>
    <message>
        <source>The line takes its units from the SKU at once, even below zero. An ignored line takes nothing.</source>
        <translation>Die Position nimmt ihre Einheiten sofort von der SKU, auch unter null. Eine ignorierte Position nimmt nichts.</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsController</name>
    <message>
        <source>No keychain service (%1): secrets come from the environment</source>
        <translation>Kein Schlüsselbund-Dienst (%1): Geheimnisse kommen aus der Umgebung</translation>
    </message>
    <message>
        <source>config: cannot read %1: no such file</source>
        <translation>Konfiguration: %1 kann nicht gelesen werden: Datei existiert nicht</translation>
    </message>
    <message>
        <source>No config at %1 yet: File &gt; Settings creates it</source>
        <translation>Noch keine Konfiguration unter %1: Datei &gt; Einstellungen legt sie an</translation>
    </message>
    <message>
        <source>Carrier quotes are off: %1</source>
        <translation>Versandangebote sind aus: %1</translation>
    </message>
    <message>
        <source>the demo&apos;s simulated channels cannot be changed</source>
        <translation>die simulierten Kanäle der Demo können nicht geändert werden</translation>
    </message>
    <message>
        <source>Settings saved to %1</source>
        <translation>Einstellungen gespeichert in %1</translation>
    </message>
    <message>
        <source>database: %1 is not a postgresql://user@host:port/database URL</source>
        <translation>Datenbank: %1 ist keine URL der Form postgresql://benutzer@host:port/datenbank</translation>
    </message>
    <message>
        <source>database: the password goes to the keychain, not into the URL</source>
        <translation>Datenbank: das Passwort gehört in den Schlüsselbund, nicht in die URL</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsDialog</name>
    <message>
        <source>Ask this carrier for quotes</source>
        <translation>Diesen Paketdienst nach Angeboten fragen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Einstellungen werden gelesen…</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Kanäle</translation>
    </message>
    <message>
        <source>Ca&amp;rriers</source>
        <translation>&amp;Paketdienste</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>Saved to %1. The core restarted with the new settings.</source>
        <translation>Gespeichert in %1. Der Kern wurde mit den neuen Einstellungen neu gestartet.</translation>
    </message>
    <message>
        <source>Saved, but the core did not start with the new settings: %1</source>
        <translation>Gespeichert, aber der Kern ist mit den neuen Einstellungen nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Sync core</source>
        <translation>Sync-Kern</translation>
    </message>
    <message>
        <source>Where the core takes webhooks and serves /metrics: host:port</source>
        <translation>Wo der Kern Webhooks annimmt und /metrics bereitstellt: host:port</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>Ad&amp;resse:</translation>
    </message>
    <message>
        <source>Default safety &amp;buffer:</source>
        <translation>Standard-Si&amp;cherheitspuffer:</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sync lag p&amp;99 above:</source>
        <translation>Sync-Verzögerung p&amp;99 über:</translation>
    </message>
    <message>
        <source>&amp;Any sync lag above:</source>
        <translation>&amp;Jede Sync-Verzögerung über:</translation>
    </message>
    <message>
        <source>Success rate &amp;below:</source>
        <translation>Erfolgsquote &amp;unter:</translation>
    </message>
    <message>
        <source>&amp;Add channel</source>
        <translation>Kanal &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Add carrier</source>
        <translation>Paketdienst &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Location id:</source>
        <translation>&amp;Standort-ID:</translation>
    </message>
    <message>
        <source>&amp;Seller id:</source>
        <translation>&amp;Verkäufer-ID:</translation>
    </message>
    <message>
        <source>&amp;Marketplace id:</source>
        <translation>&amp;Marktplatz-ID:</translation>
    </message>
    <message>
        <source>LWA U&amp;RL:</source>
        <translation>LWA-U&amp;RL:</translation>
    </message>
    <message>
        <source>Account &amp;number:</source>
        <translation>Kunden&amp;nummer:</translation>
    </message>
    <message>
        <source>environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>the channel&apos;s documented limit</source>
        <translation>das dokumentierte Limit des Kanals</translation>
    </message>
    <message>
        <source>Max &amp;requests/s:</source>
        <translation>Max. Anfra&amp;gen/s:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Zugriffstoken:</translation>
    </message>
    <message>
        <source>Consumer &amp;key:</source>
        <translation>Consumer-Ke&amp;y:</translation>
    </message>
    <message>
        <source>Consumer s&amp;ecret:</source>
        <translation>Consumer-S&amp;ecret:</translation>
    </message>
    <message>
        <source>LWA client i&amp;d:</source>
        <translation>LWA-Client-I&amp;D:</translation>
    </message>
    <message>
        <source>LWA client s&amp;ecret:</source>
        <translation>LWA-Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Refresh t&amp;oken:</source>
        <translation>Refresh-T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Webhook secret:</source>
        <translation>&amp;Webhook-Secret:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Client i&amp;d:</source>
        <translation>Client-I&amp;D:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Demo: these channels are simulated, so their settings are shown read-only. Start ChannelDesk without --demo to set up real channels.</source>
        <translation>Demo: Diese Kanäle sind simuliert, ihre Einstellungen daher schreibgeschützt. Starten Sie ChannelDesk ohne --demo, um echte Kanäle einzurichten.</translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain (%1); this dialog never shows them, it only says which are stored.</source>
        <translation>Geheimnisse liegen im Schlüsselbund des Systems (%1); dieser Dialog zeigt sie nie an, nur welche gespeichert sind.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain service is running: secrets are not saved&lt;/b&gt;; set the environment variables named below instead.</source>
        <translation>&lt;b&gt;Kein Schlüsselbund-Dienst aktiv: Geheimnisse werden nicht gespeichert&lt;/b&gt;; setzen Sie stattdessen die unten genannten Umgebungsvariablen.</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>Config file: %1. Saving restarts the sync core with it.</source>
        <translation>Konfigurationsdatei: %1. Speichern startet den Sync-Kern damit neu.</translation>
    </message>
    <message>
        <source>Config file: %1 (created when you save). Saving restarts the sync core with it.</source>
        <translation>Konfigurationsdatei: %1 (wird beim Speichern angelegt). Speichern startet den Sync-Kern damit neu.</translation>
    </message>
    <message>
        <source>An existing entry keeps its id: its secrets and its history are stored under it. Add a new one to use another id.</source>
        <translation>Ein bestehender Eintrag behält seine ID: Seine Geheimnisse und sein Verlauf sind darunter gespeichert. Legen Sie für eine andere ID einen neuen Eintrag an.</translation>
    </message>
    <message>
        <source>not saved: no keychain</source>
        <translation>nicht gespeichert: kein Schlüsselbund</translation>
    </message>
    <message>
        <source>stored in keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved to %1. The core is restarting with the new settings…</source>
        <translation>Gespeichert in %1. Der Kern startet mit den neuen Einstellungen neu…</translation>
    </message>
    <message>
        <source>Saved to %1. The core uses it when ChannelDesk starts next.</source>
        <translation>Gespeichert in %1. Der Kern verwendet sie beim nächsten Start von ChannelDesk.</translation>
    </message>
    <message>
        <source>not set: each SKU&apos;s own</source>
        <translation>nicht gesetzt: der jeder SKU</translation>
    </message>
    <message>
        <source>The pause-at of every channel that sets none: a listing shows nothing once stock falls to it. Not set: each SKU&apos;s own safety buffer.</source>
        <translation>Die Pausengrenze jedes Kanals ohne eigene: Ein Angebot zeigt nichts mehr, sobald der Bestand darauf fällt. Nicht gesetzt: der Sicherheitspuffer jeder SKU.</translation>
    </message>
    <message>
        <source>every channel&apos;s</source>
        <translation>aller Kanäle</translation>
    </message>
    <message>
        <source>What the channel is shown of each SKU&apos;s available stock. A SKU can have a rule of its own on a channel: double-click its cell in the Stock tab.</source>
        <translation>Was der Kanal vom verfügbaren Bestand jeder SKU zeigt. Eine SKU kann auf einem Kanal eine eigene Regel haben: Doppelklick auf ihre Zelle im Reiter Bestand.</translation>
    </message>
    <message>
        <source>Shows:</source>
        <translation>Zeigt:</translation>
    </message>
    <message>
        <source>Orders &amp;via:</source>
        <translation>Bestellungen &amp;über:</translation>
    </message>
    <message>
        <source>never on a schedule</source>
        <translation>nie nach Zeitplan</translation>
    </message>
    <message>
        <source>How often what the channel shows is read back and compared with what it should show (drift). It also runs after the channel recovers from an outage.</source>
        <translation>Wie oft zurückgelesen wird, was der Kanal zeigt, und mit dem verglichen, was er zeigen sollte (Abweichung). Läuft auch, nachdem sich der Kanal von einem Ausfall erholt hat.</translation>
    </message>
    <message>
        <source>Re&amp;concile every:</source>
        <translation>Ab&amp;gleich alle:</translation>
    </message>
    <message>
        <source>Inventory database</source>
        <translation>Bestandsdatenbank</translation>
    </message>
    <message>
        <source>the default file, or postgresql://user@host:5432/inventory</source>
        <translation>die Standarddatei oder postgresql://benutzer@host:5432/inventory</translation>
    </message>
    <message>
        <source>A SQLite file, or a PostgreSQL inventory shared with serve workers: postgresql://user@host:port/database</source>
        <translation>Eine SQLite-Datei oder ein mit serve-Workern geteilter PostgreSQL-Bestand: postgresql://benutzer@host:port/datenbank</translation>
    </message>
    <message>
        <source>In&amp;ventory:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <source>The PostgreSQL password, kept in the system keychain. Empty: keep the stored one (or let libpq read PGPASSWORD or ~/.pgpass).</source>
        <translation>Das PostgreSQL-Passwort, im Schlüsselbund des Systems gespeichert. Leer: das gespeicherte bleibt (oder libpq liest PGPASSWORD bzw. ~/.pgpass).</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Applied when the sync core restarts, which saving does.</source>
        <translation>Gilt, sobald der Sync-Kern neu startet – das tut er beim Speichern.</translation>
    </message>
    <message>
        <source>In use now: %1. </source>
        <translation>Jetzt in Gebrauch: %1. </translation>
    </message>
    <message>
        <source>Without a keychain the password comes from PGPASSWORD or ~/.pgpass only.</source>
        <translation>Ohne Schlüsselbund kommt das Passwort nur aus PGPASSWORD oder ~/.pgpass.</translation>
    </message>
    <message>
        <source>database: no keychain to store the password in; use PGPASSWORD or ~/.pgpass</source>
        <translation>Datenbank: kein Schlüsselbund für das Passwort; PGPASSWORD oder ~/.pgpass verwenden</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>this build has no keychain support</source>
        <translation>diese Version unterstützt keinen Schlüsselbund</translation>
    </message>
    <message>
        <source>there is no config file to save to</source>
        <translation>es gibt keine Konfigurationsdatei zum Speichern</translation>
    </message>
    <message>
        <source>no keychain to store the secrets in</source>
        <translation>kein Schlüsselbund für die Geheimnisse vorhanden</translation>
    </message>
    <message>
        <source>the keychain did not take the secrets: %1</source>
        <translation>der Schlüsselbund hat die Geheimnisse nicht angenommen: %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockFiles</name>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>Import stock</source>
        <translation>Bestand importieren</translation>
    </message>
    <message>
        <source>Stock exported to %1</source>
        <translation>Bestand nach %1 exportiert</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export stock</source>
        <translation>Bestand exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n SKU(s)…</source>
        <translation>
            <numerusform>%n SKU wird importiert…</numerusform>
            <numerusform>%n SKUs werden importiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was not imported: %n bad row(s)</source>
        <translation>
            <numerusform>%1 wurde nicht importiert: %n fehlerhafte Zeile</numerusform>
            <numerusform>%1 wurde nicht importiert: %n fehlerhafte Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>added in the console</source>
        <translation>in der Konsole hinzugefügt</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>%1 wird hinzugefügt…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockImportDialog</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Safety buffer</source>
        <translation>Sicherheitspuffer</translation>
    </message>
    <message>
        <source>new SKU</source>
        <translation>neue SKU</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>stock import</source>
        <translation>Bestandsimport</translation>
    </message>
    <message>
        <source>Import stock from %1</source>
        <translation>Bestand aus %1 importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported from this file: %n row(s) need fixing. Fix them and import the file again; no SKU was changed.</source>
        <translation>
            <numerusform>Aus dieser Datei kann nichts importiert werden: %n Zeile muss korrigiert werden. Korrigieren Sie sie und importieren Sie die Datei erneut; keine SKU wurde geändert.</numerusform>
            <numerusform>Aus dieser Datei kann nichts importiert werden: %n Zeilen müssen korrigiert werden. Korrigieren Sie sie und importieren Sie die Datei erneut; keine SKU wurde geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file matches the stock: nothing would change.</source>
        <translation>Die Datei entspricht dem Bestand: Nichts würde sich ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) will change, %1 stay as they are. Nothing is written until you click Import.</source>
        <translation>
            <numerusform>%n SKU wird geändert, %1 bleiben unverändert. Nichts wird geschrieben, bevor Sie auf Importieren klicken.</numerusform>
            <numerusform>%n SKUs werden geändert, %1 bleiben unverändert. Nichts wird geschrieben, bevor Sie auf Importieren klicken.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason (for the audit log):</source>
        <translation>&amp;Grund (für das Prüfprotokoll):</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockModel</name>
    <message>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>wiederholt</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>Low stock: %1 available, safety buffer %2</source>
        <translation>Niedriger Bestand: %1 verfügbar, Sicherheitspuffer %2</translation>
    </message>
    <message>
        <source>Paused on every channel by the listing guard</source>
        <translation>Vom Angebotsschutz auf allen Kanälen pausiert</translation>
    </message>
    <message>
        <source>Not listed on %1</source>
        <translation>Nicht auf %1 gelistet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>quantity, sync lag</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Acknowledged quantity: %1</source>
        <translation>Bestätigte Menge: %1</translation>
    </message>
    <message>
        <source>Last sync lag: %1</source>
        <translation>Letzte Sync-Verzögerung: %1</translation>
    </message>
    <message>
        <source>Out of sync for %1 (since %2)</source>
        <translation>Nicht synchron seit %1 (seit %2)</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>%1 (owed)</source>
        <comment>available below zero: units owed to customers</comment>
        <translation>%1 (geschuldet)</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) owed to customers: sold beyond what was on hand. The Orders tab lists the oversold orders.</source>
        <translation>
            <numerusform>%n Einheit wird Kunden geschuldet: über den Bestand hinaus verkauft. Der Reiter Bestellungen listet die überverkauften Bestellungen.</numerusform>
            <numerusform>%n Einheiten werden Kunden geschuldet: über den Bestand hinaus verkauft. Der Reiter Bestellungen listet die überverkauften Bestellungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>On the shelf: available plus committed</source>
        <translation>Im Regal: verfügbar plus zugesagt</translation>
    </message>
    <message>
        <source>Sold and not shipped yet: still on the shelf, but a customer&apos;s</source>
        <translation>Verkauft, noch nicht versandt: noch im Regal, aber schon einem Kunden</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Zugesagt</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>expected quantity / acknowledged quantity</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Should show: 0, paused (available %1 is at or below %2)</source>
        <translation>Sollte zeigen: 0, pausiert (verfügbar %1 ist höchstens %2)</translation>
    </message>
    <message>
        <source>Should show: %1</source>
        <translation>Sollte zeigen: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Rule: reserve %1, %2%, max %3, pause at %4</source>
        <translation>Regel: Reserve %1, %2 %, Maximum %3, pausieren bei %4</translation>
    </message>
    <message>
        <source>The channel&apos;s rule. Double-click to set one for this SKU.</source>
        <translation>Die Regel des Kanals. Doppelklick, um eine eigene für diese SKU festzulegen.</translation>
    </message>
    <message>
        <source>This SKU&apos;s own rule on this channel. Double-click to change it.</source>
        <translation>Die eigene Regel dieser SKU auf diesem Kanal. Doppelklick zum Ändern.</translation>
    </message>
    <message>
        <source>What %1 should show / what it last acknowledged</source>
        <translation>Was %1 zeigen sollte / was zuletzt bestätigt wurde</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockPanel</name>
    <message>
        <source>Only &amp;problems</source>
        <translation>Nur &amp;Probleme</translation>
    </message>
    <message>
        <source>Filter by SKU or title</source>
        <translation>Nach SKU oder Titel filtern</translation>
    </message>
    <message>
        <source>Low stock, paused, or retrying or dead on a channel</source>
        <translation>Niedriger Bestand, pausiert oder auf einem Kanal wiederholt bzw. fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Adjust…</source>
        <translation>&amp;Anpassen…</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Bestand anpassen</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>%1 of %2 SKUs</source>
        <translation>%1 von %2 SKUs</translation>
    </message>
    <message>
        <source>%1 (owed)</source>
        <comment>available below zero: units owed to customers</comment>
        <translation>%1 (geschuldet)</translation>
    </message>
    <message>
        <source>&amp;Buffer…</source>
        <translation>P&amp;uffer…</translation>
    </message>
    <message>
        <source>What the selected channel shows of the selected SKU</source>
        <translation>Was der gewählte Kanal von der gewählten SKU zeigt</translation>
    </message>
    <message>
        <source>Channel buffer</source>
        <translation>Kanalpuffer</translation>
    </message>
    <message>
        <source>What %1 shows of %2 was not changed: %3</source>
        <translation>Was %1 von %2 zeigt, wurde nicht geändert: %3</translation>
    </message>
    <message>
        <source>What %1 shows of %2…</source>
        <translation>Was %1 von %2 zeigt…</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <source>No stock yet</source>
        <translation>Noch kein Bestand</translation>
    </message>
    <message>
        <source>ChannelDesk keeps one count per SKU and sends it to every channel you connect. Bring your stock in from a CSV file (sku, available, and optionally title and safety_buffer), add SKUs one by one, or look around the demo first.</source>
        <translation>ChannelDesk führt einen Bestand pro SKU und sendet ihn an jeden verbundenen Kanal. Importieren Sie Ihren Bestand aus einer CSV-Datei (sku, available und optional title und safety_buffer), fügen Sie SKUs einzeln hinzu oder sehen Sie sich zuerst die Demo an.</translation>
    </message>
    <message>
        <source>undo of the adjustment by %1: %2</source>
        <translation>Rücknahme der Korrektur um %1: %2</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::WhatIfPanel</name>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Worst windows</source>
        <translation>Schlimmste Fenster</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Stale, polling</source>
        <translation>Veraltet, Abfrage</translation>
    </message>
    <message>
        <source>Stale, measured lag</source>
        <translation>Veraltet, gemessene Verzögerung</translation>
    </message>
    <message>
        <source>&lt;b&gt;What if the shops polled?&lt;/b&gt; Orders taken against stale stock in your own audit log</source>
        <translation>&lt;b&gt;Was wäre, wenn die Shops abfragten?&lt;/b&gt; Bestellungen auf veralteten Bestand in Ihrem eigenen Änderungsprotokoll</translation>
    </message>
    <message>
        <source>&amp;Polling every:</source>
        <translation>&amp;Abfrage alle:</translation>
    </message>
    <message>
        <source>&amp;Over the last:</source>
        <translation>&amp;Über die letzten:</translation>
    </message>
    <message>
        <source>Orders per window:</source>
        <translation>Bestellungen pro Fenster:</translation>
    </message>
    <message>
        <source>Taken against stale stock per window, polling:</source>
        <translation>Auf veralteten Bestand pro Fenster, Abfrage:</translation>
    </message>
    <message>
        <source>Taken against stale stock per window, measured lag (p99 %1 ms):</source>
        <translation>Auf veralteten Bestand pro Fenster, gemessene Verzögerung (p99 %1 ms):</translation>
    </message>
    <message>
        <source>Taken against stale stock per window, measured lag:</source>
        <translation>Auf veralteten Bestand pro Fenster, gemessene Verzögerung:</translation>
    </message>
    <message>
        <source>- (no lag recorded yet)</source>
        <translation>- (noch keine Verzögerung erfasst)</translation>
    </message>
    <message>
        <source>Cannot replay the audit log: %1</source>
        <translation>Das Änderungsprotokoll kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>Waiting for the core…</source>
        <translation>Warte auf den Kern…</translation>
    </message>
    <message>
        <source>%1 orders from %2 to %3, %4 windows of %5 min. A change reaches a polling shop up to a whole interval later; a shop always knows its own sales.</source>
        <translation>%1 Bestellungen von %2 bis %3, %4 Fenster zu %5 Min. Eine Änderung erreicht einen abfragenden Shop bis zu einem ganzen Intervall später; ein Shop kennt seine eigenen Verkäufe immer.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>One source of truth for stock across channels.</source>
        <translation>Ein verlässlicher Bestand über alle Kanäle.</translation>
    </message>
    <message>
        <source>Run against simulated channels with a synthetic order stream, in a temporary database.</source>
        <translation>Mit simulierten Kanälen und künstlichem Bestellstrom in einer temporären Datenbank laufen.</translation>
    </message>
    <message>
        <source>The inventory database.</source>
        <translation>Die Bestandsdatenbank.</translation>
    </message>
    <message>
        <source>The channels config.</source>
        <translation>Die Kanalkonfiguration.</translation>
    </message>
    <message>
        <source>Write a PNG of every tab to DIR after a few seconds, then quit.</source>
        <translation>Nach einigen Sekunden ein PNG jedes Tabs nach DIR schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>Seconds before the screenshots.</source>
        <translation>Sekunden bis zu den Bildschirmfotos.</translation>
    </message>
    <message>
        <source>Language (de, fr, ...) instead of the system one.</source>
        <translation>Sprache (de, fr, ...) statt der des Systems.</translation>
    </message>
    <message>
        <source>With --screenshot: also map the imported listings and shoot the Drift tab after it.</source>
        <translation>Mit --screenshot: auch die importierten Angebote zuordnen und danach den Reiter Abweichungen aufnehmen.</translation>
    </message>
    <message>
        <source>On a shared PostgreSQL inventory, propagate and take channels&apos; leases like a serve worker instead of only watching.</source>
        <translation>Auf einem geteilten PostgreSQL-Bestand wie ein serve-Worker übertragen und Kanal-Leases übernehmen, statt nur zu beobachten.</translation>
    </message>
</context>
</TS>
