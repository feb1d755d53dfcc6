package de.studienlotse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service started as from the command line, on a free port, for tests that need more than one instance or
 * a restart; close it to stop it. Settings are passed as command-line arguments, so they win over application.yml.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient client;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    public static RunningService start(Map<String, Object> settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new RunningService(new SpringApplicationBuilder(StudienlotseApplication.class).run(arguments.toArray(String[]::new)));
    }

    /** The port it listens on, for clients other than {@link #client()}. */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public WebTestClient client() {
        return client;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
