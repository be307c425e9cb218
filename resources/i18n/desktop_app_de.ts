<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Undo the last change made here to the database</source>
        <translation>Die letzte hier an der Datenbank vorgenommene Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Make again the change just undone</source>
        <translation>Die eben rückgängig gemachte Änderung erneut ausführen</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header row</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text mit Kopfzeile kopieren</translation>
    </message>
    <message>
        <source>Select every row of the current table, loaded or not</source>
        <translation>Alle Zeilen der aktuellen Tabelle auswählen, ob geladen oder nicht</translation>
    </message>
    <message>
        <source>Show the database&apos;s values again where an edit was not saved</source>
        <translation>Wo eine Änderung nicht gespeichert wurde, wieder die Werte der Datenbank anzeigen</translation>
    </message>
    <message>
        <source>Go to the search box of the current table</source>
        <translation>Zum Suchfeld der aktuellen Tabelle wechseln</translation>
    </message>
    <message>
        <source>Close the window (the database is closed with it)</source>
        <translation>Das Fenster schließen (die Datenbank wird mit ihm geschlossen)</translation>
    </message>
    <message>
        <source>The version of {app}, and what it is for</source>
        <translation>Die Version von {app} und wofür es gedacht ist</translation>
    </message>
    <message>
        <source>Forget the list of recently opened databases</source>
        <translation>Die Liste der zuletzt geöffneten Datenbanken leeren</translation>
    </message>
    <message>
        <source>arrows move, Shift or Ctrl with them extends the selection, F2 edits the cell, Ctrl+E opens the row&apos;s form, the Menu key or Shift+F10 lists what applies to the rows, Tab moves on to the next control</source>
        <translation>Pfeiltasten bewegen, mit Umschalt oder Strg erweitern sie die Auswahl, F2 bearbeitet die Zelle, Strg+E öffnet das Formular der Zeile, die Menütaste oder Umschalt+F10 zeigt, was auf die Zeilen anwendbar ist, Tab wechselt zum nächsten Bedienelement</translation>
    </message>
    <message>
        <source>Open one of the databases opened lately</source>
        <translation>Eine der zuletzt geöffneten Datenbanken öffnen</translation>
    </message>
    <message>
        <source>The users, a row each. Selecting some shows their posts below; {keys}.</source>
        <translation>Die Benutzer, einer pro Zeile. Eine Auswahl zeigt darunter ihre Beiträge; {keys}.</translation>
    </message>
    <message>
        <source>The posts of the users selected above, or all posts; {keys}.</source>
        <translation>Die Beiträge der oben ausgewählten Benutzer oder alle Beiträge; {keys}.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Empty the search box: the table shows every row</source>
        <translation>Das Suchfeld leeren: Die Tabelle zeigt alle Zeilen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
</context>
<context>
    <name>AuthorPicker</name>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Type part of a username…</source>
        <translation>Teil eines Benutzernamens eingeben…</translation>
    </message>
