package de.studienlotse.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, headless, driven by Playwright for Java; one per test class. Playwright must not download
 * a browser of its own (nothing can be downloaded here), hence the variable and the executable path. Without chromium
 * the browser tests are skipped on a developer's machine and fail in CI ({@code CI} set), where {@code .ci/run}
 * installs it.
 */
public final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("studienlotse.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    public final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** @param hostsOnLoopback made-up host names that resolve to 127.0.0.1, to stand in for customers' websites */
    public static Chromium launch(String... hostsOnLoopback) {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = EXECUTABLE + " is missing: apt-get install -y chromium (.ci/run does this)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        List<String> args = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"));
        if (hostsOnLoopback.length > 0) {
            args.add("--host-resolver-rules=" + String.join(", ",
                    java.util.Arrays.stream(hostsOnLoopback).map(h -> "MAP " + h + " 127.0.0.1").toList()));
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE).setArgs(args));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
