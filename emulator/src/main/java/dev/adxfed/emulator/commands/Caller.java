package dev.adxfed.emulator.commands;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** Who sent a request and how it is traced, as the REST headers and body tell: recorded with every command. */
public record Caller(String clientRequestId, UUID activityId, String user, String application, JsonNode properties) {}
