package de.studienlotse.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Parses the brochure once at start-up; the {@link Study} is immutable and shared by every feature. */
@Configuration(proxyBeanMethods = false)
class CorpusConfiguration {

    @Bean
    Study study(CorpusProperties properties, ResourceLoader resources) {
        Resource brochure = resources.getResource(properties.location());
        try {
            return BrochureParser.parse(brochure.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Brochure not readable at " + properties.location(), e);
        }
    }
}
