package de.studienlotse.advisor;

import de.studienlotse.answer.CitationMarkers;
import de.studienlotse.answer.Citation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consultation brief: the client profile, the study's most similar cases and what they report, in sections of items.
 * Every item quotes one passage of the study ({@link Citation}, numbered like footnotes in order of first use),
 * except the ones that say the study does not cover a concern ({@link Kind#NICHT_IN_STUDIE}) and the advisor's notes.
 *
 * @param id              assigned when saved; {@code null} before
 * @param summary   a written paragraph from the language model, only when one is configured; its markers
 *                  {@code [n]} name {@link #citations}
 * @param citations every cited passage once, numbered 1..n: the footnotes
 * @param license   attribution and licence of the quoted study
 */
public record Brief(String id, Instant createdAt, Instant updatedAt, ClientProfile profile, Summary summary,
                    List<Section> sections, List<Note> notes, List<Citation> citations, String license) {

    /** The study's attribution, required by CC BY-NC-ND 4.0 wherever its text is shown. */
    public static final String ATTRIBUTION = "„Best Practices – Einführung von KI-Anwendungen in KMU“, Zentrum Zukunft "
            + "der Arbeitswelt (ZZA), Studie 02, Mai 2025, lizenziert unter CC BY-NC-ND 4.0 "
            + "(https://creativecommons.org/licenses/by-nc-nd/4.0/deed.de). Zitate unverändert; Auswahl, Zuordnung "
            + "und Gliederung: Studienlotse.";

    private static final Pattern MARKER = CitationMarkers.PATTERN;

    public Brief {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
        citations = List.copyOf(citations);
    }

    /** What an item is; decides its wording and where it goes. */
    public enum Kind {
        FALL, KONTEXT, ANLIEGEN, NICHT_IN_STUDIE, ERFOLGSFAKTOR, HERAUSFORDERUNG, UMGANG, TIPP, DAUER, SCHRITT, FRAGE
    }

    /** @param items the items, in order; a section whose items were all removed stays, empty */
    public record Section(String id, String title, List<Item> items) {

        public Section {
            items = List.copyOf(items);
        }
    }

    /**
     * One statement of the brief.
     *
     * @param id     stable within the brief ("e7"); used to remove it
     * @param caseId the case it is about, {@code null} for study-level or uncovered items
     * @param text   Studienlotse's own framing ("B4 (E-Commerce) nennt als Erfolgsfaktor"); the study's words are
     *               in {@code citation.quote()}, verbatim
     * @param citation   the cited passage; {@code null} only for {@link Kind#NICHT_IN_STUDIE}
     * @param respondsTo the id of the item this one answers (a success factor answering a challenge), or {@code null}
     */
    public record Item(String id, Kind kind, String caseId, String text, Citation citation, String respondsTo) {

        public boolean cited() {
            return citation != null;
        }
    }

    /** @param backend the model that wrote it, e.g. {@code openai:gpt-4o-mini} */
    public record Summary(String text, String backend) {
    }

    /** A note the advisor added; their words, not the study's. */
    public record Note(String id, String text, Instant createdAt) {
    }

    /** Every item of every section, in order. */
    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public Brief withId(String newId) {
        return new Brief(newId, createdAt, updatedAt, profile, summary, sections, notes, citations, license);
    }

    public Brief withSummary(Summary summary) {
        return new Brief(id, createdAt, updatedAt, profile, summary, sections, notes, citations, license).renumbered();
    }

    /** Without the item and the items that answer it; {@code null} if the brief has no such item. */
    public Brief withoutItem(String itemId, Instant now) {
        if (items().stream().noneMatch(i -> i.id().equals(itemId))) {
            return null;
        }
        List<Section> kept = sections.stream().map(s -> new Section(s.id(), s.title(), s.items().stream()
                .filter(i -> !i.id().equals(itemId) && !itemId.equals(i.respondsTo())).toList())).toList();
        return new Brief(id, createdAt, now, profile, summary, kept, notes, citations, license).renumbered();
    }

    public Brief withNote(String text, Instant now) {
        int next = notes.stream().mapToInt(n -> Integer.parseInt(n.id().substring(1))).max().orElse(0) + 1;
        List<Note> added = new ArrayList<>(notes);
        added.add(new Note("n" + next, text, now));
        return new Brief(id, createdAt, now, profile, summary, sections, added, citations, license);
    }

    /** Without the note; {@code null} if the brief has no such note. */
    public Brief withoutNote(String noteId, Instant now) {
        if (notes.stream().noneMatch(n -> n.id().equals(noteId))) {
            return null;
        }
        return new Brief(id, createdAt, now, profile, summary, sections,
                notes.stream().filter(n -> !n.id().equals(noteId)).toList(), citations, license);
    }

    /**
     * Numbers the cited passages 1..n in reading order (summary first, then the sections) and rewrites the items'
     * citations and the summary's markers to match; a passage cited twice keeps one number.
     */
    public Brief renumbered() {
        Map<String, Citation> byPassage = new LinkedHashMap<>();
        String summaryText = null;
        if (summary != null) {
            // the summary's markers name the current numbering: map each to its passage first
            StringBuilder text = new StringBuilder();
            Matcher m = MARKER.matcher(summary.text());
            while (m.find()) {
                int old = Integer.parseInt(m.group(1));
                Citation cited = old >= 1 && old <= citations.size() ? citations.get(old - 1) : null;
                String replacement = "";
                if (cited != null) {
                    byPassage.putIfAbsent(cited.passageId(), cited);
                    replacement = "[" + (indexOf(byPassage, cited.passageId()) + 1) + "]";
                }
                m.appendReplacement(text, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(text);
            summaryText = text.toString();
        }
        for (Item item : items()) {
            if (item.citation() != null) byPassage.putIfAbsent(item.citation().passageId(), item.citation());
        }
        List<Citation> numbered = new ArrayList<>();
        Map<String, Citation> renumbered = new LinkedHashMap<>();
        for (Citation c : byPassage.values()) {
            Citation n = new Citation(numbered.size() + 1, c.passageId(), c.caseId(), c.taetigkeit(), c.branche(),
                    c.anwendung(), c.section(), c.label(), c.quote());
            numbered.add(n);
            renumbered.put(c.passageId(), n);
        }
        List<Section> renumberedSections = sections.stream().map(s -> new Section(s.id(), s.title(), s.items().stream()
                .map(i -> i.citation() == null ? i
                        : new Item(i.id(), i.kind(), i.caseId(), i.text(), renumbered.get(i.citation().passageId()), i.respondsTo()))
                .toList())).toList();
        Summary renumberedSummary = summary == null ? null : new Summary(summaryText, summary.backend());
        return new Brief(id, createdAt, updatedAt, profile, renumberedSummary, renumberedSections, notes, numbered, license);
    }

    private static int indexOf(Map<String, Citation> map, String key) {
        int i = 0;
        for (String k : map.keySet()) {
            if (k.equals(key)) return i;
            i++;
        }
        return -1;
    }
}
