package org.finbridge.banking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shipped ISO 20022 example files, and small edits of them. */
public final class Examples {

    public static final String CAMT053_V04 = "camt.053.001.04__ISO20022-SWIFT-SR2013__business-example.xml";
    public static final String CAMT053_V07_APPHDR = "camt.053.001.07__prowide-test__with-AppHdr-wrapper.xml";
    public static final String CAMT053_V08 = "camt.053.001.08__genkgo-camt-test__derived-from-ISO-example.xml";
    public static final String CAMT054_V04 = "camt.054.001.04__ISO20022-SWIFT-SR2013__business-example.xml";
    public static final String PACS008_V07_APPHDR = "pacs.008.001.07__prowide-test__with-AppHdr-wrapper.xml";

    private Examples() {
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/iso20022/examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParseResult<List<BankStatement>> parse(String xml) {
        return BankStatements.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    public static ParseResult<List<BankStatement>> parse(byte[] xml) {
        return BankStatements.parse(new ByteArrayInputStream(xml));
    }

    public static List<BankStatement> parsed(String xml) {
        return switch (parse(xml)) {
            case ParseResult.Parsed<List<BankStatement>> p -> p.value();
            case ParseResult.Refused<List<BankStatement>> r -> throw new AssertionError("refused: " + r.refusal());
        };
    }

    public static Refusal refused(String xml) {
        return refused(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Refusal refused(byte[] xml) {
        return switch (parse(xml)) {
            case ParseResult.Parsed<List<BankStatement>> p -> throw new AssertionError("parsed: " + p.value());
            case ParseResult.Refused<List<BankStatement>> r -> r.refusal();
        };
    }
}
