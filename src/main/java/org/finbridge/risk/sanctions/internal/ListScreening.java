package org.finbridge.risk.sanctions.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.risk.sanctions.InvalidListException;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListedName;
import org.finbridge.risk.sanctions.LoadedList;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.ScreeningResult;
import org.finbridge.risk.sanctions.SubjectType;

/** A list read from files and indexed in memory (public for {@link org.finbridge.risk.sanctions.SanctionsFiles}). */
public final class ListScreening implements LoadedList {

    private final ParsedList list;
    private final NameMatcher matcher;
    private final BigDecimal threshold;

    private ListScreening(ParsedList list, NameMatcher matcher, BigDecimal threshold) {
        this.list = list;
        this.matcher = matcher;
        this.threshold = threshold;
    }

    public static ListScreening load(ListFormat format, byte[] content, byte[] aliases, byte[] addresses,
                                     BigDecimal threshold) throws InvalidListException {
        try {
            ParsedList list = ListParsers.parse(format, content, aliases, addresses, ListLimits.DEFAULT);
            String code = format.defaultListCode();
            IndexedList indexed = IndexedList.of(code, code + " (file, sha256 " + EntryDigest.hex(content).substring(0, 16) + ")",
                    list.entries());
            return new ListScreening(list, new NameMatcher(new ScreeningIndex.Builder().add(indexed).build()), threshold);
        } catch (ListFormatException e) {
            throw new InvalidListException(e.getMessage(), e);
        }
    }

    @Override
    public ScreeningResult screen(ScreeningQuery query) {
        return Screenings.screen(matcher, query, threshold);
    }

    @Override
    public int entryCount() {
        return list.entries().size();
    }

    @Override
    public List<ListedName> names() {
        List<ListedName> out = new ArrayList<>(list.nameCount());
        for (ListEntry e : list.entries()) {
            for (EntryName n : e.names()) {
                out.add(new ListedName(e.entryId(), n.name(), n.kind() == EntryName.Kind.PRIMARY, e.type()));
            }
        }
        return out;
    }

    @Override
    public List<String> skipped() {
        return list.skips().summary();
    }

    @Override
    public String normalize(String name) {
        return String.join(" ", NameNormalizer.normalize(name, SubjectType.UNKNOWN).tokens());
    }
}
