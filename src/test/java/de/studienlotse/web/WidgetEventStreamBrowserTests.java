package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The widget's event-stream parser ({@code static/widget/transport.js}) in Chromium, fed chunk by chunk as a network
 * delivers them, against the rules of the HTML standard ("Parsing an event stream"). The module is served from the
 * class path by the browser's router, so no service is started.
 */
class WidgetEventStreamBrowserTests extends BrowserTest {

    static final String ORIGIN = "http://studienlotse.test";

    /** After the base class's fresh page: the module is served by the browser's router, no service runs. */
    @BeforeEach
    void openEmptyPage() {
        page.route(ORIGIN + "/**", WidgetEventStreamBrowserTests::serveStatic);
        page.navigate(ORIGIN + "/");
    }

    /** The static files as the service has them; "/" is an empty page. */
    static void serveStatic(Route route) {
        String path = route.request().url().substring(ORIGIN.length());
        if (path.equals("/")) {
            route.fulfill(new Route.FulfillOptions().setContentType("text/html").setBody("<!doctype html><title>SSE</title>"));
            return;
        }
        ClassPathResource file = new ClassPathResource("static" + path);
        if (!file.exists()) {
            route.fulfill(new Route.FulfillOptions().setStatus(404));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            route.fulfill(new Route.FulfillOptions().setContentType("text/javascript").setBodyBytes(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events the parser dispatches for these chunks, then the end of the stream: type, data and last id each. */
    @SuppressWarnings("unchecked")
    List<Map<String, String>> parse(String... chunks) {
        return (List<Map<String, String>>) page.evaluate("""
                async (chunks) => {
                  const { eventStreamParser } = await import('/widget/transport.js');
                  const events = [];
                  const parser = eventStreamParser((e) => events.push(e));
                  chunks.forEach((chunk) => parser.push(chunk));
                  parser.end();
                  return events;
                }""", List.of(chunks));
    }

    static Map<String, String> event(String type, String data, String id) {
        return Map.of("type", type, "data", data, "id", id);
    }

    @Test
    void should_keep_a_cr_lf_split_across_chunks_as_one_line_end() {
        // when: the CR of the first line's end and of the blank line each end a chunk, the LF starts the next
        List<Map<String, String>> events = parse("data: eins\r", "\ndata: zwei\r\n\r", "\ndata: drei\r\n\r\n");

        // then: two events, no false blank line between CR and LF
        assertThat(events).containsExactly(event("message", "eins\nzwei", ""), event("message", "drei", ""));
    }

    @Test
    void should_end_lines_at_cr_alone() {
        assertThat(parse("event: token\rdata: {\"text\":\"Hallo\"}\r\r", "data: zwei\r", "\r"))
                .containsExactly(event("token", "{\"text\":\"Hallo\"}", ""), event("message", "zwei", ""));
    }

    @Test
    void should_end_lines_at_lf_alone_and_split_anywhere() {
        assertThat(parse("da", "ta: Kunden", "beratung\n", "\n"))
                .containsExactly(event("message", "Kundenberatung", ""));
    }

    @Test
    void should_join_data_lines_with_line_feeds_and_keep_spaces_after_the_first() {
        assertThat(parse("data: Zeile 1\ndata:Zeile 2\ndata:  eingerückt\ndata\n\n"))
                .containsExactly(event("message", "Zeile 1\nZeile 2\n eingerückt\n", ""));
    }

    @Test
    void should_ignore_comments_and_unknown_fields() {
        assertThat(parse(": keep-alive\n\n", ":\ndata: a\nretry: 3000\nfoo: bar\n: noch ein Kommentar\n\n"))
                .containsExactly(event("message", "a", ""));
    }

    @Test
    void should_name_events_and_keep_the_last_id_across_events() {
        // when: the type holds for one event only, the id until another replaces it; an id with NULL is ignored
        List<Map<String, String>> events = parse(
                "event: sources\nid: 7\ndata: {}\n\n",
                "data: ohne Namen\n\n",
                "event: done\nid: 8\u0000\ndata: fertig\n\n");

        // then
        assertThat(events).containsExactly(event("sources", "{}", "7"), event("message", "ohne Namen", "7"),
                event("done", "fertig", "7"));
    }

    @Test
    void should_not_dispatch_an_event_without_data() {
        assertThat(parse("event: ping\n\n", "id: 3\n\n", "data: x\n\n")).containsExactly(event("message", "x", "3"));
    }

    @Test
    void should_discard_a_final_event_without_its_blank_line() {
        // a stream cut off before the blank line must not look complete (the standard discards the pending event)
        assertThat(parse("data: ganz\n\n", "event: done\ndata: {\"answer\":\"halb\"}\n"))
                .containsExactly(event("message", "ganz", ""));
        assertThat(parse("data: ganz\r\n\r\n", "data: ohne Zeilenende")).containsExactly(event("message", "ganz", ""));
    }

    @Test
    void should_read_a_whole_response_body_through_the_decoder() {
        // given: a body whose CR LF and a two-byte umlaut are split between network chunks
        @SuppressWarnings("unchecked")
        List<List<Object>> events = (List<List<Object>>) page.evaluate("""
                async () => {
                  const { readEvents } = await import('/widget/transport.js');
                  const bytes = new TextEncoder().encode('event: token\\r\\ndata: {"text":"Bär"}\\r\\n\\r\\nevent: done\\r\\ndata: {}\\r\\n\\r\\n');
                  const cuts = [13, 30, 31, bytes.length - 1];
                  const body = new ReadableStream({ start(c) {
                    let at = 0;
                    for (const cut of [...cuts, bytes.length]) { c.enqueue(bytes.slice(at, cut)); at = cut; }
                    c.close();
                  } });
                  const events = [];
                  await readEvents(body, (type, data) => events.push([type, data]));
                  return events;
                }""");

        // then
        assertThat(events).containsExactly(List.of("token", Map.of("text", "Bär")), List.of("done", Map.of()));
    }
}
