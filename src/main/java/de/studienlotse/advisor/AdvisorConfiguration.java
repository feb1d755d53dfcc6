package de.studienlotse.advisor;

import de.studienlotse.llm.ConfiguredModel;
import de.studienlotse.llm.ModelStream;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The advisor feature's read-only models, built once at start-up from the study. */
@Configuration(proxyBeanMethods = false)
class AdvisorConfiguration {

    static final String MAPPING = "advisor/kategorien.tsv";

    @Bean
    CategoryMapping categoryMapping(Study study) {
        return CategoryMapping.parse(read(MAPPING), study);
    }

    @Bean
    StudyAggregates studyAggregates(Study study, CategoryMapping mapping) {
        return StudyAggregates.compute(study, mapping);
    }

    @Bean
    ConcernMatcher concernMatcher(Study study, PassageIndex index, CategoryMapping mapping) {
        return new ConcernMatcher(study, index, mapping);
    }

    @Bean
    BriefAssembler briefAssembler(Study study, PassageIndex index, CategoryMapping mapping, ConcernMatcher concerns,
                                  StudyAggregates aggregates) {
        return new BriefAssembler(study, index, mapping, concerns, aggregates);
    }

    @Bean
    BriefSummarizer briefSummarizer(ConfiguredModel model, ModelStream stream,
                                    @Value("${studienlotse.prompts.location:classpath:prompts/}") String promptLocation) {
        return new BriefSummarizer(model, stream, promptLocation);
    }

    static String read(String classpathLocation) {
        try {
            return new ClassPathResource(classpathLocation).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(classpathLocation + " missing from the class path", e);
        }
    }
}
