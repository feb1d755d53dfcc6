package de.studienlotse.llm;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps configured secrets out of every log line, whatever their form: a provider's 401 body may echo the key, an
 * exception may quote a header. A logback turbo filter sees each event before any appender or pattern: an event whose
 * message, arguments or exception contain a registered secret is dropped and logged again with {@value #MASK} in
 * its place (an exception as a copy with masked messages, its original class named in the message).
 * <p>
 * Secrets are registered once per value and kept for the life of the process; a shorter one than
 * {@value #MIN_LENGTH} characters would mask ordinary words and is left alone.
 */
final class KeyMasking {

    static final String MASK = "***";
    static final int MIN_LENGTH = 8;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final MaskingFilter FILTER = new MaskingFilter();

    private KeyMasking() {
    }

    /** Masks {@code secret} from now on, in logs and in {@link #mask(String)}. */
    public static void protect(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) return;
        SECRETS.add(secret.strip());
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context && !context.getTurboFilterList().contains(FILTER)) {
            FILTER.setContext(context);
            FILTER.start();
            context.addTurboFilter(FILTER);
        }
    }

    /** {@code text} with every registered secret replaced. */
    public static String mask(String text) {
        if (text == null || SECRETS.isEmpty()) return text;
        String masked = text;
        for (String secret : SECRETS) {
            if (masked.contains(secret)) masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    static boolean containsSecret(String text) {
        if (text == null) return false;
        for (String secret : SECRETS) {
            if (text.contains(secret)) return true;
        }
        return false;
    }

    private static boolean containsSecret(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (containsSecret(t.getMessage())) return true;
            for (Throwable suppressed : t.getSuppressed()) {
                if (containsSecret(suppressed)) return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** A copy of {@code failure} and its causes with masked messages and the original stack traces. */
    private static Throwable masked(Throwable failure) {
        if (failure == null) return null;
        MaskedException copy = new MaskedException(failure.getClass().getName() + ": " + mask(failure.getMessage()),
                failure.getCause() == null || failure.getCause() == failure ? null : masked(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message held a secret. */
    static final class MaskedException extends RuntimeException {

        MaskedException(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }

    private static final class MaskingFilter extends TurboFilter {

        private static final ThreadLocal<Boolean> RELOGGING = new ThreadLocal<>();

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (SECRETS.isEmpty() || RELOGGING.get() != null || level == null || format == null
                    || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                return FilterReply.NEUTRAL;
            }
            FormattingTuple formatted = MessageFormatter.arrayFormat(format, params);
            Throwable failure = t != null ? t : formatted.getThrowable();
            if (!containsSecret(formatted.getMessage()) && !containsSecret(failure)) return FilterReply.NEUTRAL;
            RELOGGING.set(Boolean.TRUE);
            try {
                logger.log(marker, Logger.FQCN, Level.toLocationAwareLoggerInteger(level), mask(formatted.getMessage()),
                        null, masked(failure));
            } finally {
                RELOGGING.remove();
            }
            return FilterReply.DENY;
        }
    }
}
