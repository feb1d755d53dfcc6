package de.studienlotse.web;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The widget's screenshots: always to {@code target/widget-screenshots/}, and with {@code -Dwidget.screenshots=docs}
 * also to {@code docs/}, where the README shows them.
 */
final class WidgetScreenshots {

    private WidgetScreenshots() {
    }

    static void save(Page page, String name) {
        try {
            Path target = Path.of("target", "widget-screenshots", name);
            Files.createDirectories(target.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(target));
            String docs = System.getProperty("widget.screenshots");
            if (docs != null && !docs.isBlank()) {
                Files.createDirectories(Path.of(docs));
                Files.copy(target, Path.of(docs, name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
