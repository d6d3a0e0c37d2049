package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.core.NodeRef;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Database requests (XEP-0326 §3.14, CHECKLIST C21).
 *
 * @param <R> the reply
 * @since 0.1.0
 */
public sealed interface DatabaseRequest<R extends Reply> extends Request<R> {

    /** C21 {@code getDatabases} (XEP-0326 §3.14 "Get Databases"). */
    record GetDatabases() implements DatabaseRequest<Reply.Databases> {
        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_DATABASES;
        }

        @Override
        public Reply.Databases reply(ConcentratorResponse r) {
            return new Reply.Databases(r.databases());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {}
    }

    /**
     * C21 {@code getDatabaseReadoutParameters} (XEP-0326 §3.14).
     *
     * @param databaseId the database
     */
    record GetDatabaseReadoutParameters(String databaseId) implements DatabaseRequest<Reply.Form> {
        /** Checks the value. */
        public GetDatabaseReadoutParameters {
            Objects.requireNonNull(databaseId, "databaseId");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_DATABASE_READOUT_PARAMETERS;
        }

        @Override
        public Reply.Form reply(ConcentratorResponse r) {
            return Requests.form(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.attribute("databaseId", databaseId);
        }
    }

    /**
     * C21 {@code startDatabaseReadout} (XEP-0326 §3.14).
     *
     * @param databaseId the database
     * @param seqnr      the read-out sequence number
     * @param nodes      the nodes to read
     * @param form       the read-out parameters
     */
    record StartDatabaseReadout(String databaseId, int seqnr, List<NodeRef> nodes, DataForm form)
            implements DatabaseRequest<Reply.Done> {
        /** Checks and copies the values. */
        public StartDatabaseReadout {
            Objects.requireNonNull(databaseId, "databaseId");
            nodes = List.copyOf(nodes);
            Objects.requireNonNull(form, "form");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.START_DATABASE_READOUT;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.attribute("databaseId", databaseId)
                    .attribute("seqnr", Integer.toString(seqnr))
                    .nodes(nodes)
                    .form(form);
        }
    }
}
