package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's panel in Chromium against the running service (offline answers): a follow-up says what it was read
 * with and can be asked fresh, the operator's contact, the wider panel, the header at 400 px and no sideways scrolling
 * at 360 px. Also takes the README's screenshots of a broad and of a "which cases" answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studienlotse.web.rate-limit.requests=1000")
class WidgetPanelBrowserTests {

    static final String CONTACT = "ki-beratung@hgk-musterstadt.example";

    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    BrowserContext context;
    Page page;
    WidgetPage widget;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void newPage() {
        openContext(1280, 800);
    }

    void openContext(int width, int height) {
        if (context != null) context.close();
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(width, height);
        if (width <= 480) options.setIsMobile(true).setHasTouch(true);
        context = chromium.browser.newContext(options);
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        widget = new WidgetPage(page);
    }

    @AfterEach
    void closeContext() {
        context.close();
        context = null;
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    @Nested
    class FollowUps {

        @Test
        void should_show_a_follow_up_as_such_and_ask_it_fresh_on_request_and_answer_a_topic_change_fresh() {
            // given
            page.navigate(url("/demo/einbettung.html"));
            widget.open().ask("Welche Tipps gibt das Logistikunternehmen?");
            expect(widget.awaitAnswer("done").locator(".followup-of")).hasCount(0);

            // when: a question that refers back
            widget.ask("Und wie lange hat das gedauert?");
            Locator followUp = widget.awaitAnswer("done");

            // then: it says what it was read with, and which case it kept
            Locator line = followUp.locator(".followup-of");
            expect(line).containsText("Als Folgefrage zu „Welche Tipps gibt das Logistikunternehmen?“ beantwortet (B5)");
            Locator askFresh = line.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Als neue Frage stellen"));
            expect(askFresh).isVisible();

            // when: asked as a new question, with the keyboard
            askFresh.focus();
            Request sent = page.waitForRequest(r -> r.url().endsWith("/api/chat/stream"), () -> page.keyboard().press("Enter"));
            Locator fresh = widget.awaitAnswer("done");

            // then: the same question went out with fresh: true, and its answer is no follow-up
            Map<?, ?> body = json.readValue(sent.postData(), Map.class);
            assertThat(body.get("message")).isEqualTo("Und wie lange hat das gedauert?");
            assertThat(body.get("fresh")).isEqualTo(true);
            expect(widget.questions().last()).hasText("Und wie lange hat das gedauert?");
            expect(fresh.locator(".followup-of")).hasCount(0);
            expect(widget.answers()).hasCount(3);

            // when: a question with a topic of its own
            widget.ask("Was ist das Fazit der Studie?");

            // then: answered fresh, no line
            expect(widget.awaitAnswer("done").locator(".followup-of")).hasCount(0);
            Map<?, ?> request = json.readValue(page.waitForRequest(r -> r.url().endsWith("/api/chat/stream"),
                    () -> widget.ask("Welche Tipps gibt es dort?")).postData(), Map.class);
            assertThat(request.containsKey("fresh")).as("a question typed in is not sent fresh").isFalse();
            widget.awaitAnswer("done");
        }
    }

    @Nested
    class Contact {

        @Test
        void should_offer_the_operators_contact_in_the_footer_and_with_every_abstention() {
            // given: the demo embed names the chamber's advisory service
            page.navigate(url("/demo/einbettung.html"));
            widget.open();

            // then: in the footer
            Locator footer = page.locator("studienlotse-chat .footer .contact");
            expect(footer).hasText("Fragen Sie eine Beraterin / einen Berater: " + CONTACT);
            expect(footer.locator("a")).hasAttribute("href", "mailto:" + CONTACT);

            // when: a question the study does not answer
            widget.ask("Wie backe ich ein Dinkelbrot?");
            Locator answer = widget.awaitAnswer("done");

            // then: the abstention offers the person to ask
            Locator offered = answer.locator(".contact");
            expect(offered).hasText("Fragen Sie eine Beraterin / einen Berater: " + CONTACT);
            expect(offered.locator("a")).hasAttribute("href", "mailto:" + CONTACT);

            // when: a question it answers
            widget.ask("Welche Tipps gibt das Logistikunternehmen?");

            // then: no contact line in the answer
            expect(widget.awaitAnswer("done").locator(".contact")).hasCount(0);
        }

        @Test
        void should_accept_only_web_and_mail_links_as_contact_and_show_nothing_without_one() {
            // given: the full page embeds the widget without data-contact
            page.navigate(url("/"));
            expect(widget.panel()).isVisible();

            // then: no contact anywhere
            expect(page.locator("studienlotse-chat .contact")).hasCount(0);

            // and each kind of value, on a widget of its own
            assertThat(contactOf("https://kammer.example/ki-beratung")).isEqualTo(
                    Map.of("href", "https://kammer.example/ki-beratung", "text", "kammer.example/ki-beratung", "target", "_blank"));
            assertThat(contactOf("http://kammer.example/")).containsEntry("href", "http://kammer.example/");
            assertThat(contactOf("beratung@kammer.example")).isEqualTo(
                    Map.of("href", "mailto:beratung@kammer.example", "text", "beratung@kammer.example", "target", ""));
            assertThat(contactOf("mailto:beratung@kammer.example")).containsEntry("href", "mailto:beratung@kammer.example");
            for (String refused : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "/kontakt", "ftp://kammer.example",
                    "kammer.example", "  ")) {
                assertThat(contactOf(refused)).as(refused).isEmpty();
            }
        }

        /** The footer's contact link of a new widget with this data-contact: href, text, target; empty for none. */
        @SuppressWarnings("unchecked")
        Map<String, String> contactOf(String value) {
            return (Map<String, String>) page.evaluate("""
                    (value) => {
                      const chat = document.createElement('studienlotse-chat');
                      chat.dataset.mode = 'launcher';
                      chat.dataset.contact = value;
                      document.body.append(chat);
                      const a = chat.shadowRoot.querySelector('.footer .contact a');
                      chat.remove();
                      return a ? { href: a.getAttribute('href'), text: a.textContent, target: a.getAttribute('target') || '' } : {};
                    }""", value);
        }
    }

