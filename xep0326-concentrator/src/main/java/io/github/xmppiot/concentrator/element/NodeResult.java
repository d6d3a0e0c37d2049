package io.github.xmppiot.concentrator.element;

/**
 * The per-node outcome of a batch command, element {@code result} of {@code executeCommonNodeCommandResponse} and
 * {@code executeCommonNodeQueryResponse}, in the order of the request's nodes (XEP-0326 §3.13, CHECKLIST 326-14).
 *
 * @param success whether the command succeeded on that node
 * @param error   the error text when it failed, may be null
 * @since 0.1.0
 */
public record NodeResult(boolean success, String error) {}
