package io.github.xmppiot.core.field;

import io.github.xmppiot.core.value.Values;

/**
 * Localisation hints of a field (XEP-0323 §3.8): the language {@code module} and the {@code stringIds} steps
 * ({@code ID[|Module][|Seed]}, comma-separated; {@code %0%} is the previous output, {@code %1%} the seed). Machines use
 * the unlocalised field name in logic; these hints only help a client show a translated name. The empty-module form
 * {@code 3||A1} of the XEP's own examples is accepted (CHECKLIST §9.1 item 4).
 *
 * @param module    the language module, or null
 * @param stringIds the string id steps, or null
 * @since 0.1.0
 */
public record Localization(String module, String stringIds) {

    /** No localisation. */
    public static final Localization NONE = new Localization(null, null);

    /**
     * Checks the texts.
     *
     * @throws IllegalArgumentException if either holds characters XML cannot carry
     */
    public Localization {
        if (module != null) {
            Values.xmlText(module, "module");
        }
        if (stringIds != null) {
            Values.xmlText(stringIds, "stringIds");
        }
    }

    /**
     * Whether no hint is present.
     *
     * @return true if both parts are absent
     */
    public boolean isEmpty() {
        return module == null && stringIds == null;
    }
}