</context>
<context>
    <name>BackupErrors</name>
    <message>
        <source>Could not write the local copy {target}: {reason}.</source>
        <translation>Die lokale Kopie {target} konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>{database} has no users and posts tables: there is nothing to copy.</source>
        <translation>{database} hat keine Tabellen users und posts: Es gibt nichts zu kopieren.</translation>
    </message>
    <message>
        <source>Could not back up {source} to {target}: {reason}.</source>
        <translation>{source} konnte nicht nach {target} gesichert werden: {reason}.</translation>
    </message>
    <message>
        <source>{backup} is not there (or is not a file): nothing was restored.</source>
        <translation>{backup} ist nicht vorhanden (oder keine Datei): Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>{backup} is not a SQLite database ({reason}): nothing was restored.</source>
        <translation>{backup} ist keine SQLite-Datenbank ({reason}): Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>{backup} is damaged (SQLite&apos;s check says: {verdict}): nothing was restored.</source>
        <translation>{backup} ist beschädigt (die Prüfung von SQLite meldet: {verdict}): Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>{backup} is a SQLite database but not a backup of users and posts (it has no {table} table): nothing was restored.</source>
        <translation>{backup} ist eine SQLite-Datenbank, aber keine Sicherung von Benutzern und Beiträgen (ihr fehlt die Tabelle {table}): Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>{backup} is a SQLite database but not a backup of users and posts (it has no {first} and no {second} table): nothing was restored.</source>
        <translation>{backup} ist eine SQLite-Datenbank, aber keine Sicherung von Benutzern und Beiträgen (ihr fehlen die Tabellen {first} und {second}): Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>{backup} was written by a newer version of the app (schema {revision}; this version knows up to {head}): update the app to restore it. Nothing was restored.</source>
        <translation>{backup} wurde von einer neueren Version der App geschrieben (Schema {revision}; diese Version kennt Schemata bis {head}): Aktualisieren Sie die App, um diese Sicherung wiederherzustellen. Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>{backup} is the database itself: nothing was restored.</source>
        <translation>{backup} ist die Datenbank selbst: Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>{current} stayed busy (another program is writing to it): nothing was restored. Close the other program and try again.</source>
        <translation>{current} blieb belegt (ein anderes Programm schreibt hinein): Es wurde nichts wiederhergestellt. Schließen Sie das andere Programm und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not restore {backup} into {current}: {reason}. The database was left as it was.</source>
        <translation>{backup} konnte nicht in {current} wiederhergestellt werden: {reason}. Die Datenbank blieb, wie sie war.</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sichern…</translation>
    </message>
    <message>
        <source>Save a copy of the open SQLite database</source>
        <translation>Eine Kopie der geöffneten SQLite-Datenbank speichern</translation>
    </message>
    <message>
        <source>Save a &amp;local copy…</source>
        <translation>&amp;Lokale Kopie speichern…</translation>
    </message>
    <message>
        <source>Save every user and post in a new SQLite file, to open offline</source>
        <translation>Alle Benutzer und Beiträge in einer neuen SQLite-Datei speichern, um sie offline zu öffnen</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Replace the open SQLite database with a backup</source>
        <translation>Die geöffnete SQLite-Datenbank durch eine Sicherung ersetzen</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Datenbank wird gesichert…</translation>
    </message>
    <message>
        <source>Backup cancelled: no file was written.</source>
        <translation>Sicherung abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was backed up: {reason}</source>
        <translation>Nichts wurde gesichert: {reason}</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Gesichert nach {path}.</translation>
    </message>
    <message>
        <source>Save a local copy</source>
        <translation>Lokale Kopie speichern</translation>
    </message>
    <message>
        <source>Saving a local copy…</source>
        <translation>Lokale Kopie wird gespeichert…</translation>
    </message>
    <message>
        <source>Local copy cancelled: no file was written.</source>
        <translation>Lokale Kopie abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>No local copy was saved: {reason}</source>
        <translation>Es wurde keine lokale Kopie gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Saved {users} and {posts} to {path}: open it with File → Open… to work offline.</source>
        <translation>{users} und {posts} in {path} gespeichert: Öffnen Sie die Datei mit Datei → Öffnen…, um offline zu arbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
    <message>
        <source>the search “{search}”</source>
        <translation>die Suche „{search}“</translation>
    </message>
    <message>
        <source>the users selected above</source>
        <translation>die oben ausgewählten Benutzer</translation>
    </message>
    <message>
        <source>Save every user and post, or only what the posts view shows?</source>
        <translation>Alle Benutzer und Beiträge speichern oder nur das, was die Beitragsansicht zeigt?</translation>
    </message>
    <message numerus="yes">
        <source>The posts view shows %Ln post(s) for {view}. A copy of the view holds those posts and their authors.</source>
        <translation>
            <numerusform>Die Beitragsansicht zeigt %Ln Beitrag für {view}. Eine Kopie der Ansicht enthält diesen Beitrag und seinen Autor.</numerusform>
            <numerusform>Die Beitragsansicht zeigt %Ln Beiträge für {view}. Eine Kopie der Ansicht enthält diese Beiträge und ihre Autoren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>The posts in view</source>
        <translation>Die angezeigten Beiträge</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore database</source>
        <translation>Datenbank wiederherstellen</translation>
    </message>
    <message>
        <source>Replace {current} with the backup {backup}?</source>
        <translation>{current} durch die Sicherung {backup} ersetzen?</translation>
    </message>
    <message>
        <source>The current database is kept as {aside}. The undo history of the current database is cleared.</source>
        <translation>Die aktuelle Datenbank wird als {aside} aufbewahrt. Der Rückgängig-Verlauf der aktuellen Datenbank wird geleert.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>Datenbank wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restore cancelled: the database is as it was.</source>
        <translation>Wiederherstellung abgebrochen: Die Datenbank ist unverändert.</translation>
    </message>
    <message>
        <source>Nothing was restored: {reason}</source>
        <translation>Nichts wurde wiederhergestellt: {reason}</translation>
    </message>
    <message>
        <source>Restored {database} from {backup}; the replaced one was kept as {kept}.</source>
        <translation>{database} aus {backup} wiederhergestellt; die ersetzte Datenbank wurde als {kept} aufbewahrt.</translation>
    </message>
    <message>
        <source>Restored {database} from {backup}.</source>
        <translation>{database} aus {backup} wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>{id} (shown: its last 8 digits; Ctrl+C copies the full id)</source>
        <translation>{id} (angezeigt: die letzten 8 Stellen; Strg+C kopiert die ganze ID)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Profiltext</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>The {entity}: now in the database, and your edit</source>
        <translation>Der {entity}: jetzt in der Datenbank und Ihre Änderung</translation>
    </message>
    <message>
        <source>Now in the database (deleted)</source>
        <translation>Jetzt in der Datenbank (gelöscht)</translation>
    </message>
    <message>
        <source>Now in the database:</source>
        <translation>Jetzt in der Datenbank:</translation>
    </message>
    <message>
        <source>Your edit:</source>
        <translation>Ihre Änderung:</translation>
    </message>
    <message>
        <source>When you opened it:</source>
        <translation>Als Sie ihn geöffnet haben:</translation>
    </message>
    <message>
        <source>{field}, {change}: now {theirs}; yours {mine}</source>
        <translation>{field}, {change}: jetzt {theirs}; Ihrer {mine}</translation>
    </message>
    <message>
        <source>Full values</source>
        <translation>Vollständige Werte</translation>
    </message>
    <message>
        <source>Full values of the field</source>
        <translation>Vollständige Werte des Felds</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>Als Sie ihn geöffnet haben</translation>
    </message>
    <message>
        <source>Now in the database, full text</source>
        <translation>Jetzt in der Datenbank, vollständiger Text</translation>
    </message>
    <message>
        <source>Your edit, full text</source>
        <translation>Ihre Änderung, vollständiger Text</translation>
    </message>
    <message>
        <source>Now in the database</source>
        <translation>Jetzt in der Datenbank</translation>
    </message>
    <message>
        <source>Your edit</source>
        <translation>Ihre Änderung</translation>
    </message>
    <message>
        <source>{choice}: what it does</source>
        <translation>{choice}: was es bewirkt</translation>
    </message>
    <message>
        <source>{field}: full values</source>
        <translation>{field}: vollständige Werte</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>When you opened it: {value}</source>
        <translation>Als Sie ihn geöffnet haben: {value}</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Changed by you</source>
        <translation>Von Ihnen geändert</translation>
    </message>
    <message>
        <source>Changed by them</source>
        <translation>Vom anderen geändert</translation>
    </message>
    <message>
        <source>Same change</source>
        <translation>Gleiche Änderung</translation>
    </message>
    <message>
        <source>Both changed</source>
        <translation>Beide geändert</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(verborgen)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
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
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <source>Saves your edit and replaces their change to {fields} with yours.</source>
        <translation>Speichert Ihre Änderung und ersetzt die andere Änderung an {fields} durch Ihre.</translation>
    </message>
    <message>
        <source>Saves your changes on top of theirs.</source>
        <translation>Speichert Ihre Änderungen zusätzlich zu den anderen.</translation>
    </message>
    <message>
        <source>Their change to {fields} stays.</source>
        <translation>Die andere Änderung an {fields} bleibt erhalten.</translation>
    </message>
    <message>
        <source>Opens the {entity} again with their version and your changes; where you both changed a field it starts with theirs, yours beside it.</source>
        <translation>Öffnet den {entity} erneut mit der anderen Fassung und Ihren Änderungen; wo Sie beide ein Feld geändert haben, steht dort zunächst die andere Fassung, Ihre daneben.</translation>
    </message>
    <message>
        <source>Opens the {entity} again with their version and your changes, so you can check it before saving.</source>
        <translation>Öffnet den {entity} erneut mit der anderen Fassung und Ihren Änderungen, damit Sie ihn vor dem Speichern prüfen können.</translation>
    </message>
    <message>
        <source>This {entity} was deleted by someone else</source>
        <translation>Dieser {entity} wurde von jemand anderem gelöscht</translation>
    </message>
    <message>
        <source>This {entity} was changed by someone else</source>
        <translation>Dieser {entity} wurde von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Someone else deleted this {entity} while you were editing it.</source>
        <translation>Jemand anderes hat diesen {entity} gelöscht, während Sie ihn bearbeitet haben.</translation>
    </message>
    <message>
        <source>Your edit was not saved. You can create the {entity} again with your values, or discard your edit.</source>
        <translation>Ihre Änderung wurde nicht gespeichert. Sie können den {entity} mit Ihren Werten neu anlegen oder Ihre Änderung verwerfen.</translation>
    </message>
    <message>
        <source>You both changed {fields}.</source>
        <translation>Sie haben beide {fields} geändert.</translation>
    </message>
    <message>
        <source>None of your changes clash.</source>
        <translation>Keine Ihrer Änderungen steht im Konflikt.</translation>
    </message>
    <message>
        <source>Someone else changed this {entity} while you were editing.</source>
        <translation>Jemand anderes hat diesen {entity} geändert, während Sie ihn bearbeitet haben.</translation>
    </message>
    <message>
        <source>Your edit was not saved yet. {clash} Compare the two versions and choose which to keep. Hover over a value, or select a row, to see the full text and what you originally opened.</source>
        <translation>Ihre Änderung ist noch nicht gespeichert. {clash} Vergleichen Sie die beiden Fassungen und wählen Sie, welche bleiben soll. Zeigen Sie auf einen Wert oder wählen Sie eine Zeile, um den vollständigen Text und den ursprünglich geöffneten Stand zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Re-create it</source>
        <translation>&amp;Neu anlegen</translation>
    </message>
    <message>
        <source>Creates the {entity} again with your values.</source>
        <translation>Legt den {entity} mit Ihren Werten neu an.</translation>
    </message>
    <message>
        <source>&amp;Discard my edit</source>
        <translation>Meine Änderung &amp;verwerfen</translation>
    </message>
    <message>
        <source>Leaves the {entity} deleted; what you typed is dropped.</source>
        <translation>Der {entity} bleibt gelöscht; Ihre Eingaben werden verworfen.</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Andere übernehmen</translation>
    </message>
    <message>
        <source>Discards your edit and keeps the {entity} as it is now.</source>
        <translation>Verwirft Ihre Änderung und behält den {entity}, wie er jetzt ist.</translation>
    </message>
    <message>
        <source>&amp;Edit again</source>
        <translation>&amp;Erneut bearbeiten</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL-Server</translation>
    </message>
    <message>
        <source>/path/to/content.db</source>
        <translation>/pfad/zu/inhalt.db</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>A new file gets the schema when it is opened.</source>
        <translation>Eine neue Datei erhält das Schema, wenn sie geöffnet wird.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation>db.example.org</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring when there is one, otherwise only until you quit; it is never written to the settings file.</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems aufbewahrt, falls es einen gibt, sonst nur bis zum Beenden; in die Einstellungsdatei wird es nie geschrieben.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Open a SQLite database</source>
        <translation>SQLite-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Create a SQLite database</source>
        <translation>SQLite-Datenbank anlegen</translation>
    </message>
    <message>
        <source>Choose a file, or type a path for a new one.</source>
        <translation>Wählen Sie eine Datei oder geben Sie den Pfad für eine neue ein.</translation>
    </message>
    <message>
        <source>The server&apos;s host name or address is required.</source>
        <translation>Der Hostname oder die Adresse des Servers ist erforderlich.</translation>
    </message>
    <message>
        <source>The database name is required.</source>
        <translation>Der Name der Datenbank ist erforderlich.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>ConsentText</name>
    <message>
        <source>Create tables?</source>
        <translation>Tabellen anlegen?</translation>
    </message>
    <message>
        <source>Upgrade the database?</source>
        <translation>Datenbank aktualisieren?</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>This file does not exist. Create a new database there?</source>
        <translation>Diese Datei gibt es nicht. Dort eine neue Datenbank anlegen?</translation>
    </message>
    <message>
        <source>This file has no users and posts tables. Create them?</source>
        <translation>Diese Datei hat keine Tabellen für Benutzer und Beiträge. Sollen sie angelegt werden?</translation>
    </message>
    <message>
        <source>This database has no users and posts tables. Create them?</source>
        <translation>Diese Datenbank hat keine Tabellen für Benutzer und Beiträge. Sollen sie angelegt werden?</translation>
    </message>
    <message>
        <source>This file has users and posts tables that desktop_app has not set up yet. Add what this version needs?</source>
        <translation>Diese Datei hat Tabellen für Benutzer und Beiträge, die desktop_app noch nicht eingerichtet hat. Hinzufügen, was diese Version braucht?</translation>
    </message>
    <message>
        <source>This database has users and posts tables that desktop_app has not set up yet. Add what this version needs?</source>
        <translation>Diese Datenbank hat Tabellen für Benutzer und Beiträge, die desktop_app noch nicht eingerichtet hat. Hinzufügen, was diese Version braucht?</translation>
    </message>
    <message>
        <source>This file has an older desktop_app schema ({revision}; this version uses {head}). Upgrade it?</source>
        <translation>Diese Datei hat ein älteres desktop_app-Schema ({revision}; diese Version verwendet {head}). Aktualisieren?</translation>
    </message>
    <message>
        <source>This database has an older desktop_app schema ({revision}; this version uses {head}). Upgrade it?</source>
        <translation>Diese Datenbank hat ein älteres desktop_app-Schema ({revision}; diese Version verwendet {head}). Aktualisieren?</translation>
    </message>
    <message>
        <source>{tables} and {count} more</source>
        <translation>{tables} und {count} weitere</translation>
    </message>
    <message>
        <source>It has other tables ({tables}); they are left as they are.</source>
        <translation>Sie hat weitere Tabellen ({tables}); diese bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Creating adds the tables users and posts, their search tables and triggers, and the version table desktop_app_alembic_version.</source>
        <translation>Beim Anlegen kommen die Tabellen users und posts hinzu, ihre Suchtabellen und Trigger sowie die Versionstabelle desktop_app_alembic_version.</translation>
    </message>
    <message>
        <source>Upgrading adds indexes, search tables and triggers, and records the version; an older desktop_app cannot open it afterwards.</source>
        <translation>Beim Aktualisieren kommen Indizes, Suchtabellen und Trigger hinzu, und die Version wird vermerkt; ein älteres desktop_app kann sie danach nicht mehr öffnen.</translation>
    </message>
    <message>
        <source>A copy is saved first: {path}</source>
        <translation>Vorher wird eine Kopie gespeichert: {path}</translation>
    </message>
    <message>
        <source>Open read-only to look without changing anything.</source>
        <translation>Öffnen Sie sie schreibgeschützt, um sie anzusehen, ohne etwas zu ändern.</translation>
    </message>
