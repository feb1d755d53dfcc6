package de.studienlotse.answer;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.AnalyzedWord;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchHit;
import de.studienlotse.search.SearchRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a question: language, topics, the cases and Tätigkeit it names, and whether it continues the conversation.
 *
 * <ul>
 *   <li>Topics from cue words ({@code answer/fragewoerter.tsv}) matched on analysed words, never on prefixes.</li>
 *   <li>A case is named only by its id ("B5", "bei K 3") or by its Branche ("der Logistikfirma", "im
 *       Gesundheitswesen"); words of a KI-Anwendung title only raise the ranking through their index field.</li>
 *   <li>A follow-up inherits the previous cases and topic only when it refers back ("dort", "dabei", "die Firma",
 *       an elliptic "Und …?") and names no case or Tätigkeit of its own.</li>
 * </ul>
 */
@Component
class QuestionAnalyzer {

    static final String CUES = "answer/fragewoerter.tsv";

    private static final Pattern CASE_ID = Pattern.compile("\\b([BKP])\\s?([1-7])\\b");
    /** Words that point back to something said before, as whole words of the lower-cased question. */
    private static final Set<String> BACK_REFERENCES = Set.of("dort", "dabei", "damit", "dafür", "dafuer", "davon",
            "dazu", "daran", "darin", "denen", "deren", "dessen", "diese", "dieser", "dieses", "diesem", "diesen",
            "jene", "jener", "jenem", "jenen", "ihnen", "ihre", "ihren", "ihrem", "ihrer", "there", "they",
            "them", "their", "those", "it's", "its", "da");
    private static final Pattern BACK_PHRASE = Pattern.compile("\\b(das|dem|die|der|den|diesem|dieser|this|that|the same)"
            + " (unternehmen|firma|fall|betrieb|beispiel|company|case|firm)\\b"
            // "Was empfehlen die für …", "Hatten die dafür …": a pronoun, not an article, when an adverb follows
            + "|(^|\\s)(die|der|das|sie|er) (für|fuer|dafür|dort|da|denn|damit|davon|dabei|bei|mit|auch|noch|"
            + "eigentlich|genau|konkret|dann|so|überhaupt|schon|wirklich)(\\s|$)");
    /** An elliptic continuation: "Und bei den Tipps?", "Und wie lange?", "What about …"; or a verb and a pronoun
     *  first: "Haben die Fördergelder bekommen?", "Did they …". */
    /** "dieses Unternehmen", "bei dieser Firma", "that company": a reference to a case, not an article of a new subject. */
    private static final Pattern STRONG_BACK_PHRASE = Pattern.compile("\\b(dies(e[mnrs]?)?|jene[mnrs]?|this|that) "
            + "(unternehmen|firma|fall|betrieb|beispiel|company|case|firm)\\b|\\bbei (denen|ihnen|dieser|diesem)\\b");
    private static final Pattern ELLIPTIC = Pattern.compile("^(und|auch|noch|sowie|and|also|what about|how about)\\b"
            + "|^(haben|hatten|hat|hatte|war|waren|gab|gibt|ist|sind|wurde|wurden|konnten|mussten|did|do|does|was|were"
            + "|have|had|has) (die|sie|er|es|they|it|that)\\b");
    /** "Welche Unternehmen …", "In welchen Fällen …", "Which companies …": asks for every matching case. */
    private static final Pattern WHICH_CASES = Pattern.compile("\\b(welche[nmrs]?|which|what|wo|wer|who|"
            + "in wie vielen|how many|wie viele)\\b.{0,30}?\\b(fäll|faell|fälle|faelle|fällen|faellen|unternehmen|firmen|"
            + "firma|betrieb|betriebe|betrieben|kmu|beispiel|beispiele|cases|case|companies|company|firms|businesses)\\b"
            + "|\\b(welche|which) (der|den|of the) "
            // "Bei wem war Zeitdruck ein Problem?": asks for the cases it was, however many
            + "|\\bbei wem\\b"
            // "Hatten auch andere Firmen …?", "Kennt das jemand?", "Hatte das schon mal wer?": any case it applies to
            + "|\\b(auch|noch) (andere|weitere) (firmen|unternehmen|betriebe|kmu)\\b|\\bany other (companies|firms|businesses)\\b"
            + "|\\b(kennt|kannte|hatte|hat|hatten|haben|macht|machte) (das|so was|sowas|so etwas)( \\p{L}+){0,2} (jemand|wer|einer)\\b"
            + "|\\b(anyone|anybody)\\b");
    private static final int MAX_FOLLOW_UP_WORDS = 14;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}']+");
    /** Cues made of stop words, which the analysed question no longer holds; whole words of the text as typed. */
    private static final Pattern HOW_MANY = Pattern.compile("\\b(wie ?viele|wieviele|how many)\\b");
    private static final Pattern HOW_MUCH_MONEY = Pattern.compile("\\b(wie ?viel|how much)\\b.{0,40}\\b(kostet|kosten|"
            + "gekostet|bezahlt|zahlen|investiert|ausgegeben|cost|costs|spend|spent|pay|paid|invest|invested)\\b|€"
            // "Was hat die Lizenz gekostet?", "Was kostet so etwas?", "What did it cost?": the price asked for
            + "|\\bwas (hat|haben|hatte|hatten|kostet|kosten|kostete|kosteten)\\b.{0,60}\\b(gekostet|kostet|kosten|kostete)\\b"
            + "|\\bwas kostet\\b|\\bwhat (did|does|do|would)\\b.{0,40}\\bcost\\b");

    /** English names of the study's Branchen (glossary: the brochure's Branche line of each case). */
    private static final Map<String, List<String>> ENGLISH_BRANCHEN = Map.ofEntries(
            Map.entry("foreign trade", List.of("B1")), Map.entry("consumer goods", List.of("B2")),
            Map.entry("financial sector", List.of("B3")), Map.entry("e-commerce", List.of("B4")),
            Map.entry("logistics", List.of("B5")), Map.entry("it services", List.of("B6")),
            Map.entry("health care", List.of("B7")), Map.entry("web services", List.of("K1")),
            Map.entry("software development", List.of("K2")), Map.entry("financial services", List.of("K3")),
            Map.entry("information technology", List.of("K5")), Map.entry("insurance", List.of("K6")),
            Map.entry("innovation agency", List.of("K7")), Map.entry("engineering", List.of("P1")),
            Map.entry("electromobility", List.of("P2")), Map.entry("e-mobility", List.of("P2")),
            Map.entry("telecommunication", List.of("P3")), Map.entry("telecommunications", List.of("P3")));
    /** Heads of Branche compounds too general to name a case on their own: the modifier does ("Gesundheit"). */
    private static final Set<String> GENERIC_HEADS = Set.of("dienstleistung", "branche", "wesen", "bereich",
            "sektor", "unternehmen", "agentur", "technologie");
    /** Heads that make a Branche's modifier the firm itself ("Webagentur", "IT-Firma"). */
    private static final List<String> FIRM_HEADS = List.of("Firma", "Unternehmen", "Betrieb", "Agentur",
            "Dienstleister", "Anbieter");

    /**
     * The person or firm of a sector noun by German word formation: "-handel" → "-händler", "-ik" → "-iker",
     * "-dienstleistung(en)" → "-dienstleister", and "-ung(en)" → "-er" for a simple noun ("Versicherungen" →
     * "Versicherer"). Not for other compounds: "Softwareentwicklung" is an activity, its "Softwareentwickler" a person
     * anyone may hire, not the firm of K2.
     */
    static java.util.Optional<String> agentNoun(String word, boolean compound) {
        if (word.endsWith("handel")) {
            return java.util.Optional.of(word.substring(0, word.length() - "handel".length()) + "händler");
        }
        if (word.endsWith("ik")) {
            return java.util.Optional.of(word + "er");
        }
        java.util.regex.Matcher service = java.util.regex.Pattern.compile("(?i)(.*dienstleist)ung(en)?").matcher(word);
        if (service.matches()) {
            return java.util.Optional.of(service.group(1) + "er");
        }
        java.util.regex.Matcher simple = java.util.regex.Pattern.compile("(\\p{Lu}\\p{Ll}+)ung(en)?").matcher(word);
        if (simple.matches() && !compound) {
            return java.util.Optional.of(simple.group(1) + "er");
        }
        return java.util.Optional.empty();
    }

    private static final Map<Activity, List<String>> ACTIVITY_PHRASES = Map.of(
            Activity.BUCHHALTUNG, List.of("Buchhaltung", "Rechnungswesen", "Finanzbuchhaltung", "accounting",
                    "bookkeeping"),
            Activity.KUNDENBERATUNG, List.of("Kundenberatung", "Kundenservice", "Kundenbetreuung", "Kundendienst",
                    "customer advice", "customer service", "customer support", "customer consulting"),
            Activity.KAPAZITAETSPLANUNG, List.of("Kapazitätsplanung", "Ressourcenplanung", "capacity planning",
                    "resource planning"));

    private final Study study;
    private final PassageIndex index;
    private final QuestionCues<Topic> topicCues;
    private final QuestionCues<String> brancheCues;
    private final QuestionCues<Activity> activityCues;

    QuestionAnalyzer(Study study, PassageIndex index) {
        this.study = study;
        this.index = index;
        Map<Topic, List<String>> topics = new LinkedHashMap<>();
        for (String[] row : QuestionCues.rows(CUES)) {
            topics.computeIfAbsent(Topic.valueOf(row[0]), t -> new ArrayList<>()).add(row[1]);
        }
        this.topicCues = QuestionCues.of(index, topics);
        this.brancheCues = QuestionCues.of(index, branchePhrases(), QuestionCues.Matching.MODIFIER);
        this.activityCues = QuestionCues.of(index, ACTIVITY_PHRASES);
    }

    /**
     * Per case: its Branche words; the firm of the Branche as German names it, its nomen agentis ("Außenhandel" →
     * "Außenhändler", "Logistik" → "Logistiker", "Versicherungen" → "Versicherer", "IT-Dienstleistungen" →
     * "IT-Dienstleister"); the modifier of a Branche compound with a generic head ("Gesundheit"), and that modifier with a
     * firm head ("Web-Dienstleistungen" → "Webagentur", "Web-Firma": "Web" alone would name K1 in "Webseite").
     */
    private Map<String, List<String>> branchePhrases() {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (CaseStudy c : study.cases()) {
            if (c.branche() == null) {
                continue;
            }
            List<String> own = new ArrayList<>();
            for (String part : c.branche().split("/")) {
                String word = part.strip();
                own.add(word);
                List<AnalyzedWord> words = index.words(word);
                boolean compound = words.size() > 1 || words.getFirst().parts().size() > 1;
                agentNoun(word, compound).ifPresent(own::add);
                String modifier = null;
                if (words.size() == 1 && words.getFirst().parts().size() >= 2
                        && GENERIC_HEADS.contains(words.getFirst().parts().get(1))) {
                    modifier = word.substring(0, words.getFirst().parts().getFirst().length());
                } else if (words.size() == 2 && word.indexOf('-') > 0 && GENERIC_HEADS.contains(words.get(1).term())) {
                    modifier = word.substring(0, word.indexOf('-'));
                }
                if (modifier != null && modifier.length() >= 2) {
                    if (modifier.length() >= 5) {
                        own.add(modifier);
                    }
                    for (String head : FIRM_HEADS) {
                        own.add(modifier + head.toLowerCase(Locale.GERMAN));
                        own.add(modifier + "-" + head);
                    }
                }
            }
            phrases.put(c.id(), own);
        }
        ENGLISH_BRANCHEN.forEach((phrase, ids) -> ids.forEach(id ->
                phrases.computeIfAbsent(id, k -> new ArrayList<>()).add(phrase)));
        return phrases;
    }

    AnalyzedQuestion analyze(AnswerRequest request) {
        String message = request.message().strip();
        Language language = Language.of(message);
        List<AnalyzedWord> words = index.words(message);
        Set<Topic> topics = topics(message, words);
        List<String> cases = new ArrayList<>(casesIn(message, words));
        Activity ownActivity = activityIn(words);
        Activity activity = request.activity() != null ? request.activity() : ownActivity;
        if (request.caseId() != null) {
            cases = List.of(request.caseId());
        }
        boolean whichCases = WHICH_CASES.matcher(message.toLowerCase(Locale.GERMAN)).find();
        topics = aboutStudy(message, topics, cases, activity, whichCases);
        String searchText = message;
        boolean followUp = false;
        Turn previousQuestion = last(request.history(), Turn.Role.USER);
        if (previousQuestion != null && cases.isEmpty() && ownActivity == null && !topics.contains(Topic.STUDIE)
                && refersBack(message)) {
            followUp = true;
            List<AnalyzedWord> previousWords = index.words(previousQuestion.content());
            List<String> earlier = casesIn(previousQuestion.content(), previousWords);
            Activity earlierActivity = activityIn(previousWords);
            Turn previousAnswer = last(request.history(), Turn.Role.ASSISTANT);
            if (earlier.isEmpty() && earlierActivity == null && previousAnswer != null) {
                earlier = casesIn(previousAnswer.content(), List.of()).stream().limit(3).toList();
            }
            if (earlier.isEmpty() && earlierActivity == null) {
                earlier = dominantCase(previousQuestion.content());
            }
            cases = new ArrayList<>(earlier);
            if (activity == null) {
                activity = earlierActivity;
            }
            Set<Topic> previousTopics = aboutStudy(previousQuestion.content(),
                    topics(previousQuestion.content(), previousWords), earlier, activity, false);
            if (topics.isEmpty() || topics.equals(EnumSet.of(Topic.ANZAHL))) {
                topics = previousTopics;
                // without a topic of its own the follow-up is searched with the previous question's words
                searchText = message + " " + previousQuestion.content();
            } else if (previousTopics.contains(Topic.UEBERBLICK)) {
                // "Und bei den Erfolgsfaktoren?" after a question about the whole study stays at study level
                topics = EnumSet.copyOf(topics);
                topics.add(Topic.UEBERBLICK);
            }
            if (cases.isEmpty() && searchText.equals(message)) {
                searchText = message + " " + previousQuestion.content();
            }
        }
        return new AnalyzedQuestion(message, searchText, language, topics, cases, activity, followUp, whichCases);
    }

    /**
     * The case a question was about without naming it ("die KI für die Versanddienstleister-Auswahl"): the case that
     * holds at least {@value #DOMINANT_HITS} of its first five hits, if any.
     */
    private List<String> dominantCase(String question) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        index.search(de.studienlotse.search.SearchRequest.of(question, 5)).stream()
                .filter(h -> h.passage().caseId() != null)
                .forEach(h -> counts.merge(h.passage().caseId(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() >= DOMINANT_HITS).map(Map.Entry::getKey).toList();
    }

    static final int DOMINANT_HITS = 3;

    /**
     * Keeps {@link Topic#STUDIE} only for a question about the study itself: it speaks of the study (a cue word, or a
     * study concept of the concept layer: "Fazit", "Stichprobe", "Herausgeber"), names no case and no Tätigkeit, does
     * not ask which cases did something (unless it names a study concept: "Wie viele Unternehmen nahmen an der
     * Befragung teil?"), and the study's own text holds more of its words than any case passage does (with a word for
     * the study itself, at least {@value #STUDY_WORD_SHARE} as much). Without such a word, a question asking for what
     * a case section tells stays with the cases: "Welche Hürden gab es bei der Rechnungsverarbeitung?" names a study
     * concept (the Hemmnisse of Studie 1) through "Hürde". The study as the place a case is told ("die Bäckerei in
     * der Studie") is no word for the study; nor are its participants ("die Befragten"), whose answers are the cases.
     */
    Set<Topic> aboutStudy(String text, Set<Topic> topics, List<String> cases, Activity activity, boolean whichCases) {
        Set<Topic> result = topics.isEmpty() ? EnumSet.noneOf(Topic.class) : EnumSet.copyOf(topics);
        result.remove(Topic.STUDIE);
        if (!cases.isEmpty() || activity != null) {
            return result;
        }
        boolean studyConcept = index.analyze(text).concepts().stream().anyMatch(id -> id.startsWith("studie-"));
        // "die Bäckerei in der Studie", "laut Studie", "in this study": where a case is told, not what is asked about
        String asked = STUDY_AS_PLACE.matcher(text).replaceAll(" ");
        boolean studyWord = topics.contains(Topic.STUDIE) && topics(asked, index.words(asked)).contains(Topic.STUDIE);
        if (!(studyWord || studyConcept) || whichCases && !studyConcept) {
            return result;
        }
        if (!studyWord && topics.stream().anyMatch(t -> t.sectionId() != null && !"methodik".equals(t.sectionId()))) {
            return result; // "Welche Hürden gab es …?": what the cases tell, unless the question speaks of the study
        }
        double ownText = index.search(new SearchRequest(text, STUDY_HITS, null, SearchRequest.STUDY_TEXT, null))
                .stream().mapToDouble(SearchHit::coverage).max().orElse(0);
        double inCases = index.search(SearchRequest.of(text, CASE_HITS)).stream()
                .filter(h -> h.passage().caseId() != null).mapToDouble(SearchHit::coverage).max().orElse(0);
        // a word for the study itself ("Studie", "Interviews", "Autoren") lets the study's text win a near tie; a study
        // concept alone must hold more
        if (ownText > 0 && (studyWord ? ownText >= STUDY_WORD_SHARE * inCases : ownText > inCases)) {
            result.add(Topic.STUDIE);
        }
        return result;
    }

    /** The study as the place a case is told: "in der Studie", "laut (der) Untersuchung", "in this study". */
    private static final Pattern STUDY_AS_PLACE = Pattern.compile("(?iu)\\b(in|aus|laut|gemäß|nach|im rahmen) (der |dieser )?"
            + "(studie|untersuchung|befragung|broschüre)\\b|\\b(in|from|according to) (the|this) (study|survey|brochure)\\b");

    /** With a word for the study itself, the study's text needs this share of the best case passage's coverage. */
    static final double STUDY_WORD_SHARE = 0.6;
    private static final int STUDY_HITS = 5;
    private static final int CASE_HITS = 20;

    /**
     * "Lohn- und Personaldaten": the word before a hyphen that ends a word (Ergänzungsstrich) is the modifier of a
     * compound whose head follows ("Lohndaten"); it names no topic of its own.
     */
    static boolean truncatedModifier(String text, AnalyzedWord word) {
        return TRUNCATED.matcher(text).results().anyMatch(m -> m.group(1).equalsIgnoreCase(word.typed()));
    }

    private static final java.util.regex.Pattern TRUNCATED = java.util.regex.Pattern.compile(
            "(\\p{L}+)-\\s+(?:und|oder|bzw\\.?|sowie|als auch|and|or)\\s", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    Set<Topic> topics(String text, List<AnalyzedWord> words) {
        Set<Topic> found = EnumSet.noneOf(Topic.class);
        found.addAll(topicCues.matchInOrder(words.stream().filter(w -> !truncatedModifier(text, w)).toList()));
        String lower = text.toLowerCase(Locale.GERMAN);
        if (HOW_MANY.matcher(lower).find()) {
            found.add(Topic.ANZAHL);
        }
        if (HOW_MUCH_MONEY.matcher(lower).find()) {
            found.add(Topic.GELDBETRAG);
        }
        if (Durations.limit(text).isPresent()) {
            found.add(Topic.DAUER); // "in weniger als zwei Monaten": a condition on the duration
        }
        return found;
    }

    /** Case ids and Branchen named in a text, in order of appearance (ids first). */
    List<String> casesIn(String text, List<AnalyzedWord> words) {
        Set<String> found = new LinkedHashSet<>();
        Matcher ids = CASE_ID.matcher(text.toUpperCase(Locale.ROOT));
        while (ids.find()) {
            String id = ids.group(1) + ids.group(2);
            study.caseById(id).ifPresent(c -> found.add(c.id()));
        }
        found.addAll(brancheCues.matchInOrder(words.isEmpty() ? index.words(text) : words));
        return List.copyOf(found);
    }

    Activity activityIn(List<AnalyzedWord> words) {
        List<Activity> found = activityCues.matchInOrder(words);
        return found.size() == 1 ? found.getFirst() : null;
    }

    /** A pronoun, "dort", "die Firma" or an elliptic "Und …": the question continues the previous one. */
    static boolean refersBack(String message) {
        String lower = message.toLowerCase(Locale.GERMAN).strip();
        String[] tokens = NOT_WORD.split(lower);
        // an elliptic start ("Und wie lange …") or "das Unternehmen" refers back however long the question runs;
        // a pronoun alone ("ihre", "diese") only in a short one, where it has no subject of its own to refer to
        if (ELLIPTIC.matcher(lower).find() || STRONG_BACK_PHRASE.matcher(lower).find()) {
            return true;
        }
        if (tokens.length > MAX_FOLLOW_UP_WORDS) {
            return false;
        }
        for (String token : tokens) {
            if (BACK_REFERENCES.contains(token)) {
                return true;
            }
        }
        return BACK_PHRASE.matcher(lower).find() || ELLIPTIC.matcher(lower).find();
    }

    private static Turn last(List<Turn> history, Turn.Role role) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == role) {
                return history.get(i);
            }
        }
        return null;
    }
}