    @Nested
    class Layout {

        @Test
        void should_widen_the_panel_on_desktop_with_the_keyboard_and_keep_it_wide_after_a_reload() {
            // given
            page.navigate(url("/demo/einbettung.html"));
            widget.open();
            Locator wide = page.locator("studienlotse-chat header button.wide");
            assertThat(widget.panel().boundingBox().width).isBetween(399.0, 401.0);
            expect(wide).hasAttribute("aria-pressed", "false");
            expect(wide).hasAttribute("aria-label", "Breiter anzeigen");

            // when: focused and pressed with the keyboard
            wide.focus();
            page.keyboard().press("Enter");

            // then
            expect(wide).hasAttribute("aria-pressed", "true");
            expect(wide).hasAttribute("aria-label", "Schmaler anzeigen");
            assertThat(widget.panel().boundingBox().width).isBetween(679.0, 681.0);
            assertThat(headerIsOneRow()).isTrue();

            // when: reloaded
            page.reload();

            // then: still wide; Space makes it narrow again
            expect(widget.panel()).isVisible();
            expect(wide).hasAttribute("aria-pressed", "true");
            assertThat(widget.panel().boundingBox().width).isBetween(679.0, 681.0);
            wide.focus();
            page.keyboard().press(" ");
            expect(wide).hasAttribute("aria-pressed", "false");
            assertThat(widget.panel().boundingBox().width).isBetween(399.0, 401.0);
        }

        @Test
        void should_keep_the_header_on_one_row_in_a_400_px_panel_and_on_a_400_px_screen() {
            // given: the desktop panel, 400 px wide
            page.navigate(url("/demo/einbettung.html"));
            widget.open();

            // then
            assertThat(headerIsOneRow()).isTrue();
            assertThat(headerHeight()).isLessThanOrEqualTo(64);

            // given: a phone 400 px wide
            openContext(400, 800);
            page.navigate(url("/demo/einbettung.html"));
            widget.launcher().tap();
            expect(widget.panel()).isVisible();

            // then: one row, no widen button (the panel fills the screen anyway)
            assertThat(headerIsOneRow()).isTrue();
            assertThat(headerHeight()).isLessThanOrEqualTo(56);
            expect(page.locator("studienlotse-chat header button.wide")).isHidden();
        }

