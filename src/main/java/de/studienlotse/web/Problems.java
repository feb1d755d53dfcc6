package de.studienlotse.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of problem details outside controllers: web filters, security's refusals and the Netty edge limits,
 * where no controller advice reaches; the same shape and German titles as {@link ProblemDetailsAdvice}.
 */
final class Problems {

    private Problems() {
    }

    static Mono<Void> write(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json(json, status, detail, exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.just(body));
    }

    /** The problem as UTF-8 JSON; {@code instance} may be null where the request could not be read. */
    static byte[] json(JsonMapper json, HttpStatus status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", ProblemDetailsAdvice.germanTitle(status));
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) problem.put("instance", instance);
        return json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }
}
