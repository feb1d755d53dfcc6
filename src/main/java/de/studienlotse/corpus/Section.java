package de.studienlotse.corpus;

import java.util.List;

/**
 * A section of a case (id {@code erfolgsfaktoren}) or of the study (id {@code fazit}), with its passages in order.
 *
 * @param title the heading as printed, e.g. "Erfolgsfaktoren | KI-Einführung"
 */
public record Section(String id, String title, List<Passage> passages) {

    public Section {
        passages = List.copyOf(passages);
    }
}
