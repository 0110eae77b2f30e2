package dev.adxfed.operator.arm;

/**
 * Azure Resource Manager refused or failed a request: the HTTP status and ARM's own error code and
 * message ({@code {"error":{"code","message"}}}, as azure-core-management's ManagementError reads it).
 */
public final class ArmException extends RuntimeException {

    private final int status;
    private final String code;
    private final String armMessage;

    public ArmException(int status, String code, String armMessage) {
        super(code + ": " + armMessage + " (HTTP " + status + ")");
        this.status = status;
        this.code = code;
        this.armMessage = armMessage;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String armMessage() {
        return armMessage;
    }

    /** 403: the identity lacks the right; adx-mon's "PermissionRestricted". */
    public boolean forbidden() {
        return status == 403;
    }

    public boolean notFound() {
        return status == 404;
    }
}
