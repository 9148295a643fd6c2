package org.finbridge.banking.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.finbridge.banking.AccountHolder;
import org.finbridge.banking.Agent;
import org.finbridge.banking.CreditTransfer;
import org.finbridge.banking.PayoutBatch;
import org.finbridge.banking.WriteResult;

/**
 * What a payout batch must satisfy to become a pain.001 file, checked before writing so that a refusal
 * names the field (the schema check afterwards only confirms). Lengths are ISO 20022's: Max35Text for
 * ids, Max140Text for names and remittance text.
 */
final class PayoutBatchRules {

    private PayoutBatchRules() {
    }

    static Optional<WriteResult.Invalid> check(PayoutBatch batch) {
        return first(
                text("messageId", batch.messageId(), 35),
                text("paymentInformationId", batch.paymentInformationId(), 35),
                text("initiatingParty", batch.initiatingParty(), 140),
                holder("debtor", batch.debtor(), true),
                batch.transfers().isEmpty() ? invalid("transfers", "a batch needs at least one transfer") : null,
                transfers(batch.transfers()));
    }

    static WriteResult.Invalid transfers(List<CreditTransfer> transfers) {
        Set<String> endToEndIds = new HashSet<>();
        for (int i = 0; i < transfers.size(); i++) {
            CreditTransfer t = transfers.get(i);
            String field = "transfers[" + i + "]";
            WriteResult.Invalid problem = first(
                    text(field + ".endToEndId", t.endToEndId(), 35),
                    endToEndIds.add(t.endToEndId()) ? null
                            : invalid(field + ".endToEndId", "'" + t.endToEndId() + "' appears twice: the bank's reports could not tell them apart"),
                    t.amount().isPositive() ? null : invalid(field + ".amount", "a payout must be positive"),
                    holder(field + ".creditor", t.creditor(), false),
                    t.remittanceInformation() == null ? null : text(field + ".remittanceInformation", t.remittanceInformation(), 140))
                    .orElse(null);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    static WriteResult.Invalid holder(String field, AccountHolder holder, boolean agentRequired) {
        if (agentRequired && holder.agent() == null) {
            return invalid(field + ".agent", "the bank of this account is required");
        }
        return first(
                text(field + ".name", holder.name(), 140),
                text(field + ".account", holder.account().value(), 34),
                holder.agent() instanceof Agent.ClearingMember m
                        ? first(text(field + ".agent.clearingSystem", m.clearingSystem(), 5),
                                text(field + ".agent.memberId", m.memberId(), 35)).orElse(null)
                        : null)
                .orElse(null);
    }

    static WriteResult.Invalid text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return invalid(field, "is required");
        }
        if (value.length() > max) {
            return invalid(field, "is longer than " + max + " characters");
        }
        if (!value.equals(value.strip())) {
            return invalid(field, "has leading or trailing spaces");
        }
        return null;
    }

    static WriteResult.Invalid invalid(String field, String reason) {
        return new WriteResult.Invalid(field, reason);
    }

    @SafeVarargs
    static <T> Optional<T> first(T... problems) {
        for (T p : problems) {
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
