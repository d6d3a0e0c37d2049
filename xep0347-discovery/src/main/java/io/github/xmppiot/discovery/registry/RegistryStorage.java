package io.github.xmppiot.discovery.registry;

/**
 * Where a Thing Registry keeps its records (XEP-0347 §3.6-§3.17): a small transactional interface, implemented over
 * JDBC by {@link JdbcRegistryStorage} (an embedded H2 file for one instance, PostgreSQL for several instances on one
 * database). Work done in {@link #inTransaction} is durable when the method
 * returns, so the registry acknowledges a request only after its changes are committed.
 *
 * @since 0.1.0
 */
public interface RegistryStorage extends AutoCloseable {

    /**
     * Runs work in one transaction: committed if it returns, rolled back if it throws.
     *
     * @param work the work
     * @param <T>  its result type
     * @return the work's result, after the commit
     * @throws RegistryStorageException if the storage fails
     * @throws RuntimeException         anything the work throws, after the rollback
     */
    <T> T inTransaction(TransactionWork<T> work);

    /**
     * Closes the storage; later calls fail.
     *
     * @throws RegistryStorageException if closing fails
     */
    @Override
    void close();

    /**
     * Work in a transaction.
     *
     * @param <T> its result type
     */
    @FunctionalInterface
    interface TransactionWork<T> {
        /**
         * Does the work.
         *
         * @param tx the transaction
         * @return the result
         */
        T run(RegistryTransaction tx);
    }
}
