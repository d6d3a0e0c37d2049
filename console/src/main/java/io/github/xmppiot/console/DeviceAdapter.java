package io.github.xmppiot.console;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlException;
import io.github.xmppiot.control.ControlForm;
import io.github.xmppiot.control.ParameterDescription;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.Values;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutFailure;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.ReadoutRequestBuilder;
import io.github.xmppiot.sensordata.SensorDataClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;

/**
 * The Device page on the SDK's client side: read-outs (XEP-0323 §3.2) as JSON rows, the control form (XEP-0325 §3.3)
 * as a field list with ranges and options, and a set (XEP-0325 §3.2) validated against that form before it is sent.
 * Every call to {@link SensorDataClient} and {@link ControlClient} lives here.
 */
final class DeviceAdapter {

    private final SensorDataClient sensors;
    private final ControlClient control;
    private final Duration timeout;

    DeviceAdapter(XMPPConnection connection, Duration timeout) {
        this.sensors = SensorDataClient.getInstanceFor(connection).update(b -> b.defaultTimeout(timeout));
        this.control = ControlClient.getInstanceFor(connection).update(s -> s.replyTimeout(timeout));
        this.timeout = timeout;
    }

    /**
     * Reads a device or one of its nodes.
     *
     * @param thing      the device
     * @param node       a node id, or null for the whole device
     * @param historical whether to read historical values instead of momentary ones
     * @return {@code fields} (rows) and {@code failures}
     */
    Map<String, Object> read(Jid thing, String node, boolean historical) throws Exception {
        ReadoutRequestBuilder b = ReadoutRequest.builder();
        if (historical) {
            b.historical();
        } else {
            b.momentary().status();
        }
        if (node != null && !node.isBlank()) {
            b.nodes(node);
        }
        return readout(await(sensors.read(thing, b.build()), 2));
    }

    static Map<String, Object> readout(Readout r) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (ReadoutField f : r.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", f.node() == null ? "" : f.node().nodeId());
            m.put("name", f.name());
            Value v = f.field().value();
            m.put("value", v.lexical());
            m.put("type", v.type().elementName());
            m.put("unit", v instanceof NumericValue n && n.unit() != null ? n.unit() : "");
            m.put("number", number(v));
            m.put("timestamp", f.timestamp() == null ? "" : f.timestamp().lexical());
            m.put(
                    "categories",
                    f.field().categories().stream()
                            .map(FieldCategory::attribute)
                            .sorted()
                            .toList());
            m.put(
                    "quality",
                    f.field().quality().stream().map(QualityFlag::name).sorted().toList());
            fields.add(m);
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        for (ReadoutFailure e : r.failures()) {
            failures.add(Map.of("node", e.node() == null ? "" : e.node().nodeId(), "message", e.message()));
        }
        return Map.of("fields", fields, "failures", failures);
    }

    /** @return the value as a number for the charts, or null if it is not numeric */
    static Double number(Value v) {
        if (v instanceof NumericValue n) {
            return n.isFinite() ? n.decimal().doubleValue() : null;
        } else if (v instanceof IntValue i) {
            return (double) i.value();
        } else if (v instanceof LongValue l) {
            return (double) l.value();
        } else if (v instanceof DoubleValue d) {
            return Double.isFinite(d.value()) ? d.value() : null;
        }
        return null;
    }

