package io.github.xmppiot.examples.device;

import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Node type of a hub (XEP-0326) creating a {@link DemoBoard} on its own simulated board per node. Its one parameter,
 * {@code room}, is free text kept in the node's configuration.
 */
public final class SimulatedBoardType implements NodeType {

    /** The type name used in {@code add-node}. */
    public static final String TYPE = "DemoBoard";

    private final Map<Thing, DemoBoard> boards = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String name() {
        return "Simulated multisensor with relay and dimmable LED";
    }

    @Override
    public List<NodeParameterSpec> parameters() {
        return List.of(new NodeParameterSpec(
                "room",
                "Room",
                ValueType.STRING,
                false,
                new StringValue(""),
                null,
                null,
                List.of(),
                false,
                "Where the device is"));
    }

    @Override
    public Thing create(NodeRef node, Map<String, Value> configuration) throws Exception {
        DemoBoard board = DemoBoard.simulated(node);
        boards.put(board.thing(), board);
        return board.thing();
    }

    @Override
    public void close(Thing thing) {
        DemoBoard board = boards.remove(thing);
        if (board != null) {
            board.close();
        }
    }

    /**
     * The board behind a node's Thing, to simulate events in the demo.
     *
     * @param thing a Thing created by this type
     * @return the board, or null if this type did not create the Thing
     */
    public DemoBoard board(Thing thing) {
        return boards.get(thing);
    }
}
