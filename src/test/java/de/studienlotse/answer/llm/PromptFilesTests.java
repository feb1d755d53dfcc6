package de.studienlotse.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptFilesTests {

    @Test
    void should_fill_every_placeholder_of_a_prompt_file() {
        // given
        PromptTemplate rewrite = PromptFiles.load("file:prompts/", "rewrite.md");

        // when
        String filled = PromptFiles.fill(rewrite, Map.of("history", "Nutzer: Wie lange dauerte B4?", "question", "Und P3?"));

        // then
        assertThat(filled).contains("Wie lange dauerte B4?").contains("Und P3?").doesNotContain("{{");
    }

    @Test
    void should_fail_on_a_placeholder_without_value() {
        PromptTemplate answer = PromptFiles.load("file:prompts/", "answer-user.md");

        assertThatThrownBy(() -> PromptFiles.fill(answer, Map.of("question", "Was half bei B4?")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sources");
    }

    @Test
    void should_fail_on_a_missing_prompt_file() {
        assertThatThrownBy(() -> PromptFiles.load("file:prompts/", "fehlt.md"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("fehlt.md");
    }
}
