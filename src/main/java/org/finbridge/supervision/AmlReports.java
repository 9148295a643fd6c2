package org.finbridge.supervision;

import java.util.List;

/** The AML reports the regulator sees, each with its latest status, built from {@link AmlReportFiled} events. */
public interface AmlReports {

    List<AmlReportFiled> list(String kind, String status);

    /** CSV for the regulator: {@code report_id,kind,code,subject_id,currency,amount,status,at}. */
    String export(String kind, String status);
}
