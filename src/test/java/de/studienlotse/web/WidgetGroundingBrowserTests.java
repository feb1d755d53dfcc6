package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import de.studienlotse.answer.llm.FakeLlmServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grounding per sentence, end to end: a language model (a local server speaking OpenAI's chat-completions protocol,
 * through the real LangChain4j client) quotes its first source word for word and then adds one sentence that is in
 * none of its sources. The stream's {@code done} marks exactly that sentence unsupported, and the widget in Chromium
 * shows it marked, with the German explanation, and nothing else. With the same model, a question is a follow-up only
 * when the model's rewrite had to change it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studienlotse.web.rate-limit.requests=1000")
class WidgetGroundingBrowserTests {

    static final String QUESTION = "Welche Herausforderungen gab es bei der automatisierten Rechnungsverarbeitung?";
    /** What no passage of the study says. */
    static final String INVENTED = "Außerdem schaffte der Betrieb einen Roboterhund namens Bello als Maskottchen an [1].";
    static final String UNSUPPORTED = "Diese Aussage ist durch die zitierten Stellen nicht belegt.";
    static final FakeLlmServer MODEL = FakeLlmServer.start(FakeLlmServer.Protocol.OPENAI);
    private static final Pattern FIRST_SOURCE = Pattern.compile("\\[1] [^\\n]*\\n(.+?)(?:\\n\\n|$)", Pattern.DOTALL);

    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    BrowserContext context;
    Page page;
    WidgetPage widget;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("studienlotse.llm.provider", () -> "openai");
        registry.add("studienlotse.llm.base-url", MODEL::baseUrl);
        registry.add("studienlotse.llm.model", () -> "fake-grounding");
        registry.add("studienlotse.llm.api-key", () -> "lokal-test-key-1234");
    }

    @BeforeAll
    static void launchBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeAll() {
        if (chromium != null) chromium.close();
        MODEL.close();
    }

    @BeforeEach
    void newPage() {
        script("unused");
        context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        widget = new WidgetPage(page);
    }

    /** The fake model: {@code standalone} as its rewrite of a follow-up, its first source and one invented sentence as answer. */
    void script(String standalone) {
        MODEL.reset()
                .answersPromptsContaining(firstLine("prompts/query-study-vocabulary.md"), "Herausforderungen Rechnungsverarbeitung")
                .answersPromptsContaining("so um, dass sie ohne den Gesprächsverlauf verständlich ist", standalone)
                .repliesWith(request -> {
                    // the first source's text, quoted word for word and cited, then one sentence of its own
                    Matcher source = FIRST_SOURCE.matcher(String.join("\n", request.texts()));
                    assertThat(source.find()).as("numbered sources in the prompt").isTrue();
                    String quote = source.group(1).replaceAll("\\s+", " ").strip();
                    return quote + " [1]\n\n" + INVENTED;
                });
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    @Test
    void should_mark_exactly_the_sentence_the_sources_do_not_hold_in_done_and_in_the_widget() throws Exception {
        // when: the stream, as any client reads it
        Map<?, ?> done = doneEvent(QUESTION);

        // then: the invented sentence is the one unsupported statement, by its offsets in the answer
        String answer = (String) done.get("answer");
        assertThat(answer).contains("Roboterhund namens Bello als Maskottchen");
        List<Map<?, ?>> statements = statements(done);
        List<Map<?, ?>> unsupported = statements.stream().filter(s -> "unsupported".equals(s.get("status"))).toList();
        assertThat(unsupported).hasSize(1);
        Map<?, ?> statement = unsupported.getFirst();
        assertThat((String) statement.get("text")).startsWith("Außerdem schaffte der Betrieb").contains("[1]");
        assertThat(answer.substring(number(statement.get("start")), number(statement.get("end")))).isEqualTo(statement.get("text"));
        assertThat(statements).filteredOn(s -> s != statement).isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("status")).as("%s", s.get("text")).isEqualTo("supported"));
        int index = statements.indexOf(statement);

        // when: the same question in the widget
        page.navigate(url("/demo/einbettung.html"));
        widget.open().ask(QUESTION);
        Locator shown = widget.awaitAnswer("done");

        // then: that sentence, and only that one, is marked, with the explanation for mouse and screen reader
        Locator claims = shown.locator(".claim");
        expect(claims).hasCount(1);
        Locator claim = claims.first();
        expect(claim).hasClass(Pattern.compile("\\bunsupported\\b"));
        expect(claim).hasAttribute("data-statement", String.valueOf(index));
        expect(claim).hasAttribute("title", UNSUPPORTED);
        expect(claim).containsText("Roboterhund namens Bello als Maskottchen");
        expect(claim.locator(".vh")).hasText(" (" + UNSUPPORTED + ")");
        expect(claim.locator(".chip")).hasCount(1); // its marker stays a chip inside the marked sentence
        expect(shown.locator(".md p").first().locator(".claim")).hasCount(0);
        expect(shown.locator(".unsupported-note")).hasText("Eine markierte Aussage ist durch die zitierten Stellen nicht belegt.");
        assertThat((String) claim.evaluate("e => getComputedStyle(e).textDecorationStyle")).isEqualTo("wavy");
        screenshot("widget-grounding.png");

        // and after a reload the restored answer is marked the same way
        page.reload();
        expect(widget.lastAnswer().locator(".claim.unsupported")).hasCount(1);
    }

    @Test
    void should_call_a_question_a_follow_up_only_when_the_model_had_to_rewrite_it() throws Exception {
        // given
        Map<?, ?> first = chat(Map.of("message", "Welche Tipps gibt das Logistikunternehmen?"));
        Object conversation = first.get("conversationId");

        // when: a question the model's rewrite leaves as it is
        script("Was ist das Fazit der Studie?");
        Map<?, ?> own = chat(Map.of("message", "Was ist das Fazit der Studie?", "conversationId", conversation));

        // then
        assertThat(own.get("followUp")).isEqualTo(false);
        assertThat(own.get("followUpOf")).isNull();

        // when: one it has to complete from the conversation
        script("Welche Tipps gibt das Logistikunternehmen B5 zur Dauer der Einführung?");
        Map<?, ?> followUp = chat(Map.of("message", "Und wie lange hat das gedauert?", "conversationId", conversation));

        // then: read with the previous question, about the case the rewrite names
        assertThat(followUp.get("followUp")).isEqualTo(true);
        Map<?, ?> of = (Map<?, ?>) followUp.get("followUpOf");
        assertThat(of.get("question")).isEqualTo("Was ist das Fazit der Studie?");
        assertThat(of.get("caseIds")).isEqualTo(List.of("B5"));
    }

    Map<?, ?> chat(Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/chat")))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readValue(response.body(), Map.class);
        }
    }

    /** The {@code done} event of the stream for this question. */
    Map<?, ?> doneEvent(String question) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/chat/stream")))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("message", question)))).build();
        String body;
        try (HttpClient client = HttpClient.newHttpClient()) {
            body = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        }
        for (String frame : body.replace("\r\n", "\n").split("\n\n")) {
            if (frame.lines().anyMatch(l -> l.equals("event:done") || l.equals("event: done"))) {
                String data = String.join("\n", frame.lines().filter(l -> l.startsWith("data:"))
                        .map(l -> l.substring(5).stripLeading()).toList());
                return json.readValue(data, Map.class);
            }
        }
        throw new AssertionError("no done event in: " + body);
    }

    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> statements(Map<?, ?> done) {
        return (List<Map<?, ?>>) done.get("statements");
    }

    static int number(Object value) {
        return ((Number) value).intValue();
    }

    static String firstLine(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    void screenshot(String name) {
        WidgetScreenshots.save(page, name);
    }
}
