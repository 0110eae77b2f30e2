package dev.adxfed.operator.review;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * What the operator wrote in the resource's status about its last pass, when the file given carries a
 * status (as {@code kubectl get adxcluster NAME -o yaml} prints it).
 *
 * @param ready    the condition's status: True, False or Unknown
 * @param failures the last pass' failures by kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LastPass(String ready, String reason, String message, String lastSyncTime, String lastSuccessfulSyncTime,
                       Map<String, Integer> failures) {

    public LastPass {
        failures = failures == null ? Map.of() : Map.copyOf(failures);
    }
}
