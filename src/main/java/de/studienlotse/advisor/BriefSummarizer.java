package de.studienlotse.advisor;

import de.studienlotse.answer.CitationMarkers;
import de.studienlotse.answer.Citation;
import de.studienlotse.answer.CitationFilter;
import de.studienlotse.answer.llm.LanguageModel;
import de.studienlotse.answer.llm.ModelStream;
import de.studienlotse.answer.llm.PromptFiles;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The optional written summary of a brief, from the configured language model through {@code prompts/brief-*.md}.
 * Its markers pass the same {@link CitationFilter} as chat answers, and only numbers of the sources it was given
 * survive; a summary left without a valid citation is dropped. Without a model, or on any model error, the brief
 * simply has no summary.
 */
final class BriefSummarizer {

    private static final Logger log = LoggerFactory.getLogger(BriefSummarizer.class);
    private static final Pattern MARKER = CitationMarkers.PATTERN;
    /** Sections whose items the model sees: the similar cases, the concerns, what worked, what to expect. */
    private static final Set<String> SOURCE_SECTIONS = Set.of("faelle", "anliegen", "erfolgsfaktoren", "herausforderungen");
    private static final int MAX_SOURCES = 30;
    private static final int MAX_SENTENCES = 6;
    private static final int MAX_LENGTH = 2000;

    private final LanguageModel model;
    private final ModelStream stream;
    private final PromptTemplate system;
    private final PromptTemplate template;

    BriefSummarizer(LanguageModel model, ModelStream stream, String promptLocation) {
        this.model = model;
        this.stream = stream;
        this.system = PromptFiles.load(promptLocation, "brief-system.md");
        this.template = PromptFiles.load(promptLocation, "brief-summary.md");
    }

    boolean available() {
        return model.isPresent();
    }

    /** The brief with a checked summary, or unchanged (no model, model error, nothing validly cited). */
    Mono<Brief> summarize(Brief brief) {
        if (!model.isPresent()) return Mono.just(brief);
        List<Citation> sources = sources(brief);
        if (sources.isEmpty()) return Mono.just(brief);
        List<ChatMessage> messages = List.of(SystemMessage.from(system.template()), UserMessage.from(prompt(brief, sources)));
        Set<Integer> given = sources.stream().map(Citation::n).collect(Collectors.toSet());
        return stream.complete(model.model().orElseThrow(), messages)
                .map(text -> checked(text, given, brief.citations().size()))
                .map(text -> text.isBlank() ? brief : brief.withSummary(new Brief.Summary(text, model.backendName())))
                .onErrorResume(e -> {
                    log.warn("Brief summary failed, the brief goes out without it: {}", e.toString());
                    return Mono.just(brief);
                });
    }

    /** The model's text with only markers of given sources; blank if none is left or the text is too long. */
    static String checked(String text, Set<Integer> given, int sources) {
        String filtered = CitationFilter.check(text.strip(), sources);
        Matcher m = MARKER.matcher(filtered);
        StringBuilder out = new StringBuilder();
        boolean cited = false;
        while (m.find()) {
            boolean keep = given.contains(Integer.parseInt(m.group(1)));
            cited |= keep;
            m.appendReplacement(out, keep ? "$0" : "");
        }
        m.appendTail(out);
        String result = out.toString().replaceAll("\\s+([.,;:!?])", "$1").strip();
        return cited && result.length() <= MAX_LENGTH ? result : "";
    }

    private String prompt(Brief brief, List<Citation> sources) {
        ClientProfile p = brief.profile();
        String profile = String.join("\n", List.of(
                "Branche: " + or(p.branche()), "Größe: " + or(p.size()), "Tätigkeit für KI: " + or(p.taetigkeit()),
                "Anliegen: " + (p.concerns().isEmpty() ? "keine genannt" : String.join(", ", p.concerns()))));
        String uncovered = brief.items().stream().filter(i -> i.kind() == Brief.Kind.NICHT_IN_STUDIE)
                .map(Brief.Item::text).collect(Collectors.joining(" "));
        String numbered = sources.stream().map(c -> "[" + c.n() + "] " + BriefMarkdown.where(c) + "\n"
                + BriefMarkdown.quote(c)).collect(Collectors.joining("\n\n"));
        return PromptFiles.fill(template, Map.of("profile", profile, "uncovered", uncovered.isEmpty() ? "keine" : uncovered,
                "sources", numbered, "sentences", Integer.toString(MAX_SENTENCES)));
    }

    private static List<Citation> sources(Brief brief) {
        Set<Citation> sources = new LinkedHashSet<>();
        brief.sections().stream().filter(s -> SOURCE_SECTIONS.contains(s.id()))
                .flatMap(s -> s.items().stream())
                .filter(Brief.Item::cited)
                .forEach(i -> sources.add(i.citation()));
        return sources.stream().limit(MAX_SOURCES).toList();
    }

    private static String or(String value) {
        return value == null ? "nicht angegeben" : value;
    }

}
