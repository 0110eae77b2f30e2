package dev.adxfed.kql;

import dev.adxfed.kql.syntax.SourcePosition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The text being parsed, with offset to line and column conversion and error construction. */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    SourcePosition position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new SourcePosition(offset, line + 1, offset - lineStarts[line] + 1);
    }

    KqlSyntaxException error(int offset, int end, String detail) {
        SourcePosition p = position(offset);
        String near = offset >= text.length() ? "<end of text>" : text.substring(offset, Math.max(offset + 1, Math.min(end, offset + 40)));
        return new KqlSyntaxException(detail, near.replace("\n", "\\n"), offset, p.line(), p.column());
    }
}
