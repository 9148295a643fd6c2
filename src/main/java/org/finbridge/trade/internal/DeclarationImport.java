package org.finbridge.trade.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.DeclarationId;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.NewDeclaration;
import org.springframework.stereotype.Component;

/**
 * Customs declarations in bulk. CSV: one row per declaration line; the rows of one declaration are
 * consecutive and repeat its declaration columns. A declaration number seen before, in the file or
 * recorded, rejects the row.
 */
@Component
class DeclarationImport implements KindImport<NewDeclaration> {

    static final List<String> COLUMNS = List.of("declaration_number", "customs_mode", "direction", "merchant_id",
            "marketplace_id", "order_number", "carrier", "waybill", "currency", "declared_value_minor_units", "declared_at",
            "hs_code", "description", "quantity", "value_minor_units");

    private final DeclarationStore declarations;
    private final TradeRecordService records;

    DeclarationImport(DeclarationStore declarations, TradeRecordService records) {
        this.declarations = declarations;
        this.records = records;
    }

    @Override
    public ImportRequest.Kind kind() {
        return ImportRequest.Kind.DECLARATIONS;
    }

    @Override
    public boolean mayImport(Actor actor) {
        return DeclarationService.mayDeclare(actor);
    }

    @Override
    public Class<NewDeclaration> jsonType() {
        return NewDeclaration.class;
    }

    @Override
    public NewDeclaration onBehalfOf(NewDeclaration d, PartyId party) {
        return d;
    }

    @Override
    public CsvLayout<NewDeclaration> csv() {
        return CsvLayout.grouped(COLUMNS, "declaration_number", COLUMNS.subList(1, 11), (rows, problems) -> {
            CsvRow first = rows.getFirst();
            List<NewDeclaration.Line> lines = new ArrayList<>();
            for (CsvRow row : rows) {
                lines.add(new NewDeclaration.Line(row.get("hs_code"), row.get("description"),
                        row.number("quantity", problems), row.number("value_minor_units", problems)));
            }
            return new NewDeclaration(first.get("declaration_number"), first.get("customs_mode"), first.get("direction"),
                    first.get("merchant_id"), first.get("marketplace_id"), first.get("order_number"), first.get("carrier"),
                    first.get("waybill"), first.get("currency"), first.number("declared_value_minor_units", problems),
                    first.get("declared_at"), lines);
        });
    }

    @Override
    public Writer<NewDeclaration> open(Context context) {
        return new UniqueDocumentWriter<NewDeclaration, Declaration, String>() {
            @Override
            Checked<Declaration> validate(NewDeclaration record) {
                return DeclarationValidation.validate(record, context.actor(), context.parties(),
                        DeclarationId.next(context.clock()), context.now());
            }

            @Override
            String key(Declaration declaration) {
                return declaration.declarationNumber();
            }

            @Override
            Set<String> recorded(List<String> numbers) {
                return new HashSet<>(declarations.existingNumbers(numbers));
            }

            @Override
            void insert(List<Declaration> fresh) {
                declarations.insert(fresh, context.id());
                records.recheck(fresh.stream().map(Declaration::order).toList(), Map.of());
            }

            @Override
            String duplicateInFile(String number, long firstLine) {
                return "declarationNumber: duplicate declaration number " + number + " (first on line " + firstLine + ")";
            }

            @Override
            String alreadyRecorded(String number) {
                return "declarationNumber: " + number + " is already recorded";
            }
        };
    }
}
