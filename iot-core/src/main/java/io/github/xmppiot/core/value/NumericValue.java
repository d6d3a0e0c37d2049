package io.github.xmppiot.core.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A numeric sensor value with a unit (XEP-0323 §3.1 {@code numeric}). The lexical form is kept exactly as given, so
 * {@code 10} and {@code 10.0} are different values (XEP-0323: the number of decimals carries the precision; CHECKLIST
 * 323-16). The value never passes through {@code double}.
 *
 * @param lexical the xs:double lexical form, e.g. {@code 23.40}, {@code -1e3}, {@code INF}
 * @param unit    the unit, possibly empty ("leaving the unit blank"), never null
 * @since 0.1.0
 */
public record NumericValue(String lexical, String unit) implements Value {

    /**
     * Validates the lexical form against xs:double.
     *
     * @throws IllegalArgumentException if {@code lexical} is not an xs:double or {@code unit} is not valid XML text
     */
    public NumericValue {
        lexical = Values.doubleLexical(lexical);
        unit = unit == null ? "" : Values.xmlText(unit, "unit");
    }

    /**
     * Creates a numeric value from a decimal, keeping its scale (number of decimals).
     *
     * @param value the number, e.g. {@code new BigDecimal("21.50")}
     * @param unit  the unit, may be empty
     * @return the value, lexical form {@code value.toPlainString()}
     */
    public static NumericValue of(BigDecimal value, String unit) {
        return new NumericValue(Objects.requireNonNull(value, "value").toPlainString(), unit);
    }

    /**
     * Creates a numeric value from a lexical form.
     *
     * @param lexical the xs:double lexical form
     * @param unit    the unit, may be empty
     * @return the value
     */
    public static NumericValue of(String lexical, String unit) {
        return new NumericValue(lexical, unit);
    }

    /**
     * The value as a decimal with the scale of its lexical form.
     *
     * @return the decimal
     * @throws ArithmeticException for {@code INF}, {@code -INF} and {@code NaN}
     */
    public BigDecimal decimal() {
        if (!isFinite()) {
            throw new ArithmeticException("not a finite number: " + lexical);
        }
        return new BigDecimal(lexical.startsWith("+") ? lexical.substring(1) : lexical);
    }

    /**
     * Whether the value is a finite number (not {@code INF}, {@code -INF} or {@code NaN}).
     *
     * @return true if finite
     */
    public boolean isFinite() {
        return !lexical.endsWith("INF") && !lexical.equals("NaN");
    }

    /**
     * The number of decimals of the lexical form (its precision as sent).
     *
     * @return the scale, 0 for integers and non-finite values
     */
    public int decimals() {
        return isFinite() ? Math.max(0, decimal().scale()) : 0;
    }

    @Override
    public ValueType type() {
        return ValueType.NUMERIC;
    }
}
