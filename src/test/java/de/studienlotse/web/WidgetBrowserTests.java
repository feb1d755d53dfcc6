package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat widget in a real browser against the running service (offline answers): the demo page as a customer embeds
 * it, streaming, citation chips and the cited passage, feedback, copying, the conversation across a reload, keyboard
 * use, HTML in questions, answers and sources shown as text, themes, 360 px. Writes the README's screenshots to
 * {@code target/widget-screenshots/}; with {@code -Dwidget.screenshots=docs} also to {@code docs/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studienlotse.web.rate-limit.requests=1000")
class WidgetBrowserTests extends BrowserTest {

    static final String QUESTION = "Welche Tipps gibt das Logistikunternehmen?";

    /** The feedback the team sees: read back through the evaluators' export (dev login of the default profile). */
    List<Map<String, Object>> stored(String messageId) {
        List<Map<String, Object>> all = org.springframework.web.reactive.function.client.WebClient.create(url(""))
                .get().uri("/api/feedback/export.json").headers(h -> h.setBasicAuth("evaluator", "studienlotse-dev"))
                .retrieve().bodyToMono(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .block();
        return all.stream().filter(f -> messageId.equals(f.get("messageId"))).toList();
    }

    @Autowired
    JsonMapper json;

    WidgetPage widget;

    @Override
    protected void openContext(Browser.NewContextOptions options) {
        super.openContext(options);
        widget = new WidgetPage(page);
    }

    @Test
    void should_show_an_offline_answer_in_one_to_three_pieces_with_citation_chips_on_the_demo_page() {
        // given
        page.navigate(url("/demo/einbettung.html"));
        widget.open();
        page.evaluate("""
                () => {
                  // every version of the answer's text the widget puts into the page, in order
                  window.__renders = [];
                  const log = document.querySelector('studienlotse-chat').shadowRoot.querySelector('.log');
                  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
                    if (n.nodeType === 1 && n.classList.contains('md')) window.__renders.push(n.textContent.length);
                  }))).observe(log, { childList: true, subtree: true });
                }""");

        // when
        widget.ask(QUESTION);
        Locator answer = widget.awaitAnswer("done");

        // then: an offline answer is already composed, so it comes in one to three token events, each version on
        // screen longer than the one before (never re-rendered word by word)
        assertThat(Integer.parseInt(answer.getAttribute("data-token-events"))).isBetween(1, 3);
        @SuppressWarnings("unchecked")
        List<Number> renders = (List<Number>) page.evaluate("() => window.__renders");
        List<Integer> lengths = renders.stream().map(Number::intValue).distinct().toList();
        assertThat(lengths).isNotEmpty().hasSizeLessThanOrEqualTo(3).isSorted();
        // and each chip opens exactly the passage the service cites with that number
        Map<Integer, String> cited = citedPassages(QUESTION);
        Locator chips = answer.locator(".chip");
        expect(chips.first()).isVisible();
        assertThat(chips.count()).isEqualTo(cited.size());
        for (int i = 0; i < chips.count(); i++) {
            int n = Integer.parseInt(chips.nth(i).getAttribute("data-n"));
            assertThat(chips.nth(i).getAttribute("data-passage-id")).as("chip %d", n).isEqualTo(cited.get(n));
            expect(chips.nth(i)).hasText(n + "B5");
        }
        expect(answer.locator(".md li strong").first()).isVisible(); // Markdown, rendered
        expect(page.locator("studienlotse-chat header h2")).hasText("Fragen zur KI-Studie"); // data-title of the tag
        screenshot("widget-desktop.png");
    }

    @Test
    void should_keep_host_styles_out_of_the_widget_and_widget_styles_out_of_the_host() {
        // given: the demo page sets html { font-size: 10px }, button { background: #ffd400 !important; … }, …
        page.navigate(url("/demo/einbettung.html"));
        widget.open();

        // when
        @SuppressWarnings("unchecked")
        Map<String, Object> styles = (Map<String, Object>) page.evaluate("""
                () => {
                  const root = document.querySelector('studienlotse-chat').shadowRoot;
                  const css = (el) => getComputedStyle(el);
                  const send = css(root.querySelector('button.send'));
                  const hostParagraph = css(document.querySelector('p.msg.assistant.chip'));
                  return {
                    sendFont: send.fontFamily, sendBackground: send.backgroundColor, sendTransform: send.textTransform,
                    inputFontSize: css(root.querySelector('textarea')).fontSize,
                    rootFontSize: css(root.querySelector('.root')).fontSize,
                    hostParagraphBackground: hostParagraph.backgroundColor, hostParagraphRadius: hostParagraph.borderTopLeftRadius,
                    hostButtonBackground: css(document.querySelector('.kachel button')).backgroundColor,
                  };
                }""");

        // then
        assertThat((String) styles.get("sendFont")).doesNotContain("Courier");
        assertThat(styles.get("sendBackground")).isEqualTo("rgb(122, 31, 43)"); // data-accent="#7a1f2b"
        assertThat(styles.get("sendTransform")).isEqualTo("none");
        assertThat(styles.get("inputFontSize")).isEqualTo("15px");
        assertThat(styles.get("rootFontSize")).isEqualTo("15px");
        assertThat(styles.get("hostParagraphBackground")).isEqualTo("rgba(0, 0, 0, 0)");
        assertThat(styles.get("hostParagraphRadius")).isEqualTo("0px");
        assertThat(styles.get("hostButtonBackground")).isEqualTo("rgb(255, 212, 0)");
    }

    @Test
    void should_open_the_cited_passage_and_the_whole_case() {
        // given
        Locator chip = answerOnDemoPage(QUESTION).locator(".chip").first();
        String passageId = chip.getAttribute("data-passage-id");
        Map<String, Object> passage = getJson("/api/passages/" + passageId);

        // when
        chip.click();

        // then
        Locator source = widget.sourceView();
        expect(source).isVisible();
        expect(source).hasAttribute("data-loaded", "true");
        expect(source.locator("h3")).hasText("Quelle 1");
        // and a link straight to the passage on the advisors' case page
        expect(source.locator("a.case-page")).hasAttribute("href",
                java.util.regex.Pattern.compile(".*/berater/faelle/B5#" + passageId.replace(".", "\\.") + "$"));
        expect(source.locator("blockquote.passage")).hasText((String) passage.get("text"));
        expect(source.locator(".meta").first()).hasText("Fall B5 · Buchhaltung · Logistik");
        expect(source.locator(".application")).hasText((String) passage.get("anwendung"));
        expect(source.locator(".where")).containsText((String) passage.get("sectionTitle"));
        expect(source.locator(".where")).containsText((String) passage.get("label"));
        assertThat(widget.focused()).startsWith("h3").contains("Quelle 1");

        // when: the whole case
        source.locator("button.whole-case").click();

        // then: all its sections, the cited passage marked
        expect(source.locator(".case h4").first()).containsText("Fall B5");
        assertThat(source.locator(".case h4").count()).isGreaterThan(5);
        expect(source.locator(".case mark")).containsText((String) passage.get("text"));

        // when: back
        page.keyboard().press("Escape");

        // then: focus returns to the chip
        expect(source).isHidden();
        assertThat(widget.focused()).startsWith("button.chip").contains("Quelle 1");
    }

    @Test
    void should_send_a_rating_with_reasons_and_comment_and_let_the_user_change_it() {
        // given
        Locator answer = answerOnDemoPage(QUESTION);
        String messageId = answer.getAttribute("data-message-id");

        // when: thumbs down
        Response first = page.waitForResponse(r -> r.url().endsWith("/api/feedback"), () -> answer.locator("button.down").click());

        // then: stored with a snapshot of the answer
        assertThat(first.status()).isEqualTo(200);
        assertThat(stored(messageId)).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("rating", "down").containsEntry("question", QUESTION);
            assertThat((String) f.get("clientId")).isNotBlank();
            assertThat((List<?>) f.get("citations")).isNotEmpty();
        });
        String client = (String) stored(messageId).getFirst().get("clientId");
        expect(answer.locator("button.down")).hasAttribute("aria-pressed", "true");

        // when: a reason and a comment
        answer.locator("input[value='Quelle passt nicht']").check();
        answer.locator("textarea.comment").fill("Das Zitat passt nicht zur Frage.");
        page.waitForResponse(r -> r.url().endsWith("/api/feedback"), () -> answer.locator("button.send-feedback").click());

        // then: the same rating, now with reason and comment (one rating per message and client)
        assertThat(stored(messageId)).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("rating", "down").containsEntry("clientId", client)
                .containsEntry("reasons", List.of("Quelle passt nicht")).containsEntry("comment", "Das Zitat passt nicht zur Frage."));
        expect(answer.locator(".actions")).containsText("Danke für Ihre Rückmeldung!");

        // when: changed to thumbs up
        page.waitForResponse(r -> r.url().endsWith("/api/feedback"), () -> answer.locator("button.up").click());

        // then: the same message and client, the new rating
        assertThat(stored(messageId)).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("rating", "up").containsEntry("clientId", client));
        expect(answer.locator("button.up")).hasAttribute("aria-pressed", "true");
        expect(answer.locator("button.down")).hasAttribute("aria-pressed", "false");
    }

    @Test
    void should_show_html_in_a_question_as_text_and_run_nothing() {
        // given
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.navigate(url("/demo/einbettung.html"));
        String attack = "Was tun gegen <img src=x onerror=alert(1)> in der Buchhaltung?";

        // when
        widget.open().ask(attack);
        widget.awaitAnswer("done");

        // then
        expect(widget.questions().last()).hasText(attack);
        assertThat(elementsThatRunScript()).isZero();
        assertThat(dialogs).isEmpty();
    }

    @Test
    void should_show_html_in_answers_and_sources_as_text_and_drop_script_links() {
        // given: a stream whose answer and source carry markup (the real service quotes the study only)
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        String answerText = "Antwort mit <img src=x onerror=alert(5)> und <script>alert(6)</script> [1], "
                + "[ein Link](javascript:alert(7)) und **fett**.";
        Map<String, Object> citation = Map.of("n", 1, "passageId", "B5.tipps.1", "caseId", "B5", "taetigkeit", "Buchhaltung",
                "branche", "Logistik", "anwendung", "<svg onload=alert(8)>", "section", "tipps",
                "label", "<b onmouseover=alert(9)>Etikett</b>", "quote", "<img src=x onerror=alert(2)><script>alert(3)</script>");
        String stream = sse("sources", Map.of("conversationId", "c1", "messageId", "m1", "sources", List.of(citation)))
                + sse("token", Map.of("text", answerText.substring(0, 30)))
                + sse("token", Map.of("text", answerText.substring(30)))
                + sse("done", Map.of("conversationId", "c1", "messageId", "m1", "answer", answerText, "citations", List.of(citation),
                "abstained", false, "uncited", false, "backend", "test", "suggestions", List.of("<img src=x onerror=alert(10)>")));
        page.route("**/api/chat/stream", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/event-stream").setBody(stream)));
        page.route("**/api/passages/**", Route::abort); // the citation's own quote stays
        page.navigate(url("/demo/einbettung.html"));

        // when
        widget.open().ask("Eine Frage");
        Locator answer = widget.awaitAnswer("done");

        // then: markup is text, Markdown still works, the javascript: link lost its target
        expect(answer.locator(".md")).containsText("<img src=x onerror=alert(5)>");
        expect(answer.locator(".md")).containsText("<script>alert(6)</script>");
        expect(answer.locator(".md strong")).hasText("fett");
        assertThat(answer.locator(".md a").getAttribute("href")).isNull();
        expect(answer.locator(".follow .suggestion")).hasText("<img src=x onerror=alert(10)>");
        answer.locator(".chip").click();
        expect(widget.sourceView().locator("blockquote.passage")).hasText("<img src=x onerror=alert(2)><script>alert(3)</script>");
        expect(widget.sourceView().locator(".application")).hasText("<svg onload=alert(8)>");
        assertThat(elementsThatRunScript()).isZero();
        assertThat(dialogs).isEmpty();
    }

    @Test
    void should_offer_no_rating_for_an_answer_the_service_could_not_store() {
        // given: a done event that says the answer was not stored in time (the database was away)
        String answerText = "Die Studie nennt Datenqualität [1].";
        Map<String, Object> citation = Map.of("n", 1, "passageId", "B5.tipps.1", "caseId", "B5", "taetigkeit", "Buchhaltung",
                "branche", "Logistik", "anwendung", "KI", "section", "tipps", "label", "Daten", "quote", "Datenqualität");
        String stream = sse("sources", Map.of("conversationId", "c1", "messageId", "m1", "sources", List.of(citation)))
                + sse("token", Map.of("text", answerText))
                + sse("done", Map.of("conversationId", "c1", "messageId", "m1", "answer", answerText, "citations",
                List.of(citation), "abstained", false, "uncited", false, "backend", "test", "suggestions", List.of(),
                "notice", "Diese Antwort lässt sich nicht bewerten.", "rateable", false));
        page.route("**/api/chat/stream", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/event-stream").setBody(stream)));
        page.navigate(url("/demo/einbettung.html"));

        // when
        widget.open().ask("Eine Frage");
        Locator answer = widget.awaitAnswer("done");

        // then: copying stays, rating buttons are gone, the notice says why
        expect(answer.locator(".actions button.copy")).isVisible();
        assertThat(answer.locator(".actions button.up").count()).isZero();
        assertThat(answer.locator(".actions button.down").count()).isZero();
        expect(answer.locator(".note.warn")).containsText("nicht bewerten");
    }

    @Test
    void should_be_usable_with_the_keyboard_alone() {
        // given
        page.navigate(url("/demo/einbettung.html"));

        // when: Tab through the host page to the launcher
        for (int i = 0; i < 40 && !widget.focused().startsWith("button.launcher"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(widget.focused()).startsWith("button.launcher");
        page.keyboard().press("Enter");

        // then: the panel is open and the question field has focus
        expect(widget.panel()).isVisible();
        assertThat(widget.focused()).startsWith("textarea");

        // when: ask, then go back from the field to a citation chip
        page.keyboard().type(QUESTION);
        page.keyboard().press("Enter");
        widget.awaitAnswer("done");
        for (int i = 0; i < 30 && !widget.focused().startsWith("button.chip"); i++) {
            page.keyboard().press("Shift+Tab");
        }
        String chip = widget.focused();
        assertThat(chip).startsWith("button.chip");
        page.keyboard().press("Enter");

        // then: the source opens with focus on its heading; Tab stays inside; Escape returns to the chip
        expect(widget.sourceView()).isVisible();
        assertThat(widget.focused()).startsWith("h3");
        page.keyboard().press("Tab");
        assertThat(widget.focused()).startsWith("button.back");
        page.keyboard().press("Escape");
        expect(widget.sourceView()).isHidden();
        assertThat(widget.focused()).isEqualTo(chip);

        // when: rate by keyboard, with a reason
        for (int i = 0; i < 10 && !widget.focused().startsWith("button.down"); i++) {
            page.keyboard().press("Tab");
        }
        page.waitForResponse(r -> r.url().endsWith("/api/feedback"), () -> page.keyboard().press("Enter"));
        assertThat(widget.focused()).startsWith("input");
        page.keyboard().press("Space");
        page.waitForResponse(r -> r.url().endsWith("/api/feedback"), () -> {
            for (int i = 0; i < 10 && !widget.focused().startsWith("button.send-feedback"); i++) {
                page.keyboard().press("Tab");
            }
            page.keyboard().press("Enter");
        });
        String messageId = widget.awaitAnswer("done").getAttribute("data-message-id");
        assertThat(stored(messageId)).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("rating", "down").containsEntry("reasons", List.of("falsch")));

        // when: Escape closes the panel
        page.keyboard().press("Escape");

        // then: focus is back on the launcher
        expect(widget.panel()).isHidden();
        assertThat(widget.focused()).startsWith("button.launcher");
    }

    @Test
    void should_keep_the_conversation_across_a_reload_and_start_a_new_one() {
        // given
        int chips = answerOnDemoPage(QUESTION).locator(".chip").count();

        // when
        page.reload();

        // then: open, same question, same answer with its chips
        expect(widget.panel()).isVisible();
        expect(widget.questions()).hasText(new String[] {QUESTION});
        expect(widget.lastAnswer().locator(".chip")).hasCount(chips);

        // when: a follow-up after the reload
        Request sent = page.waitForRequest(r -> r.url().endsWith("/api/chat/stream"),
                () -> widget.ask("Und wie lange hat das gedauert?"));
        widget.awaitAnswer("done");

        // then: only the conversation's id went with it (the server keeps the turns), and the answer is about the same case
        Map<String, Object> body = json.readValue(sent.postData(), Map.class);
        assertThat(body.get("conversationId")).isNotNull();
        assertThat(body).doesNotContainKey("history");
        expect(widget.lastAnswer().locator(".chip").first()).containsText("B5");

        // when: a new conversation
        page.locator("studienlotse-chat button.new").click();

        // then: empty, starters shown, focus in the field; still empty after a reload
        expect(widget.questions()).hasCount(0);
        expect(page.locator("studienlotse-chat .starters .suggestion").first()).isVisible();
        assertThat(widget.focused()).startsWith("textarea");
        page.reload();
        expect(page.locator("studienlotse-chat .starters .suggestion").first()).isVisible();
        expect(widget.questions()).hasCount(0);
    }

    @Test
    void should_answer_a_starter_question_and_offer_follow_ups_from_the_cited_case() {
        // given
        page.navigate(url("/demo/einbettung.html"));
        widget.open();
        Locator starter = page.locator("studienlotse-chat .starters .suggestion").first();
        String question = starter.textContent();

        // when
        starter.click();
        widget.awaitAnswer("done");
        Locator first = widget.answers().first();

        // then
        expect(widget.questions().last()).hasText(question);
        assertThat(widget.focused()).startsWith("textarea");
        Locator followUps = first.locator(".follow .suggestion");
        expect(followUps.first()).isVisible();
        String caseId = first.locator(".chip small").allTextContents().stream().filter(s -> s.matches("[BKP]\\d")).findFirst().orElseThrow();

        // when: the first follow-up
        String followUp = followUps.first().textContent();
        followUps.first().click();
        Locator second = widget.awaitAnswer("done");

        // then: answered, about that case, and the earlier suggestions are gone
        expect(widget.questions().last()).hasText(followUp);
        assertThat(second.locator(".chip small").allTextContents()).contains(caseId);
        expect(first.locator(".follow")).hasCount(0);
    }

    @Test
    void should_copy_an_answer_with_its_sources() {
        // given
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Locator answer = answerOnDemoPage(QUESTION);

        // when
        answer.locator("button.copy").click();

        // then
        expect(answer.locator("button.copy")).containsText("Kopiert");
        String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
        assertThat(copied).contains("[1]").contains("\n\nQuelle:\n[1] B5 · Logistik, Tipps");
        assertThat(copied).as("plain text, no Markdown emphasis").doesNotContain("**");
    }

    @Test
    void should_list_the_cited_sources_under_an_answer_and_open_one_without_leaving_the_conversation() {
        // given
        Locator answer = answerOnDemoPage(QUESTION);

        // then: one entry per cited passage, in marker order, with where it comes from and its first words
        Locator entries = answer.locator("ol.sources li");
        Map<Integer, String> cited = citedPassages(QUESTION);
        assertThat(entries.count()).isEqualTo(cited.size());
        for (int i = 0; i < entries.count(); i++) {
            expect(entries.nth(i).locator("button.source")).hasAttribute("data-n", String.valueOf(i + 1));
            expect(entries.nth(i)).containsText("[" + (i + 1) + "] ");
            expect(entries.nth(i).locator(".first")).not().isEmpty();
        }
        expect(entries.first()).containsText("B5");

        // when
        entries.first().locator("button.source").click();
        // then the first cited passage opens, and back in the chat the question and answer are still there
        Locator source = widget.sourceView();
        expect(source).isVisible();
        expect(source.locator("h3")).hasText("Quelle 1");
        page.keyboard().press("Escape");
        expect(source).isHidden();
        expect(widget.questions().last()).hasText(QUESTION);
        assertThat(widget.focused()).startsWith("button.source");
    }

    @Test
    void should_show_the_suggestions_of_an_abstention_once() {
        // given
        Locator answer = answerOnDemoPage("Wie backe ich ein Dinkelbrot?");

        // then the text says what the study does not cover, and the suggestions are buttons only
        Locator buttons = answer.locator(".follow button.suggestion");
        assertThat(buttons.count()).isGreaterThan(0);
        String text = answer.locator(".md").textContent();
        for (String suggestion : buttons.allTextContents()) {
            assertThat(text).doesNotContain(suggestion);
        }
    }

    @Test
    void should_be_usable_at_360_px() {
        // given
        openContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
        page.navigate(url("/demo/einbettung.html"));

        // when
        widget.launcher().tap();
        widget.ask(QUESTION);
        widget.awaitAnswer("done");

        // then: the panel fills the screen (the demo page itself is a pixel too wide, as real pages often are),
        // nothing in it scrolls sideways, the field and buttons are on screen
        var box = widget.panel().boundingBox();
        assertThat(box.x).isZero();
        assertThat(box.width).isBetween(360.0, 361.0);
        assertThat((Boolean) page.evaluate("""
                () => { const log = document.querySelector('studienlotse-chat').shadowRoot.querySelector('.log');
                        return log.scrollWidth <= log.clientWidth; }""")).isTrue();
        expect(widget.input()).isInViewport();
        expect(page.locator("studienlotse-chat button.send")).isInViewport();
        expect(page.locator("studienlotse-chat button.close")).isInViewport();
        widget.lastAnswer().locator(".chip").first().scrollIntoViewIfNeeded();
        screenshot("widget-mobile.png");

        // when: a chip, tapped
        widget.lastAnswer().locator(".chip").first().tap();

        // then: the source fits as well
        expect(widget.sourceView()).hasAttribute("data-loaded", "true");
        assertThat(widget.sourceView().boundingBox().width).isBetween(360.0, 361.0);
    }

    @Test
    void should_follow_theme_attributes_and_keep_aa_contrast_with_a_light_accent() {
        // given: the custom element placed directly, in English, with a pale accent that fails on white
        page.navigate(url("/demo/einbettung.html"));
        page.evaluate("""
                () => {
                  document.querySelector('studienlotse-chat').remove();
                  const chat = document.createElement('studienlotse-chat');
                  Object.assign(chat.dataset, { accent: '#ffd400', lang: 'en', position: 'bottom-left', title: 'Ask the study' });
                  chat.style.setProperty('--studienlotse-font', 'Georgia, serif');
                  document.body.append(chat);
                }""");

        // when
        widget.open();

        // then
        expect(page.locator("studienlotse-chat header h2")).hasText("Ask the study");
        expect(page.locator("studienlotse-chat button.send")).hasText("Send");
        expect(page.locator("studienlotse-chat .starters p")).hasText("For example:");
        assertThat(widget.launcher().boundingBox().x).isLessThan(100);
        assertThat((String) page.evaluate("() => getComputedStyle(document.querySelector('studienlotse-chat').shadowRoot.querySelector('.root')).fontFamily"))
                .startsWith("Georgia");
        assertThat(contrasts("header h2", "button.send", "button.launcher", ".starters .suggestion", ".starters p", ".footer", ".intro p"))
                .allSatisfy((selector, ratio) -> assertThat(ratio).as(selector).isGreaterThanOrEqualTo(4.5));
    }

    @Test
    void should_keep_aa_contrast_with_the_default_and_the_demo_accent() {
        page.navigate(url("/"));
        expect(widget.panel()).isVisible(); // the full-page chat is open without a launcher
        expect(widget.launcher()).hasCount(0);
        assertThat(contrasts("header h2", "header p", "button.send", ".starters .suggestion", ".footer", ".intro p"))
                .allSatisfy((selector, ratio) -> assertThat(ratio).as(selector).isGreaterThanOrEqualTo(4.5));

        answerOnDemoPage(QUESTION);
        assertThat(contrasts("header h2", ".msg.user", ".msg.assistant .md li", ".chip", ".actions button.copy",
                ".follow p", ".follow .suggestion", "textarea", ".footer"))
                .allSatisfy((selector, ratio) -> assertThat(ratio).as(selector).isGreaterThanOrEqualTo(4.5));
    }

    // ------------------------------------------------------------------ helpers

    /** WCAG contrast ratio of text to the first opaque background behind it, per selector in the widget. */
    @SuppressWarnings("unchecked")
    Map<String, Double> contrasts(String... selectors) {
        Map<String, Object> raw = (Map<String, Object>) page.evaluate("""
                (selectors) => {
                  const root = document.querySelector('studienlotse-chat').shadowRoot;
                  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
                  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                  const background = (el) => {
                    for (let n = el; n; n = n.parentElement || (n.getRootNode().host ?? null)) {
                      const c = rgb(getComputedStyle(n).backgroundColor);
                      if (c.length < 4 || c[3] > 0.9) return c.slice(0, 3);
                    }
                    return [255, 255, 255];
                  };
                  const out = {};
                  for (const s of selectors) {
                    const el = root.querySelector(s);
                    if (!el) { out[s] = 0; continue; }
                    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))].sort((x, y) => y - x);
                    out[s] = (a + 0.05) / (b + 0.05);
                  }
                  return out;
                }""", selectors);
        Map<String, Double> ratios = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> ratios.put(k, ((Number) v).doubleValue()));
        assertThat(ratios).hasSize(selectors.length);
        return ratios;
    }

    /** Elements in the page or the widget that could run script: img, script, svg, iframe, on* attributes. */
    int elementsThatRunScript() {
        return ((Number) page.evaluate("""
                () => {
                  const root = document.querySelector('studienlotse-chat').shadowRoot;
                  const risky = (scope) => [...scope.querySelectorAll('img, script:not([src]), iframe, object, embed, svg *[onload]')].length
                    + [...scope.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length;
                  return risky(root) + risky(document);
                }""")).intValue();
    }

    /** n → passage id as the service itself cites for this question. */
    Map<Integer, String> citedPassages(String question) {
        var response = page.request().post(url("/api/chat"), com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData(Map.of("message", question)));
        assertThat(response.status()).isEqualTo(200);
        Map<?, ?> body = json.readValue(response.text(), Map.class);
        Map<Integer, String> cited = new java.util.TreeMap<>();
        for (Object c : (List<?>) body.get("citations")) {
            Map<?, ?> citation = (Map<?, ?>) c;
            cited.put(((Number) citation.get("n")).intValue(), (String) citation.get("passageId"));
        }
        assertThat(cited).isNotEmpty();
        return cited;
    }

    /** The demo page, the widget opened, {@code question} asked and its answer finished. */
    Locator answerOnDemoPage(String question) {
        page.navigate(url("/demo/einbettung.html"));
        widget.open().ask(question);
        return widget.awaitAnswer("done");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> getJson(String path) {
        var response = page.request().get(url(path));
        assertThat(response.status()).isEqualTo(200);
        return json.readValue(response.text(), Map.class);
    }

    String sse(String event, Object data) {
        return "event:" + event + "\ndata:" + json.writeValueAsString(data) + "\n\n";
    }

    void screenshot(String name) {
        WidgetScreenshots.save(page, name);
    }

}
