package de.studienlotse.answer;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.GermanFold;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.QueryTerms;
import de.studienlotse.search.ResourceLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one way to tell a word the study does not know: the chat's abstention and the advisor's concerns both ask here,
 * so a word that sends the chat to "the study does not cover this" is the word a brief names as not in the study.
 *
 * <p>A word is unknown when no passage uses it or one of its expansions, no concept's phrasing holds it ("Bammel"),
 * it names no case ("B4"), and the study has it inside none of its own words ("Durchschnitt" in
 * "Altersdurchschnitt"); an everyday noun of how something is asked ("Kram", "Ahnung") is never unknown. Only nouns
 * count: lower-case words the study lacks ("schlau", "überhaupt") are wording, not topic. NOTE: nouns are told by
 * their capital, so how a text is written matters ({@link Form}).
 */
public final class UnknownWords {

    /** How a text shows its nouns. */
    public enum Form {
        /** A sentence: its first word is capitalised whatever it is, so only an acronym there counts as a noun. */
        QUESTION,
        /** A keyword or short phrase ("Haftung", "Akzeptanz im Team"): every capitalised word is a noun, a lone word always. */
        PHRASE
    }

    private static final Set<String> GENERIC_NOUNS = Set.copyOf(ResourceLists.lines("answer/generic-nouns-de.txt")
            .stream().map(String::strip).toList());
    /** "Welcher Paragraph", "welche genaue Förderquote", "which vendor": the noun a question asks for. */
    private static final Pattern ASKED_FOR = Pattern.compile("(?iu)\\b(welche[rsnm]?|which|what)\\s+(\\p{L}+\\s+)?$");
    /** Compiled once: every question asks about each word the index lacks. */
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\d]");
    private static final Pattern INFLECTION = Pattern.compile("(innen|ungen|en|er|es|e|n|s)$");
    private static final Pattern SENTENCE_START = Pattern.compile("(^|[.!?:;–\\-]\\s*|[„\"(]\\s*)$");

    /** Every word of the study, folded and joined by spaces: to find a word inside a compound. */
    private final String studyWords;
    /** B1..P4: what a text names a case by; the index holds no such word, yet the study is about nothing else. */
    private final Set<String> caseIds;

    public UnknownWords(Study study) {
        this.caseIds = study.cases().stream().map(CaseStudy::id).collect(Collectors.toUnmodifiableSet());
        StringBuilder words = new StringBuilder(" ");
        study.passages().forEach(p -> words.append(GermanFold.fold(p.labelled())).append(' '));
        study.cases().forEach(c -> words.append(GermanFold.fold(c.application())).append(' '));
        this.studyWords = words.toString().replaceAll("[^\\p{L}\\d]+", " ");
    }

    /**
     * The nouns of {@code text} the study does not know, as analyzed in {@code terms}: names and foreign terms
     * ("Sachsen", "ROI", "Excel") and common nouns ("Keller"). An acronym, and in a question the noun a "welcher …?"
     * asks for, come back with {@link QueryTerms.QueryTerm#common()} false: they weigh as much as a name.
     */
    public List<QueryTerms.QueryTerm> nouns(String text, QueryTerms terms, Form form) {
        List<QueryTerms.QueryTerm> unknown = new ArrayList<>();
        boolean lone = terms.terms().size() == 1;
        for (QueryTerms.QueryTerm term : terms.terms()) {
            String word = term.word();
            if (term.inIndex() || term.inConcept() || word.isEmpty() || caseIds.contains(word)
                    || !Character.isUpperCase(word.charAt(0)) && !(form == Form.PHRASE && lone)) {
                continue;
            }
            boolean acronym = word.length() >= 2 && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
            if (!acronym && (insideStudyWord(word) || GENERIC_NOUNS.contains(word.toLowerCase(Locale.GERMAN)))) {
                continue;
            }
            int at = text.indexOf(word);
            if (at >= 0 && at + word.length() < text.length() && text.charAt(at + word.length()) == '-') {
                continue; // "Extra-Schulung": the modifier of a hyphenated compound, its head carries the topic
            }
            boolean sentenceStart = form == Form.QUESTION && (at <= 0 || SENTENCE_START.matcher(text.substring(0, at)).find());
            if (acronym || !sentenceStart) {
                boolean asked = at > 0 && ASKED_FOR.matcher(text.substring(0, at)).find();
                unknown.add(acronym || asked
                        ? new QueryTerms.QueryTerm(word, term.term(), term.expansions(), false, false, false) : term);
            }
        }
        return unknown;
    }

    /** The words alone, as typed: what a text says the study lacks ("Haftung"). */
    public List<String> words(String text, QueryTerms terms, Form form) {
        return nouns(text, terms, form).stream().map(QueryTerms.QueryTerm::word).toList();
    }

    /**
     * Whether the study has the word inside one of its own: as part of a compound ("Durchschnitt" in
     * "Altersdurchschnitt"), in its masculine plural ("Kundinnen" as "Kunden"), or as a compound of two of its words
     * ("Zwischenerfolge" from "zwischen", "Erfolge").
     */
    private boolean insideStudyWord(String word) {
        String folded = NOT_LETTER_OR_DIGIT.matcher(GermanFold.fold(word)).replaceAll("");
        String stem = INFLECTION.matcher(folded).replaceAll("");
        if (stem.length() >= 5 && studyWords.contains(stem)
                || folded.endsWith("innen") && studyWords.contains(" " + folded.substring(0, folded.length() - 5) + "en ")) {
            return true;
        }
        for (String whole : List.of(folded, stem)) {
            for (int split = 5; split <= whole.length() - 5; split++) {
                if (studyWords.contains(" " + whole.substring(0, split)) && studyWords.contains(whole.substring(split))) {
                    return true;
                }
            }
        }
        return false;
    }
}
