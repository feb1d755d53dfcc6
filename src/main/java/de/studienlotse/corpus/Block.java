package de.studienlotse.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A paragraph of the brochure: a run of non-blank lines, trailing blanks stripped. Both readers take the text block by
 * block and decide from its first line what it is.
 */
record Block(List<String> lines) {

    Block {
        lines = List.copyOf(lines);
    }

    /** Splits at blank lines and at {@code separator} lines (layout), which are dropped here, once. */
    static List<Block> split(String text, Predicate<String> separator) {
        List<Block> blocks = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            if (raw.isBlank() || separator.test(raw)) {
                if (!block.isEmpty()) {
                    blocks.add(new Block(block));
                    block = new ArrayList<>();
                }
                continue;
            }
            block.add(raw.stripTrailing());
        }
        if (!block.isEmpty()) {
            blocks.add(new Block(block));
        }
        return blocks;
    }

    String first() {
        return lines.getFirst();
    }

    String last() {
        return lines.getLast();
    }

    int size() {
        return lines.size();
    }

    /** The lines after the first (a heading's body); empty for a one-line block. */
    Block rest() {
        return new Block(lines.subList(1, lines.size()));
    }

    /** The cleaned lines joined by spaces: a paragraph's text. */
    String joined() {
        return String.join(" ", lines.stream().map(BrochureParser::clean).toList()).strip();
    }
}
