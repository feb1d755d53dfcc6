package de.studienlotse.evaluation;

import java.util.List;

/** A retrieval set-up under evaluation: the best {@code k} hits for a question typed alone, best first. */
interface RankedSearch {

    List<Hit> search(String question, int k);
}