</context>
<context>
    <name>CopyFlow</name>
    <message>
        <source>Copy rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy %Ln row(s)?</source>
        <translation>
            <numerusform>%Ln Zeile kopieren?</numerusform>
            <numerusform>%Ln Zeilen kopieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>They are all read from the database, and the clipboard holds them all.</source>
        <translation>Sie werden alle aus der Datenbank gelesen, und die Zwischenablage nimmt sie alle auf.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copying %Ln row(s)…</source>
        <translation>
            <numerusform>%Ln Zeile wird kopiert…</numerusform>
            <numerusform>%Ln Zeilen werden kopiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy cancelled: the clipboard is unchanged.</source>
        <translation>Kopieren abgebrochen: Die Zwischenablage ist unverändert.</translation>
    </message>
    <message>
        <source>Nothing was copied: {reason}</source>
        <translation>Nichts wurde kopiert: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>%Ln Zeile kopiert.</numerusform>
            <numerusform>%Ln Zeilen kopiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>{app}: something went wrong</source>
        <translation>{app}: Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong inside {app}.&lt;/b&gt;&lt;br&gt;Nothing you saved is lost, and the app keeps running. What you were doing may not have finished: check it, and please report this with the details below.</source>
        <translation>&lt;b&gt;In {app} ist etwas schiefgegangen.&lt;/b&gt;&lt;br&gt;Nichts, was Sie gespeichert haben, ist verloren, und das Programm läuft weiter. Was Sie gerade getan haben, ist vielleicht nicht abgeschlossen: Bitte prüfen Sie es und melden Sie diesen Fehler mit den Details unten.</translation>
    </message>
    <message>
        <source>Also written to {path}</source>
        <translation>Auch geschrieben nach {path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>DatabaseErrors</name>
    <message>
        <source>The database refused the change: {reason}</source>
        <translation>Die Datenbank hat die Änderung abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>The database server did not answer within {seconds} s: it may be stopped, overloaded or unreachable.</source>
        <translation>Der Datenbankserver hat nicht innerhalb von {seconds} s geantwortet: Vielleicht ist er gestoppt, überlastet oder nicht erreichbar.</translation>
    </message>
    <message>
        <source>Every database connection stayed busy and none came free in time: the server may be slow or stopped.</source>
        <translation>Alle Datenbankverbindungen blieben belegt, und keine wurde rechtzeitig frei: Vielleicht ist der Server langsam oder gestoppt.</translation>
    </message>
    <message>
        <source>The database server cancelled the statement: {reason}. It may have run into the server&apos;s statement_timeout, or an administrator cancelled it.</source>
        <translation>Der Datenbankserver hat die Anweisung abgebrochen: {reason}. Vielleicht hat sie das statement_timeout des Servers überschritten, oder ein Administrator hat sie abgebrochen.</translation>
    </message>
    <message>
        <source>The database is not available: {reason}</source>
        <translation>Die Datenbank ist nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <source>The database server did not answer in time.</source>
        <translation>Der Datenbankserver hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Could not connect to the database: {reason}</source>
        <translation>Keine Verbindung zur Datenbank: {reason}</translation>
    </message>
</context>
<context>
    <name>DatabaseLifecycle</name>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Opening database…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <source>Could not open the database. {reason}</source>
        <translation>Die Datenbank konnte nicht geöffnet werden. {reason}</translation>
    </message>
    <message>
        <source>schema {revision}</source>
        <translation>Schema {revision}</translation>
    </message>
    <message>
        <source>{database} — {app}</source>
        <translation>{database} — {app}</translation>
    </message>
    <message>
        <source>Opened {database}.</source>
        <translation>{database} geöffnet.</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <source>{database} was not opened: nothing in it was changed.</source>
        <translation>{database} wurde nicht geöffnet: Darin wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This database has no users and posts tables: nothing to show.</source>
        <translation>Diese Datenbank hat keine Tabellen users und posts: Es gibt nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>{database} has an older schema ({revision}; this version uses {head}) that this version cannot show without upgrading it, and a read-only open changes nothing. Open it for editing to upgrade it (a SQLite file is backed up first).</source>
        <translation>{database} hat ein älteres Schema ({revision}; diese Version verwendet {head}), das diese Version nicht ohne Aktualisierung anzeigen kann, und schreibgeschütztes Öffnen ändert nichts. Öffnen Sie sie zum Bearbeiten, um sie zu aktualisieren (eine SQLite-Datei wird vorher gesichert).</translation>
    </message>
    <message>
        <source>The schema is older ({revision}) than this version&apos;s ({head}); it was not upgraded.</source>
        <translation>Das Schema ({revision}) ist älter als das dieser Version ({head}); es wurde nicht aktualisiert.</translation>
    </message>
    <message>
        <source>not set up by desktop_app</source>
        <translation>nicht von desktop_app eingerichtet</translation>
    </message>
    <message>
        <source>Connected: {server}, {state}.</source>
        <translation>Verbunden: {server}, {state}.</translation>
    </message>
    <message>
        <source>no users and posts tables</source>
        <translation>keine Tabellen users und posts</translation>
    </message>
    <message>
        <source>no users and posts tables (it has {tables})</source>
        <translation>keine Tabellen users und posts (sie hat {tables})</translation>
    </message>
</context>
<context>
    <name>DelayedProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DeleteFlow</name>
    <message>
        <source>You can take it back with Edit → Undo.</source>
        <translation>Sie können das mit Bearbeiten → Rückgängig zurücknehmen.</translation>
    </message>
    <message>
        <source>Reading the selected users…</source>
        <translation>Die ausgewählten Benutzer werden gelesen…</translation>
    </message>
    <message>
        <source>Reading the selected posts…</source>
        <translation>Die ausgewählten Beiträge werden gelesen…</translation>
    </message>
    <message>
        <source>Nothing was deleted: {reason}</source>
        <translation>Nichts wurde gelöscht: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>This also deletes %Ln post(s) by them.</source>
        <translation>
            <numerusform>Dabei wird auch %Ln Beitrag von ihnen gelöscht.</numerusform>
            <numerusform>Dabei werden auch %Ln Beiträge von ihnen gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This also deletes %Ln post(s) by this user.</source>
        <translation>
            <numerusform>Dabei wird auch %Ln Beitrag dieses Benutzers gelöscht.</numerusform>
            <numerusform>Dabei werden auch %Ln Beiträge dieses Benutzers gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>They have no posts.</source>
        <translation>Sie haben keine Beiträge.</translation>
    </message>
    <message>
        <source>This user has no posts.</source>
        <translation>Dieser Benutzer hat keine Beiträge.</translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>Delete {rows}?</source>
        <translation>{rows} löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting {rows}…</source>
        <translation>{rows} wird gelöscht…</translation>
    </message>
    <message>
        <source>Deleted {users} and {posts}.</source>
        <translation>{users} und {posts} gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete posts</source>
        <translation>Beiträge löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln post(s).</source>
        <translation>
            <numerusform>%Ln Beitrag gelöscht.</numerusform>
            <numerusform>%Ln Beiträge gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) changed by someone else after being listed, and left alone.</source>
        <translation>
            <numerusform>%Ln Benutzer wurde nach dem Auflisten von jemand anderem geändert und daher nicht angetastet.</numerusform>
            <numerusform>%Ln Benutzer wurden nach dem Auflisten von jemand anderem geändert und daher nicht angetastet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) changed by someone else after being listed, and left alone.</source>
        <translation>
            <numerusform>%Ln Beitrag wurde nach dem Auflisten von jemand anderem geändert und daher nicht angetastet.</numerusform>
            <numerusform>%Ln Beiträge wurden nach dem Auflisten von jemand anderem geändert und daher nicht angetastet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DialogLauncher</name>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>An offline editor for a users-and-posts database, on SQLite or PostgreSQL.</source>
        <translation>Ein Offline-Editor für eine Datenbank mit Benutzern und Beiträgen, auf SQLite oder PostgreSQL.</translation>
    </message>
    <message>
        <source>Saved user {name}.</source>
        <translation>Benutzer {name} gespeichert.</translation>
    </message>
    <message>
        <source>Saved post “{title}”.</source>
        <translation>Beitrag „{title}“ gespeichert.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app} {version}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{app} {version}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>keine geöffnet</translation>
    </message>
    <message>
        <source>not answering ({reason})</source>
        <translation>antwortet nicht ({reason})</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>EmailCheck</name>
    <message>
        <source>An email address must have an @-sign.</source>
        <translation>Eine E-Mail-Adresse muss ein @-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>There must be something after the @-sign.</source>
        <translation>Nach dem @-Zeichen muss etwas stehen.</translation>
    </message>
    <message>
        <source>There must be something before the @-sign.</source>
        <translation>Vor dem @-Zeichen muss etwas stehen.</translation>
    </message>
    <message>
        <source>The part after the @-sign is not valid. It should have a period.</source>
        <translation>Der Teil nach dem @-Zeichen ist ungültig. Er sollte einen Punkt enthalten.</translation>
    </message>
    <message>
        <source>An email address cannot have two periods in a row.</source>
        <translation>Eine E-Mail-Adresse darf nicht zwei Punkte hintereinander enthalten.</translation>
    </message>
    <message>
        <source>An email address cannot have a period immediately after the @-sign.</source>
        <translation>Eine E-Mail-Adresse darf direkt nach dem @-Zeichen keinen Punkt haben.</translation>
    </message>
    <message>
        <source>An email address cannot have a period immediately before the @-sign.</source>
        <translation>Eine E-Mail-Adresse darf direkt vor dem @-Zeichen keinen Punkt haben.</translation>
    </message>
    <message>
        <source>An email address cannot start with a period.</source>
        <translation>Eine E-Mail-Adresse darf nicht mit einem Punkt beginnen.</translation>
    </message>
    <message>
        <source>An email address cannot end with a period.</source>
        <translation>Eine E-Mail-Adresse darf nicht mit einem Punkt enden.</translation>
    </message>
    <message>
        <source>An email address cannot have a hyphen immediately after the @-sign.</source>
        <translation>Eine E-Mail-Adresse darf direkt nach dem @-Zeichen keinen Bindestrich haben.</translation>
    </message>
    <message>
        <source>A bracketed IP address after the @-sign is not allowed here.</source>
        <translation>Eine IP-Adresse in eckigen Klammern nach dem @-Zeichen ist hier nicht erlaubt.</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>Keine gültige E-Mail-Adresse ({reason})</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Choose database…</source>
        <translation>Datenbank wählen…</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Hide error message</source>
        <translation>Fehlermeldung ausblenden</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A user with the e-mail {email} already exists.</source>
        <translation>Es gibt schon einen Benutzer mit der E-Mail-Adresse {email}.</translation>
    </message>
    <message>
        <source>The username {username} is already taken.</source>
        <translation>Der Benutzername {username} ist schon vergeben.</translation>
    </message>
    <message>
        <source>{entity} {id} does not exist (it may have been deleted).</source>
        <translation>{entity} {id} existiert nicht (vielleicht wurde es gelöscht).</translation>
    </message>
    <message>
        <source>User {id} does not exist (it may have been deleted).</source>
        <translation>Benutzer {id} existiert nicht (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>Post {id} does not exist (it may have been deleted).</source>
        <translation>Beitrag {id} existiert nicht (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Someone else added rows with some of the same ids meanwhile. Check the file again.</source>
        <translation>Inzwischen hat jemand anderes Zeilen mit einigen derselben IDs hinzugefügt. Prüfen Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>The database schema is at revision {revision}, which this version of the app does not know (it knows up to {head}). It was written by a newer version: update the app. The database was left unchanged.</source>
        <translation>Das Datenbankschema hat die Revision {revision}, die diese Version der App nicht kennt (sie kennt bis {head}). Es wurde von einer neueren Version geschrieben: Aktualisieren Sie die App. Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This user was changed by someone else after you opened it. Reload it to see their change, then edit again.</source>
        <translation>Dieser Benutzer wurde von jemand anderem geändert, nachdem Sie ihn geöffnet haben. Laden Sie ihn neu, um die Änderung zu sehen, und bearbeiten Sie ihn dann erneut.</translation>
    </message>
    <message>
        <source>This post was changed by someone else after you opened it. Reload it to see their change, then edit again.</source>
        <translation>Dieser Beitrag wurde von jemand anderem geändert, nachdem Sie ihn geöffnet haben. Laden Sie ihn neu, um die Änderung zu sehen, und bearbeiten Sie ihn dann erneut.</translation>
    </message>
    <message>
        <source>This {entity} was changed by someone else after you opened it. Reload it to see their change, then edit again.</source>
        <translation>Dieser Eintrag ({entity}) wurde von jemand anderem geändert, nachdem Sie ihn geöffnet haben. Laden Sie ihn neu, um die Änderung zu sehen, und bearbeiten Sie ihn dann erneut.</translation>
    </message>
    <message>
        <source>Someone else changed a row since: nothing was changed. Review their change, then keep theirs or overwrite it.</source>
        <translation>Jemand anderes hat inzwischen eine Zeile geändert: Es wurde nichts geändert. Sehen Sie sich die Änderung an und behalten oder überschreiben Sie sie.</translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %n row(s) since: nothing was changed. Review their change, then keep theirs or overwrite it.</source>
        <translation>
            <numerusform>Jemand anderes hat inzwischen %n Zeile geändert: Es wurde nichts geändert. Sehen Sie sich die Änderung an und behalten oder überschreiben Sie sie.</numerusform>
            <numerusform>Jemand anderes hat inzwischen %n Zeilen geändert: Es wurde nichts geändert. Sehen Sie sich die Änderungen an und behalten oder überschreiben Sie sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is open read-only: nothing was changed. Open it again for editing (File → Open…) to make changes.</source>
        <translation>Die Datenbank ist nur zum Lesen geöffnet: Es wurde nichts geändert. Öffnen Sie sie erneut zum Bearbeiten (Datei → Öffnen…), um Änderungen vorzunehmen.</translation>
    </message>
    <message>
        <source>The file {path} does not exist. Nothing was created.</source>
        <translation>Die Datei {path} existiert nicht. Es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Nothing was written.</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}. Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <source>JSON Lines (one row a line)</source>
        <translation>JSON Lines (eine Zeile pro Zeile)</translation>
    </message>
    <message>
        <source>JSON (one array)</source>
        <translation>JSON (ein Array)</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;JSON (*.json);;All files (*)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The file will hold every exported user&apos;s password hash. Anyone with the file can try to guess the passwords offline: keep it as safe as the database (it is written readable by you alone).</source>
        <translation>Die Datei enthält den Passwort-Hash jedes exportierten Benutzers. Wer die Datei hat, kann offline versuchen, die Passwörter zu erraten: Verwahren Sie sie so sicher wie die Datenbank (sie wird nur für Sie lesbar geschrieben).</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>The whole table</source>
        <translation>Die ganze Tabelle</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Start with a byte order mark (for Excel and other spreadsheets)</source>
        <translation>Mit Byte-Order-Mark beginnen (für Excel und andere Tabellenkalkulationen)</translation>
    </message>
    <message>
        <source>Include password hashes</source>
        <translation>Passwort-Hashes einschließen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>What the view shows: {view}</source>
        <translation>Was die Ansicht zeigt: {view}</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write a table, or what its view shows, to a CSV or JSON file</source>
        <translation>Eine Tabelle oder das, was ihre Ansicht zeigt, in eine CSV- oder JSON-Datei schreiben</translation>
    </message>
    <message>
        <source>users matching “{search}”</source>
        <translation>Benutzer passend zu „{search}“</translation>
    </message>
    <message>
        <source>every user</source>
        <translation>alle Benutzer</translation>
    </message>
    <message>
        <source>every post</source>
        <translation>alle Beiträge</translation>
    </message>
    <message>
        <source>{posts} matching “{search}”</source>
        <translation>{posts} passend zu „{search}“</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ row(s)</source>
        <translation>
            <numerusform>%Ln+ Zeile</numerusform>
            <numerusform>%Ln+ Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a database to export from it.</source>
        <translation>Öffnen Sie eine Datenbank, um aus ihr zu exportieren.</translation>
    </message>
    <message>
        <source>Exporting users to {path}…</source>
        <translation>Benutzer werden nach {path} exportiert…</translation>
    </message>
    <message>
        <source>Exporting posts to {path}…</source>
        <translation>Beiträge werden nach {path} exportiert…</translation>
    </message>
    <message>
        <source>Export cancelled: {path} was not written.</source>
        <translation>Export abgebrochen: {path} wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was exported: {reason}</source>
        <translation>Nichts wurde exportiert: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln user(s) to {path}.</source>
        <translation>
            <numerusform>%Ln Benutzer nach {path} exportiert.</numerusform>
            <numerusform>%Ln Benutzer nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln post(s) to {path}.</source>
        <translation>
            <numerusform>%Ln Beitrag nach {path} exportiert.</numerusform>
            <numerusform>%Ln Beiträge nach {path} exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Show any user, active ones, or not</source>
        <translation>Alle Benutzer zeigen, nur aktive oder nur inaktive</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>Aktiv:</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Type part of a username and pick the author whose posts to show</source>
        <translation>Einen Teil des Benutzernamens eingeben und den Autor wählen, dessen Beiträge gezeigt werden</translation>
    </message>
    <message>
        <source>any author</source>
        <translation>beliebiger Autor</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Autor:</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Show every row again (Esc in the filter bar does the same)</source>
        <translation>Wieder alle Zeilen zeigen (Esc in der Filterleiste tut dasselbe)</translation>
    </message>
    <message>
        <source>Show every row again (Esc)</source>
        <translation>Wieder alle Zeilen zeigen (Esc)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Clear the author</source>
        <translation>Autor entfernen</translation>
    </message>
</context>
<context>
    <name>FilterStatus</name>
    <message>
        <source>Filters in use</source>
        <translation>Aktive Filter</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln users</source>
        <translation>
            <numerusform>%1 von %Ln Benutzer</numerusform>
            <numerusform>%1 von %Ln Benutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln posts</source>
        <translation>
            <numerusform>%1 von %Ln Beitrag</numerusform>
            <numerusform>%1 von %Ln Beiträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of … users</source>
        <translation>%1 von … Benutzern</translation>
    </message>
    <message>
        <source>%1 of … posts</source>
        <translation>%1 von … Beiträgen</translation>
    </message>
    <message>
        <source>Filtered: %1 · %2</source>
        <translation>Gefiltert: %1 · %2</translation>
    </message>
</context>
<context>
    <name>FormConflicts</name>
    <message>
        <source>(typed)</source>
        <translation>(eingegeben)</translation>
    </message>
    <message>
        <source>Yours was: {value}</source>
        <translation>Ihr Wert war: {value}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Never edited</source>
        <translation>Nie bearbeitet</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>{reason} Your input is kept: copy what you need, then cancel and reopen.</source>
        <translation>{reason} Ihre Eingaben bleiben erhalten: Kopieren Sie, was Sie brauchen, brechen Sie dann ab und öffnen Sie erneut.</translation>
    </message>
    <message>
        <source>Not saved: {reason} Your input is kept; try again.</source>
        <translation>Nicht gespeichert: {reason} Ihre Eingaben bleiben erhalten; versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>HeaderMenu</name>
    <message>
        <source>&amp;Reset columns</source>
        <translation>Spalten &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Show or hide the {column} column</source>
        <translation>Die Spalte {column} ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Show every column, in its first order and width</source>
        <translation>Alle Spalten anzeigen, in ursprünglicher Reihenfolge und Breite</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Data files (*.csv *.jsonl *.ndjson *.json);;CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;JSON (*.json)</source>
        <translation>Datendateien (*.csv *.jsonl *.ndjson *.json);;CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;JSON (*.json)</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignorieren)</translation>
    </message>
    <message>
        <source>author (id, username or e-mail)</source>
        <translation>author (ID, Benutzername oder E-Mail)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose a CSV, JSON Lines or JSON file…</source>
        <translation>Eine CSV-, JSON-Lines- oder JSON-Datei wählen…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>A row already there</source>
        <translation>Eine schon vorhandene Zeile</translation>
    </message>
    <message>
        <source>Stop: report it as a bad line, import nothing</source>
        <translation>Anhalten: als fehlerhafte Zeile melden, nichts importieren</translation>
    </message>
    <message>
        <source>Stop: report it as a bad line, paste nothing</source>
        <translation>Anhalten: als fehlerhafte Zeile melden, nichts einfügen</translation>
    </message>
    <message>
        <source>Skip it: keep the row in the database as it is</source>
        <translation>Überspringen: die Zeile in der Datenbank unverändert lassen</translation>
    </message>
    <message>
        <source>Update it with the values in the file</source>
        <translation>Mit den Werten aus der Datei aktualisieren</translation>
    </message>
    <message>
        <source>Update it with the values in the clipboard</source>
        <translation>Mit den Werten aus der Zwischenablage aktualisieren</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Aus:</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>In:</translation>
    </message>
    <message>
        <source>A row already there
