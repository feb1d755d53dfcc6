package de.studienlotse.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The word lists and tab-separated tables that search and answer read from the class path ({@code concepts/},
 * {@code answer/}): UTF-8, blank lines and lines starting with {@code #} skipped, a table's first line its header.
 * A missing resource or a malformed row stops the start with the resource and the line named.
 */
public final class ResourceLists {

    private ResourceLists() {
    }

    /** The lines that are neither blank nor a comment, as written. */
    public static List<String> lines(String resource) {
        try (InputStream in = ResourceLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data rows (after the header row), tab-separated, at least {@code columns} columns. */
    public static List<String[]> rows(String resource, int columns) {
        return rows(resource, row -> row.length >= columns, columns + " columns");
    }

    /**
     * Data rows (after the header row), tab-separated, each one {@code valid}; else fails with "expected
     * {@code expected}" and the line.
     */
    public static List<String[]> rows(String resource, Predicate<String[]> valid, String expected) {
        List<String> lines = lines(resource);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split("\t");
            if (!valid.test(row)) {
                throw new IllegalStateException(resource + ": expected " + expected + ": " + line);
            }
            rows.add(row);
        }
        return rows;
    }
}
