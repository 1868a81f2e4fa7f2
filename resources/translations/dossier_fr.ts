<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CitationMapPanel</name>
    <message>
        <source>No document open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitationMapView</name>
    <message>
        <source>Cited by {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cites {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No links to other documents in this archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited by this document in {notes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cites this document in its {notes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier will use {language} the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show documents of every date again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline unavailable: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No dated documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to clear this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show only these in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
