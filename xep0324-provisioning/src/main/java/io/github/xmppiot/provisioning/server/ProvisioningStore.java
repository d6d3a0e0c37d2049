package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The provisioning server's persistent state (XEP-0324 §3): owners of Things, friendships, read and control rules,
 * privileges, issued tokens, and which Things still have to be told to clear their caches (§3.5.1, also across a
 * server restart). Every mutating method returns only after its change is committed; the server acknowledges an
 * owner's change only then. Implementations must be thread-safe.
 *
 * <p>Tokens (XEP-0324 §3.1.3: "token lifetime is undefined") expire after a lifetime the implementation is configured
 * with; an expired token is treated exactly like one that was never issued.
 *
 * @since 0.1.0
 */
public interface ProvisioningStore extends AutoCloseable {

    /**
     * Records the owner of a Thing unless it already has one (first claim wins).
     *
     * @param thing the Thing's bare JID
     * @param owner the claimant's bare JID
     * @return the owner after the call (the claimant, or the earlier owner)
     * @throws SQLException on database errors
     */
    String claim(String thing, String owner) throws SQLException;

    /**
     * Remembers the claim key a Thing deposited (its XEP-0347 {@code KEY}, see {@link OwnerCommands#CLAIM_KEY}),
     * replacing an earlier one; only a one-way hash of it is kept.
     *
     * @param thing the Thing's bare JID
     * @param key   the key
     * @throws SQLException on database errors
     */
    void setClaimKey(String thing, String key) throws SQLException;

    /**
     * Whether a presented key is the claim key the Thing deposited (compared in constant time).
     *
     * @param thing the Thing's bare JID
     * @param key   the presented key
     * @return true if the Thing deposited exactly this key
     * @throws SQLException on database errors
     */
    boolean claimKeyMatches(String thing, String key) throws SQLException;

    /**
     * Forgets a Thing's claim key (a claim consumes it).
     *
     * @param thing the Thing's bare JID
     * @throws SQLException on database errors
     */
    void removeClaimKey(String thing) throws SQLException;

    /**
     * How many JIDs a Thing's {@code isFriend} questions were recorded for (bounded by the server, see
     * {@link #recordAsked}).
     *
     * @param thing the Thing's bare JID
     * @return the number of recorded JIDs
     * @throws SQLException on database errors
     */
    int askedCount(String thing) throws SQLException;

    /**
     * The owner of a Thing.
     *
     * @param thing the Thing's bare JID
     * @return the owner's bare JID, if claimed
     * @throws SQLException on database errors
     */
    Optional<String> owner(String thing) throws SQLException;

    /**
     * Records whether a Thing may add friends and trust relationships on its own (XEP-0324 §3.1.4 "Delegating
     * Secondary Trust"); returned in every {@code isFriendResponse} to that Thing.
     *
     * @param thing   the Thing's bare JID (claimed)
     * @param allowed whether secondary trust is allowed
     * @throws SQLException on database errors
     */
    void setSecondaryTrust(String thing, boolean allowed) throws SQLException;

    /**
     * Whether a Thing may add friends and trust relationships on its own (XEP-0324 §3.1.4); false by default and for
     * Things without an owner.
     *
     * @param thing the Thing's bare JID
     * @return whether secondary trust is allowed
     * @throws SQLException on database errors
     */
    boolean secondaryTrust(String thing) throws SQLException;

    /**
     * Hands a claimed Thing to another owner, keeping its rules.
     *
     * @param thing    the Thing's bare JID
     * @param newOwner the new owner's bare JID
     * @throws SQLException on database errors
     */
    void setOwner(String thing, String newOwner) throws SQLException;

    /**
     * Removes a Thing's owner and everything decided about it (secondary trust, friendships, read and control rules,
     * its access rules and privileges as a service), in one transaction.
     *
     * @param thing the Thing's bare JID
     * @throws SQLException on database errors
     */
    void disown(String thing) throws SQLException;

