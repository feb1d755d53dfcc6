package de.studienlotse.search;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.GermanFold;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Section;
import de.studienlotse.corpus.Study;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What start-up builds from fixed inputs, kept in {@link SearchProperties#cacheDir()} for the next start: the Lucene
 * index of the passages and the analyzer's words of every thesaurus member, bridge rule and concept phrasing (the
 * 20,000 OpenThesaurus members alone are most of that analysis). A later start reads the index's files into memory and
 * the words from the file instead of analysing again; it searches exactly as a fresh build would
 * ({@code SearchCacheTests}).
 *
 * <p>The directory's name is a fingerprint ({@link #key}) of everything that decides the result: the parsed study
 * (every passage's text, label and section, every case's title, Branche and Tätigkeit), the word lists and concept
 * tables, the dictionaries ({@link GermanMorphology#fingerprint()}), the byte code of the analysis and index classes,
 * Lucene's version and the settings that change the build. Any change starts a new directory; old ones are left for
 * the operator (each about 1 MB). A directory is written under a temporary name and moved into place, so a start never
 * reads a half-written one; one that cannot be read is ignored and the index built afresh.
 */
final class SearchCache {

    private static final Logger log = LoggerFactory.getLogger(SearchCache.class);

    /** The classes whose code decides the index and the analysed words (lambdas compile into their class). */
    static final List<Class<?>> CODE = List.of(SearchCache.class, PassageIndex.class, StudyAnalyzer.class,
            CompoundPartsFilter.class, LemmaFilter.class, Tokens.class, Thesaurus.class, VocabularyBridges.class,
            StudyConcepts.class, Concept.class, ResourceLists.class, GermanFold.class);
    /** The class path files read while building. */
    static final List<String> RESOURCES = Stream.of(List.of(Thesaurus.RESOURCE), VocabularyBridges.RULE_FILES,
            List.of(VocabularyBridges.FILLER_FILE, StudyConcepts.CONCEPTS, StudyConcepts.PHRASES, StudyConcepts.TAGS))
            .flatMap(List::stream).toList();
    static final String INDEX = "index";
    static final String WORDS = "woerter.bin";
    private static final int WORDS_FORMAT = 1;

    private SearchCache() {
    }

    /** The index and whether it came from the cache (else it was built, and kept if the directory was writable). */
    record Opened(PassageIndex index, boolean kept) {
    }

    /**
     * The production set-up ({@link PassageIndex#create}) over an in-memory index, read from {@code cacheDir} when an
     * earlier start kept it under the same {@link #key}, else built and kept there.
     */
    static Opened open(Study study, SearchProperties properties, PassageEmbeddings embeddings,
                       GermanMorphology morphology, String morphologyFingerprint, Path cacheDir) {
        if (properties.indexPath() != null && !properties.indexPath().isBlank()) {
            throw new IllegalArgumentException("the cache keeps an in-memory index; index-path is set");
        }
        Path kept = cacheDir.resolve("suche-" + key(study, properties, morphologyFingerprint));
        StudyAnalyzer analyzer = new StudyAnalyzer(morphology, properties.stemming());
        if (Files.isDirectory(kept)) {
            try {
                return new Opened(read(kept, study, properties, embeddings, analyzer), true);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not read the kept search index in {}, building it afresh: {}", kept, e.toString());
            }
        }
        Map<String, List<String>> words = new LinkedHashMap<>();
        Function<String, List<String>> recording = text -> words.computeIfAbsent(text,
                t -> Tokens.heads(analyzer, t));
        PassageIndex index = build(study, properties, embeddings, analyzer, recording, new ByteBuffersDirectory(), true);
        try {
            write(kept, index.directory(), words);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep the search index in {}: {}", kept, e.toString());
        }
        return new Opened(index, false);
    }

    private static PassageIndex read(Path kept, Study study, SearchProperties properties,
                                     PassageEmbeddings embeddings, StudyAnalyzer analyzer) throws IOException {
        Map<String, List<String>> words = readWords(kept.resolve(WORDS));
        // a text the file lacks cannot occur under the same key; analysed all the same rather than failing
        Function<String, List<String>> replaying = text -> {
            List<String> known = words.get(text);
            return known != null ? known : Tokens.heads(analyzer, text);
        };
        Directory memory = new ByteBuffersDirectory();
        try (FSDirectory disk = FSDirectory.open(kept.resolve(INDEX))) {
            for (String file : disk.listAll()) {
                memory.copyFrom(disk, file, file, IOContext.READONCE);
            }
        }
        return build(study, properties, embeddings, analyzer, replaying, memory, false);
    }

    /** Bridges, thesaurus and concepts keyed with {@code heads}; the index written into {@code directory} if asked. */
    private static PassageIndex build(Study study, SearchProperties properties, PassageEmbeddings embeddings,
                                      StudyAnalyzer analyzer, Function<String, List<String>> heads,
                                      Directory directory, boolean write) {
        VocabularyBridges bridges = properties.bridges() ? VocabularyBridges.load(heads) : VocabularyBridges.none();
        Thesaurus thesaurus = properties.thesaurusWeight() > 0 ? Thesaurus.load(heads) : Thesaurus.none();
        StudyConcepts concepts = properties.conceptWeight() > 0 ? StudyConcepts.load(study, heads)
                : StudyConcepts.none();
        try {
            if (write) {
                PassageIndex.write(study, directory, analyzer, concepts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the passage index", e);
        }
        return new PassageIndex(study, properties, analyzer, bridges, thesaurus, concepts, embeddings, directory);
    }

    private static void write(Path kept, Directory index, Map<String, List<String>> words) throws IOException {
        Files.createDirectories(kept.toAbsolutePath().getParent());
        Path temporary = Files.createTempDirectory(kept.toAbsolutePath().getParent(), kept.getFileName() + "-");
        try {
            try (FSDirectory disk = FSDirectory.open(temporary.resolve(INDEX))) {
                List<String> files = List.of(index.listAll());
                for (String file : files) {
                    disk.copyFrom(index, file, file, IOContext.DEFAULT);
                }
                disk.sync(files);
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temporary.resolve(WORDS))))) {
                out.writeInt(WORDS_FORMAT);
                out.writeInt(words.size());
                for (Map.Entry<String, List<String>> entry : words.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue().size());
                    for (String word : entry.getValue()) {
                        out.writeUTF(word);
                    }
                }
            }
            Files.move(temporary, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (Files.isDirectory(kept)) {
                // another instance sharing the directory kept the same index first
                delete(temporary);
                return;
            }
            delete(temporary);
            throw e;
        }
    }

    private static Map<String, List<String>> readWords(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != WORDS_FORMAT) {
                throw new IOException("unknown format of " + file);
            }
            int size = in.readInt();
            Map<String, List<String>> words = new LinkedHashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                String text = in.readUTF();
                int count = in.readInt();
                List<String> heads = new ArrayList<>(count);
                for (int j = 0; j < count; j++) {
                    heads.add(in.readUTF());
                }
                words.put(text, List.copyOf(heads));
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes in " + file);
            }
            return words;
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not remove {}: {}", directory, e.toString());
        }
    }

    /**
     * A fingerprint of everything that decides the built index and words: any change of study, lists, dictionaries,
     * analysis code, Lucene version or build settings gives another key.
     */
    static String key(Study study, SearchProperties properties, String morphologyFingerprint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, morphologyFingerprint);
            update(sha, Version.LATEST.toString());
            update(sha, properties.stemming().name());
            update(sha, properties.bridges() + " " + (properties.thesaurusWeight() > 0) + " "
                    + (properties.conceptWeight() > 0));
            for (Class<?> type : CODE) {
                sha.update(bytes(type, "/" + type.getName().replace('.', '/') + ".class"));
            }
            for (String resource : RESOURCES) {
                sha.update(bytes(SearchCache.class, "/" + resource));
            }
            for (CaseStudy caseStudy : study.cases()) {
                update(sha, caseStudy.id());
                update(sha, caseStudy.activity().name());
                update(sha, caseStudy.activity().label());
                update(sha, caseStudy.application());
                update(sha, caseStudy.branche());
                caseStudy.sections().forEach(section -> update(sha, section));
            }
            study.studySections().forEach(section -> update(sha, section));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, Section section) {
        update(sha, section.id());
        update(sha, section.title());
        for (Passage passage : section.passages()) {
            update(sha, passage.id());
            update(sha, passage.sectionId());
            update(sha, passage.label());
            update(sha, passage.text());
        }
    }

    /** Length-prefixed, so that no two different sequences of texts hash alike; null apart from "". */
    private static void update(MessageDigest sha, String text) {
        if (text == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static byte[] bytes(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
