package io.github.xmppiot.control;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.internal.FormReader;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * A Thing's control form as fetched by {@link ControlClient#getForm} (XEP-0325 §3.3 "Getting a control form"), read
 * into typed {@link ParameterDescription}s. {@link #edit()} starts a partial submission (§3.3 "Setting a (partial)
 * control form") that contains only the edited fields, plus the form's hidden fields (for example an XEP-0336
 * {@code xdd session}).
 *
 * @since 0.1.0
 */
public final class ControlForm {

    private final Jid thing;
    private final List<NodeRef> nodes;
    private final Tokens tokens;
    private final DataForm form;
    private final List<ParameterDescription> parameters;

    private ControlForm(Jid thing, List<NodeRef> nodes, Tokens tokens, DataForm form) {
        this.thing = Objects.requireNonNull(thing, "thing");
        this.nodes = List.copyOf(nodes);
        this.tokens = tokens == null ? Tokens.NONE : tokens;
        this.form = Objects.requireNonNull(form, "form");
        this.parameters = FormReader.describe(form);
    }

    /**
     * Reads a control form.
     *
     * @param thing  the Thing's JID the form came from
     * @param nodes  the nodes the form was asked for (empty: the Thing itself)
     * @param tokens the tokens to send with a submission
     * @param form   the XEP-0004 form
     * @return the control form
     */
    public static ControlForm of(Jid thing, List<NodeRef> nodes, Tokens tokens, DataForm form) {
        return new ControlForm(thing, nodes, tokens, form);
    }

    /** @return the Thing's JID */
    public Jid thing() {
        return thing;
    }

    /** @return the nodes the form describes; empty for the Thing itself */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the form title, if any */
    public Optional<String> title() {
        return Optional.ofNullable(form.getTitle());
    }

    /** @return the parameters in the order the Thing expects them to be written */
    public List<ParameterDescription> parameters() {
        return parameters;
    }

    /**
     * A parameter by name.
     *
     * @param name the parameter name
     * @return its description, if the form has it
     */
    public Optional<ParameterDescription> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @return the XEP-0004 form as received */
    public DataForm dataForm() {
        return form;
    }

    /**
     * Starts a partial submission of this form.
     *
     * @return an empty submission
     */
    public Submission edit() {
        return new Submission();
    }

    /**
     * The edited fields of a control form (§3.3: "Control parameters not edited MUST not be included").
     */
    public final class Submission {
        private final Map<String, Value> edited = new LinkedHashMap<>();

        private Submission() {}

        /**
         * Edits a parameter.
         *
         * @param name  the parameter name
         * @param value the new value; its type must be the parameter's
         * @return this submission
         * @throws IllegalArgumentException if the form has no such parameter or the type differs
         */
        public Submission set(String name, Value value) {
            ParameterDescription p = parameter(name)
                    .orElseThrow(() -> new IllegalArgumentException("the control form has no parameter " + name));
            if (value.type() != p.type()) {
                throw new IllegalArgumentException(name + " is a " + p.type().elementName() + " parameter, not "
                        + value.type().elementName());
            }
            edited.put(name, value);
            return this;
        }

        /**
         * Edits a {@code boolean} parameter.
         *
         * @param name  the parameter name
         * @param value the new value
         * @return this submission
         */
        public Submission set(String name, boolean value) {
            return set(name, BooleanValue.of(value));
        }

        /**
         * Edits an {@code int} parameter.
         *
         * @param name  the parameter name
         * @param value the new value
         * @return this submission
         */
        public Submission set(String name, int value) {
            return set(name, new IntValue(value));
        }

        /**
         * Edits a {@code long} parameter.
         *
         * @param name  the parameter name
         * @param value the new value
         * @return this submission
         */
        public Submission set(String name, long value) {
            return set(name, new LongValue(value));
        }

        /**
         * Edits a {@code double} parameter.
         *
         * @param name  the parameter name
         * @param value the new value
         * @return this submission
         */
        public Submission set(String name, double value) {
            return set(name, new DoubleValue(value));
        }

        /**
         * Edits a {@code string} parameter.
         *
         * @param name  the parameter name
         * @param value the new value
         * @return this submission
         */
        public Submission set(String name, String value) {
            return set(name, StringValue.of(value));
        }

        /** @return the form this submission edits */
        public ControlForm form() {
            return ControlForm.this;
        }

        /**
         * The submitted form: the hidden fields of the original, then the edited fields in form order, each with its
         * field type.
         *
         * @return a form of type {@code submit}
         */
        public DataForm toDataForm() {
            DataForm.Builder submit = DataForm.builder(DataForm.Type.submit);
            for (FormField f : form.getFields()) {
                if (f.getType() == FormField.Type.hidden && f.getFieldName() != null) {
                    submit.addField(f);
                } else if (f.getFieldName() != null && edited.containsKey(f.getFieldName())) {
                    submit.addField(field(f, edited.get(f.getFieldName())));
                }
            }
            return submit.build();
        }

        /**
         * The {@code set} element carrying the submission, with the form's nodes and tokens.
         *
         * @return the element
         * @throws IllegalStateException if nothing was edited
         */
        public ControlSet toElement() {
            if (edited.isEmpty()) {
                throw new IllegalStateException("nothing edited: a submission must carry at least one parameter");
            }
            ControlSet.Builder set = ControlSet.builder().tokens(tokens).form(toDataForm());
            nodes.forEach(set::node);
            return set.build();
        }

        private FormField field(FormField original, Value value) {
            String var = original.getFieldName();
            switch (original.getType()) {
                case bool:
                    return value instanceof BooleanValue b
                            ? FormField.booleanBuilder(var).setValue(b.value()).build()
                            : FormField.textSingleBuilder(var)
                                    .setValue(value.lexical())
                                    .build();
                case list_single:
                    return FormField.listSingleBuilder(var)
                            .setValue(value.lexical())
                            .build();
                default:
                    return FormField.textSingleBuilder(var)
                            .setValue(value.lexical())
                            .build();
            }
        }
    }
}
