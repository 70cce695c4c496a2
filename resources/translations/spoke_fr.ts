<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ArrivalNotice</name>
    <message>
        <source>Open the case</source>
        <translation>Ouvrir le cas</translation>
    </message>
    <message>
        <source>Open the case with the new recommendations</source>
        <translation>Ouvrir le cas avec les nouvelles recommandations</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Fermer l&apos;avis</translation>
    </message>
</context>
<context>
    <name>AudioVideoSettings</name>
    <message>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <source>Calls and recordings use these. Test pattern and test tone are built in, for trying Spoke without a camera or microphone.</source>
        <translation>Les appels et les enregistrements les utilisent. La mire et le son de test sont intégrés, pour essayer Spoke sans caméra ni micro.</translation>
    </message>
    <message>
        <source>Looking for cameras, microphones and speakers…</source>
        <translation>Recherche des caméras, micros et haut-parleurs…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Aucune caméra trouvée</translation>
    </message>
    <message>
        <source>No camera chosen</source>
        <translation>Aucune caméra choisie</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>No microphone found</source>
        <translation>Aucun micro trouvé</translation>
    </message>
    <message>
        <source>No microphone chosen</source>
        <translation>Aucun micro choisi</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Haut-parleur</translation>
    </message>
    <message>
        <source>No speaker found</source>
        <translation>Aucun haut-parleur trouvé</translation>
    </message>
    <message>
        <source>No speaker chosen</source>
        <translation>Aucun haut-parleur choisi</translation>
    </message>
    <message>
        <source>Look for devices again</source>
        <translation>Rechercher à nouveau les périphériques</translation>
    </message>
    <message>
        <source>After plugging in a camera or a headset</source>
        <translation>Après avoir branché une caméra ou un casque</translation>
    </message>
    <message>
        <source>Sound clean-up</source>
        <translation>Nettoyage du son</translation>
    </message>
    <message>
        <source>Turn these off only if your headset already does the same work.</source>
        <translation>Ne les désactivez que si votre casque fait déjà ce travail.</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Annulation d&apos;écho</translation>
    </message>
    <message>
        <source>Noise suppression</source>
        <translation>Réduction du bruit</translation>
    </message>
    <message>
        <source>Automatic gain</source>
        <translation>Gain automatique</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Aperçu de la caméra</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Affichage : %1</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
    </message>
    <message>
        <source>Level %1 dBFS, peak %2 dBFS</source>
        <translation>Niveau %1 dBFS, crête %2 dBFS</translation>
    </message>
    <message>
        <source>No sound is being picked up.</source>
        <translation>Aucun son n&apos;est capté.</translation>
    </message>
    <message>
        <source>Test my audio</source>
        <translation>Tester mon audio</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <source>Unmute</source>
        <translation>Activer le micro</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Couper le micro</translation>
    </message>
    <message>
        <source>Ctrl+D or M</source>
        <translation>Ctrl+D ou M</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Arrêter la caméra</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Démarrer la caméra</translation>
    </message>
    <message>
        <source>Ctrl+E or V</source>
        <translation>Ctrl+E ou V</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Muted by the chair</source>
        <translation>Micro coupé par le modérateur</translation>
    </message>
    <message>
        <source>The chair has muted you; raise your hand to ask to speak</source>
        <translation>Le modérateur a coupé votre micro ; levez la main pour demander la parole</translation>
    </message>
    <message>
        <source>Lower hand</source>
        <translation>Baisser la main</translation>
    </message>
    <message>
        <source>Raise hand</source>
        <translation>Lever la main</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Arrêter le partage</translation>
    </message>
    <message>
        <source>Share screen</source>
        <translation>Partager l&apos;écran</translation>
    </message>
    <message>
        <source>Show your screen or one window to everyone (Ctrl+Shift+S)</source>
        <translation>Montrer votre écran ou une fenêtre à tous (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Audio seul</translation>
    </message>
    <message>
        <source>Send and receive no video (Ctrl+Shift+A)</source>
        <translation>N&apos;envoyer ni recevoir de vidéo (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Don&apos;t receive video</source>
        <translation>Ne pas recevoir la vidéo</translation>
    </message>
    <message>
        <source>The others&apos; video stays on the server; yours is sent as the camera says (Ctrl+Shift+R)</source>
        <translation>La vidéo des autres reste sur le serveur ; la vôtre est envoyée selon l&apos;état de votre caméra (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>CallEventText</name>
    <message>
        <source>No speaker is chosen: you will not hear the others.</source>
        <translation>Aucun haut-parleur n&apos;est choisi : vous n&apos;entendrez pas les autres.</translation>
    </message>
    <message>
        <source>No speaker is available: you will not hear the others.</source>
        <translation>Aucun haut-parleur n&apos;est disponible : vous n&apos;entendrez pas les autres.</translation>
    </message>
    <message>
        <source>The speaker could not be used (%1): you will not hear the others.</source>
        <translation>Le haut-parleur n&apos;a pas pu être utilisé (%1) : vous n&apos;entendrez pas les autres.</translation>
    </message>
    <message>
        <source>The speaker stopped working (%1); the others can no longer be heard.</source>
        <translation>Le haut-parleur a cessé de fonctionner (%1) ; les autres ne sont plus audibles.</translation>
    </message>
    <message>
        <source>The camera could not be used (%1); sending the test pattern.</source>
        <translation>La caméra n&apos;a pas pu être utilisée (%1) ; envoi de la mire de test.</translation>
    </message>
    <message>
        <source>The screen could not be used (%1); sending the test pattern.</source>
        <translation>L&apos;écran n&apos;a pas pu être utilisé (%1) ; envoi de la mire de test.</translation>
    </message>
    <message>
        <source>The microphone could not be used (%1); you are muted.</source>
        <translation>Le micro n&apos;a pas pu être utilisé (%1) ; votre micro est coupé.</translation>
    </message>
    <message>
        <source>The session room is protected and this laptop has no pass for it.</source>
        <translation>La salle de séance est protégée et cet ordinateur n&apos;a pas de laissez-passer pour elle.</translation>
    </message>
    <message>
        <source>The session room %1 does not exist on the server. The session may have ended, or the address may be out of date.</source>
        <translation>La salle de séance %1 n&apos;existe pas sur le serveur. La séance est peut-être terminée, ou l&apos;adresse n&apos;est plus à jour.</translation>
    </message>
    <message>
        <source>The session room %1 is full: it takes no more participants.</source>
        <translation>La salle de séance %1 est pleine : elle n&apos;accepte plus de participants.</translation>
    </message>
    <message>
        <source>This laptop is already in session room %1, perhaps in another window.</source>
        <translation>Cet ordinateur est déjà dans la salle de séance %1, peut-être dans une autre fenêtre.</translation>
    </message>
    <message>
        <source>The server did not let us into session room %1.</source>
        <translation>Le serveur ne nous a pas laissés entrer dans la salle de séance %1.</translation>
    </message>
    <message>
        <source>The connection to the session was lost and could not be restored.</source>
        <translation>La connexion à la séance a été perdue et n&apos;a pas pu être rétablie.</translation>
    </message>
    <message>
        <source>The session server does not offer video rooms (%1). Ask your hub whether the session address is right.</source>
        <translation>Le serveur de séance ne propose pas de salles vidéo (%1). Demandez à votre hub si l&apos;adresse de séance est correcte.</translation>
    </message>
    <message>
        <source>The call&apos;s network connection could not be set up (%1).</source>
        <translation>La connexion réseau de l&apos;appel n&apos;a pas pu être établie (%1).</translation>
    </message>
    <message>
        <source>The session server did not accept this laptop&apos;s picture and sound (%1).</source>
        <translation>Le serveur de séance n&apos;a pas accepté l&apos;image et le son de cet ordinateur (%1).</translation>
    </message>
    <message>
        <source>The session server&apos;s answer could not be used (%1).</source>
        <translation>La réponse du serveur de séance était inutilisable (%1).</translation>
    </message>
    <message>
        <source>The session server at %1 cannot be reached. Check your network connection, or ask your hub whether the session address is right.</source>
        <translation>Le serveur de séance %1 est injoignable. Vérifiez votre connexion réseau, ou demandez à votre hub si l&apos;adresse de séance est correcte.</translation>
    </message>
    <message>
        <source>The hub&apos;s relay server for calls could not be found. Check your network connection and try again.</source>
        <translation>Le serveur relais du hub pour les appels est introuvable. Vérifiez votre connexion réseau et réessayez.</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <source>Call status: %1</source>
        <translation>État de l&apos;appel : %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion : %1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connecting to the session…</source>
        <translation>Connexion à la séance…</translation>
    </message>
    <message>
        <source>Join again</source>
        <translation>Rejoindre à nouveau</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Back to Spoke</source>
        <translation>Retour à Spoke</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Détails de la connexion</translation>
    </message>
    <message>
        <source>Leave the session?</source>
        <translation>Quitter la séance ?</translation>
    </message>
    <message>
        <source>The others will see that you left. You can join again while the session runs.</source>
        <translation>Les autres verront que vous avez quitté la séance. Vous pouvez la rejoindre à nouveau tant qu&apos;elle se déroule.</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Rester</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>CallQuality</name>
    <message>
        <source>Everything within normal limits</source>
        <translation>Tout est dans les limites normales</translation>
    </message>
    <message>
        <source>%1 % of packets lost</source>
        <translation>%1 % de paquets perdus</translation>
    </message>
    <message>
        <source>%1 ms delay</source>
        <translation>%1 ms de délai</translation>
    </message>
    <message numerus="yes">
        <source>%n picture freeze(s) in %1 s</source>
        <translation>
            <numerusform>%n gel d&apos;image en %1 s</numerusform>
            <numerusform>%n gels d&apos;image en %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>sending only %1 kbit/s</source>
        <translation>envoi de seulement %1 kbit/s</translation>
    </message>
</context>
<context>
    <name>CallTile</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>micro coupé</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>parle</translation>
    </message>
    <message>
        <source>camera off</source>
        <translation>caméra arrêtée</translation>
    </message>
    <message>
        <source>Waiting for video…</source>
        <translation>En attente de la vidéo…</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra arrêtée</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Micro coupé</translation>
    </message>
    <message>
        <source>%1&apos;s screen</source>
        <translation>Écran de %1</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Audio seul</translation>
    </message>
    <message>
        <source>Video not received</source>
        <translation>Vidéo non reçue</translation>
    </message>
    <message>
        <source>No new picture</source>
        <translation>Pas de nouvelle image</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <source>The test pattern could not start either: %1</source>
        <translation>La mire de test n&apos;a pas pu démarrer non plus : %1</translation>
    </message>
    <message>
        <source>Showing the test pattern instead.</source>
        <translation>Affichage de la mire de test à la place.</translation>
    </message>
    <message>
        <source>No camera was found.</source>
        <translation>Aucune caméra n&apos;a été trouvée.</translation>
    </message>
    <message>
        <source>The camera could not be opened: %1.</source>
        <translation>La caméra n&apos;a pas pu être ouverte : %1.</translation>
    </message>
    <message>
        <source>The camera stopped: %1.</source>
        <translation>La caméra s&apos;est arrêtée : %1.</translation>
    </message>
</context>
<context>
    <name>CaseEditorFindings</name>
    <message>
        <source>Identifier check</source>
        <translation>Contrôle des données identifiantes</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>No possible identifiers found.</source>
        <translation>Aucune donnée identifiante possible trouvée.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) to resolve before the case can be marked ready.</source>
        <translation>
            <numerusform>%n donnée identifiante possible à traiter avant de pouvoir marquer le cas comme prêt.</numerusform>
            <numerusform>%n données identifiantes possibles à traiter avant de pouvoir marquer le cas comme prêt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible identifier: %1</source>
        <translation>Donnée identifiante possible : %1</translation>
    </message>
    <message>
        <source>Redact as %1</source>
        <translation>Masquer par %1</translation>
    </message>
    <message>
        <source>Replace %1 by %2</source>
        <translation>Remplacer %1 par %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not an identifier…</source>
        <translation>Pas une donnée identifiante…</translation>
    </message>
    <message>
        <source>Cancel the override</source>
        <translation>Annuler la dérogation</translation>
    </message>
    <message>
        <source>Mark %1 as not an identifier</source>
        <translation>Marquer %1 comme non identifiant</translation>
    </message>
    <message>
        <source>Why is this not an identifier?</source>
        <translation>Pourquoi n&apos;est-ce pas une donnée identifiante ?</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Motif de la dérogation</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your name, logged with the override</source>
        <translation>Votre nom, consigné avec la dérogation</translation>
    </message>
    <message>
        <source>Log override</source>
        <translation>Consigner la dérogation</translation>
    </message>
    <message>
        <source>Log the override with this reason</source>
        <translation>Consigner la dérogation avec ce motif</translation>
    </message>
    <message>
        <source>Overrides logged</source>
        <translation>Dérogations consignées</translation>
    </message>
    <message>
        <source>%1 in %2: “%3” — %4, %5</source>
        <translation>%1 dans %2 : « %3 » — %4, %5</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Suggestion : %1</translation>
    </message>
</context>
<context>
    <name>CaseEditorPage</name>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Export the de-identified case as PDF</source>
        <translation>Exporter le cas anonymisé en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the case as an echo-case/1.0 file</source>
        <translation>Exporter le cas dans un fichier echo-case/1.0</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Fichiers de cas (*.json)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>État : %1</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save now (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Export file…</source>
        <translation>Exporter le fichier…</translation>
    </message>
    <message>
        <source>Export the case as an echo-case/1.0 JSON file</source>
        <translation>Exporter le cas dans un fichier JSON echo-case/1.0</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>Marquer comme prêt</translation>
    </message>
    <message>
        <source>The case passed the identifier check</source>
        <translation>Le cas a passé le contrôle des données identifiantes</translation>
    </message>
    <message>
        <source>Not ready yet: %1</source>
        <translation>Pas encore prêt : %1</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Chargement du cas</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Soumettre</translation>
    </message>
    <message>
        <source>Submit to the hub</source>
        <translation>Soumettre au hub</translation>
    </message>
    <message>
        <source>Sends the case now, or as soon as the hub can be reached</source>
        <translation>Envoie le cas maintenant, ou dès que le hub est joignable</translation>
    </message>
</context>
<context>
    <name>CaseHubPanel</name>
    <message>
        <source>Returned by the hub with a question</source>
        <translation>Renvoyé par le hub avec une question</translation>
    </message>
    <message>
        <source>The hub asks: %1</source>
        <translation>Le hub demande : %1</translation>
    </message>
    <message>
        <source>Answer it in the case, mark it ready again and submit it.</source>
        <translation>Répondez-y dans le cas, marquez-le à nouveau comme prêt et soumettez-le.</translation>
    </message>
    <message>
        <source>The hub refused this case: %1</source>
        <translation>Le hub a refusé ce cas : %1</translation>
    </message>
    <message>
        <source>Recommendations from the hub</source>
        <translation>Recommandations du hub</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Recommendation by %1: %2</source>
        <translation>Recommandation de %1 : %2</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Import an echo-case/1.0 file</source>
        <translation>Importer un fichier echo-case/1.0</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Fichiers de cas (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Programme of the new case</source>
        <translation>Programme du nouveau cas</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nouveau cas</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>Nouveau cas (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import case file…</source>
        <translation>Importer un fichier de cas…</translation>
    </message>
    <message>
        <source>Import an echo-case/1.0 file (Ctrl+O)</source>
        <translation>Importer un fichier echo-case/1.0 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Cases are checked for patient identifiers on this laptop before they are submitted.</source>
        <translation>Les cas sont contrôlés sur cet ordinateur pour détecter les données identifiantes du patient avant d&apos;être soumis.</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>mis à jour %1</translation>
    </message>
    <message>
        <source>the hub asks: %1</source>
        <translation>le hub demande : %1</translation>
    </message>
    <message>
        <source>The hub asks: %1</source>
        <translation>Le hub demande : %1</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>Open in the case editor</source>
        <translation>Ouvrir dans l&apos;éditeur de cas</translation>
    </message>
    <message>
        <source>Join the live session</source>
        <translation>Rejoindre la séance en direct</translation>
    </message>
    <message>
        <source>Open in the player</source>
        <translation>Ouvrir dans le lecteur</translation>
    </message>
</context>
<context>
    <name>DownloadSettings</name>
    <message>
        <source>Download speed</source>
        <translation>Vitesse de téléchargement</translation>
    </message>
    <message>
        <source>Limit the download speed to</source>
        <translation>Limiter la vitesse de téléchargement à</translation>
    </message>
    <message>
        <source>Limit the download speed</source>
        <translation>Limiter la vitesse de téléchargement</translation>
    </message>
    <message>
        <source>Download speed limit in kilobits per second</source>
        <translation>Limite de vitesse de téléchargement en kilobits par seconde</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>Off by default. A limit leaves room on a shared clinic link for calls; 512 kbit/s brings a one-hour light recording (about 120 MB) in about half an hour.</source>
        <translation>Désactivé par défaut. Une limite laisse de la place aux appels sur la connexion partagée du centre de santé ; à 512 kbit/s, un enregistrement léger d&apos;une heure (environ 120 Mo) arrive en une demi-heure environ.</translation>
    </message>
    <message>
        <source>Allowed hours</source>
        <translation>Heures autorisées</translation>
    </message>
    <message>
        <source>Download only from</source>
        <translation>Télécharger seulement de</translation>
    </message>
    <message>
        <source>Download only during chosen hours</source>
        <translation>Télécharger seulement aux heures choisies</translation>
    </message>
    <message>
        <source>From hour</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>To hour</source>
        <translation>Heure de fin</translation>
    </message>
    <message>
        <source>Local time. From 22:00 to 06:00 goes past midnight. Outside these hours a download waits and goes on by itself.</source>
        <translation>Heure locale. De 22:00 à 06:00 passe minuit. En dehors de ces heures, un téléchargement attend et reprend tout seul.</translation>
    </message>
    <message>
        <source>Allowed networks</source>
        <translation>Réseaux autorisés</translation>
    </message>
    <message>
        <source>Network connections</source>
        <translation>Connexions réseau</translation>
    </message>
    <message>
        <source>any network</source>
        <translation>n&apos;importe quel réseau</translation>
    </message>
    <message>
        <source>Allowed network connections, separated by commas; empty for any</source>
        <translation>Connexions réseau autorisées, séparées par des virgules ; vide pour toutes</translation>
    </message>
    <message>
        <source>Names of network connections as the system calls them (e.g. eth0, wlan0), separated by commas. Empty: any. This laptop goes out through: %1.</source>
        <translation>Noms des connexions réseau tels que le système les appelle (p. ex. eth0, wlan0), séparés par des virgules. Vide : toutes. Cet ordinateur sort par : %1.</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>aucun réseau</translation>
    </message>
    <message>
        <source>Spoke tells connections apart by the device they use, not by the Wi-Fi network&apos;s name: two Wi-Fi networks on the same card look the same. A phone shared by USB or a mobile modem shows as its own connection.</source>
        <translation>Spoke distingue les connexions par le périphérique qu&apos;elles utilisent, pas par le nom du réseau Wi-Fi : deux réseaux Wi-Fi sur la même carte se ressemblent. Un téléphone partagé par USB ou un modem mobile apparaît comme une connexion à part.</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>days from the presentation (0 = presentation, negative = before)</source>
        <translation>jours depuis la présentation (0 = présentation, négatif = avant)</translation>
    </message>
    <message>
        <source>Choose the country first</source>
        <translation>Choisissez d&apos;abord le pays</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>FormFindings</name>
    <message>
        <source>Possible identifier: %1</source>
        <translation>Donnée identifiante possible : %1</translation>
    </message>
    <message>
        <source>Redact as %1</source>
        <translation>Masquer par %1</translation>
    </message>
    <message>
        <source>Replace %1 by %2</source>
        <translation>Remplacer %1 par %2</translation>
    </message>
</context>
<context>
    <name>FormTable</name>
    <message>
        <source>No attachments.</source>
        <translation>Aucune pièce jointe.</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>Aucune ligne pour l&apos;instant.</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, ligne %2 : %3</translation>
    </message>
    <message>
        <source>day, e.g. -14</source>
        <translation>jour, p. ex. -14</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove row %1 of %2</source>
        <translation>Supprimer la ligne %1 sur %2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Add a row to %1</source>
        <translation>Ajouter une ligne à %1</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Ajouter une photo…</translation>
    </message>
    <message>
        <source>Add a photo; its metadata is removed before it is attached</source>
        <translation>Ajouter une photo ; ses métadonnées sont supprimées avant qu&apos;elle soit jointe</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Non jointe</translation>
    </message>
    <message>
        <source>Add a photo to the case</source>
        <translation>Ajouter une photo au cas</translation>
    </message>
    <message>
        <source>Photos (*.png *.jpg *.jpeg)</source>
        <translation>Photos (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FormTextList</name>
    <message>
        <source>%1, item %2</source>
        <translation>%1, élément %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove item %1 of %2</source>
        <translation>Supprimer l&apos;élément %1 sur %2</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Ajouter un élément</translation>
    </message>
    <message>
        <source>Add an item to %1</source>
        <translation>Ajouter un élément à %1</translation>
    </message>
</context>
<context>
    <name>HubAccountSettings</name>
    <message>
        <source>Hub account</source>
        <translation>Compte hub</translation>
    </message>
    <message>
        <source>Your programme&apos;s hub holds its schedule, receives your cases and sends back recommendations. Without an account everything stays on this laptop.</source>
        <translation>Le hub de votre programme gère son calendrier, reçoit vos cas et renvoie les recommandations. Sans compte, tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Talking to the hub</source>
        <translation>Communication avec le hub</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub : %1</translation>
    </message>
    <message>
        <source>No programme membership yet.</source>
        <translation>Pas encore membre d&apos;un programme.</translation>
    </message>
    <message>
        <source>Your roles:</source>
        <translation>Vos rôles :</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Sign out of the hub</source>
        <translation>Se déconnecter du hub</translation>
    </message>
    <message>
        <source>Cases and sessions stay on this laptop</source>
        <translation>Les cas et les séances restent sur cet ordinateur</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Adresse du hub</translation>
    </message>
    <message>
        <source>https://hub.example.org</source>
        <translation>https://hub.example.org</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Email for signing in</source>
        <translation>E-mail de connexion</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password for signing in</source>
        <translation>Mot de passe de connexion</translation>
    </message>
    <message>
        <source>Sign in to the hub</source>
        <translation>Se connecter au hub</translation>
    </message>
    <message>
        <source>Join with an invite</source>
        <translation>Rejoindre avec une invitation</translation>
    </message>
    <message>
        <source>Your coordinator sends you an invite code once.</source>
        <translation>Votre coordinateur vous envoie un code d&apos;invitation une seule fois.</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Code d&apos;invitation</translation>
    </message>
    <message>
        <source>Your email</source>
        <translation>Votre e-mail</translation>
    </message>
    <message>
        <source>Your name, as colleagues see it</source>
        <translation>Votre nom, tel que vos collègues le voient</translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation>Mot de passe (au moins 10 caractères)</translation>
    </message>
    <message>
        <source>New password, at least 10 characters</source>
        <translation>Nouveau mot de passe, au moins 10 caractères</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Confirmer le mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Confirmer le nouveau mot de passe</translation>
    </message>
    <message>
        <source>Join the hub</source>
        <translation>Rejoindre le hub</translation>
    </message>
    <message>
        <source>Join the hub with this invite</source>
        <translation>Rejoindre le hub avec cette invitation</translation>
    </message>
</context>
<context>
    <name>HubRecordingsList</name>
    <message>
        <source>Recordings on the hub</source>
        <translation>Enregistrements sur le hub</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the list of recordings on the hub</source>
        <translation>Actualiser la liste des enregistrements sur le hub</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>Light is enough to follow a session on a small screen; audio + slides is the smallest. Downloads go on after a lost connection or a restart, one at a time.</source>
        <translation>La version légère suffit pour suivre une séance sur un petit écran ; audio + diapositives est la plus petite. Les téléchargements reprennent après une coupure de connexion ou un redémarrage, un à la fois.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download %1, %2</source>
        <translation>Télécharger %1, %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the download of %1</source>
        <translation>Mettre en pause le téléchargement de %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the download of %1 and delete what came down</source>
        <translation>Annuler le téléchargement de %1 et supprimer ce qui a été reçu</translation>
    </message>
</context>
<context>
    <name>HubWording</name>
    <message>
        <source>The email or the password is wrong.</source>
        <translation>L&apos;e-mail ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>This email already has an account on the hub, with another password. Use that password to join with this invite.</source>
        <translation>Cet e-mail a déjà un compte sur le hub, avec un autre mot de passe. Utilisez ce mot de passe pour rejoindre avec cette invitation.</translation>
    </message>
    <message>
        <source>The hub no longer accepts this laptop&apos;s sign-in. Sign in again in Settings → Hub account.</source>
        <translation>Le hub n&apos;accepte plus la connexion de cet ordinateur. Reconnectez-vous dans Paramètres → Compte hub.</translation>
    </message>
    <message>
        <source>The hub does not know this invite code. Check it with your coordinator.</source>
        <translation>Le hub ne connaît pas ce code d&apos;invitation. Vérifiez-le avec votre coordinateur.</translation>
    </message>
    <message>
        <source>The hub no longer has this case.</source>
        <translation>Le hub n&apos;a plus ce cas.</translation>
    </message>
    <message>
        <source>The hub does not know what was asked for.</source>
        <translation>Le hub ne connaît pas ce qui a été demandé.</translation>
    </message>
    <message>
        <source>This invite has already been used, or the email is already registered. Ask your coordinator for a new invite, or sign in.</source>
        <translation>Cette invitation a déjà été utilisée, ou l&apos;e-mail est déjà enregistré. Demandez une nouvelle invitation à votre coordinateur, ou connectez-vous.</translation>
    </message>
    <message>
        <source>The hub already has this case, and it has not been returned.</source>
        <translation>Le hub a déjà ce cas, et il ne l&apos;a pas renvoyé.</translation>
    </message>
    <message>
        <source>The hub refused this because the case has changed there. Sync, then try again.</source>
        <translation>Le hub a refusé, car le cas a changé de son côté. Synchronisez, puis réessayez.</translation>
    </message>
    <message>
        <source>Your role in this programme does not allow this.</source>
        <translation>Votre rôle dans ce programme ne le permet pas.</translation>
    </message>
    <message>
        <source>The hub&apos;s identifier check flagged text in this case; nothing was stored there.</source>
        <translation>Le contrôle des données identifiantes du hub a signalé du texte dans ce cas ; rien n&apos;y a été enregistré.</translation>
    </message>
    <message>
        <source>The hub found fields of this case missing or not valid.</source>
        <translation>Le hub a trouvé des champs de ce cas manquants ou non valides.</translation>
    </message>
    <message>
        <source>This is too large for the hub to accept.</source>
        <translation>C&apos;est trop volumineux pour que le hub l&apos;accepte.</translation>
    </message>
    <message>
        <source>Not signed in to a hub. Sign in in Settings → Hub account.</source>
        <translation>Non connecté à un hub. Connectez-vous dans Paramètres → Compte hub.</translation>
    </message>
    <message>
        <source>The hub could not be reached. Check the address and the connection.</source>
        <translation>Le hub est injoignable. Vérifiez l&apos;adresse et la connexion.</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>Le hub n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate was not accepted, so nothing was sent.</source>
        <translation>Le certificat de sécurité du hub n&apos;a pas été accepté, donc rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>The hub had an internal problem. Try again later.</source>
        <translation>Le hub a eu un problème interne. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The hub is running but its database does not answer. Try again later.</source>
        <translation>Le hub fonctionne mais sa base de données ne répond pas. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The hub answered something this version of Spoke does not understand.</source>
        <translation>Le hub a répondu quelque chose que cette version de Spoke ne comprend pas.</translation>
    </message>
    <message>
        <source>This laptop&apos;s offline cache could not be read or written.</source>
        <translation>Le cache hors ligne de cet ordinateur n&apos;a pas pu être lu ou écrit.</translation>
    </message>
    <message>
        <source>The sign-in could not be kept on this laptop (keyring or file not writable).</source>
        <translation>La connexion n&apos;a pas pu être conservée sur cet ordinateur (trousseau ou fichier non modifiable).</translation>
    </message>
    <message>
        <source>The hub refused these details. The password needs at least 10 characters.</source>
        <translation>Le hub a refusé ces informations. Le mot de passe doit contenir au moins 10 caractères.</translation>
    </message>
    <message>
        <source>The hub refused the request as malformed.</source>
        <translation>Le hub a refusé la requête comme mal formée.</translation>
    </message>
    <message>
        <source>This case is no longer in the cache.</source>
        <translation>Ce cas n&apos;est plus dans le cache.</translation>
    </message>
    <message>
        <source>Sign in to your hub first (Settings → Hub account); the case stays on this laptop until then.</source>
        <translation>Connectez-vous d&apos;abord à votre hub (Paramètres → Compte hub) ; le cas reste sur cet ordinateur d&apos;ici là.</translation>
    </message>
    <message>
        <source>This case&apos;s programme is not one of your hub&apos;s programmes, so it cannot be submitted there.</source>
        <translation>Le programme de ce cas ne fait pas partie des programmes de votre hub, il ne peut donc pas y être soumis.</translation>
    </message>
    <message>
        <source>This case has already been submitted and the hub has not returned it.</source>
        <translation>Ce cas a déjà été soumis et le hub ne l&apos;a pas renvoyé.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) must be redacted, or overridden with a reason, first.</source>
        <translation>
            <numerusform>%n donnée identifiante possible doit d&apos;abord être masquée, ou faire l&apos;objet d&apos;une dérogation motivée.</numerusform>
            <numerusform>%n données identifiantes possibles doivent d&apos;abord être masquées, ou faire l&apos;objet d&apos;une dérogation motivée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention first.</source>
        <translation>
            <numerusform>%n champ doit d&apos;abord être vérifié.</numerusform>
            <numerusform>%n champs doivent d&apos;abord être vérifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved case is not a readable echo-case document.</source>
        <translation>Le cas enregistré n&apos;est pas un document echo-case lisible.</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinateur</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Spécialiste</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Clinicien</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Sent to the hub</source>
        <translation>Envoyé au hub</translation>
    </message>
    <message>
        <source>Scheduled for a session</source>
        <translation>Programmé pour une séance</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Présenté</translation>
    </message>
    <message>
        <source>Recommendations received</source>
        <translation>Recommandations reçues</translation>
    </message>
    <message>
        <source>Returned with a question</source>
        <translation>Renvoyé avec une question</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumis</translation>
    </message>
    <message>
        <source>Recommendations sent</source>
        <translation>Recommandations envoyées</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Refusé par le hub</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Synchronisé à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n min ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n min</numerusform>
            <numerusform>Synchronisé il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n h ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n h</numerusform>
            <numerusform>Synchronisé il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Non téléchargé</translation>
    </message>
    <message>
        <source>Import a recording</source>
        <translation>Importer un enregistrement</translation>
    </message>
    <message>
        <source>Recordings (*.webm *.mkv *.mp4)</source>
        <translation>Enregistrements (*.webm *.mkv *.mp4)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import recording…</source>
        <translation>Importer un enregistrement…</translation>
    </message>
    <message>
        <source>Import a recording (Ctrl+O)</source>
        <translation>Importer un enregistrement (Ctrl+O)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>WebM, MKV or MP4 recordings, e.g. a hub&apos;s edited recording, are copied into the library with their chapters.</source>
        <translation>Les enregistrements WebM, MKV ou MP4, p. ex. l&apos;enregistrement monté d&apos;un hub, sont copiés dans la bibliothèque avec leurs chapitres.</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>non téléchargé</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>Cas : %1</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Lire</translation>
    </message>
    <message>
        <source>Library sections</source>
        <translation>Sections de la bibliothèque</translation>
    </message>
    <message>
        <source>Alt+R</source>
        <translation>Alt+R</translation>
    </message>
    <message>
        <source>From the hub</source>
        <translation>Du hub</translation>
    </message>
    <message>
        <source>Alt+F</source>
        <translation>Alt+F</translation>
    </message>
</context>
<context>
    <name>LiveAgenda</name>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <source>This call is not linked to a session on your hub, so there is no agenda.</source>
        <translation>Cet appel n&apos;est pas lié à une séance de votre hub : il n&apos;y a donc pas d&apos;ordre du jour.</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Points de l&apos;ordre du jour</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>en cours depuis %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>a duré %1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation>Lancé par %1</translation>
    </message>
    <message>
        <source>Took %1 (started by %2)</source>
        <translation>A duré %1 (lancé par %2)</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Modérateur</translation>
    </message>
    <message>
        <source>Start next item: %1</source>
        <translation>Passer au point suivant : %1</translation>
    </message>
    <message>
        <source>Start next item</source>
        <translation>Passer au point suivant</translation>
    </message>
    <message>
        <source>Ends the running item and starts the next one for everyone</source>
        <translation>Termine le point en cours et lance le suivant pour tous</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Terminer la séance</translation>
    </message>
    <message>
        <source>Waiting for the hub</source>
        <translation>En attente du hub</translation>
    </message>
    <message>
        <source>End the session for everyone?</source>
        <translation>Terminer la séance pour tous ?</translation>
    </message>
    <message>
        <source>The running item ends now and the hub records the session as over.</source>
        <translation>Le point en cours se termine maintenant et le hub enregistre la séance comme terminée.</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>LiveCase</name>
    <message>
        <source>Case %1</source>
        <translation>Cas %1</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Chargement du cas</translation>
    </message>
    <message>
        <source>The case, read-only</source>
        <translation>Le cas, en lecture seule</translation>
    </message>
    <message>
        <source>The case as submitted, de-identified</source>
        <translation>Le cas tel que soumis, anonymisé</translation>
    </message>
    <message>
        <source>Choose a case</source>
        <translation>Choisir un cas</translation>
    </message>
    <message>
        <source>Case to show</source>
        <translation>Cas à afficher</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <source>Show the case in its own window</source>
        <translation>Afficher le cas dans sa propre fenêtre</translation>
    </message>
    <message>
        <source>The case is in its own window. Turn Detach off to bring it back.</source>
        <translation>Le cas est dans sa propre fenêtre. Désactivez Détacher pour le ramener.</translation>
    </message>
    <message>
        <source>Case %1 (read-only)</source>
        <translation>Cas %1 (lecture seule)</translation>
    </message>
    <message>
        <source>Follow the presenter</source>
        <translation>Suivre le présentateur</translation>
    </message>
    <message>
        <source>Follow the presenter&apos;s case and section again</source>
        <translation>Suivre à nouveau le cas et la section du présentateur</translation>
    </message>
</context>
<context>
    <name>LiveChat</name>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Chat messages</source>
        <translation>Messages de la discussion</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry sending: %1</source>
        <translation>Réessayer l&apos;envoi : %1</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Aucun message pour l&apos;instant.</translation>
    </message>
    <message>
        <source>This call is not linked to a session on your hub, so there is no chat.</source>
        <translation>Cet appel n&apos;est pas lié à une séance de votre hub : il n&apos;y a donc pas de discussion.</translation>
    </message>
    <message>
        <source>Message everyone</source>
        <translation>Message à tous</translation>
    </message>
    <message>
        <source>Chat message</source>
        <translation>Message de discussion</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
</context>
<context>
    <name>LiveHands</name>
    <message>
        <source>Raised hands</source>
        <translation>Mains levées</translation>
    </message>
    <message>
        <source>Lower my hand</source>
        <translation>Baisser ma main</translation>
    </message>
    <message>
        <source>Raise my hand</source>
        <translation>Lever ma main</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>No hands are up.</source>
        <translation>Aucune main levée.</translation>
    </message>
    <message numerus="yes">
        <source>%n hand(s) up, first raised first:</source>
        <translation>
            <numerusform>%n main levée, par ordre de levée :</numerusform>
            <numerusform>%n mains levées, par ordre de levée :</numerusform>
        </translation>
    </message>
    <message>
        <source>Raised hands in order</source>
        <translation>Mains levées dans l&apos;ordre</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Baisser</translation>
    </message>
    <message>
        <source>Lower the hand of %1</source>
        <translation>Baisser la main de %1</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Hands</source>
        <translation>Mains</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositives</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1 (Alt+%2)</translation>
    </message>
</context>
<context>
    <name>LiveParticipants</name>
    <message>
        <source>Mic on</source>
        <translation>Micro activé</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Micro coupé</translation>
    </message>
    <message>
        <source>Muted by the chair</source>
        <translation>Micro coupé par le modérateur</translation>
    </message>
    <message>
        <source>Mic unknown</source>
        <translation>Micro inconnu</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Caméra activée</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra arrêtée</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Audio seul</translation>
    </message>
    <message>
        <source>Camera unknown</source>
        <translation>Caméra inconnue</translation>
    </message>
    <message>
        <source>People in the call (%1)</source>
        <translation>Participants à l&apos;appel (%1)</translation>
    </message>
    <message>
        <source>People in the call</source>
        <translation>Participants à l&apos;appel</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <source>role unknown</source>
        <translation>rôle inconnu</translation>
    </message>
    <message>
        <source>hand raised, number %1</source>
        <translation>main levée, numéro %1</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>connexion %1</translation>
    </message>
    <message>
        <source>Hand %1</source>
        <translation>Main %1</translation>
    </message>
    <message>
        <source>Role not known</source>
        <translation>Rôle inconnu</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion : %1</translation>
    </message>
    <message>
        <source>Connection: measuring</source>
        <translation>Connexion : mesure en cours</translation>
    </message>
    <message>
        <source>Allow to speak</source>
        <translation>Donner la parole</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Couper le micro</translation>
    </message>
    <message>
        <source>Allow %1 to speak</source>
        <translation>Donner la parole à %1</translation>
    </message>
    <message>
        <source>Mute %1 for everyone</source>
        <translation>Couper le micro de %1 pour tous</translation>
    </message>
    <message>
        <source>Remove from session</source>
        <translation>Retirer de la séance</translation>
    </message>
    <message>
        <source>Remove %1 from the session</source>
        <translation>Retirer %1 de la séance</translation>
    </message>
    <message>
        <source>People in the room with me</source>
        <translation>Personnes présentes dans la salle avec moi</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Noms, séparés par des virgules</translation>
    </message>
    <message>
        <source>Names of the people in the room with me</source>
        <translation>Noms des personnes présentes dans la salle avec moi</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Consigner</translation>
    </message>
    <message>
        <source>Record them as present</source>
        <translation>Les consigner comme présents</translation>
    </message>
    <message>
        <source>Remove from the session?</source>
        <translation>Retirer de la séance ?</translation>
    </message>
    <message>
        <source>%1 leaves the call now and cannot join this session again.</source>
        <translation>%1 quitte l&apos;appel maintenant et ne pourra plus rejoindre cette séance.</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Ne pas retirer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>LiveSlides</name>
    <message>
        <source>Share slides with everyone (PDF)</source>
        <translation>Partager des diapositives avec tous (PDF)</translation>
    </message>
    <message>
        <source>Open slides on this laptop only (PDF)</source>
        <translation>Ouvrir des diapositives sur cet ordinateur seulement (PDF)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositives</translation>
    </message>
    <message>
        <source>Share another…</source>
        <translation>Partager un autre…</translation>
    </message>
    <message>
        <source>Share a PDF…</source>
        <translation>Partager un PDF…</translation>
    </message>
    <message>
        <source>Share a PDF with everyone</source>
        <translation>Partager un PDF avec tous</translation>
    </message>
    <message>
        <source>Open here only…</source>
        <translation>Ouvrir ici seulement…</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Ouvrir un autre…</translation>
    </message>
    <message>
        <source>Open a PDF…</source>
        <translation>Ouvrir un PDF…</translation>
    </message>
    <message>
        <source>Open a PDF on this laptop only</source>
        <translation>Ouvrir un PDF sur cet ordinateur seulement</translation>
    </message>
    <message>
        <source>Transferring the slides</source>
        <translation>Transfert des diapositives</translation>
    </message>
    <message>
        <source>Drawing the page</source>
        <translation>Affichage de la page</translation>
    </message>
    <message>
        <source>Share the deck you present: everyone downloads it once and follows your pages. When someone else presents, their slides appear here.</source>
        <translation>Partagez la présentation que vous présentez : chacun la télécharge une fois et suit vos pages. Quand quelqu&apos;un d&apos;autre présente, ses diapositives apparaissent ici.</translation>
    </message>
    <message>
        <source>Open the deck you present to page through it here.</source>
        <translation>Ouvrez la présentation que vous présentez pour la feuilleter ici.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Page précédente (Page préc.)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Page suivante (Page suiv.)</translation>
    </message>
    <message>
        <source>Follow the presenter</source>
        <translation>Suivre le présentateur</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Spoke is locked</source>
        <translation>Spoke est verrouillé</translation>
    </message>
    <message>
        <source>Enter the PIN of this profile to go on.</source>
        <translation>Saisissez le code PIN de ce profil pour continuer.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Your live session goes on while Spoke is locked: you still hear it, and your microphone and camera stay as they were.</source>
        <translation>Votre séance en direct continue pendant que Spoke est verrouillé : vous l&apos;entendez toujours, et votre micro et votre caméra restent dans le même état.</translation>
    </message>
    <message>
        <source>Forgot the PIN? Ask whoever looks after this laptop.</source>
        <translation>Code PIN oublié ? Demandez à la personne qui gère cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Spoke</source>
        <translation>Spoke</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>teleECHO telementoring</source>
        <translation>Télémentorat teleECHO</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Retour</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Spoke could not open its offline cache. %1</source>
        <translation>Spoke n&apos;a pas pu ouvrir son cache hors ligne. %1</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Practice session with the hub</source>
        <translation>Séance d&apos;entraînement avec le hub</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller maintenant</translation>
    </message>
</context>
<context>
    <name>PlayerEntry</name>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <source>Player</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Recording video</source>
        <translation>Vidéo de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>Nothing to play</source>
        <translation>Rien à lire</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Previous chapter</source>
        <translation>Chapitre précédent</translation>
    </message>
    <message>
        <source>Previous chapter ( [ )</source>
        <translation>Chapitre précédent ( [ )</translation>
    </message>
    <message>
        <source>−10 s</source>
        <translation>−10 s</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>Reculer de 10 secondes</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <source>+10 s</source>
        <translation>+10 s</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>Avancer de 10 secondes</translation>
    </message>
    <message>
        <source>Next chapter</source>
        <translation>Chapitre suivant</translation>
    </message>
    <message>
        <source>Next chapter ( ] )</source>
        <translation>Chapitre suivant ( ] )</translation>
    </message>
    <message>
        <source>Time %1 of %2</source>
        <translation>Temps %1 sur %2</translation>
    </message>
    <message>
        <source>%1× speed</source>
        <translation>Vitesse %1×</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Keys: Space or K play/pause · ←/→ 5 s · J/L 10 s · [ ] chapters · B bookmark</source>
        <translation>Touches : Espace ou K lecture/pause · ←/→ 5 s · J/L 10 s · [ ] chapitres · B signet</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositives</translation>
    </message>
    <message>
        <source>Audio and slides: %1</source>
        <translation>Audio et diapositives : %1</translation>
    </message>
</context>
<context>
    <name>PlayerSidePanel</name>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Signets et notes</translation>
    </message>
    <message>
        <source>This recording has no chapters.</source>
        <translation>Cet enregistrement n&apos;a pas de chapitres.</translation>
    </message>
    <message>
        <source>Note at %1</source>
        <translation>Note à %1</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texte de la note</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Signet</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <source>Add a bookmark here</source>
        <translation>Ajouter un signet ici</translation>
    </message>
    <message>
        <source>Add the note here</source>
        <translation>Ajouter la note ici</translation>
    </message>
    <message>
        <source>No notes yet. Press B while watching to bookmark a moment.</source>
        <translation>Aucune note pour l&apos;instant. Appuyez sur B pendant la lecture pour marquer un moment.</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositives</translation>
    </message>
    <message>
        <source>Chat (%1)</source>
        <translation>Discussion (%1)</translation>
    </message>
    <message>
        <source>Chat so far</source>
        <translation>Discussion jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Case form of this chapter</source>
        <translation>Fiche de cas de ce chapitre</translation>
    </message>
    <message>
        <source>No chat for this recording.</source>
        <translation>Pas de discussion pour cet enregistrement.</translation>
    </message>
    <message>
        <source>Nothing said in the chat yet at this point.</source>
        <translation>Rien n&apos;a encore été dit dans la discussion à ce moment.</translation>
    </message>
    <message>
        <source>No case is presented in this chapter.</source>
        <translation>Aucun cas n&apos;est présenté dans ce chapitre.</translation>
    </message>
    <message>
        <source>Section shown: %1</source>
        <translation>Section affichée : %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>Prêt à soumettre</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumis</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Présenté</translation>
    </message>
    <message>
        <source>Recommendations received</source>
        <translation>Recommandations reçues</translation>
    </message>
    <message>
        <source>This case is no longer in the cache.</source>
        <translation>Ce cas n&apos;est plus dans le cache.</translation>
    </message>
    <message>
        <source>This case was already submitted; changes are no longer saved here.</source>
        <translation>Ce cas a déjà été soumis ; les modifications ne sont plus enregistrées ici.</translation>
    </message>
    <message>
        <source>Cannot store the cleaned file in %1.</source>
        <translation>Impossible d&apos;enregistrer le fichier nettoyé dans %1.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Cas %1</translation>
    </message>
    <message>
        <source>De-identified copy made by Spoke. Text marked like [NAME] was replaced before export.</source>
        <translation>Copie anonymisée produite par Spoke. Le texte marqué comme [NAME] a été remplacé avant l&apos;export.</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1: %2</source>
        <translation>Le PDF n&apos;a pas pu être écrit dans %1 : %2</translation>
    </message>
    <message>
        <source>Hub specialist</source>
        <translation>Spécialiste du hub</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Animateur</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinateur</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Présentateur</translation>
    </message>
    <message>
        <source>Spoke participant</source>
        <translation>Participant Spoke</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>IT support</source>
        <translation>Support informatique</translation>
    </message>
    <message>
        <source>This session is no longer in the cache.</source>
        <translation>Cette séance n&apos;est plus dans le cache.</translation>
    </message>
    <message>
        <source>%1 in the session</source>
        <translation>%1 dans la séance</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Written recommendations</source>
        <translation>Recommandations écrites</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Question for the hub</source>
        <translation>Question pour le hub</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Age band %1, sex %2</source>
        <translation>Tranche d&apos;âge %1, sexe %2</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>Motif de consultation</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Révision %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Open the session this case belongs to</source>
        <translation>Ouvrir la séance à laquelle appartient ce cas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>This recording is no longer in the cache.</source>
        <translation>Cet enregistrement n&apos;est plus dans le cache.</translation>
    </message>
    <message>
        <source>Saved on this laptop: %1</source>
        <translation>Enregistré sur cet ordinateur : %1</translation>
    </message>
    <message>
        <source>Not downloaded to this laptop yet. Chapters and notes are available offline.</source>
        <translation>Pas encore téléchargé sur cet ordinateur. Les chapitres et les notes sont disponibles hors ligne.</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Signets et notes</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>This case has not been saved yet.</source>
        <translation>Ce cas n&apos;a pas encore été enregistré.</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>Diapositive</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <source>Your recommendation</source>
        <translation>Votre recommandation</translation>
    </message>
    <message>
        <source>Recommendation %1</source>
        <translation>Recommandation %1</translation>
    </message>
    <message>
        <source>Recommendation item %1</source>
        <translation>Point de recommandation %1</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>Supprimer le point %1</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Ajouter un point</translation>
    </message>
    <message>
        <source>Add a numbered recommendation item</source>
        <translation>Ajouter un point de recommandation numéroté</translation>
    </message>
    <message>
        <source>Further advice, in your own words</source>
        <translation>Autres conseils, dans vos propres mots</translation>
    </message>
    <message>
        <source>Recommendation text</source>
        <translation>Texte de la recommandation</translation>
    </message>
    <message>
        <source>Send recommendation</source>
        <translation>Envoyer la recommandation</translation>
    </message>
    <message>
        <source>Send the recommendation to the presenter</source>
        <translation>Envoyer la recommandation au présentateur</translation>
    </message>
    <message>
        <source>Return with a question</source>
        <translation>Renvoyer avec une question</translation>
    </message>
    <message>
        <source>When the case cannot be answered as it stands, ask its presenter.</source>
        <translation>Quand on ne peut pas répondre au cas en l&apos;état, interrogez son présentateur.</translation>
    </message>
    <message>
        <source>What should the presenter add or clarify?</source>
        <translation>Que doit ajouter ou préciser le présentateur ?</translation>
    </message>
    <message>
        <source>Question for the presenter</source>
        <translation>Question pour le présentateur</translation>
    </message>
    <message>
        <source>Return with this question</source>
        <translation>Renvoyer avec cette question</translation>
    </message>
    <message>
        <source>Return the case to its presenter with this question</source>
        <translation>Renvoyer le cas à son présentateur avec cette question</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Waiting for review (%1)</source>
        <translation>En attente de revue (%1)</translation>
    </message>
    <message>
        <source>Reload the queue (F5)</source>
        <translation>Recharger la file (F5)</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>Chargement de la file…</translation>
    </message>
    <message>
        <source>No case is waiting for review.</source>
        <translation>Aucun cas n&apos;attend de revue.</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>File de revue</translation>
    </message>
    <message>
        <source>Choose a case from the queue to read it.</source>
        <translation>Choisissez un cas dans la file pour le lire.</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Chargement du cas</translation>
    </message>
    <message>
        <source>Returned with the question: %1</source>
        <translation>Renvoyé avec la question : %1</translation>
    </message>
    <message>
        <source>Recommended by %1, %2:</source>
        <translation>Recommandé par %1, %2 :</translation>
    </message>
    <message>
        <source>The case as submitted, de-identified</source>
        <translation>Le cas tel que soumis, anonymisé</translation>
    </message>
</context>
<context>
    <name>ScreenShareChooser</name>
    <message>
        <source>Share your screen</source>
        <translation>Partager votre écran</translation>
    </message>
    <message>
        <source>Everyone sees it as a tile of its own, sent at about 150 kbit/s (some 22 MB in 20 minutes). For slides, sharing the PDF costs far less.</source>
        <translation>Tous le voient dans une vignette à part, envoyé à environ 150 kbit/s (quelque 22 Mo en 20 minutes). Pour des diapositives, partager le PDF coûte bien moins.</translation>
    </message>
    <message>
        <source>Looking for screens and windows</source>
        <translation>Recherche des écrans et des fenêtres</translation>
    </message>
    <message>
        <source>Screens and windows</source>
        <translation>Écrans et fenêtres</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Share the chosen screen or window</source>
        <translation>Partager l&apos;écran ou la fenêtre choisis</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search sessions, cases, recommendations, notes and chat  (Ctrl+F)</source>
        <translation>Rechercher dans les séances, cas, recommandations, notes et discussions  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Nothing found in this laptop&apos;s cache.</source>
        <translation>Rien trouvé dans le cache de cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>SecuritySettings</name>
    <message>
        <source>App lock</source>
        <translation>Verrouillage de l&apos;application</translation>
    </message>
    <message>
        <source>A PIN locks this profile: when Spoke starts, after the idle time below, and with Lock now (Ctrl+L).</source>
        <translation>Un code PIN verrouille ce profil : au démarrage de Spoke, après le délai d&apos;inactivité ci-dessous, et avec Verrouiller maintenant (Ctrl+L).</translation>
    </message>
    <message>
        <source>No PIN is set. Anyone using this computer account can open this profile&apos;s cases in Spoke.</source>
        <translation>Aucun code PIN n&apos;est défini. Toute personne utilisant ce compte de l&apos;ordinateur peut ouvrir les cas de ce profil dans Spoke.</translation>
    </message>
    <message>
        <source>The PIN belongs to this profile (its data folder): a clinician sharing this computer account with others keeps a profile of their own with --data-dir. The PIN is 4 to 12 digits; easy ones like 0000 or 1234 are refused. Only a slow salted hash of it is kept.</source>
        <translation>Le code PIN appartient à ce profil (son dossier de données) : un soignant qui partage ce compte de l&apos;ordinateur avec d&apos;autres garde son propre profil avec --data-dir. Le code PIN compte de 4 à 12 chiffres ; les codes faciles comme 0000 ou 1234 sont refusés. Seule une empreinte salée et lente à calculer en est conservée.</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Code PIN actuel</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Confirmez-le</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Confirmez le nouveau code PIN</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Changer le code PIN</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Définir le code PIN</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Supprimer le code PIN</translation>
    </message>
    <message>
        <source>Remove the PIN: Spoke no longer locks</source>
        <translation>Supprimer le code PIN : Spoke ne se verrouille plus</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Lock when idle</source>
        <translation>Verrouiller en cas d&apos;inactivité</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Verrouiller après</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Verrouiller après ce nombre de minutes d&apos;inactivité</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the idle time</source>
        <translation>Enregistrer le délai d&apos;inactivité</translation>
    </message>
    <message>
        <source>Enter the current PIN above to change it. No key, click or mouse movement in Spoke for that long locks it; a live session goes on under the lock.</source>
        <translation>Saisissez le code PIN actuel ci-dessus pour le changer. Sans touche, clic ni mouvement de souris dans Spoke pendant ce délai, il se verrouille ; une séance en direct continue sous le verrouillage.</translation>
    </message>
    <message>
        <source>Set a PIN first.</source>
        <translation>Définissez d&apos;abord un code PIN.</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Vérification du code PIN…</translation>
    </message>
    <message>
        <source>The lock keeps this window from whoever walks up to the laptop. It does not encrypt the data folder: anyone who can read its files as this computer account can read the cache, and can remove the lock by deleting app-lock.json there (which is also how to start again after a forgotten PIN).</source>
        <translation>Le verrouillage protège cette fenêtre de toute personne qui s&apos;approche de l&apos;ordinateur. Il ne chiffre pas le dossier de données : quiconque peut lire ses fichiers avec ce compte de l&apos;ordinateur peut lire le cache, et peut retirer le verrouillage en y supprimant app-lock.json (c&apos;est aussi la façon de repartir de zéro après un code PIN oublié).</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>1 case</source>
        <translation>1 cas</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 cas</translation>
    </message>
    <message>
        <source>Recording available</source>
        <translation>Enregistrement disponible</translation>
    </message>
    <message>
        <source>Join live session</source>
        <translation>Rejoindre la séance en direct</translation>
    </message>
    <message>
        <source>Join live session: %1</source>
        <translation>Rejoindre la séance en direct : %1</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Séances passées</translation>
    </message>
    <message>
        <source>Sessions you have attended will be listed here.</source>
        <translation>Les séances auxquelles vous avez assisté seront listées ici.</translation>
    </message>
    <message>
        <source>No sessions on this laptop yet</source>
        <translation>Aucune séance sur cet ordinateur pour l&apos;instant</translation>
    </message>
    <message>
        <source>Your hub has not scheduled a session yet, or it has not been synced. It appears here once it has.</source>
        <translation>Votre hub n&apos;a pas encore programmé de séance, ou elle n&apos;a pas été synchronisée. Elle apparaîtra ici dès que ce sera fait.</translation>
    </message>
    <message>
        <source>Sign in to your programme&apos;s hub to get its schedule, or try the demo programme to look around first. The demo stays on this laptop.</source>
        <translation>Connectez-vous au hub de votre programme pour obtenir son calendrier, ou essayez d&apos;abord le programme de démonstration pour découvrir l&apos;application. La démo reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Try the demo: add a demo programme to look around in</source>
        <translation>Essayer la démo : ajouter un programme de démonstration à découvrir</translation>
    </message>
    <message>
        <source>Hub account…</source>
        <translation>Compte hub…</translation>
    </message>
    <message>
        <source>Open Settings, Hub account, to sign in</source>
        <translation>Ouvrir Paramètres, Compte hub, pour se connecter</translation>
    </message>
    <message>
        <source>No sessions scheduled by your hub.</source>
        <translation>Aucune séance programmée par votre hub.</translation>
    </message>
    <message>
        <source>No sessions scheduled. Your hub&apos;s schedule appears here once you are signed in and it has been synced.</source>
        <translation>Aucune séance programmée. Le calendrier de votre hub apparaît ici une fois que vous êtes connecté et qu&apos;il a été synchronisé.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Offline cache</source>
        <translation>Cache hors ligne</translation>
    </message>
    <message>
        <source>Sessions, cases, recommendations and recordings are kept on this laptop so you can use them without a connection.</source>
        <translation>Les séances, cas, recommandations et enregistrements sont conservés sur cet ordinateur pour que vous puissiez les utiliser sans connexion.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Dossier de données : %1</translation>
    </message>
    <message>
        <source>Reload from cache</source>
        <translation>Recharger depuis le cache</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Spoke %1 — teleECHO telementoring client</source>
        <translation>Spoke %1 — client de télémentorat teleECHO</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Sections des paramètres</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Alt+G</source>
        <translation>Alt+G</translation>
    </message>
    <message>
        <source>Hub account</source>
        <translation>Compte hub</translation>
    </message>
    <message>
        <source>Alt+H</source>
        <translation>Alt+H</translation>
    </message>
    <message>
        <source>Audio &amp;&amp; video</source>
        <translation>Audio &amp;&amp; vidéo</translation>
    </message>
    <message>
        <source>Audio and video</source>
        <translation>Audio et vidéo</translation>
    </message>
    <message>
        <source>Alt+V</source>
        <translation>Alt+V</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Try the demo: add a demo programme to look around in</source>
        <translation>Essayer la démo : ajouter un programme de démonstration à découvrir</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>Séances en direct</translation>
    </message>
    <message>
        <source>The hub gives you its session address. It starts with ws:// or wss://.</source>
        <translation>Le hub vous donne son adresse de séance. Elle commence par ws:// ou wss://.</translation>
    </message>
    <message>
        <source>Session address</source>
        <translation>Adresse de séance</translation>
    </message>
    <message>
        <source>ws://hub.example.org:8188</source>
        <translation>ws://hub.example.org:8188</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <source>Alt+D</source>
        <translation>Alt+D</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Alt+S</source>
        <translation>Alt+S</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language of Spoke, and of its dates and numbers</source>
        <translation>Langue de Spoke, de ses dates et de ses nombres</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Sync with the hub now</source>
        <translation>Synchroniser avec le hub maintenant</translation>
    </message>
</context>
<context>
    <name>spoke::ui::AppController</name>
    <message>
        <source>The demo programme could not be written: %1</source>
        <translation>Le programme de démonstration n&apos;a pas pu être écrit : %1</translation>
    </message>
    <message>
        <source>The demo programme is already on this laptop.</source>
        <translation>Le programme de démonstration est déjà sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The demo programme was added: %1 sessions and %2 cases to look around in. Nothing of it is sent to a hub.</source>
        <translation>Le programme de démonstration a été ajouté : %1 séances et %2 cas à découvrir. Rien n&apos;en est envoyé à un hub.</translation>
    </message>
    <message>
        <source>Not signed in to a hub: changes stay on this laptop</source>
        <translation>Non connecté à un hub : les modifications restent sur cet ordinateur</translation>
    </message>
    <message numerus="yes">
        <source>Not signed in to a hub: %n change(s) wait on this laptop</source>
        <translation>
            <numerusform>Non connecté à un hub : %n modification attend sur cet ordinateur</numerusform>
            <numerusform>Non connecté à un hub : %n modifications attendent sur cet ordinateur</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing with the hub…</source>
        <translation>Synchronisation avec le hub…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the hub; open the case to see why</source>
        <translation>
            <numerusform>%n modification refusée par le hub ; ouvrez le cas pour voir pourquoi</numerusform>
            <numerusform>%n modifications refusées par le hub ; ouvrez le cas pour voir pourquoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation>
            <numerusform>%n modification en attente d&apos;envoi</numerusform>
            <numerusform>%n modifications en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>Rien n&apos;a encore été envoyé</translation>
    </message>
    <message>
        <source>Everything has been sent to the hub</source>
        <translation>Tout a été envoyé au hub</translation>
    </message>
    <message numerus="yes">
        <source>New recommendations from the hub for %n case(s), the newest for %1.</source>
        <translation>
            <numerusform>Nouvelles recommandations du hub pour %n cas, la plus récente pour %1.</numerusform>
            <numerusform>Nouvelles recommandations du hub pour %n cas, la plus récente pour %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New recommendations from the hub for %n case(s).</source>
        <translation>
            <numerusform>Nouvelles recommandations du hub pour %n cas.</numerusform>
            <numerusform>Nouvelles recommandations du hub pour %n cas.</numerusform>
        </translation>
    </message>
    <message>
        <source>New recommendations from the hub.</source>
        <translation>Nouvelles recommandations du hub.</translation>
    </message>
    <message>
        <source>New recommendations from the hub for %1.</source>
        <translation>Nouvelles recommandations du hub pour %1.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::CallModel</name>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>In session</source>
        <translation>En séance</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>You left the session</source>
        <translation>Vous avez quitté la séance</translation>
    </message>
    <message>
        <source>Could not join the session</source>
        <translation>Impossible de rejoindre la séance</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Mesure…</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Mauvaise</translation>
    </message>
    <message>
        <source>This laptop has no network connection to carry the call. Connect to a network and try again.</source>
        <translation>Cet ordinateur n&apos;a pas de connexion réseau pour l&apos;appel. Connectez-vous à un réseau et réessayez.</translation>
    </message>
    <message>
        <source>The session server at %1 cannot be reached. Check your network connection, or ask your hub whether the session address is right.</source>
        <translation>Le serveur de séance %1 est injoignable. Vérifiez votre connexion réseau, ou demandez à votre hub si l&apos;adresse de séance est correcte.</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>Participant %1</translation>
    </message>
    <message>
        <source>Packets lost: %1 % (worst participant, last %2 s)</source>
        <translation>Paquets perdus : %1 % (pire participant, dernières %2 s)</translation>
    </message>
    <message>
        <source>Packets lost: nothing received yet</source>
        <translation>Paquets perdus : rien reçu pour l&apos;instant</translation>
    </message>
    <message>
        <source>Picture delay: %1 ms</source>
        <translation>Délai de l&apos;image : %1 ms</translation>
    </message>
    <message>
        <source>Picture delay: not measured</source>
        <translation>Délai de l&apos;image : non mesuré</translation>
    </message>
    <message>
        <source>Picture freezes: %1 in the last %2 s</source>
        <translation>Gels d&apos;image : %1 dans les dernières %2 s</translation>
    </message>
    <message>
        <source>Sending: %1 kbit/s</source>
        <translation>Envoi : %1 kbit/s</translation>
    </message>
    <message>
        <source>Sending: starting</source>
        <translation>Envoi : démarrage</translation>
    </message>
    <message>
        <source>Practice clinic</source>
        <translation>Centre d&apos;entraînement</translation>
    </message>
    <message>
        <source>No session server is set up on this laptop. Ask your hub for the session address (it starts with wss://).</source>
        <translation>Aucun serveur de séance n&apos;est configuré sur cet ordinateur. Demandez à votre hub l&apos;adresse de séance (elle commence par wss://).</translation>
    </message>
    <message>
        <source>Spoke clinic</source>
        <translation>Centre Spoke</translation>
    </message>
    <message>
        <source>The chair removed you from this session.</source>
        <translation>Le modérateur vous a retiré de cette séance.</translation>
    </message>
    <message>
        <source>This session is over. The chair has ended it.</source>
        <translation>Cette séance est terminée. Le modérateur l&apos;a clôturée.</translation>
    </message>
    <message>
        <source>The hub has no media server available for the call right now. Try again in a few minutes, or tell the hub&apos;s coordinator.</source>
        <translation>Le hub n&apos;a pas de serveur média disponible pour l&apos;appel en ce moment. Réessayez dans quelques minutes, ou prévenez le coordinateur du hub.</translation>
    </message>
    <message>
        <source>Not signed in to the hub. Sign in under Settings → Hub account, then join again.</source>
        <translation>Non connecté au hub. Connectez-vous dans Paramètres → Compte hub, puis rejoignez à nouveau.</translation>
    </message>
    <message>
        <source>The hub does not know this session any more. It may have been cancelled.</source>
        <translation>Le hub ne connaît plus cette séance. Elle a peut-être été annulée.</translation>
    </message>
    <message>
        <source>The hub cannot be reached to join the session. Check your network connection and try again.</source>
        <translation>Le hub est injoignable pour rejoindre la séance. Vérifiez votre connexion réseau et réessayez.</translation>
    </message>
    <message>
        <source>The hub did not give what is needed to join this session. Try again, or tell the hub&apos;s coordinator.</source>
        <translation>Le hub n&apos;a pas fourni ce qu&apos;il faut pour rejoindre cette séance. Réessayez, ou prévenez le coordinateur du hub.</translation>
    </message>
    <message>
        <source>The chair has muted you. Raise your hand to ask to speak.</source>
        <translation>Le modérateur a coupé votre micro. Levez la main pour demander la parole.</translation>
    </message>
    <message>
        <source>The chair has let you speak. Unmute when you are ready.</source>
        <translation>Le modérateur vous donne la parole. Activez votre micro au moment de parler.</translation>
    </message>
    <message>
        <source>%1 MB used this session</source>
        <translation>%1 Mo utilisés pendant cette séance</translation>
    </message>
    <message>
        <source>%1 kbit/s now</source>
        <translation>%1 kbit/s actuellement</translation>
    </message>
    <message>
        <source>The session room did not accept this laptop&apos;s pass, even a fresh one from the hub. Tell the chair or the hub&apos;s coordinator.</source>
        <translation>La salle de séance n&apos;a pas accepté le laissez-passer de cet ordinateur, même un nouveau fourni par le hub. Prévenez le modérateur ou le coordinateur du hub.</translation>
    </message>
    <message>
        <source>The session room is protected and this laptop has no pass for it.</source>
        <translation>La salle de séance est protégée et cet ordinateur n&apos;a pas de laissez-passer pour elle.</translation>
    </message>
    <message>
        <source>The hub&apos;s relay server for calls could not be found. Check your network connection and try again.</source>
        <translation>Le serveur relais du hub pour les appels est introuvable. Vérifiez votre connexion réseau et réessayez.</translation>
    </message>
    <message>
        <source>The session&apos;s media server cannot be reached. Check your network connection and try again.</source>
        <translation>Le serveur média de la séance est injoignable. Vérifiez votre connexion réseau et réessayez.</translation>
    </message>
    <message>
        <source>The media server has no room for this session. The session may have ended; try again in a minute.</source>
        <translation>Le serveur média n&apos;a pas de salle pour cette séance. La séance est peut-être terminée ; réessayez dans une minute.</translation>
    </message>
    <message>
        <source>%1 (%2 % lost)</source>
        <translation>%1 (%2 % perdus)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>spoke::ui::CaseEditorModel</name>
    <message>
        <source>Unsaved changes…</source>
        <translation>Modifications non enregistrées…</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message>
        <source>Saved %1 · revision %2</source>
        <translation>Enregistré %1 · révision %2</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>Aucun cas n&apos;est ouvert.</translation>
    </message>
    <message>
        <source>Only a draft can be marked ready; this case is %1.</source>
        <translation>Seul un brouillon peut être marqué comme prêt ; ce cas est : %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) must be redacted, or overridden with a reason, first.</source>
        <translation>
            <numerusform>%n donnée identifiante possible doit d&apos;abord être masquée, ou faire l&apos;objet d&apos;une dérogation motivée.</numerusform>
            <numerusform>%n données identifiantes possibles doivent d&apos;abord être masquées, ou faire l&apos;objet d&apos;une dérogation motivée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention first: %1.</source>
        <translation>
            <numerusform>%n champ doit d&apos;abord être vérifié : %1.</numerusform>
            <numerusform>%n champs doivent d&apos;abord être vérifiés : %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the latest changes…</source>
        <translation>Vérification des dernières modifications…</translation>
    </message>
    <message>
        <source>There is no form for the programme &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de formulaire pour le programme « %1 ».</translation>
    </message>
    <message>
        <source>New %1 case %2</source>
        <translation>Nouveau cas %1 %2</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Ce fichier ne peut pas être importé : %1</translation>
    </message>
    <message>
        <source>This file cannot be imported: it names the programme &quot;%1&quot;, which has no form here.</source>
        <translation>Ce fichier ne peut pas être importé : il indique le programme « %1 », qui n&apos;a pas de formulaire ici.</translation>
    </message>
    <message>
        <source>Imported case %1</source>
        <translation>Cas importé %1</translation>
    </message>
    <message>
        <source>Case imported.</source>
        <translation>Cas importé.</translation>
    </message>
    <message>
        <source>This case can no longer be changed here.</source>
        <translation>Ce cas ne peut plus être modifié ici.</translation>
    </message>
    <message>
        <source>That text has changed since it was checked; wait for the new check.</source>
        <translation>Ce texte a changé depuis sa vérification ; attendez le nouveau contrôle.</translation>
    </message>
    <message>
        <source>Override logged.</source>
        <translation>Dérogation consignée.</translation>
    </message>
    <message>
        <source>The case is ready to submit.</source>
        <translation>Le cas est prêt à être soumis.</translation>
    </message>
    <message>
        <source>The case could not be written to %1: %2</source>
        <translation>Le cas n&apos;a pas pu être écrit dans %1 : %2</translation>
    </message>
    <message>
        <source>Case saved to %1.</source>
        <translation>Cas enregistré dans %1.</translation>
    </message>
    <message>
        <source>Cleaning the attachment…</source>
        <translation>Nettoyage de la pièce jointe…</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Non jointe : %1</translation>
    </message>
    <message>
        <source>Attached %1: cleaned of all metadata (location, time, camera).</source>
        <translation>%1 jointe : toutes les métadonnées (lieu, heure, appareil photo) ont été supprimées.</translation>
    </message>
    <message>
        <source>This case is already with the hub.</source>
        <translation>Ce cas est déjà au hub.</translation>
    </message>
    <message>
        <source>Mark the case ready first.</source>
        <translation>Marquez d&apos;abord le cas comme prêt.</translation>
    </message>
    <message>
        <source>Sign in to your hub first, in Settings → Hub account.</source>
        <translation>Connectez-vous d&apos;abord à votre hub, dans Paramètres → Compte hub.</translation>
    </message>
    <message>
        <source>Submitted. The case is in the outbox and goes to the hub with the next sync; it can no longer be changed here unless the hub returns it.</source>
        <translation>Soumis. Le cas est dans la boîte d&apos;envoi et part au hub à la prochaine synchronisation ; il ne peut plus être modifié ici, sauf si le hub le renvoie.</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>Non soumis : %1</translation>
    </message>
    <message>
        <source>The case was not exported: %1</source>
        <translation>Le cas n&apos;a pas été exporté : %1</translation>
    </message>
    <message>
        <source>The case was not exported: the latest changes could not be saved.</source>
        <translation>Le cas n&apos;a pas été exporté : les dernières modifications n&apos;ont pas pu être enregistrées.</translation>
    </message>
    <message numerus="yes">
        <source>The case file was not written: %n possible identifier(s) must be redacted, or overridden with a reason, first. A PDF export replaces them by their redaction.</source>
        <translation>
            <numerusform>Le fichier du cas n&apos;a pas été écrit : %n donnée identifiante possible doit d&apos;abord être masquée, ou faire l&apos;objet d&apos;une dérogation motivée. Un export PDF la remplace par son masquage.</numerusform>
            <numerusform>Le fichier du cas n&apos;a pas été écrit : %n données identifiantes possibles doivent d&apos;abord être masquées, ou faire l&apos;objet d&apos;une dérogation motivée. Un export PDF les remplace par leur masquage.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF saved to %1.</source>
        <translation>PDF enregistré dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>PDF saved to %1. %n open finding(s) are replaced by their redaction in it.</source>
        <translation>
            <numerusform>PDF enregistré dans %1. %n signalement non résolu y est remplacé par son masquage.</numerusform>
            <numerusform>PDF enregistré dans %1. %n signalements non résolus y sont remplacés par leur masquage.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoke::ui::FormModel</name>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>%1, item %2</source>
        <translation>%1, élément %2</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, ligne %2</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, ligne %2 : %3</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>spoke::ui::HubAccountModel</name>
    <message>
        <source>The hub address must start with https:// (or http:// on a local network).</source>
        <translation>L&apos;adresse du hub doit commencer par https:// (ou http:// sur un réseau local).</translation>
    </message>
    <message>
        <source>Enter the email address your hub account uses.</source>
        <translation>Saisissez l&apos;adresse e-mail de votre compte hub.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Enter the invite code your coordinator sent you.</source>
        <translation>Saisissez le code d&apos;invitation envoyé par votre coordinateur.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Saisissez votre adresse e-mail.</translation>
    </message>
    <message>
        <source>Enter your name as colleagues should see it.</source>
        <translation>Saisissez votre nom tel que vos collègues doivent le voir.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>Le mot de passe doit contenir au moins %n caractère.</numerusform>
            <numerusform>Le mot de passe doit contenir au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <source>Signed out. Cases and sessions stay on this laptop.</source>
        <translation>Déconnecté. Les cas et les séances restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The hub no longer accepts this laptop&apos;s sign-in. Sign in again.</source>
        <translation>Le hub n&apos;accepte plus la connexion de cet ordinateur. Reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::HubRecordingsModel</name>
    <message>
        <source>On this laptop: in Recordings</source>
        <translation>Sur cet ordinateur : dans Enregistrements</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Sign in to a hub in Settings to see its recordings.</source>
        <translation>Connectez-vous à un hub dans Paramètres pour voir ses enregistrements.</translation>
    </message>
    <message>
        <source>Asking the hub for its recordings…</source>
        <translation>Demande de la liste des enregistrements au hub…</translation>
    </message>
    <message>
        <source>The hub has no recordings for your programmes yet.</source>
        <translation>Le hub n&apos;a pas encore d&apos;enregistrements pour vos programmes.</translation>
    </message>
    <message>
        <source>Full quality</source>
        <translation>Qualité complète</translation>
    </message>
    <message>
        <source>Light (360p video)</source>
        <translation>Légère (vidéo 360p)</translation>
    </message>
    <message>
        <source>Audio + slides</source>
        <translation>Audio + diapositives</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 ko</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Queued: starts after the download before it</source>
        <translation>En file : commence après le téléchargement précédent</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Vérification du fichier…</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>En pause : %1</translation>
    </message>
    <message>
        <source>Waiting: sign in to the hub again</source>
        <translation>En attente : reconnectez-vous au hub</translation>
    </message>
    <message>
        <source>Waiting for the allowed hours</source>
        <translation>En attente des heures autorisées</translation>
    </message>
    <message>
        <source>Waiting for an allowed network</source>
        <translation>En attente d&apos;un réseau autorisé</translation>
    </message>
    <message>
        <source>Waiting for a network</source>
        <translation>En attente d&apos;un réseau</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>The hub refused: your account may no longer see this recording</source>
        <translation>Le hub a refusé : votre compte n&apos;a peut-être plus accès à cet enregistrement</translation>
    </message>
    <message>
        <source>The hub no longer has this file (it may have been deleted)</source>
        <translation>Le hub n&apos;a plus ce fichier (il a peut-être été supprimé)</translation>
    </message>
    <message>
        <source>Could not reach the hub. Resume to try again.</source>
        <translation>Impossible de joindre le hub. Cliquez sur Reprendre pour réessayer.</translation>
    </message>
    <message>
        <source>The hub&apos;s file does not match its catalogue. Refresh the list and try again.</source>
        <translation>Le fichier du hub ne correspond pas à son catalogue. Actualisez la liste et réessayez.</translation>
    </message>
    <message>
        <source>Could not write the file: is the disk full?</source>
        <translation>Impossible d&apos;écrire le fichier : le disque est-il plein ?</translation>
    </message>
    <message>
        <source>The file arrived damaged and was deleted. Resume to download it again.</source>
        <translation>Le fichier est arrivé endommagé et a été supprimé. Cliquez sur Reprendre pour le télécharger à nouveau.</translation>
    </message>
    <message>
        <source>The download stopped.</source>
        <translation>Le téléchargement s&apos;est arrêté.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LanguageModel</name>
    <message>
        <source>System default</source>
        <translation>Celle du système</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LibraryModel</name>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>Impossible d&apos;importer %1 : %2</translation>
    </message>
    <message>
        <source>%1 is already in the library.</source>
        <translation>%1 est déjà dans la bibliothèque.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%2, %n chapter(s)).</source>
        <translation>
            <numerusform>%1 importé (%2, %n chapitre).</numerusform>
            <numerusform>%1 importé (%2, %n chapitres).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoke::ui::LiveCaseModel</name>
    <message>
        <source>No case is scheduled for this session.</source>
        <translation>Aucun cas n&apos;est programmé pour cette séance.</translation>
    </message>
    <message>
        <source>The presenter&apos;s case appears here when the chair shows it.</source>
        <translation>Le cas du présentateur apparaît ici quand le modérateur l&apos;affiche.</translation>
    </message>
    <message>
        <source>You are presenting: everyone&apos;s case panel follows the section you show.</source>
        <translation>Vous présentez : le panneau du cas de chacun suit la section que vous affichez.</translation>
    </message>
    <message>
        <source>Reading on your own: %1 is presenting.</source>
        <translation>Vous lisez seul : %1 présente.</translation>
    </message>
    <message>
        <source>Following %1, the presenter.</source>
        <translation>Vous suivez %1, le présentateur.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LiveSessionModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>This session has no agenda.</source>
        <translation>Cette séance n&apos;a pas d&apos;ordre du jour.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>La séance est terminée.</translation>
    </message>
    <message numerus="yes">
        <source>Now: %1, %2 of %n min</source>
        <translation>
            <numerusform>En cours : %1, %2 sur %n min</numerusform>
            <numerusform>En cours : %1, %2 sur %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation>Pas encore commencée.</translation>
    </message>
    <message>
        <source>The hub refused (409 Conflict): that item is no longer the next one, or the session is over. The agenda shows where the session stands now.</source>
        <translation>Le hub a refusé (409 Conflict) : ce point n&apos;est plus le suivant, ou la séance est terminée. L&apos;ordre du jour montre où en est la séance.</translation>
    </message>
    <message>
        <source>The hub refused (403): only the programme&apos;s specialists and coordinators may do this.</source>
        <translation>Le hub a refusé (403) : seuls les spécialistes et les coordinateurs du programme peuvent le faire.</translation>
    </message>
    <message>
        <source>Not signed in to a hub: sign in under Settings → Hub account.</source>
        <translation>Non connecté à un hub : connectez-vous dans Paramètres → Compte hub.</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network and try again.</source>
        <translation>Le hub est injoignable. Vérifiez le réseau et réessayez.</translation>
    </message>
    <message>
        <source>this participant</source>
        <translation>ce participant</translation>
    </message>
    <message>
        <source>%1 is muted for everyone. They still hear the session and can raise a hand.</source>
        <translation>Le micro de %1 est coupé pour tous. Cette personne entend toujours la séance et peut lever la main.</translation>
    </message>
    <message>
        <source>%1 may speak again.</source>
        <translation>%1 peut de nouveau parler.</translation>
    </message>
    <message>
        <source>%1 was removed from the session and cannot join it again.</source>
        <translation>%1 a été retiré de la séance et ne peut plus la rejoindre.</translation>
    </message>
    <message>
        <source>%1 has no microphone in the call right now; nothing changed.</source>
        <translation>%1 n&apos;a pas de micro dans l&apos;appel en ce moment ; rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>The hub&apos;s media server did not answer; nothing changed. Try again.</source>
        <translation>Le serveur média du hub n&apos;a pas répondu ; rien n&apos;a changé. Réessayez.</translation>
    </message>
    <message>
        <source>The session is over; nothing changed.</source>
        <translation>La séance est terminée ; rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>%1 removed %2 from the session.</source>
        <translation>%1 a retiré %2 de la séance.</translation>
    </message>
    <message numerus="yes">
        <source>The hub has %n person(s) present with this device: %1</source>
        <translation>
            <numerusform>Le hub compte %n personne présente avec cet appareil : %1</numerusform>
            <numerusform>Le hub compte %n personnes présentes avec cet appareil : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoke::ui::LiveSlidesModel</name>
    <message>
        <source>%1 kB</source>
        <translation>%1 ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>No slides open.</source>
        <translation>Aucune diapositive ouverte.</translation>
    </message>
    <message>
        <source>Opened on this laptop only: the others do not see these pages. Share the PDF if they should follow them.</source>
        <translation>Ouvert sur cet ordinateur seulement : les autres ne voient pas ces pages. Partagez le PDF s&apos;ils doivent les suivre.</translation>
    </message>
    <message>
        <source>Paging on your own: the presenter is on page %1.</source>
        <translation>Vous feuilletez seul : le présentateur est à la page %1.</translation>
    </message>
    <message>
        <source>Following the presenter.</source>
        <translation>Vous suivez le présentateur.</translation>
    </message>
    <message>
        <source>Following %1, the presenter.</source>
        <translation>Vous suivez %1, le présentateur.</translation>
    </message>
    <message>
        <source>Shared through the hub: everyone follows the page you show.</source>
        <translation>Partagé via le hub : tous suivent la page que vous montrez.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>%1 is not a PDF file.</source>
        <translation>%1 n&apos;est pas un fichier PDF.</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Export it again without one.</source>
        <translation>%1 est protégé par un mot de passe. Exportez-le à nouveau sans mot de passe.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be shown.</source>
        <translation>%1 est endommagé et ne peut pas être affiché.</translation>
    </message>
    <message>
        <source>%1 has no pages.</source>
        <translation>%1 n&apos;a aucune page.</translation>
    </message>
    <message>
        <source>%1 has more than 300 pages.</source>
        <translation>%1 a plus de 300 pages.</translation>
    </message>
    <message>
        <source>%1 is larger than 50 MB.</source>
        <translation>%1 dépasse 50 Mo.</translation>
    </message>
    <message>
        <source>%1 could not be drawn.</source>
        <translation>%1 n&apos;a pas pu être affiché.</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>The presenter shares slides: looking up their size…</source>
        <translation>Le présentateur partage des diapositives : recherche de leur taille…</translation>
    </message>
    <message>
        <source>Downloading the shared slides, once for this session…</source>
        <translation>Téléchargement des diapositives partagées, une seule fois pour cette séance…</translation>
    </message>
    <message>
        <source>Downloading the shared slides (%1), once for this session…</source>
        <translation>Téléchargement des diapositives partagées (%1), une seule fois pour cette séance…</translation>
    </message>
    <message>
        <source>you are not signed in to the hub.</source>
        <translation>vous n&apos;êtes pas connecté au hub.</translation>
    </message>
    <message>
        <source>The shared slides could not be downloaded: %1 They are tried again at the next page turn.</source>
        <translation>Les diapositives partagées n&apos;ont pas pu être téléchargées : %1 Nouvel essai au prochain changement de page.</translation>
    </message>
    <message>
        <source>Downloaded once: %1. Page turns are a few bytes each.</source>
        <translation>Téléchargé une fois : %1. Chaque changement de page ne pèse que quelques octets.</translation>
    </message>
    <message>
        <source>Already on this laptop: nothing downloaded.</source>
        <translation>Déjà sur cet ordinateur : rien n&apos;a été téléchargé.</translation>
    </message>
    <message>
        <source>Shared slides</source>
        <translation>Diapositives partagées</translation>
    </message>
    <message>
        <source>Not shared: a deck is still on its way.</source>
        <translation>Non partagé : une présentation est encore en cours de transfert.</translation>
    </message>
    <message>
        <source>Not shared: join a live session from the hub&apos;s schedule first.</source>
        <translation>Non partagé : rejoignez d&apos;abord une séance en direct depuis le calendrier du hub.</translation>
    </message>
    <message>
        <source>Sharing %1…</source>
        <translation>Partage de %1…</translation>
    </message>
    <message>
        <source>%1 is larger than the hub&apos;s limit of 64 MB.</source>
        <translation>%1 dépasse la limite de 64 Mo du hub.</translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>Non partagé : %1</translation>
    </message>
    <message>
        <source>Uploaded once: %1. Each page turn sends a few bytes.</source>
        <translation>Envoyé une fois : %1. Chaque changement de page n&apos;envoie que quelques octets.</translation>
    </message>
    <message>
        <source>Page %1 did not reach the others: %2</source>
        <translation>La page %1 n&apos;est pas parvenue aux autres : %2</translation>
    </message>
    <message>
        <source>the hub says it is not a PDF file.</source>
        <translation>le hub indique que ce n&apos;est pas un fichier PDF.</translation>
    </message>
    <message>
        <source>the hub cannot open this PDF: it is protected by a password, damaged or empty.</source>
        <translation>le hub ne peut pas ouvrir ce PDF : il est protégé par un mot de passe, endommagé ou vide.</translation>
    </message>
    <message>
        <source>it is over the hub&apos;s limit of 64 MB or 300 pages.</source>
        <translation>il dépasse la limite du hub de 64 Mo ou 300 pages.</translation>
    </message>
    <message>
        <source>the hub cannot be reached. Check the connection and try again.</source>
        <translation>le hub est injoignable. Vérifiez la connexion et réessayez.</translation>
    </message>
    <message>
        <source>you are not a member of this session&apos;s programme.</source>
        <translation>vous n&apos;êtes pas membre du programme de cette séance.</translation>
    </message>
    <message>
        <source>the hub does not have this session or deck.</source>
        <translation>le hub n&apos;a pas cette séance ou cette présentation.</translation>
    </message>
    <message>
        <source>the hub cannot store slides right now.</source>
        <translation>le hub ne peut pas stocker de diapositives en ce moment.</translation>
    </message>
    <message>
        <source>this laptop could not keep the slides (is the disk full?).</source>
        <translation>cet ordinateur n&apos;a pas pu conserver les diapositives (le disque est-il plein ?).</translation>
    </message>
    <message>
        <source>the hub answered with an error (HTTP %1).</source>
        <translation>le hub a répondu par une erreur (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LockModel</name>
    <message>
        <source>A PIN needs at least %1 digits.</source>
        <translation>Un code PIN doit compter au moins %1 chiffres.</translation>
    </message>
    <message>
        <source>A PIN has at most %1 digits.</source>
        <translation>Un code PIN compte au plus %1 chiffres.</translation>
    </message>
    <message>
        <source>A PIN is digits only (0 to 9).</source>
        <translation>Un code PIN ne contient que des chiffres (0 à 9).</translation>
    </message>
    <message>
        <source>One digit repeated (like 0000) is among the first PINs anyone tries. Choose another.</source>
        <translation>Un même chiffre répété (comme 0000) fait partie des premiers codes PIN que l&apos;on essaie. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>A run of digits (like 1234 or 9876) is among the first PINs anyone tries. Choose another.</source>
        <translation>Une suite de chiffres (comme 1234 ou 9876) fait partie des premiers codes PIN que l&apos;on essaie. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>A repeated block (like 1212) is among the first PINs anyone tries. Choose another.</source>
        <translation>Un bloc répété (comme 1212) fait partie des premiers codes PIN que l&apos;on essaie. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>Try again in %1 s</source>
        <translation>Réessayez dans %1 s</translation>
    </message>
    <message>
        <source>Try again in %1 min %2 s</source>
        <translation>Réessayez dans %1 min %2 s</translation>
    </message>
    <message>
        <source>Spoke cannot read its app-lock file, so this profile stays locked. Whoever looks after this laptop can remove the file to start again: %1</source>
        <translation>Spoke ne peut pas lire son fichier de verrouillage, ce profil reste donc verrouillé. La personne qui gère cet ordinateur peut supprimer le fichier pour repartir de zéro : %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Wrong PIN. After too many wrong PINs, Spoke makes you wait before the next try.</source>
        <translation>Code PIN erroné. Après trop de codes PIN erronés, Spoke vous fait attendre avant le prochain essai.</translation>
    </message>
    <message>
        <source>Wrong PIN. One more wrong PIN and Spoke makes you wait before the next try.</source>
        <translation>Code PIN erroné. Encore un code PIN erroné et Spoke vous fera attendre avant le prochain essai.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more wrong PINs and Spoke makes you wait before the next try.</source>
        <translation>Code PIN erroné. Encore %1 codes PIN erronés et Spoke vous fera attendre avant le prochain essai.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Code PIN erroné.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait before the next try.</source>
        <translation>Trop de codes PIN erronés : attendez avant le prochain essai.</translation>
    </message>
    <message>
        <source>Spoke could not check or keep the PIN: %1</source>
        <translation>Spoke n&apos;a pas pu vérifier ou conserver le code PIN : %1</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>Les deux nouveaux codes PIN ne sont pas identiques.</translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation>Le code PIN actuel est erroné.</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>Code PIN changé.</translation>
    </message>
    <message>
        <source>PIN set. Spoke now locks when it starts, after %1 without input, and with Lock now (Ctrl+L).</source>
        <translation>Code PIN défini. Spoke se verrouille désormais au démarrage, après %1 sans activité, et avec Verrouiller maintenant (Ctrl+L).</translation>
    </message>
    <message>
        <source>PIN removed. Spoke no longer locks.</source>
        <translation>Code PIN supprimé. Spoke ne se verrouille plus.</translation>
    </message>
    <message>
        <source>Spoke no longer locks when idle. It still locks when it starts and with Lock now.</source>
        <translation>Spoke ne se verrouille plus en cas d&apos;inactivité. Il se verrouille toujours au démarrage et avec Verrouiller maintenant.</translation>
    </message>
    <message>
        <source>Spoke now locks after %1 without input.</source>
        <translation>Spoke se verrouille désormais après %1 sans activité.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::MediaSettingsModel</name>
    <message>
        <source>The microphone was changed while recording. Try again.</source>
        <translation>Le micro a changé pendant l&apos;enregistrement. Réessayez.</translation>
    </message>
    <message>
        <source>No microphone is chosen, so others will not hear you. Plug one in, or pick the test tone to try Spoke.</source>
        <translation>Aucun micro n&apos;est choisi : les autres ne vous entendront pas. Branchez-en un, ou choisissez le son de test pour essayer Spoke.</translation>
    </message>
    <message>
        <source>Choose a microphone first.</source>
        <translation>Choisissez d&apos;abord un micro.</translation>
    </message>
    <message>
        <source>Open Settings → Audio &amp; video to test your audio.</source>
        <translation>Ouvrez Paramètres → Audio &amp; vidéo pour tester votre audio.</translation>
    </message>
    <message numerus="yes">
        <source>Records %n seconds and plays them back.</source>
        <translation>
            <numerusform>Enregistre %n seconde et la fait réécouter.</numerusform>
            <numerusform>Enregistre %n secondes et les fait réécouter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recording… %n s left. Say something.</source>
        <translation>
            <numerusform>Enregistrement… %n s restante. Dites quelque chose.</numerusform>
            <numerusform>Enregistrement… %n s restantes. Dites quelque chose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Playing back…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Done. Did you hear yourself clearly?</source>
        <translation>Terminé. Avez-vous bien entendu votre voix ?</translation>
    </message>
    <message>
        <source>Recorded %1 s, but playback failed.</source>
        <translation>%1 s enregistrées, mais la lecture a échoué.</translation>
    </message>
    <message>
        <source>The test could not run.</source>
        <translation>Le test n&apos;a pas pu s&apos;exécuter.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect a microphone or a headset.</source>
        <translation>Aucun micro n&apos;a été trouvé. Branchez un micro ou un casque.</translation>
    </message>
    <message>
        <source>The microphone could not be opened: %1. No sound is being picked up.</source>
        <translation>Le micro n&apos;a pas pu être ouvert : %1. Aucun son n&apos;est capté.</translation>
    </message>
    <message>
        <source>The microphone stopped: %1.</source>
        <translation>Le micro s&apos;est arrêté : %1.</translation>
    </message>
    <message>
        <source>Audio processing failed: %1</source>
        <translation>Le traitement audio a échoué : %1</translation>
    </message>
    <message>
        <source>No speaker is chosen, so the recording cannot be played back. Connect speakers or a headset, then choose them above.</source>
        <translation>Aucun haut-parleur n&apos;est choisi : l&apos;enregistrement ne peut pas être réécouté. Branchez des haut-parleurs ou un casque, puis choisissez-les ci-dessus.</translation>
    </message>
    <message>
        <source>The recording could not be played back: %1</source>
        <translation>L&apos;enregistrement n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Playback stopped: %1</source>
        <translation>Lecture arrêtée : %1</translation>
    </message>
</context>
<context>
    <name>spoke::ui::PlayerModel</name>
    <message>
        <source>No sound output</source>
        <translation>Pas de sortie son</translation>
    </message>
    <message>
        <source>Sound on %1</source>
        <translation>Son sur %1</translation>
    </message>
    <message>
        <source>No sound output: %1</source>
        <translation>Pas de sortie son : %1</translation>
    </message>
    <message>
        <source>This recording is no longer in the cache.</source>
        <translation>Cet enregistrement n&apos;est plus dans le cache.</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>Cas %1 : %2</translation>
    </message>
    <message>
        <source>This recording is not on this laptop. Its chapters, notes and chat are shown below.</source>
        <translation>Cet enregistrement n&apos;est pas sur cet ordinateur. Ses chapitres, notes et discussion sont affichés ci-dessous.</translation>
    </message>
    <message>
        <source>The file of this recording is missing: %1. Its chapters, notes and chat are shown below.</source>
        <translation>Le fichier de cet enregistrement est manquant : %1. Ses chapitres, notes et discussion sont affichés ci-dessous.</translation>
    </message>
    <message>
        <source>This recording cannot be played: %1</source>
        <translation>Cet enregistrement ne peut pas être lu : %1</translation>
    </message>
    <message>
        <source>This file is damaged or cut short: it plays until %1. %2</source>
        <translation>Ce fichier est endommagé ou tronqué : il se lit jusqu&apos;à %1. %2</translation>
    </message>
    <message>
        <source>The slides of this recording are not on this laptop.</source>
        <translation>Les diapositives de cet enregistrement ne sont pas sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation>Diapositive %1</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>Diapositive %1 sur %2</translation>
    </message>
    <message>
        <source>Slide %1 of %2 · %3</source>
        <translation>Diapositive %1 sur %2 · %3</translation>
    </message>
    <message>
        <source>Hand raised: %1</source>
        <translation>Main levée : %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>spoke::ui::ReviewModel</name>
    <message>
        <source>Write the question the presenter should answer.</source>
        <translation>Écrivez la question à laquelle le présentateur doit répondre.</translation>
    </message>
    <message>
        <source>Recommendation for %1 queued; it goes to the hub with the next sync.</source>
        <translation>Recommandation pour %1 mise en file ; elle part au hub à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>%1 queued to go back to its presenter with your question.</source>
        <translation>%1 mis en file pour retourner à son présentateur avec votre question.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::ScreenShareModel</name>
    <message>
        <source>Screen sharing is unavailable: this computer has no X display to capture.</source>
        <translation>Partage d&apos;écran indisponible : cet ordinateur n&apos;a pas d&apos;affichage X à capturer.</translation>
    </message>
    <message>
        <source>Screen sharing is unavailable in a Wayland session: Spoke captures the screen through X11 only. Log in with an X11 session (&quot;GNOME on Xorg&quot;) to share it, or share your slides as a PDF.</source>
        <translation>Partage d&apos;écran indisponible dans une session Wayland : Spoke capture l&apos;écran uniquement via X11. Ouvrez une session X11 (« GNOME sur Xorg ») pour le partager, ou partagez vos diapositives en PDF.</translation>
    </message>
    <message>
        <source>Screen sharing is unavailable: the X display %1 does not answer.</source>
        <translation>Partage d&apos;écran indisponible : l&apos;affichage X %1 ne répond pas.</translation>
    </message>
    <message>
        <source>Screen %1</source>
        <translation>Écran %1</translation>
    </message>
    <message>
        <source>Your whole screen</source>
        <translation>Votre écran entier</translation>
    </message>
    <message>
        <source>Everything on it, %1 × %2</source>
        <translation>Tout son contenu, %1 × %2</translation>
    </message>
    <message>
        <source>One window, %1 × %2</source>
        <translation>Une fenêtre, %1 × %2</translation>
    </message>
    <message>
        <source>Sharing %1. Everyone sees it as a tile of its own.</source>
        <translation>Partage de %1. Tous le voient dans une vignette à part.</translation>
    </message>
    <message>
        <source>Screen sharing stopped: it could not be captured or sent (%1).</source>
        <translation>Le partage d&apos;écran s&apos;est arrêté : il n&apos;a pas pu être capturé ou envoyé (%1).</translation>
    </message>
    <message>
        <source>Join the call first, then share your screen.</source>
        <translation>Rejoignez d&apos;abord l&apos;appel, puis partagez votre écran.</translation>
    </message>
    <message>
        <source>Starting to share %1…</source>
        <translation>Démarrage du partage de %1…</translation>
    </message>
</context>
</TS>
