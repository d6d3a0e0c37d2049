package io.github.xmppiot.hal.internal;

import io.github.xmppiot.hal.HalChannel;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;

/**
 * Wraps a backend channel in a proxy that enforces the lifecycle rules of {@link io.github.xmppiot.hal.HalContext}
 * for every channel kind: operations on a closed channel or a channel of a non-open context throw
 * {@link IllegalStateException}; {@code close} is idempotent and releases the claim.
 */
final class ChannelGuard implements InvocationHandler {

    private final String id;
    private final HalChannel target;
    private final BooleanSupplier contextOpen;
    private final Runnable onClose;
    private volatile boolean closed;

    private ChannelGuard(String id, HalChannel target, BooleanSupplier contextOpen, Runnable onClose) {
        this.id = id;
        this.target = target;
        this.contextOpen = contextOpen;
        this.onClose = onClose;
    }

    static <T extends HalChannel> T guard(
            Class<T> type, String id, T target, BooleanSupplier contextOpen, Runnable onClose) {
        Object proxy = Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, new ChannelGuard(id, target, contextOpen, onClose));
        return type.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = method.getParameterCount();
        if (method.getDeclaringClass() == Object.class) {
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return "HalChannel[" + id + (closed ? ", closed" : "") + "]";
            }
        }
        if (arity == 0) {
            switch (name) {
                case "id":
                    return id;
                case "isOpen":
                    return !closed && contextOpen.getAsBoolean();
                case "close":
                    close();
                    return null;
                default:
                    break;
            }
        }
        if (closed) {
            throw new IllegalStateException("channel " + id + " is closed");
        }
        if (!contextOpen.getAsBoolean()) {
            throw new IllegalStateException("the HAL context of channel " + id + " is not open");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            target.close();
        } finally {
            onClose.run();
        }
    }
}
