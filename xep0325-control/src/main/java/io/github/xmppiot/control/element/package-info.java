/**
 * The XEP-0325 elements: {@code set} with typed parameters (§3.1, §3.2), {@code setResponse}, {@code getForm} and its
 * bare data-form answer (§3.3), {@code paramError} (§5.1) and the form-field child {@code parameterGroup} (§5.4). The
 * XEP-0336 {@code notSame} flag of control forms is {@code iot-core}'s
 * {@link io.github.xmppiot.core.element.DynamicFormFlag#NOT_SAME}, shared with XEP-0326.
 */
package io.github.xmppiot.control.element;
