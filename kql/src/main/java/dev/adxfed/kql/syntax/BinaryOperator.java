package dev.adxfed.kql.syntax;

/** Binary scalar operators, each with its KQL spelling. */
public enum BinaryOperator {
    OR("or"), AND("and"),
    EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
    EQUAL_IGNORE_CASE("=~"), NOT_EQUAL_IGNORE_CASE("!~"),
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"),
    HAS("has"), NOT_HAS("!has"), HAS_CS("has_cs"), NOT_HAS_CS("!has_cs"),
    HASPREFIX("hasprefix"), NOT_HASPREFIX("!hasprefix"), HASPREFIX_CS("hasprefix_cs"), NOT_HASPREFIX_CS("!hasprefix_cs"),
    HASSUFFIX("hassuffix"), NOT_HASSUFFIX("!hassuffix"), HASSUFFIX_CS("hassuffix_cs"), NOT_HASSUFFIX_CS("!hassuffix_cs"),
    CONTAINS("contains"), NOT_CONTAINS("!contains"), CONTAINS_CS("contains_cs"), NOT_CONTAINS_CS("!contains_cs"),
    STARTSWITH("startswith"), NOT_STARTSWITH("!startswith"),
    STARTSWITH_CS("startswith_cs"), NOT_STARTSWITH_CS("!startswith_cs"),
    ENDSWITH("endswith"), NOT_ENDSWITH("!endswith"), ENDSWITH_CS("endswith_cs"), NOT_ENDSWITH_CS("!endswith_cs"),
    MATCHES_REGEX("matches regex");

    private final String text;

    BinaryOperator(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
