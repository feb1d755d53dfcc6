package de.studienlotse.advisor;

import de.studienlotse.corpus.Study;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The advisor pages: static HTML under {@code static/berater/}, filled by small scripts from the JSON APIs. Clean
 * addresses ({@code /berater/faelle/B4#B4.erfolgsfaktoren.2}) map to the pages here; the scripts read the case id from
 * the path and scroll to the passage the fragment names.
 */
@Configuration(proxyBeanMethods = false)
class AdvisorPages {

    @Bean
    RouterFunction<ServerResponse> advisorPageRoutes(Study study) {
        return RouterFunctions.route()
                .GET("/berater", request -> page("index.html"))
                .GET("/berater/", request -> page("index.html"))
                .GET("/berater/faelle/{id}", request -> study.caseById(request.pathVariable("id")).isPresent()
                        ? page("fall.html")
                        : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Den Fall „%s“ gibt es nicht. Gültig sind B1–B7, K1–K7 und P1–P4.".formatted(request.pathVariable("id")))))
                .GET("/berater/vergleich", request -> page("vergleich.html"))
                .GET("/berater/auswertung", request -> page("auswertung.html"))
                .GET("/berater/studie", request -> page("studie.html"))
                .GET("/berater/briefing", request -> page("briefing.html"))
                .build();
    }

    private static Mono<ServerResponse> page(String name) {
        Resource html = new ClassPathResource("static/berater/" + name);
        return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).bodyValue(html);
    }
}
