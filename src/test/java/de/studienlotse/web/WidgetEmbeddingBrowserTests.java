package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The widget embedded as the README says, by a page of another origin: a host page served by a server of its own on
 * another address and port ({@code 127.0.0.1:<port>}, allowed), the service on {@code localhost:<port>}. The entry
 * script is a classic script; its modules, the WebJars and the API are CORS requests (offline answers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "studienlotse.web.allowed-origins=http://127.0.0.1:*",
        "studienlotse.web.rate-limit.requests=1000"})
class WidgetEmbeddingBrowserTests {

    static final String QUESTION = "Welche Tipps gibt das Logistikunternehmen?";

    static Chromium chromium;
    static HttpServer hostSite;
    /** The service's address for the host page, set before each test (the port is the Spring context's). */
    static volatile String service;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    WidgetPage widget;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    /** Access-Control-Allow-Origin of each of the widget's responses, by path. */
    final Map<String, String> allowOrigin = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        chromium = Chromium.launch();
        hostSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostSite.createContext("/", exchange -> {
            byte[] page = """
                    <!doctype html>
                    <html lang="de"><head><meta charset="utf-8"><title>Kammer</title><link rel="icon" href="data:,"></head>
                    <body><h1>Eine Kammer bettet den Studienlotsen ein</h1>
                    <script src="%swidget.js" data-title="Fragen an die Kammer" data-open async></script>
                    </body></html>""".formatted(service).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        hostSite.start();
    }

    @AfterAll
    static void stop() {
        if (hostSite != null) hostSite.stop(0);
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void newPage() {
        service = url("/");
        context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onResponse((Response response) -> {
            String path = response.url().replaceFirst("^https?://[^/]+", "");
            String header = response.headers().get("access-control-allow-origin");
            if (response.url().startsWith(service)) allowOrigin.put(path, header == null ? "(none)" : header);
        });
        widget = new WidgetPage(page);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String hostPage() {
        return "http://127.0.0.1:" + hostSite.getAddress().getPort() + "/kammer.html";
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    @Test
    void should_answer_with_citations_on_a_page_of_another_origin() {
        // given: the host page on another address and port
        page.navigate(hostPage());

        // when
        widget.ask(QUESTION);

        // then: streamed and rendered as Markdown with chips (modules and WebJars came across origins)
        Locator answer = widget.awaitAnswer("done");
        expect(answer.locator(".md li strong").first()).isVisible();
        expect(answer.locator(".chip").first()).isVisible();
        expect(page.locator("studienlotse-chat header h2")).hasText("Fragen an die Kammer");
        // and the cited passage loads from the API across origins too
        answer.locator(".chip").first().click();
        expect(widget.sourceView()).hasAttribute("data-loaded", "true");
        // the modules are readable by any page, the API only by the allowed origin
        String host = "http://127.0.0.1:" + hostSite.getAddress().getPort();
        assertThat(allowOrigin).containsEntry("/widget/element.js", "*").containsEntry("/widget/transport.js", "*")
                .containsEntry("/api/chat/stream", host);
        assertThat(allowOrigin.keySet()).contains("/widget.js").anyMatch(path -> path.startsWith("/webjars/marked/"));
    }

    @Test
    void should_serve_the_modules_to_any_website_for_ten_minutes_and_the_api_only_to_allowed_ones() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl(url("")).build();

        http.get().uri("/widget/element.js").header(HttpHeaders.ORIGIN, "http://fremd.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=600, public")
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"));
        http.get().uri("/api/cases").header(HttpHeaders.ORIGIN, "http://fremd.example").exchange()
                .expectStatus().isForbidden();
        http.get().uri("/widget.js").header(HttpHeaders.ORIGIN, "http://fremd.example").exchange()
                .expectStatus().isForbidden();
    }
}
