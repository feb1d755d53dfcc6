package de.studienlotse.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last check of a model's answer while it streams, after {@link CitationFilter}: whatever a question, a history
 * or a quoted "passage" told the model, the text that reaches the reader carries only statements with a valid
 * citation, and no link, no HTML and no piece of the prompts.
 * <p>
 * Text is released up to the latest marker of its paragraph or list item (a sentence without a marker of its own is
 * cited by the next one there, as {@link Grounding} reads it); what follows the last marker when the paragraph ends is
 * dropped, and so is every sentence of a released stretch that holds a link, a tag or a code fence. From a sentence
 * with six words in a row of the prompts on, all of the answer is dropped: a model that quotes its instructions
 * quotes them in pieces, and the pieces that follow are not to be trusted. Not thread-safe: one per answer.
 */
final class AnswerGuard {

    /** Words in a row that make a sentence a quotation of the prompts. */
    static final int PROMPT_SHINGLE = 6;

    private static final Pattern MARKER = Pattern.compile(CitationMarkers.UNGROUPED);
    private static final Pattern LINK = Pattern.compile(
            "(?i)(?:\\b(?:https?|ftp|file|javascript|data|mailto):|\\bwww\\.|]\\(|\\b[\\w-]+\\.(?:de|com|org|net|io|eu|info|ai|ly|me|app|dev)\\b)");
    private static final Pattern HTML = Pattern.compile("<\\s*[/!?]?\\s*[a-zA-Z]|&(?:lt|gt|#\\d+|#x[0-9a-fA-F]+);");
    /** Punctuation that closes the sentence of a marker already released ("gering [1]" + "."). */
    private static final Pattern CLOSING = Pattern.compile("^[.!?,;:)\"”»*]+");
    private static final Pattern ONLY_CLOSING = Pattern.compile("[.!?,;:)\"”»*]+");
    /** A sentence ends at . ! ? (with closing quotes and emphasis) before white space. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"“”»)*]*(?=\\s)");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(?:\\b\\p{L}|\\b\\d+|\\b(?:bzw|ca|inkl|evtl|ggf|usw|etc|vgl|nr|sog|zzgl|bspw|max|min|mind))$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Set<String> promptShingles;
    private final StringBuilder pending = new StringBuilder();
    private int uncited;
    private int links;
    private int html;
    private int prompt;
    /** Whether the last sentence looked at was dropped: then its closing punctuation goes too. */
    private boolean lastDropped;
    /** Once the model has quoted its prompt, nothing after that is trusted: the rest of the answer goes. */
    private boolean promptLeaked;
    private int code;

    /** @param prompts the texts the model was given besides the sources and question, never to be repeated */
    AnswerGuard(List<String> prompts) {
        this(promptShingles(prompts, List.of()));
    }

    private AnswerGuard(Set<String> promptShingles) {
        this.promptShingles = promptShingles;
    }

    /**
     * What of {@code prompts} must not come back, as word runs: all but those the study itself holds (its title is in
     * the system prompt, and an answer may well quote it). Computed once, shared by the guards of all answers.
     */
    static Set<String> promptShingles(List<String> prompts, List<String> study) {
        Set<String> shingles = new HashSet<>();
        for (String text : prompts) shingles.addAll(shingles(text));
        for (String text : study) shingles.removeAll(shingles(text));
        return Set.copyOf(shingles);
    }

    /** A guard for one answer against these word runs of the prompts. */
    static AnswerGuard against(Set<String> promptShingles) {
        return new AnswerGuard(promptShingles);
    }

    /** Text that is safe to release now; may be empty while a statement waits for its marker. */
    String accept(String delta) {
        pending.append(delta);
        StringBuilder out = new StringBuilder();
        for (int newline = pending.indexOf("\n"); newline >= 0; newline = pending.indexOf("\n")) {
            out.append(unitEnd(pending.substring(0, newline))).append('\n');
            pending.delete(0, newline + 1);
            lastDropped = false;
        }
        int lastMarker = lastMarkerEnd(pending);
        if (lastMarker > 0) {
            out.append(clean(pending.substring(0, lastMarker)));
            pending.delete(0, lastMarker);
        }
        return out.toString();
    }

    /** Whatever may still be released at the end of the answer, or when the model broke off. */
    String flush() {
        String rest = unitEnd(pending.toString());
        pending.setLength(0);
        return rest;
    }

    /** Whether any text was dropped so far. */
    boolean droppedAny() {
        return uncited + links + html + prompt + code > 0;
    }

    /** What was dropped, for the log. */
    String summary() {
        return "uncited %d, link %d, HTML %d, code %d, prompt %d".formatted(uncited, links, html, code, prompt);
    }

    /** A paragraph or list item ends: its text up to the last marker stays, an uncited rest goes. */
    private String unitEnd(String unit) {
        int lastMarker = lastMarkerEnd(new StringBuilder(unit));
        String cited = unit.substring(0, Math.max(lastMarker, 0));
        String rest = unit.substring(Math.max(lastMarker, 0));
        Matcher closing = CLOSING.matcher(rest);
        String kept = closing.find() ? closing.group() : "";
        if (!rest.substring(kept.length()).isBlank()) uncited++;
        // the closing punctuation stays if it ends a sentence that stayed, released already or now
        String released = clean(cited);
        return released + (lastDropped ? "" : kept);
    }

    /** {@code text} without its sentences that hold a link, HTML or a piece of the prompts. */
    private String clean(String text) {
        if (text.isEmpty()) return text;
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences(text)) {
            if (promptLeaked) {
                if (!sentence.isBlank()) prompt++;
                lastDropped = true;
                continue;
            }
            if (ONLY_CLOSING.matcher(sentence.strip()).matches()) {
                // the full stop of the sentence before: it shares that sentence's fate
                if (!lastDropped) out.append(sentence);
                continue;
            }
            lastDropped = true;
            if (LINK.matcher(sentence).find()) {
                links++;
            } else if (HTML.matcher(sentence).find()) {
                html++;
            } else if (sentence.contains("```")) {
                code++;
            } else if (quotesPrompt(sentence)) {
                prompt++;
                promptLeaked = true;
            } else {
                out.append(sentence);
                lastDropped = false;
            }
        }
        return out.toString();
    }

    /** {@code text} cut before the white space that starts each sentence; together they are {@code text}. */
    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            // "z. B." and "ca." end no sentence; a digit before the full stop is a list number or a date
            String before = text.substring(start, end.start());
            if (ABBREVIATION.matcher(before).find()) continue;
            sentences.add(text.substring(start, end.end()));
            start = end.end();
        }
        sentences.add(text.substring(start));
        return sentences;
    }

    private boolean quotesPrompt(String sentence) {
        if (promptShingles.isEmpty()) return false;
        for (String shingle : shingles(sentence)) {
            if (promptShingles.contains(shingle)) return true;
        }
        return false;
    }

    private static Set<String> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) words.add(word.group());
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + PROMPT_SHINGLE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + PROMPT_SHINGLE)));
        }
        return shingles;
    }

    private static int lastMarkerEnd(CharSequence text) {
        Matcher marker = MARKER.matcher(text);
        int end = -1;
        while (marker.find()) end = marker.end();
        return end;
    }
}
