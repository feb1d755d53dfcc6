package de.studienlotse.corpus;

/** What kind of unit of the brochure a passage is. */
public enum PassageKind {
    /** A bold "Label: text" item: one challenge, success factor, tip. */
    BEST_PRACTICE,
    /** A numbered step of the introduction process. */
    STEP,
    /** A quote of the interviewed person. */
    QUOTE,
    /** A check-mark fact or the duration printed beside the process. */
    FACT,
    /** A paragraph of running text or a bullet. */
    TEXT
}
