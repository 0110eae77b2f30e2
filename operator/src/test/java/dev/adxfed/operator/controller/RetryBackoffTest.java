package dev.adxfed.operator.controller;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    static final Duration INTERVAL = Duration.ofMinutes(10);

    @Test
    void failuresAreRetriedAfter30sDoublingUpToTheIntervalAndASuccessStartsOver() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30));

        List<Long> seconds = IntStream.range(0, 7).mapToObj(i -> backoff.next("hub", true, INTERVAL).toSeconds()).toList();

        assertThat(seconds).containsExactly(30L, 60L, 120L, 240L, 480L, 600L, 600L);
        assertThat(backoff.next("hub", false, INTERVAL)).isEqualTo(INTERVAL);
        assertThat(backoff.next("hub", true, INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachResourceHasItsOwnCountAndNoRetryIsLongerThanAShortInterval() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30));
        backoff.next("a", true, INTERVAL);
        backoff.next("a", true, INTERVAL);

        assertThat(backoff.next("b", true, INTERVAL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.next("a", true, Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(45));
        backoff.forget("a");
        assertThat(backoff.next("a", true, INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    }
}
