package de.studienlotse.evaluation.workbench;

import de.studienlotse.evaluation.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two runs side by side: every score of every set-up, overall and per question type, with {@code b - a}. Counts
 * (questions, citations) are left out; a score missing from one run (n/a, or a set-up the other did not run) has no
 * delta.
 */
record RunComparison(String a, String b, List<Delta> deltas) {

    private static final Set<String> COUNTS = Set.of("questions", "citations", "unanswerable", "answerable", "judged");

    /**
     * @param setup  a retrieval set-up ({@code search}, {@code sources}, ...) or an answer row ({@code studienlotse})
     * @param scope  {@code overall} or a question type
     * @param metric e.g. {@code cases.recallAt5}, {@code citationPrecision}
     */
    record Delta(String setup, String scope, String metric, Double a, Double b, Double delta) {
    }

    static RunComparison of(String idA, RunReport a, String idB, RunReport b, JsonMapper json) {
        Map<String, Double> left = flatten(a, json);
        Map<String, Double> right = flatten(b, json);
        Map<String, Delta> deltas = new LinkedHashMap<>();
        for (String key : union(left, right)) {
            String[] parts = key.split("\\|", 3);
            Double x = left.get(key);
            Double y = right.get(key);
            Double delta = x == null || y == null ? null : Math.round((y - x) * 10_000) / 10_000.0;
            deltas.put(key, new Delta(parts[0], parts[1], parts[2], x, y, delta));
        }
        return new RunComparison(idA, idB, List.copyOf(deltas.values()));
    }

    private static List<String> union(Map<String, Double> left, Map<String, Double> right) {
        List<String> keys = new ArrayList<>(left.keySet());
        right.keySet().stream().filter(k -> !left.containsKey(k)).forEach(keys::add);
        return keys;
    }

    /** setup|scope|metric -> value, for the retrieval and the answer rows. */
    private static Map<String, Double> flatten(RunReport report, JsonMapper json) {
        Map<String, Double> values = new LinkedHashMap<>();
        JsonNode tree = json.valueToTree(report);
        for (String part : List.of("retrieval", "answers")) {
            for (JsonNode row : tree.path(part)) {
                String setup = row.path("id").asString();
                leaves(values, setup + "|overall|", "", row.path("overall"));
                for (var type : row.path("byType").properties()) {
                    leaves(values, setup + "|" + type.getKey() + "|", "", type.getValue());
                }
            }
        }
        return values;
    }

    private static void leaves(Map<String, Double> values, String prefix, String path, JsonNode node) {
        for (var field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                leaves(values, prefix, path + field.getKey() + ".", value);
            } else if (!COUNTS.contains(field.getKey())) {
                values.put(prefix + path + field.getKey(), value.isNumber() ? value.asDouble() : null);
            }
        }
    }
}
