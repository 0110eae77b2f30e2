package dev.adxfed.operator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Locale;

/**
 * The log level and format, set on logback (configured by logback.xml) from the command line: the root
 * level from {@code --log-level}, and JSON lines from {@code adxfed operator --log-format json} (one object
 * per event with timestamp, level, thread, logger, the MDC, the formatted message and any stack trace
 * inside it, for log pipelines that parse JSON).
 */
final class Logging {

    enum Format { TEXT, JSON }

    private Logging() {}

    static void level(Adxfed.LogLevel level) {
        root().setLevel(Level.toLevel(level.name()));
    }

    /**
     * The Azure SDK logs a failed token or an exhausted retry at ERROR, each attempt; a command that reports the
     * failure itself keeps those lines out.
     */
    static void quietAzureSdk() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("com.azure").setLevel(Level.OFF);
    }

    static void format(Format format) {
        if (format == Format.TEXT) {
            return;
        }
        ch.qos.logback.classic.Logger root = root();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> console) {
                JsonEncoder json = new JsonEncoder();
                json.setContext(console.getContext());
                json.setWithFormattedMessage(true);
                json.setWithMessage(false);
                json.setWithArguments(false);
                json.setWithSequenceNumber(false);
                json.setWithNanoseconds(false);
                json.setWithContext(false);
                json.start();
                console.stop();
                console.setEncoder(json);
                console.start();
            }
        }
    }

    private static ch.qos.logback.classic.Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /** Case-insensitive, so that deployment files can say {@code --log-format=json}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String text) {
            try {
                return Format.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + text + "' is not one of text, json");
            }
        }
    }
}
