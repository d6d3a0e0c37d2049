package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.value.DateTimeValue;
import java.util.Objects;

/**
 * A data source of a concentrator, element {@code dataSource} (XEP-0326 §3.3 "Data Sources", XSD type
 * {@code DataSource}).
 *
 * @param sourceId    the data source id
 * @param name        the human-readable name
 * @param hasChildren whether it has child data sources; null when the attribute is absent (meaning false)
 * @param lastChanged when the source last changed, may be null
 * @since 0.1.0
 */
public record DataSource(String sourceId, String name, Boolean hasChildren, DateTimeValue lastChanged) {

    /**
     * Validates the data source.
     *
     * @throws NullPointerException if sourceId or name is missing
     */
    public DataSource {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(name, "name");
    }

    /** @return whether the source has child sources (absent means false) */
    public boolean hasChildSources() {
        return Boolean.TRUE.equals(hasChildren);
    }
}
