package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the text of every offline answer (extractive answers and abstentions, follow-ups with their history) to every
 * question of the evaluation sets against {@code answer-snapshot.jsonl}: one JSON line per question id with the
 * SHA-256 of the answer text (the texts themselves are some 700 KB). It guards the wording that lives outside the code,
 * in {@code messages/answer_de.properties} and {@code answer_en.properties}, against a changed byte.
 *
 * <p>On a difference the test writes the actual hashes to {@code target/answer-snapshot.jsonl} and the actual texts,
 * one JSON line per question, to {@code target/answer-texts.jsonl}. To regenerate after a change meant to alter
 * answers (a merge that changes retrieval, question analysis or a text): run the test on the commit before the change
 * and on the change, diff the two {@code answer-texts.jsonl}, and when every difference is meant copy the new hashes
 * over the resource:
 * {@code ./mvnw -q -Dtest=AnswerSnapshotTests test; cp target/answer-snapshot.jsonl src/test/resources/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "studienlotse.llm.provider=extractive")
class AnswerSnapshotTests {

    static final String SNAPSHOT = "/answer-snapshot.jsonl";
    static final List<String> SETS = List.of("questions", "dev-questions", "fresh-questions", "blind-questions");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AnswerService answers;

    @Test
    void should_answer_every_evaluation_question_exactly_as_the_snapshot_records() throws IOException {
        // given
        Map<String, String> expected = hashes(resource(SNAPSHOT));

        // when
        Map<String, String> texts = answerAll();

        // then
        String actual = render(texts, false);
        if (!actual.equals(resource(SNAPSHOT))) {
            Files.writeString(Path.of("target", "answer-snapshot.jsonl"), actual);
            Files.writeString(Path.of("target", "answer-texts.jsonl"), render(texts, true));
        }
        assertThat(expected).as("snapshot %s on the test class path", SNAPSHOT).isNotEmpty();
        assertThat(texts.keySet()).containsExactlyElementsOf(expected.keySet());
        // the first changed answer in the message, not all of them
        texts.forEach((id, text) -> assertThat(sha256(text)).as("answer to %s, now:%n%s", id, text).isEqualTo(expected.get(id)));
    }

    /** Question id to answer text, in the order of the sets and their lines. */
    private Map<String, String> answerAll() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String set : SETS) {
            for (String line : Files.readAllLines(Path.of("evaluation", set + ".jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode q = JSON.readTree(line);
                List<Turn> history = new ArrayList<>();
                q.path("history").forEach(t -> history.add("assistant".equals(t.path("role").asString())
                        ? Turn.assistant(t.path("content").asString()) : Turn.user(t.path("content").asString())));
                AnswerRequest request = new AnswerRequest(q.path("question").asString(), history, null, null);
                texts.put(q.path("id").asString(), answers.answer(request).block().text());
            }
        }
        return texts;
    }

    /** One JSON line per question: its id, the SHA-256 of the answer text and, with {@code withText}, the text. */
    static String render(Map<String, String> texts, boolean withText) {
        StringBuilder out = new StringBuilder();
        texts.forEach((id, text) -> {
            ObjectNode row = JSON.createObjectNode();
            row.put("id", id);
            row.put("sha256", sha256(text));
            if (withText) {
                row.put("text", text);
            }
            out.append(JSON.writeValueAsString(row)).append('\n');
        });
        return out.toString();
    }

    private static Map<String, String> hashes(String jsonLines) {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (jsonLines != null) {
            jsonLines.lines().filter(l -> !l.isBlank()).map(JSON::readTree)
                    .forEach(row -> hashes.put(row.path("id").asString(), row.path("sha256").asString()));
        }
        return hashes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AnswerSnapshotTests.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
