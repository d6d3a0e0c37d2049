package io.github.xmppiot.concentrator.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.IndexRef;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.SortOrder;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.DateTimeValue;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.impl.JidCreate;

/** Every typed XEP-0326 request (§3.2–§3.14) survives build → serialize → parse → read unchanged. */
class RequestProperties {

    static {
        ConcentratorProviders.register();
    }

    /** Data forms have no equals: compared by their XML. */
    static final Comparator<DataForm> FORM_BY_XML =
            Comparator.comparing(f -> f.toXML().toString());

    @Property(tries = 600)
    void everyTypedRequestRoundTripsThroughXml(@ForAll("requests") Request<?> request) throws Exception {
        ConcentratorRequest element = request.toElement();
        element.setTo(JidCreate.from("hub@example.org/hub"));
        element.setFrom(JidCreate.from("client@example.org/c"));
        element.setStanzaId("q1");
        String xml = element.toXML().toString();

        Stanza parsed = PacketParserUtils.parseStanza(xml);

        assertThat(parsed).as(xml).isInstanceOf(ConcentratorRequest.class);
        ConcentratorRequest back = (ConcentratorRequest) parsed;
        assertThat(back.command()).isEqualTo(request.wireCommand());
        Request<?> read = Request.of(back);
        assertThat(read)
                .as(xml)
                .usingRecursiveComparison()
                .withComparatorForType(FORM_BY_XML, DataForm.class)
                .isEqualTo(request);
        assertThat(read.getClass()).isEqualTo(request.getClass());
        if (back.form().isEmpty()) {
            assertThat(read).isEqualTo(request);
        }
    }

    @Property(tries = 100)
    void toElementGivesAFreshElementEachTime(@ForAll("requests") Request<?> request) throws Exception {
        ConcentratorRequest first = request.toElement();
        first.setTo(JidCreate.from("hub@example.org/hub"));
        ConcentratorRequest second = request.toElement();
        assertThat(second).isNotSameAs(first);
        assertThat((Object) second.getTo()).isNull();
    }

