<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChannelDesk::AddSkuDialog</name>
    <message>
        <source>Add a SKU</source>
        <translation>Ajouter un SKU</translation>
    </message>
    <message>
        <source>As your channels know it, e.g. MUG-BLUE-12</source>
        <translation>Tel que vos canaux le connaissent, p. ex. MUG-BLUE-12</translation>
    </message>
    <message>
        <source>Listings pause when available stock falls to this</source>
        <translation>Les annonces sont suspendues quand le stock disponible tombe à ce niveau</translation>
    </message>
    <message>
        <source>&amp;SKU:</source>
        <translation>&amp;SKU :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Available:</source>
        <translation>&amp;Disponible :</translation>
    </message>
    <message>
        <source>Safety &amp;buffer:</source>
        <translation>Stoc&amp;k de sécurité :</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AdjustDialog</name>
    <message>
        <source>Adjust stock of %1</source>
        <translation>Ajuster le stock de %1</translation>
    </message>
    <message>
        <source>For example: stock count, damaged, returned</source>
        <translation>Par exemple&#xa0;: inventaire, endommagé, retour</translation>
    </message>
    <message>
        <source>Available now:</source>
        <translation>Disponible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Change by:</source>
        <translation>&amp;Variation&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AlertModel</name>
    <message>
        <source>sync lag p99</source>
        <translation>latence de synchro p99</translation>
    </message>
    <message>
        <source>sync lag max</source>
        <translation>latence de synchro max.</translation>
    </message>
    <message>
        <source>success rate</source>
        <translation>taux de réussite</translation>
    </message>
    <message>
        <source>channel stalled</source>
        <translation>canal bloqué</translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation>échecs d&apos;envoi</translation>
    </message>
    <message>
        <source>oversell attempt</source>
        <translation>tentative de survente</translation>
    </message>
    <message>
        <source>unknown SKU</source>
        <translation>SKU inconnue</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>écart</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AlertRules</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Stock updates are reaching %1 slowly: 1 in 100 takes %2 or more (alert above %3).</source>
        <translation>Les mises à jour de stock arrivent lentement sur %1&#xa0;: 1 sur 100 prend %2 ou plus (alerte au-delà de %3).</translation>
    </message>
    <message>
        <source>A stock update took %1 to reach %2 (alert above %3), so its listings may have shown an old quantity.</source>
        <translation>Une mise à jour de stock a mis %1 pour atteindre %2 (alerte au-delà de %3)&#xa0;; ses annonces ont pu afficher une ancienne quantité.</translation>
    </message>
    <message>
        <source>Only %1 of stock updates to %2 are succeeding (%3 of %4 failed, alert below %5); failed ones are retried.</source>
        <translation>Seules %1 des mises à jour de stock vers %2 réussissent (%3 sur %4 en échec, alerte en dessous de %5)&#xa0;; les échecs sont réessayés.</translation>
    </message>
    <message>
        <source>%1 is not answering: its recent update attempts all timed out or could not connect; %2 listings are waiting.</source>
        <translation>%1 ne répond pas&#xa0;: ses dernières tentatives ont toutes expiré ou n&apos;ont pas pu se connecter&#xa0;; %2 annonces sont en attente.</translation>
    </message>
    <message>
        <source>%1 has not confirmed any stock update yet while %2 listings are waiting.</source>
        <translation>%1 n&apos;a encore confirmé aucune mise à jour de stock alors que %2 annonces sont en attente.</translation>
    </message>
    <message>
        <source>%1 has not confirmed a stock update for %2 while %3 listings are waiting.</source>
        <translation>%1 n&apos;a confirmé aucune mise à jour de stock depuis %2 alors que %3 annonces sont en attente.</translation>
    </message>
    <message numerus="yes">
        <source>%n listing update(s) for %1 could not be delivered and wait in the dead-letter queue for you to retry or discard.</source>
        <translation>
            <numerusform>%n mise à jour d&apos;annonce pour %1 n&apos;a pas pu être livrée&#xa0;; elle attend dans les échecs d&apos;envoi que vous la réessayiez ou l&apos;écartiez.</numerusform>
            <numerusform>%n mises à jour d&apos;annonces pour %1 n&apos;ont pas pu être livrées&#xa0;; elles attendent dans les échecs d&apos;envoi que vous les réessayiez ou les écartiez.</numerusform>
        </translation>
    </message>
    <message>
        <source>order %1/%2 %3</source>
        <translation>commande %1/%2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 were sold with too little stock: %2. The units are owed to customers until the orders are cancelled, refunded, restocked or resolved (Orders tab, or `channeldesk-cli oversold`).</source>
        <translation>
            <numerusform>%n commande des dernières %1 a été vendue sans stock suffisant : %2. Les unités sont dues aux clients jusqu’à annulation, remboursement, réassort ou résolution (onglet Commandes, ou `channeldesk-cli oversold`).</numerusform>
            <numerusform>%n commandes des dernières %1 ont été vendues sans stock suffisant : %2. Les unités sont dues aux clients jusqu’à annulation, remboursement, réassort ou résolution (onglet Commandes, ou `channeldesk-cli oversold`).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in the last %1 have lines that wait for a SKU or a listing mapping: %2. Their other lines took stock; map the listing or resolve the line (Orders tab, or `channeldesk-cli unmatched`).</source>
        <translation>
            <numerusform>%n commande des dernières %1 a des lignes qui attendent un SKU ou une association d’annonce : %2. Ses autres lignes ont pris du stock ; associez l’annonce ou résolvez la ligne (onglet Commandes, ou `channeldesk-cli unmatched`).</numerusform>
            <numerusform>%n commandes des dernières %1 ont des lignes qui attendent un SKU ou une association d’annonce : %2. Leurs autres lignes ont pris du stock ; associez l’annonce ou résolvez la ligne (onglet Commandes, ou `channeldesk-cli unmatched`).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) on %1 still show another quantity than they should after a second reconciliation: see the Drift view to fix them.</source>
        <translation>
            <numerusform>%n annonce sur %1 affiche encore une autre quantité que prévu après un second rapprochement : corrigez-la dans la vue Écarts.</numerusform>
            <numerusform>%n annonces sur %1 affichent encore une autre quantité que prévu après un second rapprochement : corrigez-les dans la vue Écarts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AttemptModel</name>
    <message>
        <source>transient</source>
        <translation>temporaire</translation>
    </message>
    <message>
        <source>permanent</source>
        <translation>définitif</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>limité</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Essai</translation>
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
        <translation>Type</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::AuditModel</name>
    <message>
        <source>order</source>
        <translation>commande</translation>
    </message>
    <message>
        <source>adjust</source>
        <translation>ajustement</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>pause</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>reprise</translation>
    </message>
    <message>
        <source>oversell attempt</source>
        <translation>tentative de survente</translation>
    </message>
    <message>
        <source>unknown SKU</source>
        <translation>SKU inconnue</translation>
    </message>
    <message>
        <source>dead-letter retry</source>
        <translation>échec&#xa0;: réessai</translation>
    </message>
    <message>
        <source>dead-letter discard</source>
        <translation>échec&#xa0;: écarté</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Available after</source>
        <translation>Disponible après</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>remboursement</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>expédition</translation>
    </message>
    <message>
        <source>waiting line</source>
        <translation>ligne en attente</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>résolution</translation>
    </message>
    <message>
        <source>buffer rule</source>
        <translation>règle de tampon</translation>
    </message>
    <message>
        <source>reconcile</source>
        <translation>rapprochement</translation>
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
        <translation>N° de commande</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Tous types</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Charger</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>The newest %1 entries; narrow the filter to see older ones.</source>
        <translation>Les %1 entrées les plus récentes&#xa0;; affinez le filtre pour voir les plus anciennes.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first.</source>
        <translation>
            <numerusform>%n entrée, la plus récente en premier.</numerusform>
            <numerusform>%n entrées, les plus récentes en premier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Impossible de lire le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing in the audit log</source>
        <translation>Rien dans le journal d’audit</translation>
    </message>
    <message>
        <source>Every change to stock (orders, imports, adjustments, buffers) is logged here as it happens, with who made it and why.</source>
        <translation>Chaque changement de stock (commandes, imports, corrections, stocks de sécurité) est consigné ici dès qu’il a lieu, avec qui l’a fait et pourquoi.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::BufferDialog</name>
    <message>
        <source>What %1 shows of %2</source>
        <translation>Ce que %1 affiche de %2</translation>
    </message>
    <message>
        <source>the channel&apos;s</source>
        <translation>du canal</translation>
    </message>
    <message>
        <source>Use the &amp;channel&apos;s rule</source>
        <translation>Utiliser la règle du &amp;canal</translation>
    </message>
    <message>
        <source>%1 would show %2.</source>
        <translation>%1 afficherait %2.</translation>
    </message>
    <message>
        <source>%1 on %2: available %3, safety buffer %4. A field left at its lowest value follows the channel&apos;s rule.</source>
        <translation>%1 sur %2&#xa0;: disponible %3, tampon de sécurité %4. Un champ laissé à sa plus petite valeur suit la règle du canal.</translation>
    </message>
    <message>
        <source>%1 would show 0: available is at or below the pause-at, %2.</source>
        <translation>%1 afficherait 0&#xa0;: le disponible est au plus le seuil de pause, %2.</translation>
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
        <translation>Unités gardées en réserve&#xa0;: jamais affichées sur ce canal</translation>
    </message>
    <message>
        <source>The share of what is left after the reserve, rounded down</source>
        <translation>La part de ce qui reste après la réserve, arrondie vers le bas</translation>
    </message>
    <message>
        <source>Never show more than this</source>
        <translation>Ne jamais afficher plus que cela</translation>
    </message>
    <message>
        <source>Show nothing once available stock falls to this</source>
        <translation>Ne plus rien afficher dès que le stock disponible tombe à cette valeur</translation>
    </message>
    <message>
        <source>Reser&amp;ve:</source>
        <translation>Réser&amp;ve&#xa0;:</translation>
    </message>
    <message>
        <source>Perce&amp;nt:</source>
        <translation>Pource&amp;ntage&#xa0;:</translation>
    </message>
    <message>
        <source>Ma&amp;x:</source>
        <translation>Ma&amp;ximum&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Pause at:</source>
        <translation>&amp;Pause à&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an inherited value, where it comes from</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>0 (default)</source>
        <translation>0 (par défaut)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>100% (default)</source>
        <translation>100&#xa0;% (par défaut)</translation>
    </message>
    <message>
        <source>no maximum (default)</source>
        <translation>pas de maximum (par défaut)</translation>
    </message>
    <message>
        <source>the SKU&apos;s safety buffer (default)</source>
        <translation>le tampon de sécurité du SKU (par défaut)</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ChannelModel</name>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>lent</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>running</source>
        <translation>active</translation>
    </message>
    <message>
        <source>%1 of %2/s</source>
        <translation>%1 sur %2/s</translation>
    </message>
    <message numerus="yes">
        <source>%n listing update(s) in 5 min, %1 not taken (calls: %2, failed %3, throttled %4, unanswered %5)</source>
        <translation>
            <numerusform>%n mise à jour d’annonce en 5 min, %1 non prise (appels&#xa0;: %2, en échec %3, limités %4, sans réponse %5)</numerusform>
            <numerusform>%n mises à jour d’annonces en 5 min, %1 non prises (appels&#xa0;: %2, en échec %3, limités %4, sans réponse %5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Success (5 min)</source>
        <translation>Réussite (5 min)</translation>
    </message>
    <message>
        <source>p50 lag</source>
        <translation>Latence p50</translation>
    </message>
    <message>
        <source>p95 lag</source>
        <translation>Latence p95</translation>
    </message>
    <message>
        <source>p99 lag</source>
        <translation>Latence p99</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Rate headroom</source>
        <translation>Marge de débit</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>this console (%1)</source>
        <translation>cette console (%1)</translation>
    </message>
    <message>
        <source>Propagated by</source>
        <translation>Propagé par</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ChannelsPanel</name>
    <message>
        <source>&amp;Pause propagation</source>
        <translation>&amp;Suspendre la diffusion</translation>
    </message>
    <message>
        <source>Res&amp;ume propagation</source>
        <translation>&amp;Reprendre la diffusion</translation>
    </message>
    <message>
        <source>&amp;Import listings…</source>
        <translation>&amp;Importer les annonces…</translation>
    </message>
    <message>
        <source>Impor&amp;t listings…</source>
        <translation>&amp;Importer les annonces…</translation>
    </message>
    <message>
        <source>Pull the selected channel&apos;s catalogue and map its listings by SKU</source>
        <translation>Lire le catalogue du canal sélectionné et associer ses annonces par SKU</translation>
    </message>
    <message>
        <source>No channel connected</source>
        <translation>Aucun canal connecté</translation>
    </message>
    <message>
        <source>Connect your Shopify, WooCommerce, eBay or Amazon shop: ChannelDesk tests the connection, reads your listings and shows where they differ from your stock before it sends anything.</source>
        <translation>Connectez votre boutique Shopify, WooCommerce, eBay ou Amazon : ChannelDesk teste la connexion, lit vos annonces et montre où elles diffèrent de votre stock avant d’envoyer quoi que ce soit.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ConnectChannelDialog</name>
    <message>
        <source>By &amp;polling (this machine cannot be reached from the internet)</source>
        <translation>Par interr&amp;ogation (cette machine n’est pas joignable depuis Internet)</translation>
    </message>
    <message>
        <source>&amp;Save and read listings</source>
        <translation>&amp;Enregistrer et lire les annonces</translation>
    </message>
    <message>
        <source>Connect a channel</source>
        <translation>Connecter un canal</translation>
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
        <translation>Un nom court de votre choix : il désigne le canal partout dans ChannelDesk et dans son adresse de webhook</translation>
    </message>
    <message>
        <source>The number at the end of the location&apos;s admin URL</source>
        <translation>Le nombre à la fin de l’URL d’administration de l’emplacement</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Shop &amp;address:</source>
        <translation>&amp;Adresse de la boutique :</translation>
    </message>
    <message>
        <source>&amp;Location id:</source>
        <translation>Identifiant d’emp&amp;lacement :</translation>
    </message>
    <message>
        <source>Se&amp;ller id:</source>
        <translation>Identifiant &amp;vendeur :</translation>
    </message>
    <message>
        <source>&amp;Marketplace id:</source>
        <translation>Identifiant de &amp;marketplace :</translation>
    </message>
    <message>
        <source>&lt;b&gt;Orders come in&lt;/b&gt;</source>
        <translation>&lt;b&gt;Les commandes arrivent&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>(this console does not listen for webhooks: choose polling)</source>
        <translation>(cette console n’écoute pas de webhooks : choisissez l’interrogation)</translation>
    </message>
    <message>
        <source>Connected: %1 answered.</source>
        <translation>Connecté : %1 a répondu.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>The token was refused (HTTP %1): %2</source>
        <translation>Le jeton a été refusé (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>The shop address %1 could not be found (DNS): %2</source>
        <translation>L’adresse de la boutique %1 est introuvable (DNS) : %2</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (TLS): %2</source>
        <translation>La connexion sécurisée à %1 a échoué (TLS) : %2</translation>
    </message>
    <message>
        <source>No answer from %1 in time: %2</source>
        <translation>Pas de réponse de %1 à temps : %2</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 est injoignable : %2</translation>
    </message>
    <message>
        <source>%1 answers, but not as the channel&apos;s API there (HTTP 404): check the shop address. %2</source>
        <translation>%1 répond, mais l’API du canal n’est pas là (HTTP 404) : vérifiez l’adresse de la boutique. %2</translation>
    </message>
    <message>
        <source>The channel said no (HTTP %1): %2</source>
        <translation>Le canal a refusé (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>The channel&apos;s answer could not be read: %1</source>
        <translation>La réponse du canal est illisible : %1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Interrogation de %1…</translation>
    </message>
    <message>
        <source>A channel named %1 is configured already: choose another name</source>
        <translation>Un canal nommé %1 est déjà configuré : choisissez un autre nom</translation>
    </message>
    <message>
        <source>No keychain is running: the credentials cannot be saved. Set them as environment variables in File &gt; Settings instead.</source>
        <translation>Aucun trousseau n’est actif : les identifiants ne peuvent pas être enregistrés. Définissez-les plutôt comme variables d’environnement dans Fichier &gt; Paramètres.</translation>
    </message>
    <message>
        <source>Saving %1 and restarting the core with it…</source>
        <translation>Enregistrement de %1 et redémarrage du cœur avec lui…</translation>
    </message>
    <message>
        <source>Test connect&amp;ion</source>
        <translation>Tester la connex&amp;ion</translation>
    </message>
    <message>
        <source>By web&amp;hook: paste this URL into the shop&apos;s admin</source>
        <translation>Par web&amp;hook : collez cette URL dans l’administration de la boutique</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ConsoleWorker</name>
    <message>
        <source>cannot create a temporary folder for the demo database</source>
        <translation>impossible de créer un dossier temporaire pour la base de démo</translation>
    </message>
    <message>
        <source>Core started on %1</source>
        <translation>Cœur démarré sur %1</translation>
    </message>
    <message>
        <source>Cannot read the stock: %1</source>
        <translation>Impossible de lire le stock&#xa0;: %1</translation>
    </message>
    <message>
        <source>the core is not running</source>
        <translation>le cœur n&apos;est pas en marche</translation>
    </message>
    <message>
        <source>Propagation to %1 paused</source>
        <translation>Diffusion vers %1 suspendue</translation>
    </message>
    <message>
        <source>Propagation to %1 resumed</source>
        <translation>Diffusion vers %1 reprise</translation>
    </message>
    <message>
        <source>Restarting the core with the new settings</source>
        <translation>Redémarrage du cœur avec les nouveaux paramètres</translation>
    </message>
    <message>
        <source>The core restarted with new settings; ask for quotes again.</source>
        <translation>Le cœur a redémarré avec de nouveaux paramètres&#xa0;; redemandez les devis.</translation>
    </message>
    <message>
        <source>Cannot read the buffer overrides: %1</source>
        <translation>Impossible de lire les règles propres des annonces&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the drift: %1</source>
        <translation>Impossible de lire les écarts : %1</translation>
    </message>
    <message>
        <source>Reconciliation of %1 failed: %2</source>
        <translation>Le rapprochement de %1 a échoué : %2</translation>
    </message>
    <message>
        <source>The core restarted with new settings; import the listings again.</source>
        <translation>Le cœur a redémarré avec de nouveaux paramètres ; importez de nouveau les annonces.</translation>
    </message>
    <message>
        <source>%1 is not a channel of the running core</source>
        <translation>%1 n&apos;est pas un canal du cœur en marche</translation>
    </message>
    <message>
        <source>The core is not running</source>
        <translation>Le cœur ne tourne pas</translation>
    </message>
    <message>
        <source>Cannot read the deliveries: %1</source>
        <translation>Impossible de lire les livraisons : %1</translation>
    </message>
    <message>
        <source>Delivery %1 not replayed: %2</source>
        <translation>Livraison %1 non rejouée : %2</translation>
    </message>
    <message>
        <source>Delivery %1 is back in the queue.</source>
        <translation>La livraison %1 est de retour dans la file.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is over %2 MB: not a stock file</source>
        <translation>%1 dépasse %2 Mo : ce n’est pas un fichier de stock</translation>
    </message>
    <message>
        <source>Imported %1 rows: %2 changed, %3 unchanged</source>
        <translation>%1 lignes importées : %2 modifiées, %3 inchangées</translation>
    </message>
    <message>
        <source>Cannot listen for other processes&apos; changes: %1</source>
        <translation>Impossible d&apos;écouter les changements des autres processus&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read other processes&apos; changes: %1</source>
        <translation>Impossible de lire les changements des autres processus&#xa0;: %1</translation>
    </message>
    <message>
        <source>Core started on %1 in monitor mode: the workers propagate</source>
        <translation>Cœur démarré sur %1 en mode observation&#xa0;: les workers propagent</translation>
    </message>
    <message>
        <source>Cannot read the channels&apos; leases: %1</source>
        <translation>Impossible de lire les baux des canaux&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterDetailPane</name>
    <message>
        <source>The request of the selected attempt</source>
        <translation>La requête de l’essai choisi</translation>
    </message>
    <message>
        <source>The channel&apos;s answer to it (none: no answer came)</source>
        <translation>La réponse du canal (vide : aucune réponse)</translation>
    </message>
    <message>
        <source>Select a dead letter to see every attempt, the orders behind it and its history.</source>
        <translation>Choisissez un échec pour voir chaque essai, les commandes en cause et son historique.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Available after</source>
        <translation>Disponible après</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Orders behind it</source>
        <translation>Commandes en cause</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
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
            <numerusform>%1 sur %2, version %3, %n essai, %4
Dernière erreur : %5

Dernière requête :
%6

Dernière réponse :
%7

Historique :
%8</numerusform>
            <numerusform>%1 sur %2, version %3, %n essais, %4
Dernière erreur : %5

Dernière requête :
%6

Dernière réponse :
%7

Historique :
%8</numerusform>
        </translation>
    </message>
    <message>
        <source>retrying now</source>
        <translation>nouvel essai en cours</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>Attempts (%1)</source>
        <translation>Essais (%1)</translation>
    </message>
    <message>
        <source>Orders behind it (%1)</source>
        <translation>Commandes en cause (%1)</translation>
    </message>
    <message>
        <source>Double-click for the order&apos;s timeline</source>
        <translation>Double-clic pour l’historique de la commande</translation>
    </message>
    <message>
        <source>Could not read the letter&apos;s details: %1</source>
        <translation>Impossible de lire le détail : %1</translation>
    </message>
    <message>
        <source>No order moved %1 since %2 last acknowledged it (version %3).</source>
        <translation>Aucune commande n’a changé %1 depuis la dernière confirmation de %2 (version %3).</translation>
    </message>
    <message>
        <source>The orders that changed %1 since %2 last acknowledged it (version %3), newest first. Double-click one for its timeline.</source>
        <translation>Les commandes qui ont changé %1 depuis la dernière confirmation de %2 (version %3), les plus récentes d’abord. Double-cliquez sur une commande pour son historique.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterGroupModel</name>
    <message>
        <source>no answer</source>
        <translation>sans réponse</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s) on %1</source>
        <translation>
            <numerusform>%n échec sur %1</numerusform>
            <numerusform>%n échecs sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s) on %1 failed with %2</source>
        <translation>
            <numerusform>%n échec sur %1 avec %2</numerusform>
            <numerusform>%n échecs sur %1 avec %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel / error</source>
        <translation>Canal / erreur</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterModel</name>
    <message>
        <source>retrying</source>
        <translation>nouvel essai</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation>Type d&apos;erreur</translation>
    </message>
    <message>
        <source>First failure</source>
        <translation>Premier échec</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Dernier échec</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>re-armed</source>
        <translation>nouvelle version en route</translation>
    </message>
    <message>
        <source>re-driven</source>
        <translation>canal de nouveau joignable</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeadLetterPanel</name>
    <message>
        <source>&amp;Retry selected</source>
        <translation>&amp;Réessayer la sélection</translation>
    </message>
    <message>
        <source>Retry all &amp;shown</source>
        <translation>Réessayer tous les &amp;affichés</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>É&amp;carter…</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letter(s)</source>
        <translation>
            <numerusform>%n échec d&apos;envoi</numerusform>
            <numerusform>%n échecs d&apos;envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Discard dead letters</source>
        <translation>Écarter les échecs d&apos;envoi</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n dead letter(s)? The listings wait for the next change. Reason (kept in the audit log):</source>
        <translation>
            <numerusform>Écarter %n échec d&apos;envoi&#xa0;? L&apos;annonce attend la prochaine modification. Motif (conservé dans le journal d&apos;audit)&#xa0;:</numerusform>
            <numerusform>Écarter %n échecs d&apos;envoi&#xa0;? Les annonces attendent la prochaine modification. Motif (conservé dans le journal d&apos;audit)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>A reason is required; nothing was discarded.</source>
        <translation>Un motif est requis&#xa0;; rien n&apos;a été écarté.</translation>
    </message>
    <message>
        <source>Show S&amp;KU</source>
        <translation>Voir le S&amp;KU</translation>
    </message>
    <message>
        <source>Show &amp;orders</source>
        <translation>Voir les c&amp;ommandes</translation>
    </message>
    <message>
        <source>Select the letter&apos;s SKU in the Stock tab</source>
        <translation>Sélectionner le SKU dans l’onglet Stock</translation>
    </message>
    <message>
        <source>Show the orders whose changes this channel has not shown, in the Orders tab</source>
        <translation>Voir dans l’onglet Commandes les commandes dont ce canal n’affiche pas encore les changements</translation>
    </message>
    <message>
        <source>Select a channel or an error to show only its letters; select it again with Ctrl to show all</source>
        <translation>Choisissez un canal ou une erreur pour n’afficher que ses échecs ; choisissez-le à nouveau avec Ctrl pour tout afficher</translation>
    </message>
    <message>
        <source>The orders behind the dead letter of %1 on %2</source>
        <translation>Les commandes en cause dans l’échec de %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n dead letter(s): %2</source>
        <translation>
            <numerusform>%1 sur %n échec : %2</numerusform>
            <numerusform>%1 sur %n échecs : %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No dead letters</source>
        <translation>Aucune lettre morte</translation>
    </message>
    <message>
        <source>An update a channel refuses for good, or that runs out of retries, shows here with the channel&apos;s own answer, so that you can retry or discard it.</source>
        <translation>Une mise à jour qu’un canal refuse définitivement, ou qui a épuisé ses tentatives, apparaît ici avec la réponse du canal, pour que vous puissiez la renvoyer ou l’abandonner.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeliveryModel</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliquée</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <source>Oversold</source>
        <translation>Survendue</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Non rapprochée</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalide</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <source>Not applied: fix the cause, then Replay puts it back in the queue.</source>
        <translation>Non appliquée : corrigez la cause, puis « Rejouer » la remet dans la file.</translation>
    </message>
    <message>
        <source>Its other lines were applied; a line whose SKU or mapping is missing waits. Importing the mapping applies it by itself; after you create the SKU, Replay applies it once (or settle it with Resolve line… in Orders).</source>
        <translation>Ses autres lignes ont été appliquées ; une ligne dont le SKU ou l’association manque attend. Importer l’association l’applique d’elle-même ; une fois le SKU créé, « Rejouer » l’applique une seule fois (ou réglez-la avec « Résoudre la ligne… » dans Commandes).</translation>
    </message>
    <message>
        <source>(poll)</source>
        <translation>(interrogation)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DeliveryPanel</name>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Rejouer</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Put the selected refused delivery back in the queue, to be applied again (after a fix: a mapping added, a SKU created)</source>
        <translation>Remettre la livraison refusée sélectionnée dans la file pour l’appliquer à nouveau (après une correction : un rapprochement ajouté, une SKU créée)</translation>
    </message>
    <message>
        <source>Select a delivery to see what the channel sent.</source>
        <translation>Sélectionnez une livraison pour voir ce que le canal a envoyé.</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>Delivery %1 from %2: %3</source>
        <translation>Livraison %1 de %2 : %3</translation>
    </message>
    <message>
        <source>No delivery here yet: every order a channel sends, by webhook or poll, is kept here first, with what became of it.</source>
        <translation>Aucune livraison pour l’instant : chaque commande qu’un canal envoie, par webhook ou par interrogation, est d’abord gardée ici, avec ce qu’elle est devenue.</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(ies) shown.</source>
        <translation>
            <numerusform>%n livraison affichée.</numerusform>
            <numerusform>%n livraisons affichées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be applied.</source>
        <translation>
            <numerusform>%n en attente d’application.</numerusform>
            <numerusform>%n en attente d’application.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DemoDriver</name>
    <message>
        <source>Demo: %1 SKUs on %2 simulated channels and %3 carriers at http://127.0.0.1:%4</source>
        <translation>Démo&#xa0;: %1 SKU sur %2 canaux simulés et %3 transporteurs à http://127.0.0.1:%4</translation>
    </message>
    <message>
        <source>Demo: flash sale for %1 s on %2 hot SKUs</source>
        <translation>Démo&#xa0;: vente flash de %1 s sur %2 SKU phares</translation>
    </message>
    <message>
        <source>Demo: %1 on %2 for %3 s</source>
        <translation>Démo&#xa0;: %1 sur %2 pendant %3 s</translation>
    </message>
    <message>
        <source>Demo: %1 recovered</source>
        <translation>Démo&#xa0;: %1 rétabli</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DriftModel</name>
    <message numerus="yes">
        <source>Shown %1 since %2 (seen by %n reconciliation(s)); should show %3.</source>
        <translation>
            <numerusform>Affiche %1 depuis %2 (vu par %n rapprochement) ; devrait afficher %3.</numerusform>
            <numerusform>Affiche %1 depuis %2 (vu par %n rapprochements) ; devrait afficher %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Annonce</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Affiché</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::DriftPanel</name>
    <message>
        <source>&amp;Fix selected</source>
        <translation>&amp;Corriger la sélection</translation>
    </message>
    <message>
        <source>Fix &amp;all</source>
        <translation>Corriger &amp;tout</translation>
    </message>
    <message>
        <source>&amp;Reconcile now</source>
        <translation>&amp;Rapprocher maintenant</translation>
    </message>
    <message>
        <source>Read every channel&apos;s quantities back now</source>
        <translation>Relire maintenant les quantités de chaque canal</translation>
    </message>
    <message>
        <source>Every compared listing shows what it should.</source>
        <translation>Chaque annonce comparée affiche ce qu&apos;elle doit.</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) show another quantity than they should.</source>
        <translation>
            <numerusform>%n annonce affiche une autre quantité que prévu.</numerusform>
            <numerusform>%n annonces affichent une autre quantité que prévu.</numerusform>
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
        <translation>Là où une nouvelle annonce affiche une autre quantité que la nôtre</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>&amp;Regarder à nouveau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Associer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Import listings from %1</source>
        <translation>Importer les annonces de %1</translation>
    </message>
    <message>
        <source>New, would be mapped:</source>
        <translation>Nouvelles, seraient associées&#xa0;:</translation>
    </message>
    <message>
        <source>Listings on the channel:</source>
        <translation>Annonces sur le canal&#xa0;:</translation>
    </message>
    <message>
        <source>Mapped before:</source>
        <translation>Déjà associées&#xa0;:</translation>
    </message>
    <message>
        <source>New listings that show another quantity than we would send</source>
        <translation>Nouvelles annonces qui affichent une autre quantité que celle que nous enverrions</translation>
    </message>
    <message>
        <source>Listings with no SKU, a SKU we do not stock, no count, or one another listing claims: they stay unmapped</source>
        <translation>Annonces sans SKU, avec une SKU que nous n&apos;avons pas, sans comptage, ou avec une SKU qu&apos;une autre annonce revendique&#xa0;: elles restent non associées</translation>
    </message>
    <message>
        <source>Our SKUs with no listing on this channel</source>
        <translation>Nos SKU sans annonce sur ce canal</translation>
    </message>
    <message>
        <source>Map, leave drift alone</source>
        <translation>Associer, laisser les écarts</translation>
    </message>
    <message>
        <source>The listings keep what they show; the differences are listed on the Drift tab, where you can fix them later.</source>
        <translation>Les annonces gardent ce qu&apos;elles affichent ; les différences apparaissent dans l&apos;onglet Écarts, où vous pourrez les corriger plus tard.</translation>
    </message>
    <message>
        <source>Map and send our numbers</source>
        <translation>Associer et envoyer nos quantités</translation>
    </message>
    <message>
        <source>Each differing listing is sent what we would show, by normal propagation.</source>
        <translation>Chaque annonce différente reçoit, par la diffusion normale, ce que nous afficherions.</translation>
    </message>
    <message>
        <source>Map and take the channel&apos;s numbers</source>
        <translation>Associer et reprendre les quantités du canal</translation>
    </message>
    <message>
        <source>The channel&apos;s quantity becomes our available (audited), only where this is the first channel mapped for that SKU; elsewhere the listing is left alone and listed as drift.</source>
        <translation>La quantité du canal devient notre disponible (tracé dans l&apos;audit), seulement si c&apos;est le premier canal associé à cette SKU ; ailleurs l&apos;annonce reste telle quelle et figure parmi les écarts.</translation>
    </message>
    <message>
        <source>Read the catalogue again; nothing is mapped</source>
        <translation>Relire le catalogue ; rien n&apos;est associé</translation>
    </message>
    <message>
        <source>Stop reading the catalogue; nothing is mapped</source>
        <translation>Arrêter la lecture du catalogue ; rien n&apos;est associé</translation>
    </message>
    <message>
        <source>Read the catalogue again and map the new listings</source>
        <translation>Relire le catalogue et associer les nouvelles annonces</translation>
    </message>
    <message>
        <source>Look at the catalogue of %1 first; nothing is mapped until you click Map.</source>
        <translation>Regardez d&apos;abord le catalogue de %1 ; rien n&apos;est associé avant que vous cliquiez sur Associer.</translation>
    </message>
    <message>
        <source>Reading the catalogue of %1…</source>
        <translation>Lecture du catalogue de %1…</translation>
    </message>
    <message>
        <source>Mapping: reading the catalogue of %1 again…</source>
        <translation>Association&#xa0;: nouvelle lecture du catalogue de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Read %n listing(s) of %1…</source>
        <translation>
            <numerusform>%n annonce de %1 lue…</numerusform>
            <numerusform>%n annonces de %1 lues…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mapping: read %n listing(s) of %1…</source>
        <translation>
            <numerusform>Association&#xa0;: %n annonce de %1 lue…</numerusform>
            <numerusform>Association&#xa0;: %n annonces de %1 lues…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was mapped.</source>
        <translation>Annulé ; rien n&apos;a été associé.</translation>
    </message>
    <message>
        <source>%1 could not be read; nothing was mapped.
%2</source>
        <translation>%1 n&apos;a pas pu être lu ; rien n&apos;a été associé.
%2</translation>
    </message>
    <message>
        <source>The listings of %1 were not mapped.
%2</source>
        <translation>Les annonces de %1 n&apos;ont pas été associées.
%2</translation>
    </message>
    <message>
        <source>Nothing to map: every listing with a SKU of ours is mapped already.</source>
        <translation>Rien à associer&#xa0;: chaque annonce avec une de nos SKU est déjà associée.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is mapped yet. %n new listing(s) would be mapped; choose what happens where one shows another quantity, then click Map.</source>
        <translation>
            <numerusform>Rien n&apos;est encore associé. %n nouvelle annonce serait associée ; choisissez ce qui se passe là où une annonce affiche une autre quantité, puis cliquez sur Associer.</numerusform>
            <numerusform>Rien n&apos;est encore associé. %n nouvelles annonces seraient associées ; choisissez ce qui se passe là où une annonce affiche une autre quantité, puis cliquez sur Associer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mapped %n new listing(s).</source>
        <translation>
            <numerusform>%n nouvelle annonce associée.</numerusform>
            <numerusform>%n nouvelles annonces associées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Our numbers are on their way to %n listing(s).</source>
        <translation>
            <numerusform>Nos quantités partent vers %n annonce.</numerusform>
            <numerusform>Nos quantités partent vers %n annonces.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took the channel&apos;s number for %n SKU(s).</source>
        <translation>
            <numerusform>Quantité du canal reprise pour %n SKU.</numerusform>
            <numerusform>Quantités du canal reprises pour %n SKU.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) left as they are, listed on the Drift tab.</source>
        <translation>
            <numerusform>%n annonce laissée telle quelle, listée dans l&apos;onglet Écarts.</numerusform>
            <numerusform>%n annonces laissées telles quelles, listées dans l&apos;onglet Écarts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Newly mapped:</source>
        <translation>Nouvellement associées&#xa0;:</translation>
    </message>
    <message>
        <source>Show another quantity (%1)</source>
        <translation>Autre quantité (%1)</translation>
    </message>
    <message>
        <source>On the channel only (%1)</source>
        <translation>Seulement sur le canal (%1)</translation>
    </message>
    <message>
        <source>Our SKUs not listed (%1)</source>
        <translation>Nos SKU non publiées (%1)</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::KeychainSecretStore</name>
    <message>
        <source>the keychain service did not answer within %1 s</source>
        <translation>le trousseau n&apos;a pas répondu en %1 s</translation>
    </message>
    <message>
        <source>%1; is a D-Bus session with Secret Service or KWallet running?</source>
        <translation>%1&#xa0;; une session D-Bus avec Secret Service ou KWallet est-elle active&#xa0;?</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Trousseau</translation>
    </message>
    <message>
        <source>Credential Manager</source>
        <translation>Gestionnaire d&apos;identification</translation>
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
        <translation>5 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>p99 of every channel</source>
        <translation>p99 de chaque canal</translation>
    </message>
    <message>
        <source>Distribution of the window (histogram)</source>
        <translation>Répartition sur la période (histogramme)</translation>
    </message>
    <message>
        <source>Sync lag (commit to channel acknowledgement)</source>
        <translation>Latence de synchro (de l&apos;enregistrement à la confirmation du canal)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Lag (seconds)</source>
        <translation>Latence (secondes)</translation>
    </message>
    <message>
        <source>Sync lag distribution: share of each channel&apos;s updates per lag</source>
        <translation>Répartition de la latence&#xa0;: part des mises à jour de chaque canal par latence</translation>
    </message>
    <message>
        <source>Lag (commit to channel acknowledgement)</source>
        <translation>Latence (de l&apos;enregistrement à la confirmation du canal)</translation>
    </message>
    <message>
        <source>Share of updates (%)</source>
        <translation>Part des mises à jour (%)</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Affichage&#xa0;:</translation>
    </message>
    <message>
        <source>%1: p50, p95, p99</source>
        <translation>%1&#xa0;: p50, p95, p99</translation>
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
            <numerusform>%1 (%n mise à jour)</numerusform>
            <numerusform>%1 (%n mises à jour)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no updates)</source>
        <translation>%1 (aucune mise à jour)</translation>
    </message>
    <message>
        <source>%1 s threshold</source>
        <translation>Seuil %1 s</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::MainWindow</name>
    <message>
        <source>Starting the core…</source>
        <translation>Démarrage du cœur…</translation>
    </message>
    <message>
        <source>ChannelDesk</source>
        <translation>ChannelDesk</translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation>&amp;Stock</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Canaux</translation>
    </message>
    <message>
        <source>&amp;Lag</source>
        <translation>&amp;Latence</translation>
    </message>
    <message>
        <source>&amp;Dead letters</source>
        <translation>Éc&amp;hecs</translation>
    </message>
    <message>
        <source>Carrier &amp;quotes</source>
        <translation>&amp;Devis transporteurs</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation>&amp;Audit</translation>
    </message>
    <message>
        <source>Ale&amp;rts</source>
        <translation>Ale&amp;rtes</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n simulated channel(s), database %1</source>
        <translation>
            <numerusform>Démo&#xa0;: %n canal simulé, base %1</numerusform>
            <numerusform>Démo&#xa0;: %n canaux simulés, base %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n channel(s), database %1</source>
        <translation>
            <numerusform>Connecté&#xa0;: %n canal, base %1</numerusform>
            <numerusform>Connecté&#xa0;: %n canaux, base %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>The core did not start: %1</source>
        <translation>Le cœur n&apos;a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sync core did not start:
