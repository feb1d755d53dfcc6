package de.studienlotse.search;

import de.studienlotse.corpus.Study;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the passage index once at start-up from the parsed study; closed on shutdown. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    PassageIndex passageIndex(Study study, SearchProperties properties) {
        return PassageIndex.create(study, properties);
    }
}