    /**
     * Sets or removes a friendship decision (XEP-0324 §3.2).
     *
     * @param thing  the Thing
     * @param friend the other party
     * @param allow  whether the friendship is allowed
     * @throws SQLException on database errors
     */
    void setFriendship(String thing, String friend, boolean allow) throws SQLException;

    /**
     * The friendship decision for a pair.
     *
     * @param thing  the Thing
     * @param friend the other party
     * @return the decision, empty if the owner made none
     * @throws SQLException on database errors
     */
    Optional<Boolean> friendship(String thing, String friend) throws SQLException;

    /**
     * All friendship decisions of a Thing.
     *
     * @param thing the Thing's bare JID
     * @return other party to decision, ordered by JID
     * @throws SQLException on database errors
     */
    Map<String, Boolean> friendships(String thing) throws SQLException;

    /**
     * Records that a Thing asked {@code isFriend} about a JID (XEP-0324 §3.2.3: {@code unfriend} is sent only to
     * Things that asked about that JID before).
     *
     * @param thing the Thing's bare JID
     * @param jid   the bare JID it asked about
     * @throws SQLException on database errors
     */
    void recordAsked(String thing, String jid) throws SQLException;

    /**
     * Whether a Thing ever asked {@code isFriend} about a JID.
     *
     * @param thing the Thing's bare JID
     * @param jid   the other party's bare JID
     * @return true if it asked
     * @throws SQLException on database errors
     */
    boolean hasAsked(String thing, String jid) throws SQLException;

    /**
     * Replaces the rule of {@code rule.principal()} for that Thing and kind.
     *
     * @param rule the rule
     * @throws SQLException on database errors
     */
    void putRule(Rule rule) throws SQLException;

    /**
     * Removes a rule.
     *
     * @param thing     the Thing
     * @param kind      read or control
     * @param principal the principal
     * @throws SQLException on database errors
     */
    void removeRule(String thing, AccessRequest.Kind kind, String principal) throws SQLException;

    /**
     * The rules of a Thing for some principals.
     *
     * @param thing      the Thing
     * @param kind       read or control
     * @param principals bare JIDs and {@code token:} principals
     * @return the rules
     * @throws SQLException on database errors
     */
    List<Rule> rules(String thing, AccessRequest.Kind kind, Collection<String> principals) throws SQLException;

    /**
     * All rules of a Thing of one kind.
     *
     * @param thing the Thing
     * @param kind  read or control
     * @return the rules, ordered by principal
     * @throws SQLException on database errors
     */
    List<Rule> rules(String thing, AccessRequest.Kind kind) throws SQLException;

    /**
     * Adds a rule saying which users a service may admit (XEP-0324 §3.6.2); an equal rule is replaced.
     *
     * @param rule the rule
     * @throws SQLException on database errors
     */
    void putAccessRule(AccessRule rule) throws SQLException;

    /**
     * Removes an access rule with the same conditions.
     *
     * @param rule the rule
     * @throws SQLException on database errors
     */
    void removeAccessRule(AccessRule rule) throws SQLException;

    /**
     * The access rules of a service (XEP-0324 §3.6.2).
     *
     * @param service the service's bare JID
     * @return its rules, empty if it may admit nobody
     * @throws SQLException on database errors
     */
    List<AccessRule> accessRules(String service) throws SQLException;

    /**
     * Marks or unmarks a Thing as having to clear its cache (XEP-0324 §3.5.1).
     *
     * @param thing   the Thing
     * @param pending whether a {@code clearCache} is owed
     * @throws SQLException on database errors
     */
    void setClearPending(String thing, boolean pending) throws SQLException;

    /**
     * The Things owed a {@code clearCache}.
     *
     * @return their bare JIDs
     * @throws SQLException on database errors
     */
    Set<String> clearPending() throws SQLException;

