package de.studienlotse.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** The chat widget on a page, as a user sees it; Playwright's CSS locators reach into its open shadow root. */
final class WidgetPage {

    static final double ANSWER_TIMEOUT_MS = 15_000;

    final Page page;

    WidgetPage(Page page) {
        this.page = page;
    }

    Locator chat() {
        return page.locator("studienlotse-chat");
    }

    Locator launcher() {
        return page.locator("studienlotse-chat .launcher");
    }

    Locator panel() {
        return page.locator("studienlotse-chat .panel");
    }

    Locator input() {
        return page.locator("studienlotse-chat textarea#input");
    }

    Locator answers() {
        return page.locator("studienlotse-chat article.msg.assistant");
    }

    Locator lastAnswer() {
        return answers().last();
    }

    Locator questions() {
        return page.locator("studienlotse-chat .msg.user .text");
    }

    Locator sourceView() {
        return page.locator("studienlotse-chat .sourceview");
    }

    WidgetPage open() {
        launcher().click();
        assertThat(panel()).isVisible();
        return this;
    }

    WidgetPage ask(String question) {
        input().fill(question);
        input().press("Enter");
        return this;
    }

    /** Waits until the last answer has reached {@code state}: done, stopped or error. */
    Locator awaitAnswer(String state) {
        assertThat(lastAnswer()).hasAttribute("data-state", state,
                new LocatorAssertions.HasAttributeOptions().setTimeout(ANSWER_TIMEOUT_MS));
        return lastAnswer();
    }

    /** The focused element, looked up through shadow roots: "tag.class|accessible text". */
    String focused() {
        return (String) page.evaluate("""
                () => {
                  let a = document.activeElement;
                  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
                  if (!a) return null;
                  const label = a.getAttribute('aria-label') || a.textContent || a.getAttribute('placeholder') || '';
                  return a.tagName.toLowerCase() + '.' + [...a.classList].join('.') + '|' + label.trim().slice(0, 80);
                }""");
    }
}
