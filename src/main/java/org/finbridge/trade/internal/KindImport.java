package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.List;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;

/** How one kind of record is read from an import file, checked and written, a chunk at a time. */
interface KindImport<N> {

    ImportRequest.Kind kind();

    /** Whether this actor may import this kind at all (the API's access rules decide the rest). */
    boolean mayImport(Actor actor);

    Class<N> jsonType();

    CsvLayout<N> csv();

    /** The record with the submitter's role filled in, when an operator imports on a party's behalf. */
    N onBehalfOf(N record, PartyId party);

    /** Starts an import: the writer keeps what spans chunks (numbers seen earlier in the file). */
    Writer<N> open(Context context);

    record Context(ImportId id, Actor actor, java.time.Clock clock, Instant now, PartyDirectory.Lookup parties) {
    }

    interface Writer<N> {

        /** Checks a chunk of readable records against the rules, the file so far and the database; writes the valid ones. */
        List<ImportReport.Rejection> write(List<SourceRecord<N>> chunk);

        long accepted();
    }

    /** A record that passed the checks, with the line it came from. */
    record Valid<T>(T value, long line) {
    }

    static ImportReport.Rejection rejection(long line, List<?> reasons) {
        return new ImportReport.Rejection(line, reasons.stream().map(Object::toString).toList());
    }
}
