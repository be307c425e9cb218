<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Undo the last change made here to the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make again the change just undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every row of the current table, loaded or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the database&apos;s values again where an edit was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the search box of the current table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window (the database is closed with it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version of {app}, and what it is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the list of recently opened databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrows move, Shift or Ctrl with them extends the selection, F2 edits the cell, Ctrl+E opens the row&apos;s form, the Menu key or Shift+F10 lists what applies to the rows, Tab moves on to the next control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open one of the databases opened lately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The users, a row each. Selecting some shows their posts below; {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The posts of the users selected above, or all posts; {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty the search box: the table shows every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorPicker</name>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a username…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupErrors</name>
    <message>
        <source>Could not write the local copy {target}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} has no users and posts tables: there is nothing to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not back up {source} to {target}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is not there (or is not a file): nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is not a SQLite database ({reason}): nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is damaged (SQLite&apos;s check says: {verdict}): nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is a SQLite database but not a backup of users and posts (it has no {table} table): nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is a SQLite database but not a backup of users and posts (it has no {first} and no {second} table): nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} was written by a newer version of the app (schema {revision}; this version knows up to {head}): update the app to restore it. Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is the database itself: nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} stayed busy (another program is writing to it): nothing was restored. Close the other program and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restore {backup} into {current}: {reason}. The database was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the open SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;local copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every user and post in a new SQLite file, to open offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the open SQLite database with a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was backed up: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a local copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a local copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local copy cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No local copy was saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {users} and {posts} to {path}: open it with File → Open… to work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
    <message>
        <source>the search “{search}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the users selected above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every user and post, or only what the posts view shows?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The posts view shows %Ln post(s) for {view}. A copy of the view holds those posts and their authors.</source>
        <translation>
            <numerusform>The posts view shows %Ln post for {view}. A copy of the view holds those posts and their authors.</numerusform>
            <numerusform>The posts view shows %Ln posts for {view}. A copy of the view holds those posts and their authors.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The posts in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace {current} with the backup {backup}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database is kept as {aside}. The undo history of the current database is cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore cancelled: the database is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {database} from {backup}; the replaced one was kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {database} from {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} (shown: its last 8 digits; Ctrl+C copies the full id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {entity}: now in the database, and your edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now in the database (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now in the database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you opened it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}, {change}: now {theirs}; yours {mine}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full values of the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now in the database, full text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit, full text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice}: what it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: full values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you opened it: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
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
        <source>{names} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves your edit and replaces their change to {fields} with yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves your changes on top of theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their change to {fields} stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the {entity} again with their version and your changes; where you both changed a field it starts with theirs, yours beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the {entity} again with their version and your changes, so you can check it before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {entity} was deleted by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {entity} was changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else deleted this {entity} while you were editing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit was not saved. You can create the {entity} again with your values, or discard your edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You both changed {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your changes clash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this {entity} while you were editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit was not saved yet. {clash} Compare the two versions and choose which to keep. Hover over a value, or select a row, to see the full text and what you originally opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates the {entity} again with your values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaves the {entity} deleted; what you typed is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discards your edit and keeps the {entity} as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/path/to/content.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new file gets the schema when it is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is kept in the system keyring when there is one, otherwise only until you quit; it is never written to the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file, or type a path for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s host name or address is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentText</name>
    <message>
        <source>Create tables?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the database?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file does not exist. Create a new database there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has no users and posts tables. Create them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no users and posts tables. Create them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has users and posts tables that desktop_app has not set up yet. Add what this version needs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has users and posts tables that desktop_app has not set up yet. Add what this version needs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has an older desktop_app schema ({revision}; this version uses {head}). Upgrade it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has an older desktop_app schema ({revision}; this version uses {head}). Upgrade it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tables} and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has other tables ({tables}); they are left as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating adds the tables users and posts, their search tables and triggers, and the version table desktop_app_alembic_version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading adds indexes, search tables and triggers, and records the version; an older desktop_app cannot open it afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy is saved first: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only to look without changing anything.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyFlow</name>
    <message>
        <source>Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copy %Ln row(s)?</source>
        <translation>
            <numerusform>Copy %Ln row?</numerusform>
            <numerusform>Copy %Ln rows?</numerusform>
        </translation>
    </message>
    <message>
        <source>They are all read from the database, and the clipboard holds them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copying %Ln row(s)…</source>
        <translation>
            <numerusform>Copying %Ln row…</numerusform>
            <numerusform>Copying %Ln rows…</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy cancelled: the clipboard is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was copied: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>Copied %Ln row.</numerusform>
            <numerusform>Copied %Ln rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>{app}: something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong inside {app}.&lt;/b&gt;&lt;br&gt;Nothing you saved is lost, and the app keeps running. What you were doing may not have finished: check it, and please report this with the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseErrors</name>
    <message>
        <source>The database refused the change: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server did not answer within {seconds} s: it may be stopped, overloaded or unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every database connection stayed busy and none came free in time: the server may be slow or stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server cancelled the statement: {reason}. It may have run into the server&apos;s statement_timeout, or an administrator cancelled it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not available: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the database: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseLifecycle</name>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema {revision}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} — {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {database}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <source>{database} was not opened: nothing in it was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no users and posts tables: nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} has an older schema ({revision}; this version uses {head}) that this version cannot show without upgrading it, and a read-only open changes nothing. Open it for editing to upgrade it (a SQLite file is backed up first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema is older ({revision}) than this version&apos;s ({head}); it was not upgraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set up by desktop_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: {server}, {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no users and posts tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no users and posts tables (it has {tables})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DelayedProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteFlow</name>
    <message>
        <source>You can take it back with Edit → Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the selected users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the selected posts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was deleted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This also deletes %Ln post(s) by them.</source>
        <translation>
            <numerusform>This also deletes %Ln post by them.</numerusform>
            <numerusform>This also deletes %Ln posts by them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This also deletes %Ln post(s) by this user.</source>
        <translation>
            <numerusform>This also deletes %Ln post by this user.</numerusform>
            <numerusform>This also deletes %Ln posts by this user.</numerusform>
        </translation>
    </message>
    <message>
        <source>They have no posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user has no posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {rows}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting {rows}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {users} and {posts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln post(s).</source>
        <translation>
            <numerusform>Deleted %Ln post.</numerusform>
            <numerusform>Deleted %Ln posts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) changed by someone else after being listed, and left alone.</source>
        <translation>
            <numerusform>One user was changed by someone else after it was listed and was left alone.</numerusform>
            <numerusform>%Ln users were changed by someone else after they were listed and were left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) changed by someone else after being listed, and left alone.</source>
        <translation>
            <numerusform>One post was changed by someone else after it was listed and was left alone.</numerusform>
            <numerusform>%Ln posts were changed by someone else after they were listed and were left alone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DialogLauncher</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline editor for a users-and-posts database, on SQLite or PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved user {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved post “{title}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{app} {version}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answering ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailCheck</name>
    <message>
        <source>An email address must have an @-sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There must be something after the @-sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There must be something before the @-sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part after the @-sign is not valid. It should have a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot have two periods in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot have a period immediately after the @-sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot have a period immediately before the @-sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot start with a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot end with a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot have a hyphen immediately after the @-sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bracketed IP address after the @-sign is not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide error message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A user with the e-mail {email} already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username {username} is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entity} {id} does not exist (it may have been deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User {id} does not exist (it may have been deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post {id} does not exist (it may have been deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else added rows with some of the same ids meanwhile. Check the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema is at revision {revision}, which this version of the app does not know (it knows up to {head}). It was written by a newer version: update the app. The database was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user was changed by someone else after you opened it. Reload it to see their change, then edit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post was changed by someone else after you opened it. Reload it to see their change, then edit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {entity} was changed by someone else after you opened it. Reload it to see their change, then edit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed a row since: nothing was changed. Review their change, then keep theirs or overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %n row(s) since: nothing was changed. Review their change, then keep theirs or overwrite it.</source>
        <translation>
            <numerusform>Someone else changed %n row since: nothing was changed. Review their change, then keep theirs or overwrite it.</numerusform>
            <numerusform>Someone else changed %n rows since: nothing was changed. Review their change, then keep theirs or overwrite it.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is open read-only: nothing was changed. Open it again for editing (File → Open…) to make changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} does not exist. Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (one row a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (one array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file will hold every exported user&apos;s password hash. Anyone with the file can try to guess the passwords offline: keep it as safe as the database (it is written readable by you alone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a byte order mark (for Excel and other spreadsheets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include password hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the view shows: {view}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a table, or what its view shows, to a CSV or JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users matching “{search}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{posts} matching “{search}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ row(s)</source>
        <translation>
            <numerusform>%Ln+ row</numerusform>
            <numerusform>%Ln+ rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a database to export from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting users to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting posts to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: {path} was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln user(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln user to {path}.</numerusform>
            <numerusform>Exported %Ln users to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln post(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln post to {path}.</numerusform>
            <numerusform>Exported %Ln posts to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show any user, active ones, or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a username and pick the author whose posts to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every row again (Esc in the filter bar does the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every row again (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the author</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterStatus</name>
    <message>
        <source>Filters in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln users</source>
        <translation>
            <numerusform>%1 of %Ln user</numerusform>
            <numerusform>%1 of %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln posts</source>
        <translation>
            <numerusform>%1 of %Ln post</numerusform>
            <numerusform>%1 of %Ln posts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of … users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of … posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormConflicts</name>
    <message>
        <source>(typed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours was: {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Never edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>{reason} Your input is kept: copy what you need, then cancel and reopen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason} Your input is kept; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderMenu</name>
    <message>
        <source>&amp;Reset columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the {column} column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every column, in its first order and width</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Data files (*.csv *.jsonl *.ndjson *.json);;CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>author (id, username or e-mail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV, JSON Lines or JSON file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop: report it as a bad line, import nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop: report it as a bad line, paste nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip it: keep the row in the database as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update it with the values in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update it with the values in the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row already there
(same id, e-mail or username):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to see its first rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check every line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one column goes to {fields}: choose “{ignore}” for all but one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choice changed since the last check: check again to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choice changed since the last check: check again to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field for column {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}{total}. Above each column, the field it goes into (guessed from the header; “{ignore}” leaves it out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no rows to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard has no rows to paste.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add users or posts from a CSV, JSON Lines or JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database you may change to import into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database you may change to paste into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to see its first rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {source}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every line of {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check {source}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written. Import tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste cancelled: nothing was written. Paste tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was pasted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from {source}: {what}. Edit → Undo “{action}” takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted from {source}: {what}. Edit → Undo “{action}” takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} Check again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>{source}: line {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} holds no JSON array of rows ([{{...}}, ...])</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <source>not a valid id (a UUID): {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a yes/no value: {value} (use true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an ISO 8601 timestamp: {value} (e.g. {example})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, but empty or missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a password or a hashed_password, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} appears twice in the file (first on line {first})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} matches {username}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches more than one existing user ({named})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already in the database (user {username})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required for a new user: give a password or a hashed_password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user with the id, e-mail or username {reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already in the database (post {title})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte} at column {column}); save the file as UTF-8 and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not readable as CSV ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not readable as tab-separated rows ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{values} values for {columns} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object ({example}) for each row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON array of objects ({example})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; after a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} bad line(s): nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file or the database changed since the check: nothing was imported. Check the file again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportText</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new post(s)</source>
        <translation>
            <numerusform>%Ln new post</numerusform>
            <numerusform>%Ln new posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new user(s)</source>
        <translation>
            <numerusform>%Ln new user</numerusform>
            <numerusform>%Ln new users</numerusform>
        </translation>
    </message>
    <message>
        <source>{read} read: {new}, {updated} to update, {skipped} already there (skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns left out: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problems} on {lines} of {read}: nothing can be imported until they are fixed. Correct the file, or the fields above, and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problems} on {lines} of {read}: nothing can be pasted until they are fixed. Correct the rows where you copied them and paste again, or change the fields above, and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s)</source>
        <translation>
            <numerusform>%Ln problem</numerusform>
            <numerusform>%Ln problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import writes them as one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste writes them as one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every line is good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The clipboard: %Ln line(s)</source>
        <translation>
            <numerusform>The clipboard: %Ln line</numerusform>
            <numerusform>The clipboard: %Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %Ln row(s) of the file</source>
        <translation>
            <numerusform>The first %Ln row of the file</numerusform>
            <numerusform>The first %Ln rows of the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %Ln row(s) of the clipboard</source>
        <translation>
            <numerusform>The first %Ln row of the clipboard</numerusform>
            <numerusform>The first %Ln rows of the clipboard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more problem(s) not listed</source>
        <translation>
            <numerusform>… and %Ln more problem not listed</numerusform>
            <numerusform>… and %Ln more problems not listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln user(s) from {source}…</source>
        <translation>
            <numerusform>Importing %Ln user from {source}…</numerusform>
            <numerusform>Importing %Ln users from {source}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasting %Ln user(s) from {source}…</source>
        <translation>
            <numerusform>Pasting %Ln user from {source}…</numerusform>
            <numerusform>Pasting %Ln users from {source}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln post(s) from {source}…</source>
        <translation>
            <numerusform>Importing %Ln post from {source}…</numerusform>
            <numerusform>Importing %Ln posts from {source}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasting %Ln post(s) from {source}…</source>
        <translation>
            <numerusform>Pasting %Ln post from {source}…</numerusform>
            <numerusform>Pasting %Ln posts from {source}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) added</source>
        <translation>
            <numerusform>%Ln user added</numerusform>
            <numerusform>%Ln users added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) added</source>
        <translation>
            <numerusform>%Ln post added</numerusform>
            <numerusform>%Ln posts added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped (already there)</source>
        <translation>
            <numerusform>%Ln skipped (already there)</numerusform>
            <numerusform>%Ln skipped (already there)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LazyTableModel</name>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{app} main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search email, username, bio…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, content, author…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected row in a form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the tables again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard &amp;unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another SQLite file or connect to PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Check the connection, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason} (the cell keeps what you typed; edit it again, or Edit → Discard unsaved edits)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownView</name>
    <message>
        <source>{size} B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first {part} of {whole}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all ({size})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-&amp;only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a SQLite file without changing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New data&amp;base…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a SQLite file with the users and posts tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not there any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not there any more: removed from Recent databases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasteFlow</name>
    <message>
        <source>the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no text. Copy rows with their header row first (from a spreadsheet, or Ctrl+C in a table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard&apos;s text is not readable as rows ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste into users: the clipboard&apos;s first line names none of their columns. Paste rows separated by tabs under a header row naming the columns ({columns}, …), as a spreadsheet or Copy gives them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste into posts: the clipboard&apos;s first line names none of their columns. Paste rows separated by tabs under a header row naming the columns ({columns}, …), as a spreadsheet or Copy gives them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds a header row but no rows under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the rows on the clipboard to the table, after a preview and a check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <source>Edit post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the whole post: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an author from the list (type part of a name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That user no longer exists; choose another author.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept their version of post “{title}” (someone else deleted it); your edit was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept their version of post “{title}” (someone else changed it); your edit was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: someone else changed this post meanwhile. Your input is kept; Save again to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostPreview</name>
    <message>
        <source>Select a post to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post was deleted: it is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {author}
Created {created} · Updated {updated}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post &amp;preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected post&apos;s whole content beside the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln posts selected</source>
        <translation>
            <numerusform>%Ln post selected</numerusform>
            <numerusform>%Ln posts selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read this post: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostsFollowUsers</name>
    <message>
        <source>All posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts by {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Posts by %Ln users</source>
        <translation>
            <numerusform>Posts by %Ln user</numerusform>
            <numerusform>Posts by %Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowFields</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the password before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowMenu</name>
    <message>
        <source>Copy &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the full ids of the selected rows, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New post by this user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a post with this user as its author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select just this user: the posts pane shows theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copying %Ln id(s)…</source>
        <translation>
            <numerusform>Copying %Ln id…</numerusform>
            <numerusform>Copying %Ln ids…</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy cancelled: the clipboard is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was copied: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln id(s).</source>
        <translation>
            <numerusform>Copied %Ln id.</numerusform>
            <numerusform>Copied %Ln ids.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaTexts</name>
    <message>
        <source>no schema yet (it is created on first open, or by: db upgrade)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema {revision}, up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema {revision}, to be upgraded to {head} (on open, or by: db upgrade)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionText</name>
    <message>
        <source>the post “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{posts} by {authors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln author(s)</source>
        <translation>
            <numerusform>%Ln author</numerusform>
            <numerusform>%Ln authors</numerusform>
        </translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <source>is empty; expected e.g. {sqlite} or {postgresql}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not a database URL: it has no scheme such as postgresql+asyncpg:// in front; expected e.g. {sqlite} or {postgresql}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not a database URL; expected e.g. {sqlite} or {postgresql}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not a database URL: the port must be a number, e.g. host:5432</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} has more than one @: write an @ in the user name or password as %40</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported driver {driver}; use sqlite+aiosqlite or postgresql+asyncpg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a SQLite URL needs a file path, e.g. sqlite+aiosqlite:///data.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PostgreSQL URL needs a database name, e.g. .../dbname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid setting ({problems}). Check the environment variable or {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {file} is not valid TOML: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlLog</name>
    <message>
        <source>Statements as the app sends them; parameters are never recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every statement from the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected statements (all when none is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SQL log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the statements the app runs, with their timings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statements the app ran, newest last, with timings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln statement(s).</source>
        <translation>
            <numerusform>Copied %Ln statement.</numerusform>
            <numerusform>Copied %Ln statements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a batch of {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlLogText</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (%Ln characters in all)</source>
        <translation>
            <numerusform>… (%Ln characters in all)</numerusform>
            <numerusform>… (%Ln characters in all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Undo history cleared: now editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBarText</name>
    <message>
        <source>{users} · {posts} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ user(s)</source>
        <translation>
            <numerusform>%Ln+ user</numerusform>
            <numerusform>%Ln+ users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ post(s)</source>
        <translation>
            <numerusform>%Ln+ post</numerusform>
            <numerusform>%Ln+ posts</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading users and posts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading posts…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Search posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} table</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) match</source>
        <translation>
            <numerusform>%Ln post match</numerusform>
            <numerusform>%Ln posts match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ post(s) (counting…) match</source>
        <translation>
            <numerusform>%Ln+ post (counting…) match</numerusform>
            <numerusform>%Ln+ posts (counting…) match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ post(s) (counting…)</source>
        <translation>
            <numerusform>%Ln+ post (counting…)</numerusform>
            <numerusform>%Ln+ posts (counting…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) match</source>
        <translation>
            <numerusform>%Ln user match</numerusform>
            <numerusform>%Ln users match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ user(s) (counting…) match</source>
        <translation>
            <numerusform>%Ln+ user (counting…) match</numerusform>
            <numerusform>%Ln+ users (counting…) match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ user(s) (counting…)</source>
        <translation>
            <numerusform>%Ln+ user (counting…)</numerusform>
            <numerusform>%Ln+ users (counting…)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableSelection</name>
    <message>
        <source>no database is open to read the posts&apos; whole content from</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeFilter</name>
    <message>
        <source>Updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time, edited (between the dates, when given), or never edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day, included; Delete for any day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day, included; Delete for any day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created until %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoConflictText</name>
    <message numerus="yes">
        <source>To undo “{action}” now would overwrite their change(s). Nothing has been changed yet.</source>
        <translation>
            <numerusform>To undo “{action}” now would overwrite their change. Nothing has been changed yet.</numerusform>
            <numerusform>To undo “{action}” now would overwrite their changes. Nothing has been changed yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To redo “{action}” now would overwrite their change(s). Nothing has been changed yet.</source>
        <translation>
            <numerusform>To redo “{action}” now would overwrite their change. Nothing has been changed yet.</numerusform>
            <numerusform>To redo “{action}” now would overwrite their changes. Nothing has been changed yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %Ln row(s) since: {names}.</source>
        <translation>
            <numerusform>Someone else changed %Ln row since: {names}.</numerusform>
            <numerusform>Someone else changed %Ln rows since: {names}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was undone: %Ln row(s) changed by someone else were left as they are.</source>
        <translation>
            <numerusform>Nothing was undone: %Ln row changed by someone else was left as it is.</numerusform>
            <numerusform>Nothing was undone: %Ln rows changed by someone else were left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was redone: %Ln row(s) changed by someone else were left as they are.</source>
        <translation>
            <numerusform>Nothing was redone: %Ln row changed by someone else was left as it is.</numerusform>
            <numerusform>Nothing was redone: %Ln rows changed by someone else were left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoConflicts</name>
    <message>
        <source>Overwrite them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept their change to {row}: “{action}” is off the undo history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing {row} again: “{action}” is off the undo history; save the form to keep your values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was undone: {row} was changed by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was redone: {row} was changed by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what you did, and go back to any point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing {action}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redoing {action}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo {action}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo {action}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redid {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running undo to finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoStep</name>
    <message numerus="yes">
        <source>Import %Ln user(s)</source>
        <translation>
            <numerusform>Import %Ln user</numerusform>
            <numerusform>Import %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln post(s)</source>
        <translation>
            <numerusform>Import %Ln post</numerusform>
            <numerusform>Import %Ln posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln user(s)</source>
        <translation>
            <numerusform>Paste %Ln user</numerusform>
            <numerusform>Paste %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln post(s)</source>
        <translation>
            <numerusform>Paste %Ln post</numerusform>
            <numerusform>Paste %Ln posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{verb} %Ln user(s)</source>
        <translation>
            <numerusform>{verb} %Ln user</numerusform>
            <numerusform>{verb} %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{verb} %Ln post(s)</source>
        <translation>
            <numerusform>{verb} %Ln post</numerusform>
            <numerusform>{verb} %Ln posts</numerusform>
        </translation>
    </message>
    <message>
        <source>create post “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit post “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete post “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>delete %n post(s)</source>
        <translation>
            <numerusform>delete %n post</numerusform>
            <numerusform>delete %n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete user {name} and %n post(s)</source>
        <translation>
            <numerusform>delete user {name} and %n post</numerusform>
            <numerusform>delete user {name} and %n posts</numerusform>
        </translation>
    </message>
    <message>
        <source>delete user {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>delete {users} and %n post(s)</source>
        <translation>
            <numerusform>delete {users} and %n post</numerusform>
            <numerusform>delete {users} and %n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>delete %n user</numerusform>
            <numerusform>delete %n users</numerusform>
        </translation>
    </message>
    <message>
        <source>create user {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change password of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit user {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoStore</name>
    <message>
        <source>the undo history&apos;s temporary file is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not keep the undo step on disk: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read the undo step back: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the undo step&apos;s temporary file lost rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3–50 letters, digits, _ . -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (may sign in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters. The password is stored only as a hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else deleted this user. Set a password, then Save to create it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept their version of user {name} (someone else deleted it); your edit was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept their version of user {name} (someone else changed it); your edit was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: someone else changed this user meanwhile. Your input is kept; Save again to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Password hash is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a password hash the site accepts ({hash}): expected {schemes}, or a locked account&apos;s marker such as &apos;!account-locked&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} contains a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} contains an unpaired surrogate (often from a broken paste).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username must be {min}-{max} characters long (it has {length}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail must be at most {max} characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password must be at least {min} characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password must be at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bio must be at most {max} characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title must be at most {max} characters long (it has {length}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowChrome</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show, hide or reset the columns of either table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns of the Users table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns of the Posts table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
