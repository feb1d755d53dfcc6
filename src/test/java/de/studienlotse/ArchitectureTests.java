package de.studienlotse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import dev.langchain4j.model.input.PromptTemplate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
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
     * use. Anything else stays package-private; a class that must become public is added here on purpose. One line a
     * package: its name, a colon, its public classes. Two of them are public for a reason no import shows:
     * {@code llm.LlmFailureAnalyzer} is instantiated from {@code META-INF/spring.factories}, and
     * {@code answer.UnknownWords} is the one test of a word the study does not know, which the advisor's concerns
     * share with the chat. What {@code answer} shows is what chat, feedback, advisor and evaluation use; the analysis
     * and selection of sources stay inside.
     */
    static final Map<String, Set<String>> FACES = faces("""
            corpus: Activity BrochureParser CaseFacts CaseStudy CorpusProperties GermanFold Passage PassageKind Section Study
            search: AnalyzedWord Concept EmbeddingProperties GermanMorphology PassageEmbeddings PassageIndex QueryTerms
                    ResourceLists SearchHit SearchProperties SearchRequest StudyAnalyzer StudyConcepts Thesaurus VocabularyBridges
            llm: ConfiguredModel LlmConfiguration LlmException LlmFailureAnalyzer LlmProperties LlmTimeoutException
                 ModelStream PromptFiles
            answer: Answer AnswerEvent AnswerRequest AnswerService Citation CitationFilter CitationMarkers FollowUp
                    Statement Turn UnknownWords
            chat: ChatProperties ChatRequest ChatResponse Exchange ExchangeLog
            feedback: Feedback FeedbackPage FeedbackProperties FeedbackReceipt FeedbackRequest Rating
            advisor: AdvisorLinks Brief BriefAssembler CaseComparison Category CategoryMapping ClientProfile ConcernMatcher
                     StudyAggregates
            evaluation: AnswerJudge Baselines EvaluationProperties EvaluationRunner GoldQuestion RunReport
            evaluation.workbench:
            database: Database DatabaseProperties Housekeeping SqlDialect
            web: CacheProperties LoginSessionProperties SecurityProperties SpreadsheetCsv WebProperties
            """);

    @Test
    void should_keep_the_layers() {
        LAYERS.check(SHIPPED);
    }

    /**
     * One test of a word the study does not know ({@code answer.UnknownWords}): the chat's abstention and the
     * advisor's concerns once had one each and disagreed. Whether a concept's phrasing holds a word is asked only
     * there (search, which computes it, aside).
     */
    static final ArchRule ONE_UNKNOWN_WORD_TEST = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".search..")
            .and().doNotHaveFullyQualifiedName(ROOT + ".answer.UnknownWords")
            .should().callMethod(ROOT + ".search.QueryTerms$QueryTerm", "inConcept")
            .as("only answer.UnknownWords tells a word the study does not know");

    @Test
    void should_tell_an_unknown_word_in_one_place() {
        ONE_UNKNOWN_WORD_TEST.check(SHIPPED);
    }

    /**
     * One way to do each thing (issue 15), where a second way would come back unnoticed: the analysis chain is
     * declared once, text reaches an analyzer only through {@code search.Tokens}, a prompt file becomes a template only in {@code llm.PromptFiles}, and CSV
     * is written only by {@code web.SpreadsheetCsv} (with its formula guard). The umlaut fold, the problem writer and
     * the citation-marker grammar have their own checks ({@code GermanFoldTests}, {@code ProblemsTests},
     * {@code CitationMarkersTests}).
     */
    static final List<ArchRule> ONE_WAY = List.of(
            noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".search.Tokens")
                    .should().callMethodWhere(DescribedPredicate.describe("Analyzer.tokenStream",
                            (JavaMethodCall call) -> call.getName().equals("tokenStream")
                                    && call.getTargetOwner().isAssignableTo(Analyzer.class)))
                    .as("only search.Tokens reads a token stream"),
            noClasses().that().haveNameNotMatching("de\\.studienlotse\\.(search\\.StudyAnalyzer|corpus\\.GermanFold)(\\$.*)?")
                    .should().callConstructorWhere(DescribedPredicate.describe("a Lucene Tokenizer",
                            (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(Tokenizer.class)))
                    .as("only search.StudyAnalyzer (and the fold it shares, corpus.GermanFold) declares an analysis chain"),
            noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".llm.PromptFiles")
                    .should().callMethod(PromptTemplate.class, "from", String.class)
                    .orShould().callConstructor(PromptTemplate.class, String.class)
                    .as("only llm.PromptFiles makes a prompt template"),
            noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".web.SpreadsheetCsv")
                    .should().dependOnClassesThat().resideInAPackage("tools.jackson.dataformat.csv..")
                    .as("only web.SpreadsheetCsv writes CSV"));

    @TestFactory
    Stream<DynamicTest> should_do_each_thing_one_way() {
        return ONE_WAY.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(SHIPPED)));
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

    /**
     * README's package table is this test's table in words: a row for every package, every public class named in its
     * row, and the packages it uses all in its "may use" column.
     */
    @Test
    void should_match_the_package_table_in_readme() throws Exception {
        Map<String, String[]> rows = new TreeMap<>();
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int header = readme.indexOf("| package | may use | public face |");
        assertThat(header).as("README's package table").isNotNegative();
        for (String line : readme.subList(header + 2, readme.size()).stream().takeWhile(l -> l.startsWith("|")).toList()) {
            Matcher row = README_ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), new String[] {row.group(2), row.group(3)});
            }
        }
        assertThat(rows.keySet()).as("packages in README's table")
                .containsExactlyInAnyOrderElementsOf(FACES.keySet().stream().filter(p -> !p.contains(".")).toList());
        for (Map.Entry<String, String[]> row : rows.entrySet()) {
            String pkg = row.getKey();
            Set<String> named = new TreeSet<>();
            Matcher word = Pattern.compile("[A-Z]\\w+").matcher(row.getValue()[1]);
            while (word.find()) named.add(word.group());
            assertThat(named).as("README names the public classes of %s", pkg).containsAll(FACES.get(pkg));
            Set<String> mayUse = Set.of(row.getValue()[0].replace("—", "").split("[,\\s]+"));
            assertThat(mayUse).as("README's \"may use\" of %s", pkg).containsAll(used(pkg));
        }
    }

    /** {@code | `search` | corpus | faces |}: the package, what it may use, its public face. */
    private static final Pattern README_ROW = Pattern.compile("\\| `([a-z]+)` \\| ([^|]*) \\| (.*) \\|");

    /** The other top-level packages the shipped classes of {@code pkg} (and its sub-packages) depend on. */
    private static Set<String> used(String pkg) {
        String prefix = ROOT + "." + pkg;
        return SHIPPED.stream()
                .filter(c -> c.getPackageName().equals(prefix) || c.getPackageName().startsWith(prefix + "."))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .map(d -> d.getTargetClass().getPackageName())
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .filter(p -> !p.equals(pkg))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each file README's newcomer's path sends a change to is where it says. */
    @Test
    void should_send_a_newcomer_to_files_that_exist() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String path = readme.substring(readme.indexOf("## Newcomer's path"), readme.indexOf("## The corpus"));
        Matcher file = Pattern.compile("`((?:src|prompts)/[^`]+)`").matcher(path);
        int files = 0;
        while (file.find()) {
            files++;
            assertThat(Path.of(file.group(1))).as("newcomer's path").exists();
        }
        assertThat(files).as("files on the newcomer's path").isGreaterThanOrEqualTo(5);
    }

    static ArchRule faceRule(String pkg, Set<String> allowed) {
        String names = allowed.isEmpty() ? "(?!)" : String.join("|", allowed);
        return classes().that().resideInAPackage(pkg).and().areTopLevelClasses().and().arePublic()
                .should().haveNameMatching(pkg.replace(".", "\\.") + "\\.(" + names + ")")
                .as("public classes of %s are only %s".formatted(pkg, allowed))
                .allowEmptyShould(true);
    }

    /** The table above: a line that starts with a name and a colon opens a package, a line without one continues it. */
    private static Map<String, Set<String>> faces(String table) {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        String current = null;
        for (String line : table.strip().lines().map(String::strip).toList()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).matches("[a-z.]+")) {
                current = line.substring(0, colon);
                byPackage.put(current, new TreeSet<>());
                line = line.substring(colon + 1);
            }
            byPackage.get(current).addAll(Arrays.stream(line.strip().split("\\s+")).filter(n -> !n.isEmpty()).toList());
        }
        return byPackage;
    }
}
