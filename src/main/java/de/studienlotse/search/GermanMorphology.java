package de.studienlotse.search;

import de.danielnaber.jwordsplitter.GermanWordSplitter;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * German lemmas and compound parts from two kept libraries: LanguageTool's Morfologik dictionary
 * ({@code de.danielnaber:german-pos-dict}, CC BY-SA 4.0) and jWordSplitter ({@code de.danielnaber:jwordsplitter},
 * BSD-2). "Ängste" → Angst, "Tipps" → Tipp, "eingeführt" → einführen; "Fachkräftemangel" → Fach, kräfte, mangel.
 *
 * <p>Words are looked up as typed, then capitalised and in lower case, since chat users write nouns in lower case;
 * "ae/oe/ue" spellings ("Kapazitaetsplanung") are tried with umlauts when the word is otherwise unknown. A compound
 * the dictionary lacks gets its lemma from its head: "Eingangsrechnungen" → Eingangsrechnung.
 *
 * <p>Thread-safe: Morfologik's lookup is not, so each thread has its own; answers are memoised (the brochure and the
 * questions repeat their words), up to {@link #MAX_MEMO} words.
 */
public final class GermanMorphology {

    static final String DICTIONARY = "/org/languagetool/resource/de/german.dict";
    /** Parts shorter than this are not emitted: "ab" in "Abteilungsleiter" would match every "ab". */
    static final int MIN_PART = 3;
    static final int MAX_MEMO = 50_000;
    /** jWordSplitter's word list: with the dictionary and this class, it decides every answer. */
    static final String SPLITTER_WORDS = "/de/danielnaber/jwordsplitter/wordsGerman.txt";
    /** jWordSplitter's own limit on one word, in characters. */
    static final int MAX_SPLIT_LENGTH = 70;

    private static final GermanMorphology NONE = new GermanMorphology(null, null);

    private final Dictionary dictionary;
    private final GermanWordSplitter splitter;
    private final ThreadLocal<DictionaryLookup> lookups;
    private final Map<String, List<String>> lemmaMemo = new ConcurrentHashMap<>();
    private final Map<String, List<String>> partsMemo = new ConcurrentHashMap<>();

    private GermanMorphology(Dictionary dictionary, GermanWordSplitter splitter) {
        this.dictionary = dictionary;
        this.splitter = splitter;
        this.lookups = dictionary == null ? null : ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    }

    /** Both libraries from the class path (about half a second to load). */
    public static GermanMorphology load() {
        URL url = GermanMorphology.class.getResource(DICTIONARY);
        if (url == null) {
            throw new IllegalStateException("missing class path resource " + DICTIONARY + " (de.danielnaber:german-pos-dict)");
        }
        try {
            return new GermanMorphology(Dictionary.read(url), new GermanWordSplitter(true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the German dictionaries", e);
        }
    }

    /**
     * Names what decides this class's answers: its own byte code, the Morfologik dictionary and jWordSplitter's word
     * list. A saved memo is read only under the same fingerprint, so a new library or code change starts afresh.
     */
    public static String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String resource : List.of("/" + GermanMorphology.class.getName().replace('.', '/') + ".class",
                    DICTIONARY, SPLITTER_WORDS)) {
                try (InputStream in = GermanMorphology.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("missing class path resource " + resource);
                    }
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the answers of an earlier start ({@link #save}): analysing the study, its word lists and the thesaurus asks
     * the dictionaries about some 30,000 words, most of start-up's work. An unreadable file is ignored.
     *
     * @return how many words were read
     */
    public int restore(Path file) {
        if (dictionary == null || !Files.isReadable(file)) {
            return 0;
        }
        try {
            int words = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 3 || lemmaMemo.size() + partsMemo.size() >= 2 * MAX_MEMO) {
                    continue;
                }
                List<String> value = fields[2].isEmpty() ? List.of() : List.of(fields[2].split("\\|"));
                (fields[0].equals("L") ? lemmaMemo : partsMemo).put(fields[1], value);
                words++;
            }
            return words;
        } catch (IOException | RuntimeException e) {
            lemmaMemo.clear();
            partsMemo.clear();
            return 0;
        }
    }

    /** Keeps what was looked up so far for the next start; written to a temporary file and moved into place. */
    public void save(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        lemmaMemo.forEach((word, lemmas) -> line(text, "L", word, lemmas));
        partsMemo.forEach((word, parts) -> line(text, "P", word, parts));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void line(StringBuilder text, String kind, String word, List<String> values) {
        boolean plain = word.indexOf('\t') < 0 && word.indexOf('\n') < 0 && word.indexOf('\r') < 0
                && values.stream().noneMatch(v -> v.indexOf('|') >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0);
        if (plain) {
            text.append(kind).append('\t').append(word).append('\t').append(String.join("|", values)).append('\n');
        }
    }

    /** No lemmas and no compounds: the analyzer then falls back to its stemmer alone (for comparisons). */
    public static GermanMorphology none() {
        return NONE;
    }

    boolean enabled() {
        return dictionary != null;
    }

    /**
     * The word's lemmas, most likely first, or none for a word neither the dictionary nor its compound head knows.
     * A capitalised word prefers noun readings ("Belege" → Beleg, not belegen), a lower-case one the others; a word
     * that is its own lemma beside another reading yields the other ("eingeführt" → einführen, not the adjective).
     */
    List<String> lemmas(String word) {
        if (dictionary == null || word.length() < 2) {
            return List.of();
        }
        return remember(lemmaMemo, word, () -> {
            List<String> lemmas = lookup(word);
            for (String respelled : respellings(word)) {
                if (!lemmas.isEmpty()) {
                    break;
                }
                lemmas = lookup(respelled);
            }
            if (lemmas.isEmpty()) {
                List<String> parts = parts(word);
                if (parts.size() > 1) {
                    String head = parts.getLast();
                    // the head of a compound noun is a noun, also when a chat user types it in lower case
                    List<String> headLemmas = lookup(capitalised(head));
                    if (!headLemmas.isEmpty()) {
                        String prefix = word.substring(0, word.length() - head.length());
                        if (!word.regionMatches(true, prefix.length(), head, 0, head.length())) {
                            prefix = String.join("", parts.subList(0, parts.size() - 1));
                        }
                        String lemma = prefix + headLemmas.getFirst().toLowerCase(Locale.GERMAN);
                        lemmas = List.of(lemma);
                    }
                }
            }
            return lemmas;
        });
    }

    /** Compound parts in order ("Rechnung", "verarbeitung"), or none when the word is not a compound. */
    List<String> parts(String word) {
        if (splitter == null || word.length() < 2 * MIN_PART || word.indexOf('-') >= 0) {
            return List.of();
        }
        return remember(partsMemo, word, () -> {
            List<String> parts = split(word);
            for (String respelled : respellings(word)) {
                if (parts.size() > 1) {
                    break;
                }
                parts = split(respelled);
            }
            if (parts.size() < 2 && (word.endsWith("n") || word.endsWith("s"))) {
                // jWordSplitter knows "Ingenieurdienstleister" but not the dative plural "Ingenieurdienstleistern"
                parts = split(word.substring(0, word.length() - 1));
            }
            return parts.size() < 2 ? List.of() : parts;
        });
    }

    /**
     * Whether German knows the word as a common word (noun, verb, adjective ...), not only as a proper name: "Keller",
     * "Startschuss" (a compound of known parts) are common words; "Sachsen", "Brüssel" (EIG readings only) and words no
     * dictionary holds ("Excel", "ROI") are not. False without a dictionary.
     */
    boolean commonWord(String word) {
        if (dictionary == null || word.length() < 2) {
            return false;
        }
        List<String> spellings = new ArrayList<>(forms(word));
        respellings(word).forEach(r -> spellings.addAll(forms(r)));
        boolean common = false;
        for (String form : spellings) {
            for (WordData data : lookups.get().lookup(form)) {
                if (data.getTag() != null && data.getTag().toString().startsWith("EIG")) {
                    // a name first: "Sachsen" is also the plural of "Sachse", "Bayern" of "Bayer"
                    return false;
                }
                common = true;
            }
        }
        if (common) {
            return true;
        }
        List<String> parts = parts(word);
        return parts.size() > 1 && commonWord(capitalised(parts.getLast()));
    }

    /**
     * Whether the word reads as a noun: the dictionary has a noun reading of it, or does not know it at all (an
     * unknown compound is almost always a noun). "kundenanfragen" is one, "zusammenarbeiten" is not.
     */
    boolean nounLike(String word) {
        DictionaryLookup lookup = lookups.get();
        boolean known = false;
        for (String form : forms(word)) {
            for (WordData data : lookup.lookup(form)) {
                known = true;
                if (data.getTag() != null && data.getTag().toString().startsWith("SUB")) {
                    return true;
                }
            }
        }
        return !known;
    }

    private List<String> split(String word) {
        if (word.length() > MAX_SPLIT_LENGTH) {
            // jWordSplitter throws on longer input; no German compound is that long ("üüü…" from a hostile search is none)
            return List.of();
        }
        List<String> parts;
        synchronized (splitter) {
            parts = splitter.splitWord(word);
        }
        return parts.stream().filter(p -> p.length() >= MIN_PART).toList();
    }

    private List<String> lookup(String word) {
        boolean capitalised = Character.isUpperCase(word.charAt(0));
        for (String form : forms(word)) {
            Readings readings = readings(form, capitalised);
            if (readings.isEmpty()) {
                continue;
            }
            if (!readings.strong().isEmpty()) {
                return ordered(readings.strong(), word);
            }
            // only adjective or participle readings ("mitarbeitende", "häufigsten"): a nominalised one is the noun
            // ("Mitarbeitende" = mitarbeitend + e), otherwise the adjective stays ("häufig", not "Häufigste")
            for (String nounForm : forms(capitalised(word.toLowerCase(Locale.GERMAN)))) {
                for (String noun : readings(nounForm, true).strong()) {
                    if (readings.weak().stream().anyMatch(adjective ->
                            noun.toLowerCase(Locale.GERMAN).equals(adjective.toLowerCase(Locale.GERMAN) + "e"))) {
                        return List.of(noun);
                    }
                }
            }
            return ordered(readings.weak(), word);
        }
        return List.of();
    }

    /** Noun or verb readings that fit the word's case, and adjective or participle readings. */
    private record Readings(List<String> strong, List<String> weak) {
        boolean isEmpty() {
            return strong.isEmpty() && weak.isEmpty();
        }
    }

    private Readings readings(String form, boolean capitalised) {
        Set<String> preferred = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        Set<String> weak = new LinkedHashSet<>();
        for (WordData data : lookups.get().lookup(form)) {
            String lemma = data.getStem().toString();
            if (lemma.indexOf(' ') >= 0) {
                continue; // "Rad fahren" is a reading of "fahren"
            }
            String tag = data.getTag() == null ? "" : data.getTag().toString();
            if (tag.startsWith("PA1") || tag.startsWith("PA2") || tag.startsWith("ADJ")) {
                weak.add(lemma);
            } else {
                (tag.startsWith("SUB") == capitalised ? preferred : others).add(lemma);
            }
        }
        List<String> strong = new ArrayList<>(preferred.isEmpty() ? others : preferred);
        return new Readings(strong, List.copyOf(weak));
    }

    /** A word that is a lemma itself ("einführen") reads as that lemma first, not as a form of another ("einfahren"). */
    private static List<String> ordered(List<String> lemmas, String word) {
        List<String> ordered = new ArrayList<>(lemmas);
        if (ordered.remove(word)) {
            ordered.addFirst(word);
        }
        return List.copyOf(ordered);
    }

    /** As typed, capitalised, lower case: "tipps" finds the noun "Tipps", "KUNDEN" finds "Kunden". */
    private static List<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        String lower = word.toLowerCase(Locale.GERMAN);
        forms.add(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        forms.add(lower);
        return List.copyOf(forms);
    }

    /** Spellings of a keyboard without umlauts or ß: "Kapazitaetsplanung", "Massnahmen", "Groesse". */
    private static List<String> respellings(String word) {
        Set<String> spellings = new LinkedHashSet<>();
        String umlauts = word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")
                .replace("Ae", "Ä").replace("Oe", "Ö").replace("Ue", "Ü");
        spellings.add(umlauts);
        spellings.add(word.replace("ss", "ß"));
        spellings.add(umlauts.replace("ss", "ß"));
        spellings.remove(word);
        return List.copyOf(spellings);
    }

    static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static List<String> remember(Map<String, List<String>> memo, String word,
                                         java.util.function.Supplier<List<String>> compute) {
        List<String> known = memo.get(word);
        if (known != null) {
            return known;
        }
        List<String> value = compute.get();
        if (memo.size() < MAX_MEMO) {
            memo.put(word, value);
        }
        return value;
    }
}