%1</source>
        <translation>Le cœur de synchro n&apos;a pas démarré&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Ale&amp;rts (%1)</source>
        <translation>Ale&amp;rtes (%1)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Export audit log…</source>
        <translation>&amp;Exporter le journal d&apos;audit…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Adjust selected SKU…</source>
        <translation>&amp;Ajuster la SKU sélectionnée…</translation>
    </message>
    <message>
        <source>&amp;Find SKU</source>
        <translation>&amp;Rechercher une SKU</translation>
    </message>
    <message>
        <source>Only &amp;problems</source>
        <translation>Uniquement les &amp;problèmes</translation>
    </message>
    <message>
        <source>&amp;Retry selected</source>
        <translation>&amp;Réessayer la sélection</translation>
    </message>
    <message>
        <source>Retry all &amp;shown</source>
        <translation>Réessayer tous les &amp;affichés</translation>
    </message>
    <message>
        <source>&amp;Discard selected…</source>
        <translation>É&amp;carter la sélection…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panneaux</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About ChannelDesk</source>
        <translation>À &amp;propos de ChannelDesk</translation>
    </message>
    <message>
        <source>About ChannelDesk</source>
        <translation>À propos de ChannelDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;ChannelDesk %1&lt;/b&gt;&lt;p&gt;One source of truth for stock across Shopify, WooCommerce, eBay and Amazon.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ChannelDesk %1&lt;/b&gt;&lt;p&gt;Une seule source de vérité pour le stock sur Shopify, WooCommerce, eBay et Amazon.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%L1 orders/s</source>
        <translation>%L1 commandes/s</translation>
    </message>
    <message>
        <source>worst p99: —</source>
        <translation>pire p99&#xa0;: —</translation>
    </message>
    <message>
        <source>worst p99: %L1 s (%2)</source>
        <translation>pire p99&#xa0;: %L1 s (%2)</translation>
    </message>
    <message>
        <source>dead letters: %1  pending: %2</source>
        <translation>échecs&#xa0;: %1  en attente&#xa0;: %2</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alerte&#xa0;: %1</translation>
    </message>
    <message>
        <source>ChannelDesk alert</source>
        <translation>Alerte ChannelDesk</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>C&amp;ommandes</translation>
    </message>
    <message>
        <source>Dr&amp;ift</source>
        <translation>Écar&amp;ts</translation>
    </message>
    <message>
        <source>D&amp;eliveries</source>
        <translation>Li&amp;vraisons</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>Aucune alerte</translation>
    </message>
    <message>
        <source>A slow or failing channel, an oversold order, an unknown SKU or a dead letter raises an alert here, in the status bar and as a notification, as soon as it happens.</source>
        <translation>Un canal lent ou en échec, une commande survendue, un SKU inconnu ou une lettre morte déclenche une alerte ici, dans la barre d’état et en notification, dès que cela arrive.</translation>
    </message>
    <message>
        <source>Reading listings: %L1 so far…</source>
        <translation>Lecture des annonces : %L1 jusqu’ici…</translation>
    </message>
    <message>
        <source>%1 connected: reading its listings</source>
        <translation>%1 connecté : lecture de ses annonces</translation>
    </message>
    <message>
        <source>&amp;Import stock…</source>
        <translation>&amp;Importer le stock…</translation>
    </message>
    <message>
        <source>E&amp;xport stock…</source>
        <translation>E&amp;xporter le stock…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <source>Open a second window on simulated channels, in a temporary database</source>
        <translation>Ouvrir une seconde fenêtre sur des canaux simulés, dans une base temporaire</translation>
    </message>
    <message>
        <source>The demo did not start</source>
        <translation>La démo n’a pas démarré</translation>
    </message>
    <message>
        <source>Add a S&amp;KU…</source>
        <translation>Ajouter un S&amp;KU…</translation>
    </message>
    <message>
        <source>&amp;Undo last adjustment</source>
        <translation>A&amp;nnuler la dernière correction</translation>
    </message>
    <message>
        <source>Import stock from CSV…</source>
        <translation>Importer le stock depuis un CSV…</translation>
    </message>
    <message>
        <source>Add a SKU…</source>
        <translation>Ajouter un SKU…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>&amp;Connect a channel…</source>
        <translation>&amp;Connecter un canal…</translation>
    </message>
    <message>
        <source>Connect a channel…</source>
        <translation>Connecter un canal…</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::MemorySecretStore</name>
    <message>
        <source>memory</source>
        <translation>mémoire</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderIntakeFields</name>
    <message>
        <source>webhooks only</source>
        <translation>webhooks seulement</translation>
    </message>
    <message>
        <source>polling only</source>
        <translation>interrogation seulement</translation>
    </message>
    <message>
        <source>webhooks and polling</source>
        <translation>webhooks et interrogation</translation>
    </message>
    <message>
        <source>How this channel&apos;s orders reach ChannelDesk. Polling works behind a router, where webhooks cannot arrive; with both, a webhook that never came is caught by the next poll.</source>
        <translation>Comment les commandes de ce canal parviennent à ChannelDesk. L’interrogation fonctionne derrière un routeur, où les webhooks ne peuvent pas arriver&#xa0;; avec les deux, un webhook jamais reçu est rattrapé par l’interrogation suivante.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often the channel&apos;s orders are polled</source>
        <translation>À quelle fréquence les commandes du canal sont interrogées</translation>
    </message>
    <message>
        <source>poll every</source>
        <translation>interroger toutes les</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>default (%1 s)</source>
        <translation>par défaut (%1&#xa0;s)</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderModel</name>
    <message>
        <source>Applied</source>
        <translation>Appliquée</translation>
    </message>
    <message>
        <source>Oversold</source>
        <translation>Survendue</translation>
    </message>
    <message>
        <source>Lines waiting</source>
        <translation>Lignes en attente</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>Partiellement remboursée</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursée</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Refused (before schema 6)</source>
        <translation>Refusée (avant le schéma 6)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n unit(s) owed</source>
        <translation>
            <numerusform>%1 : %n unité due</numerusform>
            <numerusform>%1 : %n unités dues</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 × %3 waits (%4)</source>
        <translation>Ligne %1 : %2 × %3 en attente (%4)</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Dues</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::OrderTimelineDialog</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product id</source>
        <translation>ID produit</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Commandées</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliquée</translation>
    </message>
    <message>
        <source>Restocked</source>
        <translation>Remises en stock</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Dues</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID événement</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Order %1 from %2</source>
        <translation>Commande %1 de %2</translation>
    </message>
    <message>
        <source>Reading order %1 from %2…</source>
        <translation>Lecture de la commande %1 de %2…</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Channel pushes of these versions</source>
        <translation>Envois aux canaux de ces versions</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Cannot read order %1 from %2: %3</source>
        <translation>Impossible de lire la commande %1 de %2 : %3</translation>
    </message>
    <message>
        <source>No order %1 from %2 in the ledger.</source>
        <translation>Aucune commande %1 de %2 dans le registre.</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 from %2: %3. Received %4; %n line(s).</source>
        <translation>
            <numerusform>Commande %1 de %2 : %3. Reçue %4 ; %n ligne.</numerusform>
            <numerusform>Commande %1 de %2 : %3. Reçue %4 ; %n lignes.</numerusform>
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
        <translation>Résoudre la &amp;survente…</translation>
    </message>
    <message>
        <source>Resolve &amp;line…</source>
        <translation>Résoudre la &amp;ligne…</translation>
    </message>
    <message>
        <source>&amp;Timeline…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Mark the selected oversold order settled (the customer was told, a unit was found)</source>
        <translation>Marquer la commande survendue choisie comme réglée (client prévenu, unité trouvée)</translation>
    </message>
    <message>
        <source>Apply a waiting line of the selected order to a SKU, or ignore it as not stock</source>
        <translation>Appliquer une ligne en attente de la commande choisie à un SKU, ou l’ignorer (pas du stock)</translation>
    </message>
    <message>
        <source>Show the selected order&apos;s life: lines, events and channel pushes</source>
        <translation>Afficher la vie de la commande choisie : lignes, événements et envois aux canaux</translation>
    </message>
    <message>
        <source>No orders yet. Every order the channels report appears here with its status; oversold orders and orders with lines waiting for a SKU come first, with their resolve actions. Double-click an order for its timeline.</source>
        <translation>Aucune commande pour l’instant. Chaque commande signalée par les canaux apparaît ici avec son statut ; les commandes survendues et celles dont des lignes attendent un SKU viennent en premier, avec leurs actions de résolution. Double-cliquez sur une commande pour son historique.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Order %1 from %2 was not changed: %3</source>
        <translation>La commande %1 de %2 n’a pas été modifiée : %3</translation>
    </message>
    <message>
        <source>Cannot read the orders: %1</source>
        <translation>Impossible de lire les commandes : %1</translation>
    </message>
    <message>
        <source>Reading the orders…</source>
        <translation>Lecture des commandes…</translation>
    </message>
    <message numerus="yes">
        <source>%n oversold order(s)</source>
        <translation>
            <numerusform>%n commande survendue</numerusform>
            <numerusform>%n commandes survendues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) waiting</source>
        <translation>
            <numerusform>%n ligne en attente</numerusform>
            <numerusform>%n lignes en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown; %2, %3.</source>
        <translation>%1 affichées ; %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n commande</numerusform>
            <numerusform>%n commandes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n owed</source>
        <translation>
            <numerusform>%1 : %n due</numerusform>
            <numerusform>%1 : %n dues</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve oversold order</source>
        <translation>Résoudre une commande survendue</translation>
    </message>
    <message>
        <source>Order %1 from %2 took more than was on hand (%3).
