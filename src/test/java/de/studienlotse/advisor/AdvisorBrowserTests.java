package de.studienlotse.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import de.studienlotse.database.TestDatabases;
import de.studienlotse.web.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The advisor pages in Debian's chromium: the explorer filters, sorts and compares; the case page jumps to a passage;
 * an advisor signs in, fills the brief form, gets a brief, edits it and downloads the PDF. With
 * {@code -Dadvisor.screenshots=docs} it also writes the README's screenshots to {@code docs/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdvisorBrowserTests {

    static Chromium chromium;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().register(registry);
        BriefApiContract.users(registry);
    }

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
        context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("de-DE"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    @Test
    void should_filter_sort_and_compare_cases_and_open_a_passage() {
        // given
        page.navigate(url("/berater"));
        expect(page.locator("table.cases tbody tr")).hasCount(18);
        screenshot("berater-explorer.png");

        // when: only Kapazitätsplanung, longest introduction first
        page.selectOption("#f-taetigkeit", "Kapazitätsplanung");
        expect(page.locator("table.cases tbody tr")).hasCount(4);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Dauer der Einführung")).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Dauer der Einführung")).click();

        // then: P3 (12 Monate) before the three with about six months
        expect(page.locator("table.cases tbody tr").first()).hasAttribute("data-case", "P3");

        // when: compare P3 and P4
        page.locator("tr[data-case=P3] input[type=checkbox]").check();
        page.locator("tr[data-case=P4] input[type=checkbox]").check();
        page.locator("#compare").click();

        // then: side by side, and each cell links to its passage on the case page
        page.waitForURL("**/berater/vergleich?ids=P3,P4");
        expect(page.locator("table.compare thead th a")).hasText(new String[] {"P3", "P4"});
        Locator tip = page.locator("tr[data-row=tipps] td").first().locator("a").first();
        String href = tip.getAttribute("href");
        assertThat(href).startsWith("/berater/faelle/P3#P3.tipps.");
        tip.click();
        page.waitForURL("**" + href);
        String passageId = href.substring(href.indexOf('#') + 1);
        expect(page.locator("[id='" + passageId + "']")).hasClass(java.util.regex.Pattern.compile("target"));
    }

    @Test
    void should_fill_the_form_get_a_brief_edit_it_and_download_the_pdf() throws IOException {
        // given: signed in as an advisor
        page.navigate(url("/berater/briefing"));
        page.waitForURL("**/login");
        page.fill("#username", BriefApiContract.ANNA);
        page.fill("#password", BriefApiContract.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/berater/briefing");

        // when: the client firm described in the form
        page.fill("#branche", "Steuerberatung");
        page.fill("#groesse", "12 Mitarbeitende");
        page.fill("#taetigkeit", "Buchhaltung");
        page.check("input[name=anliegen][value=Datenschutz]");
        page.check("input[name=anliegen][value='Akzeptanz im Team']");
        page.fill("#weitere", "Barrierefreiheit");
        page.fill("#notizen", "Chefin skeptisch, IT extern betreut");
        page.locator("#create").click();

        // then: a brief with Buchhaltung cases first, every item cited, the uncovered concern said
        Locator cases = page.locator("[data-section=faelle] [data-kind=FALL]");
        expect(cases.first()).isVisible();
        assertThat(cases.allInnerTexts()).hasSizeBetween(2, 4).allMatch(t -> t.startsWith("B"));
        expect(page.locator("[data-kind=NICHT_IN_STUDIE]")).containsText("„Barrierefreiheit“: Dazu enthält die Studie keine Angaben");
        assertThat(page.locator(".brief .item:not(.uncovered)").count())
                .isEqualTo(page.locator(".brief .item:not(.uncovered) a.chip").count());
        page.locator("#brief").scrollIntoViewIfNeeded();
        page.evaluate("window.scrollTo(0, document.getElementById('brief').getBoundingClientRect().top + window.scrollY - 8)");
        screenshot("berater-brief.png");

        // when: one success factor removed, a note added
        Locator successFactors = page.locator("[data-section=erfolgsfaktoren] .item");
        int before = successFactors.count();
        String removed = successFactors.first().getAttribute("data-item");
        successFactors.first().locator("button.remove").click();
        expect(page.locator("[data-section=erfolgsfaktoren] .item")).hasCount(before - 1);
        expect(page.locator("[data-item=" + removed + "]")).hasCount(0);
        page.fill("#note-text", "Förderprogramm des Landes ansprechen");
        page.locator("#add-note").click();
        expect(page.locator("#notes li")).containsText("Förderprogramm des Landes ansprechen");

        // then: the PDF has the edit, the citations and the attribution
        Download download = page.waitForDownload(() -> page.locator("#download-pdf").click());
        assertThat(download.suggestedFilename()).startsWith("beratungsbrief-").endsWith("-steuerberatung-buchhaltung.pdf");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Förderprogramm des Landes ansprechen").contains("Barrierefreiheit")
                    .contains("CC BY-NC-ND 4.0").contains(page.locator(".sources li a").first().innerText());
        }

        // and the saved brief lists and reopens after a reload
        page.reload();
        expect(page.locator("#saved li button")).hasCount(1);
        expect(page.locator("#notes li")).containsText("Förderprogramm des Landes ansprechen");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    /** The README's screenshots, only when asked for: {@code -Dadvisor.screenshots=docs}. */
    private void screenshot(String name) {
        String dir = System.getProperty("advisor.screenshots");
        if (dir != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name)).setFullPage(false));
        }
    }
}
