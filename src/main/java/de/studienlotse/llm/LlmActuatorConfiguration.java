package de.studienlotse.llm;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an operator sees of the language model through the actuator: {@code /actuator/info} names provider, base URL,
 * model and limits (never the key); the health contributor {@code llm} says whether the model answers.
 */
@Configuration(proxyBeanMethods = false)
class LlmActuatorConfiguration {

    @Bean
    InfoContributor llmInfoContributor(LlmProperties properties) {
        return builder -> {
            Map<String, Object> llm = new LinkedHashMap<>();
            llm.put("provider", properties.provider().id());
            if (properties.provider() != LlmProperties.Provider.EXTRACTIVE) {
                llm.put("baseUrl", properties.displayBaseUrl());
                llm.put("model", properties.model());
                llm.put("apiKey", properties.hasApiKey() ? "set" : "none");
                llm.put("firstTokenTimeout", properties.firstTokenTimeout().toString());
                llm.put("idleTimeout", properties.idleTimeout().toString());
                llm.put("timeout", properties.timeout().toString());
                llm.put("rewriteTimeout", properties.rewriteTimeout().toString());
            }
            builder.withDetail("llm", llm);
        };
    }

    @Bean
    LlmHealthIndicator llmHealthIndicator(LlmProperties properties) {
        return new LlmHealthIndicator(properties);
    }
}
