package io.github.xmppiot.core.provider;

import io.github.xmppiot.core.element.DynamicFormFlag;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.xdata.provider.FormFieldChildElementProvider;

/**
 * Reads one XEP-0336 flag ({@code xdd:readOnly}, {@code xdd:notSame}, {@code xdd:postBack}) inside a data-form field
 * (XEP-0336 §3.1, §3.3, §3.4), as XEP-0325 §3.3 control forms and XEP-0326 §3.9 parameter forms carry them.
 * Attributes and children of the flag are ignored (Smack skips to its end tag). Smack keys form-field child providers
 * by qualified name, so there is one instance per flag ({@link #of(DynamicFormFlag)});
 * {@link CoreProviders#register()} registers them (without them Smack's {@code FormFieldChildElementProviderManager}
 * drops the flags with a warning).
 *
 * @since 0.1.0
 */
public final class DynamicFormFlagProvider extends FormFieldChildElementProvider<DynamicFormFlag> {

    private static final Map<DynamicFormFlag, DynamicFormFlagProvider> INSTANCES = new EnumMap<>(DynamicFormFlag.class);

    static {
        for (DynamicFormFlag f : DynamicFormFlag.values()) {
            INSTANCES.put(f, new DynamicFormFlagProvider(f));
        }
    }

    private final DynamicFormFlag flag;

    private DynamicFormFlagProvider(DynamicFormFlag flag) {
        this.flag = flag;
    }

    /**
     * The provider of one flag.
     *
     * @param flag the flag
     * @return its provider (one shared instance per flag)
     */
    public static DynamicFormFlagProvider of(DynamicFormFlag flag) {
        return INSTANCES.get(flag);
    }

    @Override
    public QName getQName() {
        return flag.qname();
    }

    @Override
    public DynamicFormFlag parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
        return flag; // Provider.parse(parser, env) forwards to the end tag: content is ignored
    }
}
