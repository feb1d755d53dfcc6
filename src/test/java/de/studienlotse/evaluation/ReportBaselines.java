package de.studienlotse.evaluation;

import de.studienlotse.corpus.Study;
import java.util.List;

/** Both baselines over the brochure, for the evaluation command and its tests (a few seconds: the embedding model reads the brochure). */
record ReportBaselines(Bm25ChunkBaseline bm25Baseline, EasyRagBaseline easyRagBaseline) implements Baselines {

    static ReportBaselines of(String brochure, Study study) {
        BrochureSpans spans = BrochureSpans.of(brochure, study);
        return new ReportBaselines(new Bm25ChunkBaseline(brochure, spans), new EasyRagBaseline(brochure, spans));
    }

    @Override
    public int bm25Chunks() {
        return bm25Baseline.size();
    }

    @Override
    public List<Hit> bm25(String question, int k) {
        return bm25Baseline.search(question, k);
    }

    @Override
    public int easyRagSegments() {
        return easyRagBaseline.size();
    }

    @Override
    public List<Hit> easyRag(String question, int k) {
        return easyRagBaseline.search(question, k);
    }

    @Override
    public List<Hit> easyRagSources(String question) {
        return easyRagBaseline.sources(question);
    }
}
