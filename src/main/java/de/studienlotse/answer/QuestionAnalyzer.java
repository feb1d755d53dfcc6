package de.studienlotse.answer;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a question: language, topics, the cases and Tätigkeit it names. A follow-up ("Und wie lange hat das
 * gedauert?") names no case of its own; it inherits the cases and, if it has none, the topic of the previous turn.
 */
@Component
public class QuestionAnalyzer {

    private static final Pattern CASE_ID = Pattern.compile("\\b([BKP])\\s?([1-7])\\b");
    /** Words that point back to something said before. */
    private static final Pattern ANAPHORA = Pattern.compile("(^|[^\\p{L}])(dort|dabei|damit|dafuer|davon|dazu|denen|"
            + "deren|dies\\p{L}*|jene\\p{L}*|ihnen|ihre\\p{L}*|(das|dem|die|der) (unternehmen|firma|fall|betrieb)|"
            + "there|they|them|their|those|that (company|case|firm))([^\\p{L}]|$)|^ *(und|auch|noch|and|also|what about) ");
    /** "Was empfehlen die für …", "Hatten die dafür …": a pronoun, not an article, when an adverb or preposition follows. */
    private static final Pattern PRONOUN = Pattern.compile("(^|\\s)(die|der|das|den|dem|sie|er) (fuer|dafuer|dort|da|denn|damit|"
            + "davon|dabei|bei|mit|auch|noch|eigentlich|genau|konkret|dann|so|ueberhaupt|schon|wirklich)(\\s|$)");
    private static final Map<Activity, Pattern> ACTIVITY_CUES = Map.of(
            Activity.BUCHHALTUNG, Pattern.compile("buchhalt|rechnungswesen|accounting|bookkeeping"),
            Activity.KUNDENBERATUNG, Pattern.compile("kundenberat|kundenservice|kundenbetreu|customer (advi|consult|service|support)"),
            Activity.KAPAZITAETSPLANUNG, Pattern.compile("kapazitaetsplan|kapazitatsplan|capacity plan|ressourcenplan"));
    /** English names of the study's Branchen, so English questions find their cases too. */
    private static final Map<String, String> ENGLISH_BRANCHEN = Map.ofEntries(
            Map.entry("foreign trade", "aussenhandel"), Map.entry("consumer goods", "konsumgueter"),
            Map.entry("financial sector", "finanzbranche"), Map.entry("logistics", "logistik"),
            Map.entry("it services", "it-dienstleistungen"), Map.entry("health care", "gesundheitswesen"),
            Map.entry("web services", "web-dienstleistungen"), Map.entry("software development", "softwareentwicklung"),
            Map.entry("financial services", "finanzdienstleistung"), Map.entry("information technology", "informationstechnologie"),
            Map.entry("insurance", "finanzen/versicherungen"), Map.entry("innovation agency", "innovationsagentur"),
            Map.entry("engineering", "ingenieurdienstleistungen"), Map.entry("electromobility", "elektromobilitaet"),
            Map.entry("e-mobility", "elektromobilitaet"), Map.entry("telecommunication", "telekommunikation"));

    /** Title words too general to point to one case. */
    private static final Set<String> GENERIC_TITLE_WORDS = Set.of("automatisierte", "automatisierter", "automatisierung",
            "anwendung", "unterstuetzung", "analyse", "auswertung", "erstellung", "bearbeitung", "gestuetzte", "basierte");

    private final Study study;
    private final Map<String, List<String>> casesByBranche = new LinkedHashMap<>();
    /** Words of a KI-Anwendung title that no other case's title has: "personalwesen" means B1. */
    private final Map<String, String> caseByTitleWord = new LinkedHashMap<>();

    public QuestionAnalyzer(Study study) {
        this.study = study;
        for (CaseStudy c : study.cases()) {
            if (c.branche() != null) {
                casesByBranche.computeIfAbsent(Topic.fold(c.branche()).strip(), k -> new ArrayList<>()).add(c.id());
            }
        }
        Map<String, Set<String>> titleWords = new LinkedHashMap<>();
        for (CaseStudy c : study.cases()) {
            for (String word : Topic.fold(c.application()).split("[^\\p{L}\\d-]+")) {
                String stem = word.replaceAll("(ungen|ung|en|ern|er|e|n|s)$", "");
                if (stem.length() >= 6 && !GENERIC_TITLE_WORDS.contains(word)) {
                    titleWords.computeIfAbsent(stem, k -> new LinkedHashSet<>()).add(c.id());
                }
            }
        }
        titleWords.forEach((stem, ids) -> {
            if (ids.size() == 1) caseByTitleWord.put(stem, ids.iterator().next());
        });
    }

    public AnalyzedQuestion analyze(AnswerRequest request) {
        String message = request.message().strip();
        Language language = Language.of(message);
        Set<Topic> topics = Topic.of(message);
        List<String> cases = new ArrayList<>(casesIn(message));
        Activity activity = request.activity() != null ? request.activity() : activityIn(message);
        if (request.caseId() != null) {
            cases = List.of(request.caseId());
        }
        String searchText = message;
        boolean followUp = false;
        Turn previousQuestion = last(request.history(), Turn.Role.USER);
        if (previousQuestion != null && cases.isEmpty() && activityIn(message) == null && looksLikeFollowUp(message)) {
            followUp = true;
            Turn previousAnswer = last(request.history(), Turn.Role.ASSISTANT);
            List<String> earlier = casesIn(previousQuestion.content());
            Activity earlierActivity = activityIn(previousQuestion.content());
            if (earlier.isEmpty() && earlierActivity == null && previousAnswer != null) {
                earlier = casesIn(previousAnswer.content()).stream().limit(3).toList();
            }
            cases = new ArrayList<>(earlier);
            if (activity == null) {
                activity = activityIn(previousQuestion.content());
            }
            Set<Topic> previousTopics = Topic.of(previousQuestion.content());
            if (topics.isEmpty() || topics.stream().allMatch(t -> t == Topic.ANZAHL)) {
                topics = previousTopics;
            } else if (previousTopics.contains(Topic.UEBERBLICK)) {
                // "Und bei den Erfolgsfaktoren?" after a question about the whole study stays at study level
                topics = new java.util.HashSet<>(topics);
                topics.add(Topic.UEBERBLICK);
            }
            searchText = message + " " + previousQuestion.content();
        }
        return new AnalyzedQuestion(message, searchText, language, topics, cases, activity, followUp);
    }

    /** Case ids and Branchen named in a text, in order of appearance. */
    List<String> casesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher ids = CASE_ID.matcher(text.toUpperCase());
        while (ids.find()) {
            String id = ids.group(1) + ids.group(2);
            study.caseById(id).ifPresent(c -> found.add(c.id()));
        }
        String folded = Topic.fold(text);
        for (Map.Entry<String, String> title : caseByTitleWord.entrySet()) {
            if (Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(title.getKey())).matcher(folded).find()) {
                found.add(title.getValue());
            }
        }
        for (Map.Entry<String, String> english : ENGLISH_BRANCHEN.entrySet()) {
            if (folded.contains(english.getKey())) {
                folded = folded + " " + english.getValue() + " ";
            }
        }
        for (Map.Entry<String, List<String>> branche : casesByBranche.entrySet()) {
            for (String word : branche.getKey().split("/")) {
                // "Finanzdienstleister" names the case of Branche "Finanzdienstleistung"
                String stem = word.replaceAll("(ungen|ung|en|er|e|n|s)$", "");
                if (stem.length() >= 5 && Pattern.compile("(^|[^\\p{L}-])" + Pattern.quote(stem)).matcher(folded).find()) {
                    found.addAll(branche.getValue());
                }
            }
        }
        return List.copyOf(found);
    }

    static Activity activityIn(String text) {
        String folded = Topic.fold(text);
        for (Map.Entry<Activity, Pattern> cue : ACTIVITY_CUES.entrySet()) {
            if (cue.getValue().matcher(folded).find()) {
                return cue.getKey();
            }
        }
        return null;
    }

    private static boolean looksLikeFollowUp(String message) {
        String folded = Topic.fold(message);
        long words = folded.strip().split("\\s+").length;
        return (ANAPHORA.matcher(folded).find() || PRONOUN.matcher(folded).find()) && words <= 12 || words <= 5;
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