(same id, e-mail or username):</source>
        <translation>Eine schon vorhandene Zeile
(gleiche ID, E-Mail oder gleicher Benutzername):</translation>
    </message>
    <message>
        <source>Choose a file to see its first rows.</source>
        <translation>Wählen Sie eine Datei, um ihre ersten Zeilen zu sehen.</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>Die Zeilen werden gelesen…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Check every line</source>
        <translation>Alle Zeilen &amp;prüfen</translation>
    </message>
    <message>
        <source>Bad lines</source>
        <translation>Fehlerhafte Zeilen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importieren aus</translation>
    </message>
    <message>
        <source>More than one column goes to {fields}: choose “{ignore}” for all but one.</source>
        <translation>Mehr als eine Spalte geht nach {fields}: Wählen Sie „{ignore}“ für alle außer einer.</translation>
    </message>
    <message>
        <source>The choice changed since the last check: check again to import.</source>
        <translation>Die Auswahl hat sich seit der letzten Prüfung geändert: Prüfen Sie erneut, um zu importieren.</translation>
    </message>
    <message>
        <source>The choice changed since the last check: check again to paste.</source>
        <translation>Die Auswahl hat sich seit der letzten Prüfung geändert: Prüfen Sie erneut, um einzufügen.</translation>
    </message>
    <message>
        <source>Field for column {name}</source>
        <translation>Feld für Spalte {name}</translation>
    </message>
    <message>
        <source>{first}{total}. Above each column, the field it goes into (guessed from the header; “{ignore}” leaves it out).</source>
        <translation>{first}{total}. Über jeder Spalte das Feld, in das sie geht (aus der Kopfzeile erraten; „{ignore}“ lässt sie weg).</translation>
    </message>
    <message>
        <source>The file has no rows to import.</source>
        <translation>Die Datei enthält keine Zeilen zum Importieren.</translation>
    </message>
    <message>
        <source>The clipboard has no rows to paste.</source>
        <translation>Die Zwischenablage enthält keine Zeilen zum Einfügen.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Add users or posts from a CSV, JSON Lines or JSON file</source>
        <translation>Benutzer oder Beiträge aus einer CSV-, JSON-Lines- oder JSON-Datei hinzufügen</translation>
    </message>
    <message>
        <source>Open a database you may change to import into it.</source>
        <translation>Öffnen Sie eine Datenbank, die Sie ändern dürfen, um in sie zu importieren.</translation>
    </message>
    <message>
        <source>Open a database you may change to paste into it.</source>
        <translation>Öffnen Sie eine Datenbank, die Sie ändern dürfen, um in sie einzufügen.</translation>
    </message>
    <message>
        <source>Choose a file to see its first rows.</source>
        <translation>Wählen Sie eine Datei, um ihre ersten Zeilen zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read {source}: {reason}</source>
        <translation>{source} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Checking every line of {source}…</source>
        <translation>Alle Zeilen von {source} werden geprüft…</translation>
    </message>
    <message>
        <source>Could not check {source}: {reason}</source>
        <translation>{source} konnte nicht geprüft werden: {reason}</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written. Import tries again.</source>
        <translation>Import abgebrochen: Es wurde nichts geschrieben. „Importieren“ versucht es erneut.</translation>
    </message>
    <message>
        <source>Paste cancelled: nothing was written. Paste tries again.</source>
        <translation>Einfügen abgebrochen: Es wurde nichts geschrieben. „Einfügen“ versucht es erneut.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Nichts wurde importiert: {reason}</translation>
    </message>
    <message>
        <source>Nothing was pasted: {reason}</source>
        <translation>Nichts wurde eingefügt: {reason}</translation>
    </message>
    <message>
        <source>Imported from {source}: {what}. Edit → Undo “{action}” takes it back.</source>
        <translation>Aus {source} importiert: {what}. Bearbeiten → Rückgängig „{action}“ nimmt es zurück.</translation>
    </message>
    <message>
        <source>Pasted from {source}: {what}. Edit → Undo “{action}” takes it back.</source>
        <translation>Aus {source} eingefügt: {what}. Bearbeiten → Rückgängig „{action}“ nimmt es zurück.</translation>
    </message>
    <message>
        <source>{message} Check again to retry.</source>
        <translation>{message} Prüfen Sie erneut, um es noch einmal zu versuchen.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>{source}: line {line}: {reason}</source>
        <translation>{source}: Zeile {line}: {reason}</translation>
    </message>
    <message>
        <source>{source} holds no JSON array of rows ([{{...}}, ...])</source>
        <translation>{source} enthält kein JSON-Array von Zeilen ([{{...}}, ...])</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <source>not a valid id (a UUID): {value}</source>
        <translation>keine gültige ID (eine UUID): {value}</translation>
    </message>
    <message>
        <source>not a yes/no value: {value} (use true or false)</source>
        <translation>kein Ja/Nein-Wert: {value} (verwenden Sie true oder false)</translation>
    </message>
    <message>
        <source>not an ISO 8601 timestamp: {value} (e.g. {example})</source>
        <translation>kein Zeitstempel nach ISO 8601: {value} (z. B. {example})</translation>
    </message>
    <message>
        <source>required, but empty or missing</source>
        <translation>erforderlich, aber leer oder fehlend</translation>
    </message>
    <message>
        <source>give a password or a hashed_password, not both</source>
        <translation>geben Sie ein password oder einen hashed_password an, nicht beides</translation>
    </message>
    <message>
        <source>{value} appears twice in the file (first on line {first})</source>
        <translation>{value} kommt zweimal in der Datei vor (zuerst in Zeile {first})</translation>
    </message>
    <message>
        <source>{field} matches {username}</source>
        <translation>{field} passt zu {username}</translation>
    </message>
    <message>
        <source>matches more than one existing user ({named})</source>
        <translation>passt zu mehr als einem vorhandenen Benutzer ({named})</translation>
    </message>
    <message>
        <source>already in the database (user {username})</source>
        <translation>schon in der Datenbank (Benutzer {username})</translation>
    </message>
    <message>
        <source>required for a new user: give a password or a hashed_password</source>
        <translation>für einen neuen Benutzer erforderlich: Geben Sie ein password oder einen hashed_password an</translation>
    </message>
    <message>
        <source>no user with the id, e-mail or username {reference}</source>
        <translation>kein Benutzer mit der ID, E-Mail-Adresse oder dem Benutzernamen {reference}</translation>
    </message>
    <message>
        <source>already in the database (post {title})</source>
        <translation>schon in der Datenbank (Beitrag {title})</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte} at column {column}); save the file as UTF-8 and try again</source>
        <translation>kein gültiges UTF-8 (Byte 0x{byte} in Spalte {column}); speichern Sie die Datei als UTF-8 und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>not readable as CSV ({reason})</source>
        <translation>nicht als CSV lesbar ({reason})</translation>
    </message>
    <message>
        <source>not readable as tab-separated rows ({reason})</source>
        <translation>nicht als tabulatorgetrennte Zeilen lesbar ({reason})</translation>
    </message>
    <message>
        <source>{values} values for {columns} columns</source>
        <translation>{values} Werte für {columns} Spalten</translation>
    </message>
    <message>
        <source>expected an object ({example}) for each row</source>
        <translation>für jede Zeile wird ein Objekt ({example}) erwartet</translation>
    </message>
    <message>
        <source>not valid JSON ({reason})</source>
        <translation>kein gültiges JSON ({reason})</translation>
    </message>
    <message>
        <source>expected a JSON array of objects ({example})</source>
        <translation>ein JSON-Array aus Objekten wird erwartet ({example})</translation>
    </message>
    <message>
        <source>unexpected text after the array</source>
        <translation>unerwarteter Text nach dem Array</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; after a row</source>
        <translation>nach einer Zeile wird &apos;,&apos; oder &apos;]&apos; erwartet</translation>
    </message>
    <message>
        <source>{count} bad line(s): nothing was imported.</source>
        <translation>{count} fehlerhafte Zeile(n): Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The file or the database changed since the check: nothing was imported. Check the file again.</source>
        <translation>Die Datei oder die Datenbank hat sich seit der Prüfung geändert: Es wurde nichts importiert. Prüfen Sie die Datei erneut.</translation>
    </message>
