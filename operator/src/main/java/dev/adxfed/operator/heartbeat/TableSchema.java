package dev.adxfed.operator.heartbeat;

import dev.adxfed.kql.KqlText;

import java.util.List;
import java.util.stream.Collectors;

/** A table or a view of a partition database with its columns in order. */
public record TableSchema(String name, List<Column> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
    }

    /** The heartbeat's tableSchemas text: {@code ['col']:type, ...}, as adx-mon writes it. */
    public String columnsText() {
        return columns.stream().map(c -> "[" + KqlText.string(c.name()) + "]:" + c.type()).collect(Collectors.joining(", "));
    }
}
