package de.studienlotse.database;

import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Deletes what has expired: one round every interval while the service runs, on every instance (a round's deletes are
 * idempotent), never two rounds at once; a tick that finds the last round still running is dropped. A round handles
 * its own errors: a database that fails is logged and tried again the next round.
 */
public final class Housekeeping implements SmartLifecycle {

    private final Duration firstRound;
    private final Duration interval;
    private final Supplier<? extends Publisher<?>> round;
    private volatile Disposable schedule;

    /** @param firstRound how long after the start the first round runs */
    public Housekeeping(Duration firstRound, Duration interval, Supplier<? extends Publisher<?>> round) {
        this.firstRound = firstRound;
        this.interval = interval;
        this.round = round;
    }

    @Override
    public void start() {
        schedule = Flux.interval(firstRound, interval)
                .onBackpressureDrop()
                .concatMap(tick -> round.get(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
