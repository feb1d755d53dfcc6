package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.database.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limits of a request at the edge (application.yml: request line and header block 16 KB, body 256 KB), each at
 * its boundary and one byte past it: what the README allows is read, what goes beyond is a German problem detail with
 * {@code detail}, never a bare status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeLimitsTests {

    static final int LINE_LIMIT = 16 * 1024;
    static final int HEADER_LIMIT = 16 * 1024;
    static final int BODY_LIMIT = 256 * 1024;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().register(registry);
    }

    /** A search whose request line {@code GET <target> HTTP/1.1} is exactly {@code length} bytes long. */
    static String searchOfLineLength(int length) {
        String prefix = "/api/search?q=";
        return prefix + "a".repeat(length - "GET ".length() - prefix.length() - " HTTP/1.1".length());
    }

    /** A header block of {@code size} bytes as Netty counts them: the header lines without their line ends. */
    static String headersOfSize(int size) {
        int fixed = "Host: localhost".length() + "Connection: close".length() + "X-Auffuellung: ".length();
        return "X-Auffuellung: " + "x".repeat(size - fixed) + "\r\n";
    }

    static byte[] chatBodyOfSize(int size) {
        String open = "{\"message\":\"";
        String close = "\"}";
        return (open + "a".repeat(size - open.length() - close.length()) + close).getBytes(StandardCharsets.UTF_8);
    }

    RawHttp.Response post(String path, byte[] body) {
        return RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    static void assertGermanProblem(RawHttp.Response response, int status, String detailStart) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\":\"" + detailStart);
    }

    @Test
    void should_answer_a_search_of_1000_umlauts_which_is_6000_bytes_in_the_url() {
        // given
        String q = URLEncoder.encode("ü".repeat(1_000), StandardCharsets.UTF_8);

        // when
        RawHttp.Response response = RawHttp.get(port, "/api/search?q=" + q, "");

        // then
        assertThat(q).hasSize(6_000);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void should_answer_the_longest_search_the_readme_allows_with_filters() {
        // given: 1,000 characters of three UTF-8 bytes each, nine bytes each in the URL
        String q = URLEncoder.encode("€".repeat(1_000), StandardCharsets.UTF_8);
        String target = "/api/search?q=" + q + "&taetigkeit=" + URLEncoder.encode("Kapazitätsplanung", StandardCharsets.UTF_8)
                + "&section=erfolgsfaktoren&k=50";

        // when
        RawHttp.Response response = RawHttp.get(port, target, "");

        // then
        assertThat(target.length()).isGreaterThan(9_000).isLessThan(LINE_LIMIT);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void should_read_a_request_line_of_exactly_the_limit() {
        // when
        RawHttp.Response response = RawHttp.get(port, searchOfLineLength(LINE_LIMIT), "");

        // then: read and judged by the search itself (too many characters for a query)
        assertGermanProblem(response, 400, "Der Suchtext ist zu lang: höchstens 1.000 Zeichen");
    }

    @Test
    void should_refuse_a_request_line_one_byte_past_the_limit_with_a_german_414_problem() {
        // when
        RawHttp.Response response = RawHttp.get(port, searchOfLineLength(LINE_LIMIT + 1), "");

        // then
        assertGermanProblem(response, 414, "Die Adresse der Anfrage ist zu lang: höchstens 16384 Bytes");
        assertThat(response.body()).contains("\"title\":\"Adresse zu lang\"");
    }

    @Test
    void should_read_a_header_block_of_exactly_the_limit() {
        // when
        RawHttp.Response response = RawHttp.get(port, "/api/cases", headersOfSize(HEADER_LIMIT));

        // then
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void should_refuse_a_header_block_one_byte_past_the_limit_with_a_german_431_problem() {
        // when
        RawHttp.Response response = RawHttp.get(port, "/api/cases", headersOfSize(HEADER_LIMIT + 1));

        // then
        assertGermanProblem(response, 431, "Die Kopfzeilen der Anfrage sind zu groß: höchstens 16384 Bytes");
        assertThat(response.body()).contains("\"title\":\"Kopfzeilen zu groß\"");
    }

    @Test
    void should_read_a_body_of_exactly_the_limit() {
        // when
        RawHttp.Response response = post("/api/chat", chatBodyOfSize(BODY_LIMIT));

        // then: read and judged by the chat itself (a question of 2,000 characters at most)
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"detail\":").doesNotContain("\"status\":413");
    }

    @Test
    void should_refuse_a_body_one_byte_past_the_limit_with_a_german_413_problem() {
        // when
        RawHttp.Response response = post("/api/chat", chatBodyOfSize(BODY_LIMIT + 1));

        // then
        assertGermanProblem(response, 413, "Der Inhalt der Anfrage ist zu groß: höchstens 256 KB.");
        assertThat(response.body()).contains("\"title\":\"Anfrage zu groß\"");
    }

    @Test
    void should_refuse_a_chat_body_of_1_mb_on_every_endpoint_that_reads_one_with_a_413_problem() {
        // given
        byte[] megabyte = chatBodyOfSize(1024 * 1024);

        // when / then
        for (String path : new String[] {"/api/chat", "/api/chat/stream", "/api/feedback"}) {
            assertGermanProblem(post(path, megabyte), 413, "Der Inhalt der Anfrage ist zu groß: höchstens 256 KB.");
        }
    }
}
