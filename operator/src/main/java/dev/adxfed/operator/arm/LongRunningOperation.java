package dev.adxfed.operator.arm;

import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * An ARM long-running operation (Azure-AsyncOperation, Location or provisioningState), followed with
 * azure-core-management's poller for as long as the caller can wait. The operator waits briefly and
 * looks again on its next pass; {@code adxfed sync} waits up to its timeout, printing the progress.
 */
public final class LongRunningOperation {

    private final String what;
    private final SyncPoller<PollResult<Object>, Object> poller;
    private final Duration pollInterval;

    LongRunningOperation(String what, SyncPoller<PollResult<Object>, Object> poller, Duration pollInterval) {
        this.what = what;
        this.poller = poller;
        this.pollInterval = pollInterval;
    }

    /**
     * Polls until the operation ends or {@code budget} is spent.
     *
     * @return true when it succeeded, false when it is still running
     * @throws ArmException when it failed, with ARM's code and message
     */
    public boolean follow(Duration budget, Consumer<String> progress) {
        Instant deadline = Instant.now().plus(budget);
        PollResponse<PollResult<Object>> response = poller.poll();
        while (!response.getStatus().isComplete()) {
            progress.accept(what + ": " + response.getStatus());
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            Duration wait = response.getRetryAfter() != null ? response.getRetryAfter() : pollInterval;
            sleep(wait.compareTo(left) < 0 ? wait : left);
            response = poller.poll();
        }
        if (response.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            PollResult.Error error = response.getValue() == null ? null : response.getValue().getError();
            if (error == null) {
                throw new ArmException(500, String.valueOf(response.getStatus()), what + " ended " + response.getStatus());
            }
            throw ArmClient.error(error.getResponseStatusCode(), error.getResponseBody() == null ? new byte[0]
                    : error.getResponseBody().getBytes(StandardCharsets.UTF_8), what + ": " + error.getMessage());
        }
        progress.accept(what + ": done");
        return true;
    }

    public String what() {
        return what;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Azure", e);
        }
    }
}
