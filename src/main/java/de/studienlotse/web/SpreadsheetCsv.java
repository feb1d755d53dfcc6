package de.studienlotse.web;

import java.util.Arrays;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The one CSV format of the exports (feedback, evaluators' ratings), written by Jackson's CSV module: UTF-8 with
 * byte-order mark and ";" between fields, which is what Excel in a German locale opens without an import dialog;
 * records end in CRLF; a field is quoted only where it must be (";", '"', a line break), as RFC 4180 does it.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe: comments
 * and questions come from the public (OWASP, "CSV Injection").
 */
public final class SpreadsheetCsv {

    public static final String BOM = "\uFEFF";
    public static final String LINE_END = "\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final ObjectWriter WRITER = CsvMapper.builder()
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .build()
            .writer(CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator(""));

    private SpreadsheetCsv() {
    }

    /**
     * One record, without its line end. Strings are guarded against formulas; other values (counts, scores) are
     * written as they print; null is an empty field.
     */
    public static String row(Object... values) {
        String[] fields = Arrays.stream(values)
                .map(v -> v == null ? "" : v instanceof String text ? guard(text) : String.valueOf(v))
                .toArray(String[]::new);
        return WRITER.writeValueAsString(fields);
    }

    static String guard(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