    /**
     * The control form of a device or node, as the fields the page renders.
     *
     * @param thing the device
     * @param node  a node id, or null
     * @return the parameters, or an empty list if the device has no control form
     */
    List<Map<String, Object>> form(Jid thing, String node) throws Exception {
        ControlForm form = controlForm(thing, node);
        if (form == null) {
            return List.of();
        }
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParameterDescription p : form.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("type", p.type().elementName());
            m.put("label", p.label());
            m.put("description", p.descriptionText().orElse(""));
            m.put("min", p.min() == null ? null : p.min().lexical());
            m.put("max", p.max() == null ? null : p.max().lexical());
            m.put("options", p.options());
            m.put("current", p.currentValue().map(Value::lexical).orElse(null));
            m.put("group", p.parameterGroup().orElse(""));
            params.add(m);
        }
        return params;
    }

    /**
     * Sets one control parameter, checked against the device's control form first (type, range, options).
     *
     * @param thing   the device
     * @param node    a node id, or null
     * @param name    the parameter
     * @param lexical the value as typed
     * @return what was set
     * @throws ConsoleException 422 with the field's name if the value is refused here or by the device
     */
    Map<String, Object> set(Jid thing, String node, String name, String lexical) throws Exception {
        ControlForm form = controlForm(thing, node);
        if (form == null) {
            throw new ConsoleException(422, thing + " has no control form", name);
        }
        ParameterDescription p = form.parameter(name)
                .orElseThrow(() -> new ConsoleException(
                        422,
                        "no control parameter '" + name + "'; the device has: "
                                + form.parameters().stream()
                                        .map(ParameterDescription::name)
                                        .collect(Collectors.joining(", ")),
                        name));
        Value value = validate(p, lexical);
        io.github.xmppiot.control.ControlRequest.Builder request = io.github.xmppiot.control.ControlRequest.builder();
        if (node != null && !node.isBlank()) {
            request.node(node);
        }
        request.set(name, value);
        try {
            await(control.set(thing, request.build()), 1);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ControlException ce
                    && !ce.parameterErrors().isEmpty()) {
                String message = ce.parameterErrors().getOrDefault(name, Failures.describe(ce));
                throw new ConsoleException(422, "the device refused: " + message, name);
            }
            if (e.getCause() instanceof IotErrorException ie) {
                throw new ConsoleException(422, "the device refused: " + Failures.describe(ie), name);
            }
            throw e;
        }
        return Map.of("set", name, "value", value.lexical());
    }

    /**
     * Checks a typed value against its parameter's description (XEP-0325 §3.3 with XEP-0122 ranges).
     *
     * @param p       the parameter
     * @param lexical the value as typed
     * @return the typed value
     * @throws ConsoleException 422 naming the parameter if the value does not fit
     */
    static Value validate(ParameterDescription p, String lexical) {
        if (lexical == null) {
            throw new ConsoleException(422, "give a value", p.name());
        }
        if (!p.options().isEmpty() && !p.options().contains(lexical)) {
            throw new ConsoleException(422, "choose one of " + String.join(", ", p.options()), p.name());
        }
        Value v;
        try {
            v = Values.parse(p.type(), lexical.trim());
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(
                    422, "'" + lexical + "' is not a valid " + p.type().elementName(), p.name());
        }
        Double n = number(v);
        if (n != null) {
            BigDecimal d = new BigDecimal(lexical.trim());
            if (p.min() != null && d.compareTo(new BigDecimal(p.min().lexical())) < 0
                    || p.max() != null && d.compareTo(new BigDecimal(p.max().lexical())) > 0) {
                throw new ConsoleException(
                        422,
                        "must be between " + (p.min() == null ? "-∞" : p.min().lexical()) + " and "
                                + (p.max() == null ? "∞" : p.max().lexical()),
                        p.name());
            }
        }
        return v;
    }

    private ControlForm controlForm(Jid thing, String node) throws Exception {
        List<NodeRef> nodes = node == null || node.isBlank() ? List.of() : List.of(NodeRef.of(node));
        try {
            return await(control.getForm(thing, Tokens.NONE, nodes), 1);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IotErrorException ie
                    && ie.condition() == StanzaError.Condition.feature_not_implemented) {
                return null;
            }
            throw e;
        }
    }

    private <T> T await(CompletableFuture<T> future, int timeouts) throws Exception {
        try {
            return future.get(timeout.toMillis() * timeouts, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }
}
