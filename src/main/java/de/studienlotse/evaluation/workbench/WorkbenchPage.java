package de.studienlotse.evaluation.workbench;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /werkbank}: the static page {@code static/werkbank.html}, where the page policy of {@code web.SecurityHeadersFilter} applies. */
@Controller
class WorkbenchPage {

    @GetMapping({"/werkbank", "/werkbank/"})
    ResponseEntity<Void> page() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/werkbank.html")).build();
    }
}
