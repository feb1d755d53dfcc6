package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTests {

    @Test
    void should_write_a_german_problem_without_instance_where_the_request_was_unreadable() {
        String problem = new String(Problems.json(JsonMapper.builder().build(), HttpStatus.URI_TOO_LONG,
                "Die Adresse der Anfrage ist zu lang.", null), StandardCharsets.UTF_8);

        assertThat(problem).isEqualTo("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":414,"
                .formatted(ProblemDetailsAdvice.germanTitle(HttpStatus.URI_TOO_LONG))
                + "\"detail\":\"Die Adresse der Anfrage ist zu lang.\"}");
    }

    @Test
    void should_be_the_only_hand_made_problem_detail() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Problems.java"))
                    .filter(f -> read(f).contains("\"about:blank\"")).toList();
        }
        assertThat(offenders).as("problem details built by hand instead of web.Problems").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
