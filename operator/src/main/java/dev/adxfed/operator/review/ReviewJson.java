package dev.adxfed.operator.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Map;

/** Reviews as JSON for scripts and tools: {@code {"hubs": [...]}}, indented, fields in a fixed order. */
public final class ReviewJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReviewJson() {}

    public static String of(List<HubReview> hubs) {
        try {
            return JSON.writeValueAsString(Map.of("hubs", hubs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a review is plain data and always serializes", e);
        }
    }
}
