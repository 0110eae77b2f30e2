package dev.adxfed.kql.syntax;

/** What {@code KqlParser.parse} returns: a {@link Query} or a management {@link Command}. */
public sealed interface Script permits Query, Command {

    SourcePosition position();
}
