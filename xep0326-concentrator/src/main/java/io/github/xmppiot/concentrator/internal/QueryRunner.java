package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.NodeCommandSpec;
import io.github.xmppiot.concentrator.QueryContext;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.jivesoftware.smack.util.StringUtils;
import org.jxmpp.jid.Jid;

/**
 * The running node queries of a concentrator (XEP-0326 §3.12 "Execute Node Query", "Abort Node Query"; CHECKLIST
 * 326-15). A query is registered when {@code executeNodeQuery} is answered and {@linkplain #release released} once
 * that answer has been sent, so the client gets the query id before the first {@code queryProgress}; it then runs on
 * the executor: {@code queryStarted}, the query's own events, {@code queryDone} (or {@code queryAborted} when
 * aborted). A common query ({@code executeCommonNodeQuery}) is one query id over several nodes.
 */
public final class QueryRunner {

    /** How long a query waits for the release before it starts anyway (the answer may have been lost). */
    public static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);

    /** Room left in a message for the stanza, the {@code queryProgress} element and one event element. */
    private static final int OVERHEAD = 1024;

    private final Executor executor;
    private final Later later;
    private final BiConsumer<Jid, QueryProgress> sink;
    private final IntSupplier maxChars;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Map<String, Run>> running = new ConcurrentHashMap<>();

    /** Runs a task after a delay; the server's hands the task from its executors' timer to its work pool. */
    @FunctionalInterface
    public interface Later {
        /**
         * Schedules a task.
         *
         * @param task  the task
         * @param delay the delay
         */
        void run(Runnable task, Duration delay);
    }

    /**
     * Creates a runner whose messages stay below a size: {@code newRecords} are split over several messages, and a
     * record or object too large for one message is replaced by a {@code queryMessage type='Error'} (a larger stanza
     * would make the server close the concentrator's stream).
     *
     * @param executor where queries run (never Smack's threads)
     * @param later    schedules the start of a query whose answer was not seen going out ({@link #RELEASE_TIMEOUT})
     * @param sink     sends a {@code queryProgress} to the requester; called in the order of the query's events
     * @param maxChars the largest message, in characters
     */
    public QueryRunner(Executor executor, Later later, BiConsumer<Jid, QueryProgress> sink, IntSupplier maxChars) {
        this.executor = executor;
        this.later = later;
        this.sink = sink;
        this.maxChars = maxChars;
    }

    private static int size(List<QueryEvent.Cell> row) {
        int n = 20;
        for (QueryEvent.Cell c : row) {
            n += 2 * c.type().length()
                    + 5
                    + StringUtils.escapeForXml(c.value()).length()
                    + (c.contentType() == null ? 0 : c.contentType().length() + 16);
        }
        return n;
    }

    /** @return a new query id, unique for this runner */
    public String newQueryId() {
        return "Q" + counter.incrementAndGet();
    }

    /**
     * Registers a query on a node; it starts when {@linkplain #release released} (or after {@link #RELEASE_TIMEOUT}).
     *
     * @param queryId    the query id
     * @param requester  who gets the progress
     * @param node       the node, with its data source
     * @param thing      the node's Thing
     * @param spec       the query command
     * @param parameters the validated parameters
     */
    public void register(
            String queryId,
            Jid requester,
            NodeRef node,
            Thing thing,
            NodeCommandSpec spec,
            Map<String, Value> parameters) {
        Run run = new Run(queryId, requester, node, ctx -> spec.query().run(thing, parameters, ctx));
        running.computeIfAbsent(queryId, k -> new ConcurrentHashMap<>()).put(node.nodeId(), run);
        later.run(() -> release(queryId), RELEASE_TIMEOUT);
    }

    /**
     * Starts the registered parts of a query that have not started yet (called once its answer was sent). A part the
     * executor refuses (its queue is full) is aborted: the requester gets {@code queryAborted}.
     *
     * @param queryId the query id
     */
    public void release(String queryId) {
        Map<String, Run> runs = running.get(queryId);
        if (runs != null) {
            runs.values().forEach(r -> {
                if (r.started.compareAndSet(false, true)) {
                    try {
                        executor.execute(r::go);
                    } catch (RejectedExecutionException busy) {
                        r.abort(); // the requester gets queryAborted rather than silence
                    }
                }
            });
        }
    }

    /**
     * Aborts a query on one node: sends {@code queryAborted}; later events of the query are not sent.
     *
     * @param requester who asks; only the requester of a query may abort it
     * @param queryId   the query id
     * @param nodeId    the node
     * @return false if no such query is running for the requester (unknown, or already finished)
     */
    public boolean abort(Jid requester, String queryId, String nodeId) {
        Map<String, Run> runs = running.get(queryId);
        Run run = runs == null ? null : runs.get(nodeId);
        return run != null && run.requester.equals(requester) && run.abort();
    }

    /**
     * Whether a query of a requester is running on any node.
     *
     * @param requester the requester
     * @param queryId   the query id
     * @return true if running
     */
    public boolean isRunning(Jid requester, String queryId) {
        Map<String, Run> runs = running.get(queryId);
        return runs != null && runs.values().stream().anyMatch(r -> r.requester.equals(requester));
    }

    /**
     * Aborts every query of a requester (it went offline) or, with null, every query (the server stops).
     *
     * @param requester the requester, null for all
     */
    public void abortAll(Jid requester) {
        List<Run> all = new ArrayList<>();
        running.values().forEach(m -> all.addAll(m.values()));
        all.stream()
                .filter(r -> requester == null || r.requester.equals(requester))
                .forEach(Run::abort);
    }

    /** @return the number of running node queries (a common query counts once per node) */
    public int runningCount() {
        return running.values().stream().mapToInt(Map::size).sum();
    }

    private void remove(Run run) {
        running.computeIfPresent(run.queryId, (k, m) -> {
            m.remove(run.node.nodeId(), run);
            return m.isEmpty() ? null : m;
        });
    }

    /** The body of a query. */
    private interface Body {
        CompletionStage<Void> run(QueryContext ctx);
    }

    /** One query on one node; its context. */
    private final class Run implements QueryContext {
        final String queryId;
        final Jid requester;
        final NodeRef node;
        final AtomicBoolean started = new AtomicBoolean();
        final Body body;
        private boolean aborted;
        private boolean finished;

        Run(String queryId, Jid requester, NodeRef node, Body body) {
            this.queryId = queryId;
            this.requester = requester;
            this.node = node;
            this.body = body;
        }

        void go() {
            emit(new QueryEvent.Started());
            CompletionStage<Void> stage;
            try {
                stage = body.run(this);
            } catch (RuntimeException e) {
                finish(e);
                return;
            }
            if (stage == null) {
                finish(null);
            } else {
                stage.whenComplete((v, e) -> finish(e));
            }
        }

        private synchronized void finish(Throwable failure) {
            if (aborted || finished) {
                return;
            }
            finished = true;
            remove(this);
            if (failure == null) {
                sink.accept(requester, new QueryProgress(node, queryId, List.of(new QueryEvent.Done())));
            } else {
                Throwable t = Failures.unwrap(failure);
                sink.accept(
                        requester,
                        new QueryProgress(
                                node,
                                queryId,
                                List.of(
                                        new QueryEvent.Message("Exception", "Major", String.valueOf(t.getMessage())),
                                        new QueryEvent.Done())));
            }
        }

        synchronized boolean abort() {
            if (aborted || finished) {
                return false;
            }
            aborted = true;
            started.set(true); // a query aborted before it started never runs
            remove(this);
            sink.accept(requester, new QueryProgress(node, queryId, List.of(new QueryEvent.Aborted())));
            return true;
        }

        private synchronized void emit(QueryEvent e) {
            if (!aborted && !finished) {
                sink.accept(requester, new QueryProgress(node, queryId, List.of(e)));
            }
        }

        @Override
        public NodeRef node() {
            return node;
        }

        @Override
        public String queryId() {
            return queryId;
        }

        @Override
        public synchronized boolean isAborted() {
            return aborted;
        }

        @Override
        public void title(String name) {
            emit(new QueryEvent.Title(name));
        }

        @Override
        public void status(String message) {
            emit(new QueryEvent.Status(message));
        }

        @Override
        public void beginSection(String header) {
            emit(new QueryEvent.BeginSection(header));
        }

        @Override
        public void endSection() {
            emit(new QueryEvent.EndSection());
        }

        @Override
        public void newTable(String tableId, String tableName, List<QueryEvent.Column> columns) {
            emit(new QueryEvent.NewTable(tableId, tableName, columns));
        }

        @Override
        public void records(String tableId, List<List<QueryEvent.Cell>> records) {
            int max = maxChars.getAsInt();
            int budget = max / 2;
            List<List<QueryEvent.Cell>> chunk = new ArrayList<>();
            int size = 0;
            for (List<QueryEvent.Cell> row : records) {
                int r = size(row);
                if (r > max - OVERHEAD) {
                    message(
                            "Error",
                            "Major",
                            "a record of table " + tableId + " is too large to be sent (" + r + " characters)");
                    continue;
                }
                if (!chunk.isEmpty() && size + r > budget) {
                    emit(new QueryEvent.NewRecords(tableId, chunk));
                    chunk = new ArrayList<>();
                    size = 0;
                }
                chunk.add(row);
                size += r;
            }
            if (!chunk.isEmpty() || records.isEmpty()) {
                emit(new QueryEvent.NewRecords(tableId, chunk));
            }
        }

        @Override
        public void tableDone(String tableId) {
            emit(new QueryEvent.TableDone(tableId));
        }

        @Override
        public void newObject(String contentType, byte[] content) {
            String base64 = Base64.getEncoder().encodeToString(content);
            if (base64.length() > maxChars.getAsInt() - OVERHEAD) {
                message(
                        "Error",
                        "Major",
                        "an object of type " + contentType + " is too large to be sent (" + content.length + " bytes)");
            } else {
                emit(new QueryEvent.NewObject(contentType, base64));
            }
        }

        @Override
        public void message(String type, String level, String text) {
            emit(new QueryEvent.Message(type, level, text));
        }
    }
}
