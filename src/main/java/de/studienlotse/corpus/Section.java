package de.studienlotse.corpus;

import java.util.List;
import java.util.Map;

/**
 * A section of a case (id {@code erfolgsfaktoren}) or of the study (id {@code fazit}), with its passages in order.
 *
 * @param title the heading as printed, e.g. "Erfolgsfaktoren | KI-Einführung"
 */
public record Section(String id, String title, List<Passage> passages) {

    /** Every section id of the brochure with its title as printed: a case's sections, then the study's own. */
    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("beschreibung", "Beschreibung"),
            Map.entry("ziel", "Ziel"),
            Map.entry("interaktion", "Interaktion mit der KI-Anwendung"),
            Map.entry("prozess", "Prozess | KI-Einführung"),
            Map.entry("eckdaten", "Eckdaten"),
            Map.entry("herausforderungen", "Herausforderungen | KI-Einführung"),
            Map.entry("zusammenarbeit", "Zusammenarbeit der Teams"),
            Map.entry("erfolgsfaktoren", "Erfolgsfaktoren | KI-Einführung"),
            Map.entry("tipps", "Tipps für andere Unternehmen"),
            Map.entry("zitat", "Zitat"),
            Map.entry("zusammenfassung", "Zusammenfassung"),
            Map.entry("einleitung", "Einleitung"),
            Map.entry("ausblick", "Ausblick"),
            Map.entry("zielstellung", "Zielstellung der Befragung"),
            Map.entry("methodik", "Methodik"),
            Map.entry("auswertung", "Vorgehen Auswertung"),
            Map.entry("ergebnisse", "Ergebnisse"),
            Map.entry("tabelle-1", "Tabelle 1: Aggregierte Herausforderungen"),
            Map.entry("tabelle-2", "Tabelle 2: Aggregierte Erfolgsfaktoren"),
            Map.entry("fazit", "Fazit"),
            Map.entry("impressum", "Impressum"));

    public Section {
        passages = List.copyOf(passages);
    }
}