    @Provide
    Arbitrary<Request<?>> requests() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(new DataSourceRequest.GetCapabilities()),
                Arbitraries.just(new DataSourceRequest.GetAllDataSources()),
                Arbitraries.just(new DataSourceRequest.GetRootDataSources()),
                text().map(DataSourceRequest.GetChildDataSources::new),
                Combinators.combine(text(), kinds(), details(), since()).as(DataSourceRequest.Subscribe::new),
                Combinators.combine(text(), kinds()).as(DataSourceRequest.Unsubscribe::new),
                ref().map(NodeRequest.ContainsNode::new),
                refs().map(NodeRequest.ContainsNodes::new),
                Combinators.combine(ref(), details()).as(NodeRequest.GetNode::new),
                Combinators.combine(refs(), details()).as(NodeRequest.GetNodes::new),
                ref().map(NodeRequest.GetNodeInheritance::new),
                Combinators.combine(ref(), details()).as(NodeRequest.GetAncestors::new),
                Combinators.combine(ref(), direction()).as(NodeRequest.MoveNode::new),
                Combinators.combine(refs(), direction()).as(NodeRequest.MoveNodes::new),
                Combinators.combine(text(), details(), text().list().ofMaxSize(3))
                        .as(TreeRequest.GetAllNodes::new),
                Combinators.combine(text(), details()).as(TreeRequest.GetRootNodes::new),
                Combinators.combine(ref(), details(), sortOrders()).as(TreeRequest.GetChildNodes::new),
                text().map(TreeRequest.GetIndices::new),
                Combinators.combine(indexRef(), details()).as(TreeRequest.GetNodesFromIndex::new),
                Combinators.combine(indexRef().list().ofMaxSize(3), details()).as(TreeRequest.GetNodesFromIndices::new),
                Combinators.combine(text(), text()).as(TreeRequest.GetAllIndexValues::new),
                ref().map(EditRequest.GetNodeParametersForEdit::new),
                Combinators.combine(ref(), form()).as(EditRequest.SetNodeParametersAfterEdit::new),
                refs().map(EditRequest.GetCommonNodeParametersForEdit::new),
                Combinators.combine(refs(), form()).as(EditRequest.SetCommonNodeParametersAfterEdit::new),
                ref().map(EditRequest.GetAddableNodeTypes::new),
                Combinators.combine(ref(), text()).as(EditRequest.GetParametersForNewNode::new),
                Combinators.combine(ref(), text(), form()).as(EditRequest.CreateNewNode::new),
                ref().map(EditRequest.DestroyNode::new),
                ref().map(CommandRequest.GetNodeCommands::new),
                Combinators.combine(ref(), text()).as(CommandRequest.GetCommandParameters::new),
                Combinators.combine(ref(), text(), optionalForm()).as(CommandRequest.ExecuteNodeCommand::new),
                Combinators.combine(ref(), text(), optionalForm()).as(CommandRequest.ExecuteNodeQuery::new),
                Combinators.combine(ref(), text()).as(CommandRequest.AbortNodeQuery::new),
                refs().map(CommandRequest.GetCommonNodeCommands::new),
                Combinators.combine(text(), refs()).as(CommandRequest.GetCommonCommandParameters::new),
                Combinators.combine(text(), refs(), optionalForm()).as(CommandRequest.ExecuteCommonNodeCommand::new),
                Combinators.combine(text(), refs(), optionalForm()).as(CommandRequest.ExecuteCommonNodeQuery::new),
                Combinators.combine(text(), refs()).as(CommandRequest.AbortCommonNodeQuery::new),
                Arbitraries.just(new DatabaseRequest.GetDatabases()),
                text().map(DatabaseRequest.GetDatabaseReadoutParameters::new),
                Combinators.combine(text(), Arbitraries.integers(), refs(), form())
                        .as(DatabaseRequest.StartDatabaseReadout::new)));
    }

    /** Attribute and text values, with the characters XML must escape. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('<', '>', '&', '"', '\'', '-', 'é')
                .ofMinLength(1)
                .ofMaxLength(10);
    }

    private static Arbitrary<NodeRef> ref() {
        return Combinators.combine(text(), text().injectNull(0.3), text().injectNull(0.7))
                .as(NodeRef::of);
    }

    private static Arbitrary<List<NodeRef>> refs() {
        return ref().list().ofMaxSize(4);
    }

    private static Arbitrary<Set<NodeDetail>> details() {
        return Arbitraries.of(NodeDetail.class).set();
    }

    private static Arbitrary<Set<NodeEvent.Kind>> kinds() {
        return Arbitraries.of(NodeEvent.Kind.class)
                .set()
                .map(s -> s.isEmpty() ? EnumSet.noneOf(NodeEvent.Kind.class) : s);
    }

    private static Arbitrary<DateTimeValue> since() {
        return Arbitraries.longs()
                .between(0, 4_000_000_000L)
                .map(s -> DateTimeValue.of(Instant.ofEpochSecond(s)))
                .injectNull(0.5);
    }

    private static Arbitrary<Direction> direction() {
        return Arbitraries.of(Direction.class);
    }

    private static Arbitrary<IndexRef> indexRef() {
        return Combinators.combine(text(), text(), text()).as(IndexRef::new);
    }

    private static Arbitrary<List<SortOrder>> sortOrders() {
        return Combinators.combine(
                        text(), Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.4))
                .as(SortOrder::new)
                .list()
                .ofMaxSize(3);
    }

    private static Arbitrary<DataForm> form() {
        return Combinators.combine(text(), text()).as((var, value) -> {
            DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
            b.addField(FormField.textSingleBuilder(var).setValue(value).build());
            return b.build();
        });
    }

    private static Arbitrary<DataForm> optionalForm() {
        return form().injectNull(0.5);
    }
}
