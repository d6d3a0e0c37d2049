package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.core.NodeRef;
import java.util.List;

/**
 * Where a running node query puts its results (XEP-0326 §3.12 "Execute Node Query", §3.15 "Query events",
 * CHECKLIST 326-15). Each call is sent at once to the client that started the query, as a {@code queryProgress}
 * message, in call order. {@code queryStarted} and {@code queryDone} are sent by the concentrator around the query.
 * After the query was aborted ({@code abortNodeQuery}) calls send nothing; the query should check
 * {@link #isAborted()} and stop.
 *
 * <p>Calls must come from one thread at a time (the query's), so that the document order is the call order.
 *
 * @since 0.1.0
 */
public interface QueryContext {

    /** @return the node the query runs on */
    NodeRef node();

    /** @return the query id returned in {@code executeNodeQueryResponse} */
    String queryId();

    /** @return whether the client aborted the query (or went offline) */
    boolean isAborted();

    /**
     * {@code title}: sets the title of the query result.
     *
     * @param name the title
     */
    void title(String name);

    /**
     * {@code status}: a transient status message.
     *
     * @param message the status
     */
    void status(String message);

    /**
     * {@code beginSection}: opens a section, or a subsection of the open one.
     *
     * @param header the section header
     */
    void beginSection(String header);

    /** {@code endSection}: closes the current section. */
    void endSection();

    /**
     * {@code newTable}: starts a table.
     *
     * @param tableId   the table id, used by {@link #records} and {@link #tableDone}
     * @param tableName the table name
     * @param columns   the columns
     */
    void newTable(String tableId, String tableName, List<QueryEvent.Column> columns);

    /**
     * {@code newRecords}: rows of a started table, each a list of cells in column order (see
     * {@link QueryEvent.Cell#of}).
     *
     * @param tableId the table id
     * @param records the rows
     */
    void records(String tableId, List<List<QueryEvent.Cell>> records);

    /**
     * {@code tableDone}: no more records for a table.
     *
     * @param tableId the table id
     */
    void tableDone(String tableId);

    /**
     * {@code newObject}: a MIME object.
     *
     * @param contentType the MIME type
     * @param content     the content (sent base64-encoded)
     */
    void newObject(String contentType, byte[] content);

    /**
     * {@code queryMessage}: a message to show to the user.
     *
     * @param type  {@code Information}, {@code Warning}, {@code Error} or {@code Exception}; null for none
     * @param level {@code Minor}, {@code Medium} or {@code Major}; null for none
     * @param text  the message
     */
    void message(String type, String level, String text);
}
