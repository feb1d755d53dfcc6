package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages in Debian's Chromium against the service a {@code @SpringBootTest(RANDOM_PORT)} subclass starts: one browser
 * per test class, a fresh context (and page) per test, and no script error left on the page when a test ends. A
 * subclass picks the window with {@link #contextOptions()} and may open another context mid-test with
 * {@link #openContext}. A plain JUnit subclass (no service) gets the same browser and pages; its {@link #port} stays 0.
 */
public abstract class BrowserTest {

    protected static Chromium chromium;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;
    protected final List<String> pageErrors = new CopyOnWriteArrayList<>();

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
        openContext(contextOptions());
    }

    @AfterEach
    void closeContext() {
        context.close();
        context = null;
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    /** The window of every test's first context: a desktop 1280 × 800 unless a subclass says otherwise. */
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1280, 800);
    }

    /** How long a locator waits, in milliseconds. */
    protected double defaultTimeout() {
        return 10_000;
    }

    /** Closes the current context, if any, and opens a new one with its own page. */
    protected void openContext(Browser.NewContextOptions options) {
        if (context != null) context.close();
        context = chromium.browser.newContext(options);
        context.setDefaultTimeout(defaultTimeout());
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
