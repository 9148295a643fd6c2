package org.finbridge.payments.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.finbridge.payments.connector.PaymentConnector;
import org.springframework.stereotype.Component;

/** Every connector bean, by its stable name. */
@Component
class Connectors {

    private final Map<String, PaymentConnector> byName;
    private final List<PaymentConnector> all;

    Connectors(List<PaymentConnector> connectors) {
        this.all = List.copyOf(connectors);
        this.byName = connectors.stream().collect(Collectors.toUnmodifiableMap(PaymentConnector::name, Function.identity()));
    }

    PaymentConnector named(String name) {
        PaymentConnector c = byName.get(name);
        if (c == null) {
            throw new IllegalStateException("no connector named " + name + " is configured");
        }
        return c;
    }

    java.util.Optional<PaymentConnector> find(String name) {
        return java.util.Optional.ofNullable(byName.get(name));
    }

    List<PaymentConnector> all() {
        return all;
    }
}
