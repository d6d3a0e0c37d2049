package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Requests about the concentrator and its data sources: capabilities (XEP-0326 §3.2), data sources (§3.3) and
 * subscriptions to their events (§3.4).
 *
 * @param <R> the reply
 * @since 0.1.0
 */
public sealed interface DataSourceRequest<R extends Reply> extends Request<R> {

    /** C1 {@code getCapabilities} (XEP-0326 §3.2). */
    record GetCapabilities() implements DataSourceRequest<Reply.Capabilities> {
        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_CAPABILITIES;
        }

        @Override
        public Reply.Capabilities reply(ConcentratorResponse r) {
            return new Reply.Capabilities(r.values());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {}
    }

    /** C2 {@code getAllDataSources} (XEP-0326 §3.3). */
    record GetAllDataSources() implements DataSourceRequest<Reply.DataSources> {
        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_ALL_DATA_SOURCES;
        }

        @Override
        public Reply.DataSources reply(ConcentratorResponse r) {
            return new Reply.DataSources(r.dataSources());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {}
    }

    /** C2 {@code getRootDataSources} (XEP-0326 §3.3). */
    record GetRootDataSources() implements DataSourceRequest<Reply.DataSources> {
        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_ROOT_DATA_SOURCES;
        }

        @Override
        public Reply.DataSources reply(ConcentratorResponse r) {
            return new Reply.DataSources(r.dataSources());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {}
    }

    /**
     * C2 {@code getChildDataSources} (XEP-0326 §3.3).
     *
     * @param sourceId the parent data source
     */
    record GetChildDataSources(String sourceId) implements DataSourceRequest<Reply.DataSources> {
        /** Checks the value. */
        public GetChildDataSources {
            Objects.requireNonNull(sourceId, "sourceId");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_CHILD_DATA_SOURCES;
        }

        @Override
        public Reply.DataSources reply(ConcentratorResponse r) {
            return new Reply.DataSources(r.dataSources());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(sourceId);
        }
    }

    /**
     * C3 {@code subscribe} (XEP-0326 §3.4 "Subscribe to data source events").
     *
     * @param sourceId    the data source
     * @param events      the kinds of events wanted; null for all (absent flags mean true, the XSD default)
     * @param details     what node events carry ({@link NodeDetail#NONE} by default)
     * @param eventsSince also send the events since this time, null for none
     */
    record Subscribe(String sourceId, Set<NodeEvent.Kind> events, Set<NodeDetail> details, DateTimeValue eventsSince)
            implements DataSourceRequest<Reply.Done> {
        /** Checks and copies the values. */
        public Subscribe {
            Objects.requireNonNull(sourceId, "sourceId");
            events = Requests.kinds(events);
            details = NodeDetail.copy(details);
        }

        /**
         * Subscribes to every kind of event.
         *
         * @param sourceId the data source
         * @param details  what node events carry
         * @return the request
         */
        public static Subscribe all(String sourceId, Set<NodeDetail> details) {
            return new Subscribe(sourceId, EnumSet.allOf(NodeEvent.Kind.class), details, null);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.SUBSCRIBE;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(sourceId);
            Requests.writeKinds(b, events);
            NodeDetail.write(b, details);
            if (eventsSince != null) {
                b.attribute("getEventsSince", eventsSince.lexical());
            }
        }
    }

    /**
     * C4 {@code unsubscribe} (XEP-0326 §3.4 "Unsubscribe to data source events").
     *
     * @param sourceId the data source
     * @param events   the kinds of events no longer wanted; null for all (absent flags mean true, the XSD default)
     */
    record Unsubscribe(String sourceId, Set<NodeEvent.Kind> events) implements DataSourceRequest<Reply.Done> {
        /** Checks and copies the values. */
        public Unsubscribe {
            Objects.requireNonNull(sourceId, "sourceId");
            events = Requests.kinds(events);
        }

        /**
         * Unsubscribes from every kind of event.
         *
         * @param sourceId the data source
         * @return the request
         */
        public static Unsubscribe all(String sourceId) {
            return new Unsubscribe(sourceId, EnumSet.allOf(NodeEvent.Kind.class));
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.UNSUBSCRIBE;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(sourceId);
            Requests.writeKinds(b, events);
        }
    }
}
