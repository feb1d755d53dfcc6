package de.studienlotse.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A passage being assembled by one of the readers; {@link #number} turns a section's drafts into passages. */
final class Draft {

    /** What the next block may still add to this draft, decided when the draft's block ends. */
    enum Continuation {
        NONE,
        /** The text ends with a colon (or is a run of short lines): a following bullet list belongs to it. */
        LIST,
        /** A sentence broken by a page or column end: the next paragraph continues it. */
        TEXT
    }

    String label;
    String text;
    final PassageKind kind;
    /** The study section the draft goes to; the case reader files drafts by its own section map. */
    String section;
    /** The printed step number; unnumbered drafts sort last. */
    int step = Integer.MAX_VALUE;
    Continuation continuation = Continuation.NONE;

    Draft(String label, String text, PassageKind kind) {
        this.label = label == null || label.isBlank() ? null : label.strip();
        this.text = text;
        this.kind = kind;
    }

    void append(String more) {
        text = text == null ? more.strip() : text + more;
    }

    /** Assigns 1-based ids in order; process steps are sorted by their printed number first. */
    static List<Passage> number(String caseId, String sectionId, List<Draft> drafts) {
        List<Draft> ordered = new ArrayList<>(drafts);
        if (sectionId.equals("prozess")) {
            ordered.sort(Comparator.comparingInt(d -> d.step));
        }
        List<Passage> passages = new ArrayList<>();
        for (Draft draft : ordered) {
            String prefix = caseId == null ? sectionId : caseId + "." + sectionId;
            String text = draft.text == null || draft.text.isBlank() ? draft.label : draft.text.strip();
            passages.add(new Passage(prefix + "." + (passages.size() + 1), caseId, sectionId, draft.label, text,
                    draft.kind));
        }
        return passages;
    }
}