</context>
<context>
    <name>ImportText</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new post(s)</source>
        <translation>
            <numerusform>%Ln neuer Beitrag</numerusform>
            <numerusform>%Ln neue Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new user(s)</source>
        <translation>
            <numerusform>%Ln neuer Benutzer</numerusform>
            <numerusform>%Ln neue Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>{read} read: {new}, {updated} to update, {skipped} already there (skipped).</source>
        <translation>{read} gelesen: {new}, {updated} zu aktualisieren, {skipped} schon vorhanden (übersprungen).</translation>
    </message>
    <message>
        <source>Columns left out: {columns}.</source>
        <translation>Weggelassene Spalten: {columns}.</translation>
    </message>
    <message>
        <source>{problems} on {lines} of {read}: nothing can be imported until they are fixed. Correct the file, or the fields above, and check again.</source>
        <translation>{problems} in {lines} von {read}: Es kann nichts importiert werden, bis sie behoben sind. Korrigieren Sie die Datei oder die Felder oben und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>{problems} on {lines} of {read}: nothing can be pasted until they are fixed. Correct the rows where you copied them and paste again, or change the fields above, and check again.</source>
        <translation>{problems} in {lines} von {read}: Es kann nichts eingefügt werden, bis sie behoben sind. Korrigieren Sie die Zeilen dort, wo Sie sie kopiert haben, und fügen Sie sie erneut ein, oder ändern Sie die Felder oben und prüfen Sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s)</source>
        <translation>
            <numerusform>%Ln Problem</numerusform>
            <numerusform>%Ln Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Nichts zu importieren.</translation>
    </message>
    <message>
        <source>Nothing to paste.</source>
        <translation>Nichts einzufügen.</translation>
    </message>
    <message>
        <source>Import writes them as one step.</source>
        <translation>„Importieren“ schreibt sie in einem Schritt.</translation>
    </message>
    <message>
        <source>Paste writes them as one step.</source>
        <translation>„Einfügen“ schreibt sie in einem Schritt.</translation>
    </message>
    <message>
        <source>Every line is good.</source>
        <translation>Alle Zeilen sind in Ordnung.</translation>
    </message>
    <message numerus="yes">
        <source>The clipboard: %Ln line(s)</source>
        <translation>
            <numerusform>Die Zwischenablage: %Ln Zeile</numerusform>
            <numerusform>Die Zwischenablage: %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %Ln row(s) of the file</source>
        <translation>
            <numerusform>Die erste Zeile der Datei</numerusform>
            <numerusform>Die ersten %Ln Zeilen der Datei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %Ln row(s) of the clipboard</source>
        <translation>
            <numerusform>Die erste Zeile der Zwischenablage</numerusform>
            <numerusform>Die ersten %Ln Zeilen der Zwischenablage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more problem(s) not listed</source>
        <translation>
            <numerusform>… und %Ln weiteres, nicht aufgeführtes Problem</numerusform>
            <numerusform>… und %Ln weitere, nicht aufgeführte Probleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln user(s) from {source}…</source>
        <translation>
            <numerusform>%Ln Benutzer wird aus {source} importiert…</numerusform>
            <numerusform>%Ln Benutzer werden aus {source} importiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasting %Ln user(s) from {source}…</source>
        <translation>
            <numerusform>%Ln Benutzer wird aus {source} eingefügt…</numerusform>
            <numerusform>%Ln Benutzer werden aus {source} eingefügt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln post(s) from {source}…</source>
        <translation>
            <numerusform>%Ln Beitrag wird aus {source} importiert…</numerusform>
            <numerusform>%Ln Beiträge werden aus {source} importiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasting %Ln post(s) from {source}…</source>
        <translation>
            <numerusform>%Ln Beitrag wird aus {source} eingefügt…</numerusform>
            <numerusform>%Ln Beiträge werden aus {source} eingefügt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) added</source>
        <translation>
            <numerusform>%Ln Benutzer hinzugefügt</numerusform>
            <numerusform>%Ln Benutzer hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) added</source>
        <translation>
            <numerusform>%Ln Beitrag hinzugefügt</numerusform>
            <numerusform>%Ln Beiträge hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln aktualisiert</numerusform>
            <numerusform>%Ln aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped (already there)</source>
        <translation>
            <numerusform>%Ln übersprungen (schon vorhanden)</numerusform>
            <numerusform>%Ln übersprungen (schon vorhanden)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LazyTableModel</name>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{app} main window</source>
        <translation>{app}-Hauptfenster</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Search email, username, bio…  (Ctrl+F)</source>
        <translation>E-Mail, Name, Profil suchen…  (Strg+F)</translation>
    </message>
    <message>
        <source>All posts</source>
        <translation>Alle Beiträge</translation>
    </message>
    <message>
        <source>Search title, content, author…</source>
        <translation>Titel, Inhalt, Autor suchen…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip} ({shortcut})</translation>
    </message>
    <message>
        <source>New &amp;user…</source>
        <translation>Neuer &amp;Benutzer…</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Einen Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>New &amp;post…</source>
        <translation>Neuer Bei&amp;trag…</translation>
    </message>
    <message>
        <source>Add a post</source>
        <translation>Einen Beitrag hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected row in a form</source>
        <translation>Die ausgewählte Zeile in einem Formular bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected rows</source>
        <translation>Die ausgewählten Zeilen löschen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the tables again</source>
        <translation>Die Tabellen neu lesen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Discard &amp;unsaved edits</source>
        <translation>Nicht gespeicherte Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>&amp;Datenbank…</translation>
    </message>
    <message>
        <source>Open another SQLite file or connect to PostgreSQL</source>
        <translation>Eine andere SQLite-Datei öffnen oder mit PostgreSQL verbinden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>Ü&amp;ber {app}</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Keine Datenbank</translation>
    </message>
    <message>
        <source>{reason} Check the connection, then Retry.</source>
        <translation>{reason} Prüfen Sie die Verbindung und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Not saved: {reason} (the cell keeps what you typed; edit it again, or Edit → Discard unsaved edits)</source>
        <translation>Nicht gespeichert: {reason} (die Zelle behält Ihre Eingabe; bearbeiten Sie sie erneut oder wählen Sie Bearbeiten → Nicht gespeicherte Änderungen verwerfen)</translation>
    </message>
