package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * One event of a node query, a child of {@code queryProgress} (XEP-0326 §3.12 "Execute Node Query", CHECKLIST 326-15).
 * Clients process them in document order.
 *
 * @since 0.1.0
 */
public sealed interface QueryEvent {

    /** @return the element name */
    String element();

    /** {@code queryStarted}. */
    record Started() implements QueryEvent {
        @Override
        public String element() {
            return "queryStarted";
        }
    }

    /** {@code queryDone}. */
    record Done() implements QueryEvent {
        @Override
        public String element() {
            return "queryDone";
        }
    }

    /** {@code queryAborted}. */
    record Aborted() implements QueryEvent {
        @Override
        public String element() {
            return "queryAborted";
        }
    }

    /**
     * {@code newTable}: a table is started.
     *
     * @param tableId   the table id
     * @param tableName the table name
     * @param columns   the columns
     */
    record NewTable(String tableId, String tableName, List<Column> columns) implements QueryEvent {
        /** Copies the columns. */
        public NewTable {
            Objects.requireNonNull(tableId, "tableId");
            Objects.requireNonNull(tableName, "tableName");
            columns = List.copyOf(columns);
        }

        @Override
        public String element() {
            return "newTable";
        }
    }

    /**
     * A column of a {@code newTable}.
     *
     * @param columnId      the column id (required)
     * @param header        header text, may be null
     * @param dataSourceId  data source of node references in the column, may be null
     * @param cacheTypeName cache type of node references in the column, may be null
     * @param fgColor       foreground colour RRGGBB, may be null
     * @param bgColor       background colour RRGGBB, may be null
     * @param alignment     {@code Left}, {@code Center} or {@code Right}, may be null
     * @param nrDecimals    number of decimals, may be null
     */
    record Column(
            String columnId,
            String header,
            String dataSourceId,
            String cacheTypeName,
            String fgColor,
            String bgColor,
            String alignment,
            Integer nrDecimals) {
        /** Validates the column. */
        public Column {
            Objects.requireNonNull(columnId, "columnId");
        }
    }

    /**
     * {@code newRecords}: rows for a table.
     *
     * @param tableId the table id
     * @param records the rows, each a list of cells
     */
    record NewRecords(String tableId, List<List<Cell>> records) implements QueryEvent {
        /** Copies the rows. */
        public NewRecords {
            Objects.requireNonNull(tableId, "tableId");
            records = records.stream().map(List::copyOf).toList();
        }

        @Override
        public String element() {
            return "newRecords";
        }
    }

    /**
     * A cell of a record: an element named after its type ({@code boolean}, {@code color}, {@code date},
     * {@code dateTime}, {@code double}, {@code duration}, {@code int}, {@code long}, {@code string}, {@code time},
     * {@code base64} with {@code contentType}, or {@code void}).
     *
     * @param type        the element name
     * @param value       the text content (empty for {@code void})
     * @param contentType the MIME type of a {@code base64} cell, else null
     */
    record Cell(String type, String value, String contentType) {
        /** Validates the cell. */
        public Cell {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        /**
         * The cell of a value: an element named after its type; {@code enum} values become {@code string} and
         * {@code numeric} values {@code double}, the record types XEP-0326 defines.
         *
         * @param value the value, null for a {@code void} cell
         * @return the cell
         */
        public static Cell of(Value value) {
            if (value == null) {
                return new Cell("void", "", null);
            }
            String type = switch (value.type()) {
                case ENUM -> "string";
                case NUMERIC -> "double";
                default -> value.type().elementName();
            };
            return new Cell(type, value.lexical(), null);
        }
    }

    /**
     * {@code tableDone}: no more records for the table.
     *
     * @param tableId the table id
     */
    record TableDone(String tableId) implements QueryEvent {
        @Override
        public String element() {
            return "tableDone";
        }
    }

    /**
     * {@code newObject}: a MIME object.
     *
     * @param contentType the MIME type
     * @param base64      the base64 content
     */
    record NewObject(String contentType, String base64) implements QueryEvent {
        @Override
        public String element() {
            return "newObject";
        }
    }

    /**
     * {@code queryMessage}.
     *
     * @param type  {@code Information}, {@code Warning}, {@code Error} or {@code Exception}; null when absent
     * @param level {@code Minor}, {@code Medium} or {@code Major}; null when absent
     * @param text  the message
     */
    record Message(String type, String level, String text) implements QueryEvent {
        @Override
        public String element() {
            return "queryMessage";
        }
    }

    /**
     * {@code title}: the title of the query result.
     *
     * @param name the title
     */
    record Title(String name) implements QueryEvent {
        @Override
        public String element() {
            return "title";
        }
    }

    /**
     * {@code status}: a transient status message.
     *
     * @param message the status
     */
    record Status(String message) implements QueryEvent {
        @Override
        public String element() {
            return "status";
        }
    }

    /**
     * {@code beginSection}: opens a (sub)section.
     *
     * @param header the section header
     */
    record BeginSection(String header) implements QueryEvent {
        @Override
        public String element() {
            return "beginSection";
        }
    }

    /** {@code endSection}: closes the current section. */
    record EndSection() implements QueryEvent {
        @Override
        public String element() {
            return "endSection";
        }
    }
}
