/**
 * The XEP-0325 elements: {@code set} with typed parameters (§3.1, §3.2), {@code setResponse}, {@code getForm} and its
 * bare data-form answer (§3.3), {@code paramError} (§5.1) and the form-field children {@code parameterGroup} (§5.4)
 * and XEP-0336 {@code notSame}.
 */
package io.github.xmppiot.control.element;