</context>
<context>
    <name>MarkdownView</name>
    <message>
        <source>{size} B</source>
        <translation>{size} B</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Rendered Markdown</source>
        <translation>Gerendertes Markdown</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles anzeigen</translation>
    </message>
    <message>
        <source>Showing the first {part} of {whole}.</source>
        <translation>Angezeigt werden die ersten {part} von {whole}.</translation>
    </message>
    <message>
        <source>Show all ({size})</source>
        <translation>Alles anzeigen ({size})</translation>
    </message>
</context>
<context>
    <name>OpenActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a SQLite file</source>
        <translation>Eine SQLite-Datei öffnen</translation>
    </message>
    <message>
        <source>Open read-&amp;only…</source>
        <translation>Schreib&amp;geschützt öffnen…</translation>
    </message>
    <message>
        <source>Open a SQLite file without changing anything</source>
        <translation>Eine SQLite-Datei öffnen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <source>New data&amp;base…</source>
        <translation>Neue Daten&amp;bank…</translation>
    </message>
    <message>
        <source>Create a SQLite file with the users and posts tables</source>
        <translation>Eine SQLite-Datei mit den Tabellen für Benutzer und Beiträge anlegen</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Clear recent</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>Open database read-only</source>
        <translation>Datenbank schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(nicht gefunden)</translation>
    </message>
    <message>
        <source>{path} is not there any more</source>
        <translation>{path} ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>Keine zuletzt geöffneten Datenbanken</translation>
    </message>
    <message>
        <source>{path} is not there any more: removed from Recent databases.</source>
        <translation>{path} ist nicht mehr vorhanden: aus „Zuletzt geöffnet“ entfernt.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
</context>
<context>
    <name>PasteFlow</name>
    <message>
        <source>the clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no text. Copy rows with their header row first (from a spreadsheet, or Ctrl+C in a table).</source>
        <translation>Nichts einzufügen: Die Zwischenablage enthält keinen Text. Kopieren Sie zuerst Zeilen mit ihrer Kopfzeile (aus einer Tabellenkalkulation oder mit Strg+C in einer Tabelle).</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard&apos;s text is not readable as rows ({reason}).</source>
        <translation>Nichts einzufügen: Der Text in der Zwischenablage lässt sich nicht als Zeilen lesen ({reason}).</translation>
    </message>
    <message>
        <source>Nothing to paste into users: the clipboard&apos;s first line names none of their columns. Paste rows separated by tabs under a header row naming the columns ({columns}, …), as a spreadsheet or Copy gives them.</source>
        <translation>Nichts in Benutzer einzufügen: Die erste Zeile der Zwischenablage nennt keine ihrer Spalten. Fügen Sie durch Tabulatoren getrennte Zeilen unter einer Kopfzeile mit den Spaltennamen ein ({columns}, …), so wie eine Tabellenkalkulation oder „Kopieren“ sie liefert.</translation>
    </message>
    <message>
        <source>Nothing to paste into posts: the clipboard&apos;s first line names none of their columns. Paste rows separated by tabs under a header row naming the columns ({columns}, …), as a spreadsheet or Copy gives them.</source>
        <translation>Nichts in Beiträge einzufügen: Die erste Zeile der Zwischenablage nennt keine ihrer Spalten. Fügen Sie durch Tabulatoren getrennte Zeilen unter einer Kopfzeile mit den Spaltennamen ein ({columns}, …), so wie eine Tabellenkalkulation oder „Kopieren“ sie liefert.</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds a header row but no rows under it.</source>
        <translation>Nichts einzufügen: Die Zwischenablage enthält eine Kopfzeile, aber keine Zeilen darunter.</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Add the rows on the clipboard to the table, after a preview and a check</source>
        <translation>Die Zeilen aus der Zwischenablage nach Vorschau und Prüfung zur Tabelle hinzufügen</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip} ({shortcut})</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <source>Edit post</source>
        <translation>Beitrag bearbeiten</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Neuer Beitrag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not load the whole post: {reason}</source>
        <translation>Der vollständige Beitrag konnte nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Choose an author from the list (type part of a name).</source>
        <translation>Wählen Sie einen Autor aus der Liste (geben Sie einen Teil des Namens ein).</translation>
    </message>
    <message>
        <source>That user no longer exists; choose another author.</source>
        <translation>Diesen Benutzer gibt es nicht mehr; wählen Sie einen anderen Autor.</translation>
    </message>
    <message>
        <source>Kept their version of post “{title}” (someone else deleted it); your edit was not saved.</source>
        <translation>Die andere Fassung des Beitrags „{title}“ wurde behalten (jemand anderes hat ihn gelöscht); Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Kept their version of post “{title}” (someone else changed it); your edit was not saved.</source>
        <translation>Die andere Fassung des Beitrags „{title}“ wurde behalten (jemand anderes hat ihn geändert); Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this post meanwhile. Your input is kept; Save again to compare.</source>
        <translation>Nicht gespeichert: Jemand anderes hat diesen Beitrag inzwischen geändert. Ihre Eingaben bleiben erhalten; speichern Sie erneut, um zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>PostPreview</name>
    <message>
        <source>Select a post to read it</source>
        <translation>Wählen Sie einen Beitrag, um ihn zu lesen</translation>
    </message>
    <message>
        <source>This post was deleted: it is no longer in the database.</source>
        <translation>Dieser Beitrag wurde gelöscht: Er ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>by {author}
Created {created} · Updated {updated}</source>
        <translation>von {author}
Erstellt {created} · Geändert {updated}</translation>
    </message>
    <message>
        <source>Post &amp;preview</source>
        <translation>Beitrags&amp;vorschau</translation>
    </message>
    <message>
        <source>Show the selected post&apos;s whole content beside the table</source>
        <translation>Den ganzen Inhalt des ausgewählten Beitrags neben der Tabelle anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln posts selected</source>
        <translation>
            <numerusform>%Ln Beitrag ausgewählt</numerusform>
            <numerusform>%Ln Beiträge ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not read this post: {reason}</source>
        <translation>Dieser Beitrag konnte nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>PostsFollowUsers</name>
    <message>
        <source>All posts</source>
        <translation>Alle Beiträge</translation>
    </message>
    <message>
        <source>Posts by {names}</source>
        <translation>Beiträge von {names}</translation>
    </message>
    <message numerus="yes">
        <source>Posts by %Ln users</source>
        <translation>
            <numerusform>Beiträge von %Ln Benutzer</numerusform>
            <numerusform>Beiträge von %Ln Benutzern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowFields</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Profiltext</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>(new password)</source>
        <translation>(neues Passwort)</translation>
    </message>
    <message>
        <source>(the password before)</source>
        <translation>(das vorige Passwort)</translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation>Benutzer {name}</translation>
    </message>
    <message>
        <source>post “{title}”</source>
        <translation>Beitrag „{title}“</translation>
    </message>
    <message>
        <source>a row</source>
        <translation>eine Zeile</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} und {count} weitere</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>RowMenu</name>
    <message>
        <source>Copy &amp;id</source>
        <translation>&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy the full ids of the selected rows, one a line</source>
        <translation>Die vollständigen IDs der ausgewählten Zeilen kopieren, eine pro Zeile</translation>
    </message>
    <message>
        <source>&amp;New post by this user…</source>
        <translation>&amp;Neuer Beitrag dieses Benutzers…</translation>
    </message>
    <message>
        <source>Add a post with this user as its author</source>
        <translation>Einen Beitrag mit diesem Benutzer als Autor hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Show posts</source>
        <translation>Beiträge an&amp;zeigen</translation>
    </message>
    <message>
        <source>Select just this user: the posts pane shows theirs</source>
        <translation>Nur diesen Benutzer auswählen: Der Beitragsbereich zeigt seine Beiträge</translation>
    </message>
    <message>
        <source>Row actions</source>
        <translation>Zeilenaktionen</translation>
    </message>
    <message numerus="yes">
        <source>Copying %Ln id(s)…</source>
        <translation>
            <numerusform>%Ln ID wird kopiert…</numerusform>
            <numerusform>%Ln IDs werden kopiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy cancelled: the clipboard is unchanged.</source>
        <translation>Kopieren abgebrochen: Die Zwischenablage ist unverändert.</translation>
    </message>
    <message>
        <source>Nothing was copied: {reason}</source>
        <translation>Nichts wurde kopiert: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln id(s).</source>
        <translation>
            <numerusform>%Ln ID kopiert.</numerusform>
            <numerusform>%Ln IDs kopiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaTexts</name>
    <message>
        <source>no schema yet (it is created on first open, or by: db upgrade)</source>
        <translation>noch kein Schema (es wird beim ersten Öffnen angelegt, oder mit: db upgrade)</translation>
    </message>
    <message>
        <source>schema {revision}, up to date</source>
        <translation>Schema {revision}, aktuell</translation>
    </message>
    <message>
        <source>schema {revision}, to be upgraded to {head} (on open, or by: db upgrade)</source>
        <translation>Schema {revision}, wird auf {head} aktualisiert (beim Öffnen, oder mit: db upgrade)</translation>
    </message>
