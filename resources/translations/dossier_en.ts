<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationListModel</name>
    <message numerus="yes">
        <source>Text no longer found (%Ln)</source>
        <translation>
            <numerusform>Text no longer found (%Ln)</numerusform>
            <numerusform>Text no longer found (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsView</name>
    <message numerus="yes">
        <source>{shown} of %Ln annotation(s)</source>
        <translation>
            <numerusform>{shown} of %Ln annotation</numerusform>
            <numerusform>{shown} of %Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CitationMapView</name>
    <message numerus="yes">
        <source>Cited by %Ln document(s)</source>
        <translation>
            <numerusform>Cited by %Ln document</numerusform>
            <numerusform>Cited by %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cites %Ln document(s)</source>
        <translation>
            <numerusform>Cites %Ln document</numerusform>
            <numerusform>Cites %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>note(s) {numbers}</source>
        <translation>
            <numerusform>note {numbers}</numerusform>
            <numerusform>notes {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cited by this document in note(s) {numbers}</source>
        <translation>
            <numerusform>Cited by this document in note {numbers}</numerusform>
            <numerusform>Cited by this document in notes {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cites this document in its note(s) {numbers}</source>
        <translation>
            <numerusform>Cites this document in its note {numbers}</numerusform>
            <numerusform>Cites this document in its notes {numbers}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Annotations of %Ln selected document(s)</source>
        <translation>
            <numerusform>Annotations of %Ln selected document</numerusform>
            <numerusform>Annotations of %Ln selected documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected annotation(s)</source>
        <translation>
            <numerusform>%Ln selected annotation</numerusform>
            <numerusform>%Ln selected annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The preview shows the first {shown} of %Ln excerpts; the file holds them all.</source>
        <translation>
            <numerusform>The preview shows the first {shown} of %Ln excerpts; the file holds them all.</numerusform>
            <numerusform>The preview shows the first {shown} of %Ln excerpts; the file holds them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln excerpt(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln excerpt to {path}</numerusform>
            <numerusform>Exported %Ln excerpts to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message numerus="yes">
        <source>Collecting %Ln excerpt(s)…</source>
        <translation>
            <numerusform>Collecting %Ln excerpt…</numerusform>
            <numerusform>Collecting %Ln excerpts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln excerpt(s)</source>
        <translation>
            <numerusform>%Ln excerpt</numerusform>
            <numerusform>%Ln excerpts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FootnotePanel</name>
    <message numerus="yes">
        <source>No note list · %Ln marker(s) without a note</source>
        <translation>
            <numerusform>No note list · %Ln marker without a note</numerusform>
            <numerusform>No note list · %Ln markers without a note</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln footnote(s)</source>
        <translation>
            <numerusform>%Ln footnote</numerusform>
            <numerusform>%Ln footnotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln missing</source>
        <comment>missing notes</comment>
        <translation>
            <numerusform>%Ln missing</numerusform>
            <numerusform>%Ln missing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message numerus="yes">
        <source>Importing %Ln item(s)…</source>
        <translation>
            <numerusform>Importing %Ln item…</numerusform>
            <numerusform>Importing %Ln items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln imported</numerusform>
            <numerusform>%Ln imported</numerusform>
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
        <source>%Ln already in the archive</source>
        <translation>
            <numerusform>%Ln already in the archive</numerusform>
            <numerusform>%Ln already in the archive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln only in part</source>
        <translation>
            <numerusform>%Ln only in part</numerusform>
            <numerusform>%Ln only in part</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message numerus="yes">
        <source>Remove %Ln document(s) from the archive?</source>
        <translation>
            <numerusform>Remove %Ln document from the archive?</numerusform>
            <numerusform>Remove %Ln documents from the archive?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s) will be removed with it.</source>
        <translation>
            <numerusform>%Ln annotation will be removed with it.</numerusform>
            <numerusform>%Ln annotations will be removed with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s) will be removed with them.</source>
        <translation>
            <numerusform>%Ln annotation will be removed with them.</numerusform>
            <numerusform>%Ln annotations will be removed with them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln document(s)</source>
        <translation>
            <numerusform>Remove %Ln document</numerusform>
            <numerusform>Remove %Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln document(s)</source>
        <translation>
            <numerusform>{shown} of %Ln document</numerusform>
            <numerusform>{shown} of %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back %Ln document(s).</source>
        <translation>
            <numerusform>Put back %Ln document.</numerusform>
            <numerusform>Put back %Ln documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln document(s) (Ctrl+Z to undo).</source>
        <translation>
            <numerusform>Removed %Ln document (Ctrl+Z to undo).</numerusform>
            <numerusform>Removed %Ln documents (Ctrl+Z to undo).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled after %Ln file(s); documents imported so far are kept.</source>
        <translation>
            <numerusform>Import cancelled after %Ln file; documents imported so far are kept.</numerusform>
            <numerusform>Import cancelled after %Ln files; documents imported so far are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScopeChooser</name>
    <message numerus="yes">
        <source>%Ln excerpt(s)</source>
        <translation>
            <numerusform>%Ln excerpt</numerusform>
            <numerusform>%Ln excerpts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchHitDelegate</name>
    <message numerus="yes">
        <source>Matched in %Ln annotation(s) and in footnotes</source>
        <translation>
            <numerusform>Matched in %Ln annotation and in footnotes</numerusform>
            <numerusform>Matched in %Ln annotations and in footnotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matched in %Ln annotation(s)</source>
        <translation>
            <numerusform>Matched in %Ln annotation</numerusform>
            <numerusform>Matched in %Ln annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagCommands</name>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %Ln document(s) with {names}</source>
        <translation>
            <numerusform>Tag %Ln document with {names}</numerusform>
            <numerusform>Tag %Ln documents with {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove {names} from %Ln document(s)</source>
        <translation>
            <numerusform>Remove {names} from %Ln document</numerusform>
            <numerusform>Remove {names} from %Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDocumentsDialog</name>
    <message numerus="yes">
        <source>Tag &lt;b&gt;%Ln&lt;/b&gt; selected document(s).</source>
        <translation>
            <numerusform>Tag &lt;b&gt;%Ln&lt;/b&gt; selected document.</numerusform>
            <numerusform>Tag &lt;b&gt;%Ln&lt;/b&gt; selected documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit tags of %Ln document(s)</source>
        <translation>
            <numerusform>Edit tags of %Ln document</numerusform>
            <numerusform>Edit tags of %Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message numerus="yes">
        <source>%Ln tags are renamed.</source>
        <translation>
            <numerusform>%Ln tags are renamed.</numerusform>
            <numerusform>%Ln tags are renamed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renamed “{old}” to “{new}” (%Ln tags with those below it): {items} carry it.</source>
        <translation>
            <numerusform>Renamed “{old}” to “{new}” (%Ln tags with those below it): {items} carry it.</numerusform>
            <numerusform>Renamed “{old}” to “{new}” (%Ln tags with those below it): {items} carry it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message numerus="yes">
        <source>%Ln document link(s)</source>
        <translation>
            <numerusform>%Ln document link</numerusform>
            <numerusform>%Ln document links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation link(s)</source>
        <translation>
            <numerusform>%Ln annotation link</numerusform>
            <numerusform>%Ln annotation links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message numerus="yes">
        <source>%Ln dated, {span}, by month</source>
        <translation>
            <numerusform>%Ln dated, {span}, by month</numerusform>
            <numerusform>%Ln dated, {span}, by month</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dated, {span}, by year</source>
        <translation>
            <numerusform>%Ln dated, {span}, by year</numerusform>
            <numerusform>%Ln dated, {span}, by year</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dated to the year only</source>
        <translation>
            <numerusform>%Ln dated to the year only</numerusform>
            <numerusform>%Ln dated to the year only</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln undated</source>
        <translation>
            <numerusform>%Ln undated</numerusform>
            <numerusform>%Ln undated</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
</context>
</TS>
