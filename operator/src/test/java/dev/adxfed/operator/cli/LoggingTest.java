package dev.adxfed.operator.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --log-format json}: one JSON object a line, with the MDC and the stack trace inside it. */
class LoggingTest {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);

    /** The jar's logback.xml rather than the tests' logback-test.xml. */
    @BeforeEach
    void productionConfiguration() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Objects.requireNonNull(LoggingTest.class.getResource("/logback.xml")));
    }

    @AfterEach
    void backToTheTestConfiguration() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonLinesCarryTheMdcTheMessageAndTheStackTrace() throws Exception {
        Logging.format(Logging.Format.JSON);

        List<String> lines = capturedStderr(() -> {
            try (MDC.MDCCloseable resource = MDC.putCloseable("resource.name", "hub");
                 MDC.MDCCloseable call = MDC.putCloseable("clientRequestId", "adxfed;script.execute;1234")) {
                LOG.warn("script of {} commands failed", 3, new IllegalStateException("hub refused\nsecond line"));
            }
        });

        assertThat(lines).as("one event, one line").hasSize(1);
        JsonNode event = new ObjectMapper().readTree(lines.get(0));
        assertThat(event.path("level").asText()).isEqualTo("WARN");
        assertThat(event.path("loggerName").asText()).isEqualTo(LoggingTest.class.getName());
        assertThat(event.path("formattedMessage").asText()).isEqualTo("script of 3 commands failed");
        assertThat(event.path("mdc").path("resource.name").asText()).isEqualTo("hub");
        assertThat(event.path("mdc").path("clientRequestId").asText()).isEqualTo("adxfed;script.execute;1234");
        assertThat(event.path("throwable").path("className").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(event.path("throwable").path("message").asText()).isEqualTo("hub refused\nsecond line");
        assertThat(event.path("throwable").path("stepArray").size()).isPositive();
        assertThat(event.path("timestamp").asLong()).isPositive();
    }

    @Test
    void textIsTheDefaultWithAUtcTimestampAndTheMdc() throws Exception {
        Logging.format(Logging.Format.TEXT);

        List<String> lines = capturedStderr(() -> {
            try (MDC.MDCCloseable pass = MDC.putCloseable("pass", "0badcafe")) {
                LOG.warn("heartbeat reached {} of {} targets", 1, 2);
            }
        });

        assertThat(lines).singleElement().asString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN .*")
                .contains("pass=0badcafe").endsWith("heartbeat reached 1 of 2 targets");
    }

    @Test
    void commandsThatPrintTheirFailuresLogOnlyErrorsUnlessALevelIsGiven() {
        ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

        Run quiet = Run.adxfed("query", "--endpoint", "http://127.0.0.1:1", "--database", "Db", "print 1");
        ch.qos.logback.classic.Level afterQuery = root.getLevel();
        Run chatty = Run.adxfed("query", "--log-level", "info", "--endpoint", "http://127.0.0.1:1", "--database", "Db", "print 1");

        assertThat(quiet.err()).as("the failure is said once, by the command").contains("http://127.0.0.1:1");
        assertThat(afterQuery).isEqualTo(ch.qos.logback.classic.Level.ERROR);
        assertThat(chatty.exitCode()).isEqualTo(quiet.exitCode());
        assertThat(root.getLevel()).as("a level given wins").isEqualTo(ch.qos.logback.classic.Level.INFO);
    }

    private static List<String> capturedStderr(Runnable logging) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
