package de.studienlotse.corpus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the brochure text comes from.
 *
 * @param location a Spring resource location; the jar carries the brochure, so the default needs no working directory
 */
@ConfigurationProperties("studienlotse.corpus")
public record CorpusProperties(@DefaultValue("classpath:corpus/studie-02-best-practices-ki-kmu.txt") String location) {
}
