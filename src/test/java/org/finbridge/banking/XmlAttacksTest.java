package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every XML entry point of the module (camt statements, pain.001 files read back, pain.002 status
 * reports) against every attack: each is refused with the rule it broke, within two seconds, without
 * a connection to the listener, and without the secret file's content in the answer. The import into
 * the database is attacked in {@link org.finbridge.banking.internal.StatementImportTest}.
 */
class XmlAttacksTest {

    record EntryPoint(String name, String namespace, Function<InputStream, ParseResult<?>> read) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<EntryPoint> ENTRY_POINTS = List.of(
            new EntryPoint("camt.053 statements", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", BankStatements::parse),
            new EntryPoint("camt.054 notifications", "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08", BankStatements::parse),
            new EntryPoint("pain.001 read back", "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", PaymentInitiations::parse),
            new EntryPoint("pain.002 status reports", "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10", PaymentStatusReports::parse));

    @TempDir
    static Path dir;

    static XmlAttacks attacks;

    @BeforeAll
    static void listen() throws IOException {
        attacks = new XmlAttacks(dir.resolve("secret.txt"));
    }

    @AfterAll
    static void stop() {
        attacks.close();
    }

    static Stream<Arguments> everyAttackOnEveryEntryPoint() throws IOException {
        try (XmlAttacks names = new XmlAttacks(Files.createTempFile("names", ".txt"))) {
            return ENTRY_POINTS.stream().flatMap(entry -> names.all(entry.namespace(), XmlLimits.DEFAULT).stream()
                    .map(attack -> Arguments.of(entry, attack.name())));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyAttackOnEveryEntryPoint")
    void isRefusedQuicklyWithoutContactingAnyone(EntryPoint entry, String attackName) throws IOException {
        XmlAttacks.Attack attack = attacks.all(entry.namespace(), XmlLimits.DEFAULT).stream()
                .filter(a -> a.name().equals(attackName)).findFirst().orElseThrow();
        List<Path> before = files();
        long start = System.nanoTime();
        ParseResult<?> result = entry.read().apply(attack.file().get());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        Refusal refusal = ((ParseResult.Refused<?>) result).refusal();
        assertThat(refusal.reason()).as(refusal.message()).isEqualTo(attack.expected());
        assertThat(refusal.message()).doesNotContain(XmlAttacks.SECRET);
        assertThat(took).as("refused in %s", took).isLessThan(Duration.ofSeconds(2));
        assertThat(attacks.requests()).as("requests to the local listener").isEmpty();
        assertThat(files()).as("files in the working directory").isEqualTo(before);
    }

    @Test
    void refusalsSayWhatRuleWasBroken() {
        String ns = ENTRY_POINTS.getFirst().namespace();
        for (XmlAttacks.Attack attack : attacks.all(ns, XmlLimits.DEFAULT)) {
            Refusal r = ((ParseResult.Refused<?>) BankStatements.parse(attack.file().get())).refusal();
            switch (r.reason()) {
                case DOCTYPE_FORBIDDEN -> assertThat(r.detail()).contains("declares a document type (<!DOCTYPE");
                case TOO_DEEP -> assertThat(r.detail()).contains("nested deeper than the limit of 64 levels");
                case TOO_LARGE -> assertThat(r.detail()).contains("larger than the limit of 52428800 bytes");
                default -> throw new AssertionError(attack + " refused for " + r);
            }
        }
    }

    @Test
    void limitsAreConfigurable() {
        XmlLimits tight = new XmlLimits(4096, 8); // the camt.054 example is 9 levels deep (…/RltdPties/Dbtr/Nm)
        assertThat(((ParseResult.Refused<?>) BankStatements.parse(
                new java.io.ByteArrayInputStream(Examples.bytes(Examples.CAMT053_V08)), tight)).refusal().reason())
                .isEqualTo(Refusal.Reason.TOO_LARGE);
        assertThat(((ParseResult.Refused<?>) BankStatements.parse(
                new java.io.ByteArrayInputStream(Examples.bytes(Examples.CAMT054_V04)), tight)).refusal().reason())
                .isEqualTo(Refusal.Reason.TOO_DEEP);
    }

    @Test
    void aSchemaLocationPointingAtTheListenerIsNotFetched() {
        String xml = Examples.text(Examples.CAMT053_V04).replaceFirst("xsi:schemaLocation=\"[^\"]*\"",
                "xsi:schemaLocation=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04 " + attacks.url("/evil.xsd") + "\"");
        assertThat(Examples.parse(xml)).isInstanceOf(ParseResult.Parsed.class);
        String xinclude = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"" + attacks.url("/include") + "\"/></Document>";
        assertThat(Examples.parse(xinclude)).isInstanceOf(ParseResult.Refused.class);
        assertThat(attacks.requests()).isEmpty();
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("."))) {
            return s.sorted().toList();
        }
    }
}
