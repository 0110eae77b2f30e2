package dev.adxfed.operator.federation;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Function writes whose command text is written each time one is read, followed by plain commands
 * (drops): a list of D x T function commands that holds none of their text, so scripts can be built and
 * sent one at a time.
 */
final class PendingCommands extends AbstractList<Command> implements RandomAccess {

    private final List<FederatedFunction> writes;
    private final String folder;
    private final List<Command> others;

    PendingCommands(List<FederatedFunction> writes, String folder, List<Command> others) {
        this.writes = List.copyOf(writes);
        this.folder = folder;
        this.others = List.copyOf(others);
    }

    @Override
    public Command get(int index) {
        return index < writes.size() ? writes.get(index).createOrAlterCommand(folder) : others.get(index - writes.size());
    }

    @Override
    public int size() {
        return writes.size() + others.size();
    }
}