        @Test
        void should_not_scroll_sideways_at_360_px() {
            // given: a phone where the panel was once widened on a desktop-sized window
            openContext(360, 740);
            page.addInitScript("localStorage.setItem('studienlotse:wide', 'true')");
            page.navigate(url("/demo/einbettung.html"));
            widget.launcher().tap();

            // when: an answer with quotes, a follow-up and an abstention with the contact
            widget.ask("Welche Unternehmen hatten Probleme mit der Datenqualität?");
            widget.awaitAnswer("done");
            widget.ask("Und wie lange hat das gedauert?");
            widget.awaitAnswer("done");
            widget.ask("Wie backe ich ein Dinkelbrot?");
            widget.awaitAnswer("done");

            // then: no part of the panel is wider than its box
            @SuppressWarnings("unchecked")
            Map<String, Object> overflow = (Map<String, Object>) page.evaluate("""
                    () => {
                      const root = document.querySelector('studienlotse-chat').shadowRoot;
                      const out = {};
                      for (const s of ['.panel', 'header', '.log', 'form.composer', '.footer']) {
                        const e = root.querySelector(s);
                        out[s] = e.scrollWidth - e.clientWidth;
                      }
                      out.wider = [...root.querySelectorAll('.log *')].filter((e) => e.getBoundingClientRect().right > 360.5).length;
                      return out;
                    }""");
            assertThat(overflow).allSatisfy((part, excess) -> assertThat(((Number) excess).intValue()).as(part).isLessThanOrEqualTo(0));
            assertThat(widget.panel().boundingBox().width).isBetween(360.0, 361.0);
            assertThat(headerIsOneRow()).isTrue();
        }

        /** Whether the header's title and buttons sit side by side in one row, none cut off at the right. */
        boolean headerIsOneRow() {
            return (Boolean) page.evaluate("""
                    () => {
                      const header = document.querySelector('studienlotse-chat').shadowRoot.querySelector('header');
                      const h = header.getBoundingClientRect();
                      const parts = [...header.children].filter((e) => e.getClientRects().length);
                      const oneRow = parts.every((e) => { const r = e.getBoundingClientRect(); return r.top >= h.top && r.bottom <= h.bottom
                        && r.top < h.top + h.height / 2 && r.bottom > h.top + h.height / 2; });
                      const title = header.querySelector('h2');
                      const oneLine = title.getBoundingClientRect().height <= parseFloat(getComputedStyle(title).lineHeight) * 1.5;
                      return oneRow && oneLine && header.scrollWidth <= header.clientWidth;
                    }""");
        }

        int headerHeight() {
            return ((Number) page.evaluate("""
                    () => document.querySelector('studienlotse-chat').shadowRoot.querySelector('header').getBoundingClientRect().height"""))
                    .intValue();
        }
    }

    @Nested
    class Screenshots {

        /** The README's two answers as the widget shows them: a broad question on desktop, a "which cases" one at 360 px. */
        @Test
        void should_show_a_broad_and_a_which_cases_answer_for_the_readme() {
            // given: the wide panel on desktop
            page.navigate(url("/demo/einbettung.html"));
            widget.open();
            page.locator("studienlotse-chat header button.wide").click();

            // when
            widget.ask("Wie haben Unternehmen KI in der Buchhaltung eingeführt?");
            Locator broad = widget.awaitAnswer("done");

            // then: an answer with quotes and its sources
            expect(broad.locator(".chip").first()).isVisible();
            expect(broad.locator("ol.sources li").first()).isVisible();
            top(broad);
            WidgetScreenshots.save(page, "widget-broad.png");
            saveAnswer("widget-broad.md", broad);

            // given: a phone
            openContext(360, 740);
            page.navigate(url("/demo/einbettung.html"));
            widget.launcher().tap();

            // when
            widget.ask("Welche Unternehmen hatten Probleme mit der Datenqualität?");
            Locator whichCases = widget.awaitAnswer("done");

            // then
            expect(whichCases.locator(".chip").first()).isVisible();
            top(whichCases);
            WidgetScreenshots.save(page, "widget-which-cases-mobile.png");
            saveAnswer("widget-which-cases.md", whichCases);
        }

        /** Scrolls the conversation so that the answer starts at the top of the panel. */
        void top(Locator answer) {
            answer.evaluate("a => a.closest('.log').scrollTop = a.offsetTop - a.closest('.log').offsetTop - 8");
        }

        /** The answer's Markdown as the service gave it, beside the screenshot, for the README. */
        void saveAnswer(String name, Locator answer) {
            String markdown = (String) page.evaluate("""
                    (id) => { const chat = document.querySelector('studienlotse-chat');
                              return chat.state.messages.find((m) => m.messageId === id).content; }""",
                    answer.getAttribute("data-message-id"));
            try {
                Path target = Path.of("target", "widget-screenshots", name);
                Files.createDirectories(target.getParent());
                Files.writeString(target, markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
