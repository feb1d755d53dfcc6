package de.studienlotse;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where start-up time goes: {@code ./mvnw -q test-compile exec:exec@startup}. Starts the service once on a free port
 * with Spring's {@link BufferingApplicationStartup}, prints the JVM's time to ready and the slowest steps (bean
 * instantiations include the beans they wait for), then stops.
 */
public final class StartupSteps {

    private static final int SHOWN = 25;

    private StartupSteps() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(StudienlotseApplication.class);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        application.setApplicationStartup(startup);
        String[] arguments = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0",
                "--logging.level.root=WARN"), java.util.Arrays.stream(args)).toArray(String[]::new);
        try (ConfigurableApplicationContext ignored = application.run(arguments)) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
            System.out.printf(Locale.ROOT, "ready %d ms after the JVM started; %d steps recorded%n%n", uptime,
                    events.size());
            System.out.printf(Locale.ROOT, "%8s  %s%n", "ms", "step");
            events.stream().sorted(Comparator.comparing(TimelineEvent::getDuration).reversed()).limit(SHOWN)
                    .forEach(e -> System.out.printf(Locale.ROOT, "%8d  %s %s%n", e.getDuration().toMillis(),
                            e.getStartupStep().getName(), tags(e)));
            Duration beans = events.stream().filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                    .filter(e -> e.getStartupStep().getParentId() == null || events.stream().noneMatch(p ->
                            p.getStartupStep().getId() == e.getStartupStep().getParentId()
                                    && p.getStartupStep().getName().equals("spring.beans.instantiate")))
                    .map(TimelineEvent::getDuration).reduce(Duration.ZERO, Duration::plus);
            System.out.printf(Locale.ROOT, "%ntop-level bean instantiation in all: %d ms%n", beans.toMillis());
        }
    }

    private static String tags(TimelineEvent event) {
        return StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
                .filter(t -> !t.getKey().equals("beanType"))
                .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(", ", "[", "]"));
    }
}
