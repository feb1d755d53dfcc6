package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import de.studienlotse.answer.llm.LanguageModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The widget when things go wrong, and on other websites: stopping a running answer (a scripted model that keeps
 * answering until it is cancelled), too many questions (a bucket of 10 questions, one back every 3 s), an unreachable service, invalid
 * input (questions limited to 200 characters), a customer's site that may embed and frame the service
 * ({@code kunde.example}) and one that may not ({@code fremd.example}); both names resolve to this machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "studienlotse.web.allowed-origins=http://kunde.example:*,http://localhost:*",
        "studienlotse.web.rate-limit.requests=10",
        "studienlotse.web.rate-limit.window=30s",
        "studienlotse.chat.max-message-length=200"})
@Import({WidgetResilienceBrowserTests.ScriptedModel.class, WidgetResilienceBrowserTests.CustomerSite.class})
class WidgetResilienceBrowserTests {

    static final String QUESTION = "Welche Tipps gibt das Logistikunternehmen?";

    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    Script script;

    @Autowired
    RateLimitConfiguration.RateLimiterHolder rateLimit;

    BrowserContext context;
    Page page;
    WidgetPage widget;

    @BeforeAll
    static void launchBrowser() {
        chromium = Chromium.launch("kunde.example", "fremd.example");
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void newPage() {
        script.hold = false;
        context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        widget = new WidgetPage(page);
    }

    @AfterEach
    void closeContext() {
        context.close();
        // all tests ask from one address: the next test starts with a full bucket, whatever this one used
        ((LocalRateLimiter) rateLimit.limiter()).forgetAll();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A customer's page on {@code host}, with the embed snippet pointing at this service. */
    String customerPage(String host, boolean frame) {
        return "http://%s:%d/test/kunde?widget=%s&frame=%s".formatted(host, port, url("/"), frame);
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    @Test
    void should_stop_a_running_answer_and_cancel_it_on_the_server() {
        // given: a model that sends two pieces and then keeps the answer open
        script.hold = true;
        page.navigate(url("/demo/einbettung.html"));
        widget.open().ask(QUESTION);
        Locator answer = widget.lastAnswer();

        // then: the first pieces are on screen while the answer is still running
        expect(answer.locator(".md")).containsText("frühzeitige Kommunikation");
        expect(answer).hasAttribute("data-state", "streaming");
        expect(answer).hasAttribute("aria-busy", "true");
        expect(page.locator("studienlotse-chat button.send")).isHidden();

        // when: Tab from the question field to the stop button, Enter
        page.keyboard().press("Tab");
        assertThat(widget.focused()).startsWith("button.stop");
        page.keyboard().press("Enter");

        // then: stopped, the text so far kept, the model call cancelled on the server, ready for the next question
        widget.awaitAnswer("stopped");
        expect(answer.locator(".note")).hasText("Antwort abgebrochen.");
        expect(answer.locator(".md")).containsText("Die Studie nennt dazu");
        expect(answer).hasAttribute("aria-busy", "false");
        assertThat(awaitQuietly(script.cancelled)).as("model call cancelled").isTrue();
        expect(page.locator("studienlotse-chat button.send")).isVisible();
        assertThat(widget.focused()).startsWith("textarea");
        // and the question is back in the field, with a way to ask it again
        expect(page.locator("studienlotse-chat textarea")).hasValue(QUESTION);
        expect(answer.locator("button.retry")).hasText("Erneut fragen");

        // when
        script.hold = false;
        answer.locator("button.retry").click();

        // then: asked again, answered
        widget.awaitAnswer("done");
        expect(widget.questions().last()).hasText(QUESTION);
    }

    @Test
    void should_say_when_there_are_too_many_questions_and_retry_after_the_wait() {
        // given: a customer's site (cross-origin, as embedded for real) and this browser's quota used up
        page.navigate(customerPage("kunde.example", false));
        expect(widget.panel()).isVisible(); // data-open
        useUpQuota();

        // when
        widget.ask(QUESTION);

        // then: a friendly message, the retry waits for Retry-After, then works
        Locator answer = widget.awaitAnswer("error");
        expect(answer.locator(".error")).hasAttribute("role", "alert");
        expect(answer.locator(".error p")).containsText("Gerade kommen sehr viele Fragen an. Bitte warten Sie");
        Locator retry = answer.locator("button.retry");
        expect(retry).isDisabled();
        expect(retry).containsText("Erneut versuchen (");
        expect(retry).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(6_000));
        retry.click();
        widget.awaitAnswer("done");
        expect(widget.questions()).hasCount(1);
    }

    @Test
    void should_say_when_the_service_is_unreachable_and_retry() {
        // given
        page.route("**/api/chat/stream", Route::abort);
        page.navigate(url("/demo/einbettung.html"));

        // when
        widget.open().ask(QUESTION);

        // then
        Locator answer = widget.awaitAnswer("error");
        expect(answer.locator(".error p")).hasText("Der Studienlotse ist gerade nicht erreichbar. Bitte prüfen Sie Ihre "
                + "Internetverbindung und versuchen Sie es gleich noch einmal.");

        // when: the service is back
        page.unroute("**/api/chat/stream");
        answer.locator("button.retry").click();

        // then
        widget.awaitAnswer("done");
        expect(widget.questions()).hasText(new String[] {QUESTION});
    }

    @Test
    void should_start_a_new_conversation_when_the_server_has_forgotten_it() {
        // given: an answered question; the follow-up carries an id the server no longer knows (as after its idle time)
        page.navigate(url("/demo/einbettung.html"));
        widget.open().ask(QUESTION);
        widget.awaitAnswer("done");
        AtomicInteger asked = new AtomicInteger();
        page.route("**/api/chat/stream", route -> {
            String body = route.request().postData();
            route.resume(asked.getAndIncrement() > 0 ? new Route.ResumeOptions()
                    : new Route.ResumeOptions().setPostData(body.replaceFirst("\"conversationId\":\"[^\"]+\"", "\"conversationId\":\"vergessen\"")));
        });

        // when
        widget.ask("Welche Herausforderungen gab es dort?");

        // then: an error with a retry, and the retry asks in a new conversation
        Locator answer = widget.awaitAnswer("error");
        com.microsoft.playwright.Request retried = page.waitForRequest(r -> r.url().endsWith("/api/chat/stream"),
                () -> answer.locator("button.retry").click());
        widget.awaitAnswer("done");
        assertThat(retried.postData()).doesNotContain("conversationId").doesNotContain("history");
    }

    @Test
    void should_show_why_input_is_invalid_and_let_the_user_edit_it() {
        // given: longer than the 200 characters this service accepts
        String question = "Welche Tipps gibt das Logistikunternehmen? " + "Bitte ausführlich. ".repeat(11);
        page.navigate(url("/demo/einbettung.html"));

        // when
        widget.open().ask(question);

        // then: the service's German reason
        Locator answer = widget.awaitAnswer("error");
        expect(answer.locator(".error p")).hasText("Diese Frage kann ich so nicht annehmen: Die Frage ist zu lang: "
                + "höchstens 200 Zeichen, erhalten " + question.strip().length() + ".");

        // when
        answer.locator("button.edit").click();

        // then: the question is back in the field, the failed turn gone
        expect(widget.input()).hasValue(question.strip());
        assertThat(widget.focused()).startsWith("textarea");
        expect(widget.questions()).hasCount(0);
    }

    @Test
    void should_answer_on_an_allowed_customer_site() {
        // given
        page.navigate(customerPage("kunde.example", false));

        // when
        widget.ask(QUESTION);

        // then: streamed, rendered as Markdown (the WebJars came across origins), the source loads across origins too
        Locator answer = widget.awaitAnswer("done");
        expect(answer.locator(".md strong")).hasText("frühzeitige Kommunikation");
        answer.locator(".chip").first().click();
        expect(widget.sourceView()).hasAttribute("data-loaded", "true");
        expect(page.locator("studienlotse-chat header h2")).hasText("Kunde fragt");
    }

    @Test
    void should_refuse_a_site_that_is_not_allowed() {
        // given
        int answered = script.answers.get();
        page.navigate(customerPage("fremd.example", false));

        // when
        widget.ask(QUESTION);

        // then: the browser gets no answer and the service answered nothing
        Locator answer = widget.awaitAnswer("error");
        expect(answer.locator(".error p")).containsText("nicht erreichbar");
        assertThat(script.answers.get()).isEqualTo(answered);
    }

    @Test
    void should_let_only_allowed_sites_frame_the_service() {
        // when: an allowed site frames the full-page chat
        page.navigate(customerPage("kunde.example", true));

        // then
        expect(page.frameLocator("iframe").locator("studienlotse-chat .panel")).isVisible();

        // when: another site does
        page.navigate(customerPage("fremd.example", true));

        // then: the browser refuses to show it (the frame holds Chromium's error page)
        Frame frame = page.frames().stream().filter(f -> f != page.mainFrame()).findFirst().orElseThrow();
        assertThat(frame.locator("studienlotse-chat").count()).isZero();
        assertThat(frame.content()).doesNotContain("Studienlotse");
    }

    @Test
    void should_refuse_other_origins_with_a_german_problem_detail() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl(url("")).build();
        String refused = "http://fremd.example:" + port;
        String allowed = "http://kunde.example:" + port;

        // a preflight from another website
        http.options().uri("/api/chat/stream").header(HttpHeaders.ORIGIN, refused)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Kein Zugriff")
                .jsonPath("$.detail").isEqualTo("Die Website „" + refused + "“ ist für den Studienlotsen nicht freigeschaltet. "
                        + "Betreiber tragen sie in studienlotse.web.allowed-origins ein.");
        // a question sent without a preflight never reaches the answer
        int answered = script.answers.get();
        http.post().uri("/api/chat").header(HttpHeaders.ORIGIN, refused).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", QUESTION)).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(script.answers.get()).isEqualTo(answered);
        // the allowed site: its preflight names what the widget sends and reads
        http.options().uri("/api/feedback").header(HttpHeaders.ORIGIN, allowed)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, x-client-id").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "content-type, x-client-id");
        // an error answer keeps its CORS headers, so the widget can read the German reason
        http.post().uri("/api/chat").header(HttpHeaders.ORIGIN, allowed).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
        // framing: only the service itself and the allowed origins
        http.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("frame-ancestors 'self' http://kunde.example:* http://localhost:*")
                        .contains("script-src 'self'").doesNotContain("fremd"));
        http.get().uri("/widget.js").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    /** Asks from the page until the service says 429 with the next token 3 s away, so the next question is refused too. */
    void useUpQuota() {
        Object status = page.evaluate("""
                async (api) => {
                  for (let i = 0; i < 60; i++) {
                    const r = await fetch(api + 'api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
                    if (r.status === 429 && r.headers.get('Retry-After') === '3') return 'limited';
                    if (r.status === 429) await new Promise((ok) => setTimeout(ok, 1000 * Number(r.headers.get('Retry-After'))));
                  }
                  return 'never limited';
                }""", url("/"));
        assertThat(status).isEqualTo("limited");
    }

    static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Answers every question in four quick pieces, or, while {@code hold} is set, sends two and waits to be cancelled. */
    static final class Script implements StreamingChatModel {

        final AtomicInteger answers = new AtomicInteger();
        final CountDownLatch cancelled = new CountDownLatch(1);
        volatile boolean hold;

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            if (request.messages().stream().noneMatch(m -> m instanceof SystemMessage)) {
                // the follow-up rewrite: nothing to add, the service keeps the question as asked
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("")).build());
                return;
            }
            answers.incrementAndGet();
            PartialResponseContext context = new PartialResponseContext(new StreamingHandle() {
                private volatile boolean done;

                @Override
                public void cancel() {
                    done = true;
                    cancelled.countDown();
                }

                @Override
                public boolean isCancelled() {
                    return done;
                }
            });
            List<String> pieces = List.of("Die Studie nennt dazu ", "**frühzeitige Kommunikation** [1] ",
                    "und die Integration ", "in bestehende Systeme [2].");
            for (String piece : hold ? pieces.subList(0, 2) : pieces) {
                handler.onPartialResponse(new PartialResponse(piece), context);
            }
            if (!hold) {
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(String.join("", pieces))).build());
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ScriptedModel {

        @Bean
        Script script() {
            return new Script();
        }

        @Bean
        @Primary
        LanguageModel scriptedLanguageModel(Script script) {
            return new LanguageModel(Optional.of(script), "scripted:test");
        }
    }

    /** A customer's page with the embed snippet, served under any host name; optionally framing the full page. */
    @RestController
    static class CustomerSite {

        @GetMapping(path = "/test/kunde", produces = "text/html;charset=UTF-8")
        String page(@RequestParam String widget, @RequestParam boolean frame) {
            if (!widget.matches("http://localhost:\\d+/")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            return """
                    <!doctype html>
                    <html lang="de"><head><meta charset="utf-8"><title>Kundenseite</title><link rel="icon" href="data:,"></head>
                    <body><h1>Eine Kundenseite</h1>%s
                    <script src="%swidget.js" data-title="Kunde fragt" data-open async></script>
                    </body></html>""".formatted(
                    frame ? "<iframe title=\"Studienlotse\" src=\"" + widget + "\" width=\"600\" height=\"500\"></iframe>" : "",
                    widget);
        }
    }
}
