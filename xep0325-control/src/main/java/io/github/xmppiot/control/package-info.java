/**
 * XEP-0325 Internet of Things - Control. {@link io.github.xmppiot.control.ControlServer} is the Thing side (typed
 * {@code set} in IQs and messages, control forms, all-or-nothing validation, access policy);
 * {@link io.github.xmppiot.control.ControlClient} the controller side (typed setters, multi-parameter and multi-node
 * requests, message mode, control forms read into {@link io.github.xmppiot.control.ParameterDescription}s, partial
 * submissions). Refusals arrive as {@link io.github.xmppiot.control.ControlException} with every {@code paramError}.
 */
package io.github.xmppiot.control;
