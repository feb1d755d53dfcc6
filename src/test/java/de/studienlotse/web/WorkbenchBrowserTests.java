package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evaluators' workbench in a real browser against the running service (offline answers, 5 gold questions, no
 * baselines): log in with the development login, start a run, open it, read an answer's cited passage, rate the answer
 * with the keyboard, filter what is still unrated, and find the rating in both exports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "studienlotse.evaluation.questions=src/test/resources/evaluation/workbench-questions.jsonl",
        "studienlotse.evaluation.baselines=false"})
class WorkbenchBrowserTests {

    static Chromium chromium;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
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
        context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    @Test
    void should_log_in_open_a_run_rate_an_answer_and_find_the_rating_exported() {
        // given: the page asks for a login first, on the German login page with the cursor in the first field
        page.navigate(url("/werkbank"));
        assertThat(page.url()).endsWith("/login");
        expect(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Anmelden"))).isVisible();
        expect(page.getByLabel("Benutzername")).isFocused();
        page.keyboard().type("evaluator");
        page.getByLabel("Passwort").fill("studienlotse-dev");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
        page.waitForURL("**/werkbank.html");
        expect(page.locator("#me")).hasText("evaluator");

        // when a new run is started and has finished
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Neuer Lauf")).click();
        expect(page.locator("#status")).containsText("gestartet");
        Locator open = page.locator("#run-table tbody tr").first().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Öffnen"));
        expect(open).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        open.click();

        // then the answer shows with its citation chips; a chip opens the cited passage
        Locator question = page.locator("article[data-question=r001]");
        expect(question.locator("h3")).containsText("Wie lange hat die Einführung");
        expect(question.locator(".answer")).containsText("[1]");
        // the answer's Markdown is rendered (sanitised), not shown with its asterisks
        expect(question.locator(".answer strong").first()).isVisible();
        expect(question.locator(".answer")).not().containsText("**");
        Locator chip = question.locator(".chip").first();
        Locator passage = question.locator("blockquote").first();
        expect(passage).isHidden();
        chip.click();
        expect(passage).isVisible();
        expect(chip).hasAttribute("aria-expanded", "true");
        expect(question.locator(".facts")).containsText("B1");

        // when the evaluator rates it, with the keyboard only
        question.locator("select[name=correctness]").focus();
        page.keyboard().press("4"); // a focused select picks the option starting with the typed character
        page.keyboard().press("Tab");
        page.keyboard().press("5");
        page.keyboard().press("Tab");
        page.keyboard().press("3");
        page.keyboard().press("Tab");
        page.keyboard().type("Dauer stimmt; <b>kein HTML</b>");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");

        // then it is saved, and the filter hides it as rated
        expect(question.locator(".rating-form [role=status]")).hasText("Gespeichert.");
        page.locator("#only-unrated").check();
        expect(page.locator("article[data-question=r001]")).hasCount(0);
        expect(page.locator("article[data-question=r029]")).hasCount(1);
        expect(page.locator("#unrated-count")).containsText("4 von 5");

        // and the exports (the page's own links, with the page's login) contain it
        APIResponse csv = context.request().get(url("/api/evaluation/ratings/export.csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(";r001;evaluator;4;5;3;\"Dauer stimmt; <b>kein HTML</b>\";");
        APIResponse json = context.request().get(url("/api/evaluation/ratings/export.json"));
        assertThat(json.text()).contains("\"questionId\":\"r001\"", "\"evaluator\":\"evaluator\"", "\"correctness\":4",
                "\"comment\":\"Dauer stimmt; <b>kein HTML</b>\"");
        expect(page.locator("#exports a[href='/api/evaluation/ratings/export.csv']")).isVisible();
        expect(page.locator("#exports a[href='/api/feedback/export.json']")).isVisible();
    }

    @Test
    void should_show_each_sentence_of_an_answer_with_its_grounding_status_beside_the_rating() {
        // given: logged in, a finished run opened
        page.navigate(url("/werkbank"));
        page.getByLabel("Benutzername").fill("evaluator");
        page.getByLabel("Passwort").fill("studienlotse-dev");
        page.getByLabel("Passwort").press("Enter");
        page.waitForURL("**/werkbank.html");
        page.locator("#new-run").click();
        expect(page.locator("#status")).containsText("gestartet");
        Locator open = page.locator("#run-table tbody tr").first().locator("button:text('Öffnen')");
        expect(open).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        open.click();
        expect(page.locator("#run-info")).containsText("Lauf ");
        String runId = page.locator("#run-info").textContent().replaceFirst("^Lauf (\\S+) .*", "$1");

        // then: every question lists the sentences the service checked, with the status it found, as the API has them
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> run = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(context.request().get(url("/api/evaluation/runs/" + runId)).text(), java.util.Map.class);
        List<?> answers = (List<?>) run.get("answers");
        assertThat(answers).as("answers of run %s: %s", runId, run.keySet()).isNotEmpty();
        int checked = 0;
        for (Object item : answers) {
            java.util.Map<?, ?> answered = (java.util.Map<?, ?>) item;
            String questionId = (String) ((java.util.Map<?, ?>) answered.get("gold")).get("id");
            List<?> statements = (List<?>) answered.get("statements");
            Locator article = page.locator("article[data-question=" + questionId + "]");
            Locator shown = article.locator(".statements li");
            expect(shown).hasCount(statements.size());
            for (int i = 0; i < statements.size(); i++) {
                java.util.Map<?, ?> statement = (java.util.Map<?, ?>) statements.get(i);
                String status = (String) statement.get("status");
                expect(shown.nth(i)).hasAttribute("data-status", status);
                expect(shown.nth(i).locator(".support")).hasText(
                        java.util.Map.of("supported", "belegt", "partly", "teilweise belegt", "unsupported", "nicht belegt").get(status));
                expect(shown.nth(i).locator(".sentence")).hasText(((String) statement.get("text")).replace("**", ""));
                checked++;
            }
            // beside the rating form, in one row on a wide screen
            var list = article.locator(".statements").boundingBox();
            var form = article.locator(".rating-form").boundingBox();
            assertThat(form.x).isGreaterThan(list.x + list.width - 1);
            assertThat(Math.abs(form.y - list.y)).isLessThan(5);
        }
        assertThat(checked).as("sentences checked in the run").isPositive();
        expect(page.locator("article[data-question=r001] .statements .summary")).containsText("Aussagen:");
        Locator unsupported = page.locator(".statements li[data-status=unsupported] .support");
        if (unsupported.count() > 0) {
            expect(unsupported.first()).hasAttribute("title", "Diese Aussage ist durch die zitierten Stellen nicht belegt.");
        }
    }
}
