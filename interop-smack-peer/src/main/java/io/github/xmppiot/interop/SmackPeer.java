package io.github.xmppiot.interop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iot.Thing;
import org.jivesoftware.smackx.iot.control.IoTControlManager;
import org.jivesoftware.smackx.iot.control.element.SetBoolData;
import org.jivesoftware.smackx.iot.control.element.SetData;
import org.jivesoftware.smackx.iot.control.element.SetDoubleData;
import org.jivesoftware.smackx.iot.control.element.SetIntData;
import org.jivesoftware.smackx.iot.control.element.SetLongData;
import org.jivesoftware.smackx.iot.data.IoTDataManager;
import org.jivesoftware.smackx.iot.data.element.IoTDataField;
import org.jivesoftware.smackx.iot.data.element.IoTFieldsExtension;
import org.jivesoftware.smackx.iot.data.element.NodeElement;
import org.jivesoftware.smackx.iot.data.element.TimestampElement;
import org.jivesoftware.smackx.iot.discovery.IoTDiscoveryManager;
import org.jivesoftware.smackx.iot.discovery.element.IoTClaimed;
import org.jivesoftware.smackx.iot.discovery.element.Tag;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Smack's smack-experimental IoT implementation driven from the command line, so the interoperability tests can run it
 * in its own JVM (its providers would clash with xmpp-iot's in one JVM). Speaks a line protocol on stdout:
 * {@code READY}, {@code FIELD name=value}, {@code SET type name=value}, {@code OK …}, {@code ERROR condition}.
 *
 * <p>Usage: {@code java -jar smack-peer.jar HOST PORT DOMAIN USER PASSWORD MODE [ARGS…]} with MODE one of
 * {@code thing}, {@code read FULLJID}, {@code set FULLJID TYPE NAME VALUE}, {@code register REGISTRY KEY SN},
 * {@code claim REGISTRY KEY SN}, and for the benchmarks {@code bench-thing nodelay|default} and
 * {@code bench-read FULLJID N nodelay|default} (see {@link SmackBench}). The connection is plaintext (the test
 * server's plaintext mode); {@code nodelay} sets {@code TCP_NODELAY} on its socket, {@code default} leaves Smack's
 * default socket (Nagle's algorithm on).
 */
public final class SmackPeer {

    private SmackPeer() {}

    /**
     * Runs one mode.
     *
     * @param args see the class description
     * @throws Exception on any failure (printed as {@code ERROR})
     */
    public static void main(String[] args) throws Exception {
        SmackConfiguration.DEBUG = Boolean.getBoolean("smack.debug");
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                .setHost(args[0])
                .setPort(Integer.parseInt(args[1]))
                .setXmppDomain(args[2])
                .setUsernameAndPassword(args[3], args[4])
                .setResource("smack")
                .setSecurityMode(SecurityMode.disabled);
        String socketMode =
                "bench-thing".equals(args[5]) ? args[6] : "bench-read".equals(args[5]) ? args[8] : "default";
        if (SmackBench.noDelay(socketMode)) {
            config.setSocketFactory(new SmackBench.NoDelaySocketFactory());
        }
        XMPPTCPConnection c = new XMPPTCPConnection(config.build());
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        c.connect().login();
        int status = 0;
        try {
            switch (args[5]) {
                case "thing":
                    thing(c);
                    break;
                case "read":
                    read(c, JidCreate.entityFullFrom(args[6]));
                    break;
                case "set":
                    set(c, JidCreate.entityFullFrom(args[6]), args[7], args[8], args[9]);
                    break;
                case "register":
                    register(c, args[6], args[7], args[8]);
                    break;
                case "claim":
                    claim(c, args[6], args[7], args[8]);
                    break;
                case "bench-thing":
                    SmackBench.thing(c);
                    break;
                case "bench-read":
                    SmackBench.read(c, JidCreate.entityFullFrom(args[6]), Integer.parseInt(args[7]));
                    break;
                default:
                    throw new IllegalArgumentException("unknown mode " + args[5]);
            }
        } catch (XMPPErrorException e) {
            System.out.println("ERROR " + e.getStanzaError().getCondition());
            status = 2;
        } catch (Exception e) {
            System.out.println("ERROR " + e);
            status = 1;
        } finally {
            System.out.flush();
            c.disconnect();
        }
        System.exit(status);
    }

    /** A Smack thing with two momentary fields and a control handler; runs until stdin closes. */
    private static void thing(XMPPTCPConnection c) throws Exception {
        Thing thing = Thing.builder()
                .setKey("smack-key")
                .setSerialNumber("SN-SMACK")
                .setManufacturer("Smack")
                .setMomentaryReadOutRequestHandler(callback -> callback.momentaryReadOut(List.of(
                        new IoTDataField.IntField("Counter", 42), new IoTDataField.BooleanField("Alarm", true))))
                .setControlRequestHandler((from, data) -> {
                    for (SetData d : data) {
                        System.out.println("SET " + d.getType() + " " + d.getName() + "=" + d.getValue());
                    }
                    System.out.flush();
                })
                .build();
        IoTDataManager.getInstanceFor(c).installThing(thing);
        IoTControlManager.getInstanceFor(c).installThing(thing);
        IoTDataManager.getInstanceFor(c).setAllowNonFriends(true);
        IoTControlManager.getInstanceFor(c).setAllowNonFriends(true);
        System.out.println("READY " + c.getUser());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // keep serving until the test closes our stdin
        }
    }

    private static void read(XMPPTCPConnection c, EntityFullJid thing) throws Exception {
        CountDownLatch subscribed = new CountDownLatch(1);
        Roster roster = Roster.getInstanceFor(c);
        roster.addPresenceEventListener(new org.jivesoftware.smack.roster.AbstractPresenceEventListener() {
            @Override
            public void presenceSubscribed(org.jxmpp.jid.BareJid address, org.jivesoftware.smack.packet.Presence p) {
                subscribed.countDown();
            }
        });
        roster.createItemAndRequestSubscription(thing.asBareJid(), "thing", null);
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("thing did not approve the subscription");
        }
        List<IoTFieldsExtension> result = IoTDataManager.getInstanceFor(c).requestMomentaryValuesReadOut(thing);
        for (IoTFieldsExtension f : result) {
            for (NodeElement n : f.getNodes()) {
                for (TimestampElement t : n.getTimestampElements()) {
                    for (IoTDataField d : t.getDataFields()) {
                        System.out.println("FIELD " + d.getName() + "=" + d.getValueString());
                    }
                }
            }
        }
        System.out.println("OK read " + result.size());
    }

    private static void set(XMPPTCPConnection c, EntityFullJid thing, String type, String name, String value)
            throws Exception {
        SetData data;
        switch (type) {
            case "bool":
                data = new SetBoolData(name, Boolean.parseBoolean(value));
                break;
            case "int":
                data = new SetIntData(name, Integer.parseInt(value));
                break;
            case "long":
                data = new SetLongData(name, Long.parseLong(value));
                break;
            case "double":
                data = new SetDoubleData(name, Double.parseDouble(value));
                break;
            default:
                throw new IllegalArgumentException("type " + type);
        }
        IoTControlManager.getInstanceFor(c).setUsingIq(thing, data);
        System.out.println("OK set");
    }

    private static List<Tag> tags(String key, String sn) {
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag("KEY", Tag.Type.str, key));
        tags.add(new Tag("SN", Tag.Type.str, sn));
        tags.add(new Tag("MAN", Tag.Type.str, "Smack"));
        return tags;
    }

    private static void register(XMPPTCPConnection c, String registry, String key, String sn) throws Exception {
        Thing thing = Thing.builder()
                .setKey(key)
                .setSerialNumber(sn)
                .setManufacturer("Smack")
                .build();
        IoTDiscoveryManager.getInstanceFor(c).registerThing(JidCreate.from(registry), thing);
        System.out.println("OK registered");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // stay online so the registry can send claimed
        }
    }

    private static void claim(XMPPTCPConnection c, String registry, String key, String sn) throws Exception {
        IoTClaimed claimed =
                IoTDiscoveryManager.getInstanceFor(c).claimThing(JidCreate.from(registry), tags(key, sn), true);
        System.out.println("OK claimed " + claimed.getJid());
    }
}
