package io.github.xmppiot.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The XEP-0323 §3.5 quality-of-service attributes and field categories, by their attribute names. */
class QualityFlagTest {

    @Test
    void everyFlagRoundTripsThroughItsAttribute() {
        for (QualityFlag q : QualityFlag.values()) {
            assertThat(QualityFlag.fromAttribute(q.attribute())).contains(q);
        }
        assertThat(QualityFlag.AUTOMATIC_READOUT.attribute()).isEqualTo("automaticReadout");
        assertThat(QualityFlag.INVOICE_CONFIRMED.attribute()).isEqualTo("invoiceConfirmed");
        assertThat(QualityFlag.fromAttribute("AutomaticReadout")).isEmpty();
        assertThat(QualityFlag.fromAttribute("unknown")).isEmpty();
        assertThat(QualityFlag.fromAttribute(null)).isEmpty();
    }

    @Test
    void everyCategoryRoundTripsAndIdentificationMeansIdentity() {
        for (FieldCategory c : FieldCategory.values()) {
            assertThat(FieldCategory.fromAttribute(c.attribute())).contains(c);
        }
        assertThat(FieldCategory.fromAttribute("identification")).contains(FieldCategory.IDENTITY);
        assertThat(FieldCategory.fromAttribute("Momentary")).isEmpty();
        assertThat(FieldCategory.HISTORICAL).hasSize(9).allMatch(FieldCategory::isHistorical);
        assertThat(FieldCategory.ALL).hasSize(14);
        assertThat(FieldCategory.MOMENTARY.isHistorical()).isFalse();
        assertThat(FieldCategory.IDENTITY.isHistorical()).isFalse();
        assertThat(FieldCategory.HISTORICAL_OTHER.isHistorical()).isTrue();
    }
}
