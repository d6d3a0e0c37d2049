package io.github.xmppiot.concentrator.element;

import java.util.Objects;

/**
 * A database of a concentrator, element {@code database} of {@code getDatabasesResponse} (XEP-0326 §3.14
 * "Databases").
 *
 * @param databaseId the database id
 * @param name       the human-readable name, may be null
 * @since 0.1.0
 */
public record Database(String databaseId, String name) {

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if the id is missing
     */
    public Database {
        Objects.requireNonNull(databaseId, "databaseId");
    }
}
