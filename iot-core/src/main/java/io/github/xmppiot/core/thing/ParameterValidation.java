package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.DateValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.TimeValue;
import io.github.xmppiot.core.value.Value;
import java.util.Optional;

/** Range, option and length checks of {@link ControlParameter#validate}. */
final class ParameterValidation {

    private ParameterValidation() {}

    static Optional<String> check(ControlParameter p, Value value) {
        if (value instanceof StringValue s) {
            if (s.value().length() > p.maxLength()) {
                return Optional.of("longer than " + p.maxLength() + " characters");
            }
            if (!p.options().isEmpty() && !p.options().contains(s.value())) {
                return Optional.of("not one of " + p.options());
            }
            return Optional.empty();
        }
        if (value instanceof DoubleValue d && Double.isNaN(d.value())) {
            return Optional.of("NaN is not a valid value");
        }
        if (p.min().isPresent() && compare(value, p.min().get()) < 0) {
            return Optional.of("below the minimum " + p.min().get().lexical());
        }
        if (p.max().isPresent() && compare(value, p.max().get()) > 0) {
            return Optional.of("above the maximum " + p.max().get().lexical());
        }
        return Optional.empty();
    }

    private static int compare(Value a, Value b) {
        if (a instanceof IntValue x && b instanceof IntValue y) {
            return Integer.compare(x.value(), y.value());
        }
        if (a instanceof LongValue x && b instanceof LongValue y) {
            return Long.compare(x.value(), y.value());
        }
        if (a instanceof DoubleValue x && b instanceof DoubleValue y) {
            return Double.compare(x.value(), y.value());
        }
        if (a instanceof DateValue x && b instanceof DateValue y) {
            return x.date().compareTo(y.date());
        }
        if (a instanceof TimeValue x && b instanceof TimeValue y) {
            return x.time().compareTo(y.time());
        }
        if (a instanceof DateTimeValue x && b instanceof DateTimeValue y) {
            return x.compareTo(y);
        }
        return 0;
    }
}
