package dev.fulfillment.local.sfn;

/** The part of a state machine's LoggingConfiguration the engine keeps: level (ALL, ERROR, FATAL, OFF). */
public record LoggingSettings(String level, boolean includeExecutionData) {}
