package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The import as other modules get it: a bean of the running application, its limits from configuration. */
@ApplicationTest
class BankStatementsInTheApplicationTest {

    @Autowired
    BankStatements statements;

    @Value("${finbridge.banking.xml.max-document-bytes:52428800}")
    long maxDocumentBytes;

    @Test
    void aStatementFileImportsOnceThroughTheApplicationsBean() {
        ImportResult first = statements.importFile("camt054.xml",
                new ByteArrayInputStream(Examples.bytes(Examples.CAMT054_V04)), "ops@finbridge.test");
        assertThat(first).isInstanceOf(ImportResult.Imported.class);
        String id = ((ImportResult.Imported) first).file().id();
        assertThat(statements.importFile("again.xml", new ByteArrayInputStream(Examples.bytes(Examples.CAMT054_V04)), null))
                .isInstanceOf(ImportResult.AlreadyImported.class);
        assertThat(statements.statementsOf(id)).singleElement()
                .satisfies(s -> assertThat(s.statementId()).isEqualTo("AAAASESS-FP-CN-98765"));
        assertThat(statements.file("bsf_nonsense")).isEmpty();
        assertThat(maxDocumentBytes).isEqualTo(XmlLimits.DEFAULT.maxDocumentBytes());
    }
}
