package de.studienlotse.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link RunReport} as {@code <name>.json} and {@code <name>.md}. */
final class ReportFiles {

    /** The committed reference: the offline backend, no judge. */
    static final String REFERENCE = "reference";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportFiles() {
    }

    /** {@code reference} for the offline backend without judge; otherwise the backend, e.g. {@code ollama-llama3.1}. */
    static String name(RunReport report) {
        boolean reference = report.setup().backend().equals("extractive") && report.setup().judge().equals("off");
        return reference ? REFERENCE : report.setup().backend().replaceAll("[^A-Za-z0-9.-]+", "-");
    }

    static String json(RunReport report) {
        return JSON.writeValueAsString(report) + "\n";
    }

    static List<Path> write(RunReport report, Path directory, String name) {
        Path json = directory.resolve(name + ".json");
        Path md = directory.resolve(name + ".md");
        try {
            Files.createDirectories(directory);
            Files.writeString(json, json(report));
            Files.writeString(md, MarkdownReport.render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory, e);
        }
        return List.of(json, md);
    }
}