How was it settled? (recorded in the audit log)</source>
        <translation>La commande %1 de %2 a pris plus que le stock disponible (%3).
Comment a-t-elle été réglée ? (noté dans le journal d’audit)</translation>
    </message>
    <message>
        <source>A reason is needed: say how the order was settled.</source>
        <translation>Une raison est nécessaire : dites comment la commande a été réglée.</translation>
    </message>
    <message>
        <source>Show &amp;all orders</source>
        <translation>Voir &amp;toutes les commandes</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s). Orders older than the %2 most recent are not listed here; open them from the dead letter.</source>
        <translation>
            <numerusform>%1 : %n commande. Les commandes plus anciennes que les %2 plus récentes ne sont pas listées ici ; ouvrez-les depuis l’échec.</numerusform>
            <numerusform>%1 : %n commandes. Les commandes plus anciennes que les %2 plus récentes ne sont pas listées ici ; ouvrez-les depuis l’échec.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDesk::PullReportModel</name>
    <message>
        <source>The listing has no SKU on the channel</source>
        <translation>L&apos;annonce n&apos;a pas de SKU sur le canal</translation>
    </message>
    <message>
        <source>The channel keeps no count for this listing</source>
        <translation>Le canal ne tient pas de stock pour cette annonce</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>no count</source>
        <translation>sans stock</translation>
    </message>
    <message>
        <source>Remote id</source>
        <translation>Id distant</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Channel shows</source>
        <translation>Le canal affiche</translation>
    </message>
    <message>
        <source>We would show</source>
        <translation>Nous afficherions</translation>
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
        <translation>Échec d&apos;authentification</translation>
    </message>
    <message>
        <source>Bad address</source>
        <translation>Adresse invalide</translation>
    </message>
    <message>
        <source>No service</source>
        <translation>Aucun service</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Débit limité</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Erreur serveur</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Erreur réseau</translation>
    </message>
    <message>
        <source>Bad response</source>
        <translation>Réponse invalide</translation>
    </message>
    <message>
        <source>%1 of %2 deliveries to %3 on time</source>
        <translation>%1 livraisons sur %2 à l&apos;heure vers %3</translation>
    </message>
    <message>
        <source>none to %1 yet; %2 of %3 deliveries on time elsewhere</source>
        <translation>aucune vers %1 pour l&apos;instant&#xa0;; ailleurs %2 livraisons sur %3 à l&apos;heure</translation>
    </message>
    <message>
        <source>no delivery history yet: the default rate</source>
        <translation>pas encore d&apos;historique de livraison&#xa0;: taux par défaut</translation>
    </message>
    <message>
        <source>Late: arrives %1, promised %2</source>
        <translation>En retard&#xa0;: arrive le %1, promis le %2</translation>
    </message>
    <message>
        <source>No delivery estimate</source>
        <translation>Pas de date de livraison estimée</translation>
    </message>
    <message>
        <source>No exchange rate from %1 to %2</source>
        <translation>Pas de taux de change de %1 vers %2</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Choisi</translation>
    </message>
    <message>
        <source>Ranked #%1</source>
        <translation>Rang %1</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Écarté</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>1 carrier error</source>
        <translation>1 erreur de transporteur</translation>
    </message>
    <message>
        <source>%1 carrier errors</source>
        <translation>%1 erreurs de transporteurs</translation>
    </message>
    <message>
        <source>No quote: no carrier is configured (see the &quot;carriers&quot; array in docs/carriers.md).</source>
        <translation>Aucun devis&#xa0;: aucun transporteur n&apos;est configuré (voir le tableau &quot;carriers&quot; dans docs/carriers.md).</translation>
    </message>
    <message>
        <source>No quote: every carrier failed (%1).</source>
        <translation>Aucun devis&#xa0;: tous les transporteurs ont échoué (%1).</translation>
    </message>
    <message>
        <source>No quote qualified: the only quote was dropped</source>
        <translation>Aucun devis retenu&#xa0;: le seul devis a été écarté</translation>
    </message>
    <message>
        <source>No quote qualified: all %1 quotes were dropped</source>
        <translation>Aucun devis retenu&#xa0;: les %1 devis ont été écartés</translation>
    </message>
    <message>
        <source>%1, and %2.</source>
        <translation>%1, et %2.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>on time to %1</source>
        <translation>à l&apos;heure vers %1</translation>
    </message>
    <message>
        <source>on time over all zones</source>
        <translation>à l&apos;heure toutes zones confondues</translation>
    </message>
    <message>
        <source>on time by default (no history yet)</source>
        <translation>à l&apos;heure par défaut (pas encore d&apos;historique)</translation>
    </message>
    <message>
        <source>the only qualifying quote</source>
        <translation>le seul devis retenu</translation>
    </message>
    <message>
        <source>the lowest of %1 qualifying quotes</source>
        <translation>le plus bas de %1 devis retenus</translation>
    </message>
    <message>
        <source>; %1 dropped</source>
        <translation>&#xa0;; écartés&#xa0;: %1</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>; %1</source>
        <translation>&#xa0;; %1</translation>
    </message>
    <message>
        <source>%1 chosen: %2 %3 at %4 %5 scores %6, %7%8.</source>
        <translation>%1 choisi&#xa0;: %2 %3, %4 %5, score %6&#xa0;: %7%8.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>No promise</source>
        <translation>Aucune promesse</translation>
    </message>
    <message>
        <source>Includes %1</source>
        <translation>Inclut %1</translation>
    </message>
    <message>
        <source>1 business day in transit</source>
        <translation>1 jour ouvré en transit</translation>
    </message>
    <message>
        <source>%1 business days in transit</source>
        <translation>%1 jours ouvrés en transit</translation>
    </message>
    <message>
        <source>, guaranteed</source>
        <translation>, garanti</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Est. delivery</source>
        <translation>Livraison prévue</translation>
    </message>
    <message>
        <source>Meets promise</source>
        <translation>Tient la promesse</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::QuotePanel</name>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Two-letter country code (US, CA, DE)</source>
        <translation>Code pays à deux lettres (US, CA, DE)</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>Free&amp;ze the list</source>
        <translation>&amp;Figer la liste</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>&amp;Get quotes</source>
        <translation>&amp;Obtenir les devis</translation>
    </message>
    <message>
        <source>Pick an order to fill in the shipment; double-click to quote it at once.</source>
        <translation>Choisissez une commande pour remplir l&apos;envoi&#xa0;; double-cliquez pour demander les devis aussitôt.</translation>
    </message>
    <message>
        <source>Recent &amp;orders</source>
        <translation>&amp;Commandes récentes</translation>
    </message>
    <message>
        <source>Hold new orders back while you pick one; they are added when you let go.</source>
        <translation>Retient les nouvelles commandes pendant votre choix&#xa0;; elles s&apos;ajoutent quand vous relâchez.</translation>
    </message>
    <message>
        <source>Order id (optional)</source>
        <translation>N° de commande (facultatif)</translation>
    </message>
    <message>
        <source>The delivery date promised to the customer: later quotes are dropped</source>
        <translation>La date de livraison promise au client&#xa0;: les devis plus tardifs sont écartés</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City (optional)</source>
        <translation>Ville (facultatif)</translation>
    </message>
    <message>
        <source>Where you ship from; kept as the default</source>
        <translation>D&apos;où vous expédiez&#xa0;; conservé par défaut</translation>
    </message>
    <message>
        <source> g</source>
        <translation> g</translation>
    </message>
    <message>
        <source>Weight of the parcel, packed</source>
        <translation>Poids du colis emballé</translation>
    </message>
    <message>
        <source>Promised &amp;by:</source>
        <translation>&amp;Promis pour le&#xa0;:</translation>
    </message>
    <message>
        <source>O&amp;rder:</source>
        <translation>Comman&amp;de&#xa0;:</translation>
    </message>
    <message>
        <source>Ship &amp;to:</source>
        <translation>&amp;Livrer à&#xa0;:</translation>
    </message>
    <message>
        <source>Ship &amp;from:</source>
        <translation>&amp;Expédier de&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Parcel:</source>
        <translation>Col&amp;is&#xa0;:</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Pick an order on the left, or fill in the shipment, then press Get quotes: every carrier is asked at once.</source>
        <translation>Choisissez une commande à gauche ou remplissez l&apos;envoi, puis cliquez sur Obtenir les devis&#xa0;: tous les transporteurs sont interrogés à la fois.</translation>
    </message>
    <message>
        <source>Order %1 has no ship-to address: enter it.</source>
        <translation>La commande %1 n&apos;a pas d&apos;adresse de livraison&#xa0;: saisissez-la.</translation>
    </message>
    <message>
        <source>Enter a postal code and a two-letter country for both ship-to and ship-from.</source>
        <translation>Saisissez un code postal et un code pays à deux lettres pour la livraison et l&apos;expédition.</translation>
    </message>
    <message>
        <source>1 quote in %1 s</source>
        <translation>1 devis en %1 s</translation>
    </message>
    <message>
        <source>%1 quotes in %2 s</source>
        <translation>%1 devis en %2 s</translation>
    </message>
    <message>
        <source>Waiting for 1 carrier…</source>
        <translation>En attente d&apos;1 transporteur…</translation>
    </message>
    <message>
        <source>Waiting for %1 carriers…</source>
        <translation>En attente de %1 transporteurs…</translation>
    </message>
    <message>
        <source>Re-quo&amp;te</source>
        <translation>&amp;Redemander</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::QuoteService</name>
    <message>
        <source>The core is not running.</source>
        <translation>Le cœur ne tourne pas.</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::RecentOrderModel</name>
    <message>
        <source>not given</source>
        <translation>non indiquée</translation>
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
        <translation>%1 articles</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Livrer à</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::ResolveLineDialog</name>
    <message>
        <source>&amp;Apply it to SKU:</source>
        <translation>&amp;L’appliquer au SKU :</translation>
    </message>
    <message>
        <source>It is &amp;not stock (a gift card, a service): ignore it</source>
        <translation>Ce n’est &amp;pas du stock (carte cadeau, service) : l’ignorer</translation>
    </message>
    <message>
        <source>Resolve a waiting line</source>
        <translation>Résoudre une ligne en attente</translation>
    </message>
    <message>
        <source>Line %1: %2 × %3</source>
        <translation>Ligne %1 : %2 × %3</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Why (recorded in the audit log)</source>
        <translation>Pourquoi (noté dans le journal d’audit)</translation>
    </message>
    <message>
        <source>The line takes its units from the SKU at once, even below zero. An ignored line takes nothing.</source>
        <translation>La ligne prend ses unités au SKU tout de suite, même sous zéro. Une ligne ignorée ne prend rien.</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>&amp;Ligne :</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Raison :</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsController</name>
    <message>
        <source>No keychain service (%1): secrets come from the environment</source>
        <translation>Aucun trousseau disponible (%1)&#xa0;: les secrets viennent de l&apos;environnement</translation>
    </message>
    <message>
        <source>config: cannot read %1: no such file</source>
        <translation>config&#xa0;: impossible de lire %1&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>No config at %1 yet: File &gt; Settings creates it</source>
        <translation>Pas encore de configuration dans %1&#xa0;: Fichier &gt; Paramètres la crée</translation>
    </message>
    <message>
        <source>Carrier quotes are off: %1</source>
        <translation>Les devis transporteurs sont désactivés&#xa0;: %1</translation>
    </message>
    <message>
        <source>the demo&apos;s simulated channels cannot be changed</source>
        <translation>les canaux simulés de la démo ne peuvent pas être modifiés</translation>
    </message>
    <message>
        <source>Settings saved to %1</source>
        <translation>Paramètres enregistrés dans %1</translation>
    </message>
    <message>
        <source>database: %1 is not a postgresql://user@host:port/database URL</source>
        <translation>base de données&#xa0;: %1 n’est pas une URL postgresql://utilisateur@hôte:port/base</translation>
    </message>
    <message>
        <source>database: the password goes to the keychain, not into the URL</source>
        <translation>base de données&#xa0;: le mot de passe va dans le trousseau, pas dans l’URL</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsDialog</name>
    <message>
        <source>Ask this carrier for quotes</source>
        <translation>Demander des devis à ce transporteur</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Lecture des paramètres…</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Canaux</translation>
    </message>
    <message>
        <source>Ca&amp;rriers</source>
        <translation>&amp;Transporteurs</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>Saved to %1. The core restarted with the new settings.</source>
        <translation>Enregistré dans %1. Le cœur a redémarré avec les nouveaux paramètres.</translation>
    </message>
    <message>
        <source>Saved, but the core did not start with the new settings: %1</source>
        <translation>Enregistré, mais le cœur n&apos;a pas démarré avec les nouveaux paramètres&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sync core</source>
        <translation>Cœur de synchro</translation>
    </message>
    <message>
        <source>Where the core takes webhooks and serves /metrics: host:port</source>
        <translation>Où le cœur reçoit les webhooks et sert /metrics&#xa0;: hôte:port</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Adresse d&apos;écoute&#xa0;:</translation>
    </message>
    <message>
        <source>Default safety &amp;buffer:</source>
        <translation>Tampon de sécu&amp;rité par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sync lag p&amp;99 above:</source>
        <translation>Latence p&amp;99 au-delà de&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Any sync lag above:</source>
        <translation>Toute &amp;latence au-delà de&#xa0;:</translation>
    </message>
    <message>
        <source>Success rate &amp;below:</source>
        <translation>Taux de réussite en &amp;dessous de&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Add channel</source>
        <translation>&amp;Ajouter un canal</translation>
    </message>
    <message>
        <source>&amp;Add carrier</source>
        <translation>&amp;Ajouter un transporteur</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Su&amp;pprimer</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>T&amp;ype&#xa0;:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>&amp;URL de base&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Location id:</source>
        <translation>ID d&apos;e&amp;mplacement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Seller id:</source>
        <translation>ID &amp;vendeur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Marketplace id:</source>
        <translation>ID de &amp;marketplace&#xa0;:</translation>
    </message>
    <message>
        <source>LWA U&amp;RL:</source>
        <translation>URL &amp;LWA&#xa0;:</translation>
    </message>
    <message>
        <source>Account &amp;number:</source>
        <translation>&amp;Numéro de compte&#xa0;:</translation>
    </message>
    <message>
        <source>environment variable</source>
        <translation>variable d&apos;environnement</translation>
    </message>
    <message>
        <source>the channel&apos;s documented limit</source>
        <translation>la limite documentée du canal</translation>
    </message>
    <message>
        <source>Max &amp;requests/s:</source>
        <translation>Re&amp;quêtes max./s&#xa0;:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>Délai ma&amp;x.&#xa0;:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Jeton d&apos;accès&#xa0;:</translation>
    </message>
    <message>
        <source>Consumer &amp;key:</source>
        <translation>Clé c&amp;lient&#xa0;:</translation>
    </message>
    <message>
        <source>Consumer s&amp;ecret:</source>
        <translation>Secret cli&amp;ent&#xa0;:</translation>
    </message>
    <message>
        <source>LWA client i&amp;d:</source>
        <translation>I&amp;D client LWA&#xa0;:</translation>
    </message>
    <message>
        <source>LWA client s&amp;ecret:</source>
        <translation>S&amp;ecret client LWA&#xa0;:</translation>
    </message>
    <message>
        <source>Refresh t&amp;oken:</source>
        <translation>Jeton d&apos;actualisati&amp;on&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Webhook secret:</source>
        <translation>Secret &amp;webhook&#xa0;:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>C&amp;lé API&#xa0;:</translation>
    </message>
    <message>
        <source>Client i&amp;d:</source>
        <translation>I&amp;D client&#xa0;:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>S&amp;ecret client&#xa0;:</translation>
    </message>
    <message>
        <source>Demo: these channels are simulated, so their settings are shown read-only. Start ChannelDesk without --demo to set up real channels.</source>
        <translation>Démo&#xa0;: ces canaux sont simulés, leurs paramètres sont donc en lecture seule. Lancez ChannelDesk sans --demo pour configurer de vrais canaux.</translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain (%1); this dialog never shows them, it only says which are stored.</source>
        <translation>Les secrets sont conservés dans le trousseau du système (%1)&#xa0;; cette fenêtre ne les affiche jamais, elle indique seulement lesquels sont enregistrés.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain service is running: secrets are not saved&lt;/b&gt;; set the environment variables named below instead.</source>
        <translation>&lt;b&gt;Aucun trousseau n&apos;est disponible&#xa0;: les secrets ne sont pas enregistrés&lt;/b&gt;&#xa0;; définissez plutôt les variables d&apos;environnement indiquées ci-dessous.</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
    <message>
        <source>Config file: %1. Saving restarts the sync core with it.</source>
        <translation>Fichier de configuration&#xa0;: %1. L&apos;enregistrement redémarre le cœur de synchro avec.</translation>
    </message>
    <message>
        <source>Config file: %1 (created when you save). Saving restarts the sync core with it.</source>
        <translation>Fichier de configuration&#xa0;: %1 (créé à l&apos;enregistrement). L&apos;enregistrement redémarre le cœur de synchro avec.</translation>
    </message>
    <message>
        <source>An existing entry keeps its id: its secrets and its history are stored under it. Add a new one to use another id.</source>
        <translation>Une entrée existante garde son identifiant&#xa0;: ses secrets et son historique sont enregistrés sous celui-ci. Ajoutez-en une nouvelle pour un autre identifiant.</translation>
    </message>
    <message>
        <source>not saved: no keychain</source>
        <translation>non enregistré&#xa0;: pas de trousseau</translation>
    </message>
    <message>
        <source>stored in keychain</source>
        <translation>enregistré dans le trousseau</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved to %1. The core is restarting with the new settings…</source>
        <translation>Enregistré dans %1. Le cœur redémarre avec les nouveaux paramètres…</translation>
    </message>
    <message>
        <source>Saved to %1. The core uses it when ChannelDesk starts next.</source>
        <translation>Enregistré dans %1. Le cœur l&apos;utilisera au prochain démarrage de ChannelDesk.</translation>
    </message>
    <message>
        <source>not set: each SKU&apos;s own</source>
        <translation>non défini&#xa0;: celui de chaque SKU</translation>
    </message>
    <message>
        <source>The pause-at of every channel that sets none: a listing shows nothing once stock falls to it. Not set: each SKU&apos;s own safety buffer.</source>
        <translation>Le seuil de pause de chaque canal qui n&apos;en définit pas&#xa0;: une annonce n&apos;affiche plus rien dès que le stock y tombe. Non défini&#xa0;: le tampon de sécurité de chaque SKU.</translation>
    </message>
    <message>
        <source>every channel&apos;s</source>
        <translation>de tous les canaux</translation>
    </message>
    <message>
        <source>What the channel is shown of each SKU&apos;s available stock. A SKU can have a rule of its own on a channel: double-click its cell in the Stock tab.</source>
        <translation>Ce que le canal affiche du stock disponible de chaque SKU. Un SKU peut avoir sa propre règle sur un canal&#xa0;: double-cliquez sur sa cellule dans l&apos;onglet Stock.</translation>
    </message>
    <message>
        <source>Shows:</source>
        <translation>Affiche&#xa0;:</translation>
    </message>
    <message>
        <source>Orders &amp;via:</source>
        <translation>Commandes &amp;via&#xa0;:</translation>
    </message>
    <message>
        <source>never on a schedule</source>
        <translation>jamais selon un horaire</translation>
    </message>
    <message>
        <source>How often what the channel shows is read back and compared with what it should show (drift). It also runs after the channel recovers from an outage.</source>
        <translation>À quelle fréquence ce qu&apos;affiche le canal est relu et comparé à ce qu&apos;il devrait afficher (écart). Cela se fait aussi après le rétablissement du canal après une panne.</translation>
    </message>
    <message>
        <source>Re&amp;concile every:</source>
        <translation>Rappro&amp;cher toutes les :</translation>
    </message>
    <message>
        <source>Inventory database</source>
        <translation>Base d’inventaire</translation>
    </message>
    <message>
        <source>the default file, or postgresql://user@host:5432/inventory</source>
        <translation>le fichier par défaut, ou postgresql://utilisateur@hôte:5432/inventory</translation>
    </message>
    <message>
        <source>A SQLite file, or a PostgreSQL inventory shared with serve workers: postgresql://user@host:port/database</source>
        <translation>Un fichier SQLite, ou un inventaire PostgreSQL partagé avec des workers serve&#xa0;: postgresql://utilisateur@hôte:port/base</translation>
    </message>
    <message>
        <source>In&amp;ventory:</source>
        <translation>&amp;Emplacement&#xa0;:</translation>
    </message>
    <message>
        <source>The PostgreSQL password, kept in the system keychain. Empty: keep the stored one (or let libpq read PGPASSWORD or ~/.pgpass).</source>
        <translation>Le mot de passe PostgreSQL, gardé dans le trousseau du système. Vide : celui enregistré reste (ou libpq lit PGPASSWORD ou ~/.pgpass).</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Applied when the sync core restarts, which saving does.</source>
        <translation>Appliqué au redémarrage du cœur de synchronisation, ce que fait l’enregistrement.</translation>
    </message>
    <message>
        <source>In use now: %1. </source>
        <translation>Utilisée maintenant&#xa0;: %1. </translation>
    </message>
    <message>
        <source>Without a keychain the password comes from PGPASSWORD or ~/.pgpass only.</source>
        <translation>Sans trousseau, le mot de passe vient seulement de PGPASSWORD ou de ~/.pgpass.</translation>
    </message>
    <message>
        <source>database: no keychain to store the password in; use PGPASSWORD or ~/.pgpass</source>
        <translation>base de données&#xa0;: aucun trousseau pour garder le mot de passe&#xa0;; utilisez PGPASSWORD ou ~/.pgpass</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::SettingsStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>this build has no keychain support</source>
        <translation>cette version ne prend pas en charge le trousseau</translation>
    </message>
    <message>
        <source>there is no config file to save to</source>
        <translation>aucun fichier de configuration où enregistrer</translation>
    </message>
    <message>
        <source>no keychain to store the secrets in</source>
        <translation>aucun trousseau où conserver les secrets</translation>
    </message>
    <message>
        <source>the keychain did not take the secrets: %1</source>
        <translation>le trousseau n&apos;a pas accepté les secrets&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockFiles</name>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n’a été importé : %1</translation>
    </message>
    <message>
        <source>Import stock</source>
        <translation>Importer le stock</translation>
    </message>
    <message>
        <source>Stock exported to %1</source>
        <translation>Stock exporté vers %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Export stock</source>
        <translation>Exporter le stock</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n SKU(s)…</source>
        <translation>
            <numerusform>Import de %n SKU…</numerusform>
            <numerusform>Import de %n SKU…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was not imported: %n bad row(s)</source>
        <translation>
            <numerusform>%1 n’a pas été importé : %n ligne erronée</numerusform>
            <numerusform>%1 n’a pas été importé : %n lignes erronées</numerusform>
        </translation>
    </message>
    <message>
        <source>added in the console</source>
        <translation>ajouté dans la console</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>Ajout de %1…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
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
        <translation>Changement</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Safety buffer</source>
        <translation>Stock de sécurité</translation>
    </message>
    <message>
        <source>new SKU</source>
        <translation>nouveau SKU</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>stock import</source>
        <translation>import de stock</translation>
    </message>
    <message>
        <source>Import stock from %1</source>
        <translation>Importer le stock depuis %1</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported from this file: %n row(s) need fixing. Fix them and import the file again; no SKU was changed.</source>
        <translation>
            <numerusform>Rien ne peut être importé de ce fichier : %n ligne est à corriger. Corrigez-la et importez à nouveau le fichier ; aucun SKU n’a été modifié.</numerusform>
            <numerusform>Rien ne peut être importé de ce fichier : %n lignes sont à corriger. Corrigez-les et importez à nouveau le fichier ; aucun SKU n’a été modifié.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file matches the stock: nothing would change.</source>
        <translation>Le fichier correspond au stock : rien ne changerait.</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) will change, %1 stay as they are. Nothing is written until you click Import.</source>
        <translation>
            <numerusform>%n SKU va changer, %1 restent tels quels. Rien n’est écrit avant que vous cliquiez sur Importer.</numerusform>
            <numerusform>%n SKU vont changer, %1 restent tels quels. Rien n’est écrit avant que vous cliquiez sur Importer.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason (for the audit log):</source>
        <translation>&amp;Raison (pour le journal d’audit) :</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockModel</name>
    <message>
        <source>in sync</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>nouvel essai</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>Low stock: %1 available, safety buffer %2</source>
        <translation>Stock bas&#xa0;: %1 disponible(s), tampon de sécurité %2</translation>
    </message>
    <message>
        <source>Paused on every channel by the listing guard</source>
        <translation>Suspendu sur tous les canaux par la protection des annonces</translation>
    </message>
    <message>
        <source>Not listed on %1</source>
        <translation>Non publié sur %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Tampon</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>quantity, sync lag</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Acknowledged quantity: %1</source>
        <translation>Quantité confirmée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Last sync lag: %1</source>
        <translation>Dernière latence de synchro&#xa0;: %1</translation>
    </message>
    <message>
        <source>Out of sync for %1 (since %2)</source>
        <translation>Désynchronisé depuis %1 (depuis %2)</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (owed)</source>
        <comment>available below zero: units owed to customers</comment>
        <translation>%1 (dues)</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) owed to customers: sold beyond what was on hand. The Orders tab lists the oversold orders.</source>
        <translation>
            <numerusform>%n unité due aux clients : vendue au-delà du stock. L’onglet Commandes liste les commandes survendues.</numerusform>
            <numerusform>%n unités dues aux clients : vendues au-delà du stock. L’onglet Commandes liste les commandes survendues.</numerusform>
        </translation>
    </message>
    <message>
        <source>On the shelf: available plus committed</source>
        <translation>En rayon : disponible plus engagé</translation>
    </message>
    <message>
        <source>Sold and not shipped yet: still on the shelf, but a customer&apos;s</source>
        <translation>Vendu, pas encore expédié : encore en rayon, mais à un client</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Engagé</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>expected quantity / acknowledged quantity</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Should show: 0, paused (available %1 is at or below %2)</source>
        <translation>Devrait afficher&#xa0;: 0, en pause (disponible %1, au plus %2)</translation>
    </message>
    <message>
        <source>Should show: %1</source>
        <translation>Devrait afficher&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Rule: reserve %1, %2%, max %3, pause at %4</source>
        <translation>Règle&#xa0;: réserve %1, %2&#xa0;%, maximum %3, pause à %4</translation>
    </message>
    <message>
        <source>The channel&apos;s rule. Double-click to set one for this SKU.</source>
        <translation>La règle du canal. Double-cliquez pour en définir une pour ce SKU.</translation>
    </message>
    <message>
        <source>This SKU&apos;s own rule on this channel. Double-click to change it.</source>
        <translation>La règle propre de ce SKU sur ce canal. Double-cliquez pour la modifier.</translation>
    </message>
    <message>
        <source>What %1 should show / what it last acknowledged</source>
        <translation>Ce que %1 devrait afficher / ce qu&apos;il a confirmé en dernier</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::StockPanel</name>
    <message>
        <source>Only &amp;problems</source>
        <translation>Uniquement les &amp;problèmes</translation>
    </message>
    <message>
        <source>Filter by SKU or title</source>
        <translation>Filtrer par SKU ou titre</translation>
    </message>
    <message>
        <source>Low stock, paused, or retrying or dead on a channel</source>
        <translation>Stock bas, suspendu, ou en nouvel essai ou en échec sur un canal</translation>
    </message>
    <message>
        <source>&amp;Adjust…</source>
        <translation>&amp;Ajuster…</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Ajuster le stock</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 n&apos;a pas été modifié&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 of %2 SKUs</source>
        <translation>%1 SKU sur %2</translation>
    </message>
    <message>
        <source>%1 (owed)</source>
        <comment>available below zero: units owed to customers</comment>
        <translation>%1 (dues)</translation>
    </message>
    <message>
        <source>&amp;Buffer…</source>
        <translation>&amp;Tampon…</translation>
    </message>
    <message>
        <source>What the selected channel shows of the selected SKU</source>
        <translation>Ce que le canal sélectionné affiche du SKU sélectionné</translation>
    </message>
    <message>
        <source>Channel buffer</source>
        <translation>Tampon du canal</translation>
    </message>
    <message>
        <source>What %1 shows of %2 was not changed: %3</source>
        <translation>Ce que %1 affiche de %2 n&apos;a pas été modifié&#xa0;: %3</translation>
    </message>
    <message>
        <source>What %1 shows of %2…</source>
        <translation>Ce que %1 affiche de %2…</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Historique de %1</translation>
    </message>
    <message>
        <source>No stock yet</source>
        <translation>Pas encore de stock</translation>
    </message>
    <message>
        <source>ChannelDesk keeps one count per SKU and sends it to every channel you connect. Bring your stock in from a CSV file (sku, available, and optionally title and safety_buffer), add SKUs one by one, or look around the demo first.</source>
        <translation>ChannelDesk tient un compte par SKU et l’envoie à chaque canal connecté. Importez votre stock depuis un fichier CSV (sku, available et, au choix, title et safety_buffer), ajoutez des SKU un par un, ou découvrez d’abord la démo.</translation>
    </message>
    <message>
        <source>undo of the adjustment by %1: %2</source>
        <translation>annulation de la correction de %1 : %2</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ChannelDesk::WhatIfPanel</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Worst windows</source>
        <translation>Pires fenêtres</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Stale, polling</source>
        <translation>Périmées, interrogation</translation>
    </message>
    <message>
        <source>Stale, measured lag</source>
        <translation>Périmées, délai mesuré</translation>
    </message>
    <message>
        <source>&lt;b&gt;What if the shops polled?&lt;/b&gt; Orders taken against stale stock in your own audit log</source>
        <translation>&lt;b&gt;Et si les boutiques interrogeaient ?&lt;/b&gt; Commandes prises sur un stock périmé dans votre propre journal</translation>
    </message>
    <message>
        <source>&amp;Polling every:</source>
        <translation>&amp;Interrogation toutes les :</translation>
    </message>
    <message>
        <source>&amp;Over the last:</source>
        <translation>&amp;Sur les derniers :</translation>
    </message>
    <message>
        <source>Orders per window:</source>
        <translation>Commandes par fenêtre :</translation>
    </message>
    <message>
        <source>Taken against stale stock per window, polling:</source>
        <translation>Prises sur un stock périmé par fenêtre, interrogation :</translation>
    </message>
    <message>
        <source>Taken against stale stock per window, measured lag (p99 %1 ms):</source>
        <translation>Prises sur un stock périmé par fenêtre, délai mesuré (p99 %1 ms) :</translation>
    </message>
    <message>
        <source>Taken against stale stock per window, measured lag:</source>
        <translation>Prises sur un stock périmé par fenêtre, délai mesuré :</translation>
    </message>
    <message>
        <source>- (no lag recorded yet)</source>
        <translation>- (aucun délai mesuré pour l’instant)</translation>
    </message>
    <message>
        <source>Cannot replay the audit log: %1</source>
        <translation>Impossible de rejouer le journal : %1</translation>
    </message>
    <message>
        <source>Waiting for the core…</source>
        <translation>En attente du cœur…</translation>
    </message>
    <message>
        <source>%1 orders from %2 to %3, %4 windows of %5 min. A change reaches a polling shop up to a whole interval later; a shop always knows its own sales.</source>
        <translation>%1 commandes du %2 au %3, %4 fenêtres de %5 min. Un changement atteint une boutique qui interroge jusqu’à un intervalle entier plus tard ; une boutique connaît toujours ses propres ventes.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>One source of truth for stock across channels.</source>
        <translation>Une seule source de vérité pour le stock sur tous les canaux.</translation>
    </message>
    <message>
        <source>Run against simulated channels with a synthetic order stream, in a temporary database.</source>
        <translation>Fonctionner avec des canaux simulés et un flux de commandes synthétique, dans une base temporaire.</translation>
    </message>
    <message>
        <source>The inventory database.</source>
        <translation>La base de données du stock.</translation>
    </message>
    <message>
        <source>The channels config.</source>
        <translation>La configuration des canaux.</translation>
    </message>
    <message>
        <source>Write a PNG of every tab to DIR after a few seconds, then quit.</source>
        <translation>Écrire un PNG de chaque onglet dans DIR après quelques secondes, puis quitter.</translation>
    </message>
    <message>
        <source>Seconds before the screenshots.</source>
        <translation>Secondes avant les captures d&apos;écran.</translation>
    </message>
    <message>
        <source>Language (de, fr, ...) instead of the system one.</source>
        <translation>Langue (de, fr, ...) au lieu de celle du système.</translation>
    </message>
    <message>
        <source>With --screenshot: also map the imported listings and shoot the Drift tab after it.</source>
        <translation>Avec --screenshot : associer aussi les annonces importées et capturer ensuite l’onglet Écarts.</translation>
    </message>
    <message>
        <source>On a shared PostgreSQL inventory, propagate and take channels&apos; leases like a serve worker instead of only watching.</source>
        <translation>Sur un inventaire PostgreSQL partagé, propager et prendre les baux des canaux comme un worker serve au lieu de seulement observer.</translation>
    </message>
</context>
</TS>
