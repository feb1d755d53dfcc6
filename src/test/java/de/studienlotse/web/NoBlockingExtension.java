package de.studienlotse.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound in every test (registered through {@code junit-platform.properties}): a blocking call on a thread that
 * must not block (Netty's event loops, Reactor's parallel scheduler) fails the test that was running, even when the
 * error itself was swallowed, e.g. by a fire-and-forget subscription, and the request still looked fine.
 * <p>
 * Allowed are only calls that block in theory but not here; each with its reason, see {@link AllowList}.
 */
public final class NoBlockingExtension implements BeforeAllCallback, AfterEachCallback {

    private static final List<String> FOUND = new CopyOnWriteArrayList<>();
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (FOUND.isEmpty()) {
            return;
        }
        List<String> found = new ArrayList<>(FOUND);
        FOUND.clear();
        throw new AssertionError("Blocking call on a non-blocking thread (BlockHound):\n" + String.join("\n\n", found));
    }

    private static synchronized void install() {
        if (!installed) {
            // fails with BlockHound's own message where the JVM lacks -XX:+AllowRedefinitionToAddDeleteMethods (pom.xml)
            BlockHound.install(new AllowList());
            installed = true;
        }
    }

    /** The allow-list and the reporting; applied after the integrations of Reactor and Netty. */
    static final class AllowList implements BlockHoundIntegration {

        @Override
        public void applyTo(BlockHound.Builder builder) {
            // SecureRandom (UUIDs for message and conversation ids, CSRF tokens, session ids) reads /dev/urandom through
            // NativePRNG, buffered; /dev/urandom never blocks once the kernel's pool is initialised, at boot
            builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "readFully");
            // the WebJar locator reads each library's version from its pom.properties once and keeps it (a small entry of
            // a local jar, the first request for that library only)
            builder.allowBlockingCallsInside("org.webjars.WebJarVersionLocator", "version");
            // springdoc builds the API description once, at start-up (pre-loading), under a lock; a request for it in
            // that first moment waits for the build, every later one takes the free lock and the cached document
            builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
            // Jackson builds a type's deserializer once, under a lock; only the first requests of a type after start-up,
            // arriving together on several event loops, wait there for the one building it (seen in LoadProofH2IT)
            builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
            builder.blockingMethodCallback(method -> {
                String where = Arrays.stream(new Throwable().getStackTrace())
                        .filter(frame -> !frame.getClassName().startsWith("reactor.blockhound")
                                && !frame.getClassName().startsWith(NoBlockingExtension.class.getName()))
                        .limit(40)
                        .map(frame -> "    at " + frame)
                        .collect(Collectors.joining("\n"));
                FOUND.add(Thread.currentThread().getName() + ": " + method + "\n" + where);
                throw new BlockingOperationError(method);
            });
        }

        @Override
        public int compareTo(BlockHoundIntegration other) {
            return other instanceof AllowList ? 0 : 1;
        }
    }
}
