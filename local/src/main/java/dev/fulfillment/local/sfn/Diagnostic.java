package dev.fulfillment.local.sfn;

/** One ValidateStateMachineDefinition diagnostic: severity ERROR or WARNING, AWS's code, message and location. */
public record Diagnostic(String severity, String code, String message, String location) {}
