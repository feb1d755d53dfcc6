package de.studienlotse.search;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Section;
import de.studienlotse.corpus.Study;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dense vectors of every passage, for the optional hybrid search ({@link EmbeddingProperties}): computed once through
 * the embedding model and cached on disk, the file named by the model and a hash of the embedded texts, so a changed
 * corpus or model never reads stale vectors. A model that cannot be reached leaves the search lexical, with a warning.
 * Immutable after loading, thread-safe.
 */
public final class PassageEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(PassageEmbeddings.class);
    private static final int FORMAT = 1;
    private static final PassageEmbeddings NONE = new PassageEmbeddings(null, "none", Map.of());

    private final EmbeddingModel model;
    private final String modelName;
    /** Unit vectors by passage id: the cosine is then a dot product. */
    private final Map<String, float[]> vectors;

    private PassageEmbeddings(EmbeddingModel model, String modelName, Map<String, float[]> vectors) {
        this.model = model;
        this.modelName = modelName;
        this.vectors = vectors;
    }

    /** Lexical search only. */
    public static PassageEmbeddings none() {
        return NONE;
    }

    /**
     * The study's passage vectors from {@code cacheDir}, or computed in batches of {@code batchSize} and written there.
     *
     * @param modelName provider and model, e.g. {@code ollama:nomic-embed-text}: part of the cache key
     * @return {@link #none()} when the model fails: the service starts, lexical only
     */
    public static PassageEmbeddings load(Study study, EmbeddingModel model, String modelName, Path cacheDir,
                                         int batchSize) {
        Map<String, String> texts = texts(study);
        String hash = hash(modelName, texts);
        Path file = cacheDir.resolve("passages-" + modelName.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + hash.substring(0, 16) + ".vec");
        Optional<Map<String, float[]>> cached = read(file, hash, texts.keySet().size());
        if (cached.isPresent()) {
            log.info("Passage vectors of {} read from {}", modelName, file);
            return new PassageEmbeddings(model, modelName, cached.get());
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<Map.Entry<String, String>> entries = List.copyOf(texts.entrySet());
        try {
            for (int from = 0; from < entries.size(); from += batchSize) {
                List<Map.Entry<String, String>> batch = entries.subList(from, Math.min(entries.size(), from + batchSize));
                List<Embedding> embedded = model.embedAll(batch.stream().map(e -> TextSegment.from(e.getValue())).toList())
                        .content();
                if (embedded.size() != batch.size()) {
                    throw new IllegalStateException("asked for " + batch.size() + " vectors, got " + embedded.size());
                }
                for (int i = 0; i < batch.size(); i++) {
                    vectors.put(batch.get(i).getKey(), unit(embedded.get(i).vector()));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Embedding model {} failed on the passages, searching lexically only: {}", modelName, e.toString());
            return NONE;
        }
        write(file, hash, vectors);
        log.info("Passage vectors of {} computed for {} passages, cached in {}", modelName, vectors.size(), file);
        return new PassageEmbeddings(model, modelName, Map.copyOf(vectors));
    }

    public boolean enabled() {
        return model != null;
    }

    /**
     * The cosine of the query to every passage, by passage id; empty (with a warning) when the model does not answer,
     * so the search goes on lexically.
     */
    Optional<Map<String, Float>> similarities(String query) {
        if (model == null || query.isBlank()) {
            return Optional.empty();
        }
        float[] q;
        try {
            q = unit(model.embed(query).content().vector());
        } catch (RuntimeException e) {
            log.warn("Embedding model {} failed on a question, searching lexically only: {}", modelName, e.toString());
            return Optional.empty();
        }
        Map<String, Float> cosines = new LinkedHashMap<>();
        vectors.forEach((id, v) -> {
            if (v.length == q.length) {
                float dot = 0;
                for (int i = 0; i < q.length; i++) dot += q[i] * v[i];
                cosines.put(id, dot);
            }
        });
        return Optional.of(cosines);
    }

    /**
     * What is embedded of a passage: where it stands (case, its title, Branche and Tätigkeit, the section), as the
     * index also searches those fields, and its labelled text.
     */
    static Map<String, String> texts(Study study) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (CaseStudy c : study.cases()) {
            String where = "Fall " + c.id() + ": " + c.application() + " (" + (c.branche() == null ? "" : c.branche() + ", ")
                    + c.activity().label() + ")";
            for (Section section : c.sections()) {
                for (Passage p : section.passages()) {
                    texts.put(p.id(), where + "\n" + section.title() + "\n" + p.labelled());
                }
            }
        }
        for (Section section : study.studySections()) {
            for (Passage p : section.passages()) {
                texts.put(p.id(), "Studie\n" + section.title() + "\n" + p.labelled());
            }
        }
        return texts;
    }

    private static String hash(String modelName, Map<String, String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(modelName.getBytes(StandardCharsets.UTF_8));
            texts.forEach((id, text) -> digest.update(("\n" + id + "\t" + text).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float x : vector) norm += x * x;
        float[] unit = vector.clone();
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < unit.length; i++) unit[i] *= scale;
        }
        return unit;
    }

    /** The cached vectors if the file is there and was written for this very hash. */
    private static Optional<Map<String, float[]>> read(Path file, String hash, int count) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != FORMAT || !data.readUTF().equals(hash) || data.readInt() != count) {
                return Optional.empty();
            }
            int dimensions = data.readInt();
            Map<String, float[]> vectors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String id = data.readUTF();
                float[] v = new float[dimensions];
                for (int d = 0; d < dimensions; d++) v[d] = data.readFloat();
                vectors.put(id, v);
            }
            return Optional.of(Map.copyOf(vectors));
        } catch (IOException e) {
            log.warn("Ignoring unreadable vector cache {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Written beside and moved into place, so a crash mid-write leaves no half file to be read. */
    private static void write(Path file, String hash, Map<String, float[]> vectors) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            try (OutputStream out = Files.newOutputStream(partial); DataOutputStream data = new DataOutputStream(
                    new java.io.BufferedOutputStream(out))) {
                data.writeInt(FORMAT);
                data.writeUTF(hash);
                data.writeInt(vectors.size());
                List<float[]> all = new ArrayList<>(vectors.values());
                data.writeInt(all.isEmpty() ? 0 : all.getFirst().length);
                for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                    data.writeUTF(entry.getKey());
                    for (float x : entry.getValue()) data.writeFloat(x);
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the vectors are in memory; only the next start pays for them again
            log.warn("Cannot cache passage vectors in {}: {}", file, e.toString());
        }
    }
}
