package dev.adxfed.emulator.arm;

import dev.adxfed.kql.KqlText;

import java.util.Locale;
import java.util.Optional;

/** Azure's naming rules for what the emulator serves, and how ARM compares locations. */
final class ArmNames {

    private ArmNames() {}

    /** Why {@code name} cannot name a Kusto cluster (4 to 22 lowercase letters and digits, starting with a letter), if it cannot. */
    static Optional<String> clusterNameProblem(String name) {
        if (name.length() < 4 || name.length() > 22) {
            return Optional.of("Cluster name '" + name + "' must be 4 to 22 characters long");
        }
        if (!name.matches("[a-z][a-z0-9]*")) {
            return Optional.of("Cluster name '" + name + "' may hold only lowercase letters and digits, and must start with a letter");
        }
        return Optional.empty();
    }

    /** Why {@code name} cannot name a Kusto database, if it cannot. */
    static Optional<String> databaseNameProblem(String name) {
        if (name.length() > 260 || !KqlText.isValidEntityName(name)) {
            return Optional.of("Database name '" + name + "' is not valid: use 1 to 260 letters, digits, '_', '-', '.' or spaces,"
                    + " not starting or ending with a space");
        }
        return Optional.empty();
    }

    /** Why {@code name} cannot name a resource group (1 to 90 letters, digits, '_', '-', '.', '(' or ')', not ending with '.'), if it cannot. */
    static Optional<String> resourceGroupNameProblem(String name) {
        if (name.length() > 90 || !name.matches("[\\p{L}\\p{N}_\\-.()]+") || name.endsWith(".")) {
            return Optional.of("Resource group name '" + name + "' is not valid: use 1 to 90 letters, digits, '_', '-', '.', '(' or ')',"
                    + " not ending with '.'");
        }
        return Optional.empty();
    }

    /** ARM takes "West US" and "westus" for the same location. */
    static boolean sameLocation(String a, String b) {
        return normalLocation(a).equals(normalLocation(b));
    }

    static String normalLocation(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
