package org.finbridge.banking;

/** The outcome of reading a bank file: the whole content, or a refusal; never part of a file. */
public sealed interface ParseResult<T> {

    record Parsed<T>(T value) implements ParseResult<T> {
    }

    record Refused<T>(Refusal refusal) implements ParseResult<T> {
    }
}
