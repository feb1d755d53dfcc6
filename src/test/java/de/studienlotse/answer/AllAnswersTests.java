package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties every offline answer must have, checked on every question of the evaluation sets (gold, development and
 * blind): the answers are only inspected for their form, never tuned to a question.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllAnswersTests {

    /** "2 | 2 | 0 | Datenschutz …": a row of the study's count tables as the parser reads it. */
    private static final Pattern RAW_TABLE_ROW = Pattern.compile("\\d+\\s*\\|\\s*\\d+\\s*\\|\\s*\\d+");
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    @Autowired
    AnswerService answers;

    List<String> questions;
    List<Answer> answered;

    @BeforeAll
    void answerAll() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        questions = new ArrayList<>();
        for (String set : List.of("questions", "dev-questions", "blind-questions")) {
            try (Stream<String> lines = Files.lines(Path.of("evaluation", set + ".jsonl"))) {
                lines.filter(l -> !l.isBlank()).forEach(l -> questions.add(json.readTree(l).path("question").asString()));
            }
        }
        answered = questions.stream().map(q -> answers.answer(AnswerRequest.of(q)).block()).toList();
    }

    @Test
    void should_print_no_raw_table_row() {
        assertThat(questions).hasSizeGreaterThan(400);
        for (int i = 0; i < answered.size(); i++) {
            assertThat(RAW_TABLE_ROW.matcher(answered.get(i).text()).find()).as(questions.get(i)).isFalse();
        }
    }

    @Test
    void should_number_markers_in_ascending_order_of_first_use() {
        for (int i = 0; i < answered.size(); i++) {
            Answer answer = answered.get(i);
            List<Integer> firstUses = new ArrayList<>();
            Matcher m = MARKER.matcher(answer.text());
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (!firstUses.contains(n)) firstUses.add(n);
            }
            List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, firstUses.size()).boxed().toList();
            assertThat(firstUses).as(questions.get(i)).isEqualTo(expected);
            assertThat(answer.citations()).extracting(Citation::n).as(questions.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void should_place_each_statement_at_its_offsets() {
        for (int i = 0; i < answered.size(); i++) {
            Answer answer = answered.get(i);
            assertThat(answer.statements()).as(questions.get(i)).allSatisfy(s ->
                    assertThat(answer.text().substring(s.start(), s.end())).isEqualTo(s.text()));
        }
    }
}
