<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnnotationColors</name>
    <message>
        <source>yellow</source>
        <translation>jaune</translation>
    </message>
    <message>
        <source>green</source>
        <translation>vert</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>bleu</translation>
    </message>
    <message>
        <source>pink</source>
        <translation>rose</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>violet</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>orange</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>Highlight</source>
        <translation>Surligner</translation>
    </message>
    <message>
        <source>Edit Annotation</source>
        <translation>Modifier l’annotation</translation>
    </message>
    <message>
        <source>Delete Annotation</source>
        <translation>Supprimer l’annotation</translation>
    </message>
    <message>
        <source>Re-anchor Annotation</source>
        <translation>Réancrer l’annotation</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>{colour} highlight (click to edit)</source>
        <translation>Surlignage {colour} (cliquer pour modifier)</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>&amp;Surligner</translation>
    </message>
    <message>
        <source>Highlight the selected text in the last colour</source>
        <translation>Surligner le texte sélectionné dans la dernière couleur</translation>
    </message>
    <message>
        <source>&amp;Annotate…</source>
        <translation>&amp;Annoter…</translation>
    </message>
    <message>
        <source>Annotate the selected text: colour, note, tags</source>
        <translation>Annoter le texte sélectionné : couleur, note, étiquettes</translation>
    </message>
    <message>
        <source>Re-anchor &amp;Here</source>
        <translation>Réancrer &amp;ici</translation>
    </message>
    <message>
        <source>Attach the annotation chosen in the Annotations panel to the selected text</source>
        <translation>Rattacher au texte sélectionné l’annotation choisie dans le panneau Annotations</translation>
    </message>
    <message>
        <source>Select the text to highlight first</source>
        <translation>Sélectionnez d’abord le texte à surligner</translation>
    </message>
    <message>
        <source>Highlight in {colour}</source>
        <translation>Surligner en {colour}</translation>
    </message>
    <message>
        <source>Highlighted in {colour} (Ctrl+Z to undo)</source>
        <translation>Surligné en {colour} (Ctrl+Z pour annuler)</translation>
    </message>
    <message>
        <source>Select the text to annotate first</source>
        <translation>Sélectionnez d’abord le texte à annoter</translation>
    </message>
    <message>
        <source>The selection holds only spaces: select words to annotate</source>
        <translation>La sélection ne contient que des espaces : sélectionnez des mots à annoter</translation>
    </message>
    <message>
        <source>Deleted “{quote}” (Ctrl+Z to undo)</source>
        <translation>« {quote} » supprimé (Ctrl+Z pour annuler)</translation>
    </message>
    <message>
        <source>Choose an annotation in the panel and select the text to attach it to</source>
        <translation>Choisissez une annotation dans le panneau et sélectionnez le texte auquel la rattacher</translation>
    </message>
    <message>
        <source>Annotation re-anchored (Ctrl+Z to undo)</source>
        <translation>Annotation réancrée (Ctrl+Z pour annuler)</translation>
    </message>
    <message>
        <source>This passage is no longer in the text: select where it belongs and Re-anchor here</source>
        <translation>Ce passage n’est plus dans le texte : sélectionnez sa nouvelle place et choisissez Réancrer ici</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Annoter</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Colour:</source>
        <translation>Couleur :</translation>
    </message>
    <message>
        <source>Note (Markdown allowed)</source>
        <translation>Note (Markdown accepté)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes :</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete this annotation (it can be undone)</source>
        <translation>Supprimer cette annotation (cela peut être annulé)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close without saving (Esc); asks first when the note or tags were changed</source>
        <translation>Fermer sans enregistrer (Échap) ; demande d’abord si la note ou les étiquettes ont changé</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>New annotation</source>
        <translation>Nouvelle annotation</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>“{quote}”</source>
        <translation>« {quote} »</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <source>The note and tags typed in this annotation have not been saved.</source>
        <translation>La note et les étiquettes saisies dans cette annotation n’ont pas été enregistrées.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la modification</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <source>{colour} annotation: {quote}; note: {note}</source>
        <translation>Annotation {colour} : {quote} ; note : {note}</translation>
    </message>
    <message>
        <source>{colour} annotation: {quote}</source>
        <translation>Annotation {colour} : {quote}</translation>
    </message>
    <message numerus="yes">
        <source>Text no longer found (%Ln)</source>
        <translation>
            <numerusform>Texte introuvable (%Ln)</numerusform>
            <numerusform>Textes introuvables (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>The document changed and these passages were not found in its new text. Select an annotation, select text in the reader, then choose “Re-anchor here”.</source>
        <translation>Le document a changé et ces passages sont introuvables dans son nouveau texte. Choisissez une annotation, sélectionnez du texte dans le lecteur, puis choisissez « Réancrer ici ».</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Highlight colour</source>
        <translation>Couleur du surlignage</translation>
    </message>
    <message>
        <source>{colour} highlight</source>
        <translation>Surlignage {colour}</translation>
    </message>
    <message>
        <source>Orphaned: this text is no longer found in the document; the quote is what was marked.</source>
        <translation>Orpheline : ce texte est introuvable dans le document ; la citation est le passage marqué.</translation>
    </message>
    <message>
        <source>Created {created}
Modified {modified}</source>
        <translation>Créée le {created}
Modifiée le {modified}</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>No annotations yet — select text and press Ctrl+Shift+H</source>
        <translation>Aucune annotation — sélectionnez du texte et appuyez sur Ctrl+Maj+H</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the selected annotation (Enter)</source>
        <translation>Modifier l’annotation sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected annotation (Delete); Ctrl+Z brings it back</source>
        <translation>Supprimer l’annotation sélectionnée (Suppr) ; Ctrl+Z la rétablit</translation>
    </message>
    <message>
        <source>Delete Annotation</source>
        <translation>Supprimer l’annotation</translation>
    </message>
</context>
<context>
    <name>AnnotationsView</name>
    <message>
        <source>Newest first</source>
        <translation>Plus récentes d’abord</translation>
    </message>
    <message>
        <source>By document</source>
        <translation>Par document</translation>
    </message>
    <message>
        <source>Filter by words in the quote or note</source>
        <translation>Filtrer par mots de la citation ou de la note</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Toute étiquette</translation>
    </message>
    <message>
        <source>Annotations with this tag or a tag below it (country takes country/…)</source>
        <translation>Annotations portant cette étiquette ou une étiquette en dessous (country comprend country/…)</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>Toute couleur</translation>
    </message>
    <message>
        <source>Orphaned only</source>
        <translation>Orphelines seulement</translation>
    </message>
    <message>
        <source>Annotations whose text is no longer found in their document</source>
        <translation>Annotations dont le texte est introuvable dans leur document</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the selected annotations (or all those shown)</source>
        <translation>Exporter les annotations sélectionnées (ou toutes celles affichées)</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Tri :</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>Current document — {title}</source>
        <translation>Document courant — {title}</translation>
    </message>
    <message>
        <source>Current document</source>
        <translation>Document courant</translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation>Aucune archive n’est ouverte.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln annotation(s)</source>
        <translation>
            <numerusform>{shown} sur %Ln annotation</numerusform>
            <numerusform>{shown} sur %Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No annotations yet.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Open a document, select a passage and press &lt;b&gt;Ctrl+Shift+H&lt;/b&gt; to highlight it, or &lt;b&gt;Ctrl+Shift+A&lt;/b&gt; to add a note.</source>
        <translation>&lt;b&gt;Aucune annotation pour l’instant.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Ouvrez un document, sélectionnez un passage et appuyez sur &lt;b&gt;Ctrl+Maj+H&lt;/b&gt; pour le surligner, ou sur &lt;b&gt;Ctrl+Maj+A&lt;/b&gt; pour ajouter une note.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>No annotation matches these filters.</source>
        <translation>Aucune annotation ne correspond à ces filtres.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Cannot open the archive.

{error}</source>
        <translation>Impossible d’ouvrir l’archive.

{error}</translation>
    </message>
</context>
<context>
    <name>CitationMapPanel</name>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
</context>
<context>
    <name>CitationMapView</name>
    <message>
        <source>No links to other documents in this archive</source>
        <translation>Aucun lien vers d’autres documents de cette archive</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
    <message numerus="yes">
        <source>Cited by %Ln document(s)</source>
        <translation>
            <numerusform>Cité par %Ln document</numerusform>
            <numerusform>Cité par %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cites %Ln document(s)</source>
        <translation>
            <numerusform>Cite %Ln document</numerusform>
            <numerusform>Cite %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>et %Ln autre</numerusform>
            <numerusform>et %Ln autres</numerusform>
        </translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>non daté</translation>
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
            <numerusform>Cité par ce document dans la note {numbers}</numerusform>
            <numerusform>Cité par ce document dans les notes {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cites this document in its note(s) {numbers}</source>
        <translation>
            <numerusform>Cite ce document dans sa note {numbers}</numerusform>
            <numerusform>Cite ce document dans ses notes {numbers}</numerusform>
        </translation>
    </message>
    <message>
        <source>The open document</source>
        <translation>Le document ouvert</translation>
    </message>
    <message>
        <source>Click to open</source>
        <translation>Cliquer pour ouvrir</translation>
    </message>
</context>
<context>
    <name>DocumentDates</name>
    <message>
        <source>{month} {year}</source>
        <comment>a month and its year: September 2021</comment>
        <translation>{month} {year}</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé le</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Annotated excerpts</source>
        <translation>Extraits annotés</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Footnotes as endnotes</source>
        <translation>Notes de bas de page en notes de fin</translation>
    </message>
    <message>
        <source>Citation line</source>
        <translation>Ligne de citation</translation>
    </message>
    <message>
        <source>Export annotated excerpts</source>
        <translation>Exporter les extraits annotés</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>Inclure :</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nom du fichier :</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>document {id}</source>
        <translation>document {id}</translation>
    </message>
    <message>
        <source>Current document: {title}</source>
        <translation>Document actuel : {title}</translation>
    </message>
    <message>
        <source>Current document</source>
        <translation>Document actuel</translation>
    </message>
    <message>
        <source>Selected documents ({count})</source>
        <translation>Documents sélectionnés ({count})</translation>
    </message>
    <message>
        <source>Selected documents</source>
        <translation>Documents sélectionnés</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Étiquette :</translation>
    </message>
    <message>
        <source>Search results for “{query}”</source>
        <translation>Résultats de la recherche « {query} »</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Selected annotations ({count})</source>
        <translation>Annotations sélectionnées ({count})</translation>
    </message>
    <message>
        <source>Selected annotations</source>
        <translation>Annotations sélectionnées</translation>
    </message>
    <message>
        <source>All annotations</source>
        <translation>Toutes les annotations</translation>
    </message>
    <message>
        <source>Annotations of “{title}”</source>
        <translation>Annotations de « {title} »</translation>
    </message>
    <message numerus="yes">
        <source>Annotations of %Ln selected document(s)</source>
        <translation>
            <numerusform>Annotations de %Ln document sélectionné</numerusform>
            <numerusform>Annotations de %Ln documents sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag: {tag}</source>
        <translation>Étiquette : {tag}</translation>
    </message>
    <message>
        <source>Search: {query}</source>
        <translation>Recherche : {query}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation sélectionnée</numerusform>
            <numerusform>%Ln annotations sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Décompte en cours…</translation>
    </message>
    <message>
        <source>Nothing to export: this choice holds no annotations.</source>
        <translation>Rien à exporter : ce choix ne contient aucune annotation.</translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation>Mise à jour de l’aperçu…</translation>
    </message>
    <message numerus="yes">
        <source>The preview shows the first {shown} of %Ln excerpts; the file holds them all.</source>
        <translation>
            <numerusform>L’aperçu présente les {shown} premiers extraits sur %Ln ; le fichier les contient tous.</numerusform>
            <numerusform>L’aperçu présente les {shown} premiers extraits sur %Ln ; le fichier les contient tous.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF is previewed as HTML; the file is laid out on A4 pages.</source>
        <translation>Le PDF est prévisualisé en HTML ; le fichier est mis en page au format A4.</translation>
    </message>
    <message>
        <source>Format set to {format} to match “{name}”.</source>
        <translation>Format réglé sur {format} pour correspondre à « {name} ».</translation>
    </message>
    <message>
        <source>Export excerpts</source>
        <translation>Exporter les extraits</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <source>“{name}” already exists in {folder}.

Replace it?</source>
        <translation>« {name} » existe déjà dans {folder}.

Le remplacer ?</translation>
    </message>
    <message>
        <source>Not exported: “{name}” was left as it was.</source>
        <translation>Non exporté : « {name} » est resté inchangé.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln excerpt(s) to {path}</source>
        <translation>
            <numerusform>%Ln extrait exporté vers {path}</numerusform>
            <numerusform>%Ln extraits exportés vers {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>L’exportation a échoué : {error}</translation>
    </message>
    <message>
        <source>Wait for the export to finish…</source>
        <translation>Attendez la fin de l’exportation…</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>HTML (one self-contained file)</source>
        <translation>HTML (un seul fichier autonome)</translation>
    </message>
    <message>
        <source>CSV (one row per excerpt)</source>
        <translation>CSV (une ligne par extrait)</translation>
    </message>
    <message>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>Annotation Web du W3C (JSON-LD)</translation>
    </message>
    <message numerus="yes">
        <source>Collecting %Ln excerpt(s)…</source>
        <translation>
            <numerusform>Collecte de %Ln extrait…</numerusform>
            <numerusform>Collecte de %Ln extraits…</numerusform>
        </translation>
    </message>
    <message>
        <source>Selection: {description}</source>
        <translation>Sélection : {description}</translation>
    </message>
    <message>
        <source>Orphaned: text no longer found in the document; the quote is what was marked.</source>
        <translation>Orpheline : texte introuvable dans le document ; la citation est le passage qui avait été marqué.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Highlight: {color}</source>
        <translation>Surlignage : {color}</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Étiquettes : {tags}</translation>
    </message>
    <message>
        <source>Endnotes</source>
        <translation>Notes de fin</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>non daté</translation>
    </message>
    <message>
        <source>Exported {time} · {excerpts} from {documents}</source>
        <translation>Exporté le {time} · {excerpts} de {documents}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln excerpt(s)</source>
        <translation>
            <numerusform>%Ln extrait</numerusform>
            <numerusform>%Ln extraits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: “{name}” does not end in {suffix}, the extension of {format}.</source>
        <translation>Non exporté : « {name} » ne se termine pas par {suffix}, l’extension du format {format}.</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Écriture de {name}…</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Une erreur s’est produite : {error}</translation>
    </message>
</context>
<context>
    <name>ExportTexts</name>
    <message>
        <source>W3C Web Annotation</source>
        <translation>Annotation Web du W3C</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>excerpts</source>
        <translation>extraits</translation>
    </message>
    <message>
        <source>Will be saved as “{name}”: “{suffix}” is not an export extension.</source>
        <translation>Sera enregistré sous « {name} » : « {suffix} » n’est pas une extension d’exportation.</translation>
    </message>
    <message>
        <source>Will be saved as “{name}”.</source>
        <translation>Sera enregistré sous « {name} ».</translation>
    </message>
    <message>
        <source>“{suffix}” is not an export extension, so “{added}” was added.</source>
        <translation>« {suffix} » n’est pas une extension d’exportation : « {added} » a été ajouté.</translation>
    </message>
    <message>
        <source>No document is open in the reader.</source>
        <translation>Aucun document n’est ouvert dans le lecteur.</translation>
    </message>
    <message>
        <source>No documents are selected in the library.</source>
        <translation>Aucun document n’est sélectionné dans la bibliothèque.</translation>
    </message>
    <message>
        <source>There is no current search.</source>
        <translation>Aucune recherche en cours.</translation>
    </message>
    <message>
        <source>No annotations are selected.</source>
        <translation>Aucune annotation n’est sélectionnée.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>éditeur</translation>
    </message>
    <message>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>{group}  (none)</source>
        <translation>{group}  (aucun)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>, and </source>
        <translation>, et </translation>
    </message>
    <message>
        <source>Showing {filters}</source>
        <translation>Filtres : {filters}</translation>
    </message>
    <message>
        <source>Check values to filter the library.</source>
        <translation>Cochez des valeurs pour filtrer la bibliothèque.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Rechercher dans le document</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Résultat précédent (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Résultat suivant (Entrée)</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <comment>the match shown in a find bar</comment>
        <translation>{current} sur {total}</translation>
    </message>
</context>
<context>
    <name>FirstWindow</name>
    <message>
        <source>Opening “{name}”…</source>
        <translation>Ouverture de « {name} »…</translation>
    </message>
    <message>
        <source>Opening {folder}…</source>
        <translation>Ouverture de {folder}…</translation>
    </message>
</context>
<context>
    <name>FootnotePanel</name>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
    <message>
        <source>This document has no footnotes.</source>
        <translation>Ce document n’a pas de notes de bas de page.</translation>
    </message>
    <message numerus="yes">
        <source>No note list · %Ln marker(s) without a note</source>
        <translation>
            <numerusform>Pas de liste de notes · %Ln appel sans note</numerusform>
            <numerusform>Pas de liste de notes · %Ln appels sans note</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln footnote(s)</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln missing</source>
        <comment>missing notes</comment>
        <translation>
            <numerusform>%Ln manquante</numerusform>
            <numerusform>%Ln manquantes</numerusform>
        </translation>
    </message>
    <message>
        <source>No marker in the text points to this note</source>
        <translation>Aucun appel du texte ne renvoie à cette note</translation>
    </message>
    <message>
        <source>Footnote {number} — missing from the document</source>
        <translation>Note {number} — absente du document</translation>
    </message>
    <message>
        <source>Ibid → </source>
        <translation>Ibid → </translation>
    </message>
    <message>
        <source>note {number}</source>
        <translation>note {number}</translation>
    </message>
    <message>
        <source>Source {number}: </source>
        <translation>Source {number} : </translation>
    </message>
    <message>
        <source>Source: </source>
        <translation>Source : </translation>
    </message>
    <message>
        <source>In the archive: </source>
        <translation>Dans l’archive : </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Importation annulée</translation>
    </message>
    <message>
        <source>Skipped: {path}
    {reason}</source>
        <translation>Ignoré : {path}
    {reason}</translation>
    </message>
    <message>
        <source>Imported in part: {path}
    {notice}</source>
        <translation>Importé en partie : {path}
    {notice}</translation>
    </message>
    <message>
        <source>Already in the archive: {path} (same content as document {id})</source>
        <translation>Déjà dans l’archive : {path} (même contenu que le document {id})</translation>
    </message>
    <message>
        <source>Already in the archive: {path} (same content as “{title}”)</source>
        <translation>Déjà dans l’archive : {path} (même contenu que « {title} »)</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message numerus="yes">
        <source>Importing %Ln item(s)…</source>
        <translation>
            <numerusform>Importation de %Ln élément…</numerusform>
            <numerusform>Importation de %Ln éléments…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Importing {done}/{total}: {name}</source>
        <translation>Importation {done}/{total} : {name}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln importé</numerusform>
            <numerusform>%Ln importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln mis à jour</numerusform>
            <numerusform>%Ln mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the archive</source>
        <translation>
            <numerusform>%Ln déjà dans l’archive</numerusform>
            <numerusform>%Ln déjà dans l’archive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln ignoré</numerusform>
            <numerusform>%Ln ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln only in part</source>
        <translation>
            <numerusform>%Ln en partie seulement</numerusform>
            <numerusform>%Ln en partie seulement</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>country profile</source>
        <translation>profil de pays</translation>
    </message>
    <message>
        <source>press release</source>
        <translation>communiqué de presse</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>déclaration</translation>
    </message>
    <message>
        <source>speech</source>
        <translation>discours</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>transcription</translation>
    </message>
    <message>
        <source>article</source>
        <translation>article</translation>
    </message>
    <message>
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <source>policy brief</source>
        <translation>note d’orientation</translation>
    </message>
    <message>
        <source>court decision</source>
        <translation>décision de justice</translation>
    </message>
    <message>
        <source>legal filing</source>
        <translation>acte de procédure</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>lettre</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;New Archive…</source>
        <translation>&amp;Nouvelle archive…</translation>
    </message>
    <message>
        <source>Create an empty archive in a new folder</source>
        <translation>Créer une archive vide dans un nouveau dossier</translation>
    </message>
    <message>
        <source>&amp;Open Archive…</source>
        <translation>&amp;Ouvrir une archive…</translation>
    </message>
    <message>
        <source>Open another archive folder</source>
        <translation>Ouvrir un autre dossier d’archive</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import reports (.txt .md .html .pdf .docx .odt .epub)</source>
        <translation>Importer des rapports (.txt .md .html .pdf .docx .odt .epub)</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>Import every report in a folder and its subfolders</source>
        <translation>Importer tous les rapports d’un dossier et de ses sous-dossiers</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Tag Documents…</source>
        <translation>É&amp;tiqueter des documents…</translation>
    </message>
    <message>
        <source>Add or remove tags on the selected documents</source>
        <translation>Ajouter ou retirer des étiquettes sur les documents sélectionnés</translation>
    </message>
    <message>
        <source>Tag &amp;Manager…</source>
        <translation>&amp;Gestionnaire d’étiquettes…</translation>
    </message>
    <message>
        <source>Rename, merge, colour and delete tags</source>
        <translation>Renommer, fusionner, colorer et supprimer des étiquettes</translation>
    </message>
    <message>
        <source>&amp;Export Excerpts…</source>
        <translation>&amp;Exporter des extraits…</translation>
    </message>
    <message>
        <source>Export annotated excerpts with their citations</source>
        <translation>Exporter les extraits annotés avec leurs références</translation>
    </message>
    <message>
        <source>&amp;Remove Documents…</source>
        <translation>Su&amp;pprimer des documents…</translation>
    </message>
    <message>
        <source>Remove the selected documents from the archive (undoable)</source>
        <translation>Retirer de l’archive les documents sélectionnés (annulable)</translation>
    </message>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation>Modifier les &amp;métadonnées…</translation>
    </message>
    <message>
        <source>Edit the title, date, publisher and kind of the selected document</source>
        <translation>Modifier le titre, la date, l’éditeur et le type du document sélectionné</translation>
    </message>
    <message>
        <source>&amp;Search the Archive</source>
        <translation>&amp;Rechercher dans l’archive</translation>
    </message>
    <message>
        <source>Jump to the search field</source>
        <translation>Aller au champ de recherche</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>Show the library table</source>
        <translation>Afficher le tableau de la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Reader</source>
        <translation>L&amp;ecteur</translation>
    </message>
    <message>
        <source>Show the open document</source>
        <translation>Afficher le document ouvert</translation>
    </message>
    <message>
        <source>&amp;Annotations</source>
        <translation>&amp;Annotations</translation>
    </message>
    <message>
        <source>All annotations of the archive, to filter and export</source>
        <translation>Toutes les annotations de l’archive, à filtrer et exporter</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>Document précédent</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>Document suivant</translation>
    </message>
    <message>
        <source>&amp;Open Selected Document</source>
        <translation>&amp;Ouvrir le document sélectionné</translation>
    </message>
    <message>
        <source>&amp;Query Syntax</source>
        <translation>Syntaxe des &amp;requêtes</translation>
    </message>
    <message>
        <source>How to write searches</source>
        <translation>Comment écrire une recherche</translation>
    </message>
    <message>
        <source>&amp;About Dossier</source>
        <translation>À &amp;propos de Dossier</translation>
    </message>
    <message>
        <source>Show &amp;Timeline</source>
        <translation>Afficher la &amp;frise chronologique</translation>
    </message>
    <message>
        <source>Documents per year or month above the library table</source>
        <translation>Documents par année ou par mois au-dessus du tableau de la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Archives &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Search the Archive</source>
        <comment>toolbar button</comment>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Find in Document</source>
        <comment>toolbar button</comment>
        <translation>Chercher dans le document</translation>
    </message>
    <message>
        <source>Edit Metadata</source>
        <comment>toolbar button</comment>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Tag Documents</source>
        <comment>toolbar button</comment>
        <translation>Étiqueter</translation>
    </message>
    <message>
        <source>Export Excerpts</source>
        <comment>toolbar button</comment>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Reports ({patterns})</source>
        <translation>Rapports ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <source>New Archive — name a new folder for it</source>
        <translation>Nouvelle archive — nommez un nouveau dossier pour elle</translation>
    </message>
    <message>
        <source>Dossier archive</source>
        <translation>Archive Dossier</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>Ouvrir une archive</translation>
    </message>
    <message>
        <source>New Archive</source>
        <translation>Nouvelle archive</translation>
    </message>
    <message>
        <source>{folder} already holds other files. A new archive needs a new or empty folder: name another one.</source>
        <translation>{folder} contient déjà d’autres fichiers. Une nouvelle archive demande un dossier nouveau ou vide : choisissez-en un autre.</translation>
    </message>
    <message>
        <source>{folder} is not a Dossier archive: it holds other files.

To add its documents to this archive, use File › Import Folder. To start a new archive, use File › New Archive and name a new or empty folder.</source>
        <translation>{folder} n’est pas une archive Dossier : il contient d’autres fichiers.

Pour ajouter ses documents à cette archive, utilisez Fichier › Importer un dossier. Pour commencer une nouvelle archive, utilisez Fichier › Nouvelle archive et choisissez un dossier nouveau ou vide.</translation>
    </message>
    <message>
        <source>{folder} holds no archive yet.

To start a new archive there, use File › New Archive.</source>
        <translation>{folder} ne contient pas encore d’archive.

Pour y commencer une nouvelle archive, utilisez Fichier › Nouvelle archive.</translation>
    </message>
    <message>
        <source>Remove Documents</source>
        <translation>Supprimer des documents</translation>
    </message>
    <message>
        <source>Select the documents to remove in the library first.</source>
        <translation>Sélectionnez d’abord dans la bibliothèque les documents à supprimer.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln document(s) from the archive?</source>
        <translation>
            <numerusform>Retirer %Ln document de l’archive ?</numerusform>
            <numerusform>Retirer %Ln documents de l’archive ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s) will be removed with it.</source>
        <translation>
            <numerusform>%Ln annotation sera supprimée avec lui.</numerusform>
            <numerusform>%Ln annotations seront supprimées avec lui.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s) will be removed with them.</source>
        <translation>
            <numerusform>%Ln annotation sera supprimée avec eux.</numerusform>
            <numerusform>%Ln annotations seront supprimées avec eux.</numerusform>
        </translation>
    </message>
    <message>
        <source>The files on disk are not touched, and Edit › Undo puts everything back.</source>
        <translation>Les fichiers sur le disque ne sont pas touchés, et Édition › Annuler remet tout en place.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln document(s)</source>
        <translation>
            <numerusform>Supprimer %Ln document</numerusform>
            <numerusform>Supprimer %Ln documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a document to edit its metadata.</source>
        <translation>Sélectionnez un document pour modifier ses métadonnées.</translation>
    </message>
    <message>
        <source>Metadata saved.</source>
        <translation>Métadonnées enregistrées.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Dossier will use {language} the next time it starts.</source>
        <translation>Langue choisie : {language}. Elle sera utilisée au prochain démarrage de Dossier.</translation>
    </message>
    <message>
        <source>Select documents in the library to tag them.</source>
        <translation>Sélectionnez des documents dans la bibliothèque pour les étiqueter.</translation>
    </message>
    <message>
        <source>An archive browser for reports: import, search, read with footnotes, annotate and export excerpts with their citations.</source>
        <translation>Un navigateur d’archives pour les rapports : importer, rechercher, lire avec les notes de bas de page, annoter et exporter des extraits avec leurs références.</translation>
    </message>
    <message>
        <source>Archive: {folder}</source>
        <translation>Archive : {folder}</translation>
    </message>
    <message>
        <source>About Dossier</source>
        <translation>À propos de Dossier</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Parcourir</translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Citation Map</source>
        <translation>Carte des citations</translation>
    </message>
    <message>
        <source>This archive is empty</source>
        <translation>Cette archive est vide</translation>
    </message>
    <message>
        <source>Import reports — plain text, Markdown, HTML, PDF, Word, OpenDocument or EPUB —&lt;br&gt;with &lt;b&gt;File › Import Files…&lt;/b&gt; (Ctrl+I), &lt;b&gt;Import Folder…&lt;/b&gt;, or by dropping files and folders on this window.&lt;br&gt;Or start with the bundled sample reports.</source>
        <translation>Importez des rapports — texte brut, Markdown, HTML, PDF, Word, OpenDocument ou EPUB —&lt;br&gt;avec &lt;b&gt;Fichier › Importer des fichiers…&lt;/b&gt; (Ctrl+I), &lt;b&gt;Importer un dossier…&lt;/b&gt;, ou en déposant des fichiers et des dossiers sur cette fenêtre.&lt;br&gt;Ou commencez avec les rapports d’exemple fournis.</translation>
    </message>
    <message>
        <source>Import the sample reports</source>
        <translation>Importer les rapports d’exemple</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Archive: {name}</source>
        <translation>Archive : {name}</translation>
    </message>
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
            <numerusform>{shown} sur %Ln document</numerusform>
            <numerusform>{shown} sur %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back %Ln document(s).</source>
        <translation>
            <numerusform>%Ln document remis.</numerusform>
            <numerusform>%Ln documents remis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln document(s) (Ctrl+Z to undo).</source>
        <translation>
            <numerusform>%Ln document retiré (Ctrl+Z pour annuler).</numerusform>
            <numerusform>%Ln documents retirés (Ctrl+Z pour annuler).</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it.</source>
        <translation>Une importation est déjà en cours ; attendez-la ou annulez-la.</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled after %Ln file(s); documents imported so far are kept.</source>
        <translation>
            <numerusform>Importation annulée après %Ln fichier ; les documents déjà importés sont conservés.</numerusform>
            <numerusform>Importation annulée après %Ln fichiers ; les documents déjà importés sont conservés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished: {summary}</source>
        <translation>Importation terminée : {summary}</translation>
    </message>
    <message>
        <source>The import stopped: {message}

Documents imported before it are kept.</source>
        <translation>L’importation s’est arrêtée : {message}

Les documents importés avant l’arrêt sont conservés.</translation>
    </message>
    <message>
        <source>Rebuilding the search index: {done}/{total}</source>
        <translation>Reconstruction de l’index de recherche : {done}/{total}</translation>
    </message>
    <message>
        <source>Repairing the search index: {done}/{total}</source>
        <translation>Réparation de l’index de recherche : {done}/{total}</translation>
    </message>
    <message>
        <source>Updating the search index: {done}/{total}</source>
        <translation>Mise à jour de l’index de recherche : {done}/{total}</translation>
    </message>
    <message>
        <source>The search index could not be updated: {message}</source>
        <translation>L’index de recherche n’a pas pu être mis à jour : {message}</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>Ouvrir une archive</translation>
    </message>
    <message>
        <source>Wait for the import to finish or cancel it first.</source>
        <translation>Attendez la fin de l’importation ou annulez-la d’abord.</translation>
    </message>
    <message>
        <source>An import is running. Stop it and quit? Documents imported so far are kept.</source>
        <translation>Une importation est en cours. L’arrêter et quitter ? Les documents déjà importés sont conservés.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>e.g. 28 November 2013, 2013-11-28, 2013-11 or 2013; empty for no date</source>
        <translation>ex. 28 November 2013, 2013-11-28, 2013-11 ou 2013 ; vide pour aucune date</translation>
    </message>
    <message>
        <source>One author per line (a person or a body), or separated by &apos;;&apos;</source>
        <translation>Un auteur par ligne (une personne ou un organisme), ou séparés par « ; »</translation>
    </message>
    <message>
        <source>https://… where the document was published</source>
        <translation>https://… où le document a été publié</translation>
    </message>
    <message>
        <source>e.g. en, fr, pt-BR (a BCP 47 tag)</source>
        <translation>ex. en, fr, pt-BR (un code de langue BCP 47)</translation>
    </message>
    <message>
        <source>Edit Metadata</source>
        <translation>Modifier les métadonnées</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>Date &amp;label:</source>
        <translation>&amp;Libellé de la date :</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>Éditeu&amp;r :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>&amp;Authors:</source>
        <translation>&amp;Auteurs :</translation>
    </message>
    <message>
        <source>Source &amp;URL:</source>
        <translation>&amp;URL de la source :</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lan&amp;gue :</translation>
    </message>
</context>
<context>
    <name>OpenExternal</name>
    <message>
        <source>Cannot open</source>
        <translation>Ouverture impossible</translation>
    </message>
    <message>
        <source>No program on this computer could open this file:</source>
        <translation>Aucun programme de cet ordinateur n’a pu ouvrir ce fichier :</translation>
    </message>
    <message>
        <source>Copy it and open it yourself, or set a default viewer for this kind of file.</source>
        <translation>Copiez-le et ouvrez-le vous-même, ou définissez une visionneuse par défaut pour ce type de fichier.</translation>
    </message>
    <message>
        <source>Copy File</source>
        <translation>Copier le fichier</translation>
    </message>
    <message>
        <source>No program on this computer could open this link:</source>
        <translation>Aucun programme de cet ordinateur n’a pu ouvrir ce lien :</translation>
    </message>
    <message>
        <source>Copy it and open it yourself, or set a default web browser.</source>
        <translation>Copiez-le et ouvrez-le vous-même, ou définissez un navigateur web par défaut.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copier le lien</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the import; files already imported stay</source>
        <translation>Arrêter l’importation ; les fichiers déjà importés restent</translation>
    </message>
</context>
<context>
    <name>ReaderController</name>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>&amp;Rechercher dans le document…</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
    <message>
        <source>Footnote {number} is missing from the document</source>
        <translation>La note {number} est absente du document</translation>
    </message>
</context>
<context>
    <name>RemoveDocumentsCommand</name>
    <message>
        <source>The documents could not be put back: {error}</source>
        <translation>Les documents n’ont pas pu être rétablis : {error}</translation>
    </message>
</context>
<context>
    <name>ScopeChooser</name>
    <message>
        <source>Excerpts to export</source>
        <translation>Extraits à exporter</translation>
    </message>
    <message>
        <source>tag name</source>
        <translation>nom de l’étiquette</translation>
    </message>
    <message>
        <source>Annotations with this tag or one below it, and the annotations of documents tagged with it</source>
        <translation>Les annotations portant cette étiquette ou une étiquette en dessous, et les annotations des documents qui la portent</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>décompte…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln excerpt(s)</source>
        <translation>
            <numerusform>%Ln extrait</numerusform>
            <numerusform>%Ln extraits</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot count</source>
        <translation>décompte impossible</translation>
    </message>
</context>
<context>
    <name>SearchHelp</name>
    <message>
        <source>documents with both words (AND is the default) in the title, body or footnotes</source>
        <translation>les documents contenant les deux mots (AND par défaut) dans le titre, le texte ou les notes de bas de page</translation>
    </message>
    <message>
        <source>also &lt;i&gt;mines&lt;/i&gt;, &lt;i&gt;mined&lt;/i&gt; (stemming)</source>
        <translation>aussi &lt;i&gt;mines&lt;/i&gt;, &lt;i&gt;mined&lt;/i&gt; (racinisation)</translation>
    </message>
    <message>
        <source>the phrase</source>
        <translation>l’expression exacte</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>l’un ou l’autre mot</translation>
    </message>
    <message>
        <source>the first word without the second</source>
        <translation>le premier mot sans le second</translation>
    </message>
    <message>
        <source>boolean logic with parentheses</source>
        <translation>logique booléenne avec parenthèses</translation>
    </message>
    <message>
        <source>&lt;i&gt;(mines or survey) and clearance&lt;/i&gt;: OR joins its neighbours first</source>
        <translation>&lt;i&gt;(mines ou survey) et clearance&lt;/i&gt; : OR lie d’abord ses voisins</translation>
    </message>
    <message>
        <source>words starting with &lt;i&gt;demin&lt;/i&gt; (at least 3 letters before &lt;code&gt;*&lt;/code&gt;)</source>
        <translation>les mots commençant par &lt;i&gt;demin&lt;/i&gt; (au moins 3 lettres avant &lt;code&gt;*&lt;/code&gt;)</translation>
    </message>
    <message>
        <source>mine models and codes, kept whole</source>
        <translation>modèles de mines et codes, gardés entiers</translation>
    </message>
    <message>
        <source>a word in the title</source>
        <translation>un mot du titre</translation>
    </message>
    <message>
        <source>documents from one publisher</source>
        <translation>les documents d’un éditeur</translation>
    </message>
    <message>
        <source>documents by an author (set in Edit Metadata)</source>
        <translation>les documents d’un auteur (défini dans Modifier les métadonnées)</translation>
    </message>
    <message>
        <source>documents in a language (&lt;i&gt;lang:pt&lt;/i&gt; also finds pt-BR)</source>
        <translation>les documents dans une langue (&lt;i&gt;lang:pt&lt;/i&gt; trouve aussi pt-BR)</translation>
    </message>
    <message>
        <source>one kind, e.g. press-release, speech, report, court-decision (all in the metadata editor)</source>
        <translation>un type, p. ex. press-release, speech, report, court-decision (tous dans l’éditeur de métadonnées)</translation>
    </message>
    <message>
        <source>documents or annotations with a tag</source>
        <translation>les documents ou annotations portant une étiquette</translation>
    </message>
    <message>
        <source>also &lt;i&gt;brûlée&lt;/i&gt;: accents do not matter</source>
        <translation>aussi &lt;i&gt;brûlée&lt;/i&gt; : les accents ne comptent pas</translation>
    </message>
    <message>
        <source>a year, a month</source>
        <translation>une année, un mois</translation>
    </message>
    <message>
        <source>a range of years</source>
        <translation>une plage d’années</translation>
    </message>
    <message>
        <source>Results are ranked by relevance (title words count most) or sorted by date, newest first. A misspelt word gets a suggestion from the archive’s own words. A query that cannot be read (an unbalanced quote or parenthesis, a dangling AND) is searched as plain words, and you are told so. Footnotes and annotation notes are searched too.</source>
        <translation>Les résultats sont classés par pertinence (les mots du titre comptent le plus) ou triés par date, du plus récent au plus ancien. Un mot mal orthographié reçoit une suggestion tirée des mots de l’archive. Une requête illisible (guillemet ou parenthèse non fermés, AND en suspens) est recherchée comme de simples mots, et vous en êtes averti. Les notes de bas de page et les notes d’annotation sont aussi parcourues.</translation>
    </message>
    <message>
        <source>You type</source>
        <translation>Vous tapez</translation>
    </message>
    <message>
        <source>Finds</source>
        <translation>Trouve</translation>
    </message>
</context>
<context>
    <name>SearchHelpDialog</name>
    <message>
        <source>Search syntax</source>
        <translation>Syntaxe de recherche</translation>
    </message>
</context>
<context>
    <name>SearchHitDelegate</name>
    <message numerus="yes">
        <source>Matched in %Ln annotation(s) and in footnotes</source>
        <translation>
            <numerusform>Trouvé dans %Ln annotation et dans les notes de bas de page</numerusform>
            <numerusform>Trouvé dans %Ln annotations et dans les notes de bas de page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matched in %Ln annotation(s)</source>
        <translation>
            <numerusform>Trouvé dans %Ln annotation</numerusform>
            <numerusform>Trouvé dans %Ln annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Matched in footnotes</source>
        <translation>Trouvé dans les notes de bas de page</translation>
    </message>
</context>
<context>
    <name>SearchJob</name>
    <message>
        <source>The search failed: {error}</source>
        <translation>La recherche a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>SearchNotice</name>
    <message>
        <source>The search index is being rebuilt; results are incomplete until it finishes</source>
        <translation>L’index de recherche est en reconstruction ; les résultats sont incomplets jusqu’à la fin</translation>
    </message>
    <message>
        <source>Words over {0} characters left out</source>
        <translation>Mots de plus de {0} caractères ignorés</translation>
    </message>
    <message>
        <source>Parentheses nested deeper than {0} ignored</source>
        <translation>Parenthèses imbriquées sur plus de {0} niveaux ignorées</translation>
    </message>
    <message>
        <source>Query cut to its first {0} characters</source>
        <translation>Requête réduite à ses {0} premiers caractères</translation>
    </message>
    <message>
        <source>Only the first {0} terms searched</source>
        <translation>Seuls les {0} premiers termes ont été cherchés</translation>
    </message>
    <message>
        <source>Prefix &apos;{0}&apos; too short: at least {1} characters before *; searched without it</source>
        <translation>Préfixe « {0} » trop court : au moins {1} caractères avant * ; recherche faite sans lui</translation>
    </message>
    <message>
        <source>{parts}: searched as plain words</source>
        <translation>{parts} : recherche faite sur les mots seuls</translation>
    </message>
    <message>
        <source>Unbalanced quote</source>
        <translation>Guillemet non fermé</translation>
    </message>
    <message>
        <source>Unbalanced bracket</source>
        <translation>Crochet non fermé</translation>
    </message>
    <message>
        <source>Unbalanced parenthesis</source>
        <translation>Parenthèse non appariée</translation>
    </message>
    <message>
        <source>Unknown field &apos;{0}&apos;</source>
        <translation>Champ inconnu « {0} »</translation>
    </message>
    <message>
        <source>Field &apos;{0}:&apos; has no value</source>
        <translation>Le champ « {0}: » n’a pas de valeur</translation>
    </message>
    <message>
        <source>Date &apos;{0}&apos; not understood (use date:2013, date:2013-09 or date:[2020 to 2022])</source>
        <translation>Date « {0} » non comprise (utilisez date:2013, date:2013-09 ou date:[2020 to 2022])</translation>
    </message>
    <message>
        <source>Ranges work on date: only, not on &apos;{0}:&apos;</source>
        <translation>Les intervalles ne s’emploient qu’avec date:, pas avec « {0}: »</translation>
    </message>
    <message>
        <source>Ranges work on date: only</source>
        <translation>Les intervalles ne s’emploient qu’avec date:</translation>
    </message>
    <message>
        <source>Dangling operator &apos;{0}&apos;</source>
        <translation>Opérateur « {0} » sans opérande</translation>
    </message>
    <message>
        <source>No kind is called {0}; the kinds are {1}</source>
        <translation>Aucun type ne s’appelle {0} ; les types sont {1}</translation>
    </message>
    <message>
        <source>{parts}</source>
        <translation>{parts}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all documents — Ctrl+L</source>
        <translation>Rechercher dans tous les documents — Ctrl+L</translation>
    </message>
    <message>
        <source>Type words, a &lt;b&gt;&quot;phrase&quot;&lt;/b&gt;, or &lt;b&gt;title:&lt;/b&gt;… to search every document, its footnotes and your notes.&lt;br&gt;&lt;br&gt;Click &lt;b&gt;?&lt;/b&gt; for the query syntax.</source>
        <translation>Tapez des mots, une &lt;b&gt;&quot;expression&quot;&lt;/b&gt; ou &lt;b&gt;title:&lt;/b&gt;… pour chercher dans chaque document, ses notes de bas de page et vos notes.&lt;br&gt;&lt;br&gt;Cliquez sur &lt;b&gt;?&lt;/b&gt; pour la syntaxe des requêtes.</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Pertinence</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Query syntax</source>
        <translation>Syntaxe des requêtes</translation>
    </message>
    <message>
        <source>Order of the results</source>
        <translation>Ordre des résultats</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;Trier :</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>The search could not be run; see the note above.</source>
        <translation>La recherche n’a pas pu être lancée ; voir la note ci-dessus.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message>
        <source>No documents match</source>
        <translation>Aucun document ne correspond</translation>
    </message>
    <message>
        <source>The newest {shown} of {total} · &lt;a href=&quot;more&quot;&gt;show {step} more&lt;/a&gt;</source>
        <translation>Les {shown} plus récents sur {total} · &lt;a href=&quot;more&quot;&gt;afficher {step} de plus&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The best {shown} of {total} · &lt;a href=&quot;more&quot;&gt;show {step} more&lt;/a&gt;</source>
        <translation>Les {shown} meilleurs sur {total} · &lt;a href=&quot;more&quot;&gt;afficher {step} de plus&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No documents match “{query}”.</source>
        <translation>Aucun document ne correspond à « {query} ».</translation>
    </message>
    <message>
        <source>Check the spelling, use fewer words, or try a prefix such as &lt;b&gt;demin*&lt;/b&gt;.</source>
        <translation>Vérifiez l’orthographe, utilisez moins de mots ou essayez un préfixe comme &lt;b&gt;demin*&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Did you mean &lt;a href=&quot;suggestion&quot;&gt;{suggestion}&lt;/a&gt;?</source>
        <translation>Vouliez-vous dire &lt;a href=&quot;suggestion&quot;&gt;{suggestion}&lt;/a&gt; ?</translation>
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
            <numerusform>Étiqueter %Ln document avec {names}</numerusform>
            <numerusform>Étiqueter %Ln documents avec {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove {names} from %Ln document(s)</source>
        <translation>
            <numerusform>Retirer {names} de %Ln document</numerusform>
            <numerusform>Retirer {names} de %Ln documents</numerusform>
        </translation>
    </message>
    <message>
        <source>{documents} and {annotations}</source>
        <translation>{documents} et {annotations}</translation>
    </message>
    <message>
        <source>Cannot undo “{action}”: {error}</source>
        <translation>Impossible d’annuler « {action} » : {error}</translation>
    </message>
    <message>
        <source>Cannot redo “{action}”: {error}</source>
        <translation>Impossible de rétablir « {action} » : {error}</translation>
    </message>
    <message>
        <source>Rename tag “{old}” to “{new}”</source>
        <translation>Renommer l’étiquette « {old} » en « {new} »</translation>
    </message>
    <message>
        <source>Merge tag “{source}” into “{into}”</source>
        <translation>Fusionner l’étiquette « {source} » dans « {into} »</translation>
    </message>
    <message>
        <source>Delete tag “{name}”</source>
        <translation>Supprimer l’étiquette « {name} »</translation>
    </message>
    <message>
        <source>Colour tag “{name}”</source>
        <translation>Colorer l’étiquette « {name} »</translation>
    </message>
    <message>
        <source>Clear colour of “{name}”</source>
        <translation>Retirer la couleur de « {name} »</translation>
    </message>
</context>
<context>
    <name>TagDocumentsDialog</name>
    <message>
        <source>No documents are selected to tag.</source>
        <translation>Aucun document n’est sélectionné pour l’étiquetage.</translation>
    </message>
    <message>
        <source>Tag Documents</source>
        <translation>Étiqueter des documents</translation>
    </message>
    <message numerus="yes">
        <source>Tag &lt;b&gt;%Ln&lt;/b&gt; selected document(s).</source>
        <translation>
            <numerusform>Étiqueter &lt;b&gt;%Ln&lt;/b&gt; document sélectionné.</numerusform>
            <numerusform>Étiqueter les &lt;b&gt;%Ln&lt;/b&gt; documents sélectionnés.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add tags (comma-separated; &lt;tt&gt;/&lt;/tt&gt; makes a hierarchy):</source>
        <translation>&amp;Ajouter des étiquettes (séparées par des virgules ; &lt;tt&gt;/&lt;/tt&gt; crée une hiérarchie) :</translation>
    </message>
    <message>
        <source>e.g. country/Azerbaijan, mine-maps</source>
        <translation>ex. pays/Azerbaïdjan, cartes-mines</translation>
    </message>
    <message>
        <source>&amp;Tags on the selection (untick to remove from all; ▣ = some of them):</source>
        <translation>É&amp;tiquettes de la sélection (décocher pour retirer de tous ; ▣ = certains d’entre eux) :</translation>
    </message>
    <message>
        <source>The selection has no tags yet.</source>
        <translation>La sélection n’a encore aucune étiquette.</translation>
    </message>
    <message>
        <source>{name}  ({count} of {total})</source>
        <translation>{name}  ({count} sur {total})</translation>
    </message>
    <message numerus="yes">
        <source>Edit tags of %Ln document(s)</source>
        <translation>
            <numerusform>Modifier les étiquettes de %Ln document</numerusform>
            <numerusform>Modifier les étiquettes de %Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagLineEdit</name>
    <message>
        <source>comma-separated, e.g. evidence, to-verify, topic/clearance</source>
        <translation>séparées par des virgules, p. ex. preuve, à-vérifier, thème/déminage</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Red</source>
        <translation>Rouge</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Bleu canard</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>Tag Manager</source>
        <translation>Gestionnaire d’étiquettes</translation>
    </message>
    <message>
        <source>Filter tags…</source>
        <translation>Filtrer les étiquettes…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Fusionner dans…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Couleur</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation>Réta&amp;blir</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisée…</translation>
    </message>
    <message>
        <source>No Colour (automatic)</source>
        <translation>Aucune couleur (automatique)</translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation>Annuler : {action}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation>Rétablir : {action}</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Rien à rétablir</translation>
    </message>
    <message>
        <source>Not changed: {error}</source>
        <translation>Aucune modification : {error}</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>Nouveau nom pour « {name} » :</translation>
    </message>
    <message>
        <source>(The tags below it are renamed with it.)</source>
        <translation>(Les étiquettes en dessous sont renommées avec elle.)</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message>
        <source>“{target}” is already a tag. Merge “{name}” into it?</source>
        <translation>« {target} » est déjà une étiquette. Y fusionner « {name} » ?</translation>
    </message>
    <message>
        <source>{items} tagged “{old}” or below it will be tagged “{new}” instead.</source>
        <translation>{items} étiquetés « {old} » ou en dessous seront étiquetés « {new} » à la place.</translation>
    </message>
    <message>
        <source>{items} tagged “{old}” will be tagged “{new}” instead.</source>
        <translation>{items} étiquetés « {old} » seront étiquetés « {new} » à la place.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tags are renamed.</source>
        <translation>
            <numerusform>%Ln étiquette est renommée.</numerusform>
            <numerusform>%Ln étiquettes sont renommées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename “{old}” to “{new}”?</source>
        <translation>Renommer « {old} » en « {new} » ?</translation>
    </message>
    <message numerus="yes">
        <source>Renamed “{old}” to “{new}” (%Ln tags with those below it): {items} carry it.</source>
        <translation>
            <numerusform>« {old} » renommée en « {new} » (%Ln étiquette avec celles en dessous) : {items} la portent.</numerusform>
            <numerusform>« {old} » renommée en « {new} » (%Ln étiquettes avec celles en dessous) : {items} la portent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed “{old}” to “{new}”: {items} carry it.</source>
        <translation>« {old} » renommée en « {new} » : {items} la portent.</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>Fusionner l’étiquette</translation>
    </message>
    <message>
        <source>There is no other tag to merge into.</source>
        <translation>Il n’y a aucune autre étiquette dans laquelle fusionner.</translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation>Fusionner « {name} » dans :</translation>
    </message>
    <message>
        <source>Merge “{source}” into “{into}”?</source>
        <translation>Fusionner « {source} » dans « {into} » ?</translation>
    </message>
    <message>
        <source>The {items} tagged “{source}” will be tagged “{into}” instead (items that already carry both keep one), and “{source}” will be deleted.</source>
        <translation>Les {items} étiquetés « {source} » seront étiquetés « {into} » à la place (les éléments qui portent déjà les deux n’en gardent qu’une), et « {source} » sera supprimée.</translation>
    </message>
    <message>
        <source>Merged “{source}” into “{into}”: {items} moved.</source>
        <translation>« {source} » fusionnée dans « {into} » : {items} déplacés.</translation>
    </message>
    <message>
        <source>{items} will lose it.</source>
        <translation>{items} la perdront.</translation>
    </message>
    <message>
        <source>The tags below it are kept.</source>
        <translation>Les étiquettes en dessous sont conservées.</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>Supprimer l’étiquette</translation>
    </message>
    <message>
        <source>Delete the tag “{name}”?</source>
        <translation>Supprimer l’étiquette « {name} » ?</translation>
    </message>
    <message>
        <source>Deleted “{name}”: {items} lost it.</source>
        <translation>« {name} » supprimée : {items} l’ont perdue.</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>Couleur de « {name} »</translation>
    </message>
    <message>
        <source>“{name}” is now {color}.</source>
        <translation>« {name} » a désormais la couleur {color}.</translation>
    </message>
    <message>
        <source>“{name}” takes its automatic colour again.</source>
        <translation>« {name} » reprend sa couleur automatique.</translation>
    </message>
    <message>
        <source>You can undo this.</source>
        <translation>Vous pouvez annuler cette opération.</translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>{name} (a level, not a tag itself)</source>
        <translation>{name} (un niveau, pas une étiquette)</translation>
    </message>
    <message>
        <source>{name} — colour {color}</source>
        <translation>{name} — couleur {color}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document link(s)</source>
        <translation>
            <numerusform>%Ln lien de document</numerusform>
            <numerusform>%Ln liens de documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation link(s)</source>
        <translation>
            <numerusform>%Ln lien d’annotation</numerusform>
            <numerusform>%Ln liens d’annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>with everything below: {documents} and {annotations}</source>
        <translation>avec tout ce qui est en dessous : {documents} et {annotations}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Frise chronologique</translation>
    </message>
    <message>
        <source>Clear dates</source>
        <translation>Effacer les dates</translation>
    </message>
    <message>
        <source>Show documents of every date again</source>
        <translation>Afficher à nouveau les documents de toutes les dates</translation>
    </message>
    <message>
        <source>Timeline unavailable: {message}</source>
        <translation>Frise chronologique indisponible : {message}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dated, {span}, by month</source>
        <translation>
            <numerusform>%Ln daté, {span}, par mois</numerusform>
            <numerusform>%Ln datés, {span}, par mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dated, {span}, by year</source>
        <translation>
            <numerusform>%Ln daté, {span}, par année</numerusform>
            <numerusform>%Ln datés, {span}, par année</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dated to the year only</source>
        <translation>
            <numerusform>%Ln daté à l’année seulement</numerusform>
            <numerusform>%Ln datés à l’année seulement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln undated</source>
        <translation>
            <numerusform>%Ln non daté</numerusform>
            <numerusform>%Ln non datés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No dated documents</source>
        <translation>Aucun document daté</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Décompte en cours…</translation>
    </message>
    <message>
        <source>No documents match</source>
        <translation>Aucun document ne correspond</translation>
    </message>
    <message>
        <source>Click to clear this filter</source>
        <translation>Cliquez pour retirer ce filtre</translation>
    </message>
    <message>
        <source>Click to show only these in the library</source>
        <translation>Cliquez pour n’afficher que ceux-ci dans la bibliothèque</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
</context>
</TS>
