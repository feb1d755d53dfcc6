package de.studienlotse.web;

import io.swagger.v3.oas.models.info.Info;
import java.security.Principal;
import org.reactivestreams.Publisher;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * The front matter of {@code /v3/api-docs}: what the service answers and the one naming convention of every endpoint.
 * {@code ApiConventionTests} holds the endpoints to it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfiguration {

    static final String TITLE = "Studienlotse";

    static final String DESCRIPTION = """
            Fragen und Antworten zur Studie „Best Practices – Einführung von KI-Anwendungen in KMU“ (Zentrum Zukunft \
            der Arbeitswelt, Studie 02, Mai 2025): Suche, Chat mit Belegen, Fälle, Beratungsbriefe, Feedback und \
            Evaluation.

            **Namenskonvention.** Alle Feldnamen in Anfragen und Antworten und alle Query-Parameter sind englisch und \
            in camelCase: `passageId`, `caseId`, `section`, `label`, `citations`, `createdAt`. Ausnahme sind die \
            Begriffe der Studie selbst, für die kein englisches Wort treffend ist: `taetigkeit`, `branche`, \
            `anwendung`, auch als Teil eines Namens (`byTaetigkeit`). Werte bleiben, wie die Studie sie schreibt: \
            Abschnitts-Ids (`erfolgsfaktoren`), Tätigkeiten (`Buchhaltung`), Fall-Ids (`B4`). Fehler sind Problem \
            Details nach RFC 9457 mit deutscher Meldung in `detail`. Ein JSON-Inhalt mit einem Feld, das der \
            Endpunkt nicht kennt, wird mit 400 abgelehnt; `detail` nennt das Feld.""";

    @Bean
    OpenApiCustomizer apiDescription() {
        return openApi -> {
            Info info = openApi.getInfo() == null ? new Info().version("1") : openApi.getInfo();
            openApi.info(info.title(TITLE).description(DESCRIPTION));
        };
    }

    /**
     * springdoc leaves out a {@code Principal} argument but documents a {@code Mono<Principal>} as a query parameter
     * "principal": it is the login, not something a caller sends.
     */
    @Bean
    OperationCustomizer noPrincipalParameter() {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    ResolvableType type = ResolvableType.forMethodParameter(parameter);
                    if (Publisher.class.isAssignableFrom(type.toClass())
                            && Principal.class.isAssignableFrom(type.getGeneric(0).toClass())) {
                        operation.getParameters().removeIf(p -> p.getName().equals(parameter.getParameterName()));
                    }
                }
            }
            return operation;
        };
    }
}