    /**
     * The generation of a Thing's {@code clearCache} mark (XEP-0324 §3.5.1): every {@link #setClearPending
     * setClearPending(thing, true)} makes a newer one, so that an acknowledgement of a {@code clearCache} sent before
     * a later change does not remove the mark of that change (several servers may share the store).
     *
     * @param thing the Thing
     * @return the generation, or empty if no {@code clearCache} is owed
     * @throws SQLException on database errors
     */
    default OptionalLong clearPendingGeneration(String thing) throws SQLException {
        return clearPending().contains(thing) ? OptionalLong.of(0) : OptionalLong.empty();
    }

    /**
     * Removes a Thing's {@code clearCache} mark if it is still of the given generation (the Thing acknowledged the
     * {@code clearCache} sent for it).
     *
     * @param thing      the Thing
     * @param generation the generation the acknowledged {@code clearCache} was sent for
     * @return true if no {@code clearCache} is owed any more; false if a later change needs another one
     * @throws SQLException on database errors
     */
    default boolean clearPendingDone(String thing, long generation) throws SQLException {
        setClearPending(thing, false);
        return true;
    }

    /**
     * Stores an issued token (XEP-0324 §3.1.3.1).
     *
     * @param token       the token
     * @param holder      the bare JID it was issued to
     * @param certificate the DER certificate it stands for
     * @throws SQLException on database errors
     */
    void putToken(String token, String holder, byte[] certificate) throws SQLException;

    /**
     * The certificate behind a token.
     *
     * @param token the token
     * @return the DER certificate, if the token was issued here and has neither expired nor been revoked
     * @throws SQLException on database errors
     */
    Optional<byte[]> tokenCertificate(String token) throws SQLException;

    /**
     * The holder a token was issued to.
     *
     * @param token the token
     * @return the holder's bare JID, if the token was issued here and has neither expired nor been revoked
     * @throws SQLException on database errors
     */
    Optional<String> tokenHolder(String token) throws SQLException;

    /**
     * Revokes a token (device, service or user token): from now on it is treated as never issued.
     *
     * @param token the token
     * @throws SQLException on database errors
     */
    void revokeToken(String token) throws SQLException;

    /**
     * Whether any read or control rule, of any Thing, names a principal.
     *
     * @param principal a bare JID or a {@code token:} principal
     * @return true if a rule refers to it
     * @throws SQLException on database errors
     */
    boolean isReferenced(String principal) throws SQLException;

    /**
     * Stores a user token issued by {@code canAccess} (XEP-0324 §3.6.2) for a service.
     *
     * @param userToken the user token
     * @param service   the service's bare JID
     * @throws SQLException on database errors
     */
    void putUserToken(String userToken, String service) throws SQLException;

    /**
     * Records the user name a user token of a service logged in as ({@code userLoggedIn}, §3.6.2); ignored if the
     * token was not issued for that service.
     *
     * @param service   the service's bare JID
     * @param userToken the user token
     * @param userName  the user name
     * @throws SQLException on database errors
     */
    void setUserName(String service, String userToken, String userName) throws SQLException;

    /**
     * The user name behind a user token, if the user logged in.
     *
     * @param service   the service's bare JID
     * @param userToken the user token
     * @return the user name, empty also if the user token has expired or was revoked
     * @throws SQLException on database errors
     */
    Optional<String> userName(String service, String userToken) throws SQLException;

    /**
     * Replaces the ordered privilege list of a user of a service (XEP-0324 §3.7); user {@code ""} holds the default
     * privileges of users that are not logged in.
     *
     * @param service the service's bare JID
     * @param user    the user name, or {@code ""}
     * @param rules   the ordered include/exclude list
     * @throws SQLException on database errors
     */
    void setPrivileges(String service, String user, List<PrivilegeRule> rules) throws SQLException;

    /**
     * The ordered privilege list of a user of a service.
     *
     * @param service the service's bare JID
     * @param user    the user name, or {@code ""}
     * @return the list, empty if none
     * @throws SQLException on database errors
     */
    List<PrivilegeRule> privileges(String service, String user) throws SQLException;

    /**
     * Closes the store.
     *
     * @throws SQLException on database errors
     */
    @Override
    void close() throws SQLException;
}
