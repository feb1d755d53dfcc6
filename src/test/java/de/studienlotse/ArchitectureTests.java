package de.studienlotse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house as README's package table draws it: which feature may use which, no cycles, and each package's public face.
 * Only the shipped classes count; tests may reach across packages (a chat test drives a fake provider from {@code llm}).
 */
class ArchitectureTests {

    private static final String ROOT = "de.studienlotse";

    private static final JavaClasses SHIPPED = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(ROOT);

    /**
     * corpus ← search ← answer ← chat/feedback ← advisor/evaluation; {@code llm} is the model client that answer,
     * advisor (brief summaries) and evaluation (the judge) share. {@code web} and {@code database} are on the side:
     * the features above answer may use web's helpers (CSV, problem details), web itself only the database; the core
     * (corpus, search, llm, answer) knows neither.
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("corpus").definedBy(ROOT + ".corpus..")
            .layer("search").definedBy(ROOT + ".search..")
            .layer("llm").definedBy(ROOT + ".llm..")
            .layer("answer").definedBy(ROOT + ".answer..")
            .layer("chat").definedBy(ROOT + ".chat..")
            .layer("feedback").definedBy(ROOT + ".feedback..")
            .layer("advisor").definedBy(ROOT + ".advisor..")
            .layer("evaluation").definedBy(ROOT + ".evaluation..")
            .layer("web").definedBy(ROOT + ".web..")
            .layer("database").definedBy(ROOT + ".database..")
            .whereLayer("advisor").mayNotBeAccessedByAnyLayer()
            .whereLayer("evaluation").mayNotBeAccessedByAnyLayer()
            .whereLayer("feedback").mayNotBeAccessedByAnyLayer()
            .whereLayer("chat").mayOnlyBeAccessedByLayers("feedback")
            .whereLayer("answer").mayOnlyBeAccessedByLayers("chat", "feedback", "advisor", "evaluation")
            .whereLayer("llm").mayOnlyBeAccessedByLayers("answer", "advisor", "evaluation")
            .whereLayer("search").mayOnlyBeAccessedByLayers("answer", "advisor", "evaluation")
            .whereLayer("corpus").mayOnlyBeAccessedByLayers("search", "answer", "chat", "feedback", "advisor", "evaluation")
            .whereLayer("web").mayOnlyBeAccessedByLayers("chat", "feedback", "advisor", "evaluation")
            .whereLayer("database").mayOnlyBeAccessedByLayers("chat", "feedback", "advisor", "evaluation", "web");

    /** Every package, sub-packages included ({@code evaluation.workbench}), is its own slice. */
    static final ArchRule NO_CYCLES = slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    /**
     * The top-level classes each package may make public: what other packages, Spring's binding or the README's API
     * use. Anything else stays package-private; a class that must become public is added here on purpose.
     */
    static final Map<String, Set<String>> FACES = faces(Map.ofEntries(
            Map.entry("corpus", names("Activity BrochureParser CaseFacts CaseStudy CorpusProperties GermanFold Passage "
                    + "PassageKind Section Study")),
            Map.entry("search", names("AnalyzedWord Concept EmbeddingProperties GermanMorphology PassageEmbeddings "
                    + "PassageIndex QueryTerms ResourceLists SearchHit SearchProperties SearchRequest StudyAnalyzer "
                    + "StudyConcepts Thesaurus VocabularyBridges")),
            // LlmFailureAnalyzer: instantiated from META-INF/spring.factories
            Map.entry("llm", names("ConfiguredModel LlmConfiguration LlmException LlmFailureAnalyzer LlmProperties "
                    + "LlmTimeoutException ModelStream PromptFiles")),
            // what chat, feedback, advisor and evaluation use; the analysis and selection of sources stay inside
            Map.entry("answer", names("Answer AnswerEvent AnswerRequest AnswerService Citation CitationFilter "
                    + "CitationMarkers FollowUp Statement Turn")),
            Map.entry("chat", names("ChatProperties ChatRequest ChatResponse Exchange ExchangeLog")),
            Map.entry("feedback", names("Feedback FeedbackPage FeedbackProperties FeedbackReceipt FeedbackRequest Rating")),
            Map.entry("advisor", names("AdvisorLinks Brief BriefAssembler CaseComparison Category CategoryMapping "
                    + "ClientProfile ConcernMatcher StudyAggregates")),
            Map.entry("evaluation", names("AnswerJudge Baselines EvaluationProperties EvaluationRunner GoldQuestion "
                    + "RunReport")),
            Map.entry("evaluation.workbench", names("")),
            Map.entry("database", names("Database DatabaseProperties Housekeeping SqlDialect")),
            Map.entry("web", names("CacheProperties LoginSessionProperties SecurityProperties SpreadsheetCsv "
                    + "WebProperties"))));

    @Test
    void should_keep_the_layers() {
        LAYERS.check(SHIPPED);
    }

    @Test
    void should_have_no_package_cycles() {
        NO_CYCLES.check(SHIPPED);
    }

    @TestFactory
    Stream<DynamicTest> should_show_only_each_packages_face() {
        return FACES.entrySet().stream().map(face -> DynamicTest.dynamicTest(face.getKey(), () -> {
            String pkg = ROOT + "." + face.getKey();
            faceRule(pkg, face.getValue()).check(SHIPPED);
            // and the list stays true: a class listed here that is gone or no longer public is taken off it
            Set<String> publicNow = SHIPPED.stream()
                    .filter(c -> c.getPackageName().equals(pkg) && c.isTopLevelClass()
                            && c.getModifiers().contains(JavaModifier.PUBLIC))
                    .map(JavaClass::getSimpleName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(publicNow).as("public classes of %s", pkg).containsExactlyInAnyOrderElementsOf(face.getValue());
        }));
    }

    @Test
    void should_draw_a_face_for_every_package() {
        Set<String> packages = SHIPPED.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(FACES.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    }

    static ArchRule faceRule(String pkg, Set<String> allowed) {
        String names = allowed.isEmpty() ? "(?!)" : String.join("|", allowed);
        return classes().that().resideInAPackage(pkg).and().areTopLevelClasses().and().arePublic()
                .should().haveNameMatching(pkg.replace(".", "\\.") + "\\.(" + names + ")")
                .as("public classes of %s are only %s".formatted(pkg, allowed))
                .allowEmptyShould(true);
    }

    private static Set<String> names(String spaced) {
        return spaced.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(spaced.split(" ")));
    }

    private static Map<String, Set<String>> faces(Map<String, Set<String>> byPackage) {
        return new TreeMap<>(byPackage);
    }
}