</context>
<context>
    <name>SelectionText</name>
    <message>
        <source>the post “{title}”</source>
        <translation>den Beitrag „{title}“</translation>
    </message>
    <message>
        <source>{posts} by {authors}</source>
        <translation>{posts} von {authors}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln author(s)</source>
        <translation>
            <numerusform>%Ln Autor</numerusform>
            <numerusform>%Ln Autoren</numerusform>
        </translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation>Benutzer {name}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <source>is empty; expected e.g. {sqlite} or {postgresql}</source>
        <translation>ist leer; erwartet z. B. {sqlite} oder {postgresql}</translation>
    </message>
    <message>
        <source>{url} is not a database URL: it has no scheme such as postgresql+asyncpg:// in front; expected e.g. {sqlite} or {postgresql}</source>
        <translation>{url} ist keine Datenbank-URL: Ihr fehlt ein Schema wie postgresql+asyncpg:// am Anfang; erwartet z. B. {sqlite} oder {postgresql}</translation>
    </message>
    <message>
        <source>{url} is not a database URL; expected e.g. {sqlite} or {postgresql}</source>
        <translation>{url} ist keine Datenbank-URL; erwartet z. B. {sqlite} oder {postgresql}</translation>
    </message>
    <message>
        <source>{url} is not a database URL: the port must be a number, e.g. host:5432</source>
        <translation>{url} ist keine Datenbank-URL: Der Port muss eine Zahl sein, z. B. host:5432</translation>
    </message>
    <message>
        <source>{url} has more than one @: write an @ in the user name or password as %40</source>
        <translation>{url} enthält mehr als ein @: Schreiben Sie ein @ im Benutzernamen oder Passwort als %40</translation>
    </message>
    <message>
        <source>unsupported driver {driver}; use sqlite+aiosqlite or postgresql+asyncpg</source>
        <translation>nicht unterstützter Treiber {driver}; verwenden Sie sqlite+aiosqlite oder postgresql+asyncpg</translation>
    </message>
    <message>
        <source>a SQLite URL needs a file path, e.g. sqlite+aiosqlite:///data.db</source>
        <translation>eine SQLite-URL braucht einen Dateipfad, z. B. sqlite+aiosqlite:///data.db</translation>
    </message>
    <message>
        <source>a PostgreSQL URL needs a database name, e.g. .../dbname</source>
        <translation>eine PostgreSQL-URL braucht einen Datenbanknamen, z. B. .../dbname</translation>
    </message>
    <message>
        <source>Invalid setting ({problems}). Check the environment variable or {file}.</source>
        <translation>Ungültige Einstellung ({problems}). Prüfen Sie die Umgebungsvariable oder {file}.</translation>
    </message>
    <message>
        <source>The settings file {file} is not valid TOML: {reason}</source>
        <translation>Die Einstellungsdatei {file} ist kein gültiges TOML: {reason}</translation>
    </message>
</context>
<context>
    <name>SqlLog</name>
    <message>
        <source>Statements as the app sends them; parameters are never recorded.</source>
        <translation>Anweisungen, wie das Programm sie sendet; Parameter werden nie aufgezeichnet.</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Remove every statement from the log</source>
        <translation>Alle Anweisungen aus dem Protokoll entfernen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected statements (all when none is selected)</source>
        <translation>Die ausgewählten Anweisungen kopieren (alle, wenn keine ausgewählt ist)</translation>
    </message>
    <message>
        <source>SQL log</source>
        <translation>SQL-Protokoll</translation>
    </message>
    <message>
        <source>&amp;SQL log</source>
        <translation>S&amp;QL-Protokoll</translation>
    </message>
    <message>
        <source>Show the statements the app runs, with their timings</source>
        <translation>Die Anweisungen anzeigen, die das Programm ausführt, mit ihren Laufzeiten</translation>
    </message>
    <message>
        <source>SQL statements</source>
        <translation>SQL-Anweisungen</translation>
    </message>
    <message>
        <source>The statements the app ran, newest last, with timings</source>
        <translation>Die Anweisungen, die das Programm ausgeführt hat, die neueste zuletzt, mit Laufzeiten</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln statement(s).</source>
        <translation>
            <numerusform>%Ln Anweisung kopiert.</numerusform>
            <numerusform>%Ln Anweisungen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>(a batch of {count})</source>
        <translation>(ein Stapel von {count})</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>Fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>SqlLogText</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (%Ln characters in all)</source>
        <translation>
            <numerusform>… (%Ln Zeichen insgesamt)</numerusform>
            <numerusform>… (%Ln Zeichen insgesamt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Undo history cleared: now editing</source>
        <translation>Rückgängig-Verlauf geleert: jetzt in Bearbeitung</translation>
    </message>
</context>
<context>
    <name>StatusBarText</name>
    <message>
        <source>{users} · {posts} shown</source>
        <translation>{users} · {posts} angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ user(s)</source>
        <translation>
            <numerusform>%Ln+ Benutzer</numerusform>
            <numerusform>%Ln+ Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ post(s)</source>
        <translation>
            <numerusform>%Ln+ Beitrag</numerusform>
            <numerusform>%Ln+ Beiträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading users and posts…</source>
        <translation>Benutzer und Beiträge werden geladen…</translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation>Benutzer werden geladen…</translation>
    </message>
    <message>
        <source>Loading posts…</source>
        <translation>Beiträge werden geladen…</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Search posts</source>
        <translation>Beiträge durchsuchen</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer durchsuchen</translation>
    </message>
    <message>
        <source>{title} table</source>
        <translation>Tabelle {title}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) match</source>
        <translation>
            <numerusform>%Ln Beitrag passt</numerusform>
            <numerusform>%Ln Beiträge passen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ post(s) (counting…) match</source>
        <translation>
            <numerusform>%Ln+ Beitrag (wird gezählt…) passt</numerusform>
            <numerusform>%Ln+ Beiträge (werden gezählt…) passen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ post(s) (counting…)</source>
        <translation>
            <numerusform>%Ln+ Beitrag (wird gezählt…)</numerusform>
            <numerusform>%Ln+ Beiträge (werden gezählt…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) match</source>
        <translation>
            <numerusform>%Ln Benutzer passt</numerusform>
            <numerusform>%Ln Benutzer passen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ user(s) (counting…) match</source>
        <translation>
            <numerusform>%Ln+ Benutzer (wird gezählt…) passt</numerusform>
            <numerusform>%Ln+ Benutzer (werden gezählt…) passen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ user(s) (counting…)</source>
        <translation>
            <numerusform>%Ln+ Benutzer (wird gezählt…)</numerusform>
            <numerusform>%Ln+ Benutzer (werden gezählt…)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableSelection</name>
    <message>
        <source>no database is open to read the posts&apos; whole content from</source>
        <translation>es ist keine Datenbank geöffnet, aus der der ganze Inhalt der Beiträge gelesen werden kann</translation>
    </message>
</context>
<context>
    <name>TimeFilter</name>
    <message>
        <source>Updated:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>jederzeit</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>never edited</source>
        <translation>nie geändert</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Any time, edited (between the dates, when given), or never edited</source>
        <translation>Jederzeit, geändert (zwischen den Daten, falls angegeben) oder nie geändert</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1 ab</translation>
    </message>
    <message>
        <source>The first day, included; Delete for any day</source>
        <translation>Der erste Tag, eingeschlossen; Entf für einen beliebigen Tag</translation>
    </message>
    <message>
        <source>%1 to</source>
        <translation>%1 bis</translation>
    </message>
    <message>
        <source>The last day, included; Delete for any day</source>
        <translation>Der letzte Tag, eingeschlossen; Entf für einen beliebigen Tag</translation>
    </message>
    <message>
        <source>updated %1 – %2</source>
        <translation>geändert %1 – %2</translation>
    </message>
    <message>
        <source>created %1 – %2</source>
        <translation>erstellt %1 – %2</translation>
    </message>
    <message>
        <source>updated from %1</source>
        <translation>geändert ab %1</translation>
    </message>
    <message>
        <source>created from %1</source>
        <translation>erstellt ab %1</translation>
    </message>
    <message>
        <source>updated until %1</source>
        <translation>geändert bis %1</translation>
    </message>
    <message>
        <source>created until %1</source>
        <translation>erstellt bis %1</translation>
    </message>
