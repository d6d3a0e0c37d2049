package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.field.FieldCategory;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Category sets shared by the built-in sensors, so that a read does not allocate them. */
final class SensorCategories {

    /** Only {@link FieldCategory#MOMENTARY}. */
    static final Set<FieldCategory> MOMENTARY = Collections.unmodifiableSet(EnumSet.of(FieldCategory.MOMENTARY));

    private SensorCategories() {}
}
