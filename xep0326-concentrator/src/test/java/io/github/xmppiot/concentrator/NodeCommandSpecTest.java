package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.element.CommandType;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.core.value.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A node command declaration and the command type it announces (XEP-0326 §3.9). */
class NodeCommandSpecTest {

    private static final NodeCommandSpec.Action ACTION = (thing, params) -> CompletableFuture.completedFuture(null);
    private static final NodeCommandSpec.QueryAction QUERY =
            (thing, params, ctx) -> CompletableFuture.completedFuture(null);

    @Test
    void theCommandTypeFollowsFromActionAndParameters() {
        NodeCommandSpec simple = new NodeCommandSpec("on", "On", List.of(), ACTION);
        assertThat(simple.isQuery()).isFalse();
        assertThat(simple.describe()).isEqualTo(NodeCommand.of("on", "On", CommandType.SIMPLE));
        NodeCommandSpec withParams = new NodeCommandSpec(
                "dim", "Dim", List.of(NodeParameterSpec.required("level", "Level", ValueType.INT)), ACTION);
        assertThat(withParams.describe()).isEqualTo(NodeCommand.of("dim", "Dim", CommandType.PARAMETERIZED));
        NodeCommandSpec query = NodeCommandSpec.query("log", "Log", List.of(), QUERY);
        assertThat(query.isQuery()).isTrue();
        assertThat(query.query()).isSameAs(QUERY);
        assertThat(query.action()).isNull();
        assertThat(query.describe()).isEqualTo(NodeCommand.of("log", "Log", CommandType.QUERY));
    }

    @Test
    void exactlyOneOfActionAndQueryIsRequired() {
        assertThatThrownBy(() -> new NodeCommandSpec("x", "X", List.of(), ACTION, QUERY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a command has either an action or a query: x");
        assertThatThrownBy(() -> new NodeCommandSpec("x", "X", List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeCommandSpec("x", "X", List.of(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("action");
        assertThatThrownBy(() -> NodeCommandSpec.query("x", "X", List.of(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("query");
    }

    @Test
    void theParametersAreCopied() {
        List<NodeParameterSpec> params = new ArrayList<>();
        NodeCommandSpec spec = new NodeCommandSpec("on", "On", params, ACTION);
        params.add(NodeParameterSpec.required("p", "P", ValueType.INT));
        assertThat(spec.parameters()).isEmpty();
        assertThat(spec.describe().type()).isEqualTo(CommandType.SIMPLE);
    }
}