</context>
<context>
    <name>UndoConflictText</name>
    <message numerus="yes">
        <source>To undo “{action}” now would overwrite their change(s). Nothing has been changed yet.</source>
        <translation>
            <numerusform>„{action}“ jetzt rückgängig zu machen, würde die andere Änderung überschreiben. Noch wurde nichts geändert.</numerusform>
            <numerusform>„{action}“ jetzt rückgängig zu machen, würde die anderen Änderungen überschreiben. Noch wurde nichts geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To redo “{action}” now would overwrite their change(s). Nothing has been changed yet.</source>
        <translation>
            <numerusform>„{action}“ jetzt wiederherzustellen, würde die andere Änderung überschreiben. Noch wurde nichts geändert.</numerusform>
            <numerusform>„{action}“ jetzt wiederherzustellen, würde die anderen Änderungen überschreiben. Noch wurde nichts geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %Ln row(s) since: {names}.</source>
        <translation>
            <numerusform>Jemand anderes hat seitdem %Ln Zeile geändert: {names}.</numerusform>
            <numerusform>Jemand anderes hat seitdem %Ln Zeilen geändert: {names}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was undone: %Ln row(s) changed by someone else were left as they are.</source>
        <translation>
            <numerusform>Nichts wurde rückgängig gemacht: %Ln von jemand anderem geänderte Zeile bleibt, wie sie ist.</numerusform>
            <numerusform>Nichts wurde rückgängig gemacht: %Ln von jemand anderem geänderte Zeilen bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was redone: %Ln row(s) changed by someone else were left as they are.</source>
        <translation>
            <numerusform>Nichts wurde wiederhergestellt: %Ln von jemand anderem geänderte Zeile bleibt, wie sie ist.</numerusform>
            <numerusform>Nichts wurde wiederhergestellt: %Ln von jemand anderem geänderte Zeilen bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoConflicts</name>
    <message>
        <source>Overwrite them</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Kept their change to {row}: “{action}” is off the undo history.</source>
        <translation>Die andere Änderung an {row} wurde behalten: „{action}“ ist aus dem Rückgängig-Verlauf entfernt.</translation>
    </message>
    <message>
        <source>Editing {row} again: “{action}” is off the undo history; save the form to keep your values.</source>
        <translation>{row} wird erneut bearbeitet: „{action}“ ist aus dem Rückgängig-Verlauf entfernt; speichern Sie das Formular, um Ihre Werte zu behalten.</translation>
    </message>
    <message>
        <source>Nothing was undone: {row} was changed by someone else.</source>
        <translation>Nichts wurde rückgängig gemacht: {row} wurde von jemand anderem geändert.</translation>
    </message>
    <message>
        <source>Nothing was redone: {row} was changed by someone else.</source>
        <translation>Nichts wurde wiederhergestellt: {row} wurde von jemand anderem geändert.</translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation>{action} rückgängig machen</translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation>{action} wiederherstellen</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Rückgängig-Verlauf</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>Show what you did, and go back to any point</source>
        <translation>Anzeigen, was Sie getan haben, und zu einem beliebigen Punkt zurückkehren</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Rückgängig: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Wiederherstellen: {action}</translation>
    </message>
    <message>
        <source>Undoing {action}…</source>
        <translation>{action} wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Redoing {action}…</source>
        <translation>{action} wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Undo cancelled: nothing was changed.</source>
        <translation>Rückgängig abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Redo cancelled: nothing was changed.</source>
        <translation>Wiederherstellen abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not undo {action}: {reason}</source>
        <translation>{action} konnte nicht rückgängig gemacht werden: {reason}</translation>
    </message>
    <message>
        <source>Could not redo {action}: {reason}</source>
        <translation>{action} konnte nicht wiederhergestellt werden: {reason}</translation>
    </message>
    <message>
        <source>Undid {action}.</source>
        <translation>{action} rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Redid {action}.</source>
        <translation>{action} wiederhergestellt.</translation>
    </message>
    <message>
        <source>Wait for the running undo to finish.</source>
        <translation>Warten Sie, bis das laufende Rückgängigmachen abgeschlossen ist.</translation>
    </message>
</context>
<context>
    <name>UndoStep</name>
    <message numerus="yes">
        <source>Import %Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer importieren</numerusform>
            <numerusform>%Ln Benutzer importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag importieren</numerusform>
            <numerusform>%Ln Beiträge importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer einfügen</numerusform>
            <numerusform>%Ln Benutzer einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag einfügen</numerusform>
            <numerusform>%Ln Beiträge einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{verb} %Ln user(s)</source>
        <translation>
            <numerusform>{verb}: %Ln Benutzer</numerusform>
            <numerusform>{verb}: %Ln Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{verb} %Ln post(s)</source>
        <translation>
            <numerusform>{verb}: %Ln Beitrag</numerusform>
            <numerusform>{verb}: %Ln Beiträge</numerusform>
        </translation>
    </message>
    <message>
        <source>create post “{title}”</source>
        <translation>Beitrag „{title}“ anlegen</translation>
    </message>
    <message>
        <source>edit post “{title}”</source>
        <translation>Beitrag „{title}“ bearbeiten</translation>
    </message>
    <message>
        <source>delete post “{title}”</source>
        <translation>Beitrag „{title}“ löschen</translation>
    </message>
    <message numerus="yes">
        <source>delete %n post(s)</source>
        <translation>
            <numerusform>%n Beitrag löschen</numerusform>
            <numerusform>%n Beiträge löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete user {name} and %n post(s)</source>
        <translation>
            <numerusform>Benutzer {name} und %n Beitrag löschen</numerusform>
            <numerusform>Benutzer {name} und %n Beiträge löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>delete user {name}</source>
        <translation>Benutzer {name} löschen</translation>
    </message>
    <message numerus="yes">
        <source>delete {users} and %n post(s)</source>
        <translation>
            <numerusform>{users} und %n Beitrag löschen</numerusform>
            <numerusform>{users} und %n Beiträge löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>%n Benutzer löschen</numerusform>
            <numerusform>%n Benutzer löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>create user {name}</source>
        <translation>Benutzer {name} anlegen</translation>
    </message>
    <message>
        <source>change password of {name}</source>
        <translation>Passwort von {name} ändern</translation>
    </message>
    <message>
        <source>edit user {name}</source>
        <translation>Benutzer {name} bearbeiten</translation>
    </message>
</context>
<context>
    <name>UndoStore</name>
    <message>
        <source>the undo history&apos;s temporary file is closed</source>
        <translation>die temporäre Datei des Rückgängig-Verlaufs ist geschlossen</translation>
    </message>
    <message>
        <source>could not keep the undo step on disk: {reason}</source>
        <translation>der Rückgängig-Schritt konnte nicht auf der Festplatte abgelegt werden: {reason}</translation>
    </message>
    <message>
        <source>could not read the undo step back: {reason}</source>
        <translation>der Rückgängig-Schritt konnte nicht zurückgelesen werden: {reason}</translation>
    </message>
    <message>
        <source>the undo step&apos;s temporary file lost rows</source>
        <translation>in der temporären Datei des Rückgängig-Schritts fehlen Zeilen</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>Benutzer bearbeiten</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>3–50 letters, digits, _ . -</source>
        <translation>3–50 Buchstaben, Ziffern, _ . -</translation>
    </message>
    <message>
        <source>Active (may sign in)</source>
        <translation>Aktiv (darf sich anmelden)</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Profiltext</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Passwort bestätigen</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Bio:</source>
        <translation>&amp;Profiltext:</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>Neues Passwort setzen</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>At least 8 characters. The password is stored only as a hash.</source>
        <translation>Mindestens 8 Zeichen. Das Passwort wird nur als Hash gespeichert.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Someone else deleted this user. Set a password, then Save to create it again.</source>
        <translation>Jemand anderes hat diesen Benutzer gelöscht. Setzen Sie ein Passwort und speichern Sie, um ihn neu anzulegen.</translation>
    </message>
    <message>
        <source>Kept their version of user {name} (someone else deleted it); your edit was not saved.</source>
        <translation>Die andere Fassung des Benutzers {name} wurde behalten (jemand anderes hat ihn gelöscht); Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Kept their version of user {name} (someone else changed it); your edit was not saved.</source>
        <translation>Die andere Fassung des Benutzers {name} wurde behalten (jemand anderes hat ihn geändert); Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this user meanwhile. Your input is kept; Save again to compare.</source>
        <translation>Nicht gespeichert: Jemand anderes hat diesen Benutzer inzwischen geändert. Ihre Eingaben bleiben erhalten; speichern Sie erneut, um zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Password hash is required.</source>
        <translation>Der Passwort-Hash ist erforderlich.</translation>
    </message>
    <message>
        <source>not a password hash the site accepts ({hash}): expected {schemes}, or a locked account&apos;s marker such as &apos;!account-locked&apos;</source>
        <translation>kein Passwort-Hash, den die Website annimmt ({hash}): erwartet wird {schemes} oder die Markierung eines gesperrten Kontos wie &apos;!account-locked&apos;</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Profiltext</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>{label} contains a NUL character.</source>
        <translation>{label} enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>{label} contains an unpaired surrogate (often from a broken paste).</source>
        <translation>{label} enthält ein einzelnes Surrogat-Zeichen (oft von einem fehlerhaften Einfügen).</translation>
    </message>
    <message>
        <source>Username is required.</source>
        <translation>Der Benutzername ist erforderlich.</translation>
    </message>
    <message>
        <source>Username must be {min}-{max} characters long (it has {length}).</source>
        <translation>Der Benutzername muss {min} bis {max} Zeichen lang sein (er hat {length}).</translation>
    </message>
    <message>
        <source>Username may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Der Benutzername darf nur Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <source>E-mail is required.</source>
        <translation>Die E-Mail-Adresse ist erforderlich.</translation>
    </message>
    <message>
        <source>E-mail must be at most {max} characters long.</source>
        <translation>Die E-Mail-Adresse darf höchstens {max} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Password is required.</source>
        <translation>Das Passwort ist erforderlich.</translation>
    </message>
    <message>
        <source>Password must be at least {min} characters long.</source>
        <translation>Das Passwort muss mindestens {min} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Password must be at most {max} characters.</source>
        <translation>Das Passwort darf höchstens {max} Zeichen haben.</translation>
    </message>
    <message>
        <source>Bio must be at most {max} characters long.</source>
        <translation>Der Profiltext darf höchstens {max} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Title is required.</source>
        <translation>Der Titel ist erforderlich.</translation>
    </message>
    <message>
        <source>Title must be at most {max} characters long (it has {length}).</source>
        <translation>Der Titel darf höchstens {max} Zeichen lang sein (er hat {length}).</translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation>Der Inhalt ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>WindowChrome</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>S&amp;palten</translation>
    </message>
    <message>
        <source>Show, hide or reset the columns of either table</source>
        <translation>Die Spalten beider Tabellen ein- und ausblenden oder zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>The columns of the Users table</source>
        <translation>Die Spalten der Benutzertabelle</translation>
    </message>
    <message>
        <source>&amp;Posts</source>
        <translation>Bei&amp;träge</translation>
    </message>
    <message>
        <source>The columns of the Posts table</source>
        <translation>Die Spalten der Beitragstabelle</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
</context>
</TS>
