package de.studienlotse.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The German login page ({@code GET /login}) and the logout confirmation ({@code GET /logout}) in place of Spring
 * Security's English default pages. Security itself still handles {@code POST /login} (form fields {@code username},
 * {@code password}) and {@code POST /logout}; both need the CSRF token rendered here into a hidden input. No script:
 * the page policy of {@link SecurityHeadersFilter} applies, focus comes from {@code autofocus}.
 */
@Hidden
@RestController
class LoginPage {

    static final String FAILED = "Benutzername oder Passwort ist falsch.";
    static final String LOGGED_OUT = "Sie sind abgemeldet.";
    /** The same line as {@code ATTRIBUTION} in {@code static/berater/berater.js}. */
    private static final String ATTRIBUTION = "„Best Practices – Einführung von KI-Anwendungen in KMU“, Zentrum Zukunft der "
            + "Arbeitswelt (ZZA), Reihe „Zukunft der Arbeitswelt“, Studie 02, Mai 2025. Die Texte der Studie stehen unter der "
            + "Lizenz CC BY-NC-ND 4.0 und werden hier unverändert zitiert, nicht kommerziell und mit Namensnennung; Auswahl, "
            + "Zuordnung und Gliederung: Studienlotse.";

    @GetMapping("/login")
    Mono<ResponseEntity<String>> login(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        String message = query.containsKey("error") ? "<p class=\"error\" role=\"alert\">" + FAILED + "</p>\n"
                : query.containsKey("logout") ? "<p class=\"notice\" role=\"status\">" + LOGGED_OUT + "</p>\n" : "";
        return html(exchange, "Anmelden", token -> """
                <h1>Anmelden</h1>
                <p class="lead">Eine Anmeldung brauchen nur Beraterinnen und Berater für Beratungsbriefe und das Team für \
                Bewertungen und die Werkbank. Fragen zur Studie stellen Sie ohne Anmeldung.</p>
                %s<form class="card login-form" method="post" action="/login">
                  <div class="field"><label for="username">Benutzername</label>
                    <input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" \
                spellcheck="false" required autofocus></div>
                  <div class="field"><label for="password">Passwort</label>
                    <input type="password" id="password" name="password" autocomplete="current-password" required></div>
                  %s
                  <button type="submit">Anmelden</button>
                </form>
                <p class="small"><a href="/">Zurück zur Startseite</a></p>
                """.formatted(message, token));
    }

    @GetMapping("/logout")
    Mono<ResponseEntity<String>> logout(ServerWebExchange exchange) {
        return html(exchange, "Abmelden", token -> """
                <h1>Abmelden</h1>
                <form class="card login-form" method="post" action="/logout">
                  <p>Möchten Sie sich abmelden?</p>
                  %s
                  <button type="submit" autofocus>Abmelden</button>
                </form>
                <p class="small"><a href="/">Zurück zur Startseite</a></p>
                """.formatted(token));
    }

    private static Mono<ResponseEntity<String>> html(ServerWebExchange exchange, String title,
                                                     Function<String, String> content) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.error(new IllegalStateException("no CSRF token: the login form needs CSRF protection"));
        }
        return token.map(csrf -> "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                        + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">")
                .map(hidden -> page(title, content.apply(hidden)))
                .map(body -> ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .header("Cache-Control", "no-store")
                        .body(body));
    }

    private static String page(String title, String content) {
        return """
                <!doctype html>
                <html lang="de">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s – Studienlotse</title>
                  <link rel="icon" href="data:,">
                  <link rel="stylesheet" href="/berater/berater.css">
                </head>
                <body>
                <a class="skip" href="#inhalt">Zum Inhalt</a>
                <header class="site"><div class="inner"><a class="brand" href="/">Studienlotse</a></div></header>
                <main id="inhalt" class="login">
                %s</main>
                <footer class="site">
                  <p>Quelle: %s <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/deed.de" rel="license">Lizenztext</a></p>
                  <p>Studienlotse ersetzt keine Beratung; er zeigt, was die Studie sagt, und sagt, wo sie schweigt.</p>
                </footer>
                </body>
                </html>
                """.formatted(title, content, ATTRIBUTION);
    }
}
