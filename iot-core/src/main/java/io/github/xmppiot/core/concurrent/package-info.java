/**
 * The one executor policy of every xmpp-iot manager: {@link io.github.xmppiot.core.concurrent.IotExecutors}, bounded
 * pools of named daemon threads, shared by default, injectable through each manager's settings, and shut down when the
 * last manager that uses them is closed. Nothing in xmpp-iot runs on {@code ForkJoinPool.commonPool()} or blocks
 * Smack's reader thread. A manager keeps its settings and their executors' lease in one
 * {@link io.github.xmppiot.core.concurrent.LeasedSettings}; a task a bounded executor refuses becomes a failed future
 * through {@link io.github.xmppiot.core.concurrent.Work} and, in an IQ handler, the answer
 * {@code wait/resource-constraint}.
 */
package io.github.xmppiot.core.concurrent;
