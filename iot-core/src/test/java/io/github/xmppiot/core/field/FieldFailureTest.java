package io.github.xmppiot.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.value.DateTimeValue;
import org.junit.jupiter.api.Test;

/** A field that could not be read (XEP-0323 §3.7 errors in a read-out). */
class FieldFailureTest {

    @Test
    void aFailureWithoutMessageSaysError() {
        DateTimeValue at = DateTimeValue.parse("2026-12-05T10:00:00Z");
        assertThat(new FieldFailure("temperature", at, null).message()).isEqualTo("error");
        assertThat(new FieldFailure(null, at, "sensor gone").message()).isEqualTo("sensor gone");
        assertThatThrownBy(() -> new FieldFailure("t", null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FieldFailure("t", at, "\u0000")).isInstanceOf(IllegalArgumentException.class);
    }
}
